"""Command line: python -m analysis ARTICLE... --out DIR"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import ArticleError, analyze, load_model, load_tone_model, read_article
from .export import TableWriter
from .ingest import FORMATS, SUFFIXES
from .schema import TABLES

DESCRIPTION = f"""\
Analyse news articles ({FORMATS}) and write {len(TABLES)} CSV tables for all of
them together: {", ".join(t + ".csv" for t in TABLES)}.
A folder argument means every article file in it (not its subfolders). A file that
cannot be read is reported on stderr by name; the others are still analysed and the
exit status is 1."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files or folders")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the CSV files (created if missing)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes for several articles (default: every core, %(default)s here)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser.parse_args(argv)


def expand(paths: list[str]) -> list[Path]:
    """Files as given, and each folder's article files in name order."""
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            out.append(path)
    return out


def _analyse_path(path: Path):
    """(path, tables or None, error message or None); runs in a worker process.

    Over thousands of articles one that breaks the engine must not stop the rest: it is
    reported by name with the error, and the run's exit status says something failed.
    """
    try:
        name, text = read_article(path)
    except ArticleError as exc:
        return path, None, f"cannot read: {exc}"
    try:
        return path, analyze(text, name).tables(), None
    except Exception as exc:  # noqa: BLE001 - reported on stderr, never hidden
        return path, None, f"analysis failed: {type(exc).__name__}: {exc}"


def _load_models() -> None:
    load_model()
    load_tone_model()


def _worker_init() -> None:
    """A worker's models; one thread for the tone model, as every core has a worker."""
    os.environ["NEWS_READER_TONE_THREADS"] = "1"
    _load_models()


def run(paths: list[Path], jobs: int) -> Iterator[tuple[Path, dict | None, str | None]]:
    """Analyse articles in input order, in worker processes when there are several."""
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1:
        _load_models()
        yield from map(_analyse_path, paths)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
        yield from pool.map(_analyse_path, paths, chunksize=max(1, min(16, len(paths) // (4 * jobs))))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    paths = expand(args.articles)
    if not paths:
        print(f"python -m analysis: no {FORMATS} articles found in the arguments", file=sys.stderr)
        return 2
    failed = done = 0
    with TableWriter(args.out) as writer:
        for path, tables, error in run(paths, args.jobs):
            if error:
                failed += 1
                print(f"{path}: {error}", file=sys.stderr)
                continue
            writer.write(tables)
            done += 1
    if not args.quiet:
        print(f"analysed {done} article(s), {failed} failed; tables in {args.out}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
