"""CSV output: the same bytes for the command line and the dashboard's downloads."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from .schema import TABLES

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


def _unsafe(value: object) -> bool:
    """Whether `neutralise` would change the value."""
    return isinstance(value, str) and ("\r" in value or value.startswith(_FORMULA_START)
                                       or value.lstrip().startswith(_FORMULA_CHARS))


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with no text cell a spreadsheet would run as a formula: a copy where a cell had
    to change, else `df` itself. Only the columns holding such a cell are rebuilt: mapping
    every text column of every article was most of the command line's CSV writing."""
    unsafe = [col for col in df.columns
              if (df[col].dtype == object or pd.api.types.is_string_dtype(df[col])) and any(map(_unsafe, df[col]))]
    if not unsafe:
        return df
    out = df.copy()
    for col in unsafe:
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
