"""How much the engine adds to the spaCy model: analyze() against nlp.pipe, warm.

Usage: python bench/speed.py [ARTICLE ...] [--repeat N]

For each article, times `analyze()` and spaCy's own `nlp.pipe` over the same paragraphs
with the same model, both warm (model loaded, one untimed run first), and prints the
median of N runs and their ratio. The engine's target is a ratio of at most 1.3.
Sentiment results and the tone model's readings are kept per text inside the engine, so
both are cleared before every timed run: each run pays for everything a new article costs.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze, load_model, read_article  # noqa: E402
from analysis.reading.ingest import make_article  # noqa: E402
from analysis.sentiment import assessments  # noqa: E402
from analysis.tone import load_tone_model  # noqa: E402


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        assessments.cache_clear()
        load_tone_model().forget()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench(path: Path, repeat: int) -> tuple[str, int, float, float]:
    nlp = load_model()
    name, text = read_article(path)
    paragraphs = [p.text for p in make_article(text, name).paragraphs]
    analyze(text, name, nlp=nlp)
    list(nlp.pipe(paragraphs))
    pipe = median_seconds(lambda: list(nlp.pipe(paragraphs)), repeat)
    engine = median_seconds(lambda: analyze(text, name, nlp=nlp), repeat)
    return name, len(text.split()), pipe, engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="*", type=Path, default=[ROOT / "sample_data" / "putin_xi_call.txt"])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"{'article':40} {'words':>6} {'nlp.pipe ms':>12} {'analyze ms':>11} {'ratio':>6}")
    for path in args.articles:
        name, words, pipe, engine = bench(path, args.repeat)
        print(f"{name[:40]:40} {words:6d} {pipe * 1000:12.1f} {engine * 1000:11.1f} {engine / pipe:6.2f}")


if __name__ == "__main__":
    main()
