"""A word alone that is both a person's surname and the first word of a body's name:
"Tillery" where the article names Lamar Tillery and Tillery Institutional Foods, the
company he founded; "Thalbeck" for Clemens Thalbeck and Thalbeck Porzellan.

The text decides where it can. A pronoun that follows the word in its sentence, outside
quotation marks, tells a body ("Tillery said ... that it would", "Thalbeck said its shop")
from a person ("Ford said he"). Failing one, the word is the person's once the article
has named the person in full, and the body's while only the body has been named
("Tillery's lawyer" before Lamar Tillery is named).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spans import Mention

_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’]|$)|\n")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_PRONOUN = re.compile(r"\b(it|its|itself|he|she|his|her|him|himself|herself)\b", re.IGNORECASE)
_BODY_PRONOUNS = frozenset({"it", "its", "itself"})
_WINDOW = 240  # characters after the word read for its pronoun


def bodies_for_words(mentions: list[Mention], names: list[str], text: str,
                     person: set[str], body: set[str]) -> dict[int, str]:
    """Mention index -> the body a one-word mention stands for, where its word is the
    surname of a `person` (names of people in full) and the first word of exactly one of
    the `body` names (organisations' names of several words) and the text says it is the
    body's (see the module's docstring)."""
    openers: dict[str, set[str]] = {}
    for n in body:
        openers.setdefault(n.split()[0], set()).add(n)
    surnames = {n.split()[-1]: n for n in person if " " in n}
    first_seen: dict[str, int] = {}
    for m, n in zip(mentions, names):
        first_seen.setdefault(n, m.start)
    out: dict[int, str] = {}
    for i, (m, n) in enumerate(zip(mentions, names)):
        if " " in n or m.sure and m.label == "PERSON" or len(openers.get(n, ())) != 1 or n not in surnames:
            continue
        owner = next(iter(openers[n]))
        # "Thalbeck's chief executive said he": the pronoun is the executive's
        pronoun = None if text[m.end:m.end + 2] in ("'s", "’s") else _pronoun_after(text, m.end)
        if pronoun is not None:
            if pronoun in _BODY_PRONOUNS:
                out[i] = owner
            continue
        person_at, body_at = first_seen[surnames[n]], first_seen[owner]
        if person_at > m.start and (body_at < m.start or body_at < person_at):
            out[i] = owner  # named as the body's before the person's full name is
    return out


def _pronoun_after(text: str, end: int) -> str | None:
    """The first pronoun of a person or a thing after `end` in its sentence, outside
    quotation marks, in lower case."""
    rest = _QUOTED.sub(" ", text[end:end + _WINDOW])
    stop = _SENTENCE_END.search(rest)
    found = _PRONOUN.search(rest, 0, stop.start() if stop else len(rest))
    return found.group(1).lower() if found else None
