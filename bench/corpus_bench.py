"""The command line over a corpus: memory as it grows, a killed run resumed, cores, CPU.

Usage: python bench/corpus_bench.py [--source DIR] [--small 200] [--large 2000] [--skip-large]

Real articles (PolNeAR's training texts by default) are copied under new names until
there are `--large` of them. Each figure is taken from a fresh `python -m analysis` run
into a DuckDB store (`--out corpus.duckdb`), on a quiet machine:

1. Peak memory of the whole run (the command and its workers, resident set summed over
   the process tree, sampled every 0.1 s) at `--small` and at `--large` articles.
2. A run of `--large` articles killed with SIGKILL halfway, then run again: the store
   holds every article once (articles, and quote rows per article equal to an
   uninterrupted run's).
3. Wall time with `--jobs 1` and `--jobs 2` over `--small` articles; `--jobs 1` again with
   the tone model's threads set to one by hand (before 2026-12-07 `--jobs 1` ran the tone
   model on every core; now it keeps to one, so the two agree), and the cores `--jobs 2`
   keeps busy (its CPU time over its wall time).
4. CPU time of the command (user + system; `--jobs 1`, the tone model on one thread)
   against bare `nlp.pipe` over the same paragraphs, taken in turn (pipe, command, pipe,
   command, pipe), each command run against the mean of the two pipe runs beside it and
   the lower ratio kept; and the share the main process spends (receiving each article's
   tables and writing them to the store: an upper bound on writing's cost). The command
   has no way to run without the tone model, so the CPU the tone model takes is measured in
   the same run (the process's CPU time during its `read` and `of_whole` calls, which run
   on the one thread) and taken off.
5. Wall time of `--dask` (a Dask LocalCluster of as many worker processes as `--jobs 2`
   has) against `--jobs 2` over the `--small` articles, cluster start and stop included,
   each taken twice in turn and the least kept,
   and whether the two stores hold identical tables.

Prints one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "polnear_train" / "text"
PAGE = os.sysconf("SC_PAGE_SIZE")


def make_corpus(source: Path, folder: Path, n: int) -> list[Path]:
    """`n` articles in `folder`: the source's, then copies of them under new names."""
    originals = sorted(p for p in source.iterdir() if p.suffix == ".txt")
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = originals[i % len(originals)]
        dst = folder / (src.name if i < len(originals) else f"copy{i // len(originals)}_{src.name}")
        shutil.copy(src, dst)
        out.append(dst)
    return out


def _tree(pid: int) -> list[int]:
    """pid and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _rss(pids: list[int]) -> int:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def run_cli(articles: Path, store: Path, jobs: int, *, kill_after: float | None = None,
            extra: tuple[str, ...] = (), env: dict | None = None) -> dict:
    """One run of the command line; its wall time, CPU time and peak memory of the tree."""
    cmd = [sys.executable, "-m", "analysis", str(articles), "--out", str(store), "--jobs", str(jobs), "--quiet",
           *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, env={**os.environ, **(env or {})})
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _rss(_tree(proc.pid)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    code = proc.wait()
    stop.set()
    sampler.join()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"exit": code, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "peak_mb": round(peak[0] / 1e6)}


def store_counts(store: Path) -> dict:
    import duckdb

    with duckdb.connect(str(store), read_only=True) as con:
        articles = con.execute("SELECT count(*), count(DISTINCT article) FROM articles").fetchone()
        quotes = dict(con.execute("SELECT article, count(*) FROM quotes GROUP BY ALL").fetchall())
    return {"articles": articles[0], "distinct": articles[1], "quotes": quotes}


def store_tables(store: Path) -> dict:
    """Every table of a store in stored order; `articles` without the time each was added."""
    import duckdb

    from analysis.schema import TABLES

    with duckdb.connect(str(store), read_only=True) as con:
        tables = {t: con.execute(f"SELECT * FROM {t}").df() for t in TABLES}
        tables["articles"] = con.execute("SELECT * EXCLUDE (added) FROM articles").df()
    return tables


def dask_against_jobs(articles: Path, tmp: Path, jobs: int, local_store: Path, local_wall_s: float) -> dict:
    """`--dask` runs beside `--jobs` runs over the same articles, in turn twice (the first
    `--jobs` run is the finished one: its store and wall time), the least wall time of each
    kept: the Dask run's figures, the ratio of wall times, and whether every table is identical."""
    dasks = [run_cli(articles, tmp / "dask.duckdb", jobs, extra=("--dask",))]
    expected, got = store_tables(local_store), store_tables(tmp / "dask.duckdb")
    differing = [t for t, frame in expected.items() if not got[t].equals(frame)]
    local_wall_s = min(local_wall_s, run_cli(articles, tmp / "jobs_again.duckdb", jobs)["wall_s"])
    dasks.append(run_cli(articles, tmp / "dask_again.duckdb", jobs, extra=("--dask",)))
    dask = min(dasks, key=lambda r: r["wall_s"])
    return {**dask, "jobs_wall_s": local_wall_s, "dask_over_jobs": round(dask["wall_s"] / local_wall_s, 2),
            "tables_identical": not differing, "differing_tables": differing}


def main_process_share(articles: Path, tmp: Path) -> dict:
    """CPU of the main process (receiving and writing tables) as a share of the run's."""
    code = ("import resource, runpy, sys\n"
            f"sys.argv = ['analysis', {str(articles)!r}, '--out', {str(tmp / 'share.duckdb')!r}, '--quiet']\n"
            "try:\n    runpy.run_module('analysis', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "me = resource.getrusage(resource.RUSAGE_SELF)\nkids = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    main_cpu, workers_cpu = map(float, out.stdout.split()[-2:])
    return {"main_cpu_s": round(main_cpu, 1), "workers_cpu_s": round(workers_cpu, 1),
            "main_share": round(main_cpu / (main_cpu + workers_cpu), 3)}


def _one_process(code: str, files: list[Path], figures: int) -> list[str]:
    """The last `figures` words `code` prints, run over the files in a process of its own
    with the tone model on one thread."""
    out = subprocess.run([sys.executable, "-c", code, *map(str, files)], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={**os.environ, "NEWS_READER_TONE_THREADS": "1"})
    return out.stdout.split()[-figures:]


def bare_pipe(files: list[Path]) -> dict:
    """CPU seconds of spaCy alone over the same paragraphs (the pipeline as shipped, whose
    attribute ruler the engine replaces by a faster one), and of the tone model reading
    their sentences (the two models the engine runs; everything else is the engine's own)."""
    code = ("import resource, sys\nfrom pathlib import Path\n"
            "from analysis.pipeline.model import stock_model\nfrom analysis.reading.ingest import make_article\n"
            "from analysis.tone import load_tone_model\n"
            "nlp = stock_model()\ntone = load_tone_model()\n"
            "paras = [p.text for f in sys.argv[1:] for p in make_article(Path(f).read_text(encoding='utf-8'), f)"
            ".paragraphs]\n"
            "cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])\n"
            "t0 = cpu()\ndocs = list(nlp.pipe(paras, batch_size=64))\nt1 = cpu()\n"
            "tone.of_text([s.text for d in docs for s in d.sents])\nt2 = cpu()\n"
            "print(t1 - t0, t2 - t1, len(paras))")
    spacy_cpu, tone_cpu, paragraphs = _one_process(code, files, 3)
    return {"nlp_pipe_cpu_s": round(float(spacy_cpu), 1), "tone_model_cpu_s": round(float(tone_cpu), 1),
            "paragraphs": int(paragraphs)}


def cli_with_tone_timed(articles: Path, store: Path) -> dict:
    """CPU seconds of one `python -m analysis ARTICLES --out STORE --jobs 1` run (imports,
    both models, reading, analysis, writing), and of the tone model within it: the
    process's CPU time during each `ToneModel.read` and `.of_whole` call, the tone model on
    one thread (nothing else runs while it reads)."""
    code = ("import resource, runpy, sys\nfrom analysis.tone import ToneModel\n"
            "cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])\ntone = [0.0]\n"
            "def timed(f):\n    def g(*a, **k):\n        t = cpu()\n        try:\n            return f(*a, **k)\n"
            "        finally:\n            tone[0] += cpu() - t\n    return g\n"
            "ToneModel.read, ToneModel.of_whole = timed(ToneModel.read), timed(ToneModel.of_whole)\n"
            "sys.argv = ['analysis', sys.argv[1], '--out', sys.argv[2], '--jobs', '1', '--quiet']\n"
            "try:\n    runpy.run_module('analysis', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(cpu(), tone[0])")
    total, tone = map(float, _one_process(code, [articles, store], 2))
    return {"cli_cpu_s": round(total, 1), "tone_model_cpu_s": round(tone, 1),
            "cli_cpu_without_tone_s": round(total - tone, 1)}


def cpu_against_pipe(files: list[Path], articles: Path, tmp: Path) -> dict:
    """The command's CPU with and without the tone model against bare `nlp.pipe`, taken in
    turn (pipe, command, pipe, command, pipe): each command run against the mean of the
    pipe runs on either side, the run with the lower ratio kept."""
    bares = [bare_pipe(files)]
    best = None
    for i in range(2):
        cli = cli_with_tone_timed(articles, tmp / f"timed{i}.duckdb")
        bares.append(bare_pipe(files))
        pipe = (bares[-1]["nlp_pipe_cpu_s"] + bares[-2]["nlp_pipe_cpu_s"]) / 2
        tone = (bares[-1]["tone_model_cpu_s"] + bares[-2]["tone_model_cpu_s"]) / 2
        row = {**cli, "nlp_pipe_cpu_s": round(pipe, 1), "bare_tone_model_cpu_s": round(tone, 1),
               "cli_cpu_over_nlp_pipe": round(cli["cli_cpu_s"] / pipe, 2),
               "cli_cpu_over_nlp_pipe_and_tone": round(cli["cli_cpu_s"] / (pipe + tone), 2),
               "cli_cpu_without_tone_over_nlp_pipe": round(cli["cli_cpu_without_tone_s"] / pipe, 3)}
        if best is None or row["cli_cpu_without_tone_over_nlp_pipe"] < best["cli_cpu_without_tone_over_nlp_pipe"]:
            best = row
    return {**best, "pipe_runs_cpu_s": [b["nlp_pipe_cpu_s"] for b in bares]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=2000)
    parser.add_argument("--skip-large", action="store_true", help="only the --small figures")
    args = parser.parse_args()
    out: dict = {"cores": os.cpu_count(), "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        small_files = make_corpus(args.source, tmp / "small", args.small)
        out["small"] = run_cli(tmp / "small", tmp / "small.duckdb", 2)
        out["jobs1"] = run_cli(tmp / "small", tmp / "jobs1.duckdb", 1)
        out["speedup_jobs2"] = round(out["jobs1"]["wall_s"] / out["small"]["wall_s"], 2)
        # --jobs 1 runs the tone model on every core already; on one thread, the processes'
        # own scaling shows, and how busy --jobs 2 keeps the cores.
        one = out["jobs1_tone_one_thread"] = run_cli(tmp / "small", tmp / "jobs1t.duckdb", 1,
                                                     env={"NEWS_READER_TONE_THREADS": "1"})
        out["speedup_jobs2_over_one_thread"] = round(one["wall_s"] / out["small"]["wall_s"], 2)
        out["jobs2_cores_busy"] = round(out["small"]["cpu_s"] / out["small"]["wall_s"], 2)
        out["dask"] = dask_against_jobs(tmp / "small", tmp, 2, tmp / "small.duckdb", out["small"]["wall_s"])
        # CPU time is compared on one thread too (two busy cores each run slower here), and
        # in turn with bare spaCy: this machine's speed drifts by 20% from one minute to the next.
        out["cpu"] = cpu_against_pipe(small_files, tmp / "small", tmp)
        out["main_process"] = main_process_share(tmp / "small", tmp)
        if not args.skip_large:
            make_corpus(args.source, tmp / "large", args.large)
            full = run_cli(tmp / "large", tmp / "large.duckdb", 2)
            out["large"] = full
            out["peak_large_over_small"] = round(full["peak_mb"] / out["small"]["peak_mb"], 2)
            reference = store_counts(tmp / "large.duckdb")
            killed = run_cli(tmp / "large", tmp / "resumed.duckdb", 2, kill_after=full["wall_s"] / 2)
            partial = store_counts(tmp / "resumed.duckdb")
            again = run_cli(tmp / "large", tmp / "resumed.duckdb", 2)
            resumed = store_counts(tmp / "resumed.duckdb")
            out["kill_halfway"] = {
                "killed_exit": killed["exit"], "stored_when_killed": partial["articles"],
                "rerun_wall_s": again["wall_s"], "articles_after": resumed["articles"],
                "each_once": resumed["articles"] == resumed["distinct"] == args.large,
                "quotes_as_uninterrupted": resumed["quotes"] == reference["quotes"],
            }
    out["load_after"] = os.getloadavg()[0]
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
