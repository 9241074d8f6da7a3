"""Entities tab: mentions per entity and type, and where in the article they fall."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.tone import LABELS

from . import charts, summary
from .data import Loaded, Source, entities_for
from .fmt import upper_first
from .sidebar import Options

TOP = 20


def render(loaded: Loaded, source: Source, opts: Options) -> None:
    a = loaded.analysis
    tone = opts.tone
    entities = entities_for(source.data, source.name, opts.kinds)
    entities = entities[entities["label"].isin(opts.labels)]
    if entities.empty:
        st.info("No entities of the chosen types in the counted paragraphs.")
        return
    paragraphs, _, _ = summary.counted(a, opts.kinds)
    mentions = a.mentions[a.mentions["paragraph"].isin(set(paragraphs["paragraph"]))
                          & a.mentions["label"].isin(opts.labels)]
    left, right = st.columns(2)
    with left:
        st.plotly_chart(charts.entity_bars(entities, top=TOP, measure=tone), key="entity_chart",
                        alt="Number of mentions of each entity, coloured by type")
    with right:
        shown = entities.assign(reading=[tone.words(v) if pd.notna(v) else "" for v in entities[tone.column]])
        st.dataframe(shown[["entity", "label", "mentions", "paragraphs", tone.column, "reading", tone.other, *LABELS]],
                     hide_index=True, placeholder="",
                     key="entity_table", height=min(38 + 35 * len(entities), 460), column_config={
                         "entity": st.column_config.TextColumn("Entity", width="medium"),
                         "label": st.column_config.TextColumn("Type", width="small"),
                         "mentions": st.column_config.NumberColumn("Mentions", width="small"),
                         "paragraphs": st.column_config.NumberColumn("¶s", width="small",
                                                                     help="Paragraphs that mention it"),
                         **{c: st.column_config.NumberColumn(
                             f"About it ({charts.MEASURES[c]})", format="%+.2f", width="small",
                             help=upper_first(charts.ABOUT[c]))
                            for c in (tone.column, tone.other)},
                         "reading": st.column_config.TextColumn("Reads", width="small",
                                                                help=f"The text about it in words, by {tone.name}"),
                         **{label: st.column_config.NumberColumn(
                             f"{label[:3]}.", width="small",
                             help=f"Mentions the news model reads as {label} in their sentence")
                            for label in LABELS}})
    top = list(entities.nlargest(TOP, "mentions", keep="first")["entity"])
    st.plotly_chart(charts.mention_heatmap(mentions, paragraphs, entities=top), key="heatmap_chart",
                    alt="Mentions of each entity in each paragraph")
    if len(entities) > TOP:
        st.caption(f"The charts show the {TOP} most mentioned of {len(entities)} entities; the table has all.")
