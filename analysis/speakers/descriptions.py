"""What an article says once about its people and bodies, read back by speaker resolution:
each person's sex ("Mr. Edwards", "Darcy Ruhland ... said he", a given name), the fuller
description of a common noun ("an inspection report", for a later "the report"), and the
nouns it describes organisations by ("TruthTally, a fact-checking site", for "the site").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from spacy.attrs import LOWER, POS
from spacy.tokens import Token

from ..entities.mentions import Named
from ..lexicon import GENDERED_NOUNS, GIVEN_NAMES, TITLE_SEX, noun_kind, sex_in_name
from ..pipeline.nlp import Parsed, tokens_where, word_ids
from ..quotes.cues import is_cue
from .noun_phrases import after_participle, described_after, left_modifiers, without_owner

# "Mrs Justice Gorringe", "Mr Justice Hale", "Ms Dr ...": a second title may stand between
_GENDER_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Dame|Lord|Madam|Mister)\.?\s+"
                           r"(?:(?:Justice|Judge|Dr|Doctor|Professor|Prof|Councillor|Cllr|Deputy)\.?\s+)?([A-Z][\w'’-]+)")

MentionAt = Callable[[int, int], "Named | None"]
_NOUN = word_ids(["NOUN"])
_HE_SHE = word_ids(["he", "she"])


def genders(parsed: Parsed, persons: set[str], mention_at: MentionAt,
            in_quote: Callable[[int, int], bool]) -> dict[str, str]:
    """"Mr. Edwards" is a man and "Ms Shah" a woman, wherever else the article names
    them, and so are "Shamsunnahar Begum" and "Rūta Žilinskaitė" (a word of the name
    tells), "Her husband, Réjean Thibodeau," and "Kirsteen Mowat, his daughter,";
    failing a title or such a noun, a person whose own report has "he" or "she" for its subject
    is that; failing both, "Donald Trump" and "Esther Kilonzo" go by their given names,
    so "she said" can skip him; other names stay open to either."""
    out: dict[str, str] = {}
    for hit in _GENDER_TITLE.finditer(parsed.article.text):
        m = mention_at(hit.start(2), hit.end(2))
        if m is not None:
            out.setdefault(m.entity, TITLE_SEX[hit.group(1).lower()])
    for name in persons:
        sex = sex_in_name(name)
        if sex is not None:
            out.setdefault(name, sex)  # "Shamsunnahar Begum, chairman of ...": the name outweighs the noun
    for name, sex in _named_by_relation(parsed, mention_at, in_quote):
        if name in persons:
            out.setdefault(name, sex)
    said: dict[str, set[str]] = {}
    for name, sex in _reported_pronouns(parsed, mention_at, in_quote):
        said.setdefault(name, set()).add(sex)
    for name, sexes in said.items():
        if len(sexes) == 1:  # "Arinze said she hoped" and "Arinze said he taught her": no telling
            out.setdefault(name, sexes.pop())
    for name in persons:
        sex = GIVEN_NAMES.get(name.split()[0].lower()) if " " in name else None
        if sex in ("m", "f"):
            out.setdefault(name, sex)
    return out


def _named_by_relation(parsed: Parsed, mention_at: MentionAt,
                       in_quote: Callable[[int, int], bool]) -> Iterator[tuple[str, str]]:
    """(name, sex) where a name stands in apposition to a noun that tells a sex, either
    way round: "Her husband, Réjean Thibodeau," and "Kirsteen Mowat, his daughter,"."""
    for p, doc in enumerate(parsed.docs):
        base = parsed.offset(p, 0)
        for tok in tokens_where(doc, (POS, _NOUN)):
            sex = GENDERED_NOUNS.get(tok.lower_)
            if sex is None or in_quote(p, tok.idx):
                continue
            names = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
                names.append(tok.head)
            for name in names:
                m = mention_at(base + name.idx, base + name.idx + len(name))
                if m is not None:
                    yield m.entity, sex


def _reported_pronouns(parsed: Parsed, mention_at: MentionAt,
                       in_quote: Callable[[int, int], bool]) -> Iterator[tuple[str, str]]:
    """(name, sex) where a person's report has "he" or "she" for its subject: "Darcy
    Ruhland, the fire chief, said he had told council" (whatever "Darcy" usually is).
    Most often the pronoun is the reporter; where one name gets both, neither counts."""
    for p, doc in enumerate(parsed.docs):
        base = parsed.offset(p, 0)
        for tok in tokens_where(doc, (LOWER, _HE_SHE)):
            clause = tok.head
            if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" \
                    or not is_cue(clause.head, indirect=True) or in_quote(p, tok.idx):
                continue
            subject = next((after_participle(c) for c in clause.head.children if c.dep_ == "nsubj"), None)
            # "Rowlands said he": a surname the tagger may take for a plural noun
            named = subject is not None and (subject.pos_ == "PROPN"
                                             or subject.tag_ == "NNS" and subject.text[:1].isupper())
            m = mention_at(base + subject.idx, base + subject.idx + len(subject)) if named else None
            if m is not None and m.label == "PERSON":
                yield m.entity, "m" if tok.lower_ == "he" else "f"


class Descriptions:
    """The article's descriptions of common nouns and of organisations, by lemma, in
    reading order, each looked up as the latest one before a point of the article."""

    def __init__(self, parsed: Parsed, mention_at: MentionAt):
        self._nouns: dict[str, list[tuple[int, str]]] = {}
        self._bodies: dict[str, list[tuple[int, Named]]] = {}
        for p, doc in enumerate(parsed.docs):
            base = parsed.offset(p, 0)
            for tok in tokens_where(doc, (POS, _NOUN)):
                fuller = _fuller(tok)
                if fuller is not None:
                    self._nouns.setdefault((tok.lemma_.lower(), tok.tag_), []).append((base + tok.idx, fuller))
                # "Wrexley's campaign committee, Wrexley for Michigan": the committee, and the campaign
                nouns = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                                and noun_kind(c.lemma_.lower()) == "organisation")]
                for name in _names_described(tok):
                    m = mention_at(base + name.idx, base + name.idx + len(name))
                    if m is not None and m.label == "ORG":
                        for noun in nouns:
                            self._bodies.setdefault(noun.lemma_.lower(), []).append((base + tok.idx, m))

    def fuller(self, tok: Token, before: int) -> str | None:
        """The latest fuller description of a noun before article offset `before`
        ("inspection report" for "the report"); none for a plural but documents' ("the
        authors" are not "the study's lead author"), whose fuller one is in the plural too."""
        if not _describable(tok):
            return None
        found = self._nouns.get((tok.lemma_.lower(), tok.tag_), [])
        i = bisect_left(found, (before, ""))
        return found[i - 1][1] if i else None

    def body(self, tok: Token, before: int) -> Named | None:
        """"the site said": the latest organisation the article described as a site."""
        found = self._bodies.get(tok.lemma_.lower(), [])
        i = bisect_left(found, before, key=lambda f: f[0])
        return found[i - 1][1] if i else None


def _fuller(tok: Token) -> str | None:
    """"inspection report" for a singular noun with words before it that describe it;
    "Democratic strategist involved in the recruitment effort" for an unnamed person."""
    after = described_after(tok)
    if not _describable(tok) or not after and not any(c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                                                 for c in tok.children):  # "A Ministry of Municipality official"
        return None
    words = [tok, *left_modifiers(tok), *after]
    text = without_owner(tok.doc[min(t.i for t in words):max(t.i for t in words) + 1], tok)
    if text.count("(") != text.count(")"):
        return None  # "the Vox Populi (Voice of the People) column": a name the parse cut in its brackets
    return text if text != tok.text else None


def _describable(tok: Token) -> bool:
    """A singular noun, or documents in the plural ("Federal Election Commission filings",
    then "the filings"), which a later mention of the noun alone stands for."""
    return tok.tag_ == "NN" or tok.tag_ == "NNS" and noun_kind(tok.lemma_.lower(), plural=True) == "source"


def _names_described(tok: Token) -> list[Token]:
    """The proper nouns a common noun describes: "TruthTally, a fact-checking site"; "the
    fact-checking site TruthTally" (the name right after the noun, however the parse hangs it)."""
    names = [tok.head] if tok.dep_ in ("appos", "compound") and tok.head.pos_ == "PROPN" else \
        [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and tok.whitespace_:
        names.append(doc[tok.i + 1])
    return names
