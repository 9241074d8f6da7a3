"""Bytes in, article text out: decoding, HTML and Markdown clean-up, paragraph spans.

All offsets the engine reports are into `Article.text`, the text as decoded here.
"""
from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .documents import DocumentError, docx_to_text, pdf_to_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
# The formats in words, for messages: ".txt, .md, .html, .docx or .pdf".
FORMATS = ", ".join((".txt", ".md", ".html", ".docx")) + " or .pdf"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # a line of nothing but white space, any script's
# Paragraphs longer than this are cut at a line or sentence end: spaCy refuses texts over
# its max_length (1,000,000) and needs about 1 GB per 100,000 characters.
MAX_PARAGRAPH = 20_000
# The largest article file read (a Word or PDF file with pictures runs to megabytes).
MAX_FILE_BYTES = 25_000_000
_STRAY_NULS = 2  # NUL bytes a text file may hold (a padded end) and still read as text
_BINARY = "it looks like a binary file ({}), not text; save the article as {}"
_SIGNATURES = (
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an Office document"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
)


class ArticleError(ValueError):
    """An input that cannot be read as an article; the message is for the user."""


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8/16/32 by BOM, UTF-16 by its NUL bytes, else UTF-8 (a few bad
    bytes replaced), else Windows-1252, else Latin-1. Newlines come out as LF.

    Raises ArticleError for binary data (PDF, images, archives, Office files).
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ArticleError(_BINARY.format(what, FORMATS))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        text = _decode_plain(data)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise ArticleError(_BINARY.format("control characters throughout", FORMATS))
    return text.replace("\x00", "")  # a stray NUL (an export's padding) is no character of the text


def _decode_plain(data: bytes) -> str:
    head = data[:4096]
    if head.count(0) > _STRAY_NULS:  # UTF-16 or binary; a stray NUL or two is neither
        return _decode_utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(ord(c) > 127 for c in text) - bad > bad:  # real UTF-8 with a few broken bytes
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _decode_utf16_without_bom(data: bytes) -> str:
    """Text in UTF-16 has a NUL in every other byte (for Latin script); anything else is binary."""
    head = data[:4096]
    if len(head) < 4:
        raise ArticleError(_BINARY.format("NUL bytes", FORMATS))
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = max(1, len(head) // 2)
    if odd > 0.4 * half and even < 0.05 * half:
        return data.decode("utf-16-le", errors="replace")
    if even > 0.4 * half and odd < 0.05 * half:
        return data.decode("utf-16-be", errors="replace")
    raise ArticleError(_BINARY.format("NUL bytes", FORMATS))


def _looks_binary(text: str) -> bool:
    """Control characters (other than white space, NUL included) in more than 1% of the text."""
    return len(_CONTROL.findall(text)) > max(_STRAY_NULS, len(text) // 100)


_MARKUP_SPAN = 300
_LINK = re.compile(rf"!?\[([^\]\n]{{0,{_MARKUP_SPAN}}})\]\([^)\n]{{0,{4 * _MARKUP_SPAN}}}\)")
_BOLD = re.compile(rf"(\*\*|__)(?=\S)(.{{1,{_MARKUP_SPAN}}}?)(?<=\S)\1")
_ITALIC = re.compile(rf"(?<![\w*])\*(?=\S)([^*\n]{{1,{_MARKUP_SPAN}}}?)(?<=\S)\*(?![\w*])")


def clean_markdown(text: str) -> str:
    """Blank out Markdown markup with spaces, in place, so every word keeps its offset in the file."""
    def blank(match: re.Match) -> str:
        return " " * len(match.group(0))

    def keep(group: int):
        def sub(m: re.Match) -> str:
            before = m.start(group) - m.start()
            return " " * before + m.group(group) + " " * (m.end() - m.end(group))
        return sub

    text = re.sub(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+", blank, text)          # headings
    text = re.sub(r"(?m)^[ \t]{0,3}(?:>[ \t]?)+", blank, text)            # block quotes
    text = re.sub(r"(?m)^[ \t]{0,3}[-*_]{3,}[ \t]*$", blank, text)       # rules
    # Each construct is looked for over at most _MARKUP_SPAN characters: unbounded, every
    # unclosed "[" or "**" would scan to the end of its line, quadratic in a long line.
    text = _LINK.sub(keep(1), text)                                        # links, images
    text = _BOLD.sub(keep(2), text)                                        # bold
    text = _ITALIC.sub(keep(1), text)                                      # italics
    return text


def html_to_text(html: str) -> str:
    """The main text of an HTML page, one paragraph per block, headline first."""
    import trafilatura  # imported here: only HTML input pays for it

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      favor_recall=True, with_metadata=True)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = (getattr(doc, "title", None) or "").strip() if doc is not None else ""
    if not body:
        body = _strip_tags(html)
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    return "\n\n".join(line.strip() for line in body.split("\n") if line.strip())


def _strip_tags(html: str) -> str:
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # lxml raises several types for junk markup; any means "no text"
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks = root.xpath("//h1|//h2|//h3|//p|//li|//blockquote|//figcaption")
    parts = [b.text_content().strip() for b in blocks] or [root.text_content()]
    return "\n".join(p for p in parts if p)


def text_from_bytes(data: bytes, filename: str = "article.txt") -> str:
    """The article text of a file's bytes, by the file's extension."""
    suffix = Path(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(f"'{suffix or filename}' files are not supported; use {FORMATS}")
    if suffix in (".docx", ".pdf"):
        try:
            text = docx_to_text(data) if suffix == ".docx" else pdf_to_text(data)
        except DocumentError as exc:
            raise ArticleError(str(exc)) from exc
        if not text.strip():
            raise ArticleError("it holds no text" + (" (a scanned PDF needs text recognition first)"
                                                     if suffix == ".pdf" else ""))
        return _CONTROL.sub(" ", text)
    text = decode(data)
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    elif suffix in (".md", ".markdown"):
        text = clean_markdown(text)
    if not text.strip():
        raise ArticleError("it holds no text")
    return text


def read_article(path: str | Path, *, max_bytes: int | None = None) -> tuple[str, str]:
    """(name, text) of an article file; raises ArticleError with a reason for the user.

    Only a regular file is read, and only up to `max_bytes` (default MAX_FILE_BYTES): a
    FIFO would block the reader until a writer came, and /dev/zero never ends.
    """
    path = Path(path)
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError("it is not a regular file (a folder, device, pipe or socket)")
        if info.st_size > max_bytes:
            raise ArticleError(f"it is {info.st_size / 1e6:,.1f} MB, over the {max_bytes / 1e6:,.0f} MB an article "
                               "may be")
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleError(exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:  # it grew after the check
        raise ArticleError(f"it is over the {max_bytes / 1e6:,.0f} MB an article may be")
    return path.name, text_from_bytes(data, path.name)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraph spans: blank lines separate paragraphs; with no blank line at all, newlines do.

    Spans exclude surrounding white space; empty paragraphs are dropped. A paragraph over
    MAX_PARAGRAPH characters is cut at line or sentence ends.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans, pos = [], 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        spans.extend(_cut_long(text, pos, end))
        pos = match.end() if match else len(text)
    paragraphs = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            first = start + (len(chunk) - len(chunk.lstrip()))
            paragraphs.append(Paragraph(len(paragraphs), first, first + len(stripped), stripped))
    return paragraphs


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) pieces of at most MAX_PARAGRAPH characters, cut after a newline or a
    sentence end where there is one, else at a space, else anywhere."""
    pieces = []
    while end - start > MAX_PARAGRAPH:
        window = text[start:start + MAX_PARAGRAPH]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < MAX_PARAGRAPH // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else MAX_PARAGRAPH
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def make_article(text: str, name: str = "article") -> Article:
    """An Article from already decoded text (newlines are normalised here too)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Article(name=name, text=text, paragraphs=split_paragraphs(text))
