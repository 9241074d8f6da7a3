"""Small text helpers for Streamlit's Markdown: user-given names shown literally."""
from __future__ import annotations

from analysis.charts import signed, tone


def code(name: str) -> str:
    """A file or entity name as inline code, so Markdown in it is shown, not run."""
    return "`" + str(name).replace("`", "'").replace("\n", " ") + "`"


def tone_text(polarity: float, **thresholds: float) -> str:
    """'positive (+0.12)': a polarity in words and figures."""
    return f"{tone(polarity, **thresholds)} ({signed(polarity)})"
