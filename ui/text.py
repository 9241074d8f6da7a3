"""Text tab: the article with entities, quotes and sentence tone highlighted, and a word search."""
from __future__ import annotations

import streamlit as st

from analysis import Analysis

from . import kwic
from .data import Loaded
from .highlight import LAYERS, article_html, legend_html, matching_paragraphs
from .sidebar import Options

CALM = ("tone", "quotes")
LAYER_NAMES = {"tone": "Sentence tone", "scores": "Tone scores", "entities": "Entities", "quotes": "Quotes"}


def render(loaded: Loaded, opts: Options) -> None:
    a = loaded.analysis
    mentions = a.mentions[a.mentions["label"].isin(opts.labels)]
    speakers = sorted(set(a.quotes["speaker"].dropna().astype(str)) - {""})
    entities = list(mentions["entity"].value_counts().index)
    left, mid, right = st.columns([3, 2, 2])
    # Opens calm: the tone tint and the quotes; the reader switches on scores and entity boxes.
    layers = left.pills("Show", LAYERS, selection_mode="multi", default=list(CALM), key="text_layers",
                        format_func=LAYER_NAMES.get)
    speaker = _one(mid, "Quotes of one speaker", speakers, "text_speaker")
    entity = _one(right, "Mentions of one entity", entities, "text_entity")
    only = matching_paragraphs(a.paragraphs, mentions, a.quotes, speaker=speaker, entity=entity)
    find = st.text_input("Find words in the article", key="text_find", type="search",
                         placeholder="A word or phrase", help="Whole words, any case: “war” finds “War” and "
                         "“war’s” but not “award”. Only the paragraphs the filters show are searched.") or ""
    if find.strip():
        _matches(a, find, only, filtered=bool(speaker or entity))
    st.html(legend_html(sorted(set(mentions["label"])), layers=layers, measure=opts.tone, find=bool(find.strip())))
    shown = f"{len(only)} of {len(a.paragraphs)} paragraphs match the filters. " if speaker or entity else ""
    st.caption(f"{shown}Sentences are tinted and scored by {opts.tone.name} (the tone measure in the sidebar); "
               f"hover a sentence for its {opts.tone.other_name}, its subjectivity and the words TextBlob scored. "
               "With Tone scores on, “Why these scores” under each paragraph lists those words. Entity types "
               "to box are chosen in the sidebar.")
    with st.container(key="article_html"):
        st.html(article_html(a.paragraphs, a.sentences, mentions, a.quotes, only=only, labels=opts.labels,
                             speaker=speaker, entity=entity, layers=layers, measure=opts.tone, find=find))


def _matches(a: Analysis, find: str, only: list[int], *, filtered: bool) -> None:
    """Every match of `find` in the shown paragraphs, counted and listed with its context."""
    hits = kwic.find(a.paragraphs, a.quotes, find, only=only)
    st.caption(kwic.count_text(hits, find, searched=len(only) if filtered else None))
    if len(hits):
        # Widths that fit the tab: the contexts take the room, the speaker stays in view.
        st.dataframe(kwic.shown(hits), hide_index=True, key="kwic_table", column_config={
            "paragraph": st.column_config.NumberColumn("¶", format="%d", width=40,
                                                       help="Paragraph, numbered as beside the article"),
            "left": st.column_config.TextColumn("Before", width=330, alignment="right"),
            "match": st.column_config.TextColumn("Match", width="small"),
            "right": st.column_config.TextColumn("After", width=330),
            "speaker": st.column_config.TextColumn("Quoted speaker", width=140,
                                                   help="Who says these words, when they fall in a quote"),
        })


def _one(where, label: str, options: list[str], key: str) -> str | None:
    """A selectbox for one name or none; a stale choice from another article is dropped."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = ""
    return where.selectbox(label, ["", *options], key=key, format_func=lambda n: n or "All") or None
