"""The corpus page in-process with Streamlit's AppTest: the demo store's views, the search, a chosen
speaker or entity, stores given to the server or uploaded, and files that are no store.

The page is opened by its file (switch_page), so no test here loads the article page's models.
"""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.corpus.queries import Corpus
from analysis.export import csv_bytes
from ui.corpus import source, tables

from .apptest import APP, figure
from .corpus_stores import DEMO, from_newer_duckdb, replicate, tiny

PAGE = "ui/pages/corpus.py"
METRICS = ["Articles", "Words", "Quotes", "Speakers", "Entities"]


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def corpus_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(PAGE)  # its file name is its address, so this works before the first run
    return _ok(at.run())


@pytest.fixture
def page(monkeypatch) -> AppTest:
    monkeypatch.delenv(source.ENV, raising=False)
    return corpus_page()


@pytest.fixture(scope="module")
def demo():
    with Corpus(DEMO) as corpus:
        yield corpus


def view(at: AppTest, name: str) -> AppTest:
    at.session_state["view"] = name
    return _ok(at.run())


def search(at: AppTest, text: str) -> AppTest:
    at.text_input(key="search").input(text)
    return _ok(at.run())


def table(at: AppTest) -> pd.DataFrame:
    [frame] = at.dataframe
    return frame.value


def metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(m.value.replace(",", "")) for m in at.metric}


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def test_the_demo_store_opens_with_its_totals_and_the_most_quoted_speakers(page, demo):
    totals = demo.totals()
    assert metrics(page) == {"Articles": totals.articles, "Words": totals.words, "Quotes": totals.quotes,
                             "Speakers": totals.speakers, "Entities": totals.entities}
    assert totals.articles >= 100
    assert "`demo_corpus.duckdb` · the bundled demo corpus" in captions(page)
    assert [t.label for t in page.tabs] == ["Speakers", "Quotes", "Entities", "Tone toward"]
    expected = demo.speakers(limit=1000)
    shown = table(page)
    assert list(shown["speaker"]) == list(expected["speaker"])
    assert list(shown.columns) == list(expected.columns)
    bars = figure(page, "corpus_speaker_chart")
    assert sum(len(t["y"]) for t in bars["data"] if t["type"] == "bar") == 3 * 20  # a bar per tone, 20 names
    [button] = page.get("download_button")
    assert button.proto.label == f"corpus_speakers.csv ({len(expected):,} rows)"
    assert not page.error


def test_every_view_renders_on_the_demo_store(page, demo):
    top = demo.speakers(limit=1).iloc[0]["speaker"]
    view(page, "Quotes")
    assert page.selectbox(key="speaker").value == top
    assert len(table(page)) == len(demo.quotes_of(top))
    assert page.markdown[0].value.startswith(f"`{top}` · ")
    view(page, "Entities")
    entities = demo.entities(limit=1000)
    assert list(table(page)["entity"]) == list(entities["entity"])
    assert figure(page, "corpus_entity_chart")["layout"]["xaxis"]["title"]["text"] == "articles naming it"
    view(page, "Tone toward")
    first = entities.iloc[0]["entity"]
    assert page.selectbox(key="entity").value == first
    assert list(table(page)["article"]) == list(demo.tone_toward(first)["article"])
    assert figure(page, "corpus_tone_chart")["data"][0]["name"] == "one article"
    assert [b.proto.label for b in page.get("download_button")] == [
        f"{tables.csv_name('tone_toward', first)} ({entities.iloc[0]['articles']} rows)"]


def test_the_search_narrows_every_view(page, demo):
    word = "bridge"
    found = demo.totals(word)
    assert 0 < found.articles < demo.totals().articles
    search(page, word)
    assert metrics(page) == {"Articles": found.articles, "Words": found.words, "Quotes": found.quotes,
                             "Speakers": found.speakers, "Entities": found.entities}
    assert f"{found.articles} of {demo.totals().articles} articles hold `bridge`." in captions(page)
    assert list(table(page)["speaker"]) == list(demo.speakers(word, limit=1000)["speaker"])
    view(page, "Quotes")
    speaker = page.selectbox(key="speaker").value
    assert speaker == demo.speakers(word, limit=1).iloc[0]["speaker"]
    assert len(table(page)) == len(demo.quotes_of(speaker, word))
    view(page, "Entities")
    assert list(table(page)["entity"]) == list(demo.entities(word, limit=1000)["entity"])
    search(page, "no such words anywhere at all")
    assert metrics(page)["Articles"] == 0
    assert "No article holds `no such words anywhere at all`." in [i.value for i in page.info]
    assert not page.tabs and not page.dataframe


def test_choosing_a_speaker_shows_their_quotes_across_articles(page, demo):
    speakers = demo.speakers(limit=1000)
    many = speakers[speakers["articles"] > 1].iloc[0]
    page.session_state["speaker"] = many["speaker"]
    view(page, "Quotes")
    quotes = table(page)
    assert quotes["article"].nunique() == many["articles"] > 1
    assert len(quotes) == many["quotes"]
    assert list(quotes["paragraph"]) == list(demo.quotes_of(many["speaker"])["paragraph"] + 1)  # from 1 on screen
    assert f"**{many['quotes']}** quotes in **{many['articles']}** articles" in page.markdown[0].value


def test_a_row_chosen_in_a_table_opens_its_speaker_or_entity(page, demo):
    names = list(demo.entities(limit=1000)["entity"])
    state = {"corpus_entity_table": SimpleNamespace(selection=SimpleNamespace(rows=[1])), "view": "Entities"}
    tables.open_chosen(state, table="corpus_entity_table", names=names, key="entity", view="Tone toward")
    assert (state["entity"], state["view"]) == (names[1], "Tone toward")
    state["corpus_entity_table"].selection.rows = []  # the row unchosen: nothing moves
    tables.open_chosen(state, table="corpus_entity_table", names=names, key="entity", view="Entities")
    assert state["view"] == "Tone toward"
    # what the page then shows, the state set as the callback sets it
    page.session_state["entity"], page.session_state["view"] = names[1], "Tone toward"
    _ok(page.run())
    assert page.selectbox(key="entity").value == names[1]
    assert len(table(page)) == demo.entities(limit=1000).iloc[1]["articles"]


def test_the_entity_types_and_speaker_kinds_filter_their_views(page, demo):
    page.pills(key="corpus_labels").set_value(["PERSON"])
    view(page, "Entities")
    assert set(table(page)["label"]) == {"PERSON"}
    assert len(table(page)) == len(demo.entities(labels=("PERSON",), limit=1000))
    page.pills(key="corpus_kinds").set_value(["source"])
    view(page, "Speakers")
    assert set(table(page)["kind"]) == {"source"}
    page.pills(key="corpus_kinds").set_value([])
    _ok(page.run())
    assert "No quoted speakers of the chosen kinds" in page.info[0].value


def test_the_csv_of_a_view_neutralises_formula_cells(tmp_path):
    path = tiny(tmp_path / "formulas.duckdb", paragraphs=[{"article": "a.txt", "text": "Headline"}],
                quotes=[{"article": "a.txt", "speaker": "=cmd|' /C calc'!A0", "quote": "@SUM(1+1)"}])
    with Corpus(path) as corpus:
        quotes = corpus.quotes_of("=cmd|' /C calc'!A0")
        speakers = corpus.speakers()
    rows = pd.read_csv(io.BytesIO(csv_bytes(quotes)), keep_default_na=False)
    assert rows["quote"].tolist() == ["'@SUM(1+1)"]
    assert pd.read_csv(io.BytesIO(csv_bytes(speakers)))["speaker"].tolist() == ["'=cmd|' /C calc'!A0"]
    assert tables.csv_name("quotes", "Xi Jinping") == "corpus_quotes_Xi_Jinping.csv"
    assert tables.csv_name("tone_toward", "St. Mary's <b>") == "corpus_tone_toward_St__Mary_s__b.csv"


def test_names_from_the_store_are_shown_literally(tmp_path, monkeypatch):
    hostile = "**Bold** <img src=x onerror=alert(1)> [link](javascript:alert(2))"
    path = tiny(tmp_path / "hostile.duckdb", paragraphs=[{"article": "<b>a</b>.txt", "text": "Headline"}],
                quotes=[{"article": "<b>a</b>.txt", "speaker": hostile, "quote": "<script>x</script>"}],
                speakers=[{"article": "<b>a</b>.txt", "speaker": hostile}],
                entities=[{"article": "<b>a</b>.txt", "entity": hostile}])
    monkeypatch.setenv(source.ENV, str(path))
    at = corpus_page()
    bars = figure(at, "corpus_speaker_chart")
    assert "&lt;img src=x onerror=alert(1)&gt;" in bars["data"][0]["y"][0]
    view(at, "Quotes")
    assert at.markdown[0].value.startswith(f"`{hostile}` · ")  # inline code: Markdown in it is shown, not run
    view(at, "Tone toward")
    assert at.markdown[0].value.startswith(f"`{hostile}` · ")
    tone = json.dumps(figure(at, "corpus_tone_chart")["data"])
    assert "&lt;b&gt;a&lt;/b&gt;.txt" in tone and "<b>" not in tone


def test_a_store_given_to_the_server_is_shown(tmp_path, monkeypatch, demo):
    path = replicate(DEMO, tmp_path / "two.duckdb", copies=2)
    monkeypatch.setenv(source.ENV, str(path))
    at = corpus_page()
    assert metrics(at)["Articles"] == 2 * demo.totals().articles
    assert "`two.duckdb` · the store this server was started with" in captions(at)
    monkeypatch.setenv(source.ENV, str(tmp_path / "missing.duckdb"))
    at = corpus_page()
    assert "there is no such file" in at.error[0].value
    assert "Showing `demo_corpus.duckdb` until a store can be opened." in at.info[0].value
    assert metrics(at)["Articles"] == demo.totals().articles


def test_the_server_store_is_named_on_the_command_line(monkeypatch, tmp_path):
    monkeypatch.setenv(source.ENV, "/elsewhere.duckdb")
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--corpus", str(tmp_path / "x.duckdb")])
    assert source.server_path() == tmp_path / "x.duckdb"
    monkeypatch.setattr("sys.argv", ["pytest", "--co", "-q"])  # no abbreviation of --corpus
    assert str(source.server_path()) == "/elsewhere.duckdb"


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="corpus_upload").set_value([(name, data, "application/octet-stream")])
    return _ok(at.run())


def test_an_uploaded_store_is_shown(page, tmp_path, demo):
    path = tiny(tmp_path / "mine.duckdb", paragraphs=[{"article": "one.txt", "text": "A headline"}],
                quotes=[{"article": "one.txt", "speaker": "Ada Lovelace", "quote": "We will appeal"}],
                speakers=[{"article": "one.txt", "speaker": "Ada Lovelace", "tone_score": -0.5}],
                entities=[{"article": "one.txt", "entity": "Ada Lovelace"}])
    upload(page, "my corpus.duckdb", path.read_bytes())
    assert metrics(page) == {"Articles": 1, "Words": 100, "Quotes": 1, "Speakers": 1, "Entities": 1}
    assert "`my corpus.duckdb` · an uploaded store" in captions(page)
    row = table(page).iloc[0]
    assert (row["speaker"], row["tone"], row["tone_score"]) == ("Ada Lovelace", "negative", -0.5)
    assert page.pills(key="corpus_labels").value == ["PERSON"]
    page.file_uploader(key="corpus_upload").clear()
    _ok(page.run())
    assert metrics(page)["Articles"] == demo.totals().articles
    assert page.pills(key="corpus_labels").value == demo.labels()  # every type of the store shown, again
    page.pills(key="corpus_labels").set_value(["PERSON", "GPE"])
    upload(page, "my corpus.duckdb", path.read_bytes())
    page.file_uploader(key="corpus_upload").clear()
    _ok(page.run())
    assert page.pills(key="corpus_labels").value == ["PERSON", "GPE"]  # the types switched off stay off


@pytest.mark.parametrize(("make", "reason"), [
    (lambda tmp: b"This is an article, not a store.\n" * 40, "it is not a DuckDB file"),
    (lambda tmp: b"", "it is not a DuckDB file"),
    (lambda tmp: from_newer_duckdb(DEMO, tmp / "newer.duckdb").read_bytes(), "written by a newer version of DuckDB"),
    (lambda tmp: tiny(tmp / "empty.duckdb").read_bytes(), "it holds no articles yet"),
    (lambda tmp: _other_duckdb(tmp / "other.duckdb").read_bytes(), "a DuckDB file but not a corpus store"),
])
def test_a_file_that_is_no_usable_store_gets_one_sentence_and_the_demo_stays(page, tmp_path, demo, make, reason):
    upload(page, "corpus.duckdb", make(tmp_path))
    [error] = page.error
    assert error.value.startswith("Could not open `corpus.duckdb`: ") and reason in error.value
    assert error.value.endswith(".")
    assert "Showing `demo_corpus.duckdb` until a store can be opened." in page.info[0].value
    assert metrics(page)["Articles"] == demo.totals().articles and len(page.dataframe) == 1


def _other_duckdb(path):
    import duckdb

    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE notes AS SELECT 'hello' AS note")
    return path


def test_the_article_page_is_the_default_and_still_works(app):
    assert "Putin, Xi Agree NATO" in "".join(h.proto.body for h in app.get("html"))
    assert [t.label for t in app.tabs] == ["Overview", "Speakers", "Text", "Entities", "Compare", "Download"]
    app.switch_page(PAGE)
    _ok(app.run())
    assert [m.label for m in app.metric] == METRICS
    app.switch_page("ui/pages/article.py")
    _ok(app.run())
    assert [m.label for m in app.metric][:3] == ["Paragraphs", "Words", "Quotes"]


def test_a_store_a_run_is_writing_says_so(tmp_path, monkeypatch, demo):
    path = shutil.copy(DEMO, tmp_path / "busy.duckdb")
    monkeypatch.setenv(source.ENV, str(path))
    writer = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               "con = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(30)",
                               str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        at = corpus_page()
    finally:
        writer.kill()
        writer.wait()
    assert "Could not open `busy.duckdb`: another process holds it open for writing" in at.error[0].value
    assert metrics(at)["Articles"] == demo.totals().articles  # the demo meanwhile
