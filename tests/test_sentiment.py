"""TextBlob tone of texts, pooled tone of paragraphs, and the label thresholds."""
from __future__ import annotations

import pytest
from textblob import TextBlob

from analysis.sentiment import label, score, score_joined

TEXTS = [
    "The new bridge is a wonderful, beautiful piece of work.",
    "Residents called the plan a terrible, costly mistake.",
    "The meeting starts at nine.",
    "It is not good at all, but the staff were very kind.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_score_matches_textblob(text):
    expected = TextBlob(text).sentiment
    polarity, subjectivity = score(text)
    assert polarity == pytest.approx(expected.polarity, abs=1e-4)
    assert subjectivity == pytest.approx(expected.subjectivity, abs=1e-4)


def test_signs_and_empty_text():
    assert score(TEXTS[0])[0] > 0.3
    assert score(TEXTS[1])[0] < -0.3
    assert score(TEXTS[2]) == (0.0, 0.0)
    assert score("   ") == (0.0, 0.0)


def test_pooled_sentences_score_like_the_whole_paragraph():
    whole = TextBlob(" ".join(TEXTS)).sentiment
    polarity, subjectivity = score_joined(TEXTS)
    assert polarity == pytest.approx(whole.polarity, abs=1e-4)
    assert subjectivity == pytest.approx(whole.subjectivity, abs=1e-4)
    assert score_joined([]) == (0.0, 0.0)


def test_label_thresholds():
    assert label(0.2) == "positive" and label(-0.2) == "negative" and label(0.01) == "neutral"
    assert label(0.2, threshold=0.3) == "neutral"
    assert label(0.05) == "positive" and label(-0.05) == "negative"
