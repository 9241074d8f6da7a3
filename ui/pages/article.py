"""The article page (the default page, at /): drop in an article and read it closely.

Streamlit runs this script for the page (see dashboard.py); ui/page.py draws everything
below the title. Each article is analysed once by `analysis.analyze` (cached on its bytes
and name, see ui/data.py); the options in the sidebar re-slice the cached tables and never
run spaCy again.
"""
from __future__ import annotations

import sys

import streamlit as st

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
