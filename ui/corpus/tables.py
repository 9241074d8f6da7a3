"""A corpus view's table on screen with its CSV download under it.

The CSV holds the view's answer as the engine gives it (paragraphs count from 0, as in the
command line's files), its text cells neutralised against spreadsheet formulas
(analysis.export); on screen paragraphs count from 1, as on the article page.
"""
from __future__ import annotations

from collections.abc import MutableMapping
from functools import partial

import pandas as pd
import streamlit as st

from analysis.export import csv_bytes

from ..charts import MEASURES

_SCORE = dict(format="%+.2f", width="small")
COLUMNS = {
    "speaker": st.column_config.TextColumn("Speaker", width="medium"),
    "entity": st.column_config.TextColumn("Entity", width="medium"),
    "kind": st.column_config.TextColumn("Kind", width="small"),
    "label": st.column_config.TextColumn("Type", width="small"),
    "article": st.column_config.TextColumn("Article", width="medium", help="The article's file name"),
    "headline": st.column_config.TextColumn("Headline", width="medium", help="The article's first headline"),
    "articles": st.column_config.NumberColumn("Articles", width="small"),
    "quotes": st.column_config.NumberColumn("Quotes", width="small"),
    "words": st.column_config.NumberColumn("Words", width="small", help="Words quoted"),
    "mentions": st.column_config.NumberColumn("Mentions", width="small"),
    "paragraphs": st.column_config.NumberColumn("¶s", width="small", help="Paragraphs that mention it"),
    "paragraph": st.column_config.NumberColumn("¶", width="small", format="%d",
                                               help="Paragraph, counted from 1 (the CSV counts from 0)"),
    "quote": st.column_config.TextColumn("Quote", width="large"),
    "cue": st.column_config.TextColumn("Cue", width="small", help="The reporting word(s): said, told, according to"),
    "tone": st.column_config.TextColumn("Reads", width="small", help="The news model's reading, in words"),
    "tone_score": st.column_config.NumberColumn(
        "Tone", **_SCORE, help=f"{MEASURES['tone_score'].capitalize()}, −1 … +1"),
    "polarity": st.column_config.NumberColumn("Polarity", **_SCORE, help="TextBlob's lexicon polarity, −1 … +1"),
    **{f"quotes_{t}": st.column_config.NumberColumn(f"{t[:3]}.", width="small",
                                                     help=f"Quotes the news model reads as {t}")
       for t in ("negative", "neutral", "positive")},
    **{f"mentions_{t}": st.column_config.NumberColumn(f"{t[:3]}.", width="small",
                                                       help=f"Mentions the news model reads as {t} in their sentence")
       for t in ("negative", "neutral", "positive")},
}


def show(df: pd.DataFrame, *, key: str, file_name: str, helps: dict[str, str] | None = None,
         opens: tuple[str, str] | None = None) -> None:
    """The table and a CSV button under it.

    `helps` replaces the tooltips of some columns, where a view means something of its own by
    them. `opens` (a session state key and a tab) makes a row selectable: choosing one puts
    its first column's value in that key and opens that tab (see `open_chosen`).
    """
    columns = dict(COLUMNS)
    for column, text in (helps or {}).items():
        columns[column] = _with_help(columns[column], text)
    shown = df.assign(paragraph=df["paragraph"] + 1) if "paragraph" in df else df
    with st.container(key=f"{key}_box"):  # a table without selection carries no key of its own on the page
        st.dataframe(shown, hide_index=True, key=key, placeholder="", column_config=columns,
                     height=min(38 + 35 * max(len(df), 1), 460),
                     on_select=_opener(df, key, opens), selection_mode="single-row")
        # The CSV is written when the button is clicked, not on every run of the page.
        st.download_button(f"{file_name} ({len(df):,} rows)", partial(csv_bytes, df), file_name=file_name,
                           mime="text/csv", key=f"{key}_csv", icon=":material/download:", on_click="ignore")


def csv_name(view: str, name: str = "") -> str:
    """'corpus_quotes_Ingrid_Solberg.csv': a download's name from the view and what it is about."""
    slug = "".join(c if c.isalnum() or c in "-_" else "_" for c in name).strip("_")
    return f"corpus_{view}_{slug}.csv" if slug else f"corpus_{view}.csv"


def _opener(df: pd.DataFrame, table: str, opens: tuple[str, str] | None):
    if opens is None or df.empty:
        return "ignore"
    key, view = opens
    return partial(open_chosen, st.session_state, table=table, names=list(df.iloc[:, 0]), key=key, view=view)


def open_chosen(state: MutableMapping, *, table: str, names: list[str], key: str, view: str) -> None:
    """A table's selection callback: the chosen row's name goes to `state[key]`, and the tabs
    (`state["view"]`) to `view`, before the page runs again."""
    rows = state[table].selection.rows
    if rows:
        state[key] = names[rows[0]]
        state["view"] = view


def _with_help(column: dict, text: str) -> dict:
    return {**column, "help": text}


def more(rows: int, chart: int, limit: int) -> str:
    """A note that the chart shows fewer names than the table, and the table perhaps fewer than there are."""
    if rows <= chart:
        return ""
    shown = f"the first {limit:,}" if rows == limit else f"all {rows:,}"
    return f" The chart shows the first {chart}; the table {shown}."


def choose(df: pd.DataFrame, column: str, *, key: str, label: str, help: str, empty: str) -> pd.Series | None:
    """A select box over a view's `column` (kept in the address, so the choice can be
    bookmarked; the first row until one is chosen), and the chosen row; None, saying
    `empty`, when the view has no rows."""
    names = list(df[column]) if len(df) else []
    if not names:
        st.info(empty, icon=":material/info:")
        return None
    if st.session_state.get(key) not in names:
        st.session_state[key] = names[0]
    name = st.selectbox(label, names, key=key, bind="query-params", help=help)
    return df.iloc[names.index(name)]
