"""Tone: TextBlob, VADER and the news-tuned model on NewsMTSC dev and on speaker-tone gold.

Usage:
    .venv/bin/pip install -r bench/requirements-tone.txt    # VADER, for this script only
    .venv/bin/python bench/tone_bench.py [--newsmtsc DIR] [--gold DIR ...] [--out FILE.md]

Prints one table, a row per method:

- NewsMTSC dev (`../shared/data/newsmtsc/dev.jsonl`, 343 targets): macro-F1 and accuracy
  of the tone toward each target. TextBlob and VADER read the whole sentence (they know no
  targets): polarity or compound at or beyond +-0.05 is positive or negative, as VADER's
  authors and score.py do. The model rows run `analysis.tone.ToneModel`: "float" is the
  exported float encoder (`encoder.float.onnx`, made by train.py, not in git), "shipped"
  the int8 encoder in the package.
- speaker tone (`bench/data/speaker_tone` and any other gold folder given): for every
  speaker in a gold file's `speaker_sentiment`, the tone of the gold quotes of that speaker
  (so attribution errors do not count); agreement is the share of speakers whose label
  equals the gold. Each method reads a speaker two or three ways: the mean of their
  quotes' scores (lexicons: +-0.05; the model: `group_label`), or all their quotes
  joined in order and read as one text (what the engine ships, `ToneModel.of_whole`),
  or (the model) each quote as the target of the target head.
- end to end: `analyze()` on each gold article, the speakers table's `tone` against the
  gold for the speakers it names (as `../shared/eval/score.py gold` counts them).
- ms / 1000 targets: the time to classify NewsMTSC dev's targets, per thousand, warm.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import analyze  # noqa: E402
from analysis.tone import LABELS, MODEL_DIR, ToneModel, group_label  # noqa: E402
from analysis.tone.columns import counts  # noqa: E402

NEWSMTSC = ROOT.parent / "shared" / "data" / "newsmtsc"
GOLD = [ROOT / "bench" / "data" / "speaker_tone"]
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
LEXICON_THRESHOLD = 0.05


def sign(value: float, threshold: float = LEXICON_THRESHOLD) -> str:
    return "positive" if value >= threshold else "negative" if value <= -threshold else "neutral"


def macro_f1(gold: list[str], pred: list[str]) -> float:
    f1s = []
    for c in LABELS:
        tp = sum(g == p == c for g, p in zip(gold, pred))
        fp = sum(p == c != g for g, p in zip(gold, pred))
        fn = sum(g == c != p for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def newsmtsc(folder: Path) -> tuple[list[tuple[str, int, int]], list[str]]:
    items, gold = [], []
    for line in (folder / "dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        for t in d["targets"]:
            items.append((d["sentence_normalized"], t["from"], t["to"]))
            gold.append(POLARITY[float(t["polarity"])])
    return items, gold


def speaker_gold(folders: list[Path]) -> list[tuple[Path, dict, dict[str, list[str]]]]:
    """(article path, speaker -> gold tone, speaker -> gold quote texts) per gold file."""
    out = []
    for folder in folders:
        for gf in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gf.read_text(encoding="utf-8"))
            tones = gold.get("speaker_sentiment") or {}
            if not tones:
                continue
            quotes: dict[str, list[str]] = {}
            for q in gold["quotes"]:
                quotes.setdefault(q["speaker"], []).append(q["text"])
            out.append((folder / gold["article"], tones, quotes))
    return out


class Lexicons:
    def __init__(self) -> None:
        from textblob.en import sentiment
        self.textblob = lambda text: sentiment(text)[0]
        try:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        except ImportError:
            sys.exit("tone_bench.py: VADER is missing: .venv/bin/pip install -r bench/requirements-tone.txt")
        vader = SentimentIntensityAnalyzer()
        self.vader = lambda text: vader.polarity_scores(text)["compound"]


def _fmt(value, spec: str) -> str:
    return "" if value is None else format(value, spec)


def timed(fn, repeat: int = 3):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return result, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newsmtsc", type=Path, default=NEWSMTSC)
    parser.add_argument("--gold", type=Path, nargs="*", default=GOLD)
    parser.add_argument("--out", type=Path, help="also write the table here (Markdown)")
    args = parser.parse_args()
    lex = Lexicons()
    items, gold = newsmtsc(args.newsmtsc)
    speakers = speaker_gold(args.gold)
    n_speakers = sum(len(t) for _, t, _ in speakers)
    print(f"NewsMTSC dev: {len(items)} targets; speaker tone: {n_speakers} speakers in {len(speakers)} articles "
          f"({counts(t for _, tones, _ in speakers for t in tones.values())})", file=sys.stderr)

    models = {"shipped": ToneModel()}
    if (MODEL_DIR / "encoder.float.onnx").exists():
        models["float"] = ToneModel(encoder="encoder.float.onnx")

    rows = []

    def agreement(read) -> dict:
        """Agreement of `read(quotes) -> label` with the gold over every gold speaker, and
        the share of each gold tone that the method gets right."""
        pairs = [(tone, read(quotes[who])) for _, tones, quotes in speakers for who, tone in tones.items()
                 if quotes.get(who)]
        per = {c: [g == p for g, p in pairs if g == c] for c in LABELS}
        return {"speaker_agreement": sum(g == p for g, p in pairs) / len(pairs), "speakers": len(pairs),
                "by_tone": "/".join(f"{sum(v) / len(v):.2f}" if v else "-" for v in per.values())}

    def lexicon_rows(name: str, fn) -> None:
        pred = [sign(fn(s)) for s, _, _ in items]
        _, seconds = timed(lambda: [fn(s) for s, _, _ in items])
        base = {"macro_f1": macro_f1(gold, pred), "accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold),
                "ms_per_1000": 1000 * seconds / len(items) * 1000}
        rows.append({"method": f"{name}, speaker = mean of quotes", **base,
                     **agreement(lambda qs: sign(statistics.mean(fn(q) for q in qs)))})
        rows.append({"method": f"{name}, speaker = quotes read as one", **base,
                     **agreement(lambda qs: sign(fn(" ".join(q.strip() for q in qs))))})

    lexicon_rows("TextBlob polarity", lex.textblob)
    lexicon_rows("VADER compound", lex.vader)

    for name, model in models.items():
        model.toward(items[:8])  # warm
        tones, seconds = timed(lambda m=model: m.toward(items))
        pred = [t.label for t in tones]
        base = {"macro_f1": macro_f1(gold, pred), "accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold),
                "ms_per_1000": 1000 * seconds / len(items) * 1000}
        variants = {
            "speaker = quotes read as one": lambda qs, m=model: m.of_whole(qs).label,
            "speaker = mean of quote scores": lambda qs, m=model: group_label(
                statistics.mean(t.score for t in m.of_text(qs))),
            "speaker = mean, each quote as the target head's target": lambda qs, m=model: group_label(
                statistics.mean(t.score for t in m.toward((q, 0, len(q)) for q in qs))),
        }
        for variant, read in variants.items():
            rows.append({"method": f"model {name}, {variant}", **base, **agreement(read)})

    said, agree = 0, 0
    for path, tones, _ in speakers:
        table = analyze(path.read_text(encoding="utf-8-sig"), path.name).speakers
        found = dict(zip(table["speaker"].str.lower(), table["tone"]))
        for who, tone in tones.items():
            if who.lower() in found:
                said += 1
                agree += found[who.lower()] == tone
    rows.append({"method": "engine end to end (speakers.csv tone)", "macro_f1": None, "accuracy": None,
                 "speaker_agreement": agree / said if said else None, "speakers": said, "by_tone": "",
                 "ms_per_1000": None})

    header = ["method", "NewsMTSC dev macro-F1", "accuracy", "speaker agreement", "speakers",
              "right by gold tone (neg/neu/pos)", "ms / 1000 targets"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        lines.append(f"| {r['method']} | {_fmt(r['macro_f1'], '.3f')} | {_fmt(r['accuracy'], '.3f')} | "
                     f"{_fmt(r['speaker_agreement'], '.3f')} | {r['speakers']} | {r['by_tone']} | "
                     f"{_fmt(r['ms_per_1000'], '.0f')} |")
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
