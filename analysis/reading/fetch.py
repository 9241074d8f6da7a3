"""Fetch an article from a web address: its bytes and a file name that says its format.

Only http and https, a bounded size and a time limit; what comes back is read like an
uploaded file of the same format (HTML through trafilatura's main-text extraction).
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urlparse

from .ingest import ArticleError

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = 15
_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
          "text/markdown": ".md", "application/pdf": ".pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}
_UNSAFE = re.compile(r"[^\w.-]+")


def fetch_article(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> tuple[str, bytes]:
    """(file name, bytes) of the page at `url`; raises ArticleError with a reason for the user."""
    url = url.strip()
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArticleError("give a web address that starts with http:// or https://")
    request = urllib.request.Request(url, headers={"User-Agent": "news-reader/0.1 (article analysis)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            data = response.read(max_bytes + 1)
            kind = (response.headers.get_content_type() or "").lower()
    except urllib.error.HTTPError as exc:
        raise ArticleError(f"the site answered {exc.code} ({exc.reason})") from exc
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ArticleError(f"the page could not be fetched: {reason}") from exc
    if len(data) > max_bytes:
        raise ArticleError(f"the page is larger than {max_bytes // (1024 * 1024)} MB")
    suffix = _TYPES.get(kind)
    if suffix is None:
        raise ArticleError(f"the page is {kind or 'of no stated type'}, not an article the reader can open")
    return _name(parts.hostname, parts.path, suffix), data


def _name(host: str, path: str, suffix: str) -> str:
    """'example.org_news_bridge-vote.html': the address as a file name of the right type."""
    stem = _UNSAFE.sub("_", f"{host}{path}".rstrip("/")).strip("_.")[:80] or "page"
    stem = re.sub(r"\.(html?|php|aspx?|txt|md|pdf|docx)$", "", stem, flags=re.IGNORECASE)
    return stem + suffix
