"""Entity mentions against GUM's Wikinews documents (../shared/data/gum_news).

Usage: python bench/entities_bench.py [--show N]

Joins each document's paragraphs with blank lines, runs analyze(), and compares the
mentions table with GUM's named mentions of people, organisations and places: a
prediction matches a gold mention when their spans overlap by at least half of each.
Prints mention precision/recall/F1 overall and by type, and type accuracy on matches.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze, load_model  # noqa: E402

GUM = ROOT.parent / "shared" / "data" / "gum_news" / "train_paragraphs.jsonl"
TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
LABEL_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def documents() -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
    """doc -> (text, gold named mentions as (start, end, type)) with article offsets."""
    paras = defaultdict(list)
    for line in GUM.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        paras[row["doc"]].append(row)
    docs = {}
    for doc, rows in paras.items():
        rows.sort(key=lambda r: r["paragraph"])
        text, gold, pos = [], [], 0
        for r in rows:
            for m in r["mentions"]:
                if m["is_named"] and m["etype"] in TYPES:
                    gold.append((pos + m["start"], pos + m["end"], TYPES[m["etype"]]))
            text.append(r["text"])
            pos += len(r["text"]) + 2
        docs[doc] = ("\n\n".join(text), gold)
    return docs


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    o = min(a[1], b[1]) - max(a[0], b[0])
    return o > 0 and o >= 0.5 * (a[1] - a[0])  # GUM spans hold titles: the name lies inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="print N misses and false alarms")
    args = parser.parse_args()
    nlp = load_model()
    tally = Counter()
    by_type = defaultdict(Counter)
    errors = []
    for doc, (text, gold) in documents().items():
        m = analyze(text, doc, nlp=nlp).mentions
        pred = [(s, e, LABEL_TYPE.get(lab, lab)) for s, e, lab in zip(m["start"], m["end"], m["label"])
                if lab in LABEL_TYPE or lab == "NORP"]
        used = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred) if i not in used and overlaps(p[:2], g[:2])), None)
            by_type[g[2]]["gold"] += 1
            if hit is None:
                errors.append(f"miss  {g[2]:6} {text[g[0]:g[1]]!r}")
                continue
            used.add(hit)
            tally["tp"] += 1
            by_type[g[2]]["tp"] += 1
            tally["type_ok"] += pred[hit][2] == g[2]
        for i, p in enumerate(pred):
            by_type[p[2]]["pred"] += 1
            if i not in used:
                errors.append(f"extra {p[2]:6} {text[p[0]:p[1]]!r}")
        tally["gold"] += len(gold)
        tally["pred"] += len(pred)
    def prf(c):
        p = c["tp"] / c["pred"] if c["pred"] else 0
        r = c["tp"] / c["gold"] if c["gold"] else 0
        f1 = 2 * p * r / (p + r) if p + r else 0
        return f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (tp {c['tp']}, pred {c['pred']}, gold {c['gold']})"
    print("all     ", prf(tally), f" type accuracy {tally['type_ok'] / max(1, tally['tp']):.3f}")
    for t in ("PERSON", "ORG", "PLACE", "NORP"):
        print(f"{t:8}", prf(by_type[t]))
    for line in errors[: args.show]:
        print("  " + line)


if __name__ == "__main__":
    main()
