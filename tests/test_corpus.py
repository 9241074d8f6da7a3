"""Views across a corpus store (analysis.corpus), answered by DuckDB queries."""
from __future__ import annotations

import shutil

import duckdb
import pytest

import analysis.__main__ as cli
from analysis.corpus import Corpus

from .conftest import ROOT

ARTICLES = ROOT / "tests" / "data" / "articles"


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    """The gold articles in a store, twice over under a second name: every speaker is in two articles."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(ARTICLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
        shutil.copy(path, folder / f"again_{path.name}")
    path = folder.parent / "corpus.duckdb"
    assert cli.main([str(folder), "--out", str(path), "--jobs", "1", "--quiet"]) == 0
    return path


def raw(store, sql: str):
    with duckdb.connect(str(store), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_totals_count_the_store(store):
    with Corpus(store) as corpus:
        totals = corpus.totals()
    assert totals.articles == 2 * len(list(ARTICLES.glob("*.txt")))
    assert totals.quotes == raw(store, "SELECT count(*) FROM quotes")[0][0]
    assert totals.words > 1000 and totals.speakers > 10 and totals.entities > 10


def test_most_quoted_speakers_with_their_tone_over_the_corpus(store):
    with Corpus(store) as corpus:
        top = corpus.speakers()
    first = top.iloc[0]
    expected = raw(store, "SELECT speaker, count(*) FROM quotes WHERE speaker <> '' AND speaker_kind IN "
                          "('person', 'organisation', 'group') GROUP BY ALL ORDER BY 2 DESC, 1 LIMIT 1")[0]
    assert (first["speaker"], first["quotes"]) == expected
    assert (top["articles"] == 2).all()  # each article is in the store twice
    assert (top["negative"] + top["neutral"] + top["positive"] == top["quotes"]).all()
    assert set(top["kind"]) <= {"person", "organisation", "group"}
    assert list(top["quotes"]) == sorted(top["quotes"], reverse=True)


def test_one_speakers_quotes_across_articles(store):
    with Corpus(store) as corpus:
        speaker = corpus.speakers().iloc[0]["speaker"]
        quotes = corpus.quotes_of(speaker)
    assert len(quotes) == raw(store, f"SELECT count(*) FROM quotes WHERE speaker = '{speaker}'")[0][0]
    assert quotes["article"].nunique() == 2
    assert list(quotes.columns) == ["article", "paragraph", "quote", "kind", "cue", "tone", "tone_score"]


def test_entities_by_articles_and_tone_toward_one_article_by_article(store):
    with Corpus(store) as corpus:
        entities = corpus.entities()
        name = entities.iloc[0]["entity"]
        toward = corpus.tone_toward(name)
        people = corpus.entities(labels=("PERSON",))
    assert list(entities["articles"]) == sorted(entities["articles"], reverse=True)
    assert len(toward) == entities.iloc[0]["articles"]
    assert toward["mentions"].sum() == entities.iloc[0]["mentions"]
    assert set(people["label"]) == {"PERSON"}


def test_a_search_narrows_every_view_and_takes_its_characters_literally(store):
    with Corpus(store) as corpus:
        speaker = corpus.speakers().iloc[0]["speaker"]
        word = speaker.split()[-1]
        found = corpus.speakers(word.lower())
        assert speaker in set(found["speaker"])
        assert corpus.speakers("no such words anywhere").empty
        assert corpus.speakers("%").empty  # not a wildcard
        name = corpus.entities().iloc[0]["entity"]
        assert " " in name and corpus.entities(name.replace(" ", "_", 1)).empty  # "_" is no wildcard either
        again = corpus.quotes_of(speaker, "again_")
        assert set(again["article"]) == {a for a in again["article"] if a.startswith("again_")} and len(again)


def test_a_file_that_is_no_store_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t (x INT)")
    with pytest.raises(ValueError, match="not a corpus store"):
        Corpus(path)
