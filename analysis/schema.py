"""Column names of the output contract (docs/DESIGN.md), one tuple per table.

Every table the engine returns starts with these columns in this order; a table may
carry more columns after them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

COLUMNS: dict[str, tuple[str, ...]] = {
    "paragraphs": ("article", "paragraph", "kind", "start", "end", "text", "words",
                   "polarity", "subjectivity", "entities", "quotes"),
    "sentences": ("article", "paragraph", "sentence", "start", "end", "text",
                  "polarity", "subjectivity"),
    "mentions": ("article", "paragraph", "start", "end", "text", "label", "entity", "tone", "tone_score"),
    "entities": ("article", "entity", "label", "mentions", "paragraphs", "polarity", "tone", "tone_score",
                 "negative", "neutral", "positive"),
    "quotes": ("article", "paragraph", "start", "end", "quote", "kind", "speaker",
               "speaker_start", "speaker_end", "cue", "polarity", "subjectivity", "tone", "tone_score"),
    "speakers": ("article", "speaker", "kind", "quotes", "words", "polarity", "subjectivity",
                 "polarity_min", "polarity_max", "tone", "tone_score"),
}

TABLES: tuple[str, ...] = tuple(COLUMNS)


def frame(table: str, rows: list[dict] | None = None, *, extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """A DataFrame for `table` from row dicts, with the contract's columns first.

    Empty input still gives every column, so callers never special-case no rows.
    """
    import pandas as pd  # here, so that the column names load without pandas

    columns = [*COLUMNS[table], *extra]
    if not rows:
        return pd.DataFrame(columns=columns)
    keys = rows[0].keys()
    if any(row.keys() != keys for row in rows):
        return _frame_of_mixed_rows(pd, columns, rows)
    # One column at a time from the rows' values: a third of the time of from_records. A
    # contract column no row has is missing throughout (object dtype, as `df[c] = pd.NA` makes).
    import numpy as np

    return pd.DataFrame({c: [row[c] for row in rows] if c in keys else np.full(len(rows), pd.NA, dtype=object)
                         for c in (*columns, *(k for k in keys if k not in columns))})


def _frame_of_mixed_rows(pd, columns: list[str], rows: list[dict]) -> pd.DataFrame:
    """`frame` of rows whose keys differ: a key a row lacks is missing in that row."""
    df = pd.DataFrame.from_records(rows)
    missing = [c for c in columns if c not in df.columns]
    for c in missing:
        df[c] = pd.NA
    rest = [c for c in df.columns if c not in columns]
    return df[columns + rest]
