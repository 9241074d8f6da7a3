"""Text out of Word (.docx) and PDF files: paragraphs joined by blank lines.

Both formats are compressed containers, so each is opened with a cap on what it may
unpack: an upload of a few megabytes must not become gigabytes in memory.
"""
from __future__ import annotations

import io
import re
import zipfile

# The most a .docx may unpack to; real articles are well under a megabyte of XML.
MAX_UNPACKED = 50 * 1024 * 1024
_SENTENCE_END = re.compile(r"[.!?:][\"”’')\]]*$")


class DocumentError(ValueError):
    """A document that cannot be read; the message is for the user."""


def docx_to_text(data: bytes) -> str:
    """The paragraphs of a Word document, tables' cells included, in reading order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise DocumentError("it is not a readable Word (.docx) document") from exc
    if unpacked > MAX_UNPACKED:
        raise DocumentError(f"it unpacks to {unpacked / 1e6:,.0f} MB, more than a news article holds")
    import docx  # python-docx, imported here: only Word input pays for it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise DocumentError("it is not a readable Word (.docx) document") from exc
    blocks = [p.text for p in document.paragraphs]
    blocks += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def pdf_to_text(data: bytes) -> str:
    """The text of a PDF's pages. PDF keeps lines, not paragraphs: a blank line, a short
    line that ends a sentence, or a short line standing alone (a headline) ends a
    paragraph; other lines run on, and a word hyphenated across lines is joined."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError("the PDF is encrypted; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError("it is not a readable PDF") from exc
    return "\n\n".join(p for p in (_pdf_paragraphs(page) for page in pages) if p)


def _pdf_paragraphs(page: str) -> str:
    lines = [line.strip() for line in page.replace("\r", "\n").split("\n")]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        short = len(line) < 0.8 * width
        heading = current == line and len(line) < 0.6 * width and not line.endswith((",", "-"))
        if (short and _SENTENCE_END.search(line)) or heading:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)
