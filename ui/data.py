"""Loading articles into the dashboard: the models once, each article's analysis once.

The analysis of an article is cached on its bytes and name (the name fills the tables'
`article` column); nothing the sidebar sets changes it. Summaries that depend on an
option (paragraph kinds) are cached on the same plain values plus the option.
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from spacy.language import Language

from analysis import TABLES, Analysis, ArticleError, analyze, load_model, text_from_bytes
from analysis.entities import entity_table
from analysis.export import csv_bytes, file_stem, zip_bytes
from analysis.quotes import resolved_pronouns
from analysis.speakers import speaker_table
from analysis.tone import ToneModel, load_tone_model

from .fmt import code


@dataclass(frozen=True)
class Source:
    """An article as the user gave it: a file's bytes, pasted text or the sample."""
    name: str
    data: bytes

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Loaded:
    """One article after analysis: the result, or the reason it could not be read."""
    name: str
    analysis: Analysis | None
    error: str | None
    seconds: float


class _Counter:
    """How many analyses this server process has run (a cache miss each)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.value = 0

    def bump(self) -> None:
        with self._lock:
            self.value += 1


ANALYSES = _Counter()


# About 50,000 words, some 15 s of analysis: longer texts are books, for the command line.
MAX_CHARS = 300_000


@st.cache_resource(show_spinner="Loading the language model…")
def model() -> Language:
    return load_model()


@st.cache_resource(show_spinner="Loading the tone model…")
def tone_model() -> ToneModel:
    """The news tone model, loaded once per process with its own spinner; `analyze` then
    finds this same object in `load_tone_model`'s cache."""
    return load_tone_model()


@st.cache_data(max_entries=64, show_spinner=False)
def load(data: bytes, name: str) -> Loaded:
    """Decode and analyse one article; an unreadable file gives a Loaded with `error` set."""
    started = time.perf_counter()
    try:
        text = text_from_bytes(data, name)
    except ArticleError as exc:
        return Loaded(name, None, str(exc), 0.0)
    if len(text) > MAX_CHARS:
        return Loaded(name, None, f"its text is {len(text):,} characters long, more than the {MAX_CHARS:,} the "
                                  "dashboard analyses at once; use the command line (python -m analysis) for it", 0.0)
    ANALYSES.bump()
    tone_model()
    result = analyze(text, name, nlp=model())
    return Loaded(name, result, None, time.perf_counter() - started)


@st.cache_data(max_entries=256, show_spinner=False)
def speakers_for(data: bytes, name: str, kinds: tuple[str, ...]) -> pd.DataFrame:
    """The speaker table counting only quotes in paragraphs of these kinds."""
    a = load(data, name).analysis
    return speaker_table(a.quotes, a.paragraphs, a.mentions, kinds=kinds)


@st.cache_data(max_entries=256, show_spinner=False)
def entities_for(data: bytes, name: str, kinds: tuple[str, ...]) -> pd.DataFrame:
    """The entity table counting only mentions in paragraphs of these kinds; as in
    entities.csv, a sentence where a speaker pronoun was resolved to an entity counts
    toward its TextBlob polarity."""
    a = load(data, name).analysis
    counted = set(a.paragraphs.loc[a.paragraphs["kind"].isin(kinds), "paragraph"])
    return entity_table(a.mentions[a.mentions["paragraph"].isin(counted)], a.sentences,
                        resolved_pronouns(a.quotes[a.quotes["paragraph"].isin(counted)], a.sentences))


def warm_up() -> None:
    """Load both models and analyse the bundled sample into the caches (see ui/serve.py)."""
    from .sidebar import sample_source

    model()
    tone_model()
    sample = sample_source()
    load(sample.data, sample.name)


def load_all(sources: list[Source], place: st.delta_generator.DeltaGenerator) -> list[Loaded]:
    """Every source's analysis, with a progress bar in `place` while new ones are analysed."""
    seen = st.session_state.setdefault("analysed", set())
    new = [s for s in sources if (s.digest, s.name) not in seen]
    bar = place.progress(0.0, text=_progress_text(0, new)) if new else None
    done, out = 0, []
    for source in sources:
        out.append(load(source.data, source.name))
        if (source.digest, source.name) not in seen:
            seen.add((source.digest, source.name))
            done += 1
            bar.progress(done / len(new), text=_progress_text(done, new))
    place.empty()
    return out


def _progress_text(done: int, new: list[Source]) -> str:
    if done >= len(new):
        return "Analysis done"
    return f"Analysing {code(new[done].name)} ({done + 1} of {len(new)})…"


@st.cache_data(max_entries=64, show_spinner=False)
def csv_files(data: bytes, name: str) -> dict[str, bytes]:
    """Each contract table of one article as the CLI writes it, and all of them as one zip."""
    tables = load(data, name).analysis.tables()
    files = {table: csv_bytes(df) for table, df in tables.items()}
    files["zip"] = zip_bytes(tables, prefix=file_stem(name))
    return files


@st.cache_data(max_entries=16, show_spinner=False)
def combined_zip(articles: tuple[tuple[bytes, str], ...]) -> bytes:
    """Several articles' tables together, one CSV per table, the CLI's bytes for the same files."""
    per_article = [load(data, name).analysis.tables() for data, name in articles]
    tables = {t: pd.concat([tabs[t] for tabs in per_article], ignore_index=True) for t in TABLES}
    return zip_bytes(tables)
