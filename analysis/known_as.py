"""What a person is known as: "Chileshe Mumba, a widow known in the village as Bana
Mwenya", "Anselmo Fuenzalida, known in the cove as don Anselmo", "Ray 'Sugar' Lane, nicknamed
Sugar". The name after "known as" (or "nicknamed", "dubbed") is another name of
the person named just before it, in the same sentence, and goes to that person.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spans import Mention

# ", a widow known in the village as Bana Mwenya": the person's own phrase, then the name,
# after at most one lower-case word of address ("don", "auntie")
_KNOWN_AS = re.compile(
    r"(?:known(?:\s+(?:in|to|by|around|among|across)\s+[^,.;:!?\"“”]{1,40}?)?\s+as|nicknamed|dubbed)\s+"
    r"(?:(?!the\b|a\b|an\b)[a-zà-ÿ]+\s+)?['‘\"“]?([A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})")
_REACH = 90  # characters from the end of the person's name to "known"
# what stands between: the name's own aside (", a widow ", ", 63, "), not a clause of its
# own ("Smith said the programme known as Medicaid")
_ASIDE = re.compile(r"\s*[,(]\s*(?:(?:a|an|the|who\s+is|now)\s+)?(?:[\w'’-]+\s+){0,3}?(?:\d{1,3},\s*)?")


def known_as(mentions: list[Mention], names: list[str], text: str) -> dict[str, str]:
    """Another name -> the full name of the person the text says is known by it."""
    persons = [(m, n) for m, n in zip(mentions, names) if m.label == "PERSON" and " " in n]
    out: dict[str, str] = {}
    for hit in _KNOWN_AS.finditer(text):
        before = [(m, n) for m, n in persons if 0 <= hit.start() - m.end <= _REACH
                  and _ASIDE.fullmatch(text, m.end, hit.start())]
        alias = hit.group(1)
        if before and alias != before[-1][1]:
            out.setdefault(alias, before[-1][1])
    return out
