"""The corpus store (--out FILE.duckdb), Parquet files (--format parquet) and the progress line."""
from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pandas as pd
import pytest

import analysis.__main__ as cli
from analysis.corpus.progress import Progress
from analysis.schema import TABLES

from .conftest import ROOT

ARTICLES = ROOT / "tests" / "data" / "articles"


@pytest.fixture
def corpus(tmp_path):
    """Six real articles in a folder of their own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(ARTICLES.glob("*.txt"))[:6]:
        shutil.copy(path, folder / path.name)
    return folder


def stored(path, table: str) -> pd.DataFrame:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(f"SELECT * FROM {table} ORDER BY ALL").df()


def csv_rows(folder, table: str) -> list[dict]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_store_holds_the_same_rows_as_the_csv_files(corpus, tmp_path, nlp, capsys):
    assert cli.main([str(corpus), "--out", str(tmp_path / "csv"), "--jobs", "1", "--quiet"]) == 0
    store = tmp_path / "corpus.duckdb"
    assert cli.main([str(corpus), "--out", str(store), "--jobs", "1", "--batch", "4"]) == 0
    assert "analysed 6 article(s), 0 failed" in capsys.readouterr().err
    for table in TABLES:
        rows = csv_rows(tmp_path / "csv", table)
        got = stored(store, table)
        assert len(got) == len(rows), table
        assert list(got.columns) == list(rows[0]) if rows else True
    quotes = stored(store, "quotes")
    assert quotes["start"].dtype.kind == "i" and quotes["tone_score"].dtype.kind == "f"
    articles = stored(store, "articles")
    assert sorted(articles["article"]) == sorted(p.name for p in corpus.iterdir())
    assert (articles["words"] > 0).all()


def test_a_rerun_skips_what_is_stored_and_replaces_a_changed_article(corpus, tmp_path, nlp, capsys):
    store = tmp_path / "corpus.duckdb"
    assert cli.main([str(corpus), "--out", str(store), "--jobs", "1"]) == 0
    before = stored(store, "paragraphs")
    capsys.readouterr()
    assert cli.main([str(corpus), "--out", str(store), "--jobs", "1"]) == 0
    assert "analysed 0 article(s), 0 failed, 6 already stored" in capsys.readouterr().err
    pd.testing.assert_frame_equal(stored(store, "paragraphs"), before)

    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA closing line added later.\n", encoding="utf-8")
    assert cli.main([str(corpus), "--out", str(store), "--jobs", "1"]) == 0
    assert "analysed 1 article(s), 0 failed, 5 already stored" in capsys.readouterr().err
    after = stored(store, "paragraphs")
    assert len(after) == len(before) + 1
    assert after[after.article == changed.name]["text"].iloc[-1] == "A closing line added later."
    assert len(stored(store, "articles")) == 6


def test_an_interrupted_run_keeps_its_finished_batches_and_the_next_one_goes_on(corpus, tmp_path, nlp,
                                                                                   monkeypatch, capsys):
    import analysis.corpus.batch

    real_run = analysis.corpus.batch.run

    def stopped_after_three(items, jobs):
        for n, result in enumerate(real_run(items, jobs)):
            if n == 3:
                raise KeyboardInterrupt
            yield result

    store = tmp_path / "corpus.duckdb"
    monkeypatch.setattr(analysis.corpus.batch, "run", stopped_after_three)
    assert cli.main([str(corpus), "--out", str(store), "--jobs", "1", "--batch", "2"]) == 130
    assert "2 article(s) of this run are in" in capsys.readouterr().err
    assert len(stored(store, "articles")) == 2  # the first batch; the third article's batch was unfinished
    monkeypatch.setattr(analysis.corpus.batch, "run", real_run)
    assert cli.main([str(corpus), "--out", str(store), "--jobs", "1", "--batch", "2"]) == 0
    assert "analysed 4 article(s), 0 failed, 2 already stored" in capsys.readouterr().err
    assert stored(store, "articles")["article"].is_unique
    assert len(stored(store, "articles")) == 6


@pytest.mark.slow
def test_a_killed_run_leaves_each_article_once_after_the_next(corpus, tmp_path):
    originals = sorted(corpus.glob("*.txt"))
    for copy in range(9):  # sixty articles: the kill lands mid-run
        for path in originals:
            shutil.copy(path, corpus / f"copy{copy}_{path.name}")
    store = tmp_path / "corpus.duckdb"
    cmd = [sys.executable, "-m", "analysis", str(corpus), "--out", str(store), "--jobs", "2", "--batch", "3",
           "--quiet"]
    first = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, start_new_session=True)
    wal = store.with_name(store.name + ".wal")
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size > 100_000) and time.monotonic() < deadline:
        time.sleep(0.05)  # a few batches are in: kill it now, SIGKILL, no clean-up at all
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    assert 0 < len(stored(store, "articles")) < 60
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    articles = stored(store, "articles")
    assert len(articles) == 60 and articles["article"].is_unique
    per_article = stored(store, "quotes").groupby("article").size()
    for path in originals:  # no article's rows twice, none lost
        counts = {per_article.get(f"copy{c}_{path.name}", 0) for c in range(9)} | {per_article.get(path.name, 0)}
        assert len(counts) == 1, path.name


def test_parquet_files_hold_the_csv_rows_with_typed_columns(corpus, tmp_path, nlp):
    assert cli.main([str(corpus), "--out", str(tmp_path / "csv"), "--jobs", "1", "--quiet"]) == 0
    assert cli.main([str(corpus), "--out", str(tmp_path / "pq"), "--format", "parquet", "--jobs", "1", "--quiet"]) == 0
    for table in TABLES:
        got = pd.read_parquet(tmp_path / "pq" / f"{table}.parquet")
        rows = csv_rows(tmp_path / "csv", table)
        assert len(got) == len(rows) and list(got.columns) == list(rows[0]), table
    quotes = pd.read_parquet(tmp_path / "pq" / "quotes.parquet")
    assert quotes["paragraph"].dtype.kind == "i" and quotes["polarity"].dtype.kind == "f"
    assert not list((tmp_path / "pq").glob(".*partial*"))


def test_format_parquet_is_refused_for_a_store(tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli.main([str(ARTICLES), "--out", str(tmp_path / "c.duckdb"), "--format", "parquet"])
    assert "--format is for a folder" in capsys.readouterr().err


def test_progress_line_counts_rate_and_time_left():
    now = [0.0]
    out = io.StringIO()
    progress = Progress(10, stream=out, show=True, clock=lambda: now[0])
    for _ in range(4):
        now[0] += 2.0
        progress.add(words=100)
    progress.add(failed=True)
    assert progress.line() == "5/10 articles, 1 failed  0.6/s  8s left"
    assert "\r4/10 articles  0.5/s  12s left" in out.getvalue()
    progress.clear()
    assert out.getvalue().endswith("\r")
    assert progress.summary(2, "out") == "analysed 4 article(s), 1 failed; 400 words in 8.0 s with 2 worker(s); " \
                                         "tables in out"


def test_progress_stays_quiet_off_a_terminal():
    out = io.StringIO()
    progress = Progress(3, stream=out)
    progress.add(words=5)
    assert out.getvalue() == ""


def _tables(article: str, text: str) -> dict[str, pd.DataFrame]:
    from analysis.schema import COLUMNS

    out = {table: pd.DataFrame(columns=list(COLUMNS[table])) for table in TABLES}
    row = {c: 0 for c in COLUMNS["paragraphs"]} | {"article": article, "text": text}
    out["paragraphs"] = pd.DataFrame([row])
    return out


def test_an_article_stored_by_an_earlier_run_is_replaced_not_doubled(tmp_path):
    from analysis.corpus.store import CorpusStore, Stored

    path = tmp_path / "s.duckdb"
    with CorpusStore(path) as store:
        store.add([Stored("k1", "a.txt", "a.txt", _tables("a.txt", "old")),
                   Stored("k2", "b.txt", "b.txt", _tables("b.txt", "kept"))])
    with CorpusStore(path) as store:  # a new run that never asked for the keys
        store.add([Stored("k3", "a.txt", "a.txt", _tables("a.txt", "new"))])
        store.add([Stored("k4", "a.txt", "a.txt", _tables("a.txt", "newer"))])
    assert stored(path, "paragraphs")[["article", "text"]].values.tolist() == [["a.txt", "newer"], ["b.txt", "kept"]]
    assert sorted(stored(path, "articles")["key"]) == ["k2", "k4"]


def test_a_store_being_written_keeps_duckdb_s_cache_small(tmp_path):
    """Left to its default, DuckDB caches the growing tables up to most of the machine's memory."""
    from analysis.corpus.store import CorpusStore

    with CorpusStore(tmp_path / "s.duckdb") as store:
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit.endswith("MiB") and float(limit.split()[0]) <= 64
