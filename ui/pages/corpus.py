"""The corpus page (at /corpus): many articles' tables from a corpus store, across articles.

Streamlit runs this script for the page (see dashboard.py); ui/corpus/page.py draws
everything below the title.
"""
from __future__ import annotations

import sys

import streamlit as st

st.set_page_config(page_title="Corpus · News reader")
st.title("Corpus", anchor=False)
if "ui.corpus.page" not in sys.modules:
    with st.spinner("Loading DuckDB, pandas and plotly (once per server)…", show_time=True):
        from ui.corpus import page
else:
    from ui.corpus import page

page.main()
