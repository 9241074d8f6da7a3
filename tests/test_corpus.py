"""Views across a corpus store (analysis.corpus.queries), answered by DuckDB queries."""
from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import pytest

import analysis.__main__ as cli
from analysis.corpus.queries import Corpus, StoreError, _pattern

from .conftest import ROOT
from .corpus_stores import DEMO, from_newer_duckdb, replicate, tiny

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


def raw(store, sql: str, params=()):
    with duckdb.connect(str(store), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


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
    assert first["quotes"] == raw(store, "SELECT count(*) FROM quotes WHERE lower(speaker) = lower(?)",
                                  [first["speaker"]])[0][0]
    assert list(top["quotes"]) == sorted(top["quotes"], reverse=True)
    assert (top["articles"] == 2).all()  # each article is in the store twice
    assert (top["quotes_negative"] + top["quotes_neutral"] + top["quotes_positive"] == top["quotes"]).all()
    assert set(top["kind"]) <= {"person", "organisation", "group"}
    # the mean over articles of speakers.csv's reading of all they say, and its label
    mean = raw(store, "SELECT avg(tone_score) FROM speakers WHERE lower(speaker) = lower(?)", [first["speaker"]])[0][0]
    assert first["tone_score"] == pytest.approx(mean, abs=1e-4)
    for score, tone in zip(top["tone_score"], top["tone"], strict=True):
        assert tone == ("positive" if score >= 0.2 else "negative" if score <= -0.2 else "neutral")


def test_one_speakers_quotes_across_articles(store):
    with Corpus(store) as corpus:
        speaker = corpus.speakers().iloc[0]["speaker"]
        quotes = corpus.quotes_of(speaker)
    assert len(quotes) == raw(store, "SELECT count(*) FROM quotes WHERE speaker = ?", [speaker])[0][0]
    assert quotes["article"].nunique() == 2
    assert list(quotes.columns) == ["article", "paragraph", "quote", "tone", "tone_score", "kind", "cue",
                                    "polarity", "headline"]
    assert quotes["headline"].str.len().gt(0).all()


def test_entities_by_articles_and_tone_toward_one_article_by_article(store):
    with Corpus(store) as corpus:
        entities = corpus.entities()
        name = entities.iloc[0]["entity"]
        toward = corpus.tone_toward(name)
        people = corpus.entities(labels=("PERSON",))
        labels = corpus.labels()
    assert list(entities["articles"]) == sorted(entities["articles"], reverse=True)
    assert len(toward) == entities.iloc[0]["articles"]
    assert toward["mentions"].sum() == entities.iloc[0]["mentions"]
    assert (toward["mentions_negative"] + toward["mentions_neutral"] + toward["mentions_positive"]
            == toward["mentions"]).all()
    assert set(people["label"]) == {"PERSON"}
    assert {"PERSON", "ORG", "GPE"} <= set(labels)


def test_a_search_narrows_every_view_to_the_articles_that_hold_it(store):
    with Corpus(store) as corpus:
        speaker = corpus.speakers().iloc[0]["speaker"]
        word = speaker.split()[-1]
        found = corpus.speakers(word.lower())
        assert speaker in set(found["speaker"])
        assert corpus.totals(word).articles < corpus.totals().articles
        assert corpus.speakers("no such words anywhere").empty
        assert corpus.totals("no such words anywhere").articles == 0
        again = corpus.quotes_of(speaker, "again_")  # a file name
        assert len(again) and set(again["article"]) == {a for a in again["article"] if a.startswith("again_")}
        entity = corpus.entities().iloc[0]["entity"]
        assert set(corpus.tone_toward(entity, entity)["article"]) == set(corpus.tone_toward(entity)["article"])


@pytest.fixture
def taxis(tmp_path):
    return tiny(tmp_path / "taxis.duckdb", paragraphs=[
        {"article": "a.txt", "text": "Taxi drivers protest"},
        {"article": "b.txt", "text": "A new TAX on fuel"},
        {"article": "fares_tax.txt", "text": "Fares rise"},
        {"article": "d.txt", "text": "A 100% rise in U.S.\nfares"},
    ], quotes=[
        {"article": "a.txt", "speaker": "Residents", "quote": "We cannot pay", "speaker_kind": "group"},
        {"article": "b.txt", "speaker": "residents", "quote": "=HYPERLINK(1)", "speaker_kind": "group"},
        {"article": "d.txt", "speaker": "Residents", "quote": "Too much", "speaker_kind": "group"},
    ], entities=[{"article": "a.txt", "entity": "U.S.", "label": "GPE"},
                 {"article": "d.txt", "entity": "u.s.", "label": "GPE"}])


@pytest.mark.parametrize(("search", "articles"), [
    ("tax", {"b.txt", "fares_tax.txt"}),  # whole words, of the text or a file name ("Taxi" is not "tax")
    ("TAXI", {"a.txt"}), ("fares rise", {"fares_tax.txt"}), ("u.s. fares", {"d.txt"}),  # any white space
    ("%", {"d.txt"}), ("_", {"fares_tax.txt"}), ("a", {"a.txt", "b.txt", "d.txt"}), ("rise in us", set()),
    ("fares_", {"fares_tax.txt"}), (".*", set()), ("[", set())])
def test_a_search_matches_whole_words_in_any_case_and_every_character_literally(taxis, search, articles):
    with Corpus(taxis) as corpus:
        assert corpus.totals(search).articles == len(articles)
        assert set(corpus.tone_toward("u.s.", search)["article"]) == articles & {"a.txt", "d.txt"}


def test_a_search_for_a_word_beyond_ascii_is_whole_words_too(tmp_path):
    path = tiny(tmp_path / "names.duckdb", paragraphs=[{"article": "z.txt", "text": "Zürich and Łódź"},
                                                       {"article": "y.txt", "text": "naïve_ones rich"}])
    with Corpus(path) as corpus:
        assert [corpus.totals(s).articles for s in ("zürich", "ürich", "łódź", "ŁÓDŹ", "rich", "naïve")] == [
            1, 0, 1, 1, 1, 1]
    assert _pattern("a.b") == r"(?:^|[^\p{L}\p{N}])a\.b(?:[^\p{L}\p{N}]|$)"


def test_names_are_one_across_articles_whatever_their_case(taxis):
    with Corpus(taxis) as corpus:
        [row] = corpus.speakers(kinds=("group",)).to_dict("records")
        assert (row["speaker"], row["articles"], row["quotes"]) == ("Residents", 3, 3)
        assert len(corpus.quotes_of("RESIDENTS")) == 3
        [entity] = corpus.entities().to_dict("records")
        assert (entity["articles"], entity["mentions"]) == (2, 2)
        assert corpus.speakers(kinds=()).empty and corpus.speakers(kinds=("person",)).empty
        assert corpus.totals() == corpus.totals("")


def test_the_views_on_a_store_of_two_thousand_articles(tmp_path):
    big = replicate(DEMO, tmp_path / "big.duckdb", copies=20)
    with Corpus(DEMO) as demo, Corpus(big) as corpus:
        assert corpus.totals().articles == 20 * demo.totals().articles >= 2000
        top, one = corpus.speakers(limit=5), demo.speakers(limit=5)
        assert list(top["quotes"]) == [20 * q for q in one["quotes"]]
        assert len(corpus.speakers(limit=7)) == 7  # never more than asked
        assert len(corpus.tone_toward(top.iloc[0]["speaker"], limit=3)) <= 3


def test_a_file_that_is_no_store_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t (x INT)")
    with pytest.raises(StoreError, match="not a corpus store"):
        Corpus(path)


@pytest.mark.parametrize(("data", "reason"), [(b"", "not a DuckDB file"), (b"plain text\n" * 500, "not a DuckDB file"),
                                              (bytes(8192), "not a DuckDB file")])
def test_a_file_that_is_no_duckdb_database_is_refused_in_words(tmp_path, data, reason):
    path = tmp_path / "upload.duckdb"
    path.write_bytes(data)
    with pytest.raises(StoreError) as info:
        Corpus(path, name="mine.duckdb")
    assert info.value.name == "mine.duckdb" and reason in info.value.reason


def test_a_store_from_a_newer_duckdb_says_so(tmp_path):
    with pytest.raises(StoreError, match="newer version of DuckDB"):
        Corpus(from_newer_duckdb(DEMO, tmp_path / "newer.duckdb"))


@pytest.mark.parametrize(("change", "reason"), [
    ("ALTER TABLE quotes DROP COLUMN speaker_kind", "quotes table has no speaker_kind column"),
    ("ALTER TABLE quotes ALTER tone_score TYPE VARCHAR", "tone_score is VARCHAR"),
    ("DROP TABLE paragraphs; CREATE VIEW paragraphs AS SELECT * FROM read_csv('/etc/hostname')", "not views"),
    ("DROP TABLE speakers", "no speakers table")])
def test_a_store_of_another_shape_is_refused_in_words(tmp_path, change, reason):
    path = tmp_path / "odd.duckdb"
    shutil.copy(DEMO, path)
    with duckdb.connect(str(path)) as con:
        con.execute(change)
    with pytest.raises(StoreError, match=reason):
        Corpus(path)


def test_the_store_reads_no_other_file(tmp_path):
    with Corpus(DEMO) as corpus, pytest.raises(duckdb.Error, match="disabled by configuration"):
        corpus.con.execute(f"SELECT * FROM read_csv('{ROOT / 'README.md'}')")


def test_a_store_a_run_is_writing_says_so_and_is_not_held_open(tmp_path):
    path = shutil.copy(DEMO, tmp_path / "busy.duckdb")
    with Corpus(path) as corpus:
        corpus.totals()
    # Closed, the store takes a writer (the command line adding articles) ...
    writer = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               "con = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(30)",
                               str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        # ... and while that writer holds it, opening it says why it cannot
        with pytest.raises(StoreError, match="holds it open for writing"):
            Corpus(path)
    finally:
        writer.kill()
        writer.wait()
