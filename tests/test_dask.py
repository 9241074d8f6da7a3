"""python -m analysis --dask / --scheduler: Dask workers give the tables a local run gives.

One LocalCluster on this machine serves most tests through --scheduler, as a cluster of
several machines would; its workers are fresh processes (Dask spawns them, with their own
hash seed), so a patch in this process does not reach them: a worker plugin makes them die
on chosen articles instead.
"""
from __future__ import annotations

import csv
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from distributed import Client, WorkerPlugin

from analysis.__main__ import main
from analysis.corpus.cluster import local_cluster
from analysis.schema import TABLES

from .conftest import ROOT

ARTICLES = ROOT / "tests" / "data" / "articles"
HARBOUR = ROOT / "tests" / "data" / "cli" / "harbour.txt"
NAMES = ("storm_damage_brief.txt", "market_hall_reopening.txt", "corran_hill_quarry.txt")


class DiesOn(WorkerPlugin):
    """Every worker's process is killed (SIGKILL, as by the out-of-memory killer) when it
    analyses dies_always.txt, and on dies_once.txt the first time (a marker file remembers)."""

    def __init__(self, marker_dir: Path):
        self.marker_dir = str(marker_dir)

    def setup(self, worker) -> None:
        import analysis.corpus.batch

        real, markers = analysis.corpus.batch.analyze_parsed, Path(self.marker_dir)

        def analyze_parsed(parsed):
            name = parsed.article.name
            marker = markers / f"killed-{name}"
            if name == "dies_always.txt" or (name == "dies_once.txt" and not marker.exists()):
                marker.touch()
                os.kill(os.getpid(), signal.SIGKILL)
            return real(parsed)

        analysis.corpus.batch.analyze_parsed = analyze_parsed


@pytest.fixture(scope="module")
def markers(tmp_path_factory):
    return tmp_path_factory.mktemp("markers")


@pytest.fixture(scope="module")
def scheduler(markers):
    """The address of a two-worker LocalCluster, shared by the module's tests."""
    with local_cluster(2) as cluster, Client(cluster) as client:
        client.register_plugin(DiesOn(markers))
        yield cluster.scheduler_address


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(ARTICLES / name, folder / name)
    shutil.copy(HARBOUR, folder / "harbour.txt")
    return folder


def table_bytes(folder: Path) -> dict[str, bytes]:
    return {table: (folder / f"{table}.csv").read_bytes() for table in TABLES}


def store_tables(path: Path) -> dict:
    """Every table as stored, in stored order; `articles` without the time each was added."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = {t: con.execute(f"SELECT * FROM {t}").df() for t in TABLES}
        tables["articles"] = con.execute("SELECT * EXCLUDE (added) FROM articles").df()
    return tables


def test_a_store_from_dask_workers_is_the_store_a_local_run_makes(corpus, tmp_path, scheduler, nlp, capsys,
                                                                   monkeypatch):
    monkeypatch.chdir(tmp_path)  # "corpus" is a path from here, not from the workers' folder
    local, remote = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    assert main(["corpus", "--out", str(local), "--jobs", "1", "--batch", "3", "--quiet"]) == 0
    assert main(["corpus", "--out", str(remote), "--scheduler", scheduler, "--batch", "3"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("analysed 4 article(s), 0 failed") and "with 2 worker(s)" in err
    expected, got = store_tables(local), store_tables(remote)
    for table, frame in expected.items():
        assert len(frame), table
        assert got[table].equals(frame), table
    assert expected["articles"]["path"].str.startswith("corpus/").all()
    assert main(["corpus", "--out", str(remote), "--scheduler", scheduler]) == 0  # a rerun skips them all
    assert "analysed 0 article(s), 0 failed, 4 already stored" in capsys.readouterr().err


def test_a_local_dask_cluster_writes_the_files_a_local_run_writes(corpus, tmp_path, nlp, capsys):
    local, dask_out = tmp_path / "local", tmp_path / "dask"
    assert main([str(corpus), "--out", str(local), "--jobs", "1", "--quiet"]) == 0
    assert main([str(corpus), "--out", str(dask_out), "--dask", "--jobs", "2"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("analysed 4 article(s), 0 failed") and "with 2 worker(s)" in err
    assert table_bytes(dask_out) == table_bytes(local)


def test_bad_articles_and_an_article_that_kills_its_worker_are_reported_and_the_rest_land(corpus, tmp_path,
                                                                                         scheduler, capsys):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    shutil.copy(HARBOUR, corpus / "dies_always.txt")
    store = tmp_path / "corpus.duckdb"
    assert main([str(corpus), str(tmp_path / "missing.txt"), "--out", str(store), "--scheduler", scheduler]) == 1
    err = capsys.readouterr().err
    assert "binary.txt: cannot read" in err and "missing.txt: cannot read" in err
    assert "dies_always.txt: analysis failed: its Dask worker died twice" in err
    assert err.splitlines()[-1].startswith("analysed 4 article(s), 3 failed")
    assert sorted(store_tables(store)["articles"]["article"]) == sorted([*NAMES, "harbour.txt"])


def test_the_articles_of_a_worker_that_died_once_are_tried_again(corpus, tmp_path, scheduler, markers, capsys):
    shutil.copy(HARBOUR, corpus / "dies_once.txt")
    out = tmp_path / "out"
    assert main([str(corpus), "--out", str(out), "--scheduler", scheduler]) == 0
    assert capsys.readouterr().err.startswith("analysed 5 article(s), 0 failed")
    assert (markers / "killed-dies_once.txt").exists()  # its worker did die once
    with (out / "paragraphs.csv").open(encoding="utf-8", newline="") as f:
        names = [row["article"] for row in csv.DictReader(f)]
    assert list(dict.fromkeys(names)) == sorted([*NAMES, "harbour.txt", "dies_once.txt"])  # each once, in order


def test_an_unreachable_scheduler_is_one_line_and_status_2(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "out"
    code = ("import runpy, sys\nimport analysis.corpus.cluster\nanalysis.corpus.cluster.CONNECT_SECONDS = 1\n"
            f"sys.argv = ['analysis', {str(HARBOUR)!r}, '--out', {str(out)!r}, '--scheduler', "
            f"'tcp://127.0.0.1:{port}']\nrunpy.run_module('analysis', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"python -m analysis: cannot reach the Dask scheduler at "
                                        f"tcp://127.0.0.1:{port}: Timed out trying to connect to "
                                        f"tcp://127.0.0.1:{port} after 1 s"]
    assert not out.exists()  # nothing was touched


def test_dask_and_scheduler_exclude_each_other(capsys):
    with pytest.raises(SystemExit):
        main([str(HARBOUR), "--out", "x", "--dask", "--scheduler", "tcp://127.0.0.1:8786"])
    assert "not allowed with argument" in capsys.readouterr().err


def test_help_does_not_import_dask():
    code = ("import runpy, sys\nsys.argv = ['analysis', '--help']\n"
            "try:\n    runpy.run_module('analysis', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('dask', 'distributed', 'tornado') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_local_workers_keep_the_memory_allocator_defaults(scheduler):
    """Dask's MALLOC_TRIM_THRESHOLD_ made every large array a fresh mapping: 13% more CPU.
    The one-thread settings for numerical libraries stay."""
    with Client(scheduler) as client:
        env = client.run(lambda: {k: os.environ.get(k) for k in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")})
    assert len(env) == 2
    assert all(e == {"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"} for e in env.values())
