"""Shared fixtures: the spaCy model loads once per test session."""
from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "sample_data" / "putin_xi_call.txt"


@pytest.fixture(scope="session")
def nlp():
    from analysis import load_model

    return load_model()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def app(nlp):
    """A fresh session of the dashboard (the model is already loaded by the nlp fixture)."""
    from streamlit.testing.v1 import AppTest

    from .apptest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


@pytest.fixture(scope="session")
def sample(nlp, sample_text):
    from analysis import analyze

    return analyze(sample_text, SAMPLE.name, nlp=nlp)


# A web site on this machine for the fetch tests: a news page, plain text, an image, a 404.
HTML = (Path(__file__).parent / "data" / "robustness" / "article.html").read_bytes()
PAGES = {
    "/news/bridge-vote.html": ("text/html; charset=utf-8", HTML),
    "/notes": ("text/plain", b"Headline\n\nA paragraph of plain text."),
    "/photo": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "/big": ("text/plain", b"x" * 5000),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        kind, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
