"""Many articles, one bad one at a time: listing, naming and analysing them in worker processes.

Over thousands of articles nothing about one article may stop the others: a folder that
cannot be listed, a file that cannot be read, an exception in the engine, even a worker
process killed mid-run (as the out-of-memory killer would) is reported for that article,
by name and reason, and the run goes on. A dead worker's pool is replaced and the
articles it had not finished are tried once more.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .ingest import SUFFIXES, ArticleError, read_article
from .lifetime import exit_with_parent

AHEAD = 4  # articles queued per worker: enough to keep it busy, few results held at once


@dataclass(frozen=True)
class Item:
    """One article to analyse: its file, the name its rows carry, or why it was refused."""
    path: Path
    name: str
    error: str | None = None


@dataclass(frozen=True)
class Result:
    item: Item
    tables: dict | None
    error: str | None


def expand(paths: Iterable[str]) -> list[Item]:
    """Files as given, and each folder's article files in name order, named for their rows.

    An article is named by its file name, as the output contract says; articles that share
    a name are told apart by their paths from the folder that holds them all ("2024/a.txt",
    "2025/a.txt"). A folder that cannot be listed becomes a refused item.
    """
    found: list[tuple[Path, str | None]] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append((path, None))
            continue
        try:
            found.extend((p, None) for p in sorted(path.iterdir()) if p.is_file() and p.suffix.lower() in SUFFIXES)
        except OSError as exc:
            found.append((path, f"cannot list the folder: {exc.strerror or exc}"))
    return [Item(path, name, error) for (path, error), name in zip(found, _names([p for p, _ in found]), strict=True)]


def _names(paths: list[Path]) -> list[str]:
    """File names, and for files that share one, their paths from their deepest common folder."""
    counts = Counter(p.name for p in paths)
    shared = [os.path.abspath(p) for p in paths if counts[p.name] > 1]
    root = os.path.commonpath([os.path.dirname(p) for p in shared]) if shared else ""
    return [Path(os.path.relpath(os.path.abspath(p), root)).as_posix() if counts[p.name] > 1 else p.name
            for p in paths]


def analyse_item(item: Item) -> Result:
    """The item's tables, or the reason there are none; runs in a worker process."""
    if item.error:
        return Result(item, None, item.error)
    try:
        _, text = read_article(item.path)
    except ArticleError as exc:
        return Result(item, None, f"cannot read: {exc}")
    try:
        return Result(item, analyze(text, item.name).tables(), None)
    except Exception as exc:  # noqa: BLE001 - reported on stderr, never hidden
        return Result(item, None, f"analysis failed: {type(exc).__name__}: {exc}")


def analyze(text: str, name: str):
    """The engine, imported in the worker that runs it, not by `python -m analysis --help`."""
    from .engine import analyze as engine

    return engine(text, name)


def load_models() -> None:
    from .model import load_model
    from .tone import load_tone_model

    load_model()
    load_tone_model()


def _worker_init(run: int) -> None:
    """A worker's models; one thread for the tone model, as every core has a worker. The
    worker exits if the run is killed (no clean-up runs then, and it would wait forever)."""
    exit_with_parent(run)
    os.environ["NEWS_READER_TONE_THREADS"] = "1"
    load_models()


def workers(jobs: int, articles: int) -> int:
    """Worker processes for a run: as asked, but no more than the cores or the articles."""
    return max(1, min(jobs, os.cpu_count() or 1, articles))


def run(items: list[Item], jobs: int) -> Iterator[Result]:
    """Every item's result, in input order; in worker processes when `jobs` > 1.

    When a worker dies, the articles its pool had taken on are run again one at a time in
    a pool of one worker, where a second death names the article that caused it; then the
    rest go on in a full pool.
    """
    jobs = workers(jobs, len(items))
    if jobs == 1:
        load_models()
        yield from map(analyse_item, items)
        return
    todo = list(range(len(items)))
    while todo:
        taken, todo = yield from _pool_run(items, todo, jobs)
        while taken:  # each again, alone: with one worker, the first unfinished is the one that killed it
            again, rest = yield from _pool_run(items, taken, 1)
            if again:
                yield Result(items[again[0]], None, "analysis failed: its worker process died twice (out of memory?)")
            taken = again[1:] + rest


def _pool_run(items: list[Item], todo: list[int], jobs: int) -> Generator[Result, None, tuple[list[int], list[int]]]:
    """Yield the results for the items at `todo` in order, until the pool breaks; return the
    indices it had taken on but not given back, and those it never took on.

    At most AHEAD articles per worker are queued at a time, so a long run holds few results.
    """
    taken: list[int] = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        queued: dict[int, Future] = {}
        feed = iter(todo)
        for position, index in enumerate(todo):
            while len(queued) < jobs * AHEAD and (nxt := next(feed, None)) is not None:
                try:
                    queued[nxt] = pool.submit(analyse_item, items[nxt])
                except BrokenProcessPool:
                    break
            try:
                result = queued.pop(index).result()
            except (BrokenProcessPool, KeyError):
                taken = [i for i in todo[position:] if i in queued or i == index]
                return taken, [i for i in todo[position:] if i not in taken]
            yield result
    return taken, []
