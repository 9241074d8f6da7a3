"""The corpus page below its title: the store, the search, the totals and a tab per view.

The sidebar opens a store and holds the options the views share (speaker kinds, entity
types), so a choice made on one tab holds on the others. The search and the open tab
(and the speaker or entity chosen) are part of the page's address, so a view can be
bookmarked or sent.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import streamlit as st

from analysis.corpus.queries import SPEAKER_KINDS, SPEAKING, StoreError, Totals

from ..fmt import code, label_name
from . import entities, source, speakers, views
from .source import Store

TABS = {"Speakers": speakers.render_speakers, "Quotes": speakers.render_quotes,
        "Entities": entities.render_entities, "Tone toward": entities.render_tone}


def main() -> None:
    store = source.choose()
    if store is None:
        return
    try:
        kinds, labels = _options(store)
        _about(store)
        _views(store, kinds, labels)
    except StoreError as exc:
        _unreadable(store, exc)


# A fragment: a search, a tab, a name or a row chosen runs only this part of the page again,
# so the browser redraws the views alone, not the sidebar around them.
@st.fragment
def _views(store: Store, kinds: tuple[str, ...], labels: tuple[str, ...]) -> None:
    try:
        whole = views.totals(store.path, store.version, "")
        st.caption(_described(store, whole))
        search = st.text_input(
            "Search the articles", key="search", bind="query-params", icon=":material/search:",
            placeholder="A word or phrase in the articles' text or file names",
            help="Every view counts only the articles whose text (headline, body, captions) or file name holds "
                 "these words: whole words, in any case. Press Enter to search; empty the box for every "
                 "article.").strip()
        found = views.totals(store.path, store.version, search) if search else whole
        _totals(found, whole, search)
        if search and not found.articles:
            st.info(f"No article holds {code(search)}.", icon=":material/search_off:")
            return
        tabs = st.tabs(list(TABS), key="view", on_change="rerun", bind="query-params")
        for (name, render), tab in zip(TABS.items(), tabs, strict=True):
            if tab.open:
                with tab:
                    render(store, search, kinds if name in ("Speakers", "Quotes") else labels)
    except StoreError as exc:
        _unreadable(store, exc)


def _unreadable(store: Store, exc: StoreError) -> None:
    """A store taken for writing (a run of the command line) since it was opened: a question
    not asked before cannot be answered until the run is done."""
    st.error(f"Could not read {code(store.name)}: {exc.reason}.", icon=":material/error:")


def _options(store: Store) -> tuple[tuple[str, ...], tuple[str, ...]]:
    st.sidebar.header("Options")
    kinds = st.sidebar.pills("Speaker kinds", SPEAKER_KINDS, selection_mode="multi", default=list(SPEAKING),
                             key="corpus_kinds",
                             help="Who the speaker views count: sources are reports, polls and documents.")
    labels = _entity_types(views.labels(store.path, store.version))
    return tuple(k for k in SPEAKER_KINDS if k in (kinds or [])), labels


def _entity_types(found: list[str]) -> tuple[str, ...]:
    """Entity type pills: every type the store holds, less those the reader switched off
    (kept when another store, with other types, is opened)."""
    hidden = st.session_state.setdefault("corpus_labels_hidden", set())
    st.session_state["corpus_labels"] = [label for label in found if label not in hidden]

    def remember() -> None:
        chosen = set(st.session_state["corpus_labels"] or [])
        st.session_state["corpus_labels_hidden"] = (hidden - set(found)) | (set(found) - chosen)

    chosen = st.sidebar.pills("Entity types", found, selection_mode="multi", key="corpus_labels",
                              on_change=remember, format_func=label_name, help="Which entities the entity views count.")
    return tuple(label for label in found if label in (chosen or []))


def _described(store: Store, whole: Totals) -> str:
    what = {"demo": "the bundled demo corpus, this project's own invented news articles",
            "server": "the store this server was started with", "upload": "an uploaded store"}[store.origin]
    return f"{code(store.name)} · {what} · {whole.articles:,} articles, {whole.words:,} words"


def _totals(found: Totals, whole: Totals, search: str) -> None:
    columns = st.columns(5)
    for column, (label, attr) in zip(columns, [("Articles", "articles"), ("Words", "words"), ("Quotes", "quotes"),
                                               ("Speakers", "speakers"), ("Entities", "entities")], strict=True):
        value, total = getattr(found, attr), getattr(whole, attr)
        column.metric(label, f"{value:,}", border=True,
                      help=f"{value:,} of {total:,} in the store" if search else None)
    if search:
        st.caption(f"{found.articles:,} of {whole.articles:,} articles hold {code(search)}.")


def _about(store: Store) -> None:
    with st.sidebar.expander("About this store"):
        if store.origin == "upload":
            st.caption(f"{code(store.name)}, uploaded; opened read-only.")
        else:
            path = Path(store.path)
            changed = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            st.caption(f"{code(path.name)}, {path.stat().st_size / 1e6:.1f} MB, changed {changed}; opened read-only, "
                       "for each question not asked before, so the command line can add to it meanwhile.")
        if store.origin == "demo":
            st.caption(f"Rebuild the demo with `{source.BUILD_DEMO}`.")
        st.caption("Speakers and entities are counted by name, in any case, across articles. Tone is the news "
                   "model's; polarity is TextBlob's lexicon reading.")
