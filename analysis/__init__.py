"""News article analysis: paragraphs, sentences, entities, quotes and speakers as tables.

    >>> from analysis import analyze
    >>> result = analyze(text, name="story.txt")
    >>> result.quotes.head()

The names below are loaded when first used, so that `python -m analysis --help` and the
command line's listing of files do not wait for spaCy, pandas and the tone model.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# name -> the module that defines it
_LAZY = {
    "Analysis": "engine", "analyze": "engine", "analyze_file": "engine",
    "ArticleError": "reading.ingest", "read_article": "reading.ingest", "text_from_bytes": "reading.ingest",
    "make_article": "reading.ingest",
    "load_model": "pipeline.model",
    "KINDS": "reading.paragraphs", "TONE_KINDS": "reading.paragraphs",
    "COLUMNS": "schema", "TABLES": "schema",
    "Tone": "tone", "load_tone_model": "tone", "tone_of": "tone", "tone_toward": "tone",
}

__all__ = ["COLUMNS", "KINDS", "TABLES", "TONE_KINDS", "Analysis", "ArticleError", "Tone", "analyze", "analyze_file",
           "load_model", "load_tone_model", "read_article", "text_from_bytes", "tone_of", "tone_toward"]

if TYPE_CHECKING:
    from .engine import Analysis, analyze, analyze_file
    from .pipeline.model import load_model
    from .reading.ingest import ArticleError, read_article, text_from_bytes
    from .reading.paragraphs import KINDS, TONE_KINDS
    from .schema import COLUMNS, TABLES
    from .tone import Tone, load_tone_model, tone_of, tone_toward


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
