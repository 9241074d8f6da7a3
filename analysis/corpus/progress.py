"""What a long command-line run shows while it works and says when it ends.

A progress line on stderr (articles done of all, rate, time left), redrawn at most a few
times a second and only when stderr is a terminal: piped into a log, or under --quiet,
the run prints nothing until its one-line summary.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

_EVERY = 0.25  # seconds between redraws


class Progress:
    """Counts articles, failures and words; draws the progress line; writes the summary."""

    def __init__(self, total: int, *, stream: TextIO | None = None, show: bool | None = None,
                 clock=time.monotonic):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.show = _is_terminal(self.stream) if show is None else show
        self.clock = clock
        self.started = clock()
        self.done = self.failed = self.skipped = self.words = 0
        self._drawn = 0.0
        self._width = 0

    def add(self, *, words: int = 0, failed: bool = False, skipped: bool = False) -> None:
        """One more article finished: analysed (with its words), failed, or skipped as already stored."""
        self.done += 1
        self.failed += failed
        self.skipped += skipped
        self.words += words
        now = self.clock()
        if self.show and (now - self._drawn >= _EVERY or self.done == self.total):
            self._drawn = now
            self._draw(self.line(now))

    def line(self, now: float | None = None) -> str:
        """"120/2,000 articles  3.1/s  10m 05s left" (rate and time left once one is known)."""
        elapsed = (self.clock() if now is None else now) - self.started
        text = f"{self.done:,}/{self.total:,} articles"
        if self.failed:
            text += f", {self.failed:,} failed"
        worked = self.done - self.skipped  # articles skipped as stored take no time: no rate from them
        if worked and elapsed > 0:
            rate = worked / elapsed
            text += f"  {rate:.1f}/s  {_duration((self.total - self.done) / rate)} left"
        return text

    def _draw(self, text: str) -> None:
        pad = max(0, self._width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        """Wipe the progress line before other messages or the summary."""
        if self.show and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def summary(self, workers: int, where: str) -> str:
        """The run in one line: articles, failed, skipped, words, seconds, workers, where the tables are."""
        seconds = self.clock() - self.started
        analysed = self.done - self.failed - self.skipped
        parts = [f"analysed {analysed:,} article(s)", f"{self.failed:,} failed"]
        if self.skipped:
            parts.append(f"{self.skipped:,} already stored")
        return (", ".join(parts) + f"; {self.words:,} words in {seconds:.1f} s with {workers} worker(s); "
                f"tables in {where}")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"
