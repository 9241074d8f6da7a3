"""The command line's output folder: tables replaced together or not at all, whatever kills a run."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest

import analysis.corpus.output
from analysis.corpus.output import TableWriter, marker_name, recover, temp_name
from analysis.schema import COLUMNS, TABLES, frame


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_writer_writes_one_header_and_every_article(tmp_path, sample):
    empty = {t: frame(t) for t in TABLES}
    with TableWriter(tmp_path) as writer:
        writer.write(empty)
        writer.write(sample.tables())
        writer.write(sample.tables())
        writer.commit()
    for table in TABLES:
        rows = list(csv.DictReader((tmp_path / f"{table}.csv").open(encoding="utf-8")))
        assert len(rows) == 2 * len(getattr(sample, table)), table


def test_writer_replaces_the_old_tables_only_on_commit(tmp_path, sample):
    (tmp_path / "quotes.csv").write_text("old results\n", encoding="utf-8")
    with TableWriter(tmp_path) as writer:
        writer.write(sample.tables())
    assert (tmp_path / "quotes.csv").read_text(encoding="utf-8") == "old results\n"  # no commit: untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.csv"]  # nothing left behind
    with TableWriter(tmp_path) as writer:
        writer.commit(replace=False)  # nothing analysed: keep what is there, headers where nothing is
    assert (tmp_path / "quotes.csv").read_text(encoding="utf-8") == "old results\n"
    for table in TABLES:
        if table != "quotes":
            assert (tmp_path / f"{table}.csv").read_text(encoding="utf-8").rstrip("\r\n").split(",") == list(
                COLUMNS[table])
    with TableWriter(tmp_path) as writer:
        writer.write(sample.tables())
        writer.commit()
    assert len(list(csv.DictReader((tmp_path / "quotes.csv").open(encoding="utf-8")))) == len(sample.quotes)


def test_a_run_killed_before_its_commit_leaves_no_files_and_the_old_tables(tmp_path):
    (tmp_path / "quotes.csv").write_text("old results\n", encoding="utf-8")
    pid = dead_pid()
    for table in TABLES:  # what SIGKILL leaves: temporary files, no clean-up, no marker
        (tmp_path / temp_name(table, pid)).write_text("half a run\n", encoding="utf-8")
    recover(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.csv"]
    assert (tmp_path / "quotes.csv").read_text(encoding="utf-8") == "old results\n"


def test_a_run_killed_halfway_through_its_commit_is_finished_by_the_next_writer(tmp_path):
    for table in TABLES:
        (tmp_path / f"{table}.csv").write_text("old run\n", encoding="utf-8")
    pid = dead_pid()
    (tmp_path / marker_name(pid)).write_text("complete\n", encoding="utf-8")
    for table in TABLES[:2]:  # renamed before the kill
        (tmp_path / f"{table}.csv").write_text("new run\n", encoding="utf-8")
    for table in TABLES[2:]:  # not yet
        (tmp_path / temp_name(table, pid)).write_text("new run\n", encoding="utf-8")
    with TableWriter(tmp_path):  # a rerun opens the folder: the set is made whole first
        assert {(tmp_path / f"{t}.csv").read_text(encoding="utf-8") for t in TABLES} == {"new run\n"}
        assert not (tmp_path / marker_name(pid)).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in TABLES)


def test_a_commit_interrupted_between_renames_is_finished(tmp_path, sample, monkeypatch):
    for table in TABLES:
        (tmp_path / f"{table}.csv").write_text("old run\n", encoding="utf-8")
    renames = []
    real_replace = os.replace

    def interrupted_once(src, dst):
        renames.append(dst)
        if len(renames) == 3:
            raise KeyboardInterrupt  # Ctrl-C between the second and third rename
        real_replace(src, dst)

    monkeypatch.setattr(analysis.corpus.output.os, "replace", interrupted_once)
    with pytest.raises(KeyboardInterrupt), TableWriter(tmp_path) as writer:
        writer.write(sample.tables())
        writer.commit()
    for table in TABLES:
        rows = list(csv.DictReader((tmp_path / f"{table}.csv").open(encoding="utf-8")))
        assert len(rows) == len(getattr(sample, table)), table
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in TABLES)


def test_a_live_writers_files_are_left_alone(tmp_path):
    (tmp_path / temp_name("quotes", os.getppid())).write_text("another run at work\n", encoding="utf-8")
    with TableWriter(tmp_path) as writer:
        writer.commit()
    assert (tmp_path / temp_name("quotes", os.getppid())).exists()
