"""Command line: python -m analysis ARTICLE... --out DIR"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .reading.ingest import FORMATS, MAX_FILE_BYTES
from .schema import TABLES

DESCRIPTION = f"""\
Analyse news articles ({FORMATS}) and write {len(TABLES)} tables for all of them
together: {", ".join(t + ".csv" for t in TABLES)}.
--out DIR writes them in DIR (as .parquet files with --format parquet);
--out FILE.duckdb adds them to a DuckDB corpus store, a batch of articles per
transaction: a re-run skips the articles already stored (an article whose file has
changed is replaced), and a run that was killed goes on where it stopped.
A folder argument means every article file in it (not its subfolders). Each article's
rows are named by its path from the folder that holds all the articles given.
An article that cannot be read or analysed (or a file over {MAX_FILE_BYTES // 1_000_000} MB, or not
a regular file) is reported on stderr by name; the others are still analysed and the
exit status is 1. In a folder the tables are written beside the old ones and replace
them only at the end: an interrupted run, or one where no article could be analysed,
leaves earlier tables in --out as they were. A progress line shows on stderr when it is
a terminal; a one-line summary ends every run but a --quiet one.
--scheduler tcp://HOST:8786 sends the articles, a few file paths per task, to the workers of
a Dask scheduler, on this machine or several (`dask scheduler` on one machine, `dask worker
tcp://HOST:8786 --nworkers N --nthreads 1` on each, with this project installed alike):
every worker must see the article files at the same paths (shared storage), and only this
command writes --out. --dask does the same on a cluster of --jobs worker processes on this
machine. The tables are the same as a local run's."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files or folders")
    parser.add_argument("--out", required=True, metavar="DIR|FILE.duckdb",
                        help="folder for the table files (created if missing), or a corpus store file")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv",
                        help="the files a folder gets (default: %(default)s); a store is DuckDB")
    parser.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                        help="cores to use: worker processes for several articles, the tone model's "
                             "threads shared among them (default and most: the cores, %(default)s here)")
    parser.add_argument("--batch", type=_positive, default=50, metavar="N",
                        help="articles per store transaction (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    dask = parser.add_mutually_exclusive_group()
    dask.add_argument("--dask", action="store_true",
                      help="analyse on a Dask cluster of --jobs worker processes on this machine")
    dask.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                      help="analyse on the workers of this Dask scheduler (--jobs is then theirs to say)")
    args = parser.parse_args(argv)
    if args.format != "csv" and Path(args.out).suffix.lower() in (".duckdb", ".ddb"):
        parser.error("--format is for a folder; a .duckdb store is DuckDB")
    return args


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _stop(signum, frame) -> None:
    """SIGTERM ends the run like Ctrl-C: the temporary tables are removed, the old ones kept."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from .corpus.batch import expand  # after --help: the rest loads pandas and, in run(), the models

    items = expand(args.articles)
    if not items:
        print(f"python -m analysis: no {FORMATS} articles found in the arguments", file=sys.stderr)
        return 2
    from .corpus.cluster import SchedulerError
    from .corpus.store import is_store

    previous = signal.signal(signal.SIGTERM, _stop) if _main_thread() else None
    try:
        with _cluster(args, len(items)) as client:
            return (_to_store if is_store(args.out) else _to_folder)(args, items, client)
    except SchedulerError as exc:
        print(f"python -m analysis: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # outside a run's own handlers: while a Dask cluster starts or stops
        print("python -m analysis: interrupted", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


@contextmanager
def _cluster(args: argparse.Namespace, articles: int) -> Iterator[object | None]:
    """The Dask client that --dask or --scheduler asks for (connected before any output is
    touched, so an unreachable scheduler changes nothing), or None for local workers."""
    if not (args.dask or args.scheduler):
        yield None
        return
    from .corpus.batch import workers
    from .corpus.cluster import connect

    with connect(args.scheduler, workers=workers(args.jobs, articles)) as client:
        yield client


def _run(args: argparse.Namespace, items: list, client) -> Iterator:
    """Every item's result in input order, from local worker processes or the Dask cluster."""
    if client is None:
        from .corpus.batch import run

        return run(items, args.jobs)
    from .corpus.cluster import run

    return run(items, client)


def _workers(args: argparse.Namespace, articles: int, client) -> int:
    if client is None:
        from .corpus.batch import workers

        return workers(args.jobs, articles)
    from .corpus.cluster import threads

    return threads(client)


def _to_folder(args: argparse.Namespace, items: list, client) -> int:
    from .corpus.cluster import SchedulerError
    from .corpus.output import TableWriter
    from .corpus.progress import Progress

    try:
        writer = TableWriter(args.out, args.format)
    except OSError as exc:
        print(f"python -m analysis: cannot write the tables to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    progress = Progress(len(items), show=None if not args.quiet else False)
    try:
        with writer:
            for result in _run(args, items, client):
                if result.error:
                    _report(progress, f"{result.item.path}: {result.error}")
                    continue
                writer.write(result.tables)
                progress.add(words=_words(result.tables))
            analysed = progress.done - progress.failed
            writer.commit(replace=analysed > 0)
    except (KeyboardInterrupt, SchedulerError) as exc:
        progress.clear()
        why, status = _stopped(exc)
        print(f"python -m analysis: {why} after {progress.done} article(s); the tables in {args.out} are as "
              "they were before this run", file=sys.stderr)
        return status
    progress.clear()
    if not args.quiet:
        kept = "" if analysed else " (none analysed: earlier tables there were kept)"
        print(progress.summary(_workers(args, len(items), client), args.out) + kept, file=sys.stderr)
    return 1 if progress.failed else 0


def _to_store(args: argparse.Namespace, items: list, client) -> int:
    from .corpus.cluster import SchedulerError
    from .corpus.progress import Progress
    from .corpus.store import CorpusStore, Stored, article_key

    try:
        store = CorpusStore(args.out)
    except Exception as exc:  # noqa: BLE001 - duckdb's IOException and friends: say which file and why
        print(f"python -m analysis: cannot open the store {args.out}: {exc}", file=sys.stderr)
        return 2
    progress = Progress(len(items), show=None if not args.quiet else False)
    batch: list[Stored] = []
    with store:
        stored = store.keys()
        todo, keys = [], {}
        for item in items:
            key = _key(item, article_key)
            if key is not None and stored.get(item.name) == key:
                progress.add(skipped=True)
                continue
            keys[item.name] = key
            todo.append(item)
        try:
            for result in _run(args, todo, client) if todo else ():  # nothing new: no models to load
                if result.error:
                    _report(progress, f"{result.item.path}: {result.error}")
                    continue
                batch.append(Stored(keys[result.item.name] or "", result.item.name, str(result.item.path),
                                    result.tables))
                progress.add(words=_words(result.tables))
                if len(batch) >= args.batch:
                    store.add(batch)
                    batch = []
            store.add(batch)
        except (KeyboardInterrupt, SchedulerError) as exc:
            progress.clear()
            kept = progress.done - progress.failed - progress.skipped - len(batch)
            why, status = _stopped(exc)
            print(f"python -m analysis: {why}; {kept} article(s) of this run are in {args.out}, "
                  f"the {len(batch)} of the unfinished batch are not: run it again to go on", file=sys.stderr)
            return status
    progress.clear()
    if not args.quiet:
        print(progress.summary(_workers(args, max(1, len(todo)), client), args.out), file=sys.stderr)
    return 1 if progress.failed else 0


def _stopped(exc: BaseException) -> tuple[str, int]:
    """Why a run stopped before its end, and its exit status: Ctrl-C or SIGTERM, or the Dask
    scheduler (or every worker) lost."""
    return ("interrupted", 130) if isinstance(exc, KeyboardInterrupt) else (str(exc), 2)


def _key(item, article_key) -> str | None:
    """The store key of an item's file, or None if it cannot be read here (its worker says why)."""
    if item.error:
        return None
    try:
        if item.path.stat().st_size > MAX_FILE_BYTES:
            return None
        return article_key(item.name, item.path.read_bytes())
    except OSError:
        return None


def _report(progress, message: str) -> None:
    progress.add(failed=True)
    progress.clear()
    print(message, file=sys.stderr)


def _words(tables: dict) -> int:
    paragraphs = tables["paragraphs"]
    return int(paragraphs["words"].sum()) if len(paragraphs) else 0


def _main_thread() -> bool:
    """Signal handlers can be set only there (tests call main() from other threads too)."""
    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    sys.exit(main())
