"""The lemmatizer with its results remembered gives what spaCy's own component gives."""
from __future__ import annotations

import pytest

from analysis.pipeline import lemma_memo
from analysis.pipeline.lemma_memo import MemoLemmatizer, memo_lemmatizer
from analysis.pipeline.model import memory_zone, stock_model

# The same words as different parts of speech, and with different morphology, so a memo
# keyed on less than word, part of speech and morphology would give one of them the
# other's lemma: "saw" (verb, noun), "leaves" (verb, noun), "better" (adjective, adverb,
# verb), "found" (past, participle, base verb), "was"/"were" and "'s" (be, have, possessive).
TEXTS = [
    "She saw the saw. The saw was old, and he saws wood with saws he saw.",
    "The tree leaves when autumn leaves fall; she leaves the leaves there.",
    "Better late than never: he did better, and they better the better plans.",
    "They found it. It was found. Found a company, they said, and they founded it.",
    "He's gone. She's a doctor's daughter. It's been raining, and it's here.",
    "Ms. O'Neill, 42, said: \"We can't, we shan't and we wouldn't've.\" Y'all know it.",
]


@pytest.fixture(scope="module")
def stock():
    return stock_model()


def _lemmas(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_shared_model_remembers_lemmas_in_the_same_place(nlp, stock):
    assert nlp.pipe_names == stock.pipe_names
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)


def test_words_read_again_as_another_part_of_speech_get_their_own_lemma(stock):
    nlp = memo_lemmatizer(stock_model())
    for _ in range(2):  # the second time, every combination is remembered
        for ours, theirs in zip(nlp.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
            assert _lemmas(ours) == _lemmas(theirs)
    saw = {(t.pos_, t.lemma_) for t in nlp(TEXTS[0]) if t.lower_ == "saw"}
    assert ("VERB", "see") in saw and ("NOUN", "saw") in saw


def test_a_full_memo_is_forgotten_and_filled_again(stock, monkeypatch):
    monkeypatch.setattr(lemma_memo, "SEEN", 3)
    nlp = memo_lemmatizer(stock_model())
    for ours, theirs in zip(nlp.pipe(TEXTS * 2), stock.pipe(TEXTS * 2), strict=True):
        assert _lemmas(ours) == _lemmas(theirs)
    assert len(nlp.get_pipe("lemmatizer")._seen) <= 4


def test_a_lemma_set_earlier_in_the_pipeline_is_kept():
    nlp = stock_model()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "cat"}]], {"LEMMA": "feline"})
    nlp = memo_lemmatizer(nlp)
    assert [t.lemma_ for t in nlp("The cats saw a cat.")] == ["the", "cat", "see", "a", "feline", "."]


def test_a_lemmatizer_in_another_mode_is_left_as_it_was(monkeypatch):
    nlp = stock_model()
    stock = nlp.get_pipe("lemmatizer")
    monkeypatch.setattr(type(stock), "mode", property(lambda self: "trainable"))
    assert memo_lemmatizer(nlp).get_pipe("lemmatizer") is stock


def test_an_empty_text_passes_through(nlp):
    assert len(nlp("")) == 0


def test_lemmas_of_words_a_memory_zone_forgot_are_made_again():
    nlp = memo_lemmatizer(stock_model())
    text = "The zorblaxes were glimmerating over the quintavels."
    for _ in range(2):  # the second zone must not be handed the first zone's freed ids
        with memory_zone(nlp):
            assert [t.lemma_ for t in nlp(text)][1:5] == ["zorblaxe", "be", "glimmerate", "over"]
