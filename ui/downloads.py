"""Download tab: every table of the output contract, the same bytes the CLI writes, and the
highlighted article as a standalone HTML file."""
from __future__ import annotations

import streamlit as st

from analysis import TABLES
from analysis.export import file_stem

from .data import Loaded, Source, combined_zip, csv_files
from .fmt import code
from .highlight import document_html
from .sidebar import Options
from .summary import headline

ABOUT = {"paragraphs": "one row per paragraph: kind, words, tone, counts",
         "sentences": "one row per sentence: text and tone",
         "mentions": "one row per entity mention, with its canonical name",
         "entities": "one row per entity: mentions, paragraphs, tone about it",
         "quotes": "one row per quote: kind, speaker, cue, tone",
         "speakers": "one row per speaker: quotes, words, tone"}


def render(loaded: Loaded, source: Source, good: list[tuple[Source, Loaded]], opts: Options) -> None:
    """`opts`: the sidebar's choices, for the tone measure and entity types of the HTML file."""
    stem = file_stem(source.name)
    files = csv_files(source.data, source.name)
    tables = loaded.analysis.tables()
    st.markdown(f"Tables for {code(source.name)}: UTF-8 CSV with a header row, identical to what "
                "`python -m analysis` writes. Cells a spreadsheet would run as a formula start with an "
                "apostrophe.")
    st.download_button(f"All {len(TABLES)} tables (zip)", files["zip"], file_name=f"{stem}_tables.zip",
                       mime="application/zip", key="dl_zip", type="primary", icon=":material/download:",
                       on_click="ignore")
    for table in TABLES:
        left, right = st.columns([2, 5], vertical_alignment="center")
        left.download_button(f"{table}.csv", files[table], file_name=f"{stem}_{table}.csv", mime="text/csv",
                             key=f"dl_{table}", icon=":material/table:", on_click="ignore",
                             width="stretch")
        right.caption(f"{len(tables[table]):,} rows · {ABOUT[table]}")
    _article_file(loaded, source, opts)
    if len(good) > 1:
        st.divider()
        st.markdown(f"All {len(good)} articles together, one CSV per table, as the command line writes them "
                    "for several articles.")
        data = combined_zip(tuple((s.data, s.name) for s, _ in good))
        st.download_button(f"All {len(good)} articles (zip)", data, file_name="news-reader_tables.zip",
                           mime="application/zip", key="dl_all", icon=":material/folder_zip:",
                           on_click="ignore")
    with st.expander("Preview a table"):
        table = st.segmented_control("Table", TABLES, default="paragraphs", key="preview_table")
        if table:
            st.dataframe(tables[table], hide_index=True, key="preview_frame", placeholder="")


def _article_file(loaded: Loaded, source: Source, opts: Options) -> None:
    """The article as the Text tab draws it, every layer on, in one HTML file that opens from disk."""
    a = loaded.analysis
    tone, labels = opts.tone, opts.labels
    st.divider()
    left, right = st.columns([2, 5], vertical_alignment="center")
    # Built when clicked, not on every rerun: a long article's page runs to megabytes.
    left.download_button(
        "Highlighted article (HTML)",
        lambda: document_html(a.paragraphs, a.sentences, a.mentions, a.quotes, title=headline(a),
                              name=source.name, labels=labels, measure=tone).encode("utf-8"),
        file_name=f"{file_stem(source.name)}_highlighted.html", mime="text/html", key="dl_html",
        icon=":material/article:", on_click="ignore", width="stretch")
    right.caption(f"The article as the Text tab shows it with every layer on, tone by {tone.name}, with the "
                  "legend: one page that opens in any browser, offline, with nothing to load.")
