"""CSV output: the same bytes for the command line and the dashboard's downloads."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pandas as pd

from .schema import COLUMNS, TABLES

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_CHARS = ("=", "+", "-", "@")
_FORMULA_START = (*_FORMULA_CHARS, "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe. A carriage
    return becomes a line feed first: the CSV writer quotes a cell holding a line feed but
    not one holding a lone CR, which a reader would take for the end of the row ("\r=")."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.startswith(_FORMULA_START) or value.lstrip().startswith(_FORMULA_CHARS):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells cannot be run as spreadsheet formulas."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    return out


def csv_text(df: pd.DataFrame, *, header: bool = True) -> str:
    """`df` as CSV text (LF line ends, no index), formula cells neutralised."""
    return safe_frame(df).to_csv(index=False, header=header, lineterminator="\n")


def csv_bytes(df: pd.DataFrame) -> bytes:
    return csv_text(df).encode("utf-8")


def file_stem(name: str) -> str:
    """A download name's stem from an article name: 'My Article.txt' -> 'My_Article'."""
    stem = Path(name).stem or "article"
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in stem).strip("_") or "article"


def zip_bytes(tables: dict[str, pd.DataFrame], *, prefix: str = "") -> bytes:
    """Every table as `<prefix>_<table>.csv` (or `<table>.csv`) in one zip archive."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for table in TABLES:
            if table in tables:
                name = f"{prefix}_{table}.csv" if prefix else f"{table}.csv"
                zf.writestr(name, csv_bytes(tables[table]))
    return buf.getvalue()


class TableWriter:
    """Appends each article's tables to the six CSV files of the output contract.

    The header row is written once per file, so thousands of articles stream to disk
    without being held in memory together. The rows go to temporary files beside the
    outputs, which `commit` moves into place: a run that fails or is interrupted leaves
    the earlier outputs as they were, and every file that is put in place has its header.
    """

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._temp = {t: self.out_dir / f".{t}.csv.partial-{os.getpid()}" for t in TABLES}
        self._files = {}
        try:
            for table, path in self._temp.items():
                self._files[table] = path.open("w", encoding="utf-8", newline="")
        except OSError:
            self.close()
            raise
        self._columns: dict[str, list[str]] = {}
        self.rows_written = False

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        for table, f in self._files.items():
            df = tables[table]
            if table not in self._columns:
                self._columns[table] = list(df.columns)
                f.write(csv_text(df.head(0)))
            if len(df):
                f.write(csv_text(df.reindex(columns=self._columns[table]), header=False))
        self.rows_written = True

    def commit(self, *, replace: bool = True) -> None:
        """Put the files in place: over earlier outputs when `replace`, else only where there
        is none yet. A table no article reached gets the contract's header row alone."""
        for table, f in self._files.items():
            if table not in self._columns:
                f.write(csv_text(pd.DataFrame(columns=list(COLUMNS[table]))))
            f.close()
        for table, temp in self._temp.items():
            final = self.out_dir / f"{table}.csv"
            if replace or not final.exists():
                os.replace(temp, final)
        self.close()

    def close(self) -> None:
        """Close and remove whatever `commit` did not put in place."""
        for f in self._files.values():
            f.close()
        for temp in self._temp.values():
            temp.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
