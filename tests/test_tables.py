"""Sentence and paragraph tables: spans, numbering, words, tone and counts."""
from __future__ import annotations

from analysis import analyze
from analysis.sentiment import score


def test_sentence_spans_and_numbering(sample):
    s = sample.sentences
    assert s["sentence"].tolist() == list(range(len(s)))
    assert s["paragraph"].is_monotonic_increasing
    for row in s.itertuples():
        assert sample.text[row.start:row.end] == row.text
        assert (row.polarity, row.subjectivity) == score(row.text)


def test_paragraph_rows_cover_the_text(sample):
    p = sample.paragraphs
    assert len(p) == len(sample.text.split("\n\n")) == 20
    for row in p.itertuples():
        assert sample.text[row.start:row.end] == row.text
        assert row.words == len(row.text.split())
    assert p["entities"].sum() == len(sample.mentions)
    assert p["quotes"].sum() == len(sample.quotes)


def test_paragraph_tone_pools_its_sentences(nlp):
    text = "Ferry Row\n\nThe crossing was lovely. The food was awful.\n\nNothing else."
    result = analyze(text, "ferry.txt", nlp=nlp)
    row = result.paragraphs.iloc[1]
    sentences = result.sentences[result.sentences["paragraph"] == 1]
    assert len(sentences) == 2
    assert sentences["polarity"].iloc[0] > 0 > sentences["polarity"].iloc[1]
    assert row.polarity == score("The crossing was lovely. The food was awful.")[0]


def test_text_without_quotes_or_entities(nlp):
    result = analyze("nothing much happened here today.\n\nit rained a little.", "quiet.txt", nlp=nlp)
    assert result.quotes.empty and result.speakers.empty
    assert result.paragraphs["quotes"].tolist() == [0, 0]
    assert result.paragraphs["kind"].tolist() == ["body", "body"]
