"""Decoding, HTML/Markdown clean-up and paragraph spans."""
from __future__ import annotations

import codecs

import pytest

from analysis.reading.ingest import (
    ArticleError,
    clean_markdown,
    decode,
    make_article,
    read_article,
    split_paragraphs,
    text_from_bytes,
)

TEXT = "Café owners “welcomed” the plan.\n\nThe mayor’s office said so."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "cp1252"])
def test_decode_common_encodings(data):
    assert decode(data) == TEXT


def test_decode_latin1_bytes_undefined_in_cp1252():
    assert decode("Caf\u00e9 \u0081".encode("latin-1")) == "Café \u0081"


def test_line_ends_become_lf_and_offsets_follow():
    text = decode(b"Headline\r\n\r\nFirst para.\r\rSecond para.\r\n")
    assert text == "Headline\n\nFirst para.\n\nSecond para.\n"
    paragraphs = split_paragraphs(text)
    assert [text[p.start:p.end] for p in paragraphs] == ["Headline", "First para.", "Second para."]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_found_by_its_nul_bytes(codec):
    assert decode(TEXT.encode(codec)) == TEXT


def test_utf8_with_a_broken_byte_stays_utf8():
    assert decode(TEXT.encode("utf-8").replace(b"plan", b"pl\xffan")) == TEXT.replace("plan", "pl\ufffdan")


@pytest.mark.parametrize("data, what", [(b"%PDF-1.4\n1 0 obj << >> endobj\n", "PDF"),
                                        (b"PK\x03\x04" + b"word/document.xml" * 10, "Office")])
def test_documents_that_are_not_text_are_named(data, what):
    with pytest.raises(ArticleError, match=what):
        text_from_bytes(data, "story.txt")


def test_a_paragraph_too_long_for_spacy_is_cut_at_sentence_ends():
    text = "The council met again. " * 3000
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) > 1
    assert all(len(p.text) <= 20_000 and p.text.endswith("again.") for p in paragraphs)
    assert all(text[p.start:p.end] == p.text for p in paragraphs)


def test_binary_file_is_refused_with_a_reason():
    with pytest.raises(ArticleError, match="binary"):
        text_from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "photo.txt")


def test_unsupported_extension_and_empty_file_are_refused():
    with pytest.raises(ArticleError, match=r"not supported; use \.txt, \.md, \.html, \.docx or \.pdf"):
        text_from_bytes(b"hello", "report.pages")
    with pytest.raises(ArticleError, match="no text"):
        text_from_bytes(b"  \n\n ", "empty.txt")


def test_missing_file_reports_the_os_reason(tmp_path):
    with pytest.raises(ArticleError, match="No such file"):
        read_article(tmp_path / "nope.txt")


def test_blank_lines_separate_paragraphs_and_spans_skip_white_space():
    text = "  Title line  \n\n\nOne.\nStill one.\n \nTwo."
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["Title line", "One.\nStill one.", "Two."]
    assert all(text[p.start:p.end] == p.text for p in paragraphs)
    assert [p.index for p in paragraphs] == [0, 1, 2]


def test_single_newline_per_paragraph_splits_on_newlines():
    paragraphs = split_paragraphs("Title\nFirst paragraph.\nSecond paragraph.")
    assert [p.text for p in paragraphs] == ["Title", "First paragraph.", "Second paragraph."]


def test_empty_text_has_no_paragraphs():
    assert make_article("", "empty").paragraphs == []


def test_markdown_markup_is_blanked_without_moving_offsets():
    md = "# Big news\n\nThe **council** said [so](http://x.example/a) in *public*.\n\n> A quote block."
    clean = clean_markdown(md)
    assert len(clean) == len(md)
    assert clean.split("\n\n")[0].strip() == "Big news"
    assert " ".join(clean.split("\n\n")[1].split()) == "The council said so in public ."
    for word in ("council", "so", "public", "A quote block"):
        assert clean.index(word) == md.index(word)
    assert clean.split("\n\n")[2].strip() == "A quote block."


def test_md_file_goes_through_markdown_clean_up():
    assert "**" not in text_from_bytes(b"# Title\n\nSome **bold** words.", "story.md")


HTML = b"""<!doctype html><html><head><title>Council backs new bridge | The Daily Example</title>
<script>document.title = "pwned"</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council backs new bridge</h1>
<p>The city council voted on Tuesday to build a second bridge over the river, ending a
debate that had run for more than a decade and split the town's two main parties.</p>
<p>"This is a day for the whole town," said Mayor Ana Ruiz, who had campaigned for the
bridge since her first election. Opponents said the cost would rise.</p>
<p>Work is due to start next spring and should take three years, the council said.</p>
</article><footer>Copyright The Daily Example. All rights reserved.</footer></body></html>"""


def test_html_gives_the_article_text_not_the_navigation_or_scripts():
    text = text_from_bytes(HTML, "bridge.html")
    paragraphs = [p.text for p in split_paragraphs(text)]
    assert paragraphs[0] == "Council backs new bridge"
    assert any(p.startswith('"This is a day for the whole town," said Mayor Ana Ruiz') for p in paragraphs)
    assert "Sport" not in text and "pwned" not in text


def test_tiny_html_falls_back_to_block_text():
    text = text_from_bytes(b"<html><body><p>Short note.</p><script>x()</script></body></html>", "n.htm")
    assert text.strip() == "Short note."


def test_markdown_markup_is_looked_for_over_a_bounded_span():
    """Each link or emphasis is sought over at most a few hundred characters, so unclosed
    markup cannot make the clean-up quadratic (bench/markdown_scaling.py times it)."""
    from analysis.reading.ingest import _MARKUP_SPAN, clean_markdown

    near = "**" + "word " * 20 + "end**"
    far = "**" + "word " * (_MARKUP_SPAN // 5 + 10) + "end**"
    assert "**" not in clean_markdown(near) and clean_markdown(far) == far
    unclosed = "[a " * 2000
    assert clean_markdown(unclosed) == unclosed
    assert clean_markdown("[" + "x" * 50 + "](http://example.org/a)") == " " + "x" * 50 + " " * 23
