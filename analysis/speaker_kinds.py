"""What kind of speaker a quote has: a person, an organisation, a group, or a source.

People, organisations and groups speak; documents, records, polls and studies are
sources ("according to emails", "the report said") and are listed apart from the
speakers compared. The kind comes from the entity label where the speaker is a named
entity, else from the head word the reporting cue attaches to in the parse.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from .attribution import GROUP_PRONOUNS, ORG_NOUNS, PERSON_PRONOUNS, THING_PRONOUNS
from .entities import OCCUPATIONS, TITLES

KINDS = ("person", "organisation", "group", "source")
# the comparison shows these; sources are listed apart
SPEAKING_KINDS = KINDS[:3]

_LABEL_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "FAC": "organisation",
                "LOC": "organisation", "NORP": "group"}

# Head nouns of things that are read, not heard.
SOURCE_NOUNS = frozenset("""
report document email e-mail record poll survey study data figure statement filing analysis database
memo letter website site post tweet book documentary film video footage transcript complaint lawsuit
indictment affidavit ruling order budget plan estimate research paper article story review audit
investigation inquiry census index chart map model forecast projection release notice sign message
note records documents emails polls surveys studies findings release bulletin announcement
ad advert advertisement commercial spot clip leaflet flyer brochure editorial column obituary
""".split())

# Singular nouns that stand for one person ("the minister said", "a neighbour said").
PERSON_NOUNS = (TITLES | OCCUPATIONS | frozenset("""
man woman person source aide adviser advisor expert critic supporter voter mother father parent child
son daughter wife husband teacher worker owner neighbour neighbor friend witness victim official
spokesman spokeswoman spokesperson representative member lawyer attorney economist researcher
scientist doctor manager organiser organizer campaigner resident protester protestor officer
mogul tycoon announcer narrator speechwriter questioner reader caller listener viewer relative surrogate
moderator interviewer host crowd audience chorus panel jury
""".split())) - {"state", "house", "senate", "foreign", "defense", "defence", "former", "late",
                  "majority", "minority", "vice", "prime", "executive"}


# a name after a title only people take ("he" and "she" are PERSON_PRONOUNS)
_TITLED = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Sir|Dame|Lady|Lord)\.?\s+[A-Z]"
                     r"|(?:Senator|Governor|Mayor|Councillor|President|Judge|Justice)\s+[A-Z]")


# a share of people or an indefinite one: "74 percent of voters said", "a majority", "one", "many"
_QUANTIFIERS = frozenset("percent % majority minority one many some most several few half third all both".split())


def kind_of_label(label: str) -> str | None:
    """The kind an entity label implies, or None for no label (or one that implies none)."""
    return _LABEL_KINDS.get(label or "")


def speaker_kind(doc: Doc, start: int, end: int, label: str = "") -> str:
    """The kind of the speaker whose words fill `doc`'s characters [start, end): from the
    entity label if it has one, else from the head word of those words."""
    from_label = kind_of_label(label)
    if from_label is not None:
        return from_label
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "person"
    head = span.root
    low, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
        if low in THING_PRONOUNS:
            return "organisation"
        return "group" if low in GROUP_PRONOUNS or low in ("we", "us") else "person"
    if any(c.dep_ == "conj" for c in head.children):
        return "group"  # "The U.S., Canada and Britain said", "Smith and Jones said"
    if head.pos_ == "PROPN":
        # a name the entity model missed is most often a person's; "Democrats" is a group
        return "group" if head.tag_ == "NNPS" else "person"
    if lemma in SOURCE_NOUNS or low in SOURCE_NOUNS:
        return "source"
    if lemma in ORG_NOUNS:
        return "organisation"
    if head.tag_ in ("NNS", "NNPS"):
        return "group"
    if lemma in _QUANTIFIERS:  # "one" of them is a person; "many", "most", "74 percent" are a group
        return "person" if lemma == "one" else "group"
    if lemma in PERSON_NOUNS:
        return "person"
    return "source"


def kind_of_speaker(label: str, row_kinds: Iterable[str], said_as: Iterable[str] = ()) -> str:
    """A speaker's kind over an article: a person wherever the article gives them away as
    one ("he said", "she added", "Sen. Rubio said", whatever label the entity model gave),
    else their entity label's, else the kind most of their quotes give (ties: person,
    organisation, group, source, in that order). `said_as`: the words each cue attached to."""
    if any(str(words).lower() in PERSON_PRONOUNS or _TITLED.match(str(words)) for words in said_as):
        return "person"
    from_label = kind_of_label(label)
    if from_label is not None:
        return from_label
    counts = Counter(k for k in row_kinds if k in KINDS)
    if not counts:
        return "person"
    return max(KINDS, key=lambda k: (counts[k], -KINDS.index(k)))
