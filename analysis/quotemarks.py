"""Find quoted passages by their quote marks, paragraph by paragraph.

Handles straight and curly double quotes, British single quotes (with double quotes
nested inside), and quotes that run over several paragraphs (an opening mark at the
start of each paragraph, no closing mark until the last). Apostrophes (won’t, ’90s,
Jones’) are told apart from single quote marks by what stands on either side.
"""
from __future__ import annotations

from dataclasses import dataclass

_DOUBLE = "\"“”„«»"
_SINGLE = "'‘’‚"
_OPEN_BEFORE = set(" \t\n([{—–-/:;,")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage in one paragraph; offsets are paragraph-local.

    `start`/`end` cover the text between the marks; `open_at`/`close_at` are the marks'
    own positions (`close_at` is the paragraph length when the quote runs on).
    `runs_on`: no closing mark in this paragraph (the quote continues in the next).
    `continues`: this paragraph carries on a quote left open in the previous one.
    """
    paragraph: int
    open_at: int
    close_at: int
    start: int
    end: int
    runs_on: bool = False
    continues: bool = False


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before in _DOUBLE or before in _SINGLE) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _single_role(text: str, i: int) -> str:
    """'open', 'close' or '' (an apostrophe) for a single quote mark at i."""
    ch = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "‘‚" or (ch == "'" and _can_open(text, i)):
        return "open" if _can_open(text, i) and not after.isdigit() else ""
    if ch in "’'" and _can_close(text, i):
        return "close"
    return ""


def _double_role(text: str, i: int, inside_double: bool) -> str:
    ch = text[i]
    if ch in "“„«":
        return "open"
    if ch in "”»":
        return "close" if inside_double or not _can_open(text, i) else "open"
    return "close" if inside_double else "open"


def scan_paragraph(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """Top-level quote mark pairs (open, close) and the position of a mark left open.

    A stack of open marks: a closing mark closes the innermost open mark of its own kind
    (double or single); single closers that match nothing are apostrophes.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch in _DOUBLE:
            kind, role = "d", _double_role(text, i, bool(stack) and stack[-1][0] == "d")
        elif ch in _SINGLE:
            kind, role = "s", _single_role(text, i)
        else:
            continue
        if role == "close" and stack and stack[-1][0] == kind:
            _, at = stack.pop()
            if not stack:
                pairs.append((at, i))
        elif role == "close" and kind == "s" and len(stack) > 1 and stack[-2][0] == "s":
            stack.pop()  # an unmatched mark inside a single-quoted passage
            _, at = stack.pop()
            if not stack:
                pairs.append((at, i))
        elif role == "open":
            stack.append((kind, i))
    left = next((at for kind, at in stack if kind == "d" or at == 0), None)
    return pairs, left


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def find_quotes(texts: list[str]) -> list[list[QuoteSpan]]:
    """Quote spans of each paragraph, in order; empty passages are dropped."""
    out: list[list[QuoteSpan]] = []
    carried = False
    for p, text in enumerate(texts):
        pairs, left = scan_paragraph(text)
        spans = []
        for open_at, close_at in pairs:
            lo, hi = _trimmed(text, open_at + 1, close_at)
            if hi > lo:
                spans.append(QuoteSpan(p, open_at, close_at, lo, hi))
        runs_on = left is not None and all(left > c for _, c in pairs)
        if runs_on:
            lo, hi = _trimmed(text, left + 1, len(text))
            if hi > lo:
                spans.append(QuoteSpan(p, left, len(text), lo, hi, runs_on=True,
                                       continues=carried and left == 0))
        elif carried and spans and spans[0].open_at == 0:
            spans[0] = QuoteSpan(**{**spans[0].__dict__, "continues": True})
        carried = bool(spans) and spans[-1].runs_on
        out.append(spans)
    return out
