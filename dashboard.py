"""News reader: drop in an article and read it closely (`streamlit run dashboard.py`).

This script only lays out the page; ui/page.py draws everything below the title. Each
article is analysed once by `analysis.analyze` (cached on its bytes and name, see
ui/data.py); the options in the sidebar re-slice the cached tables and never run spaCy again.
"""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ICON = Path(__file__).resolve().parent / "ui" / "static" / "icon.png"

# The page icon is a file of ours: a Material or emoji icon is fetched from a font or
# emoji server, which an offline laptop cannot reach.
st.set_page_config(page_title="News reader", page_icon=str(ICON), layout="wide")
# The title comes first, so a cold server shows a page, not a blank screen, while the
# engine's libraries load (once per server process).
st.title("News reader", anchor=False)
if "ui.page" not in sys.modules:
    with st.spinner("Starting the analysis engine: loading spaCy, pandas and plotly (once per server)…",
                    show_time=True):
        from ui import page
else:
    from ui import page

page.main()
