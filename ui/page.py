"""The page below the title: sources, options, the chosen article and its tabs.

dashboard.py draws the title first and imports this module under a start-up note, since
its imports (spaCy, pandas, plotly) take seconds on a cold server.
"""
from __future__ import annotations

import html

import streamlit as st

from . import compare, downloads, entities, overview, paste, sidebar, speakers, text
from .data import Loaded, Source, load_all
from .fmt import code
from .summary import headline


def readable(sources: list[Source], is_sample: bool) -> list[tuple[Source, Loaded]]:
    """Analyse every source; name each unreadable file; fall back to the sample if none is left."""
    loaded = load_all(sources, st.empty())
    for item in loaded:
        if item.error:
            st.error(f"Could not read {code(item.name)}: {item.error}.", icon=":material/error:")
    good = [(s, item) for s, item in zip(sources, loaded, strict=True) if item.analysis is not None]
    if good or is_sample:
        return good
    st.info("Showing the sample article until an article can be read.", icon=":material/info:")
    sample = sidebar.sample_source()
    return readable([sample], True)


def pick_article(good: list[tuple[Source, Loaded]]) -> tuple[Source, Loaded]:
    if len(good) == 1:
        return good[0]
    names = [s.name for s, _ in good]
    if st.session_state.get(paste.ARTICLE) not in names:
        st.session_state[paste.ARTICLE] = names[0]
    name = st.selectbox("Article", names, key=paste.ARTICLE, help="Every tab but Compare shows this article.")
    return good[names.index(name)]


def main() -> None:
    sources, is_sample = sidebar.sources()
    good = readable(sources, is_sample)
    labels = sorted({label for _, item in good for label in item.analysis.mentions["label"]})
    opts = sidebar.options(labels)
    sidebar.about(is_sample)
    paste.render(expanded=is_sample)
    source, loaded = pick_article(good)
    st.html(f'<p style="font-size:1.35rem;font-weight:650;margin:0">{html.escape(headline(loaded.analysis))}</p>')
    note = " · the bundled sample article" if is_sample else ""
    st.caption(f"{code(source.name)}{note} · analysed in {loaded.seconds:.1f} s")
    # The same tabs for one article or several, so the open tab stays open when a second arrives.
    names = ["Overview", "Speakers", "Text", "Entities", "Compare", "Download"]
    tabs = dict(zip(names, st.tabs(names, key="tab", on_change="rerun"), strict=True))
    views = {
        "Overview": lambda: overview.render(loaded, source, opts),
        "Speakers": lambda: speakers.render(loaded, source, opts),
        "Text": lambda: text.render(loaded, opts),
        "Entities": lambda: entities.render(loaded, source, opts),
        "Compare": lambda: compare.render(good, opts),
        "Download": lambda: downloads.render(loaded, source, good, opts),
    }
    for name, tab in tabs.items():
        if tab.open:
            with tab:
                views[name]()

