"""What a pronoun stands for: the article's subjects and named mentions in reading order
(the candidates), and the latest one before the pronoun that fits it. "he"/"she": a
person of that sex or unknown; "they": a group, a plural, or a body in its own sentence;
"it": an organisation.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from ..entities.canonical import ALIAS_OF, ORG_ENDINGS
from ..lexicon import GENDERED_NOUNS, GIVEN_NAMES, ORG_NOUNS, noun_kind
from ..pipeline.nlp import Parsed

PERSON_PRONOUNS = frozenset("he she him her".split())
GROUP_PRONOUNS = frozenset("they them".split())
THING_PRONOUNS = frozenset("it".split())
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
GROUP_LABELS = ("ORG", "GPE", "NORP")
# a quantifier standing alone for people the sentence before named ("Several said", "Two said")
BARE_QUANTIFIERS = frozenset("several many some most few others both two three four five six seven eight nine ten"
                             .split())


@dataclass(frozen=True)
class Candidate:
    offset: int
    name: str
    label: str
    plural: bool
    subject: bool
    paragraph: int
    sentence: int = -1
    reported: bool = False  # the subject of what someone is reported to say ("Furlong said Hegarty had ...")
    unnamed: bool = False  # one person the article does not name ("A nurse at the clinic, who asked not to be named")
    asked: bool = False  # the one a question was put to ("X asked Kimbrough whether ...")
    near: bool = False  # a subject for its own paragraph and the next only ("criticism from Des Fahey, who ...")


class Antecedents:
    """Looks back from a pronoun over one article's candidates (in reading order)."""

    def __init__(self, parsed: Parsed, candidates: list[Candidate], gender: dict[str, str],
                 in_quote: Callable[[int, int], bool] = lambda p, char: False):
        self.parsed = parsed
        self.in_quote = in_quote
        self.candidates = candidates
        self.offsets = [c.offset for c in candidates]
        self.gender = gender
        # subject pronouns that stand for someone other than the latest subject (see _as_before)
        self._turned: dict[tuple[int, int], Candidate] = {}
        self._resolved: set[tuple[int, Token]] = set()

    def of_pronoun(self, p: int, tok: Token) -> Candidate | None:
        """The candidate paragraph p's pronoun (or bare quantifier) `tok` stands for."""
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            other = "f" if low in ("he", "him") else "m"
            want = lambda c: _personish(c) and self._sex(c) != other  # noqa: E731
            at = self.parsed.offset(p, tok.idx)
            found = self.look_back(p, at, want)
            turned = self._answering(found, p, tok, want) or self._topic_since(found, p, want, _SAME_SEX[low]) \
                or self._known_sex_since(found, p, at, other) or self._as_before(found, p, tok)
            if turned is not None and tok.dep_ == "nsubj":
                self._turned[p, tok.i] = turned
            return turned or found
        elif low in GROUP_PRONOUNS or low in BARE_QUANTIFIERS:  # "Traders were unconvinced. Several said"
            sentence = self.parsed.sentence_id(p, tok.i)
            # "Clinton's campaign is seeking to contrast her approach with what they call ...": a body
            # named by its noun is "they" in the sentence whose subject it is; a place named in
            # passing is no "they" ("shootings in Chicago ... they published")
            # "Several said": several people, not several of a body ("the school")
            want = lambda c: ((c.plural or c.label in GROUP_LABELS) and (c.subject or c.label != "GPE") or (  # noqa: E731
                low in GROUP_PRONOUNS and c.subject and c.sentence == sentence and _body_noun(c))) \
                and not (low in BARE_QUANTIFIERS and c.label in ("ORG", "GPE"))
        elif low in THING_PRONOUNS:  # "The memo ... says the ads will air. It describes Wrexley as": a document too
            want = lambda c: c.label in ("ORG", "GPE") or _body_noun(c) or c.subject and (  # noqa: E731
                _document(c) or _unknown_body(c))
        else:
            return None
        return self.look_back(p, self.parsed.offset(p, tok.idx), want)

    def _as_before(self, found: Candidate | None, p: int, tok: Token) -> Candidate | None:
        """"She said it would not. '...,' she said.": the same pronoun as subject goes on with
        whoever the text made the last one stand for, where that was someone other than the
        latest subject (the one asked, the one the story turned to)."""
        if found is None or tok.dep_ != "nsubj":
            return None
        earlier = self._same_pronoun_before(found, p, tok)
        if earlier is None:
            return None
        if earlier not in self._resolved:
            self._resolved.add(earlier)
            self.of_pronoun(*earlier)
        return self._turned.get((earlier[0], earlier[1].i))

    def _same_pronoun_before(self, found: Candidate, p: int, tok: Token) -> tuple[int, Token] | None:
        """The latest subject pronoun of `tok`'s form before it, outside quotes, after `found`."""
        for q in range(p, max(found.paragraph, p - 2) - 1, -1):
            doc = self.parsed.docs[q]
            for t in reversed(doc[:tok.i] if q == p else doc):
                if self.parsed.offset(q, t.idx) <= found.offset:
                    return None
                if t.lower_ == tok.lower_ and t.dep_ == "nsubj" and not self.in_quote(q, t.idx):
                    return q, t
        return None

    def _answering(self, found: Candidate | None, p: int, tok: Token, want: Callable[[Candidate], bool]
                   ) -> Candidate | None:
        """"Sen. Clayborne Tappscott asked Solórzano-Arriola whether the fee would apply to
        geothermal plants. She said it would not.": the one asked, answering in the next
        sentence, where the one who asked is the latest subject and the pronoun fits the one
        asked at least as well ("Rep. Honoria Pettigrew asked Kimbrough whether ... He said")."""
        if found is None or tok.dep_ != "nsubj":
            return None
        sentence = self.parsed.sentence_id(p, tok.i)
        if found.sentence != sentence - 1:
            return None
        i = bisect_left(self.offsets, found.offset)
        asked = next((c for c in self.candidates[i + 1:i + 8] if c.asked and c.sentence == found.sentence), None)
        if asked is None or not want(asked) or self._sex(found) is not None and self._sex(asked) is None:
            return None
        return asked

    def _known_sex_since(self, found: Candidate | None, p: int, at: int, other: str) -> Candidate | None:
        """A person of the pronoun's sex named in its paragraph, before it and in a later
        sentence than `found`, who is of unknown sex ("Aguas Litoral Norte said ... For
        Fuenzalida's daughter, Javiera Fuenzalida Opazo, ... She said"): the one the text says
        is a he or a she. `found`'s own sentence stays its own ("Kelechi Ndukwe, who trained
        under Mr. X, said ... he said")."""
        if found is None or self._sex(found) is not None:
            return None
        lo = bisect_left(self.offsets, max(found.offset + 1, self.parsed.offset(p, 0)))
        hi = bisect_left(self.offsets, at)
        sentence = bisect_right(self._sentence_starts, found.offset)
        return next((c for c in reversed(self.candidates[lo:hi]) if c.label == "PERSON"
                     and self._sex(c) not in (None, other)
                     and bisect_right(self._sentence_starts, c.offset) > sentence), None)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        """The article offset where each sentence starts, in order."""
        return [self.parsed.offset(p, s.start_char) for p, s in self.parsed.sentences]

    def _sex(self, c: Candidate) -> str | None:
        """A person's sex as the article gives it, or an unnamed one's by the noun that
        describes them ("One woman in her eighties")."""
        if c.unnamed and c.name not in self.gender:
            return next((GENDERED_NOUNS[w] for w in c.name.lower().split() if w in GENDERED_NOUNS), None)
        return self.gender.get(c.name)

    def look_back(self, p: int, before: int, want: Callable[[Candidate], bool]) -> Candidate | None:
        """The latest subject within three paragraphs, else the latest mention in this
        paragraph or the one before, else the latest subject further back."""
        kind = self.parsed.kinds[p]
        i = bisect_left(self.offsets, before)
        window = [c for c in self.candidates[max(0, i - 60):i] if want(c) and _same_flow(kind, c, p, self.parsed)]
        subjects = [c for c in window if c.subject and (not c.near or p - c.paragraph <= 1)]
        if subjects and p - subjects[-1].paragraph <= 3:
            last = subjects[-1]
            if last.reported:  # "Furlong said Hegarty had earned a start. '...,' he said": Furlong
                return next((c for c in reversed(subjects) if not c.reported and c.paragraph == last.paragraph
                             and c.sentence == last.sentence), last)
            return last
        if window and p - window[-1].paragraph <= 1:
            return window[-1]
        return subjects[-1] if subjects else window[-1] if window else None


    def _topic_since(self, found: Candidate | None, p: int, want: Callable[[Candidate], bool],
                     pronouns: frozenset[str]) -> Candidate | None:
        """A person named since `found`'s paragraph, not as a subject, in a paragraph
        before p that goes on to call them by the pronoun ("For Hannah Ruddock, ... that is
        little comfort. Her first son was delivered ... after she arrived."), when that
        paragraph has no other subject it could mean and no such pronoun before the name
        ("She has faced ... his wife, Hillary Clinton": the one the story is about already):
        the one the story has turned to."""
        if found is None or found.paragraph >= p - 1:
            return None
        lo = bisect_left(self.offsets, self.parsed.offset(found.paragraph + 1, 0))
        hi = bisect_left(self.offsets, self.parsed.offset(p, 0))
        for c in reversed(self.candidates[lo:hi]):
            if c.subject or not want(c) or c.paragraph == p:
                continue
            same = [o for o in self.candidates[lo:hi] if o.paragraph == c.paragraph and o.subject and want(o)]
            local = c.offset - self.parsed.offset(c.paragraph, 0)
            called = [t.idx for t in self.parsed.docs[c.paragraph]
                      if t.lower_ in pronouns and not self.in_quote(c.paragraph, t.idx)]
            return c if not same and called and called[0] > local else None
        return None


_SAME_SEX = {"he": frozenset("he him his".split()), "him": frozenset("he him his".split()),
             "she": frozenset("she her hers".split()), "her": frozenset("she her hers".split())}


def _body_noun(c: Candidate) -> bool:
    """"the company", "Clinton's campaign": a body named by its noun, which "it" (and, in
    its own sentence, "they") may stand for."""
    words = c.name.split()
    return bool(words) and words[-1].lower() in ORG_NOUNS


def _unknown_body(c: Candidate) -> bool:
    """"Dawsonvale Earthmoving said ... It said": two or more capitalised words the model
    did not label, none a given name, not ending in a common noun for people or bodies
    ("Parish Residents"): a name, and not a person's."""
    words = c.name.split()
    return not c.label and len(words) >= 2 and all(w[:1].isupper() for w in words) \
        and not any(w.lower() in GIVEN_NAMES for w in words) and not noun_kind(words[-1].lower().rstrip("s"))


def _document(c: Candidate) -> bool:
    """"the memo", "a 2022 report": a source named by its noun, no entity."""
    words = c.name.split()
    return not c.label and bool(words) and noun_kind(words[-1].lower()) == "source"


def _personish(c: Candidate) -> bool:
    """A person, or a subject the small model labelled ORG that reads like a person's name
    ("Lawyer Petra Holm"): two to four capitalised words, none of them an organisation noun,
    nor a country's or a union of countries' name ("United Nations peacekeepers"); or one
    the article leaves unnamed ("A nurse at the clinic, who asked not to be named, said")."""
    if c.label == "PERSON" or c.unnamed:
        return True
    words = c.name.split()
    return (c.subject and c.label in ("ORG", "") and 2 <= len(words) <= 4 and c.name.lower() not in ALIAS_OF
            and all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.", w) for w in words)
            and not any(w.lower() in ORG_NOUNS | ORG_ENDINGS for w in words))


def _same_flow(kind: str, c: Candidate, p: int, parsed: Parsed) -> bool:
    """A caption's pronouns look back only within the caption; the body's skip captions."""
    if kind in ("caption", "credit"):
        return c.paragraph == p
    return parsed.kinds[c.paragraph] not in ("caption", "credit")
