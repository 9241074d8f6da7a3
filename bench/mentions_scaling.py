"""Entity mention extraction against article length: it must grow linearly.

Usage: .venv/bin/python bench/mentions_scaling.py [--sizes 500,1000,2000]

Builds articles of N short paragraphs, each naming new people, organisations and places
(so the number of names grows with the text, the worst case for finding repeats), parses
them once and times `extract_mentions` against spaCy's own `nlp.pipe` time. The last
column, milliseconds per paragraph, should stay flat as N grows.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import load_model  # noqa: E402
from analysis.entities.mentions import extract_mentions  # noqa: E402
from analysis.pipeline.nlp import parse  # noqa: E402
from analysis.reading.ingest import make_article  # noqa: E402

FIRST = ["Ana", "Tom", "Lena", "Omar", "Ivy", "Raj", "Mia", "Leo", "Zoe", "Kai"]


def article(n: int) -> str:
    rng = random.Random(1)
    return "\n\n".join(
        f"{rng.choice(FIRST)} Q{i:05d}x of the Z{i:05d} Group said the plan for Vort{i:04d} was late. "
        f"Q{i:05d}x added that Z{i:05d} Group would wait." for i in range(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,1000,2000")
    args = parser.parse_args()
    nlp = load_model()
    print(f"{'paragraphs':>10} {'characters':>10} {'mentions':>8} {'nlp.pipe s':>10} {'mentions s':>10} "
          f"{'ms / paragraph':>14}")
    for n in map(int, args.sizes.split(",")):
        text = article(n)
        started = time.perf_counter()
        parsed = parse(make_article(text, "scaling.txt"), nlp)
        pipe = time.perf_counter() - started
        started = time.perf_counter()
        mentions = extract_mentions(parsed)
        took = time.perf_counter() - started
        print(f"{n:>10,} {len(text):>10,} {len(mentions):>8,} {pipe:10.2f} {took:10.2f} {took / n * 1000:14.2f}")


if __name__ == "__main__":
    main()
