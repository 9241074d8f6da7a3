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


def test_a_table_from_rows_has_the_contract_columns_first_and_their_types():
    from analysis.schema import COLUMNS, frame

    rows = [{"article": "a", "paragraph": 0, "sentence": 0, "start": 0, "end": 3, "text": "One",
             "polarity": 0.5, "subjectivity": 0.25, "later": "x"},
            {"article": "a", "paragraph": 1, "sentence": 1, "start": 5, "end": 8, "text": "Two",
             "polarity": -0.5, "subjectivity": 0.0, "later": "y"}]
    whole = frame("sentences", rows)
    assert list(whole.columns) == [*COLUMNS["sentences"], "later"]
    assert whole["paragraph"].dtype == "int64" and whole["polarity"].dtype == "float64"
    assert whole["text"].tolist() == ["One", "Two"]
    # a contract column no row has is there, missing; a column one row lacks is missing there
    short = frame("sentences", [{k: v for k, v in r.items() if k != "subjectivity"} for r in rows])
    assert list(short.columns) == [*COLUMNS["sentences"], "later"] and short["subjectivity"].isna().all()
    mixed = frame("sentences", [rows[0], {k: v for k, v in rows[1].items() if k != "later"}])
    assert mixed["later"].tolist()[0] == "x" and mixed["later"].isna().tolist() == [False, True]
    assert list(frame("sentences").columns) == list(COLUMNS["sentences"])


def test_holds_finds_a_word_or_dependency_in_a_paragraph(nlp):
    from spacy.attrs import DEP, LOWER

    from analysis.pipeline.nlp import holds, word_ids

    doc = nlp("Ana Ruiz, the mayor, spoke to the Chamber of Commerce.")
    assert holds(doc, LOWER, word_ids(["chamber", "nothing"]))
    assert not holds(doc, LOWER, word_ids(["Chamber"]))  # LOWER is lower case
    assert holds(doc, DEP, word_ids(["appos"])) and not holds(doc, DEP, word_ids(["expl"]))


def test_tokens_where_gives_the_tokens_that_pass_any_test_in_order(nlp):
    from spacy.attrs import DEP, POS

    from analysis.pipeline.nlp import tokens_where, word_ids

    doc = nlp("Ana Ruiz said the council would testify.")
    assert [t.text for t in tokens_where(doc, (POS, word_ids(["VERB"])))] == ["said", "testify"]
    picked = [t.text for t in tokens_where(doc, (POS, word_ids(["NOUN"])), (DEP, word_ids(["nsubj"])))]
    assert picked == ["Ruiz", "council"]
    assert list(tokens_where(nlp(""), (POS, word_ids(["VERB"])))) == []


def test_sentence_ids_count_sentences_across_paragraphs(nlp):
    from analysis.pipeline.nlp import parse
    from analysis.reading.ingest import make_article

    parsed = parse(make_article("One sentence here. Two here.\n\nThree there.", "a"), nlp)
    assert [parsed.sentence_id(p, t.i) for p, doc in enumerate(parsed.docs) for t in doc] == \
        [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]
