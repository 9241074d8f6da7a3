"""Analyse one uploaded article in a child process, with a time limit.

A server that analyses in its own process lets one costly upload stall every other
reader: the analysis holds the interpreter lock. `Sandbox` runs each analysis in a child
process instead, at most one per core at a time (the others wait for a free slot), and
kills a child that runs past its time limit; a child that dies (out of memory, a crash in
native code) takes only its own article with it.

The children fork from a zygote (`python -m analysis._zygote`), a process that loaded
both models once, so a child starts warm in milliseconds and shares the models' memory
with its siblings. The zygote is a fresh interpreter rather than multiprocessing's
forkserver because the forkserver re-runs the parent's `__main__` in every child, and in
a Streamlit server `__main__` is the dashboard script. Decoding runs in the child too: a
hostile PDF or Markdown file is bounded by the same limit. Where a platform cannot fork
(Windows), `Sandbox` analyses in the calling process, without a time limit.
"""
from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from . import Analysis, analyze
from .reading.ingest import ArticleError, text_from_bytes

PID = struct.Struct("!i")


class TooLong(ArticleError):
    """A text longer than the caller analyses at once."""

    def __init__(self, length: int, limit: int):
        super().__init__(length, limit)
        self.length, self.limit = length, limit

    def __str__(self) -> str:
        return f"its text is {self.length:,} characters long, more than the limit of {self.limit:,}"


class Stopped(RuntimeError):
    """The analysis did not finish; the message is for the user."""


class OutOfTime(Stopped):
    def __init__(self, seconds: float):
        super().__init__(f"its analysis took longer than the limit of {seconds:g} s")
        self.seconds = seconds


class Failed(Stopped):
    """The analysis raised: a fault in the engine, not in the file."""


class Died(Stopped):
    def __init__(self) -> None:
        super().__init__("its analysis process stopped unexpectedly, perhaps out of memory")


@dataclass(frozen=True)
class Done:
    """What a child sends back: the analysis and its seconds, or the error it met."""
    analysis: Analysis | None
    seconds: float
    error: Exception | None = None


def decode_and_analyse(data: bytes, name: str, max_chars: int | None = None) -> Done:
    """Read a file's bytes as an article and analyse it; an unreadable or too long
    text gives a Done with `error` set (an ArticleError, or TooLong)."""
    started = time.perf_counter()
    try:
        text = text_from_bytes(data, name)
        if max_chars is not None and len(text) > max_chars:
            raise TooLong(len(text), max_chars)
    except ArticleError as exc:
        return Done(None, 0.0, exc)
    result = analyze(text, name)
    return Done(result, time.perf_counter() - started)


def serve_one(conn: Connection) -> None:
    """A child's whole life: one request (data, name, max_chars) in, one Done out."""
    data, name, max_chars = conn.recv()
    try:
        done = decode_and_analyse(data, name, max_chars)
    except Exception as exc:  # noqa: BLE001 - any failure is this article's, reported by name
        done = Done(None, 0.0, Failed(f"the analysis failed ({type(exc).__name__}: {exc})"))
    conn.send(done)


def can_fork() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "send_fds")


class Sandbox:
    """Runs analyses in child processes: `workers` at a time, each stopped after `seconds`."""

    def __init__(self, *, workers: int | None = None, seconds: float = 120.0):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.seconds = seconds
        self.isolated = can_fork()
        self._slots = threading.BoundedSemaphore(self.workers)
        self._lock = threading.Lock()  # one request at a time on the zygote's socket
        self._zygote: subprocess.Popen | None = None
        self._socket: socket.socket | None = None
        self.running: set[int] = set()  # pids of the children analysing now

    def run(self, data: bytes, name: str, *, max_chars: int | None = None) -> Done:
        """The article's analysis, or its ArticleError in `Done.error`; raises OutOfTime
        when the time limit is hit, Died when the child dies, Failed when the analysis
        raises. Waits for a free slot first."""
        with self._slots:
            if not self.isolated:
                return decode_and_analyse(data, name, max_chars)
            return self._in_child(data, name, max_chars)

    def start(self) -> None:
        """Start the zygote (it loads the models) unless it runs already."""
        with self._lock:
            self._ensure_zygote()

    def close(self) -> None:
        with self._lock:
            if self._zygote is not None:
                self._socket.close()
                self._zygote.wait(10)
                self._zygote = self._socket = None

    def _ensure_zygote(self) -> None:
        if self._zygote is not None and self._zygote.poll() is None:
            return
        ours, theirs = socket.socketpair()
        self._zygote = subprocess.Popen([sys.executable, "-m", "analysis._zygote", str(theirs.fileno())],
                                        pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self._socket = ours

    def _fork(self) -> tuple[Connection, int]:
        """A new child of the zygote and our end of its connection."""
        ours, theirs = socket.socketpair()
        with self._lock:
            for attempt in (1, 2):  # a zygote that died is started again, once
                self._ensure_zygote()
                try:
                    socket.send_fds(self._socket, [b"fork"], [theirs.fileno()])
                    reply = self._socket.recv(PID.size, socket.MSG_WAITALL)
                except OSError:
                    reply = b""
                if len(reply) == PID.size:
                    break
                self._zygote.kill()
                self._zygote.wait()
                if attempt == 2:
                    raise Died()
        theirs.close()
        return Connection(ours.detach()), PID.unpack(reply)[0]

    def _in_child(self, data: bytes, name: str, max_chars: int | None) -> Done:
        conn, pid = self._fork()
        self.running.add(pid)
        try:
            conn.send((data, name, max_chars))
            if not conn.poll(self.seconds):
                _kill(pid)
                raise OutOfTime(self.seconds)
            done = conn.recv()
        except (EOFError, OSError):
            raise Died() from None
        finally:
            self.running.discard(pid)
            conn.close()
        if isinstance(done.error, Failed):
            raise done.error
        return done


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
