"""Speakers tab: who is quoted, in what tone, and how the text talks about them."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from analysis import charts
from analysis.highlight import article_html, legend_html, matching_paragraphs

from . import summary
from .data import Loaded, Source, entities_for, speakers_for
from .fmt import code, tone_text
from .sidebar import Options

PICK = "speaker_pick"
ALL = ""  # the selectbox's "every speaker" choice: no speaker has an empty name
POLARITY = st.column_config.NumberColumn(format="%+.2f", help="−1 negative … +1 positive")


def render(loaded: Loaded, source: Source, opts: Options) -> None:
    a = loaded.analysis
    _, _, quotes = summary.counted(a, opts.kinds)
    speakers = speakers_for(source.data, source.name, opts.kinds)
    if speakers.empty:
        _no_speakers(len(quotes))
        return
    entities = entities_for(source.data, source.name, opts.kinds)
    names = list(speakers["speaker"])
    st.plotly_chart(charts.speaker_chart(speakers, quotes, entities, **opts.thresholds), key="speaker_chart",
                    on_select=_pick_from_chart, selection_mode="points",
                    alt="Polarity and subjectivity of each speaker's quotes")
    st.caption("◆ mean polarity of the speaker's quotes, the bar their range, dots single quotes; "
               "□ the tone of the sentences that mention them. Click a speaker's mark, or choose below, "
               "to read their quotes in context.")
    unnamed = int((quotes["speaker"].fillna("").astype(str) == "").sum())
    if unnamed:
        st.caption(f"{unnamed} more quote(s) have no speaker the engine could name; the Text tab marks them.")
    _table(speakers, entities)
    if st.session_state.get(PICK) not in names:
        st.session_state[PICK] = ALL
    pick = st.selectbox("Speaker", [ALL, *names], key=PICK, format_func=lambda n: n or "All speakers")
    _quotes(quotes[quotes["speaker"] == pick] if pick else quotes)
    if pick:
        _in_context(a, quotes, speakers, entities, pick, opts)


def _pick_from_chart() -> None:
    points = st.session_state["speaker_chart"].selection.points
    if points:
        st.session_state[PICK] = html.unescape(str(points[0]["y"]))


def _no_speakers(n_quotes: int) -> None:
    if n_quotes:
        st.info(f"{n_quotes} quote(s) found in the counted paragraphs, but none with a speaker the engine "
                "could name. They are marked in the Text tab.")
    else:
        st.info("No quotes found in the counted paragraphs. Quotes in other kinds of paragraph count "
                "when you add those kinds in the sidebar.")


def _table(speakers: pd.DataFrame, entities: pd.DataFrame) -> None:
    st.dataframe(summary.speaker_overview(speakers, entities), hide_index=True, key="speaker_table",
                 column_config={
                     "speaker": "Speaker", "quotes": "Quotes", "words": "Words quoted",
                     "polarity": st.column_config.NumberColumn("What they say", format="%+.2f",
                                                               help="Mean polarity of their quotes"),
                     "polarity_min": st.column_config.NumberColumn("Lowest", format="%+.2f"),
                     "polarity_max": st.column_config.NumberColumn("Highest", format="%+.2f"),
                     "subjectivity": st.column_config.NumberColumn("Subjectivity", format="%.2f"),
                     "about": st.column_config.NumberColumn(
                         "Text about them", format="%+.2f",
                         help="Mean polarity of the sentences that mention them (entity polarity)"),
                     "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
                     "gap": st.column_config.NumberColumn(
                         "Says − about", format="%+.2f",
                         help="Positive: they sound more positive than the text around them"),
                 })


def _quotes(quotes: pd.DataFrame) -> None:
    columns = [c for c in ("speaker", "paragraph", "kind", "cue", "channel", "polarity", "subjectivity",
                           "quote") if c in quotes and (c != "channel" or quotes[c].fillna("").astype(bool).any())]
    st.dataframe(quotes[columns], hide_index=True, key="quote_table", column_config={
        "speaker": "Speaker", "paragraph": st.column_config.NumberColumn("¶", format="%d"),
        "kind": "Kind", "cue": "Cue", "channel": "Via",
        "polarity": st.column_config.NumberColumn("Polarity", format="%+.2f"),
        "subjectivity": st.column_config.NumberColumn("Subjectivity", format="%.2f"),
        "quote": st.column_config.TextColumn("Quote", width="large"),
    })


def _in_context(a, quotes: pd.DataFrame, speakers: pd.DataFrame, entities: pd.DataFrame,
                pick: str, opts: Options) -> None:
    st.subheader("In context")
    said = speakers.loc[speakers["speaker"] == pick].iloc[0]
    about = entities[entities["entity"] == pick]
    left, right = st.columns(2)
    left.metric(f"What {code(pick)} says", tone_text(said["polarity"], **opts.thresholds), border=True,
                help=f"Mean polarity of {said['quotes']} quote(s)")
    if len(about):
        right.metric("How the text talks about them", tone_text(about["polarity"].iloc[0], **opts.thresholds),
                     border=True, help=f"Mean polarity of the sentences of its {about['mentions'].iloc[0]} "
                                       "mention(s)")
    else:
        right.metric("How the text talks about them", "not named as an entity", border=True)
    only = matching_paragraphs(a.paragraphs, a.mentions, quotes, speaker=pick)
    st.html(legend_html(sorted(set(a.mentions["label"]) & set(opts.labels)), **opts.thresholds))
    st.html(article_html(a.paragraphs, a.sentences, a.mentions, quotes, only=only, labels=opts.labels,
                         speaker=pick, entity=pick, **opts.thresholds))
