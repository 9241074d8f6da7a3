"""Placeholder page until the dashboard lands: the sample article's tables."""
from pathlib import Path

import streamlit as st

from analysis import analyze

SAMPLE = Path(__file__).parent / "sample_data" / "putin_xi_call.txt"


@st.cache_data(show_spinner="Analysing the article…")
def sample_tables() -> dict:
    return analyze(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name).tables()


st.set_page_config(page_title="News reader", layout="wide")
st.title("News reader")
for name, table in sample_tables().items():
    st.subheader(name)
    st.dataframe(table, key=f"table_{name}")
