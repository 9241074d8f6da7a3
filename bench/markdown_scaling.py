"""Markdown clean-up time against text length, on text built to be its worst case.

Usage: .venv/bin/python bench/markdown_scaling.py

Each line of markup ("[a ", "**a ", ...) repeated without a close makes every opening
look for its close. The clean-up bounds how far it looks, so time must grow linearly:
the last column, time per 100,000 characters, should stay flat as the text grows.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.reading.ingest import clean_markdown  # noqa: E402

UNITS = ("[a ", "![a ", "[a](b ", "**a ", "__a ", "*a ")


def main() -> None:
    print(f"{'characters':>10} {'worst unit':>10} {'seconds':>8} {'s / 100k chars':>15}")
    for n in (10_000, 100_000, 1_000_000):
        worst, unit = 0.0, ""
        for u in UNITS:
            text = u * (n // len(u))
            started = time.perf_counter()
            clean_markdown(text)
            took = time.perf_counter() - started
            if took > worst:
                worst, unit = took, u
        print(f"{n:>10,} {unit!r:>10} {worst:8.3f} {worst / n * 100_000:15.3f}")


if __name__ == "__main__":
    main()
