"""Corpus stores for the corpus tests: the bundled demo grown by SQL, a tiny one written row by
row, and files DuckDB or the views refuse. None runs the engine."""
from __future__ import annotations

import shutil
import struct
from pathlib import Path

import duckdb

from analysis.corpus.queries import NEEDED
from analysis.corpus.store import sql_type

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_data" / "demo_corpus.duckdb"
TABLES = ("articles", "paragraphs", "sentences", "mentions", "entities", "quotes", "speakers")


def replicate(source: Path, target: Path, *, copies: int) -> Path:
    """A store of `copies` times the articles of `source`: each copy's articles renamed
    `copyNN/<name>` (the first keeps its names), every table's rows copied with INSERT ... SELECT."""
    shutil.copy(source, target)
    with duckdb.connect(str(target)) as con:
        for table in TABLES:
            rename = "printf('copy%02d/%s', n.i, article) AS article"
            if table == "articles":
                rename += ", key || '-' || n.i AS key"
            con.execute(f"INSERT INTO {table} SELECT {table}.* REPLACE ({rename}) "
                        f"FROM {table} CROSS JOIN range(1, {copies}) AS n(i)")
        con.execute("CHECKPOINT")
    return target


def tiny(target: Path, *, paragraphs=(), quotes=(), speakers=(), entities=()) -> Path:
    """A store holding just the rows given, as dicts of the columns the views read (the rest
    default); `articles` rows come from the paragraphs' articles."""
    with duckdb.connect(str(target)) as con:
        for table, columns in NEEDED.items():
            con.execute(f"CREATE TABLE {table} ({', '.join(f'{c} {sql_type(c)}' for c in columns)})")
        names = sorted({p["article"] for p in paragraphs})
        _insert(con, "articles", [{"article": a, "words": 100} for a in names])
        _insert(con, "paragraphs", [{"paragraph": 0, "kind": "headline", **p} for p in paragraphs])
        _insert(con, "quotes", [{"paragraph": 1, "start": 0, "kind": "direct", "cue": "said", "polarity": 0.0,
                                 "tone": "neutral", "tone_score": 0.0, "speaker_kind": "person", **q} for q in quotes])
        _insert(con, "speakers", [{"tone_score": 0.0, **s} for s in speakers])
        _insert(con, "entities", [{"label": "PERSON", "mentions": 1, "paragraphs": 1, "polarity": 0.0,
                                   "tone": "neutral", "tone_score": 0.0, "negative": 0, "neutral": 1, "positive": 0,
                                   **e} for e in entities])
    return target


def _insert(con, table: str, rows: list[dict]) -> None:
    for row in rows:
        marks = ", ".join("?" for _ in row)
        con.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", list(row.values()))


def from_newer_duckdb(source: Path, target: Path) -> Path:
    """A copy of `source` whose header claims a storage version newer than this DuckDB reads,
    as a store written by a later DuckDB would (the header's checksum made to match)."""
    shutil.copy(source, target)
    with open(target, "r+b") as f:
        header = bytearray(f.read(4096))
        struct.pack_into("<Q", header, 12, 10_000)  # version number, after the checksum and b"DUCK"
        struct.pack_into("<Q", header, 0, _checksum(bytes(header[8:])))
        f.seek(0)
        f.write(header)
    return target


def _checksum(block: bytes) -> int:
    """DuckDB's block checksum: its 8-byte words multiplied by a constant, xor-ed from 5381."""
    result = 5381
    for (word,) in struct.iter_unpack("<Q", block):
        result ^= (word * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    return result
