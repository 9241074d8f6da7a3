"""Word and PDF articles: their text, their paragraphs, and clear refusals."""
from __future__ import annotations

import io
import zipfile

import pytest

from analysis import ArticleError, analyze
from analysis.reading.ingest import text_from_bytes

HEADLINE = "Council backs harbour bridge"
BODY = [
    "The city council voted 7-2 on Monday to build a new bridge across the harbour, ending a",
    "decade of argument over how to link the two halves of the town.",
    "\u201cThis is a good day for everyone who crosses the water,\u201d said Mayor Ana Ruiz.",
]


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph(" ".join(BODY[:2]))
    document.add_paragraph(BODY[2])
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Photo: Lena Marsh/Harbour Times"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF that writes `lines` in Helvetica, one under the other."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " T* ".join(f"({escape(line)}) Tj" for line in lines).encode("cp1252")
    content = b"BT /F1 10 Tf 14 TL 50 750 Td " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_word_document_gives_its_paragraphs_and_table_cells():
    text = text_from_bytes(docx_bytes(), "bridge.docx")
    assert text.split("\n\n") == [HEADLINE, " ".join(BODY[:2]), BODY[2], "Photo: Lena Marsh/Harbour Times"]


def test_word_article_is_analysed_like_any_other(nlp):
    a = analyze(text_from_bytes(docx_bytes(), "bridge.docx"), "bridge.docx", nlp=nlp)
    assert list(a.paragraphs["kind"])[0] == "headline"
    assert list(a.quotes["speaker"]) == ["Ana Ruiz"] and list(a.speakers["kind"]) == ["person"]


def test_pdf_lines_become_paragraphs():
    text = text_from_bytes(pdf_bytes([HEADLINE, *BODY]), "bridge.pdf")
    assert text.split("\n\n") == [HEADLINE, " ".join(BODY[:2]), BODY[2]]


def test_pdf_joins_a_word_hyphenated_across_lines():
    text = text_from_bytes(pdf_bytes(["The council said the harbour bridge would be finished by the end of next sum-",
                                      "mer, two years late."]), "late.pdf")
    assert "summer, two years late." in text


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("story.docx", b"plain words, not a document", "not a readable Word"),
    ("story.pdf", b"%PDF-1.4\nnothing here", "not a readable PDF"),
    ("story.pdf", pdf_bytes([]), "scanned PDF needs text recognition"),
    ("story.odt", b"PK\x03\x04", ".txt, .md, .html, .docx or .pdf"),
])
def test_unreadable_documents_are_refused_with_a_reason(name, data, reason):
    with pytest.raises(ArticleError, match=reason):
        text_from_bytes(data, name)


def test_a_word_file_that_would_unpack_to_gigabytes_is_refused_unopened():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(ArticleError, match="unpacks to 63 MB"):
        text_from_bytes(buf.getvalue(), "bomb.docx")
