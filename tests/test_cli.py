"""python -m analysis: files and folders in, six CSV files out, errors by name."""
from __future__ import annotations

import csv
import subprocess
import sys

from analysis.__main__ import main
from analysis.schema import COLUMNS, TABLES

from .conftest import ROOT, SAMPLE


def read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_help_explains_usage():
    out = subprocess.run([sys.executable, "-m", "analysis", "--help"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "--out" in out and "quotes.csv" in out and "folder" in out


def test_help_and_the_package_load_no_heavy_library():
    code = ("import runpy, sys\nsys.argv = ['analysis', '--help']\nimport analysis\n"
            "try:\n    runpy.run_module('analysis', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('spacy', 'pandas', 'textblob', 'onnxruntime', 'numpy', 'dask', 'distributed')\n"
            "             if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_folder_and_bad_files(tmp_path, capsys, nlp):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "b.md").write_text("# Quiet day\n\nNothing happened in Port Ellery today.", encoding="utf-8")
    (articles / "c.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (articles / "notes.pdf").write_bytes(b"%PDF")  # an article format, but no readable PDF
    (articles / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not an article: ignored in a folder
    out = tmp_path / "out"
    status = main([str(articles), str(tmp_path / "missing.txt"), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert status == 1
    assert "c.txt: cannot read" in err and "binary" in err
    assert "missing.txt: cannot read" in err
    assert "notes.pdf: cannot read: it is not a readable PDF" in err
    assert "photo.jpg" not in err
    for table in TABLES:
        rows = read(out / f"{table}.csv")
        with (out / f"{table}.csv").open(encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert header[: len(COLUMNS[table])] == list(COLUMNS[table])
        assert {r["article"] for r in rows} <= {"a.txt", "b.md"}
    paragraphs = read(out / "paragraphs.csv")
    assert {r["article"] for r in paragraphs} == {"a.txt", "b.md"}
    assert [r["kind"] for r in paragraphs if r["article"] == "b.md"] == ["headline", "body"]


def test_parallel_run_matches_serial(tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    args = [str(SAMPLE), str(ROOT / "tests" / "data" / "cli" / "harbour.txt")]
    assert main([*args, "--out", str(serial), "--jobs", "1", "--quiet"]) == 0
    assert main([*args, "--out", str(parallel), "--jobs", "2", "--quiet"]) == 0
    for table in TABLES:
        assert (serial / f"{table}.csv").read_bytes() == (parallel / f"{table}.csv").read_bytes(), table


def test_nothing_to_read(tmp_path, capsys):
    assert main([str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "no .txt, .md, .html, .docx or .pdf articles" in capsys.readouterr().err


def test_articles_analysed_in_memory_zones_get_the_same_tables_and_leave_no_words(nlp):
    """A batch's words are forgotten after it (model.memory_zone), so a worker's vocabulary
    does not grow over a corpus; what the engine builds once and keeps (matchers, memos)
    must outlive the zone it was first built in."""
    from analysis.engine import analyze
    from analysis.pipeline.model import load_model, memory_zone
    from analysis.reading.ingest import read_article

    fresh = load_model.__wrapped__()  # nothing built yet for its vocabulary
    articles = [SAMPLE, *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))[:3]]
    known = None
    for path in articles * 2:
        text = read_article(path)[1]
        with memory_zone(fresh):
            zoned = analyze(text, path.name, nlp=fresh).tables()
        for table, frame in analyze(text, path.name, nlp=nlp).tables().items():
            assert zoned[table].equals(frame), (path.name, table)
        known = known or len(fresh.vocab.strings)
        assert len(fresh.vocab.strings) == known


def test_jobs_is_the_cores_a_run_uses_the_tone_model_s_threads_included(monkeypatch):
    from analysis.corpus import batch

    monkeypatch.setattr(batch.os, "cpu_count", lambda: 4)
    assert batch.tone_threads(1, 1) == 1  # --jobs 1: one core, tone model too
    assert batch.tone_threads(4, 1) == 4  # one article with the default --jobs: every core
    assert batch.tone_threads(4, 4) == 1 and batch.tone_threads(4, 2) == 2
    assert batch.tone_threads(16, 1) == 4  # never more than the machine has
