"""Polarity and subjectivity with TextBlob's pattern analyzer (needs no NLTK corpora)."""
from __future__ import annotations

from functools import lru_cache

from textblob.en.sentiments import PatternAnalyzer

_ANALYZER = PatternAnalyzer()


@lru_cache(maxsize=65536)
def score(text: str) -> tuple[float, float]:
    """(polarity in -1..1, subjectivity in 0..1) of a piece of text; (0, 0) for empty text."""
    if not text.strip():
        return 0.0, 0.0
    result = _ANALYZER.analyze(text)
    return round(float(result[0]), 4), round(float(result[1]), 4)


def label(polarity: float, *, threshold: float = 0.05) -> str:
    """'positive', 'negative' or 'neutral' by a symmetric threshold on polarity."""
    if polarity >= threshold:
        return "positive"
    if polarity <= -threshold:
        return "negative"
    return "neutral"
