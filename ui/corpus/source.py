"""Which corpus store the corpus page shows: an uploaded one, the server's, or the bundled demo.

The server's store is named when the server starts, `streamlit run dashboard.py -- --corpus
PATH` (`python -m ui.serve -- --corpus PATH` alike), or by the NEWS_READER_CORPUS environment
variable: only whoever starts the server chooses a path on its disk. A reader may upload a
store (up to the server's upload limit); it is written once to a file named by its hash in
a folder of the temp directory made for this server, and opened read-only like the others.
"""
from __future__ import annotations

import argparse
import atexit
import functools
import hashlib
import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis.corpus.queries import MAKE, StoreError

from ..fmt import code
from . import views

ENV = "NEWS_READER_CORPUS"
DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "demo_corpus.duckdb"
BUILD_DEMO = "python sample_data/build_demo_corpus.py"
KEEP = 16  # uploaded stores kept on disk, the newest; an older one is written again when next used


@dataclass(frozen=True)
class Store:
    """A store to show: the file DuckDB opens, the name the reader knows it by, where it
    comes from (demo, server or upload) and its version, which changes with its contents
    and so keys the cached answers."""
    path: str
    name: str
    origin: str
    version: str


def server_path() -> Path | None:
    """The store the server was started with (--corpus, else NEWS_READER_CORPUS), if any."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--corpus")
    given, _ = parser.parse_known_args(sys.argv[1:])
    value = given.corpus or os.environ.get(ENV)
    return Path(value).expanduser().resolve() if value else None


def on_disk(path: Path, origin: str) -> Store:
    """A store file as it is now: a file changed since (a run of the command line) is a new version."""
    stat = path.stat()
    return Store(str(path), path.name, origin, f"{stat.st_mtime_ns}-{stat.st_size}")


@functools.cache
def uploads() -> Path:
    """This server's folder of uploaded stores: made for it alone (mode 700), removed when it stops."""
    folder = Path(tempfile.mkdtemp(prefix="news-reader-stores-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def uploaded(name: str, data: bytes) -> Store:
    """An uploaded store, written to a file named by its hash unless it is there already."""
    digest = hashlib.sha256(data).hexdigest()
    path = uploads() / f"{digest}.duckdb"
    if not path.exists():
        part = path.with_name(f"{path.name}.{threading.get_ident()}.part")
        part.write_bytes(data)
        os.replace(part, path)
        _prune(path.parent)
    return Store(str(path), name, "upload", digest)


def _prune(folder: Path) -> None:
    stores = sorted(folder.glob("*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in stores[KEEP:]:
        old.unlink(missing_ok=True)


def choose() -> Store | None:
    """The sidebar's store section; returns the store to show, or None when there is none."""
    st.sidebar.header("Corpus store")
    file = st.sidebar.file_uploader(
        "Open a store", key="corpus_upload",
        help=f"A DuckDB file made by the command line: {MAKE}. It is opened read-only.")
    limit = st.get_option("server.maxUploadSize")
    st.sidebar.caption(f"A `.duckdb` file made by `{MAKE}`, up to {limit} MB. A larger store is opened by the "
                       "server: `streamlit run dashboard.py -- --corpus PATH`.")
    candidates = []
    if file is not None:
        candidates.append(lambda: uploaded(file.name, file.getvalue()))
    if (path := server_path()) is not None:
        candidates.append(lambda: _server(path))
    candidates.append(_demo)
    for i, candidate in enumerate(candidates):
        store = candidate()
        if store is not None and _usable(store):
            if i:
                st.info(f"Showing {code(store.name)} until a store can be opened.", icon=":material/info:")
            return store
    return None


def _server(path: Path) -> Store | None:
    if not path.is_file():
        st.error(f"Could not open the server's store {code(path.name)}: there is no such file.",
                 icon=":material/error:")
        return None
    return on_disk(path, "server")


def _demo() -> Store | None:
    if not DEMO.is_file():
        st.error(f"The demo store {code(DEMO.name)} is missing: build it with `{BUILD_DEMO}`.",
                 icon=":material/error:")
        return None
    return on_disk(DEMO, "demo")


def _usable(store: Store) -> bool:
    """Whether the store opens and holds articles; if not, one sentence says why."""
    reason = views.problem(store.path, store.version, store.name)
    try:
        if reason is None and views.totals(store.path, store.version, "").articles == 0:
            reason = f"it holds no articles yet; `{MAKE}` adds them"
    except StoreError as exc:  # taken for writing since it was checked
        reason = exc.reason
    if reason is not None:
        st.error(f"Could not open {code(store.name)}: {reason}.", icon=":material/error:")
    return reason is None
