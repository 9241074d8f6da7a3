"""Robustness of reading files and of the command line: encodings, binaries, HTML,
Markdown, formula cells and folders with good and bad files mixed."""
from __future__ import annotations

import codecs
import csv
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from analysis import COLUMNS, ArticleError, analyze, text_from_bytes
from analysis.__main__ import main

from .invariants import FORMULA_START, STORY, TEXT_COLUMNS, assert_csv_cells_cannot_run, assert_invariants

DATA = Path(__file__).parent / "data" / "robustness"


# ---- files: encodings, binaries, HTML, Markdown ----------------------------------------------

def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("story.txt", STORY * 20)
    return buf.getvalue()


def pdf_bytes() -> bytes:
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Harbour bridge vote) Tj ET\n" * 40)
    return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n4 0 obj\n<< /Length " + str(len(stream)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\nendobj\n%%EOF\n")


TEXT_PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
            b"4 0 obj << /Length 44 >> stream\nBT /F1 24 Tf 100 700 Td (Hello World) Tj ET\nendstream endobj\n"
            b"trailer << /Size 5 /Root 1 0 R >>\n%%EOF\n")


@pytest.mark.parametrize("data", [png_bytes(), zip_bytes(), pdf_bytes(), b"\x00" * 65536, b"\x00\x01\x00\x02"],
                         ids=["png", "zip", "pdf", "nul-64k", "nul-4"])
def test_binary_file_named_txt_raises_a_clear_article_error(data):
    with pytest.raises(ArticleError, match="binary file"):
        text_from_bytes(data, "story.txt")


def test_pdf_with_a_text_header_raises_article_error():
    with pytest.raises(ArticleError):
        text_from_bytes(TEXT_PDF, "story.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(codec):
    assert text_from_bytes(STORY.encode(codec), "story.txt") == STORY


def test_utf8_with_one_invalid_byte_keeps_the_rest_of_the_text():
    data = STORY.encode("utf-8").replace(b"Monday", b"Mon\xffday")
    text = text_from_bytes(data, "story.txt")
    assert "“We will appeal the ruling,” Mayor Ana Ruiz" in text


def test_utf16_with_bom_and_crlf_reads_like_utf8():
    data = codecs.BOM_UTF16_LE + STORY.replace("\n", "\r\n").encode("utf-16-le")
    assert text_from_bytes(data, "story.txt") == STORY


@pytest.mark.parametrize("html", [
    b"<html><head><title></title></head></html>",
    b"<html><head><meta charset='utf-8'></head><body></body></html>",
    b"<script>window.secret = 'token';</script>",
    b"<style>p { color: red }</style>",
    b"<html><head><style>body{}</style><script>alert(1)</script></head><body><script>x()</script></body></html>",
    b"<!-- nothing here -->",
], ids=["no-body", "empty-body", "script", "style", "script-and-style", "comment"])
def test_html_without_text_raises_article_error(html):
    with pytest.raises(ArticleError, match="no text"):
        text_from_bytes(html, "page.html")


def test_html_article_drops_scripts_styles_and_navigation(nlp):
    text = text_from_bytes((DATA / "article.html").read_bytes(), "article.html")
    assert "secret" not in text and "color" not in text and "injected" not in text and "Home" not in text
    result = analyze(text, "article.html", nlp=nlp)
    assert_invariants(result)
    assert "Ana Ruiz" in set(result.speakers["speaker"])


def test_html_in_a_txt_file_stays_literal_text(nlp):
    html = "<p>“We will appeal,” <b>Ana Ruiz</b> said.</p>\n<script>alert('x')</script>"
    text = text_from_bytes(html.encode(), "story.txt")
    assert text == html
    result = analyze(text, "story.txt", nlp=nlp)
    assert_invariants(result)
    assert "".join(result.paragraphs["text"]).count("<") == html.count("<")


def test_markdown_odd_constructs_keep_length_and_invariants(nlp):
    data = (DATA / "odd_markdown.md").read_bytes()
    text = text_from_bytes(data, "odd_markdown.md")
    assert len(text) == len(data.decode("utf-8"))
    result = analyze(text, "odd_markdown.md", nlp=nlp)
    assert_invariants(result)
    assert {"Ana Ruiz", "Tom Fox"} <= set(result.speakers["speaker"])


def test_markdown_offsets_point_at_the_words_in_the_file(nlp):
    source = "**Ana Ruiz** said the [harbour plan](http://example.com/plan) was “*very* good.”\n"
    result = analyze(text_from_bytes(source.encode(), "story.md"), "story.md", nlp=nlp)
    assert len(result.quotes)
    for start, end, quote in zip(result.quotes["start"], result.quotes["end"], result.quotes["quote"]):
        assert source[start:end].replace("*", " ").split() == quote.split()


# ---- CSV output and the command line ----------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_formula_cells_are_neutralised_in_csv_bytes(nlp):
    result = analyze((DATA / "formulas.txt").read_text(encoding="utf-8"), "formulas.txt", nlp=nlp)
    assert_invariants(result)
    assert_csv_cells_cannot_run(result)


def test_cli_writes_formula_cells_neutralised(tmp_path, nlp):
    out = tmp_path / "out"
    assert main([str(DATA / "formulas.txt"), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    tables = {t: read_csv(out / f"{t}.csv") for t in ("quotes", "sentences", "paragraphs")}
    for table, rows in tables.items():
        assert rows, table
        assert not any(row[c].startswith(FORMULA_START) for row in rows for c in TEXT_COLUMNS[table]), table
    assert "'=cmd|' /C calc'!A0" in {r["text"] for r in tables["paragraphs"]}
    assert "'+1 for the plan, Ana Ruiz said." in {r["text"] for r in tables["sentences"]}
    assert "'=cmd|' /C calc'!A0," in {r["quote"] for r in tables["quotes"]}


GOOD = {
    "plain.txt": STORY.encode("utf-8"),
    "bom_crlf.txt": codecs.BOM_UTF8 + STORY.replace("\n", "\r\n").encode("utf-8"),
    "utf16.txt": codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
    "windows.txt": STORY.encode("cp1252"),
    "notes.md": ("# Harbour *Bridge* Vote\n\n" + STORY.split("\n\n", 1)[1]).encode("utf-8"),
}
BAD = {
    "image.txt": png_bytes(),
    "archive.txt": zip_bytes(),
    "document.txt": pdf_bytes(),
    "zeros.txt": b"\x00" * 4096,
    "empty.txt": b"",
    "blank.md": b"  \n\n\t\n",
    "scripts.html": b"<html><head><script>alert(1)</script><style>p{}</style></head></html>",
}


def test_cli_folder_with_good_and_bad_files(tmp_path, capsys, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in {**GOOD, **BAD}.items():
        (folder / name).write_bytes(data)
    (folder / "page.html").write_bytes((DATA / "article.html").read_bytes())
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    for name in BAD:
        assert f"{name}: cannot read" in err, name
    good = {*GOOD, "page.html"}
    assert not any(f"{name}: cannot read" in err for name in good)
    for table in COLUMNS:
        rows = read_csv(out / f"{table}.csv")
        assert {r["article"] for r in rows} == good, table


def test_cli_survives_an_article_that_breaks_the_engine(tmp_path, capsys, nlp, monkeypatch):
    import analysis.corpus.batch as batch

    real = batch.analyze_parsed

    def fragile(parsed):
        if parsed.article.name == "breaks.txt":
            raise RuntimeError("engine bug")
        return real(parsed)

    monkeypatch.setattr(batch, "analyze_parsed", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "breaks.txt").write_bytes(STORY.encode("utf-8"))
    (folder / "good.txt").write_bytes(STORY.encode("utf-8"))
    out = tmp_path / "out"
    status = main([str(folder), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert status == 1
    assert "breaks.txt: analysis failed: RuntimeError: engine bug" in err
    assert {r["article"] for r in read_csv(out / "paragraphs.csv")} == {"good.txt"}


def test_a_stray_nul_at_the_end_of_a_good_article_is_dropped_not_refused():
    story = STORY.encode("utf-8")
    assert text_from_bytes(story + b"\x00", "story.txt") == text_from_bytes(story, "story.txt")
    assert text_from_bytes(b"Headline\n\nShort.\x00", "short.txt") == "Headline\n\nShort."
    with pytest.raises(ArticleError, match="binary"):
        text_from_bytes(b"\x00\x01\x02binary\x00" * 50, "c.txt")
    with pytest.raises(ArticleError, match="no text"):
        text_from_bytes(b"\x00", "nul.txt")


def test_long_paragraphs_are_parsed_a_few_at_a_time():
    """spaCy's memory grows with the text parsed together: batches hold at most BATCH_CHARS
    characters (and always one paragraph), in order."""
    from analysis.pipeline.nlp import BATCH_CHARS, _batches

    texts = ["x" * 20_000] * 5 + ["short"] * 3 + ["y" * (BATCH_CHARS + 1)]
    batches = _batches(texts, 64, BATCH_CHARS)
    assert [t for b in batches for t in b] == texts
    assert all(sum(map(len, b)) <= BATCH_CHARS or len(b) == 1 for b in batches)
    assert len(_batches(["a"] * 130, 64, BATCH_CHARS)) == 3
