"""TextBlob tone of texts, the words behind it, pooled tone of paragraphs, and the label thresholds."""
from __future__ import annotations

import pytest
from textblob import TextBlob

from analysis.sentiment import label, opinion_words, score, score_joined

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


def test_opinion_words_in_order_with_negation_intensifier_and_exclamation_kept():
    words = opinion_words("The talks were not very good, but the food was great! A terrible, awful day.")
    assert [w for w, _ in words] == ["not very good", "great!", "terrible", "awful"]
    polarity = dict(words)
    assert polarity["not very good"] < 0 < polarity["great!"]
    assert polarity["terrible"] == pytest.approx(-1.0)


@pytest.mark.parametrize("text", TEXTS)
def test_a_texts_polarity_is_the_mean_of_its_opinion_words(text):
    words = opinion_words(text)
    mean = sum(p for _, p in words) / len(words) if words else 0.0
    assert mean == pytest.approx(score(text)[0], abs=1e-4)
    assert [w.split()[-1].rstrip("!") in text.lower() for w, _ in words] == [True] * len(words)


def test_no_opinion_words_in_plain_or_empty_text():
    assert opinion_words("The meeting starts at nine.") == ()
    assert opinion_words("  ") == ()
