"""Quotes and their speakers (first cut: replaced by the attribution work of issue 3)."""
from __future__ import annotations

import pandas as pd

from .nlp import Parsed
from .schema import frame


def extract_quotes(parsed: Parsed, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per quote with the contract's columns."""
    return frame("quotes")
