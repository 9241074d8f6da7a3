"""Small text helpers for Streamlit's Markdown: user-given names shown literally."""
from __future__ import annotations


def code(name: str) -> str:
    """A file or entity name as inline code, so Markdown in it is shown, not run."""
    return "`" + str(name).replace("`", "'").replace("\n", " ") + "`"


def upper_first(text: str) -> str:
    """'TextBlob polarity …' stays so; 'news-model tone' becomes 'News-model tone'."""
    return text[:1].upper() + text[1:]
