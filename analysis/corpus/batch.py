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

from ..lifetime import exit_with_parent
from ..reading.ingest import SUFFIXES, ArticleError, read_article

AHEAD = 2  # tasks queued per worker: one running, one ready; few results held at once
# Articles per task at most: their paragraphs are parsed together, so spaCy's batches of 64
# fill across articles (a news article has about 25 paragraphs): 2-6% less CPU for the
# whole analysis. Tasks shrink to one article towards the end of a run, so no worker idles
# while another finishes a long task.
GROUP = 4
# Text parsed together at most: the Docs of the articles of a run are held until each is
# analysed, so an article longer than this is parsed alone, as it would be without tasks.
GROUP_CHARS = 100_000


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


def analyse_items(items: list[Item]) -> list[Result]:
    """Each item's result, in order; runs in a worker process. The articles that can be
    read are parsed together, GROUP_CHARS of text at most at a time, then analysed one by
    one; the tables are those each would get alone."""
    results: list[Result | None] = []
    ready: list[tuple[int, str]] = []
    for item in items:
        text, refused = _read(item)
        if refused is None:
            ready.append((len(results), text))
        results.append(refused)
    for run in _runs(ready):
        for (i, _), result in zip(run, _analyse_run([(items[i], text) for i, text in run]), strict=True):
            results[i] = result
    return results


def _read(item: Item) -> tuple[str, Result | None]:
    """The item's text, or why it cannot be analysed."""
    if item.error:
        return "", Result(item, None, item.error)
    try:
        return read_article(item.path)[1], None
    except ArticleError as exc:
        return "", Result(item, None, f"cannot read: {exc}")


def _runs(ready: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Consecutive texts in runs of at most GROUP_CHARS characters (one text at least)."""
    out: list[list[tuple[int, str]]] = []
    length = 0
    for i, text in ready:
        if not out or length + len(text) > GROUP_CHARS:
            out.append([])
            length = 0
        out[-1].append((i, text))
        length += len(text)
    return out


def _analyse_run(run: list[tuple[Item, str]]) -> list[Result]:
    """The results of articles parsed together; should parsing them together fail, each
    is analysed alone, so that the error is its own article's."""
    from ..pipeline.model import load_model, memory_zone

    with memory_zone(load_model()):  # the run's words are forgotten after: a corpus's vocabulary is not kept
        try:
            parsed = parse_articles([(item.name, text) for item, text in run])
        except Exception:  # noqa: BLE001 - each article is tried again alone just below
            parsed = [None] * len(run)
        results = []
        for (item, text), one in zip(run, parsed, strict=True):
            try:
                analysis = analyze(text, item.name) if one is None else analyze_parsed(one)
                results.append(Result(item, analysis.tables(), None))
            except Exception as exc:  # noqa: BLE001 - reported on stderr, never hidden
                results.append(Result(item, None, f"analysis failed: {type(exc).__name__}: {exc}"))
        del parsed  # its Docs go with the zone
    return results


# The engine, imported in the worker that runs it, not by `python -m analysis --help`.
def analyze(text: str, name: str):
    from ..engine import analyze as engine

    return engine(text, name)


def parse_articles(articles: list[tuple[str, str]]) -> list:
    from ..engine import parse_articles as engine

    return engine(articles)


def analyze_parsed(parsed):
    from ..engine import analyze_parsed as engine

    return engine(parsed)


def load_models() -> None:
    from ..pipeline.model import load_model
    from ..tone import load_tone_model

    load_model()
    load_tone_model()


def _worker_init(run: int, threads: int) -> None:
    """A worker's models, the tone model on `threads` threads (see tone_threads). The
    worker exits if the run is killed (no clean-up runs then, and it would wait forever)."""
    exit_with_parent(run)
    os.environ["NEWS_READER_TONE_THREADS"] = str(threads)
    load_models()


def tone_threads(jobs: int, workers: int) -> int:
    """Threads for each worker's tone model: the cores the run was given (--jobs, at most
    the machine's) shared among its workers. A run of --jobs 1 keeps to one core; one
    article with the default --jobs reads its tone on every core."""
    return max(1, min(jobs, os.cpu_count() or 1) // workers)


def workers(jobs: int, articles: int) -> int:
    """Worker processes for a run: as asked, but no more than the cores or the articles."""
    return max(1, min(jobs, os.cpu_count() or 1, articles))


def tasks(todo: list[int], jobs: int, *, most: int = GROUP) -> list[list[int]]:
    """`todo` cut into tasks of at most `most` articles, smaller as the run nears its end:
    a task takes a share of what is left, so the workers finish about together."""
    out, at = [], 0
    while at < len(todo):
        size = max(1, min(most, (len(todo) - at) // (2 * jobs * AHEAD)))
        out.append(todo[at:at + size])
        at += size
    return out


def run(items: list[Item], jobs: int) -> Iterator[Result]:
    """Every item's result, in input order; in worker processes when `jobs` > 1.

    When a worker dies, the articles its pool had taken on are run again one at a time in
    a pool of one worker, where a second death names the article that caused it; then the
    rest go on in a full pool.
    """
    cores = jobs
    jobs = workers(cores, len(items))
    threads = tone_threads(cores, jobs)
    if jobs == 1:
        os.environ["NEWS_READER_TONE_THREADS"] = str(threads)
        load_models()
        for task in tasks(list(range(len(items))), 1):
            yield from analyse_items([items[i] for i in task])
        return
    todo = list(range(len(items)))
    while todo:
        taken, todo = yield from _pool_run(items, tasks(todo, jobs), jobs, threads)
        while taken:  # each again, alone: with one worker, the first unfinished is the one that killed it
            again, rest = yield from _pool_run(items, tasks(taken, 1, most=1), 1, threads)
            if again:
                yield Result(items[again[0]], None, "analysis failed: its worker process died twice (out of memory?)")
            taken = again[1:] + rest


def _pool_run(items: list[Item], todo: list[list[int]], jobs: int, threads: int
              ) -> Generator[Result, None, tuple[list[int], list[int]]]:
    """Yield the results for the items of the tasks in `todo` (lists of indices) in order,
    until the pool breaks; return the indices of the tasks it had taken on but not given
    back, and those of the tasks it never took on.

    At most AHEAD tasks per worker are queued at a time, so a long run holds few results.
    """
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(), threads)) as pool:
        queued: dict[int, Future] = {}
        feed = iter(range(len(todo)))
        for position in range(len(todo)):
            while len(queued) < jobs * AHEAD and (nxt := next(feed, None)) is not None:
                try:
                    queued[nxt] = pool.submit(analyse_items, [items[i] for i in todo[nxt]])
                except BrokenProcessPool:
                    break
            try:
                results = queued.pop(position).result()
            except (BrokenProcessPool, KeyError):
                taken = [t for t in range(position, len(todo)) if t in queued or t == position]
                return ([i for t in taken for i in todo[t]],
                        [i for t in range(position, len(todo)) if t not in taken for i in todo[t]])
            yield from results
    return [], []
