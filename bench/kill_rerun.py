"""Kill the command line at random moments, rerun it, and check that nothing is lost or doubled.

Usage: python bench/kill_rerun.py [--rounds 20] [--jobs 2] [--seed N] [--source DIR]

First the articles of `--source` are analysed once, uninterrupted, for the reference tables;
the output folder starts with the tables of a smaller, earlier run. Then, each round, a run
over all the articles into that folder is stopped at a random moment of its usual length,
with SIGKILL (no clean-up at all, as the out-of-memory killer does), SIGTERM or SIGINT
(Ctrl-C). After each stop:

- the folder's six tables are one whole set, either the earlier run's or the reference's,
  byte for byte: never half of each, never a table cut short;
- no worker process of the stopped run is still alive a few seconds later.

Last, a run that is left to finish gives the reference tables byte for byte (every article
once, none twice) and leaves no temporary file behind. tests/test_cli_faults.py runs a few
rounds of this on every test run.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.schema import TABLES  # noqa: E402

DEFAULT_SOURCE = ROOT / "tests" / "data" / "articles"
SIGNALS = (signal.SIGKILL, signal.SIGKILL, signal.SIGTERM, signal.SIGINT)
WORKERS_GONE_SECONDS = 5.0


def command(inputs: list[Path], out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "analysis", *map(str, inputs), "--out", str(out), "--jobs", str(jobs), "--quiet"]


def tables(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES if (out / f"{t}.csv").exists()}


def finish(inputs: list[Path], out: Path, jobs: int) -> float:
    """Run to the end; the seconds it took."""
    started = time.perf_counter()
    subprocess.run(command(inputs, out, jobs), cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def processes_writing_to(out: Path) -> list[int]:
    """Pids of every process whose command line names `out` (the run and its forked workers)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if str(out).encode() in args:
            found.append(int(cmdline.parent.name))
    return found


def stop_once(inputs: list[Path], out: Path, jobs: int, after: float,
              signum: int) -> tuple[list[str], dict[str, bytes]]:
    """Start a run and send it `signum` after `after` seconds: what went wrong, if anything, and
    the tables the folder held before."""
    before = tables(out)
    proc = subprocess.Popen(command(inputs, out, jobs), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    proc.send_signal(signum)
    proc.wait()
    problems = []
    deadline = time.monotonic() + WORKERS_GONE_SECONDS
    while (alive := processes_writing_to(out)) and time.monotonic() < deadline:
        time.sleep(0.1)
    if alive:
        problems.append(f"{len(alive)} worker process(es) still alive {WORKERS_GONE_SECONDS:.0f} s after the run died")
        for pid in alive:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    return problems, before


def kill_and_rerun(inputs: list[Path], earlier: list[Path], work: Path, *, rounds: int, jobs: int,
                   rng: random.Random, log=print) -> list[str]:
    """Every problem found over `rounds` stopped runs and the final full run."""
    reference_out, out = work / "reference", work / "out"
    length = finish(inputs, reference_out, jobs)
    reference = tables(reference_out)
    finish(earlier, out, jobs)
    old = tables(out)
    problems = []
    for n in range(rounds):
        after, signum = rng.uniform(0.0, length * 1.1), rng.choice(SIGNALS)
        found, before = stop_once(inputs, out, jobs, after, signum)
        now = tables(out)
        if now not in (before, reference):
            found.append("the tables are not one whole set: " + ", ".join(
                t for t in TABLES if now.get(t) != before.get(t)) + " changed, and not to the new run's whole set")
        state = "new" if now == reference else "earlier" if now == old else "other"
        log(f"round {n + 1}: {signal.Signals(signum).name} after {after:.2f} s of ~{length:.1f} s: "
            f"tables {state}{'; ' + '; '.join(found) if found else ''}")
        problems += [f"round {n + 1}: {p}" for p in found]
    finish(inputs, out, jobs)
    final = tables(out)
    if final != reference:
        problems.append("the finished rerun's tables differ from the uninterrupted run's: "
                        + ", ".join(t for t in TABLES if final.get(t) != reference.get(t)))
    leftovers = sorted(p.name for p in out.iterdir() if p.name not in {f"{t}.csv" for t in TABLES})
    if leftovers:
        problems.append(f"files left in the output folder: {leftovers}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="a folder of articles")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    inputs = sorted(p for p in args.source.iterdir() if p.suffix in (".txt", ".md", ".html"))
    work = Path(tempfile.mkdtemp(prefix="kill-rerun-"))
    try:
        problems = kill_and_rerun(inputs, inputs[: max(1, len(inputs) // 3)], work, rounds=args.rounds,
                                  jobs=args.jobs, rng=random.Random(seed))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"seed {seed}: {args.rounds} stopped runs over {len(inputs)} articles, then one to the end: "
          f"{len(problems)} problem(s)")
    for problem in problems:
        print(f"  {problem}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
