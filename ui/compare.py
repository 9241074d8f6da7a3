"""Compare tab: the articles side by side, and one speaker or entity across them."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from analysis import Analysis
from analysis.entities.identity import corpus_names

from . import charts, summary
from .data import Loaded, Source, entities_for, speakers_for
from .fmt import code, upper_first
from .highlight import article_html, matching_paragraphs
from .sidebar import Options

PER_ROW = 3


def render(good: list[tuple[Source, Loaded]], opts: Options) -> None:
    if len(good) < 2:
        st.info("Compare puts two or more articles side by side, and follows one speaker or entity across "
                "them. Upload, paste or fetch another article to compare it with this one.",
                icon=":material/compare_arrows:")
        return
    tables = {s.name: (speakers_for(s.data, s.name, opts.kinds), entities_for(s.data, s.name, opts.kinds))
              for s, _ in good}
    tables, analyses = one_name_each(tables, [loaded.analysis for _, loaded in good])
    tone = opts.tone
    _overview(analyses, tables, opts)
    what = st.segmented_control("Compare", ["Speaker", "Entity"], default="Speaker", key="compare_what",
                                required=True)
    if what == "Speaker":
        names = summary.shared_names([sp for sp, _ in tables.values()], "speaker")
    else:
        labelled = [en[en["label"].isin(opts.labels)] for _, en in tables.values()]
        names = summary.shared_names(labelled, "entity")
    if not names:
        st.info(f"No {what.lower()} found in these articles.")
        return
    if st.session_state.get("compare_name") not in names:
        st.session_state["compare_name"] = names[0]
    counts = {n: sum(n in set(df[c]) for df, c in _columns(tables, what)) for n in names}
    name = st.selectbox(what, names, key="compare_name",
                        format_func=lambda n: f"{n} · in {counts[n]} of {len(good)} articles")
    if what == "Speaker":
        quotes = {a.name: summary.counted(a, opts.kinds)[2] for a in analyses}
        rows = summary.speaker_rows(name, tables, quotes, tone.column)
    else:
        rows = summary.entity_rows(name, analyses, opts.kinds, tone.column)
    st.plotly_chart(charts.compare_chart(rows, title=f"{name} across articles", measure=tone),
                    key="compare_chart", alt=f"{upper_first(tone.name)} of {name} in each article")
    _side_by_side(analyses, name, what, rows, opts)


def one_name_each(tables: dict[str, tuple[pd.DataFrame, pd.DataFrame]],
                  analyses: list[Analysis]) -> tuple[dict[str, tuple[pd.DataFrame, pd.DataFrame]], list[Analysis]]:
    """The tables and analyses with each speaker and entity under its corpus name
    (analysis.entities.identity), so "Donald J. Trump" in one article and "Donald Trump" in
    another are one row to compare."""
    seen = set()
    for article, (speakers, entities) in tables.items():
        seen |= {(article, n, k == "person") for n, k in zip(speakers["speaker"], speakers["kind"])}
        seen |= {(article, n, label == "PERSON") for n, label in zip(entities["entity"], entities["label"])}
    rename = corpus_names((n, person) for _, n, person in seen)
    if all(k == v for k, v in rename.items()):
        return tables, analyses

    def renamed(df: pd.DataFrame, column: str) -> pd.DataFrame:
        return df.assign(**{column: df[column].map(lambda n: rename.get(n, n))}) if len(df) else df

    tables = {article: (renamed(sp, "speaker"), renamed(en, "entity")) for article, (sp, en) in tables.items()}
    analyses = [replace(a, mentions=renamed(a.mentions, "entity"), quotes=renamed(a.quotes, "speaker"))
                for a in analyses]
    return tables, analyses


def _columns(tables: dict, what: str) -> list[tuple[pd.DataFrame, str]]:
    if what == "Speaker":
        return [(sp, "speaker") for sp, _ in tables.values()]
    return [(en, "entity") for _, en in tables.values()]


def _overview(analyses: list, tables: dict, opts: Options) -> None:
    tone = opts.tone
    rows = [summary.article_row(a, *tables[a.name], opts.kinds, tone.column) for a in analyses]
    st.dataframe(pd.DataFrame(rows), hide_index=True, placeholder="", key="compare_table", column_config={
        "article": "Article", "headline": st.column_config.TextColumn("Headline", width="medium"),
        "paragraphs": "Paragraphs", "words": "Words", "quotes": "Quotes", "speakers": "Speakers",
        "entities": "Entities",
        "tone": st.column_config.NumberColumn(
            f"Overall tone ({tone.name})", format="%+.2f",
            help=f"Mean {tone.name} of the counted paragraphs, weighted by their words")})


def _side_by_side(analyses: list, name: str, what: str, rows: pd.DataFrame, opts: Options) -> None:
    found = {r["article"]: r for r in rows.to_dict("records")}
    for start in range(0, len(analyses), PER_ROW):
        row = analyses[start:start + PER_ROW]
        for col, a in zip(st.columns(len(row)), row, strict=True):
            with col.container(border=True):
                st.markdown(f"**{code(a.name)}**")
                row = found.get(a.name)
                if row is None:
                    st.caption(f"{what} not found in this article.")
                    continue
                st.metric(f"Tone ({opts.tone.name})", opts.tone.text(row["mean"]), help=row["n"])
                _context(a, name, what, opts)


def _context(a, name: str, what: str, opts: Options) -> None:
    speaker = name if what == "Speaker" else None
    paragraphs, _, quotes = summary.counted(a, opts.kinds)
    only = matching_paragraphs(paragraphs, a.mentions, quotes, speaker=speaker, entity=None if speaker else name)
    st.html(article_html(a.paragraphs, a.sentences, a.mentions, a.quotes, only=only, labels=opts.labels,
                         speaker=speaker, entity=name, layers=("tone", "entities", "quotes"), compact=True,
                         measure=opts.tone))
