"""A word alone that is both a person's surname and the first word of a body's name:
"Tillery" where the article names Lamar Tillery and Tillery Institutional Foods, the
company he founded; "Thalbeck" for Clemens Thalbeck and Thalbeck Porzellan.

The text decides where it can. A pronoun opening what the word is reported to say tells a
body ("Tillery said in a statement that it would", "Thalbeck said its shop") from a person
("Ford said he"). Failing one, the word is the body's while only the body has been named,
if the article did not use the word alone before naming the body ("Tillery's lawyer"
before Lamar Tillery is named; not "Trump" in a headline before "Trump University"), and
the person's otherwise.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spans import Mention

# the word as the subject of a verb of saying, then the first pronoun of what it says:
# "Tillery said in a statement Tuesday evening that it would", "Ford, 54, says he"
_SAYS_PRONOUN = re.compile(
    r"(?:,[^,.;]{1,60},)?\s+(?:\w+ly\s+)?(?:said|says|told|added|stated|announced|argued|insisted|noted|wrote|"
    r"claimed|maintained|explained|warned|replied|responded)\b[^.;!?\"“”]{0,60}?\b(it|its|he|she|his|her)\b",
    re.IGNORECASE)
_BODY_PRONOUNS = frozenset({"it", "its"})


def bodies_for_words(mentions: list[Mention], names: list[str], text: str,
                     person: set[str], body: set[str]) -> dict[int, str]:
    """Mention index -> the body a one-word mention stands for, where its word is the
    surname of a `person` (names of people in full) and the first word of exactly one of
    the `body` names (organisations' names of several words) and the text says it is the
    body's (see the module's docstring)."""
    openers: dict[str, set[str]] = {}
    for n in body:
        openers.setdefault(n.split()[0], set()).add(n)
    surnames = {n.split()[-1]: n for n in person}
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
        if body_at < m.start < person_at and first_seen[n] > body_at:
            out[i] = owner  # "Tillery's lawyer": only the body named so far, and the word not used before it
    return out


def _pronoun_after(text: str, end: int) -> str | None:
    """The first pronoun of what a word ending at `end` is reported to say, in lower case."""
    found = _SAYS_PRONOUN.match(text, end)
    return found.group(1).lower() if found else None
