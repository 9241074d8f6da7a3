"""Who a role noun that is a cue's subject stands for ("the minister said", "the coach
said"): the person the article gave that role (roles.py), the subject of the sentence
before first among several holders; failing one, for a title the headline or the lede
gives no one ("says health minister"), the person the next paragraphs first name as a
reporter ("Caroline Wetherall told MPs"), then and later. A role from a place ("the
senator from Sikeston") is the person the article named as from there."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from spacy.tokens import Token

from ..entities.mentions import Named
from ..lexicon import PERSON_TITLES, US_STATES, is_title, noun_kind, occupation
from ..pipeline.nlp import Parsed
from ..quotes.cues import is_cue
from .roles import Roles, find_roles

_COURTESY = "(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Hon|Rev|Sen|Rep|Gov|Cllr)"


_WHERE = re.compile(r"\b(?:for|in|of|at)\s+$")
# a member's party noun -> the letter after their name ("R-Fla.")
_PARTIES = {"republican": "R", "democrat": "D", "independent": "I"}


@cache
def _party_tag(party: str, place: str) -> re.Pattern:
    """", R-Fla." or " (R-Florida)" after a name: the party's letter and the state, written
    any of its ways; or another place (", D-Merced")."""
    if place not in US_STATES:
        return re.compile(rf",?\s*\(?{party}-{re.escape(place)}\b")
    forms = "|".join(re.escape(f) for f in (place, *US_STATES[place]))
    return re.compile(rf",?\s*\(?{party}-(?:{forms})(?![\w.])")


def _titles_only(between: str) -> bool:
    """Whether the words between a role and a name are titles only, or none ("the chief of
    Kpangbassou, Nanan Kouassi Ahoussou III")."""
    return all(is_title(w) for w in between.split())


# a legislator's title right before a name
_LEGISLATOR_BEFORE = re.compile(
    r"\b(?:Assembly(?:member|man|woman)|Sen\.|Senator|Rep\.|Representative|Del\.|Delegate|Congress(?:man|woman)"
    r"|Council(?:member|man|woman|lor)|Gov\.|Governor|Mayor|Supervisor|Commissioner|Speaker|Leader)\s+$")


class RoleHolders:
    """One article's role holders, looked up from a role noun subject."""

    def __init__(self, parsed: Parsed, mentions: list[Named], mention_at: Callable[[int, int], Named | None],
                 in_quote: Callable[[int, int], bool], token_starts: list[list[int]]):
        self.parsed = parsed
        self.mention_at = mention_at
        self.in_quote = in_quote
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._roles = Roles(find_roles(parsed, mentions, mention_at, token_starts))
        self._lede_holders: dict[str, Named | None] = {}
        # a noun -> the people named right after it, and where each is named
        self._named_after: dict[str, tuple[list[int], list[Named]]] = {}

    def holder(self, p: int, tok: Token) -> tuple[str, str] | None:
        """The (name, label) a role noun `tok` of paragraph p stands for, if any."""
        start = self.parsed.offset(p, tok.idx)
        # the headline and the first two sentences after it (a text may keep every paragraph on one line)
        opening = p <= 1 and self.parsed.sentence_id(p, tok.i) - self.parsed.sentence_id(p, 0) < 2
        local = self._from_place(tok, start) or self._party_of_state(tok, start)
        if local is not None:
            return local.entity, local.label
        role = self._roles.holder(tok, start, opening=opening, beside=self._subjects_before(p, tok))
        if role is not None:
            return role.name, role.label
        near = self._named_after_word(tok, start) or self._named_after_acronym(tok, start)
        if near is not None:
            return near.entity, near.label
        named = self._reporter_after_lede(p, tok) if opening else self._lede_holder(tok)
        return None if named is None else (named.entity, named.label)

    def _from_place(self, tok: Token, before: int) -> Named | None:
        """"The senator from Sikeston": the latest person named before as from that place
        ("Thora Vandeventer of Sikeston", "Sen. Perpetua Hollingshead, D-Hannibal")."""
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        place = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) \
            if prep is not None else None
        if place is None:
            return None
        name = tok.doc[min(t.i for t in place.subtree):place.i + 1].text
        of_place = re.compile(rf"(?: of |,? \(?[RDI]-){re.escape(name)}\b")
        text = self.parsed.article.text
        return next((m for m in reversed(self._mentions[:bisect_left(self._starts, before)])
                     if m.label == "PERSON" and of_place.match(text, m.end)), None)

    def _named_after_acronym(self, tok: Token, before: int) -> Named | None:
        """"Regional Executive Officer (REO) Sharmain Thom said ... the REO said", "The Local
        Unit Commander (LUC) for Rowuloma, ASP Santigie Wurie,": the person named within a
        few words after the acronym in brackets of a post (not of a body)."""
        if not (tok.text.isupper() and len(tok.text) >= 2 and any(c.lower_ == "the" for c in tok.children)):
            return None
        text = self.parsed.article.text
        at = text.rfind(f"({tok.text})", 0, before)
        office = text[max(0, at - 30):at].split()[-1:] if at > 0 else []
        if not office or not occupation(office[0].lower()):
            return None  # "the Rural Connectivity Office (RCO)" is a body, not its director
        m = next((m for m in self._mentions[bisect_left(self._starts, at):] if m.label == "PERSON"
                  and not _WHERE.search(text, max(0, m.start - 4), m.start)), None)  # not "(LUC) for Hastings"
        return m if m is not None and m.start < before and m.start - at < 60 else None

    def _named_after_word(self, tok: Token, before: int) -> Named | None:
        """"The community conservation warden for the park, Ms Annet Tusiime Ankunda, said
        ... But the warden said": where the parser missed the apposition that would have
        made a role of it, "the" and a person's noun is the latest person named within a few
        words after that noun ("The mayor of Lieskovany, Ľubomír Kolenčík, said")."""
        if tok.tag_ != "NN" or noun_kind(tok.lemma_.lower()) != "person" \
                or [c.lower_ for c in tok.lefts] != ["the"]:
            return None  # "the warden"; not "the report", "the police", nor "the Florida senator" (a Texan named)
        if tok.lower_ not in self._named_after:  # one pass over the text per noun: linear
            word = re.compile(rf"\b{re.escape(tok.lower_)}\b[^.;:!?,]{{0,40}},\s+(?:{_COURTESY}\.?\s+)?",
                              re.IGNORECASE)
            found = []
            for hit in word.finditer(self.parsed.article.text):
                i = bisect_left(self._starts, hit.end())
                m = self._mentions[i] if i < len(self._mentions) else None
                if m is not None and _titles_only(self.parsed.article.text[hit.end():m.start]) and m.label == "PERSON" \
                        and not self.in_quote(m.paragraph, m.start - self.parsed.offset(m.paragraph, 0)):
                    found.append(m)
            self._named_after[tok.lower_] = [m.start for m in found], found
        starts, found = self._named_after[tok.lower_]
        i = bisect_left(starts, before)
        return found[i - 1] if i else None

    def _party_of_state(self, tok: Token, before: int) -> Named | None:
        """"the Florida Republican said": the latest person named before with that party
        and state ("Rep. Valentina Oquendo, R-Fla.", "Sen. Cornelius Brinkerhoff (R-Miss.)"),
        or place ("D-Merced"); with no such tag, the latest person named with a legislator's
        title ("Assemblymember Rafaela Montemayor ... the Merced Democrat said"). The party
        is not checked then: an article that names members of two parties without tags may
        send the noun to the wrong one."""
        party = _PARTIES.get(tok.lemma_.lower())
        if party is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        state = " ".join(t.text for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod") and t.text[:1].isupper())
        tag = _party_tag(party, state) if state else None
        text = self.parsed.article.text
        earlier = self._mentions[:bisect_left(self._starts, before)]
        tagged = next((m for m in reversed(earlier) if m.label == "PERSON" and tag.match(text, m.end)), None) \
            if tag is not None else None
        if tagged is not None or tok.tag_ != "NNP":
            return tagged
        return next((m for m in reversed(earlier) if m.label == "PERSON"
                     and _LEGISLATOR_BEFORE.search(text, max(0, m.start - 30), m.start)), None)

    def _subjects_before(self, p: int, tok: Token) -> frozenset[str]:
        """The people who are named subjects of the nearest sentence before `tok`'s, in its
        paragraph, that has one outside quote marks (a quote's own sentences are passed over:
        "Whitter said ... “They will be back. ...,” the coach said")."""
        base = self.parsed.offset(p, 0)
        sent = tok.sent
        while sent.start > 0:
            sent = tok.doc[sent.start - 1].sent
            found = [self.mention_at(base + t.idx, base + t.idx + len(t)) for t in sent
                     if t.dep_ == "nsubj" and t.pos_ == "PROPN" and not self.in_quote(p, t.idx)]
            names = frozenset(m.entity for m in found if m is not None and m.label == "PERSON")
            if names or any(t.dep_ == "nsubj" and not self.in_quote(p, t.idx) for t in sent):
                return names
        return frozenset()

    def _lede_holder(self, tok: Token) -> Named | None:
        """"The minister said" further on: the person the headline's or lede's "health
        minister" stood for (see _reporter_after_lede), if no one was given the role since."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        noun = tok.lemma_.lower()
        if noun not in self._lede_holders:
            self._lede_holders[noun] = next(
                (m for q in range(min(2, len(self.parsed.docs))) for t in self.parsed.docs[q]
                 if t.lemma_.lower() == noun and self.parsed.sentence_id(q, t.i) - self.parsed.sentence_id(q, 0) < 2
                 and (m := self._reporter_after_lede(q, t)) is not None), None)
        return self._lede_holders[noun]

    def _reporter_after_lede(self, p: int, tok: Token) -> Named | None:
        """"... says health minister" and "The health minister has insisted ...", then
        "Caroline Wetherall told MPs ...": a title the headline or the lede gives no one
        is the person the next paragraphs first name, where that name opens its report
        and the article gives the person no other role."""
        noun = tok.lemma_.lower()
        if noun not in PERSON_TITLES or tok.tag_ not in ("NN", "NNP") \
                or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None
        after = self.parsed.offset(p, tok.idx + len(tok))
        m = next((m for m in self._mentions[bisect_left(self._starts, after):] if m.label == "PERSON"), None)
        if m is None or m.paragraph > p + 2 or m.paragraph == p \
                or any(n.entity == m.entity for n in self._mentions[:bisect_left(self._starts, after)]) \
                or any(r.name == m.entity and r.noun != noun for r in self._roles.roles):
            return None
        base = self.parsed.offset(m.paragraph, 0)
        doc = self.parsed.docs[m.paragraph]
        span = doc.char_span(m.start - base, m.end - base, alignment_mode="expand")
        head = span.root if span is not None else None
        reports = head is not None and head.dep_ == "nsubj" and is_cue(head.head, indirect=True) \
            and not self.in_quote(m.paragraph, head.idx)
        return m if reports else None
