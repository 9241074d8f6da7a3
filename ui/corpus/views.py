"""The corpus views' answers, cached: one DuckDB query each on a miss, none on a rerun.

Every answer is cached on plain values: the store's path and version (its file's change
time and size, or an upload's hash), the search and the options. A store changed by a run
of the command line has a new version, so its answers are asked again.

The store is opened for each answer and closed after it, not held open: DuckDB lets no
process write a file that another holds open, even read-only, so a store held by the
dashboard could not take the command line's next articles. Opening costs some 20-50 ms,
once per answer not yet cached.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.corpus.queries import Corpus, StoreError, Totals


# Asked again after a minute even for an unchanged file: a run of the command line that held
# it for writing may have been stopped before it wrote anything.
@st.cache_data(max_entries=64, ttl=60, show_spinner=False)
def problem(path: str, version: str, name: str) -> str | None:
    """Why the file is no usable store, in words, or None when it opens."""
    try:
        Corpus(path, name=name).close()
    except StoreError as exc:
        return exc.reason
    return None


def _open(path: str) -> Corpus:
    """The store, its tables not checked again: every page run asks `problem` first."""
    return Corpus(path, check=False)


@st.cache_data(max_entries=256, show_spinner=False)
def totals(path: str, version: str, search: str) -> Totals:
    with _open(path) as corpus:
        return corpus.totals(search)


@st.cache_data(max_entries=64, show_spinner=False)
def labels(path: str, version: str) -> list[str]:
    with _open(path) as corpus:
        return corpus.labels()


@st.cache_data(max_entries=256, show_spinner=False)
def speakers(path: str, version: str, search: str, kinds: tuple[str, ...], limit: int) -> pd.DataFrame:
    with _open(path) as corpus:
        return corpus.speakers(search, kinds=kinds, limit=limit)


@st.cache_data(max_entries=256, show_spinner=False)
def quotes_of(path: str, version: str, speaker: str, search: str, limit: int) -> pd.DataFrame:
    with _open(path) as corpus:
        return corpus.quotes_of(speaker, search, limit=limit)


@st.cache_data(max_entries=256, show_spinner=False)
def entities(path: str, version: str, search: str, labels: tuple[str, ...], limit: int) -> pd.DataFrame:
    with _open(path) as corpus:
        return corpus.entities(search, labels=labels, limit=limit)


@st.cache_data(max_entries=256, show_spinner=False)
def tone_toward(path: str, version: str, entity: str, search: str, limit: int) -> pd.DataFrame:
    with _open(path) as corpus:
        return corpus.tone_toward(entity, search, limit=limit)
