"""The command line's output folder: six tables (CSV, or Parquet with --format parquet)
that are replaced together or not at all.

Each article's rows stream to temporary files beside the tables (`.quotes.csv.partial-PID`),
so thousands of articles never sit in memory together. `commit` puts them in place in
three steps: the temporary files are flushed to disk, a marker (`.commit-PID`) says the set
is complete, and each file is renamed over its table. A run killed at any moment leaves
either the earlier tables, or a marked complete set, or nothing of its own:

- killed before the marker: its temporary files are debris; the tables are the earlier ones;
- killed after it, with some tables renamed and some not: the next `TableWriter` on the
  folder finishes the renames (the set was complete), so no table is left from another run.

A process killed with SIGKILL runs no clean-up, so the next writer also removes the
temporary files of processes that no longer exist.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from ..export import csv_text
from ..lifetime import alive
from ..schema import COLUMNS, TABLES

FORMATS = ("csv", "parquet")
_TEMP = re.compile(r"\.(?P<table>\w+)\.(?P<format>csv|parquet)\.partial-(?P<pid>\d+)")
_MARKER = re.compile(r"\.commit-(?P<pid>\d+)")


def temp_name(table: str, pid: int, fmt: str = "csv") -> str:
    return f".{table}.{fmt}.partial-{pid}"


def marker_name(pid: int) -> str:
    return f".commit-{pid}"


class TableWriter:
    """Appends each article's tables to the six files of the output contract, CSV or Parquet.

    A CSV file's header row is written once; a Parquet file gets one row group per
    article, with column types fixed by name (store.sql_type), so memory stays flat. A
    run that fails or is interrupted leaves the earlier outputs as they were, and every
    file that is put in place has its header (or schema).
    """

    def __init__(self, out_dir: str | Path, fmt: str = "csv"):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.fmt = fmt
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)
        pid = os.getpid()
        self._temp = {t: self.out_dir / temp_name(t, pid, fmt) for t in TABLES}
        self._marker = self.out_dir / marker_name(pid)
        self._files = {}
        try:
            for table, path in self._temp.items():
                self._files[table] = (path.open("w", encoding="utf-8", newline="") if fmt == "csv"
                                      else _ParquetFile(path))
        except OSError:
            self.close()
            raise
        self._columns: dict[str, list[str]] = {}

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        for table, f in self._files.items():
            df = tables[table]
            if table not in self._columns:
                self._columns[table] = list(df.columns)
                if self.fmt == "csv":
                    f.write(csv_text(df.head(0)))
            if len(df):
                rows = df.reindex(columns=self._columns[table])
                f.write(csv_text(rows, header=False) if self.fmt == "csv" else rows)

    def commit(self, *, replace: bool = True) -> None:
        """Put the files in place: over earlier outputs when `replace`, else only where there
        is none yet. A table no article reached gets the contract's header row alone."""
        for table, f in self._files.items():
            if table not in self._columns:
                empty = pd.DataFrame(columns=list(COLUMNS[table]))
                f.write(csv_text(empty) if self.fmt == "csv" else empty)
            if self.fmt == "csv":
                f.flush()
                os.fsync(f.fileno())
            f.close()
        for table, temp in self._temp.items():
            if not replace and (self.out_dir / f"{table}.{self.fmt}").exists():
                temp.unlink()
        _write_marker(self._marker)
        self.close()

    def close(self) -> None:
        """Finish a commit once its marker is written (even when interrupted by Ctrl-C
        between two renames); else close and remove the temporary files."""
        for f in self._files.values():
            f.close()
        if self._marker.exists():
            _finish(self.out_dir, os.getpid())
        for temp in self._temp.values():
            temp.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _ParquetFile:
    """One table's Parquet file, opened on its first rows (their columns fix the schema)."""

    ROWS = 20_000  # rows per row group: few groups, and few rows held at once

    def __init__(self, path: Path):
        self.path = path
        path.touch()
        self._writer = None
        self._schema = None
        self._held: list[pd.DataFrame] = []
        self._rows = 0

    def write(self, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .store import sql_type

        if self._writer is None:
            kinds = {"BIGINT": pa.int64(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}
            self._schema = pa.schema([(c, kinds[sql_type(c)]) for c in df.columns])
            self._writer = pq.ParquetWriter(self.path, self._schema)
        self._held.append(df)
        self._rows += len(df)
        if self._rows >= self.ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._held:
            df = pd.concat(self._held, ignore_index=True)
            arrays = [_column(df[field.name], field.type) for field in self._schema]
            self._writer.write_table(pa.Table.from_arrays(arrays, schema=self._schema))
        self._held, self._rows = [], 0

    def close(self) -> None:
        if self._writer is not None:
            self._flush()
            self._writer.close()
            self._writer = None


def _column(values: pd.Series, kind):
    """A column as the schema's type: numbers with gaps as nulls, text as text."""
    import pyarrow as pa

    if pa.types.is_string(kind):
        return pa.array([None if pd.isna(v) else str(v) for v in values], type=kind)
    numbers = pd.to_numeric(values, errors="coerce")
    return pa.array(numbers.astype("Int64" if pa.types.is_integer(kind) else "Float64"), type=kind)


def recover(out_dir: Path) -> None:
    """Finish the commits and remove the temporary files of writers that were killed."""
    names = os.listdir(out_dir)
    for name in names:
        if (marker := _MARKER.fullmatch(name)) and not alive(int(marker["pid"])):
            _finish(out_dir, int(marker["pid"]))
    for name in names:
        temp = _TEMP.fullmatch(name)
        if temp and temp["table"] in TABLES and not alive(int(temp["pid"])):
            (out_dir / name).unlink(missing_ok=True)


def _finish(out_dir: Path, pid: int) -> None:
    """Rename the marked complete set of process `pid` over the tables, then drop the marker."""
    for table in TABLES:
        for fmt in FORMATS:
            temp = out_dir / temp_name(table, pid, fmt)
            if temp.exists():
                os.replace(temp, out_dir / f"{table}.{fmt}")
    _sync_dir(out_dir)
    (out_dir / marker_name(pid)).unlink(missing_ok=True)


def _write_marker(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("complete: rename the .partial files of this process over the tables\n")
        f.flush()
        os.fsync(f.fileno())
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    """Make renames and new names in `folder` durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
