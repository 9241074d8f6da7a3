"""How quote extraction scales with the number of quotes in one paragraph.

Usage: python bench/quotes_scaling.py [--counts 100 200 400 800] [--repeat N]

Times `analyze()` (warm model, median of N runs) on one paragraph that repeats
`“We will appeal,” Ana Ruiz said. ` N times, and prints quotes per paragraph against
seconds. Linear scaling shows as roughly constant milliseconds per quote; a step that
walks the paragraph again for each quote shows as time per quote growing with N.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze, load_model  # noqa: E402
from analysis.sentiment import assessments  # noqa: E402

SENTENCE = "“We will appeal,” Ana Ruiz said. "


def seconds(text: str, nlp, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        assessments.cache_clear()
        t = time.perf_counter()
        analyze(text, "scaling.txt", nlp=nlp)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", nargs="+", type=int, default=[100, 200, 400, 800])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nlp = load_model()
    analyze(SENTENCE, "warm.txt", nlp=nlp)
    print(f"{'quotes':>7} {'chars':>7} {'seconds':>8} {'ms/quote':>9}")
    for n in args.counts:
        text = (SENTENCE * n).strip()
        s = seconds(text, nlp, args.repeat)
        print(f"{n:7d} {len(text):7d} {s:8.2f} {s / n * 1000:9.2f}")


if __name__ == "__main__":
    main()
