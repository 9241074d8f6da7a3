"""What a person is known as: "Chileshe Mumba, a widow known in the village as Bana
Mwenya", "Anselmo Fuenzalida, known in the cove as don Anselmo", "Ray 'Sugar' Lane, nicknamed
Sugar", "Domingos Sarmento Ximenes, better known by his resistance name 'Lafaek Metan'",
"Nazih Kassab, who has run the generator ... and whom everyone in the village calls Abu
Rami". The name after "known as" (or "nicknamed", "dubbed", "known by his ... name", "whom
... calls") is another name of the person named just before it, in the same sentence,
and goes to that person.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spans import Mention

# ", a widow known in the village as Bana Mwenya": the person's own phrase, then the name,
# after at most one lower-case word of address ("don", "auntie")
_KNOWN_AS = re.compile(
    r"(?:known(?:\s+(?:in|to|by|around|among|across)\s+[^,.;:!?\"“”]{1,40}?)?\s+as|nicknamed|dubbed"
    r"|known\s+by\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?name"  # "better known by his resistance name"
    r"|whom\s+[^,.;:!?\"“”]{1,40}?\s+calls?)\s+"  # "whom everyone in the village calls Abu Rami"
    r"(?:(?!the\b|a\b|an\b)[a-zà-ÿ]+\s+)?['‘\"“]?([A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})")
_REACH = 160  # characters from the end of the person's name to "known" (or to "whom", after a clause)
# what stands between: the name's own aside (", a widow ", ", 63, "), not a clause of its
# own ("Smith said the programme known as Medicaid")
_ASIDE = re.compile(r"\s*[,(]\s*(?:(?:a|an|the|who\s+is|now)\s+)?(?:[\w'’-]+\s+){0,3}?(?:\d{1,3},\s*)?"
                    r"|\s*,\s*(?:better\s+)?"  # ", better known by ..."
                    r"|\s*,\s*who\s+[^.;:!?\"“”()]{1,100}?\s+and\s+")  # ", who has run ... and " before "whom"


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
