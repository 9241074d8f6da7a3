"""python -m analysis when things go wrong: one bad article, folder, worker or run never costs the rest."""
from __future__ import annotations

import csv
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis.corpus.batch
import analysis.reading.ingest
from analysis.__main__ import main
from analysis.corpus.batch import GROUP, Item, analyse_items, expand, tasks, workers
from analysis.engine import analyze
from analysis.reading.ingest import read_article
from analysis.schema import COLUMNS, TABLES
from bench.kill_rerun import kill_and_rerun

from .conftest import ROOT, SAMPLE

HARBOUR = ROOT / "tests" / "data" / "cli" / "harbour.txt"


def rows(out: Path, table: str = "paragraphs") -> list[dict]:
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def articles(out: Path) -> list[str]:
    """Article names in paragraphs.csv, once each, in order."""
    return list(dict.fromkeys(r["article"] for r in rows(out)))


def corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = HARBOUR.read_text(encoding="utf-8")
    paths = [folder / f"story{i:02d}.txt" for i in range(n)]
    for path in paths:
        path.write_text(text, encoding="utf-8")
    return paths


def test_a_rerun_with_a_mistyped_path_keeps_the_earlier_tables(tmp_path, capsys):
    out = tmp_path / "out"
    assert main([str(HARBOUR), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    before = {t: (out / f"{t}.csv").read_bytes() for t in TABLES}
    assert main([str(tmp_path / "harbuor.txt"), "--out", str(out), "--jobs", "1"]) == 1
    assert "earlier tables there were kept" in capsys.readouterr().err
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLES} == before
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)  # no leftovers


def test_a_run_with_no_success_still_writes_every_header(tmp_path):
    out = tmp_path / "out"
    assert main([str(tmp_path / "missing.txt"), "--out", str(out), "--jobs", "1", "--quiet"]) == 1
    for table in TABLES:
        with (out / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            assert list(csv.reader(f)) == [list(COLUMNS[table])]


def test_special_and_huge_files_are_refused_by_name(tmp_path, capsys, monkeypatch):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    big = tmp_path / "big.txt"
    big.write_text("Headline\n\n" + "Word " * 240_000, encoding="utf-8")
    monkeypatch.setattr(analysis.reading.ingest, "MAX_FILE_BYTES", 1_000_000)
    out = tmp_path / "out"
    started = time.monotonic()
    status = main([str(fifo), "/dev/zero", str(big), str(HARBOUR), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert time.monotonic() - started < 60  # neither the pipe nor /dev/zero is read
    assert status == 1
    assert f"{fifo}: cannot read: it is not a regular file" in err
    assert "/dev/zero: cannot read: it is not a regular file" in err
    assert f"{big}: cannot read: it is 1.2 MB, over the 1 MB an article may be" in err
    assert articles(out) == ["harbour.txt"]


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_analysed(tmp_path, capsys, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real = Path.iterdir

    def iterdir(self):
        if self == locked:  # root ignores chmod 000, so the refusal is made here
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    out = tmp_path / "out"
    assert main([str(locked), str(HARBOUR), "--out", str(out), "--jobs", "1"]) == 1
    assert f"{locked}: cannot list the folder: Permission denied" in capsys.readouterr().err
    assert articles(out) == ["harbour.txt"]


def test_an_out_that_is_a_file_gets_a_message_not_a_traceback(tmp_path, capsys):
    taken = tmp_path / "taken"
    taken.write_text("a file", encoding="utf-8")
    for out in (taken, taken / "sub"):
        assert main([str(HARBOUR), "--out", str(out), "--jobs", "1"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"python -m analysis: cannot write the tables to {out}: ") and "Traceback" not in err


def test_same_named_files_in_two_folders_stay_apart(tmp_path):
    for year in ("2024", "2025"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "a.txt").write_text(HARBOUR.read_text(encoding="utf-8"), encoding="utf-8")
    assert [i.name for i in expand([str(tmp_path / "2024"), str(tmp_path / "2025")])] == ["2024/a.txt", "2025/a.txt"]
    assert [i.name for i in expand([str(tmp_path / "2024")])] == ["a.txt"]
    assert [i.name for i in expand([str(HARBOUR), str(SAMPLE)])] == ["harbour.txt", "putin_xi_call.txt"]
    assert [i.name for i in expand([str(tmp_path / "2024" / "a.txt"), str(HARBOUR)])] == ["a.txt", "harbour.txt"]
    out = tmp_path / "out"
    assert main([str(tmp_path / "2024"), str(tmp_path / "2025"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert articles(out) == ["2024/a.txt", "2025/a.txt"]


def test_jobs_are_capped_at_the_cores_and_must_be_positive(capsys):
    assert workers(1000, 5000) == (os.cpu_count() or 1)
    assert workers(8, 1) == 1
    with pytest.raises(SystemExit):
        main([str(HARBOUR), "--out", "x", "--jobs", "0"])
    assert "is not a whole number of at least 1" in capsys.readouterr().err


def test_tasks_take_every_article_once_and_shrink_towards_the_end():
    todo = list(range(50))
    got = tasks(todo, 2)
    assert [i for task in got for i in task] == todo
    assert len(got[0]) == GROUP and len(got[-1]) == 1
    assert tasks([3, 1], 2) == [[3], [1]]


def test_articles_parsed_together_get_the_tables_each_gets_alone(tmp_path):
    items = [Item(HARBOUR, "harbour.txt"), Item(tmp_path / "gone.txt", "gone.txt"), Item(SAMPLE, "sample.txt")]
    results = analyse_items(items)
    assert results[1].tables is None and results[1].error.startswith("cannot read")
    for item, result in zip(items[::2], results[::2], strict=True):
        alone = analyze(read_article(item.path)[1], item.name).tables()
        for table in TABLES:
            pd.testing.assert_frame_equal(result.tables[table], alone[table])


needs_fork = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or multiprocessing.get_start_method() != "fork",
    reason="needs two cores (one worker each) and forked workers, which inherit the test's patch")


def _dies(marker_dir: Path, *, always: bool):
    """An analyze_parsed() whose worker process is killed (SIGKILL, as by the OOM killer) on
    story03, once (a marker file remembers) or on every attempt."""
    real = analysis.corpus.batch.analyze_parsed

    def analyze_parsed(parsed):
        marker = marker_dir / f"killed-{parsed.article.name}"
        if parsed.article.name == "story03.txt" and (always or not marker.exists()):
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(parsed)

    return analyze_parsed


@needs_fork
def test_a_killed_worker_is_replaced_and_its_articles_tried_again(tmp_path, monkeypatch):
    paths = corpus(tmp_path / "in", 8)
    monkeypatch.setattr(analysis.corpus.batch, "analyze_parsed", _dies(tmp_path, always=False))
    out = tmp_path / "out"
    assert main([str(tmp_path / "in"), "--out", str(out), "--jobs", "2", "--quiet"]) == 0
    assert (tmp_path / "killed-story03.txt").exists()  # the worker did die once
    assert articles(out) == [p.name for p in paths]  # none lost, none doubled, in order
    one = len([r for r in rows(out) if r["article"] == "story00.txt"])
    assert len(rows(out)) == one * len(paths)


@needs_fork
def test_an_article_that_kills_every_worker_is_reported_and_the_rest_kept(tmp_path, monkeypatch, capsys):
    paths = corpus(tmp_path / "in", 6)
    monkeypatch.setattr(analysis.corpus.batch, "analyze_parsed", _dies(tmp_path, always=True))
    out = tmp_path / "out"
    assert main([str(tmp_path / "in"), "--out", str(out), "--jobs", "2"]) == 1
    assert "story03.txt: analysis failed: its worker process died twice" in capsys.readouterr().err
    assert articles(out) == [p.name for p in paths if p.name != "story03.txt"]  # only the culprit is lost


def test_a_run_stopped_midway_leaves_the_earlier_tables_and_no_debris(tmp_path):
    out = tmp_path / "out"
    assert main([str(HARBOUR), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    before = {t: (out / f"{t}.csv").read_bytes() for t in TABLES}
    corpus(tmp_path / "in", 40)
    proc = subprocess.Popen([sys.executable, "-m", "analysis", str(tmp_path / "in"), "--out", str(out), "--jobs", "1"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    partial = out / f".paragraphs.csv.partial-{proc.pid}"
    while time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size > 200):
        time.sleep(0.2)  # until some articles are written to the temporary files
    assert proc.poll() is None, proc.stderr.read()
    proc.send_signal(signal.SIGTERM)
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130 and "interrupted after" in err
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLES} == before
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    assert main([str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0  # a rerun: all, once
    assert articles(out) == [f"story{i:02d}.txt" for i in range(40)]


@needs_fork
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for left-over workers in /proc")
def test_runs_killed_at_random_moments_then_rerun_lose_and_double_nothing(tmp_path):
    """bench/kill_rerun.py's check, a few rounds: after SIGKILL, SIGTERM or Ctrl-C at any
    moment the tables are one whole set and no worker lives on; a rerun gives every article once."""
    inputs = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    problems = kill_and_rerun(inputs, inputs[:3], tmp_path, rounds=4, jobs=2, rng=random.Random(2),
                              log=lambda line: None)
    assert problems == []


FORKSERVER_RUN = """
import multiprocessing, sys
if __name__ == "__main__":
    multiprocessing.set_start_method("forkserver")
    from analysis.__main__ import main
    sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here")
def test_workers_started_by_a_forkserver_analyse_every_article(tmp_path):
    """Python 3.14 starts pool workers from a forkserver: their parent is not the run."""
    paths = corpus(tmp_path / "in", 4)
    script = tmp_path / "run.py"
    script.write_text(FORKSERVER_RUN, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "in"), "--out", str(out), "--jobs", "2"],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert articles(out) == [p.name for p in paths]
