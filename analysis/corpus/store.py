"""The corpus store: every article's tables in one DuckDB file, added a batch at a time.

    python -m analysis ARTICLES... --out corpus.duckdb

The store holds the six tables of the output contract, with the columns the CSV files
have, and `articles`: one row per stored article (its key, name, path, words, when it
was added). The key is a hash of the article's name and its file's bytes, so a re-run
skips every article already stored, and an article whose file has changed is replaced.

A batch of articles goes in as one transaction, its rows and its `articles` rows
together: a run killed at any moment leaves the store as the last finished batch left
it, and the next run goes on from there with nothing lost or doubled. Only one batch of
rows is held in memory, however large the corpus grows.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..schema import COLUMNS, TABLES

if TYPE_CHECKING:
    import pandas as pd

STORE_SUFFIXES = (".duckdb", ".ddb")
BATCH = 50  # articles per transaction
# DuckDB's buffer pool for a store being written. Left to itself it keeps the blocks of the
# growing tables cached up to most of the machine's memory, so a long run's main process
# grew by 40 MB per 2,000 articles; a batch goes in within this (or spills to disk), at no
# measurable cost in time.
WRITE_MEMORY = "32MB"

# SQL types of the contract's columns (and the engine's extra ones) by name; the rest are text
_INTEGER = frozenset("""paragraph sentence start end words entities quotes mentions paragraphs negative neutral
positive first_paragraph speaker_start speaker_end passage""".split())
_DOUBLE = frozenset("polarity subjectivity tone_score polarity_min polarity_max".split())
ARTICLES_DDL = ("CREATE TABLE IF NOT EXISTS articles (key VARCHAR PRIMARY KEY, article VARCHAR NOT NULL, "
                "path VARCHAR, words BIGINT, added TIMESTAMP)")


def is_store(out: str | Path) -> bool:
    """Whether an --out names a store file rather than a folder of CSV or Parquet files."""
    return Path(out).suffix.lower() in STORE_SUFFIXES


def sql_type(column: str) -> str:
    return "BIGINT" if column in _INTEGER else "DOUBLE" if column in _DOUBLE else "VARCHAR"


def article_key(name: str, data: bytes) -> str:
    """The store's key of an article: its name and its file's bytes, hashed."""
    digest = hashlib.sha256(name.encode("utf-8"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class Stored:
    """One analysed article on its way into the store."""
    key: str
    article: str
    path: str
    tables: dict[str, pd.DataFrame]


class CorpusStore:
    """A DuckDB file of corpus tables; `add` stores a batch of articles in one transaction."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        import duckdb

        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self.con.execute(f"SET memory_limit = '{WRITE_MEMORY}'")
            self.con.execute(ARTICLES_DDL)
        self._names: set[str] | None = None  # the stored articles' names, once asked

    def keys(self) -> dict[str, str]:
        """Stored article name -> its key."""
        keys = dict(self.con.execute("SELECT article, key FROM articles").fetchall())
        self._names = set(keys)
        return keys

    def columns(self, table: str) -> list[str]:
        rows = self.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                "ORDER BY ordinal_position", [table]).fetchall()
        return [r[0] for r in rows]

    def add(self, batch: list[Stored]) -> None:
        """Store a batch of articles, replacing earlier versions of any of them, all or nothing."""
        if not batch:
            return
        import pandas as pd

        if self._names is None:
            self.keys()
        # Only the rows of articles stored before are deleted: a DELETE reads the whole
        # table, which for a growing store cost time and memory on every batch.
        stale = [s.article for s in batch if s.article in self._names]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                frames = [s.tables[table] for s in batch if len(s.tables[table])]
                columns = self._ensure(table, frames[0] if frames else None)
                if stale:
                    self.con.execute(f"DELETE FROM {table} WHERE article IN (SELECT unnest(?))", [stale])
                if frames:
                    self._insert(table, pd.concat(frames, ignore_index=True), columns)
            if stale:
                self.con.execute("DELETE FROM articles WHERE article IN (SELECT unnest(?))", [stale])
            now = datetime.now(UTC).replace(tzinfo=None)
            self.con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
                                 [[s.key, s.article, s.path, _words(s.tables), now] for s in batch])
            self.con.execute("COMMIT")
            self._names.update(s.article for s in batch)
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _ensure(self, table: str, sample: pd.DataFrame | None) -> list[str]:
        """The table's columns, creating it from the first rows it gets (the contract's
        columns first, then the engine's extra ones) or from the contract alone."""
        columns = self.columns(table)
        if columns:
            return columns
        columns = list(sample.columns) if sample is not None else list(COLUMNS[table])
        spec = ", ".join(f'"{c}" {sql_type(c)}' for c in columns)
        self.con.execute(f"CREATE TABLE {table} ({spec})")
        return columns

    def _insert(self, table: str, df: pd.DataFrame, columns: list[str]) -> None:
        present = [c for c in columns if c in df.columns]
        select = ", ".join(f'CAST("{c}" AS {sql_type(c)}) AS "{c}"' for c in present)
        names = ", ".join(f'"{c}"' for c in present)
        self.con.register("_batch", df[present])
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {select} FROM _batch")
        finally:
            self.con.unregister("_batch")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _words(tables: dict[str, pd.DataFrame]) -> int:
    paragraphs = tables.get("paragraphs")
    return int(paragraphs["words"].sum()) if paragraphs is not None and len(paragraphs) else 0
