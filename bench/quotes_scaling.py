"""How quote extraction scales with the number of quotes in one paragraph.

Usage: python bench/quotes_scaling.py [--counts 100 200 400 800] [--repeat N] [--sentence S]

Times `analyze()` (warm model, median of N runs) on one paragraph that repeats a sentence
(by default `“We will appeal,” Ana Ruiz said. `) once per quote, and prints quotes per
paragraph against seconds, with spaCy's own `nlp.pipe` time for the same paragraph.
Linear scaling shows as roughly constant milliseconds per quote; a step that walks the
paragraph again for each quote shows as time per quote growing with the count. Try
`--sentence "Ana Ruiz said that the plan had failed. "` for reported speech.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze, load_model  # noqa: E402
from bench.speed import median_seconds as seconds  # noqa: E402

SENTENCE = "“We will appeal,” Ana Ruiz said. "


def timings(text: str, nlp, repeat: int) -> tuple[float, float]:
    """Seconds for analyze() and for nlp.pipe on one paragraph."""
    return (seconds(lambda: analyze(text, "scaling.txt", nlp=nlp), repeat),
            seconds(lambda: list(nlp.pipe([text])), repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", nargs="+", type=int, default=[100, 200, 400, 800])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sentence", default=SENTENCE, help="the text repeated once per quote")
    args = parser.parse_args()
    nlp = load_model()
    analyze(args.sentence, "warm.txt", nlp=nlp)
    print(f"{'quotes':>7} {'chars':>7} {'seconds':>8} {'ms/quote':>9} {'nlp.pipe s':>11}")
    for n in args.counts:
        text = (args.sentence * n).strip()
        engine, pipe = timings(text, nlp, args.repeat)
        print(f"{n:7d} {len(text):7d} {engine:8.2f} {engine / n * 1000:9.2f} {pipe:11.2f}")


if __name__ == "__main__":
    main()
