"""Loading articles into the dashboard: each article's analysis once, never in the server.

The analysis of an article is cached on its bytes and name (the name fills the tables'
`article` column); nothing the sidebar sets changes it. Summaries that depend on an
option (paragraph kinds) are cached on the same plain values plus the option.

Articles are decoded and analysed in child processes (analysis/sandbox.py), one per core
at a time, each stopped after TIME_LIMIT seconds: a long or hostile upload costs its own
reader time, never the other readers', and the server process loads no model.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis import TABLES, Analysis
from analysis.entities.mentions import entity_table
from analysis.export import csv_bytes, file_stem, zip_bytes
from analysis.quotes.extract import resolved_pronouns
from analysis.sandbox import Died, Failed, OutOfTime, Sandbox, TooLong
from analysis.speakers.table import speaker_table

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
# Seconds one article may take; the longest text allowed takes under a minute on one core.
TIME_LIMIT = 120.0


@st.cache_resource(show_spinner=False)
def sandbox() -> Sandbox:
    """The server's analysis processes: at most one per core at a time."""
    return Sandbox(seconds=TIME_LIMIT)


@st.cache_data(max_entries=64, show_spinner=False)
def load(data: bytes, name: str) -> Loaded:
    """Decode and analyse one article; an unreadable file, or an analysis that ran out of
    time or whose process died, gives a Loaded with `error` set. That is cached too: a file
    that took the whole time limit once would take it again on every rerun."""
    ANALYSES.bump()
    try:
        done = sandbox().run(data, name, max_chars=MAX_CHARS)
    except OutOfTime as exc:
        return Loaded(name, None, f"its analysis took longer than {exc.seconds:g} s, the dashboard's limit per "
                                  "article; the command line (python -m analysis) has no limit", 0.0)
    except Died as exc:
        return Loaded(name, None, f"{exc}; the command line (python -m analysis) may manage it", 0.0)
    except Failed as exc:
        return Loaded(name, None, f"{exc}; this is a fault in the dashboard: please report it with the file", 0.0)
    if isinstance(done.error, TooLong):
        return Loaded(name, None, f"its text is {done.error.length:,} characters long, more than the "
                                  f"{MAX_CHARS:,} the dashboard analyses at once; use the command line "
                                  "(python -m analysis) for it", 0.0)
    if done.error is not None:
        return Loaded(name, None, str(done.error), 0.0)
    return Loaded(name, done.analysis, None, done.seconds)


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
    """Start the analysis processes (they load both models) and analyse the bundled sample
    into the caches (see ui/serve.py)."""
    from .sidebar import sample_source

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
