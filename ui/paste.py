"""The main area's paste box: an article pasted as text, analysed when the reader says so."""
from __future__ import annotations

import streamlit as st

from .data import Source

NAME = "pasted-text.txt"
TEXT = "pasted_text"  # session state: the text last sent by Analyse ("" for none)
BOX = "pasted"  # the text area's key
ARTICLE = "article"  # the article select box's key (ui/page.py)


def source() -> Source | None:
    """The pasted article, once Analyse has sent it."""
    text = st.session_state.get(TEXT, "")
    return Source(NAME, text.encode("utf-8")) if text.strip() else None


def render(*, expanded: bool) -> None:
    """A text area and an Analyse button; the text is analysed only when Analyse is pressed, so
    typing into the box never reruns the analysis."""
    sent = bool(st.session_state.get(TEXT, "").strip())
    with st.expander("Paste an article", expanded=expanded or sent, icon=":material/content_paste:"):
        with st.form("paste_form", border=False):
            st.text_area("Article text", key=BOX, height=160, label_visibility="collapsed",
                         placeholder="Paste an article here: the headline on the first line, then the paragraphs, "
                                     "separated by blank lines.")
            left, right = st.columns([1, 4], vertical_alignment="center")
            left.form_submit_button("Analyse", type="primary", icon=":material/play_arrow:", key="analyse",
                                    on_click=_send)
            right.caption("The pasted text is analysed alongside any uploaded or fetched articles. "
                          "Empty the box and press Analyse to remove it.")


def _send() -> None:
    """Keep the box's text as the pasted article and show it: pressing Analyse asks to see it,
    even when uploaded articles are listed before it."""
    st.session_state[TEXT] = st.session_state.get(BOX, "")
    if st.session_state[TEXT].strip():
        st.session_state[ARTICLE] = NAME
