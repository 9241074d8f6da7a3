"""News reader (`streamlit run dashboard.py`): one article read closely, or a corpus of many.

This script only routes: st.navigation runs the page the address names, the article page
(ui/pages/article.py, the default, at /) or the corpus page (ui/pages/corpus.py, at /corpus).
The corpus page opens the store given to the server, `streamlit run dashboard.py -- --corpus
corpus.duckdb` (or the NEWS_READER_CORPUS environment variable), else the bundled demo store.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

UI = Path(__file__).resolve().parent / "ui"
ICON = UI / "static" / "icon.png"

# The page icon is a file of ours: a Material or emoji icon is fetched from a font or
# emoji server, which an offline laptop cannot reach.
st.set_page_config(page_title="News reader", page_icon=str(ICON), layout="wide")
page = st.navigation([
    st.Page(UI / "pages" / "article.py", title="Article", icon=":material/article:", default=True),
    st.Page(UI / "pages" / "corpus.py", title="Corpus", icon=":material/library_books:", url_path="corpus"),
], position="top")
page.run()
