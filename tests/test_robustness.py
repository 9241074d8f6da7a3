"""Robustness: what real-world input does to the engine, and the invariants every output keeps.

Property tests feed generated article-like text (quote marks of every kind, apostrophes,
CRLF, tabs, non-breaking and zero-width spaces, RTL text, emoji, combining marks, long
lines) to `analyze()`; plain tests cover awkward inputs and files one by one. A bug found
here is first recorded as a strict xfail; whoever fixes it removes the marker.
"""
from __future__ import annotations

import codecs
import csv
import io
import time
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import ArticleError, analyze, text_from_bytes
from analysis.export import csv_bytes
from analysis.reading.ingest import clean_markdown, split_paragraphs

from .invariants import FORMULA_START, assert_contract_columns, assert_csv_cells_cannot_run, assert_invariants

DATA = Path(__file__).parent / "data" / "robustness"
ARTICLES = Path(__file__).parent / "data" / "articles"

# Generous per-example deadline for a busy 2-core machine; it still catches runaway inputs.
PROPERTY = settings(max_examples=40, deadline=timedelta(seconds=10), database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CHEAP = settings(PROPERTY, max_examples=200)


# ---- generated article-like text ------------------------------------------------------

NAMES = ("Ana Ruiz", "Mayor Ana Ruiz", "Ruiz", "Dr. Lena Marsh", "Xi Jinping", "Chinese President Xi Jinping",
         "Zoë Ñúñez", "JOSÉ ÁLVAREZ", "the council", "Brightwave Ltd", "the BBC", "He", "She", "They",
         "a spokesperson", "O'Neill", "Ng", "محمد علي", "李明", "Zoe\u0308 N\u0303un\u0303ez")
CUES = ("said", "told reporters", "added", "says", "warned", "according to", "wrote", "insisted")
CLAUSES = ("we will appeal", "the bridge is a terrible idea", "I am very happy with the result",
           "it won't happen again", "prices rose 5% in the ’90s", "the Jones’ farm flooded",
           "=cmd|' /C calc'!A0", "+1 for the plan", "@SUM(A1:A2) is wrong", "\U0001F600 great news",
           "שלום עולם", "the café\u200b reopened", "he said ‘never again’ twice", "it is 6'3\" tall")
OPENS = ("“", '"', "‘", "'", "«", "„", "“‘", "")
CLOSES = ("”", '"', "’", "'", "»", "“", "’”", "")
SEPARATORS = (" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n\n\n", "\n \n", "\t", "\u00a0", "\u200b",
              "\u2028", "\n\u00a0\n")
ODD = ("😀", "👩‍👩‍👧", "🇺🇦", "שלום", "مرحبا", "e\u0301", "\u0301", "\u202e", "\u200f", "\ufeff", "İ", "ß", "ﬁ",
       "\x0b", "\x0c", "\x85", "\r", "\u3000", "—", "…", "''", "``")

name, cue, clause = st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(CLAUSES)
opening, closing = st.sampled_from(OPENS), st.sampled_from(CLOSES)
long_line = st.integers(200, 6000).map(lambda n: ("Ruiz said “a very long line” again " * (n // 30 + 1))[:n])
sentence = st.one_of(
    st.builds("{}{},{} {} {}.".format, opening, clause.map(str.capitalize), closing, name, cue),
    st.builds("{} {} that {}.".format, name, cue, clause),
    st.builds("{} {}: {}{}.{}".format, name, cue, opening, clause, closing),
    st.builds("{0}{2},{3} {4} {5}, {0}{1}.{3}".format, opening, clause, clause, closing, name, cue),
    clause.map(lambda c: c.upper() + "."),
    st.sampled_from(ODD),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    long_line,
)
paragraph = st.lists(st.tuples(sentence, st.sampled_from(SEPARATORS)), min_size=1, max_size=10).map(
    lambda parts: "".join(s + sep for s, sep in parts))
article_text = st.builds(
    "{}{}{}".format,
    st.sampled_from(("", "Council Votes On Bridge\n\n", "COUNCIL VOTES\n\n", "By Ann Lee\n\n", "Photo: AP\n\n")),
    st.lists(paragraph, min_size=1, max_size=5).map("\n\n".join),
    st.sampled_from(("", "\n\nReporting by Ann Lee; editing by Tom Fox",
                     "\n\nThe Associated Press contributed to this report.", "\n\nThe hall. Photo: Jane Doe/AFP")),
)
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


@pytest.mark.slow
@PROPERTY
@given(article_text)
def test_article_like_text_keeps_every_invariant(nlp, text):
    result = analyze(text, "generated.txt", nlp=nlp)
    assert_invariants(result)
    assert_csv_cells_cannot_run(result)


@PROPERTY
@given(any_text)
def test_arbitrary_unicode_keeps_every_invariant(nlp, text):
    assert_invariants(analyze(text, "generated.txt", nlp=nlp))


@CHEAP
@given(st.binary(max_size=400) | st.lists(st.sampled_from(
    [b"<html>", b"<p>", b"</p>", b"<script>", b"</script>", b"<style>", b"<!--", b"\x00", b"\xff\xfe", b"\r\n",
     b"<?xml version='1.0' encoding='utf-8'?>", b"&#0;", b"<title>", "“Hi,” she said. ".encode()]),
    max_size=30).map(b"".join), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_bytes_give_text_or_article_error(data, filename):
    try:
        text = text_from_bytes(data, filename)
    except ArticleError as exc:
        assert str(exc)
    else:
        assert text.strip() and "\r" not in text


# ---- generated Markdown and HTML files, through the file reader and the analysis ----------

MD_WRAPS = ("{}", "# {}", "## {}", "**{}**", "*{}*", "_{}_", "__{}", "**{}", "[{}](https://example.com/a)",
            "![{}](photo.jpg)", "[{}", "> {}", "- {}", "1. {}", "`{}`", "```\n{}\n```", "{} <br>", "| {} | x |",
            "{}\n---", "{}  ", "\\*{}\\*", "<span>{}</span>")
HTML_WRAPS = ("<p>{}</p>", "<div>{}</div>", "<h1>{}</h1>", "<blockquote>{}</blockquote>", "<p>{}", "{}<br>",
              "<a href='/x'>{}</a>", "<figure><img src='a.jpg'><figcaption>{}</figcaption></figure>",
              "<script>var s = '{}';</script>", "<style>p{{color:red}}</style>{}", "<!-- {} -->",
              "<li>{}</li>", "<table><tr><td>{}</td></tr></table>", "<em>{}</em>", "{}")
HTML_QUOTES = {"“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;", "’": "&#8217;", '"': "&quot;", "'": "&#39;"}


def as_html_entities(text: str) -> str:
    return "".join(HTML_QUOTES.get(ch, ch) for ch in text)


markdown_file = st.lists(st.builds(str.format, st.sampled_from(MD_WRAPS), sentence), min_size=1, max_size=12).map(
    "\n\n".join)
html_file = st.builds(
    "<html><head><title>{}</title></head><body><article>{}</article></body></html>".format,
    sentence,
    st.lists(st.builds(str.format, st.sampled_from(HTML_WRAPS), sentence.map(as_html_entities) | sentence),
             min_size=1, max_size=12).map("\n".join))
encoding = st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp1252"))


@pytest.mark.slow
@PROPERTY
@given(st.one_of(st.tuples(markdown_file, st.just("generated.md")), st.tuples(html_file, st.just("generated.html"))),
       encoding)
def test_markdown_and_html_files_keep_every_invariant_after_reading(nlp, document, codec):
    source, filename = document
    data = source.encode(codec, "replace")
    try:
        text = text_from_bytes(data, filename)
    except ArticleError as exc:  # a file with nothing to read is refused with a reason
        assert str(exc)
        return
    assert text.strip() and "\r" not in text
    result = analyze(text, filename, nlp=nlp)
    assert_invariants(result)
    assert_csv_cells_cannot_run(result)


BOMS = {"utf-8": b"", "utf-8-sig": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE}
printable = st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff") | st.sampled_from("\n\t ")


@CHEAP
@given(st.text(printable, max_size=200).filter(str.strip), st.sampled_from(sorted(BOMS)))
def test_unicode_files_with_crlf_decode_to_the_same_text_with_lf(text, codec):
    data = BOMS[codec] + text.replace("\n", "\r\n").encode(codec)
    assert text_from_bytes(data, "story.txt") == text


@CHEAP
@given(st.text(st.sampled_from("*_#>-=[]()!` \tab.\n"), max_size=120))
def test_markdown_cleanup_keeps_length_and_line_breaks(text):
    cleaned = clean_markdown(text)
    assert len(cleaned) == len(text)
    assert [i for i, c in enumerate(cleaned) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


@CHEAP
@given(st.lists(st.text(max_size=8), min_size=1, max_size=5))
@example(["\r="])  # a lone carriage return once ended the row, leaving "=" to start one
@example([" =1", "\n@x"])
def test_csv_cells_never_start_a_formula(cells):
    df = pd.DataFrame({"text": cells})
    rows = list(csv.reader(io.StringIO(csv_bytes(df).decode("utf-8"), newline="")))
    assert not any(row[0].startswith(FORMULA_START) for row in rows[1:] if row)


# ---- tiny, huge and many ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\r\n", "\u00a0 \t\n\u3000"], ids=repr)
def test_empty_or_blank_text_gives_empty_tables_with_every_column(nlp, text):
    result = analyze(text, "blank.txt", nlp=nlp)
    assert_contract_columns(result)
    assert all(df.empty for df in result.tables().values())


def test_one_word_is_one_paragraph_and_one_sentence(nlp):
    result = analyze("Hello", "one.txt", nlp=nlp)
    assert_invariants(result)
    assert list(result.paragraphs["text"]) == list(result.sentences["text"]) == ["Hello"]


@pytest.mark.slow
def test_one_megabyte_article_finishes(nlp, record_property):
    stories = "\n\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(ARTICLES.glob("*.txt"))
                          if "cp1252" not in p.name)
    text = ("\n\n".join([stories] * (1_000_000 // len(stories) + 1)))[:1_000_000]
    began = time.perf_counter()
    result = analyze(text, "megabyte.txt", nlp=nlp)
    seconds = time.perf_counter() - began
    record_property("megabyte_seconds", round(seconds, 1))
    print(f"1 MB article: {seconds:.1f} s, {len(result.paragraphs)} paragraphs, {len(result.quotes)} quotes")
    assert seconds < 300, "a 1 MB article should not take minutes"
    assert_invariants(result)


def test_two_thousand_paragraphs_are_numbered_in_order(nlp):
    text = "\n\n".join(f"Line {i} is here." if i % 50 else f"“Line {i} is here,” Ana Ruiz said."
                       for i in range(2000))
    result = analyze(text, "many.txt", nlp=nlp)
    assert_invariants(result)
    assert len(result.paragraphs) == 2000
    assert list(result.quotes["paragraph"]) == list(range(0, 2000, 50))


def test_one_line_article_longer_than_a_paragraph_may_be_is_cut_and_analysed(nlp):
    # paragraphs are cut at MAX_PARAGRAPH, so no line, however long, reaches spaCy's limit
    result = analyze("The council met again. " * 3_000, "one_line.txt", nlp=nlp)
    assert_invariants(result)
    assert len(result.paragraphs) == 4


# ---- quote marks --------------------------------------------------------------------

def test_unclosed_quote_stops_at_its_paragraph_end(nlp):
    text = ("Council Votes\n\nThe mayor said: “We will appeal the ruling and we expect to win.\n\n"
            "Other news: the library reopens on Monday, officials said.")
    result = analyze(text, "unclosed.txt", nlp=nlp)
    assert_invariants(result)
    direct = result.quotes[result.quotes["kind"] == "direct"]
    assert list(direct["quote"]) == ["We will appeal the ruling and we expect to win."]


def test_nested_quotes_stay_inside_the_outer_quote(nlp):
    text = "“I told him ‘never again’ and I meant it,” Ana Ruiz said.\n\n‘He said “no” to me,’ Tom Fox said."
    result = analyze(text, "nested.txt", nlp=nlp)
    assert_invariants(result)
    assert list(result.quotes["quote"]) == ["I told him ‘never again’ and I meant it,", "He said “no” to me,"]


@pytest.mark.parametrize("text", [
    "“We will appeal,’ Ana Ruiz said. \"It is unfair” Tom Fox said. «Non,\" said Marie Dubois.",
    "”Backwards,“ he said. ’Also backwards,‘ she said. \"\"\"Triple,\"\"\" they said.",
    "It's the Joneses' dog, 'tis said, and rock 'n' roll in the '90s, Ana Ruiz said.",
    "““Doubled,”” he said. “ Spaced ” she said. «Guillemets» and „low“ marks, Tom Fox said.",
], ids=["mismatched", "backwards", "apostrophes", "doubled"])
def test_mismatched_quote_marks_keep_every_invariant(nlp, text):
    assert_invariants(analyze(text, "marks.txt", nlp=nlp))


def test_one_giant_quote_is_one_quote_between_the_marks(nlp):
    body = "We will keep going no matter what they say. " * 60
    text = f"“{body.strip()}”"
    result = analyze(text, "giant.txt", nlp=nlp)
    assert_invariants(result)
    assert list(result.quotes["quote"]) == [body.strip()]


def test_quote_over_paragraphs_is_one_row_per_paragraph(nlp):
    text = "“We will keep going.\n\n“We will not stop.\n\n“We will win,” Ana Ruiz said."
    result = analyze(text, "chain.txt", nlp=nlp)
    assert_invariants(result)
    assert list(result.quotes["paragraph"]) == [0, 1, 2]
    assert set(result.quotes["speaker"]) == {"Ana Ruiz"}


# ---- names, case, scripts ----------------------------------------------------------------

def test_names_with_diacritics_keep_their_letters(nlp):
    text = ("Zoë Ñúñez met François Hollande and Søren Kierkegaard in Zürich. “C’est fini,” said Zoë Ñúñez. "
            "José Álvarez-Núñez said “no”.")
    result = analyze(text, "diacritics.txt", nlp=nlp)
    assert_invariants(result)
    assert {"Zoë Ñúñez", "José Álvarez-Núñez"} <= set(result.mentions["entity"])
    assert {"Zoë Ñúñez", "José Álvarez-Núñez"} <= set(result.speakers["speaker"])


def test_decomposed_diacritics_keep_offsets(nlp):
    text = "Zoe\u0308 N\u0303u\u0301n\u0303ez said “we will appeal.”\n\nZoe\u0308 N\u0303u\u0301n\u0303ez is the mayor."
    assert_invariants(analyze(text, "combining.txt", nlp=nlp))


def test_all_caps_article_still_finds_its_quotes(nlp):
    text = ("COUNCIL VOTES ON BRIDGE\n\nMAYOR ANA RUIZ SAID THE BRIDGE WOULD OPEN IN MAY. “WE ARE VERY HAPPY,” "
            "SHE SAID.\n\nTOM FOX, WHO LEADS THE OPPOSITION, SAID THAT THE PLAN WAS A TERRIBLE MISTAKE.")
    result = analyze(text, "caps.txt", nlp=nlp)
    assert_invariants(result)
    assert "WE ARE VERY HAPPY," in set(result.quotes["quote"])


def test_rtl_emoji_and_zero_width_text_keeps_offsets(nlp):
    text = ("\u202bשלום עולם\u202c, said Ana Ruiz 😀.\n\n“مرحبا بكم‎ in Port\u200bEllery,” Tom\u00a0Fox said. "
            "👩‍👩‍👧 families \ufeffcame.\n\n\u200f\u200e\u2066“Isolated,”\u2069 she added.")
    assert_invariants(analyze(text, "scripts.txt", nlp=nlp))


@pytest.mark.parametrize("space", ["\u3000", "\u2003"], ids=["ideographic", "em"])
def test_line_of_unicode_spaces_separates_paragraphs(space):
    text = f"First paragraph.\n\nSecond paragraph.\n{space}\nThird paragraph."
    assert [p.text for p in split_paragraphs(text)] == ["First paragraph.", "Second paragraph.", "Third paragraph."]
