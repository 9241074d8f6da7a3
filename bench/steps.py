"""Each step of analyze() against article length: none may grow faster than the text.

Usage: .venv/bin/python bench/steps.py [--sizes 75000,150000,300000] [--source DIR]

Builds one long article of real news by joining the articles in DIR (default: PolNeAR
dev, 84 political articles, so names, quotes and pronouns are as dense as in real
coverage), cut at each size on a paragraph boundary, and times every step of
`analyze()` on it: the spaCy pipeline, entity mentions (extract_mentions: entities,
titles, repeats, canonical names), sentences and tone, quotes and speakers (the
Resolver, roles, frames, indirect speech), and the summary tables. It prints seconds per
step, each step's share of the whole, and how much each step grew against the text from
the first size to the last: a step that grows linearly has a ratio near 1.0.

The steps are called as analyze() calls them (analysis/__init__.py); keep the two alike.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import load_model, load_tone_model  # noqa: E402
from analysis.entities.mentions import entity_table, extract_mentions  # noqa: E402
from analysis.pipeline.nlp import parse  # noqa: E402
from analysis.quotes.extract import extract_quotes, resolved_pronouns  # noqa: E402
from analysis.reading.ingest import make_article  # noqa: E402
from analysis.sentiment import _opinions  # noqa: E402
from analysis.speakers.table import speaker_table  # noqa: E402
from analysis.tables import paragraph_table, sentence_table  # noqa: E402
from analysis.tone.columns import with_paragraph_tone, with_tone  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "polnear_dev" / "text"
STEPS = ("spaCy pipeline", "mentions", "quotes and speakers", "sentences and tone", "summary tables")


def long_article(source: Path, size: int) -> str:
    """Real articles joined by blank lines, cut at the last paragraph that fits `size`."""
    paragraphs: list[str] = []
    length = 0
    while length < size:
        for path in sorted(source.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            for para in (p.strip() for p in text.split("\n")):
                if not para:
                    continue
                if length + len(para) + 2 > size:
                    return "\n\n".join(paragraphs)
                paragraphs.append(para)
                length += len(para) + 2
    return "\n\n".join(paragraphs)


def timed_steps(text: str, nlp) -> dict[str, float]:
    _opinions.cache_clear()
    load_tone_model().forget()
    took: dict[str, float] = {}

    def step(name, fn, *args):
        started = time.perf_counter()
        out = fn(*args)
        took[name] = took.get(name, 0.0) + time.perf_counter() - started
        return out

    parsed = step("spaCy pipeline", parse, make_article(text, "long.txt"), nlp)
    mentions = step("mentions", extract_mentions, parsed)
    quotes = step("quotes and speakers", extract_quotes, parsed)
    sentences, mentions, quotes = step("sentences and tone", lambda: with_tone(sentence_table(parsed), mentions,
                                                                              quotes))
    step("summary tables", summaries, parsed, sentences, mentions, quotes)
    return took


def summaries(parsed, sentences, mentions, quotes):
    paragraphs = with_paragraph_tone(paragraph_table(parsed, mentions, quotes), sentences)
    return (paragraphs, entity_table(mentions, sentences, resolved_pronouns(quotes, sentences)),
            speaker_table(quotes, paragraphs, mentions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="75000,150000,300000")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    nlp = load_model()
    timed_steps(long_article(args.source, 20_000), nlp)  # warm: model, tone model, caches
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = []
    for size in sizes:
        text = long_article(args.source, size)
        runs.append((len(text), timed_steps(text, nlp)))
    print(f"{'step':22}" + "".join(f"{n:>13,} ch" for n, _ in runs) + f"{'share':>8}{'growth':>8}")
    (n0, first), (n1, last) = runs[0], runs[-1]
    total = sum(last.values())
    for name in STEPS:
        growth = (last[name] / first[name]) / (n1 / n0) if first[name] else float("nan")
        print(f"{name:22}" + "".join(f"{took[name]:14.2f} s" for _, took in runs)
              + f"{last[name] / total:8.1%}{growth:8.2f}")
    print(f"{'total':22}" + "".join(f"{sum(took.values()):14.2f} s" for _, took in runs))


if __name__ == "__main__":
    main()
