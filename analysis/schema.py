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
    df = pd.DataFrame.from_records(rows)
    missing = [c for c in columns if c not in df.columns]
    for c in missing:
        df[c] = pd.NA
    rest = [c for c in df.columns if c not in columns]
    return df[columns + rest]
