"""Build sample_data/demo_corpus.duckdb, the corpus page's demo store, from this project's own articles.

    .venv/bin/python sample_data/build_demo_corpus.py      # about 30 s on 2 cores

The articles are the ones written for this project: the bundled sample, the gold test
articles, the harbour pair of the dashboard tests and the invented news stories of the
benchmarks (bench/data/*/), about a hundred in all. They are copied into one folder, so
each is named by its file name alone, and analysed by the command line
(`python -m analysis FOLDER --out STORE`) into a new store, which replaces the old one
only when the run succeeded. Run it again after the engine changes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_data" / "demo_corpus.duckdb"
# Named one by one: a held-out set being written (a new bench/data folder) stays out until added here.
SOURCES = ("sample_data/*.txt", "tests/data/articles/*.txt", "tests/data/ui/harbour_*.txt",
           "bench/data/speaker_tone/*.txt", "bench/data/speakers_heldout/*.txt",
           *(f"bench/data/speakers_heldout{n}/*.txt" for n in range(2, 9)))


def articles() -> list[Path]:
    """The demo's article files; two with one name would be one article, so that is refused."""
    found = sorted(p for pattern in SOURCES for p in ROOT.glob(pattern))
    names = [p.name for p in found]
    if doubled := sorted({n for n in names if names.count(n) > 1}):
        raise SystemExit(f"two demo articles share a name: {', '.join(doubled)}")
    return found


def build(target: Path = DEMO) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for path in articles():
            shutil.copy(path, folder / path.name)
        store = Path(tmp) / target.name
        subprocess.run([sys.executable, "-m", "analysis", str(folder), "--out", str(store)], cwd=ROOT, check=True)
        part = target.with_name(target.name + ".part")
        shutil.copy(store, part)
        os.replace(part, target)  # in one step: a running dashboard never reads half a store
    return target


if __name__ == "__main__":
    built = build()
    print(f"{built.relative_to(ROOT)}: {built.stat().st_size / 1e6:.1f} MB")
