"""Fetching an article from a web address, against a server on this machine."""
from __future__ import annotations

import pytest

from analysis import ArticleError
from analysis.reading.fetch import fetch_article
from analysis.reading.ingest import text_from_bytes

from .conftest import HTML


def test_a_web_page_is_fetched_as_html_and_read_like_an_upload(site):
    name, data = fetch_article(f"{site}/news/bridge-vote.html")
    assert name == "127.0.0.1_news_bridge-vote.html" and data == HTML
    assert text_from_bytes(data, name) == text_from_bytes(HTML, "article.html")


def test_plain_text_keeps_its_type(site):
    name, data = fetch_article(f"  {site}/notes  ")
    assert name.endswith(".txt") and text_from_bytes(data, name).startswith("Headline")


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "answered 404"),
    ("/photo", "image/png, not an article"),
])
def test_pages_that_are_no_article_are_refused_with_a_reason(site, path, reason):
    with pytest.raises(ArticleError, match=reason):
        fetch_article(site + path)


def test_a_page_over_the_size_limit_is_refused(site):
    with pytest.raises(ArticleError, match="larger than"):
        fetch_article(f"{site}/big", max_bytes=4000)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "example.org/news", ""])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(ArticleError, match="http:// or https://"):
        fetch_article(url)


def test_a_server_that_does_not_answer_gives_a_reason():
    with pytest.raises(ArticleError, match="could not be fetched"):
        fetch_article("http://127.0.0.1:9/", timeout=2)
