"""Speakers tab: who is quoted, in what tone, and how the text talks about them."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from analysis.speakers.speaker_kinds import SPEAKING_KINDS

from . import charts, summary
from .charts import Measure, signed
from .data import Loaded, Source, entities_for, speakers_for
from .fmt import code, upper_first
from .highlight import article_html, legend_html, matching_paragraphs
from .sidebar import Options

PICK = "speaker_pick"
ALL = ""  # the selectbox's "every speaker" choice: no speaker has an empty name


def render(loaded: Loaded, source: Source, opts: Options) -> None:
    a = loaded.analysis
    tone = opts.tone
    _, _, quotes = summary.counted(a, opts.kinds)
    everyone = speakers_for(source.data, source.name, opts.kinds)
    speakers = everyone[everyone["kind"].isin(SPEAKING_KINDS)]
    sources = everyone[~everyone["kind"].isin(SPEAKING_KINDS)]
    if speakers.empty:
        _no_speakers(len(quotes), sources)
        return
    entities = entities_for(source.data, source.name, opts.kinds)
    names = list(everyone["speaker"])
    st.plotly_chart(charts.speaker_chart(speakers, quotes, entities, measure=tone), key="speaker_chart",
                    on_select=_pick_from_chart, selection_mode="points",
                    alt=f"{upper_first(tone.name)} and TextBlob subjectivity of each speaker's quotes")
    st.caption(f"◆ {tone.said}, the bar the range of their single quotes, dots single quotes; "
               f"□ the text about them ({tone.about}). Hover for {tone.other_name}. Click a speaker's mark, "
               "or choose below, to read their quotes in context.")
    if len(sources):
        st.caption("Quoted as sources, not compared as speakers: " + _listing(sources) + ".")
    unnamed = int((quotes["speaker"].fillna("").astype(str) == "").sum())
    if unnamed:
        st.caption(f"{unnamed} more quote(s) have no speaker the engine could name; the Text tab marks them.")
    _table(summary.speaker_overview(speakers, entities, quotes, tone), tone)
    if st.session_state.get(PICK) not in names:
        st.session_state[PICK] = ALL
    pick = st.selectbox("Speaker", [ALL, *names], key=PICK, format_func=lambda n: n or "All speakers")
    _quotes(quotes[quotes["speaker"] == pick] if pick else quotes, tone)
    if pick:
        _in_context(a, quotes, everyone, entities, pick, opts)


def _pick_from_chart() -> None:
    points = st.session_state["speaker_chart"].selection.points
    if points:
        st.session_state[PICK] = html.unescape(str(points[0]["y"]))


def _listing(sources: pd.DataFrame) -> str:
    """'the report (2 quotes), poll (1 quote)', names shown literally."""
    return ", ".join(f"{code(n)} ({q} quote{'s' if q != 1 else ''})"
                     for n, q in zip(sources["speaker"], sources["quotes"]))


def _no_speakers(n_quotes: int, sources: pd.DataFrame) -> None:
    if len(sources):
        st.info("No person, organisation or group is quoted in the counted paragraphs, only sources: "
                + _listing(sources) + ". The Text tab marks their quotes.")
        return
    if n_quotes:
        st.info(f"{n_quotes} quote(s) found in the counted paragraphs, but none with a speaker the engine "
                "could name. They are marked in the Text tab.")
    else:
        st.info("No quotes found in the counted paragraphs. Quotes in other kinds of paragraph count "
                "when you add those kinds in the sidebar.")


def _score(label: str, tip: str) -> st.column_config.NumberColumn:
    return st.column_config.NumberColumn(label, format="%+.2f", help=tip)


def _table(overview: pd.DataFrame, tone: Measure) -> None:
    st.dataframe(overview, hide_index=True, key="speaker_table", placeholder="", column_config={
        "speaker": "Speaker", "kind": "Kind", "quotes": "Quotes", "words": "Words quoted",
        "says": _score(f"What they say ({tone.name})", f"{upper_first(tone.said)} (−1 … +1)"),
        "reading": st.column_config.TextColumn("Reads", help=f"What they say in words, by {tone.name}"),
        "low": _score("Lowest", f"Their most negative quote by {tone.name}"),
        "high": _score("Highest", f"Their most positive quote by {tone.name}"),
        "about": _score(f"Text about them ({tone.name})", f"{upper_first(tone.about)} (−1 … +1)"),
        "gap": None,
        "contrast": st.column_config.TextColumn(
            "They sound", help="What they say against the text about them, by the same measure; within the "
                               "neutral range of each other reads as in line. Empty: the text never names them."),
        "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
        "subjectivity": st.column_config.NumberColumn(
            "Subjectivity", format="%.2f",
            help="TextBlob subjectivity of their quotes: 0 all fact, 1 all opinion; under 0.3 mostly fact, "
                 "from 0.6 mostly opinion"),
        "says_other": _score(f"What they say ({tone.other_name})", upper_first(charts.SAID[tone.other])),
        "about_other": _score(f"Text about them ({tone.other_name})", upper_first(charts.ABOUT[tone.other])),
    })


def _quotes(quotes: pd.DataFrame, tone: Measure) -> None:
    columns = [c for c in ("speaker", "paragraph", "kind", "cue", "channel", tone.column, tone.other, "subjectivity",
                           "quote") if c in quotes and (c != "channel" or quotes[c].fillna("").astype(bool).any())]
    shown = quotes[columns].assign(paragraph=quotes["paragraph"] + 1)  # on screen paragraphs count from 1
    st.dataframe(shown, hide_index=True, key="quote_table", placeholder="", column_config={
        "speaker": "Speaker", "paragraph": st.column_config.NumberColumn("¶", format="%d"),
        "kind": "Kind", "cue": "Cue", "channel": "Via",
        **{c: _score(upper_first(charts.MEASURES[c]), "−1 negative … +1 positive") for c in charts.MEASURES},
        "subjectivity": st.column_config.NumberColumn("Subjectivity", format="%.2f",
                                                      help="TextBlob: 0 all fact … 1 all opinion"),
        "quote": st.column_config.TextColumn("Quote", width="large"),
    })


def _in_context(a, quotes: pd.DataFrame, speakers: pd.DataFrame, entities: pd.DataFrame,
                pick: str, opts: Options) -> None:
    tone = opts.tone
    st.subheader("In context")
    said = speakers.loc[speakers["speaker"] == pick].iloc[0]
    about = entities[entities["entity"] == pick]
    left, right = st.columns(2)
    left.metric(f"What {code(pick)} says", tone.text(said[tone.column], said.get("tone")), border=True,
                help=f"{upper_first(tone.said)} ({said['quotes']} quote(s)); {charts.SAID[tone.other]} "
                     f"{signed(said[tone.other])}")
    if len(about):
        row = about.iloc[0]
        right.metric("How the text talks about them", tone.text(row[tone.column]), border=True,
                     help=f"{upper_first(tone.about)} ({row['mentions']} mention(s)); "
                          f"{tone.other_name} {signed(row[tone.other])}")
    else:
        right.metric("How the text talks about them", "not named as an entity", border=True)
    only = matching_paragraphs(a.paragraphs, a.mentions, quotes, speaker=pick)
    st.html(legend_html(sorted(set(a.mentions["label"]) & set(opts.labels)), measure=tone))
    st.html(article_html(a.paragraphs, a.sentences, a.mentions, quotes, only=only, labels=opts.labels,
                         speaker=pick, entity=pick, measure=tone))
