"""Polarity and subjectivity with TextBlob's pattern analyzer (needs no NLTK corpora)."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from textblob.en import sentiment as _pattern_sentiment


@lru_cache(maxsize=8192)  # one article's sentences and quotes, scored again for paragraphs; not a corpus's
def _opinions(text: str) -> tuple[tuple[str, float, float], ...]:
    """(words, polarity, subjectivity) of each opinion word or phrase TextBlob finds in `text`."""
    if not text.strip():
        return ()
    return tuple((_phrase(a[0]), float(a[1]), float(a[2])) for a in _pattern_sentiment(text).assessments)


def _phrase(words: list[str]) -> str:
    # TextBlob reports "very good!" as ['very', 'good', '!']: the mark belongs to the word.
    return " ".join(words).replace(" !", "!")


def assessments(text: str) -> tuple[tuple[float, float], ...]:
    """(polarity, subjectivity) of each opinion word or phrase TextBlob finds in `text`."""
    return tuple((polarity, subjectivity) for _, polarity, subjectivity in _opinions(text))


def opinion_words(text: str) -> tuple[tuple[str, float], ...]:
    """The words TextBlob scores `text` by, in the order they appear, each with its polarity.

    A negation or intensifier TextBlob reads with the next opinion word is part of the
    phrase, and so is an exclamation mark that strengthens it: `("not very happy", -0.31)`,
    `("good!", 0.88)`. The text's polarity is the mean of these; none gives polarity 0.
    Words are lower case, as TextBlob reads them.
    """
    return tuple((words, polarity) for words, polarity, _ in _opinions(text))


def _mean(found: list[tuple[float, float]]) -> tuple[float, float]:
    n = len(found) or 1
    return round(sum(a[0] for a in found) / n, 4), round(sum(a[1] for a in found) / n, 4)


def score(text: str) -> tuple[float, float]:
    """(polarity in -1..1, subjectivity in 0..1), as `TextBlob(text).sentiment`; (0, 0) if none."""
    return _mean(list(assessments(text)))


def score_joined(texts: Iterable[str]) -> tuple[float, float]:
    """The score of several pieces of text (a paragraph's sentences) as one text.

    TextBlob averages over the opinion words it finds, so the pieces' findings pooled
    give the whole's score without analysing the text a second time.
    """
    return _mean([a for text in texts for a in assessments(text)])


def label(polarity: float, *, threshold: float = 0.05,
          negative: float | None = None, positive: float | None = None) -> str:
    """'positive', 'negative' or 'neutral': at or above `positive`, at or below `negative`
    (both inclusive); either left out is `threshold` on its side."""
    if polarity >= (threshold if positive is None else positive):
        return "positive"
    if polarity <= (-threshold if negative is None else negative):
        return "negative"
    return "neutral"
