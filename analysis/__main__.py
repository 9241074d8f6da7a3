"""Command line: python -m analysis ARTICLE... --out DIR"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading

from .batch import expand, run, workers
from .ingest import FORMATS, MAX_FILE_BYTES
from .output import TableWriter
from .schema import TABLES

DESCRIPTION = f"""\
Analyse news articles ({FORMATS}) and write {len(TABLES)} CSV tables for all of
them together: {", ".join(t + ".csv" for t in TABLES)}.
A folder argument means every article file in it (not its subfolders). Each article's
rows are named by its path from the folder that holds all the articles given.
An article that cannot be read or analysed (or a file over {MAX_FILE_BYTES // 1_000_000} MB, or not
a regular file) is reported on stderr by name; the others are still analysed and the
exit status is 1. The tables are written beside the old ones and replace them only at
the end: an interrupted run, or one where no article could be analysed, leaves earlier
tables in --out as they were."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files or folders")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the CSV files (created if missing)")
    parser.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes for several articles (default and most: the cores, "
                             "%(default)s here)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser.parse_args(argv)


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
    items = expand(args.articles)
    if not items:
        print(f"python -m analysis: no {FORMATS} articles found in the arguments", file=sys.stderr)
        return 2
    try:
        writer = TableWriter(args.out)
    except OSError as exc:
        print(f"python -m analysis: cannot write the tables to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    previous = signal.signal(signal.SIGTERM, _stop) if _main_thread() else None
    failed = done = 0
    try:
        with writer:
            for result in run(items, args.jobs):
                if result.error:
                    failed += 1
                    print(f"{result.item.path}: {result.error}", file=sys.stderr)
                    continue
                writer.write(result.tables)
                done += 1
            writer.commit(replace=done > 0)
    except KeyboardInterrupt:
        print(f"python -m analysis: interrupted after {done} article(s); the tables in {args.out} are as "
              "they were before this run", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        jobs = workers(args.jobs, len(items))
        kept = "" if done else " (none analysed: earlier tables there were kept)"
        print(f"analysed {done} article(s), {failed} failed, with {jobs} worker(s); tables in {args.out}{kept}",
              file=sys.stderr)
    return 1 if failed else 0


def _main_thread() -> bool:
    """Signal handlers can be set only there (tests call main() from other threads too)."""
    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    sys.exit(main())
