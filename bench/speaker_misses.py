"""List the quote rows whose speaker score.py counts wrong on a PolNeAR split.

Usage: python bench/speaker_misses.py SPLIT_DIR PRED_DIR [--limit N]

PRED_DIR is what `python -m analysis SPLIT_DIR/text --out PRED_DIR` wrote. Each miss is
printed with the article, the quote's opening words, the speaker we named and the gold
source text, so the classes of error can be read, counted and fixed in general. The
matching is score.py's own (imported from shared/eval), so the count of misses is
exactly what its speaker accuracy leaves out.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
from collections import Counter
from pathlib import Path

SCORE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def load_score():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def misses(split_dir: Path, pred_dir: Path):
    score = load_score()
    preds = score.pred_quotes(pred_dir)
    seen = set()
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        article = next((t for t in (split_dir / "text").glob("*.txt") if ann.stem.startswith(t.stem)), None)
        if article is None or article.name in seen:
            continue
        seen.add(article.name)
        text = score.read_text(article)
        gold = score.parse_ann(ann)
        rows = preds.get(article.name, [])
        for i, j in score.inside([p["span"] for p in rows], [g["content"] for g in gold]):
            row, src = rows[i], gold[j]["source"]
            ss = row["speaker_span"]
            ok = bool(ss and any(score.overlap(ss, s) for s in src))
            if not ok and src:
                said = score.norm(row.get("speaker", ""))
                ok = bool(said) and any(score.norm(text[a:b]) in said or said in score.norm(text[a:b]) for a, b in src)
            if not ok:
                gold_text = " / ".join(text[a:b] for a, b in src) or "(no source)"
                at = text[ss[0]:ss[1]] if ss else ""
                yield article.name, row, gold_text, at, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--context", type=int, default=0, help="characters of text shown before each quote")
    args = parser.parse_args()
    kinds = Counter()
    for n, (name, row, gold, at, text) in enumerate(misses(args.split, args.pred)):
        kinds["no speaker" if not row.get("speaker") else "wrong"] += 1
        if n < args.limit:
            quote = re.sub(r"\s+", " ", row["quote"])[:70]
            print(f"{name[:28]:28} | {row.get('speaker', '')[:28]:28} [{at[:20]}] | gold: {gold[:40]:40} | {quote}")
            if args.context:
                lo, hi = row["span"]
                around = text[max(0, lo - args.context):hi + args.context // 2]
                print("    " + re.sub(r"\s+", " ", around) + "\n")
    print(dict(kinds))


if __name__ == "__main__":
    main()
