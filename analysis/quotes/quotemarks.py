"""Find quoted passages by their quote marks, paragraph by paragraph.

Handles straight and curly double quotes, British single quotes (with double quotes
nested inside), and quotes that run over several paragraphs (an opening mark at the
start of each paragraph, no closing mark until the last). Apostrophes (won’t, ’90s,
Jones’) are told apart from single quote marks by what stands on either side.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

_DOUBLE = "\"“”„«»"
_SINGLE = "'‘’‚"
_OPEN_BEFORE = set(" \t\n([{—–-/:;,")
_TWO_SINGLES = re.compile(r"''")
_LATER_CLOSER = re.compile(r"(?<=\S)[’'](?![\w])")
_INCHES = re.compile(r"\d['’]\d{1,2}\"")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage in one paragraph; offsets are paragraph-local.

    `start`/`end` cover the text between the marks; `open_at`/`close_at` are the marks'
    own positions (`close_at` is the paragraph length when the quote runs on).
    `runs_on`: no closing mark in this paragraph (the quote continues in the next).
    `continues`: this paragraph carries on a quote left open in the previous one.
    `answer`: an interview's answer set out as a transcript ("A: ..."), quoted by its label.
    """
    paragraph: int
    open_at: int
    close_at: int
    start: int
    end: int
    runs_on: bool = False
    continues: bool = False
    answer: bool = False


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before in _DOUBLE or before in _SINGLE) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _single_role(text: str, i: int, inside_single: bool) -> str:
    """'open', 'close' or '' (an apostrophe) for a single quote mark at i."""
    ch = text[i]
    after = text[i + 1] if i + 1 < len(text) else " "
    if inside_single and _plural_possessive(text, i):
        return ""
    if ch == "'" and inside_single and _can_close(text, i):
        return "close"
    if ch in "‘‚" or (ch == "'" and _can_open(text, i)):
        return "open" if _can_open(text, i) and not after.isdigit() else ""
    if ch in "’'" and _can_close(text, i):
        return "close"
    return ""


def _plural_possessive(text: str, i: int) -> bool:
    """"the players’ union" inside a single-quoted passage: an apostrophe, when a later
    mark can still close the passage."""
    if not (text[i - 1:i] == "s" and re.match(r" [a-z]", text[i + 1:i + 3])):
        return False
    later = _LATER_CLOSER.search(text, i + 1)
    return later is not None and not re.search(r"[.!?]\s", text[i:later.start()])


def _double_role(text: str, i: int, inside_double: bool, opened_low: bool = False) -> str:
    ch = text[i]
    if ch == "“" and opened_low:
        return "close"  # „German style“
    if ch in "“„«":
        return "open"
    if ch in "”»":
        return "close" if inside_double or not _can_open(text, i) else "open"
    if inside_double:
        return "close"
    # a straight mark that can only close, with nothing open, lost its opening mark
    return "" if _can_close(text, i) and not _can_open(text, i) else "open"


def _normalised(text: str) -> str:
    """The text with two-character marks made one mark of the same width: ''quote'' (a
    typewriter double quote) becomes “\0 or \0”; the inch mark of 6'3" is blanked."""
    text = _INCHES.sub(lambda m: m.group(0)[:-1] + "\0", text)
    return _TWO_SINGLES.sub(lambda m: "“\0" if _opens_pair(text, m.start()) else "\0”", text)


def _opens_pair(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return before in " \t\n([{—–-" and not after.isspace()


# where a quotation can open: after a sentence's end or a clause's comma or dash ("... on
# Tuesday. ‘I am asking"), not inside a phrase ("new ‘wellness’ field", a plural's apostrophe)
_SENTENCE_BEFORE = re.compile(r"[.!?:,;—–]['’\"”]?\s+$")


def scan_paragraph(text: str, *, carried_on: bool = False) -> tuple[list[tuple[int, int]], int | None]:
    """Top-level quote mark pairs (open, close) and the position of a mark left open.

    A stack of open marks: a closing mark closes the innermost open mark of its own kind
    (double or single); single closers that match nothing are apostrophes. A single mark
    left open counts where a quote plainly starts: opening the paragraph, after a colon,
    or as an opening mark (curly or straight) after a sentence's end when the next
    paragraph opens with a quote mark too (`carried_on`: a quotation running on, British
    style).
    """
    text = _normalised(text)
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch in _DOUBLE:
            top = stack[-1] if stack else None
            kind, role = "d", _double_role(text, i, top is not None and top[0] == "d",
                                           top is not None and text[top[1]] == "„")
        elif ch in _SINGLE:
            kind, role = "s", _single_role(text, i, bool(stack) and stack[-1][0] == "s")
        else:
            continue
        # a closer closes the innermost open mark of its kind; marks left open inside go: an
        # unmatched mark inside a single-quoted passage, single marks inside a double quote
        # ("'That's ridiculous,'" he added")
        closes = role == "close" and bool(stack) and (
            stack[-1][0] == kind or kind == "s" and len(stack) > 1 and stack[-2][0] == "s"
            or kind == "d" and any(k == "d" for k, _ in stack))
        if closes:
            while stack[-1][0] != kind:
                stack.pop()
            _, at = stack.pop()
            if not stack:
                pairs.append((at, i))
        elif role == "open":
            stack.append((kind, i))
    left = None
    if stack and (stack[0][0] == "d" or stack[0][1] == 0 or text[:stack[0][1]].rstrip().endswith(":")
                  or carried_on and text[stack[0][1]] in "‘'" and _SENTENCE_BEFORE.search(text, 0, stack[0][1])):
        left = stack[0][1]  # a single mark left open counts only where a quote plainly starts
    return pairs, left


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Without surrounding white space, or the second ' of a '' mark."""
    while lo < hi and (text[lo].isspace() or text[lo] == "'" and text[lo - 1] == "'"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] == "'" and text[hi:hi + 1] == "'"):
        hi -= 1
    return lo, hi


def find_quotes(texts: list[str]) -> list[list[QuoteSpan]]:
    """Quote spans of each paragraph, in order; empty passages are dropped."""
    out: list[list[QuoteSpan]] = []
    carried = False
    # the names an interview's questions are set out under: any that asks a question anywhere
    # ("Island Times: Some fishermen say three years is too long." before its "...?")
    askers = {m.group(1) for t in texts if t.rstrip().endswith("?") and (m := name_label(t)) is not None}
    for p, text in enumerate(texts):
        carried_on = p + 1 < len(texts) and texts[p + 1].lstrip().startswith(tuple(_SINGLE))
        pairs, left = scan_paragraph(text, carried_on=carried_on)
        if left == 0 and text[0] in _SINGLE and not carried_on:
            left = None  # "'Ofa Tu'ipulotu said": a name's glottal stop, where no quote carries on
        spans = []
        for open_at, close_at in pairs:
            lo, hi = _trimmed(text, open_at + 1, close_at)
            if hi > lo and text[open_at - 1:open_at] != "=":  # not an HTML attribute value
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
        answer = _ANSWER.match(text) if p and _QUESTION.match(texts[p - 1]) else None
        if answer is None and p:
            answer = labelled_answer(text, texts[p - 1], askers)
        if answer is not None and answer.end() < len(text.rstrip()):
            # "Q: Why horses?" then "A: My father did it.": the answer is quoted whole, marks and all
            spans = [QuoteSpan(p, 0, len(text), answer.end(), len(text.rstrip()), answer=True)]
            carried = False
        out.append(spans)
    return out


# an interview set out as a transcript: "Q: Why did you start?" then "A: My father did it."
_QUESTION = re.compile(r"Q[:.]\s+\S")
_ANSWER = re.compile(r"A[:.]\s+(?=\S)")


# the same with the parties' names: "Kyiv Independent: Why not ...?" then "Ostrovetska: The
# nearest one is ..."
_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):\s+(?=\S)")


def labelled_answer(text: str, before: str, askers: set[str]) -> re.Match | None:
    """The label of an answer set out under its speaker's name (group 1 is the name), right
    after a question set out under another name (a question, or anything said under a name
    that asks the article's questions: "Hungary Today: Residents say they were not
    consulted."); None for any other paragraph."""
    answer = name_label(text)
    question = _LABEL.match(before)
    if answer is None or question is None or question.group(1) == answer.group(1) \
            or not (before.rstrip().endswith("?") or question.group(1) in askers):
        return None
    return answer


def name_label(text: str) -> re.Match | None:
    """A paragraph's opening name and colon ("Ostrovetska: "), not a letter ("A: ")."""
    m = _LABEL.match(text)
    return m if m is not None and len(m.group(1)) >= 2 else None


def transcript_start(texts: list[str], p: int) -> int:
    """The first paragraph of the run of questions and answers that holds paragraph `p`."""
    while p > 0 and (_QUESTION.match(texts[p - 1]) or _ANSWER.match(texts[p - 1])):
        p -= 1
    return p


class QuotedRanges:
    """A paragraph's quoted char ranges [lo, hi), for look-ups by bisect rather than a scan
    of every range (a paragraph may hold hundreds of quotes)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        ranges = sorted(ranges)
        self._starts = [lo for lo, _ in ranges]
        self._reach = list(accumulate((hi for _, hi in ranges), max))  # furthest end so far

    def holds(self, char: int) -> bool:
        """Whether a range holds the character at `char`."""
        i = bisect_right(self._starts, char)
        return i > 0 and self._reach[i - 1] > char

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether a range shares a character with [lo, hi)."""
        i = bisect_left(self._starts, hi)
        return i > 0 and self._reach[i - 1] > lo
