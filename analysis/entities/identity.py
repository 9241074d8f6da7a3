"""One name per person or organisation across articles.

Each article settles its own canonical names ("Donald J. Trump" in one, "Donald Trump" in
another, "Trump" in a third that never gives the first name; "S.E.C." and "Securities
and Exchange Commission"). Comparing articles needs one name for each: people match on
given name (or its usual short form) and surname, with middle names, initials and
"Jr." set aside, and a surname alone joins the one person of that surname; organisations
match on their words without dots and "the", and an acronym joins the name it spells.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from .canonical import initials

# usual short forms of given names, each to the long one
_SHORT_FORMS = {
    "joe": "joseph", "bill": "william", "will": "william", "mike": "michael", "bob": "robert", "rob": "robert",
    "jim": "james", "jimmy": "james", "tom": "thomas", "chris": "christopher", "dan": "daniel",
    "dave": "david", "ed": "edward", "ted": "edward", "tony": "anthony", "liz": "elizabeth",
    "beth": "elizabeth", "kate": "katherine", "katie": "katherine", "ben": "benjamin", "sam": "samuel",
    "steve": "steven", "matt": "matthew", "nick": "nicholas", "alex": "alexander", "andy": "andrew",
    "pat": "patrick", "rick": "richard", "dick": "richard", "chuck": "charles", "charlie": "charles",
    "jeff": "jeffrey", "greg": "gregory", "jon": "jonathan", "larry": "lawrence", "jerry": "gerald",
    "ron": "ronald", "don": "donald", "sue": "susan", "jen": "jennifer", "jenny": "jennifer",
    "meg": "margaret", "peggy": "margaret", "nancy": "ann", "tim": "timothy", "ken": "kenneth",
}
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_INITIAL = re.compile(r"^[A-Za-z]\.?$")


def corpus_names(names: Iterable[tuple[str, bool]]) -> dict[str, str]:
    """`names`: (name, is_person), once per article that names it. Returns each name's
    corpus name: the form most articles use among those that stand for the same one (ties:
    a person's shortest full name, an organisation's longest), or the name itself where
    nothing else matches."""
    seen = Counter(names)
    people = {n for n, person in seen if person}
    keys: dict[str, tuple] = {}
    for name, person in seen:
        keys[name] = _person_key(name) if person else _org_key(name)
    surnames: dict[str, set[tuple]] = defaultdict(set)
    for name in people:
        key = keys[name]
        if len(key) == 2:
            surnames[key[1]].add(key)
    for name in people:  # "Trump" alone, where the corpus has one Trump with a given name
        key = keys[name]
        if len(key) == 1 and len(surnames.get(key[0], ())) == 1:
            keys[name] = next(iter(surnames[key[0]]))
    spelled = {_fold(initials(n)): keys[n] for n, person in seen if not person and " " in n}
    for name, person in seen:  # "S.E.C." -> "Securities and Exchange Commission"
        if not person and " " not in name and keys[name][1] in spelled:
            keys[name] = spelled[keys[name][1]]
    groups: dict[tuple, set[str]] = defaultdict(set)
    uses: Counter = Counter()
    for (name, _), n in seen.items():
        groups[keys[name]].add(name)
        uses[name] += n
    out = {}
    for members in groups.values():
        person = bool(members & people)
        # ties: a person's plainest full name ("Donald Trump"), an organisation's fullest
        best = min(members, key=lambda m: (-uses[m], " " not in m, len(m) if person else -len(m), m))
        out.update((m, best) for m in members)
    return out


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _person_key(name: str) -> tuple:
    words = [w for w in _fold(name).replace("’", "'").split() if w not in _SUFFIXES]
    words = [w.strip(",") for w in words if not _INITIAL.match(w)]
    if not words:
        return ("person", _fold(name))
    if len(words) == 1:
        return (words[0],)
    return (_SHORT_FORMS.get(words[0], words[0]), words[-1])


def _org_key(name: str) -> tuple:
    text = re.sub(r"^the\s+", "", _fold(name)).replace(".", "")
    return ("org", re.sub(r"\s+", " ", text).strip())
