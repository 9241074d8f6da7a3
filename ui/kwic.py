"""Keyword in context: where a word or phrase occurs in the article, with the words around it.

Plain Python and pandas, no Streamlit: the Text tab shows the table and `article_html`
marks the same matches with `pattern`.
"""
from __future__ import annotations

import re
from collections.abc import Collection

import pandas as pd

from .fmt import code

WIDTH = 60  # characters of context on each side, before cutting back to a whole word
APOSTROPHES = "'’‘ʼ"  # a reader types the straight one; articles mostly use the curly one
COLUMNS = ["paragraph", "start", "end", "left", "match", "right", "quoted", "speaker"]
NO_SPEAKER = "no speaker found"


def pattern(query: str) -> re.Pattern[str] | None:
    """A regular expression finding `query` as typed (None for a blank query).

    The query is taken literally, case aside: any apostrophe matches any apostrophe, any
    run of white space any run of white space, and it matches whole words at its edges,
    so "war" finds "War" and "war's" but not "award" or "wars".
    """
    words = query.split()
    if not words:
        return None
    body = r"\s+".join(_literal(word) for word in words)
    head = r"(?<!\w)" if re.match(r"\w", words[0][0]) else ""
    tail = r"(?!\w)" if re.match(r"\w", words[-1][-1]) else ""
    return re.compile(head + body + tail, re.IGNORECASE)


def _literal(word: str) -> str:
    return f"[{APOSTROPHES}]".join(re.escape(part) for part in re.split(f"[{APOSTROPHES}]", word))


def find(paragraphs: pd.DataFrame, quotes: pd.DataFrame, query: str, *,
         only: Collection[int] | None = None, width: int = WIDTH) -> pd.DataFrame:
    """One row per match of `query` in the paragraphs, in reading order.

    Columns: `paragraph` (0-based, as in the tables), `start`/`end` (offsets into the
    article, end exclusive), `left` and `right` (about `width` characters of the paragraph
    either side, cut at a word, "…" where cut), `match` (as the article writes it), and
    `quoted`/`speaker` when the match falls in a quote (speaker "" if none was found).

    Args:
        only: paragraph numbers to search (None: all).
    """
    rx = pattern(query)
    rows = paragraphs if only is None else paragraphs[paragraphs["paragraph"].isin(only)]
    if rx is None:
        return pd.DataFrame(columns=COLUMNS)
    by_para: dict[int, list[dict]] = {}
    for q in quotes.to_dict("records"):
        by_para.setdefault(int(q["paragraph"]), []).append(q)
    found = []
    for p in rows.to_dict("records"):
        text, base, number = str(p["text"]), int(p["start"]), int(p["paragraph"])
        for m in rx.finditer(text):
            quote = _quote_at(by_para.get(number, []), base + m.start(), base + m.end())
            found.append({"paragraph": number, "start": base + m.start(), "end": base + m.end(),
                          "left": closing(text[: m.start()], width), "match": m.group(),
                          "right": opening(text[m.end():], width), "quoted": quote is not None,
                          "speaker": _speaker(quote)})
    return pd.DataFrame(found, columns=COLUMNS)


def closing(text: str, width: int) -> str:
    """The last `width` or so characters of `text` on one line, from a whole word ("…" where cut)."""
    text = text.replace("\n", " ")
    if len(text) <= width:
        return text
    start = len(text) - width
    if text[start - 1] != " ":
        space = text.find(" ", start, len(text) - 1)
        start = space + 1 if space >= 0 else start
    return "…" + text[start:]


def opening(text: str, width: int) -> str:
    """The first `width` or so characters of `text` on one line, to a whole word ("…" where cut)."""
    text = text.replace("\n", " ")
    if len(text) <= width:
        return text
    end = width if text[width] == " " else text.rfind(" ", 1, width)
    return text[: end if end > 0 else width] + "…"


def _quote_at(quotes: list[dict], start: int, end: int) -> dict | None:
    """The first quote that overlaps [start, end)."""
    return next((q for q in quotes if int(q["start"]) < end and start < int(q["end"])), None)


def _speaker(quote: dict | None) -> str:
    speaker = quote.get("speaker") if quote else None
    return speaker if isinstance(speaker, str) else ""


def shown(hits: pd.DataFrame) -> pd.DataFrame:
    """The matches as the Text tab lists them: paragraphs numbered from 1, as beside the
    article, and who is quoted where a match is in a quote."""
    speaker = [(s or NO_SPEAKER) if q else "" for q, s in zip(hits["quoted"], hits["speaker"], strict=True)]
    return pd.DataFrame({"paragraph": hits["paragraph"].astype(int) + 1, "left": hits["left"],
                         "match": hits["match"], "right": hits["right"], "speaker": speaker})


def count_text(hits: pd.DataFrame, query: str, *, searched: int | None = None) -> str:
    """'3 matches in 2 paragraphs.' or 'No match for `war`.'; given `searched`, the number of
    paragraphs the filters show, it says so. The query is shown as code: whatever was
    typed stays text, never Markdown."""
    shown = f"the {_many(searched, 'paragraph')} shown" if searched is not None else ""
    if not len(hits):
        return f"No match for {code(query.strip())}{' in ' + shown if shown else ''}."
    found = f"{_many(len(hits), 'match', 'matches')} in {_many(hits['paragraph'].nunique(), 'paragraph')}"
    return f"{found}, searching {shown}." if shown else f"{found}."


def _many(n: int, one: str, more: str | None = None) -> str:
    return f"{n} {one if n == 1 else more or one + 's'}"
