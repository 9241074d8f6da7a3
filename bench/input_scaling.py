"""Cost of reading and analysing an article against its size, for hostile shapes of input.

Usage: .venv/bin/python bench/input_scaling.py [--sizes 50000,100000,200000] [--shapes prose,...]

For each shape of input and each size, a fresh process reads the text as an upload of its
type would be read (`text_from_bytes`) and runs `analyze()` on it, and reports the
seconds of the two (model loading excluded) and the process's peak memory (model
included). The last column is the growth of the time from the smallest size to the
largest, against the growth of the size: near 1.0 is linear.

Shapes:
  prose        real news (PolNeAR dev and train joined: 924 articles, 4.3M characters, repeated
               only past that), paragraphs as written
  one-line     the same news with every line break replaced by a space
  tiny-paras   "Word." paragraphs, one after the other
  quote-marks  paragraphs thick with straight and curly quote marks that never pair up
  names        paragraphs listing capitalised two-word names, thousands of them
  markdown     a .md file of unclosed [, ![, ** and __ marks between words

Run it on a quiet machine; each size of each shape is a separate process (about 3 s of
model loading each, not timed).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "data" / split / "text" for split in ("polnear_dev", "polnear_train")]
SHAPES = ("prose", "one-line", "tiny-paras", "quote-marks", "names", "markdown")

CHILD = """
import json, resource, sys, time
from analysis import analyze, load_model, load_tone_model, text_from_bytes
load_model(); load_tone_model()
data = sys.stdin.buffer.read()
name = sys.argv[1]
started = time.perf_counter()
text = text_from_bytes(data, name)
read = time.perf_counter() - started
result = analyze(text, name)
total = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"read": read, "total": total, "peak_mb": peak, "chars": len(text),
                  "paragraphs": len(result.paragraphs), "quotes": len(result.quotes)}))
"""


def news() -> str:
    texts = [p.read_text(encoding="utf-8") for source in SOURCES for p in sorted(source.glob("*.txt"))]
    return "\n\n".join(texts)


def make(shape: str, size: int, prose: str) -> tuple[str, bytes]:
    """(file name, bytes) of `shape` at about `size` characters."""
    def cut(text: str) -> str:
        return (text * (size // max(len(text), 1) + 1))[:size]

    if shape == "prose":
        return "prose.txt", cut(prose).encode("utf-8")
    if shape == "one-line":
        return "one-line.txt", cut(" ".join(prose.split())).encode("utf-8")
    if shape == "tiny-paras":
        return "tiny.txt", cut("Word.\n\n").encode("utf-8")
    if shape == "quote-marks":
        return "quotes.txt", cut('He said " it was \u201c fine \u2019 and \' then " so \u201d on.\n\n').encode("utf-8")
    if shape == "names":
        return "names.txt", cut("Anna Berg, Carl Dunn, Erin Fox and Gail Hart met Ivan Jones. ").encode("utf-8")
    if shape == "markdown":
        return "marks.md", cut("word [ another ![ more ** text __ here ").encode("utf-8")
    raise ValueError(shape)


def measure(name: str, data: bytes) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, name], input=data, capture_output=True, cwd=ROOT,
                         check=True)
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50000,100000,200000", help="characters, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    prose = news()
    print(f"{'shape':12} {'chars':>9} {'paras':>7} {'read s':>7} {'total s':>8} {'peak MB':>8}")
    for shape in args.shapes.split(","):
        runs = []
        for size in sizes:
            r = measure(*make(shape, size, prose))
            runs.append(r)
            print(f"{shape:12} {r['chars']:>9,} {r['paragraphs']:>7,} {r['read']:>7.2f} {r['total']:>8.2f} "
                  f"{r['peak_mb']:>8.0f}", flush=True)
        growth = (runs[-1]["total"] / max(runs[0]["total"], 1e-9)) / (sizes[-1] / sizes[0])
        print(f"{shape:12} time growth against size: {growth:.2f} (1.0 is linear)", flush=True)


if __name__ == "__main__":
    main()
