"""The roles an article gives its people, so "the judge said" names the judge.

"Judge Eleanor Vance", "Health Minister Imogen Reilly", "Andrea Fulton, Corvane's chief
executive" and "the coach, Marisol Duarte" each tie a role noun to a person. Appositions
are dependency patterns, matched with spaCy's DependencyMatcher over each paragraph; a
role written before a name is the noun right before the mention (the parser often
misreads "Head coach Marisol Duarte"). A later "the minister" or "Corvane's chief
executive" goes to the latest person the article gave that role.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.attrs import DEP, POS
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..entities.mentions import Named
from ..lexicon import HONORIFICS_AFTER, LOCAL_OFFICES, OCCUPATIONS, TITLES, names_a_person
from ..pipeline.nlp import Parsed, holds, tokens_where, word_ids

PATTERNS = {
    # "Andrea Fulton, Corvane's chief executive"
    "name, role": [{"RIGHT_ID": "name", "RIGHT_ATTRS": {"POS": "PROPN"}},
                   {"LEFT_ID": "name", "REL_OP": ">", "RIGHT_ID": "role",
                    "RIGHT_ATTRS": {"DEP": "appos", "POS": "NOUN"}}],
    # "the coach, Marisol Duarte"; "the chief executive, Andrea Fulton"
    "role, name": [{"RIGHT_ID": "role", "RIGHT_ATTRS": {"POS": "NOUN"}},
                   {"LEFT_ID": "role", "REL_OP": ">", "RIGHT_ID": "name",
                    "RIGHT_ATTRS": {"DEP": "appos", "POS": "PROPN"}}],
    # "The town's MP, Marnie Carbery"; "The Municipal Chief Executive, Kwame Boakye-Dankwa"
    "title, name": [{"RIGHT_ID": "role", "RIGHT_ATTRS": {"POS": "PROPN", "LOWER": {"IN": sorted(TITLES)}}},
                    {"LEFT_ID": "role", "REL_OP": ">", "RIGHT_ID": "name",
                     "RIGHT_ATTRS": {"DEP": "appos", "POS": "PROPN"}}],
}
_APPOS = word_ids(["appos"])  # every pattern needs an apposition
_VERB = word_ids(["VERB"])
# role nouns the entity model's label need not confirm: the name is a person's
_PERSON_ROLES = TITLES | OCCUPATIONS | LOCAL_OFFICES  # "Lickfork County Clerk Odessa Cornett"
# words that date a role rather than name it ("the former judge", "the new coach")
_TIME_WORDS = frozenset("former new current then acting interim outgoing incoming late longtime".split())
# words that make a role the second of its kind ("Deputy District Commissioner")
_UNDER = frozenset("deputy assistant vice associate under sub".split())
# words that say a role is no longer held
_PAST = frozenset("former ex retired then late".split())
_DETERMINERS = frozenset("the this that".split())
# family a pronoun owns: "her father, Mick Halloran, ... Her father said" is him
_KIN = frozenset("father mother husband wife son daughter brother sister grandfather grandmother uncle aunt".split())
_SPELLED_OUT = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
                "prof.": "professor", "supt.": "superintendent", "det.": "detective", "insp.": "inspector",
                "cllr": "councillor", "cllr.": "councillor", "cr": "councillor", "cr.": "councillor",
                "councilor": "councillor", "lt.": "lieutenant",
                # the same office by another name: "Rep. Dorian Wexcombe ... the congressman said"
                "congressman": "representative", "congresswoman": "representative",
                "justice": "judge",  # "Mrs Justice Philippa Gorringe ... The judge said"
                "col.": "colonel", "sgt.": "sergeant", "capt.": "captain", "adm.": "admiral"}


@dataclass(frozen=True)
class Role:
    offset: int  # article offset of the name
    name: str  # the person's canonical name
    label: str  # its entity label
    noun: str  # the role's head noun, lower case ("minister")
    words: frozenset[str]  # its modifiers, lower case ("prime"; "chief"; "cabinet")
    initials: str = ""  # its words' initials, in order ("MCE" for "Municipal Chief Executive")


def find_roles(parsed: Parsed, mentions: list[Named], mention_at: Callable[[int, int], Named | None],
               token_starts: list[list[int]]) -> list[Role]:
    """Every (person, role) the article states, in reading order. `mentions` is the
    mention layer in article order; `mention_at(start, end)` finds the one at article
    offsets; `token_starts[p]` are paragraph p's token offsets."""
    if not parsed.docs:
        return []
    roles: dict[tuple[int, str], Role] = {}

    def add(m: Named | None, role: Token, words: frozenset[str], before: list[Token]) -> None:
        noun = _noun(role)
        if m is None or role.tag_ in ("NNS", "NNPS") or noun in ("mr", "ms", "mrs", "dr"):
            return
        if m.label == "PERSON" or noun in _PERSON_ROLES and m.label not in ("GPE", "LOC", "FAC"):  # no place's
            initials = "".join(t.text[0] for t in [*before, role] if t.text[:1].isupper())
            roles.setdefault((m.start, noun), Role(m.start, m.entity, m.label, noun, words,
                                                   initials if len(initials) >= 2 else ""))

    for m in mentions:  # "Judge Eleanor Vance", "Prairie Kings coach Walt Jeffries"
        p = m.paragraph
        role = _role_before(parsed.docs[p], token_starts[p], m.start - parsed.offset(p, 0))
        if role is not None:
            before = _words_before(role)
            add(m, role, frozenset(t.lemma_.lower() for t in before), before[::-1])
    text = parsed.article.text
    for m in mentions:  # "Minister of Home Affairs Kerwin Gollop", "Mayor of Kaldrica Ivana Grgurević"
        office = _OFFICE_OF.search(text, max(0, m.start - 90), m.start) if m.label == "PERSON" else None
        noun = office.group(1).lower() if office is not None else ""
        if noun in TITLES and noun not in ("mr", "ms", "mrs", "dr"):
            noun = _SPELLED_OUT.get(noun, noun)
            roles.setdefault((m.start, noun), Role(m.start, m.entity, m.label, noun, frozenset()))
    matcher = _apposition_matcher(parsed.docs[0].vocab)
    for p, doc in enumerate(parsed.docs):  # "Andrea Fulton, Corvane's chief executive"
        base = parsed.offset(p, 0)
        for match_id, (a, b) in matcher(doc) if holds(doc, DEP, _APPOS) else ():
            name, role = (doc[a], doc[b]) if doc.vocab.strings[match_id] == "name, role" else (doc[b], doc[a])
            add(mention_at(base + name.idx, base + name.idx + len(name)), role, _modifiers(role),
                [c for c in role.lefts if c.dep_ in ("compound", "amod")])
    for p, doc in enumerate(parsed.docs):  # "Ayanda Mqadi was testifying", "her father, Mick Halloran, was coaching"
        base = parsed.offset(p, 0)
        for verb in tokens_where(doc, (POS, _VERB)):
            noun = _VERB_ROLES.get(verb.lemma_.lower())
            subject = next((c for v in (verb, *(a for a in verb.children if a.dep_ == "aux")) for c in v.children
                            if c.dep_ == "nsubj"), None) if noun else None  # the parser may hang it on "was"
            for name in ([subject, *(c for c in subject.children if c.dep_ == "appos")] if subject else []):
                m = mention_at(base + name.idx, base + name.idx + len(name))
                if m is not None and m.label == "PERSON":
                    roles.setdefault((m.start, noun), Role(m.start, m.entity, m.label, noun, frozenset()))
                    break
    for m in mentions:  # "Ven. Pahalagama Dhammaloka Thero, said ... the Thero said": an honorific after the name
        doc, starts = parsed.docs[m.paragraph], token_starts[m.paragraph]
        i = bisect_left(starts, m.end - parsed.offset(m.paragraph, 0) + 1)
        if m.label == "PERSON" and i < len(doc) and doc[i].text in HONORIFICS_AFTER and doc[i - 1].whitespace_:
            roles.setdefault((m.start, doc[i].lower_), Role(m.start, m.entity, m.label, doc[i].lower_, frozenset()))
    return _counterparts(sorted(roles.values(), key=lambda r: r.offset))


# an office "of" or "for" what it serves, right before the holder's name
_OFFICE_OF = re.compile(r"\b([A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’&/-]*\s+(?:and\s+)?){1,6}"
                        r"(?:\([A-Z&]{2,8}\)\s+)?$")

# what doing something makes a person: "was testifying" is a witness, "was coaching" a coach
_VERB_ROLES = {"testify": "witness", "coach": "coach", "captain": "captain", "referee": "referee",
               "umpire": "umpire", "skipper": "skipper"}


def _counterparts(roles: list[Role]) -> list[Role]:
    """"Brackenmoor manager Ainsley Pennycook ... His Saltcote counterpart, Lewin
    Scarisbrick": a counterpart holds the role of the person named with one before,
    with the counterpart's own modifiers, so "the Saltcote manager" is Scarisbrick."""
    out: list[Role] = []
    for role in roles:
        if role.noun == "counterpart":
            other = next((r for r in reversed(out) if r.name != role.name and r.noun != "counterpart"), None)
            if other is not None:
                role = replace(role, noun=other.noun, initials="")
        out.append(role)
    return out


@cache
def _apposition_matcher(vocab: Vocab) -> DependencyMatcher:
    """PATTERNS compiled once per pipeline, not once per article (its keys outlive a
    memory zone it may be built in)."""
    matcher = DependencyMatcher(vocab)
    for key, pattern in PATTERNS.items():
        vocab.strings.add(key, allow_transient=False)
        matcher.add(key, [pattern])
    return matcher


def _role_before(doc: Doc, starts: list[int], char: int) -> Token | None:
    """The noun right before a name starting at paragraph character `char`: a common noun
    ("coach Walt Jeffries") or a title ("Judge Eleanor Vance")."""
    i = bisect_left(starts, char)
    if not 0 < i < len(doc) or starts[i] != char:
        return None
    before = doc[i - 1]
    if before.lower_.rstrip(".") in ("dr", "mr", "mrs", "ms", "prof", "hon", "h.e") and i >= 2:
        before = doc[i - 2]  # "District Superintendent Dr. Amos Pettijohn", "Ward MCA Hon Justus Kyalo": the role
    if before.text.rstrip(".").isalpha() and (  # "Gov." too
            before.pos_ == "NOUN" or (before.pos_ == "PROPN" and (before.lower_ in _PERSON_ROLES
                                                                   or names_a_person(before.lower_)))):
        return before
    return None


def _words_before(role: Token) -> list[Token]:
    """The role's own modifiers: up to two adjectives or nouns right before it ("Prime", "Head", "Health")."""
    doc, out = role.doc, []
    j = role.i - 1
    while j >= 0 and role.i - j <= 2 and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].is_alpha:
        out.append(doc[j])
        j -= 1
    return out


def _noun(tok: Token) -> str:
    low = tok.lemma_.lower()
    return _SPELLED_OUT.get(low, low)


def _modifiers(role: Token) -> frozenset[str]:
    return frozenset(c.lemma_.lower() for c in role.children if c.dep_ in ("compound", "amod"))


class Roles:
    """Looks up who holds a role noun at a point in the article."""

    def __init__(self, roles: list[Role]):
        self.roles = roles
        self.offsets = [r.offset for r in roles]
        self.nouns = {r.noun for r in roles}

    def holder(self, tok: Token, before: int, opening: bool = False,
               beside: frozenset[str] = frozenset()) -> Role | None:
        """The person a definite role subject ("the minister", "Corvane's chief
        executive") stands for: the latest one given that role before article offset
        `before`, whose role has every modifier the subject has. A bare title opening a
        sentence, as headlines and decks write them ("Senator from Texas says ..."), is
        the one the story goes on to give that role, if no one had it before; so is an
        indefinite one in the article's `opening` paragraphs ("sentenced by a judge who
        said ..." before "Justice Annelies Vroom said"), and so is a definite one there that
        no one held before, if the story gives the role to one person only. Of several
        holders, one of those `beside` it (the subject of the sentence before: "Mick
        Halloran was less certain. '...,' the coach said") comes first."""
        cut = bisect_left(self.offsets, before)
        if tok.text.isupper() and len(tok.text) >= 2 and any(c.lower_ == "the" for c in tok.children):
            # "the MCE said" after "The Municipal Chief Executive, Kwame Boakye-Dankwa"
            spelled = next((r for r in reversed(self.roles[:cut]) if r.initials == tok.text and r.name != tok.text),
                           None)  # not the acronym in brackets itself: "Regional Executive Officer (REO)"
            if spelled is not None:
                return spelled
        noun = _noun(tok)
        if noun not in self.nouns or tok.tag_ not in ("NN", "NNP"):  # "the prime minister" is often NNP
            return None
        if any(c.dep_ == "appos" and not c.like_num for c in tok.children):
            return None  # "Its chief executive, Marla Ostrowski, said": the name beside it speaks; not an age
        bare = tok.i == tok.sent.start and tok.text[:1].isupper() and not any(c.dep_ == "det" for c in tok.children)
        if opening and not bare and any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "poss"
                                        and c.lower_ in ("its", "their") for c in tok.children):
            return self._named_later(tok, noun, cut)  # "a judge", "its president": named further on
        if not bare and not any((c.dep_ == "poss" and (c.pos_ != "PRON" or noun in _KIN))
                                or (c.dep_ == "det" and c.lower_ in _DETERMINERS) for c in tok.children):
            return None  # "the minister", "Corvane's chief executive", "her father"; not "its chief executive"
        said = _modifiers(tok)
        words = said - _TIME_WORDS
        later = self.roles[cut:] if bare else []
        fits = [r for r in [*reversed(self.roles[:cut]), *later] if r.noun == noun and words <= r.words]
        if not words & _UNDER:  # "the commissioner" is the commissioner, not the deputy commissioner
            fits = [r for r in fits if not r.words & _UNDER] or fits
        if not said & _PAST:  # "the congresswoman" is the one in office, not "former state Rep. Clement Strawderman"
            fits.sort(key=lambda r: bool(r.words & _PAST))
        if not fits and opening:  # "with the Deputy Bailiff saying ..." before "the Deputy Bailiff, Rowland Pinel,"
            return self._named_later(tok, noun, cut)
        return next((r for r in fits if r.name in beside), fits[0] if fits else None)

    def _named_later(self, tok: Token, noun: str, cut: int) -> Role | None:
        """"a judge" in a lede: the one person the story names in that role further on."""
        if any(r.noun == noun for r in self.roles[:cut]):
            return None
        words = _modifiers(tok) - _TIME_WORDS
        fits = [r for r in self.roles[cut:] if r.noun == noun and words <= r.words]
        return fits[0] if fits and len({r.name for r in fits}) == 1 else None
