"""The dashboard's analysis processes: same tables as in-process, a time limit, a death
that takes only its own article, and no more children than slots."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import ArticleError, analyze, text_from_bytes
from analysis.sandbox import Died, OutOfTime, Sandbox, TooLong

from .conftest import ROOT, SAMPLE

STORY = "Harbour Vote\n\n“We will appeal,” Mayor Ana Ruiz said on Monday.\n".encode()
# Some seconds of analysis: paragraphs of real sentences, each naming someone.
LONG = "\n\n".join(f"Councillor Tom Fox{i} said the harbour plan number {i} was a costly mistake for the town."
                   for i in range(1500)).encode()


@pytest.fixture(scope="module")
def sandbox():
    box = Sandbox(workers=2, seconds=60)
    yield box
    box.close()


def test_a_child_gives_the_tables_an_in_process_analysis_gives(sandbox, nlp):
    data = SAMPLE.read_bytes()
    done = sandbox.run(data, SAMPLE.name)
    assert done.error is None and done.seconds > 0
    here = analyze(text_from_bytes(data, SAMPLE.name), SAMPLE.name, nlp=nlp)
    for table, df in here.tables().items():
        pd.testing.assert_frame_equal(getattr(done.analysis, table), df, obj=table)


def test_unreadable_and_too_long_files_come_back_as_article_errors(sandbox):
    assert isinstance(sandbox.run(b"   ", "blank.txt").error, ArticleError)
    error = sandbox.run(STORY, "story.txt", max_chars=20).error
    assert isinstance(error, TooLong) and (error.length, error.limit) == (len(text_from_bytes(STORY, "s.txt")), 20)
    assert "more than the limit of 20" in str(error)


def test_an_analysis_past_its_time_is_killed_and_the_next_runs(sandbox):
    quick = Sandbox(workers=1, seconds=0.5)
    assert quick.run(STORY, "story.txt").analysis is not None  # the zygote is up
    started = time.perf_counter()
    with pytest.raises(OutOfTime, match="longer than the limit of 0.5 s"):
        quick.run(LONG, "long.txt")
    assert time.perf_counter() - started < 5
    assert not quick.running
    assert quick.run(STORY, "story.txt").analysis is not None  # its slot was given back
    quick.close()


def test_a_child_that_dies_takes_only_its_own_article(sandbox):
    outcome = {}

    def analyse_long():
        try:
            sandbox.run(LONG, "killed.txt")
        except Died as exc:
            outcome["died"] = exc

    thread = threading.Thread(target=analyse_long)
    thread.start()
    deadline = time.monotonic() + 30
    while not sandbox.running and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(next(iter(sandbox.running)), signal.SIGKILL)  # as the out-of-memory killer would
    thread.join(60)
    assert "stopped unexpectedly" in str(outcome["died"])
    assert sandbox.run(STORY, "story.txt").analysis is not None


def test_no_more_analyses_run_at_once_than_there_are_slots():
    one = Sandbox(workers=1, seconds=60)
    most, running = 0, True

    def watch():
        nonlocal most
        while running:
            most = max(most, len(one.running))
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    threads = [threading.Thread(target=one.run, args=(STORY + b" " * i, f"s{i}.txt")) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    running = False
    watcher.join()
    one.close()
    assert most == 1


SERVER = """
import sys, threading, time
sys.path.insert(0, {root!r})
from analysis.sandbox import Sandbox
from tests.test_sandbox import LONG
box = Sandbox(workers=1, seconds=600)
threading.Thread(target=box.run, args=(LONG, "long.txt"), daemon=True).start()
while not box.running:
    time.sleep(0.01)
print(box._zygote.pid, *box.running, flush=True)
time.sleep(600)
"""


def gone(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for the processes in /proc")
def test_a_killed_server_takes_its_zygote_and_the_analysis_at_work_with_it():
    server = subprocess.Popen([sys.executable, "-c", SERVER.format(root=str(ROOT))], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in server.stdout.readline().split()]
        assert len(pids) == 2, "the server printed its zygote's and its child's pids"
        server.kill()  # no clean-up runs: the zygote sees its socket close, the child its parent go
        server.wait()
        assert gone(pids, 5), f"still running: {[p for p in pids if Path(f'/proc/{p}').exists()]}"
    finally:
        server.kill()
