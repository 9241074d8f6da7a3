"""Who a cue's subject is: named entities, pronouns, "the company", plain noun phrases.

A `Resolver` is built once per article from the parse and its mention layer; it keeps
the article's subjects in reading order so a pronoun looks back without rescanning.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.attrs import DEP, POS
from spacy.tokens import Token

from ..entities.canonical import ORG_ENDINGS
from ..entities.mentions import Named, mention_layer
from ..entities.missed_names import name_after_comma
from ..lexicon import (
    GENERIC_ORG_NOUNS,
    HONORIFICS_AFTER,
    JURISDICTIONS,
    NAME_NOUNS,
    ORG_NOUNS,
    PEOPLE_ENDINGS,
    PERSON_TITLES,
    TITLES,
    is_title,
    noun_kind,
    paternal_surname,
)
from ..pipeline.nlp import Parsed, tokens_where
from ..quotes.cues import INDIRECT_LEMMAS, noun_cue_speaker
from ..quotes.quotemarks import QuotedRanges
from .antecedents import BARE_QUANTIFIERS, GROUP_LABELS, PRONOUNS, Antecedents, Candidate
from .descriptions import Descriptions, genders
from .noun_phrases import (
    after_participle,
    described_after,
    described_between,
    gathered,
    has_conj,
    np_modifiers,
    of_whom,
    one_described,
    without_owner,
)
from .role_holders import RoleHolders
from .subjects import (
    NAMES_AND_NOUNS,
    NSUBJ,
    before_subjectless_verb,
    brought_in_by_who,
    introduced,
    name_before_letters,
    named_by,
    names_in,
    own_appositions,
    owned_document,
    speaks_in_relative,
    stranded_subject,
    unnamed_reporter,
    within_report,
)

# last words of a business's name: "the company" is one of these where the article names one
_FIRM_ENDINGS = frozenset("""
co co. inc inc. ltd ltd. limited corp corp. corporation company llc llp plc gmbh ag sa holdings industries
group systems partners technologies properties enterprises
kft kft. zrt zrt. nyrt nyrt. srl s.r.l. s.a. oy bv nv pty bhd
""".split())
# and of bodies that are no business: "the company" is not "Claybrook Taxpayers United"
_NO_FIRM_ENDINGS = frozenset("""
coalition association alliance committee council union society federation network campaign party foundation
institute league trust movement caucus united action county municipality
""".split())
# the same for "the club", "the team": "Brackenmoor United" before its supporters' trust
_CLUB_ENDINGS = frozenset("united fc afc city town rovers athletic wanderers rangers albion county club".split())
_CLUB_NOUNS = frozenset("club team side".split())
# bodies the article seldom names as such: "the campaign" is a candidate's, not the latest
# organisation named ("Black Women's Roundtable", a think tank quoted before)
_SELDOM_NAMED = frozenset(["campaign"])
# bodies whose names hold the word ("Mphathi Local Municipality", "Health and Safety
# Inspectorate"): "the municipality" is no other organisation the article named
_NAMED_BY_THE_WORD = frozenset("municipality inspectorate directorate secretariat tribunal legislature".split())
# nouns wire copy calls the person it follows by, once named ("the Republican front-runner")
_EPITHETS = frozenset("candidate nominee front-runner frontrunner hopeful contender billionaire mogul".split())
# nouns for a person that may stand for someone new rather than the one just named:
# a man or a woman, kin, an unnamed source, a member of a crowd, a voice of the show
_NEW_PERSON_NOUNS = frozenset("""
man woman person boy girl guy kid child teen teenager adult youth mother father parent son daughter wife husband
brother sister sibling cousin uncle aunt grandmother grandfather relative friend neighbour neighbor source
resident local citizen customer caller reader listener viewer crowd audience chorus panel jury staff crew
individual one spokesman spokeswoman spokesperson representative member insider youngster
announcer narrator host moderator interviewer questioner reporter
""".split())
# a body's voices named after it: "Department of ... spokesperson Roxanne Thériault"
_OFFICER_NOUNS = frozenset("spokesperson spokesman spokeswoman".split())
# nouns for a man or a woman of a nation, which sports and wire copy use for someone just named
_NATIONALITY_NOUNS = frozenset("""
dutchman dutchwoman frenchman frenchwoman englishman englishwoman irishman irishwoman scotsman scotswoman
welshman welshwoman scot dane swede finn pole czech spaniard portuguese swiss norwegian german italian
argentine argentinian brazilian australian kiwi canadian american kenyan nigerian ghanaian briton
""".split())
# prepositions of where someone is: "Democrats on Capitol Hill, who", "officials in Ohio, who"
_WHERE = frozenset("on in at from across around inside outside".split())

_MEMBER_NOUNS = frozenset("""
member spokesman spokeswoman spokesperson representative staff lawyer attorney
""".split())
# "WASHINGTON —", "LA CROSSE, Wisc. —", "LONDON (Reuters) -", "SINGAPORE, Dec 3 (Reuters) -",
# "TACLOBAN CITY—": a place in capitals, maybe its state, a date and a wire, opening a story;
# the parser often makes the place the first verb's subject
DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"
                      r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?"
                      r"|,\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)?"  # "DILI, 3 December 2026 (TATOLI)—"
                      r"\s*(?:\([\w .]+\))?\s*(?:(?:--|[―—–-])\s|[―—](?=[A-Z]))")
# "Rabat - Palm growers ... say", "Kaolack (PANA) - Horse-cart drivers": a city in title
# case, an agency in brackets, a spaced dash, then a capital
TITLE_DATELINE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s+[A-Z][\w.]*)?\s*(?:\([A-Z][\w .]*\)\s*)?"
                            r"(?:--|[―—–-])\s+(?=[A-Z])")
# "The Gap Goes On: It was under Mr. Ban's watch ...": a run-in heading, opened by an
# article or a question word so that it is never a speaker's name before a colon
RUN_IN = re.compile(r"^(?:The|A|An|Why|What|How|Where|When|Who)"
                    r"(?:\s+(?:[A-Z][\w'’-]*|of|the|a|an|and|on|in|to|for|with|at|by|is|are)){1,7}:\s+(?=[A-Z])")
_COMPANY_NOUNS = frozenset("company firm corporation business".split())
# the words of ORG_NOUNS a capital makes no name of: "Bank executives aren't" is no bank called
# "Bank" ("Congress", "the Senate", "Police" are the bodies themselves)
_MISREAD_NOUNS = ORG_NOUNS - frozenset("congress senate parliament kremlin cabinet police army military".split())
_PUBLIC_BODY_WORDS = frozenset("""
department ministry court council police parliament senate congress agency commission office committee
government authority regulator bureau service union association federation
sindicato sindicat syndicat gewerkschaft vakbond asociación associação federación federação confederación
""".split())  # unions and associations as Spanish, Portuguese, Catalan, French, German, Dutch name them
# "I" outside quote marks is the one writing (an op-ed, a first-person feature)
WRITER = "the writer"
_WRITER_PRONOUNS = frozenset(("i", "me"))


@dataclass(frozen=True)
class Speaker:
    """`name`: canonical entity or noun-phrase text; `start`/`end`: article offsets of
    the words the cue attaches to; `text`: those words; `label`: the entity label or ""."""
    name: str
    start: int
    end: int
    text: str
    label: str = ""


class Resolver:
    """Maps subject tokens to speakers for one article."""

    def __init__(self, parsed: Parsed, quoted: list[list[tuple[int, int]]]):
        self.parsed = parsed
        self._mentions = mention_layer(parsed)
        self._starts = [m.start for m in self._mentions]
        self._persons = {m.entity for m in self._mentions if m.label == "PERSON"}
        # each person's mentions, and each word written alone, by start: ("name", entity) and
        # ("alone", lower-case text) -> [(start, entity)], for _person_called
        self._person_starts: defaultdict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        for m in self._mentions:
            if m.label == "PERSON":
                self._person_starts["name", m.entity].append((m.start, m.entity))
                written = parsed.article.text[m.start:m.end]
                if " " not in written:
                    self._person_starts["alone", written.lower()].append((m.start, m.entity))
        self._quoted = [QuotedRanges(ranges) for ranges in quoted]
        self._gender = genders(parsed, self._persons, self.mention_at, self.in_quote)
        self._datelines = [_dateline(para.text, lede=k <= 2) for k, para in enumerate(parsed.article.paragraphs)]
        self.token_starts = [[t.idx for t in doc] for doc in parsed.docs]
        self._first_noun: dict[str, tuple[int, int] | None] = {}
        self._role_holders = RoleHolders(parsed, self._mentions, self.mention_at, self.in_quote, self.token_starts)
        self._described = Descriptions(parsed, self.mention_at)
        self._antecedents: Antecedents | None = None
        self._antecedents = Antecedents(parsed, self._collect_candidates(), self._gender, self.in_quote)

    # --- mentions -------------------------------------------------------------------
    def mention_at(self, start: int, end: int) -> Named | None:
        """The first mention overlapping article offsets [start, end)."""
        i = bisect_left(self._starts, start)
        for j in (i - 1, i, i + 1):
            if 0 <= j < len(self._mentions):
                m = self._mentions[j]
                if m.start < end and start < m.end:
                    return m
        return None

    def first_person(self, p: int, lo: int, hi: int) -> Speaker | None:
        """The first person named in paragraph p's characters [lo, hi), outside quotes."""
        found = self._people_between(self.parsed.offset(p, lo), self.parsed.offset(p, hi))
        return self._speaker_named(found[0]) if found else None

    def last_person(self, p: int, other_than: str, paragraphs: int = 3) -> Speaker | None:
        """The latest person named, outside quotes, in the `paragraphs` paragraphs before
        paragraph p, other than `other_than`."""
        found = self._people_between(self.parsed.offset(max(0, p - paragraphs), 0), self.parsed.offset(p, 0))
        m = next((m for m in reversed(found) if m.entity != other_than), None)
        return self._speaker_named(m) if m is not None else None

    def _people_between(self, start: int, end: int) -> list[Named]:
        """The people named outside quotes between article offsets [start, end), in reading order."""
        return [m for m in self._mentions[bisect_left(self._starts, start):bisect_left(self._starts, end)]
                if m.label == "PERSON" and not self.in_quote(m.paragraph, m.start - self.parsed.offset(m.paragraph, 0))]

    def _speaker_named(self, m: Named) -> Speaker:
        """A mention as the speaker, at the words that name it."""
        return Speaker(m.entity, m.start, m.end, self.parsed.article.text[m.start:m.end], m.label)

    def names_person(self, name: str) -> bool:
        """Whether a name is, or ends with the surname of, a person the article names."""
        last = name.split()[-1] if name.split() else ""
        return any(n == name or n.split()[-1] == last for n in self._persons)

    def _person_called(self, fits: Callable[[str], bool], at: int, alone: str = "") -> str | None:
        """The person the name test `fits` finds: whom the word `alone` stood for when the
        article last wrote it alone before article offset `at` ("Overholt", the
        commissioner, not his wife named since), else the latest person named before `at`,
        else the first named after it."""
        alone_at = self._person_starts["alone", alone] if alone else []
        k = bisect_left(alone_at, (at, ""))
        if k:
            return alone_at[k - 1][1]
        def nearest(name: str) -> tuple[int, int]:  # named before `at` (the latest first), else after it
            starts = self._person_starts["name", name]
            k = bisect_left(starts, (at, ""))
            return (0, at - starts[k - 1][0]) if k else (1, starts[0][0] - at)

        # sorted first: a set's order changes with each process's hash seed, the answer must not
        return min(sorted(n for n in self._persons if fits(n)), key=nearest, default=None)

    def _surname(self, word: str) -> bool:
        """Whether a word is the surname of a person the article names in full."""
        return any(word in _surnames(n) for n in self._persons if " " in n)

    def in_quote(self, p: int, char: int) -> bool:
        """Whether paragraph p's character `char` lies between quote marks."""
        return self._quoted[p].holds(char)

    def _collect_candidates(self) -> list[Candidate]:
        """Every subject outside quotes, and every named mention, in reading order."""
        out: dict[int, Candidate] = {}
        brought_in: list[Candidate] = []
        for m in self._mentions:
            p = m.paragraph
            local = m.start - self.parsed.article.paragraphs[p].start
            lo, hi = self._datelines[p]
            if not self.in_quote(p, local) and not lo <= local < hi:
                asked = self._asked(p, local, m.end - m.start)
                out[m.start] = Candidate(m.start, m.entity, m.label, m.label in GROUP_LABELS, False, p,
                                         asked if asked is not None else -1, asked=asked is not None)
        for p, doc in enumerate(self.parsed.docs):
            for tok in tokens_where(doc, (POS, NAMES_AND_NOUNS), (DEP, NSUBJ)):  # each test below wants one
                named = after_participle(tok) if tok.dep_ == "nsubj" else tok  # "Prosecuting, Yelland said"
                tok, given = named, named is not tok
                subject = given or tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN") \
                    or tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" \
                    and any(t.pos_ in ("VERB", "AUX") for t in tok.sent) \
                    or introduced(tok) or stranded_subject(tok) or speaks_in_relative(tok) \
                    or before_subjectless_verb(tok)
                whom = not subject and brought_in_by_who(tok)
                if (subject or whom) and not self.in_quote(p, tok.idx) and not self._in_dateline(p, tok):
                    cand = self._subject_candidate(p, tok)
                    if cand is not None and (not whom or cand.label == "PERSON"):  # "R-Cedar Flats, who" is no one
                        out[cand.offset] = replace(cand, subject=not whom) if whom else cand
                        if whom:
                            brought_in.append(cand)
        # one a "who" brings in is a subject where no person is one in that sentence, for the
        # next paragraph's "he" ("The plan drew criticism from Cllr Des Fahey, who ..."; not
        # "Trump mentioned ... Jared Kushner, who")
        people = {c.sentence for c in out.values() if c.subject and c.label == "PERSON"}
        for cand in brought_in:
            if cand.sentence not in people:
                out[cand.offset] = replace(cand, near=True)
        return sorted(out.values(), key=lambda c: c.offset)

    def _asked(self, p: int, local: int, length: int) -> int | None:
        """The sentence in which the mention at paragraph p's characters [local, local +
        length) is the one a question is put to ("asked Kimbrough whether", "asked her about"),
        or None."""
        span = self.parsed.docs[p].char_span(local, local + length, alignment_mode="expand")
        if span is None or span.root.dep_ != "dobj" or span.root.head.lemma_ not in _ASKING \
                or span.end >= len(span.doc) or span.doc[span.end].lower_ not in _QUESTION_WORDS:
            return None
        return self.parsed.sentence_id(p, span.root.i)

    def _subject_candidate(self, p: int, tok: Token) -> Candidate | None:
        tok = name_before_letters(gathered(tok))
        if tok.pos_ == "PRON":
            return None  # "Many of them": whoever "them" stands for is a candidate already
        unknown = tok.pos_ == "NOUN" and tok.text.islower() and noun_kind(tok.lemma_.lower(), tok.tag_ == "NNS") is None
        speaker = self.named(p, tok) if unknown else self.one_of(p, tok) or self._named_after_office(p, tok) \
            or self.role_holder(p, tok) or self.named(p, tok) or self.member_of(p, tok) or self.organisation(p, tok) \
            or self.noun_phrase(p, tok)
        if speaker is None or unknown and speaker.label != "PERSON":
            return None  # "other changes are needed": no one "they" can stand for; but "The school's
            # principal, Rev Everton Lyttle, told" is the one named
        plural = tok.tag_ in ("NNS", "NNPS") or has_conj(tok) and not one_described(tok) \
            or speaker.label in GROUP_LABELS or tok.lower_.endswith(PEOPLE_ENDINGS)
        reported = within_report(tok)
        unnamed = not speaker.label and not plural and unnamed_reporter(tok)
        return Candidate(speaker.start, speaker.name, speaker.label, plural, True, p,
                          self.parsed.sentence_id(p, tok.i), reported, unnamed)

    def _look_back(self, p: int, before: int, want: Callable[[Candidate], bool]) -> Candidate | None:
        """Antecedents.look_back, or None while the candidates themselves are being collected
        (a subject such as "a spokeswoman for the firm" asks for "the firm" then)."""
        return None if self._antecedents is None else self._antecedents.look_back(p, before, want)

    @cached_property
    def most_named_person(self) -> Named | None:
        """The person the article names most often (the first named among equals), counted once."""
        counts: dict[str, int] = {}
        for m in self._mentions:
            if m.label == "PERSON":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        best = max(counts.values(), default=0)
        return next((m for m in self._mentions if m.label == "PERSON" and counts[m.entity] == best), None)

    def interviewed_before(self, p: int) -> Named | None:
        """The person the two paragraphs before paragraph `p` say were interviewed: "HKFP
        spoke to Doris Yiu", "in an interview with Ana Ruiz", "Ruiz talked to the Times"."""
        text = self.parsed.article.text
        for q in range(p - 1, max(-1, p - 3), -1):
            base = self.parsed.offset(q, 0)
            for m in self._people_between(base, base + len(self.parsed.docs[q].text)):
                if _INTERVIEWED.search(text, max(base, m.start - 30), m.start) or _GAVE_INTERVIEW.match(text, m.end):
                    return m
        return None

    def name_at(self, p: int, lo: int, hi: int) -> Speaker:
        """The speaker named by paragraph p's characters [lo, hi): a mention's canonical
        name, a known person's surname ("PENCE" for Mike Pence), or the words as written."""
        start, end = self.parsed.offset(p, lo), self.parsed.offset(p, hi)
        text = self.parsed.article.text[start:end]
        m = self.mention_at(start, end)
        if m is not None and m.start >= start and m.end <= end:
            return Speaker(m.entity, start, end, text, m.label)
        last = text.split()[-1].lower() if text.split() else ""
        person = self._person_called(lambda n: n.split()[-1].lower() == last, start, alone=last)
        if person is not None:
            return Speaker(person, start, end, text, "PERSON")
        return Speaker(text.title() if text.isupper() else text, start, end, text)

    # --- speakers -------------------------------------------------------------------
    def speaker(self, p: int, tok: Token) -> Speaker | None:
        """The speaker a subject token stands for, resolved as far as the article allows."""
        whom = of_whom(tok)
        if whom is not None:  # "family members of the victims, many of whom say": the family members,
            found = self.speaker(p, whom)  # at the words that name them in the cue's clause
            if found is not None:
                last = next(c for c in tok.subtree if c.lower_ == "whom")
                start, end = self.parsed.offset(p, tok.idx), self.parsed.offset(p, last.idx + len(last))
                return replace(found, start=start, end=end, text=self.parsed.article.text[start:end])
        tok = name_before_letters(after_participle(gathered(tok)))
        if self._in_dateline(p, tok):  # "WASHINGTON -- President Obama ... said": the name beside it
            name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                         and not self._in_dateline(p, c)), None)
            return self.speaker(p, name) if name is not None else None
        officer = self._officer_named_in(p, tok) or self._named_beside(p, tok)
        if officer is not None:  # "Department of ... spokesperson Roxanne Thériault", misparsed: the person
            return self.speaker(p, officer)
        unnamed = self._unnamed_officer(p, tok)
        if unnamed is not None:
            return unnamed
        low = tok.lower_
        if low in ("who", "which", "that") and tok.head.dep_ == "relcl" and tok.head.head != tok:
            return self._relative(p, tok)
        if tok.pos_ == "PRON" or low in PRONOUNS or (low in BARE_QUANTIFIERS and not list(tok.children)):
            return self.pronoun(p, tok)
        one = self.one_of(p, tok)
        if one is not None:
            return one
        after_role = self._named_after_role(self.parsed.offset(p, 0), tok) if tok.pos_ == "NOUN" else None
        if after_role is not None:  # "said the bill's sponsor, Sen. Prudence Hallowell, a ...", whatever the parse
            return self._speaker_named(after_role)
        if has_conj(tok):
            if not one_described(tok):
                return self.noun_phrase(p, tok)
            # "his wife and current nominee Hillary Clinton": the one named
            named = next((self.named(p, t) for t in tok.subtree if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"), None)
            if named is not None:
                return named
        return self._named_next_sentence(p, tok) or self._named_after_office(p, tok) or self.role_holder(p, tok) \
            or self.by_nationality(p, tok) or self.named(p, tok) or self.member_of(p, tok) \
            or self.organisation(p, tok) or self.noun_phrase(p, tok)

    def _named_after_office(self, p: int, tok: Token) -> Speaker | None:
        """"The director of Ak-Sai Komur, Erkin Sabyrov, told", "The Governor of the Bank of
        England Andrew Bailey said": the person named right there (the parser hangs the name
        on the body), not the director or governor the article named before;
        and the name a described person's own clause gives them ("who asked to be identified
        as ...")."""
        if tok.pos_ not in ("NOUN", "PROPN") or noun_kind(tok.lower_ if tok.pos_ == "PROPN" else tok.lemma_.lower()) \
                != "person":  # "The District Administrator for Takamaka, Ms Nadège Payette,"
            return None
        base = self.parsed.offset(p, 0)
        m = self._person_on_object(base, tok) or self._named_last(base, tok)
        if m is not None:
            return self._speaker_from(m, p, tok)
        # "A salt trader, who asked to be identified by the pseudonym Ko Zeyar Phyo, said"
        # (the parser may hang "who" on a place: "A salt trader in Pyapon, who ...")
        owners = [tok, *(o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj")]
        for clause in (c for o in owners for c in o.children if c.dep_ == "relcl"):  # not "also named Wayan"
            verb = next((t for t in clause.subtree if _names_oneself(t)), None)
            for name in (t for t in verb.subtree if t.pos_ == "PROPN" and t.i > verb.i) if verb is not None else ():
                m = self.mention_at(base + name.idx, base + name.idx + len(name))
                if m is not None and m.label == "PERSON":
                    return self._speaker_from(m, p, tok)
        return None

    def _person_on_object(self, base: int, tok: Token) -> Named | None:
        """A person named in apposition to the object of a noun's preposition, where the parser
        hangs the name of the noun's holder: "The director of Ak-Sai Komur, Erkin Sabyrov,"."""
        if tok.tag_ == "NNS":
            return None  # "Parents in Bois Mangé, Micoud, say": a place's district
        for obj in (o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")
                    for o in c.children if o.dep_ == "pobj"):
            for name in (a for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN"):
                m = self.mention_at(base + name.idx, base + name.idx + len(name))
                if m is not None and m.label == "PERSON":
                    return m
        return None

    def _named_next_sentence(self, p: int, tok: Token) -> Speaker | None:
        """"'...,' one woman shouted from the back of the hall. She was Desiree Mortimer, a
        retired teacher": someone described as one of many, whom the next sentence names
        ("She was ...", "He is ...")."""
        if tok.tag_ != "NN" or noun_kind(tok.lemma_.lower()) != "person" or not any(
                c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in tok.children) \
                or tok.sent.end >= len(tok.doc):
            return None
        words = [t for t in tok.doc[tok.sent.end].sent if not t.is_punct][:3]
        if len(words) < 3 or words[0].lower_ not in ("she", "he") or words[1].lemma_ != "be" \
                or self.in_quote(p, words[0].idx):
            return None
        base = self.parsed.offset(p, 0)
        m = self.mention_at(base + words[2].idx, base + words[2].idx + len(words[2]))
        if m is None or m.label != "PERSON" or m.start != base + words[2].idx:
            return None
        start, end = base + tok.left_edge.idx, base + tok.idx + len(tok)
        return Speaker(m.entity, start, end, self.parsed.article.text[start:end], "PERSON")

    def by_nationality(self, p: int, tok: Token) -> Speaker | None:
        """"Eastmoor boss Arjen Vlietstra ... '...,' said the Dutchman": a nationality noun
        for a man or a woman stands for the person the paragraph names last before it."""
        if tok.lower_ not in _NATIONALITY_NOUNS or not any(c.lower_ == "the" for c in tok.children):
            return None
        start = self.parsed.offset(p, tok.idx)
        found = self._look_back(p, start, lambda c: c.label == "PERSON" and c.paragraph == p)
        return None if found is None else Speaker(found.name, start, start + len(tok), tok.text, "PERSON")

    def _named_beside(self, p: int, tok: Token) -> Token | None:
        """"Nicole Bezzina, the architect engaged by the factory, told": the parser made both
        the name and its description subjects of the verb; the person named speaks."""
        if tok.pos_ != "NOUN" or tok.dep_ != "nsubj":
            return None
        base = self.parsed.offset(p, 0)
        for other in tok.head.children:
            if other.dep_ == "nsubj" and other.i < tok.i and described_between(other, tok):
                m = self.mention_at(base + other.idx, base + other.idx + len(other))
                if m is not None and m.label == "PERSON":
                    return other
        return None

    def _unnamed_officer(self, p: int, tok: Token) -> Speaker | None:
        """"A Department of Health and Social Care spokesperson said", parsed with the
        department as the subject and its spokesperson in apposition: the one unnamed person,
        described by the body's name and the noun, as "A Rovers spokesman" is."""
        if tok.pos_ != "PROPN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None
        noun = next((c for c in tok.children if c.dep_ == "appos" and c.lemma_.lower() in _OFFICER_NOUNS
                     and not any(n.pos_ == "PROPN" for n in c.subtree if n.i > c.i)), None)
        if noun is None:
            return None
        first = min(t.i for t in tok.subtree if t.dep_ != "det")
        span = tok.doc[first:noun.i + 1]
        start = self.parsed.offset(p, span.start_char)
        return Speaker(span.text, start, self.parsed.offset(p, span.end_char), span.text)

    def _officer_named_in(self, p: int, tok: Token) -> Token | None:
        """The person named right after a spokesperson's noun inside a body's name the parser
        made the subject ("Department of Natural Resources and Energy Development spokesperson
        Roxanne Thériault said", parsed with the department as the subject): the name's last word."""
        if tok.pos_ != "PROPN" or tok.ent_type_ == "PERSON":
            return None
        base = self.parsed.offset(p, 0)
        for t in tok.subtree:
            if t.i > tok.i and t.pos_ == "NOUN" and t.lemma_.lower() in _OFFICER_NOUNS and t.i + 1 < len(t.doc):
                name = t.doc[t.i + 1]
                m = self.mention_at(base + name.idx, base + name.idx + len(name)) if name.pos_ == "PROPN" else None
                if m is not None and m.label == "PERSON":
                    return next((n for n in name.doc[name.i:] if n.pos_ != "PROPN" or n.i + 1 == len(n.doc)
                                 or n.doc[n.i + 1].pos_ != "PROPN"), name)
        return None

    def dateline(self, p: int) -> tuple[int, int]:
        """Paragraph p's dateline ("WASHINGTON —") or run-in heading, as paragraph offsets; (0, 0) if none."""
        return self._datelines[p]

    def _in_dateline(self, p: int, tok: Token) -> bool:
        lo, hi = self._datelines[p]
        return lo <= tok.idx < hi and (tok.text.isupper() or tok.is_punct or tok.text.istitle())

    def _relative(self, p: int, tok: Token) -> Speaker | None:
        """"Ana Ruiz, who said", "the Kestrel Group, which said": the cue attaches to the
        relative pronoun; the speaker is what it stands for ("which"/"that" only for a name
        or a body, "the committee, which said", or the owner of words: "He released a letter
        that says" is his)."""
        antecedent = tok.head.head
        if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
            antecedent = antecedent.head  # "said Mr. Ekovich, a broker, who noted": Ekovich
        if tok.lower_ == "who" and antecedent.dep_ == "pobj" and antecedent.head.lower_ in _WHERE \
                and antecedent.head.head.pos_ in ("NOUN", "PROPN"):
            antecedent = antecedent.head.head  # "Democrats on Capitol Hill, who have argued": the Democrats
        owner = noun_cue_speaker(antecedent)
        if owner is not None and tok.lower_ != "who":
            return self.speaker(p, owner)  # "He released a letter that says": his words
        speaks = tok.lower_ == "who" or antecedent.pos_ == "NOUN" \
            and noun_kind(antecedent.lemma_.lower()) == "organisation"
        found = self.speaker(p, antecedent) if speaks else self.named(p, antecedent)
        if found is None or not found.name:
            return None
        start = self.parsed.offset(p, tok.idx)
        return Speaker(found.name, start, start + len(tok), tok.text, found.label)

    def named(self, p: int, tok: Token) -> Speaker | None:
        """A subject that is (or holds, as "Mayor Ana Ruiz") a named mention."""
        base = self.parsed.offset(p, 0)
        m = self.mention_at(base + tok.idx, base + tok.idx + len(tok))
        if m is None and tok.ent_type_ == "PERSON":  # "member [Sayed] Adnan Al Alawi": a title the name dropped
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            m = self.mention_at(base + ent.start_char, base + ent.end_char) if ent is not None else None
            m = m if m is not None and m.label == "PERSON" else None
        if m is None and (tok.pos_ == "NOUN" or tok.lower_ == "one") and not owned_document(tok):
            # "one of the attorneys, Justin Bamberg,"
            m = self._named_in_apposition(base, tok) or self._named_next(base, tok) or self._named_after_comma(p, tok) \
                or self._named_as_a_name(base, tok) or self._named_after_role(base, tok)
        elif tok.pos_ == "PROPN" and tok.lower_ in TITLES and (m is None or m.label != "PERSON"):
            m = self._named_in_apposition(base, tok) or m  # "The town's MP, Marnie Carbery, said"
        elif tok.pos_ == "PROPN" and m is None:
            m = self._person_in_apposition(base, tok)  # "County Executive Committee Member for Health Dr X said"
        if m is not None:
            return self._speaker_named(m)
        if tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.text[:1].isupper() and (
                self._surname(tok.text) or self._body_opening_with(tok.text, base + tok.idx)):
            return self._unnamed_proper(p, tok)  # "Sanders told": the tagger's plural of "sander"
        appos = next((c for c in own_appositions(tok) if c.pos_ == "PROPN"
                      and c.ent_type_ not in ("GPE", "LOC")), None)  # not "Farmers in X village, Kasese District,"
        if tok.pos_ == "NOUN" and tok.tag_ != "NNS" and appos is not None:
            # "His neighbour, Annika Roe, said": a name NER missed
            return self._unnamed_proper(p, appos)
        return None

    def _named_last(self, base: int, tok: Token) -> Named | None:
        """"Chairman of the Zenith Bank board Ade Okoro said", "The Governor of the Bank of
        England Andrew Bailey said": the person whose name ends an office's phrase, right
        before its verb (see missed_names.people_after_office)."""
        doc = tok.doc
        if not tok.i + 3 < tok.head.i or doc[tok.i + 1].lower_ not in ("of", "for") or tok.tag_ == "NNS":
            return None
        last = doc[tok.head.i - 1]
        if last.pos_ != "PROPN" or last.i > tok.right_edge.i:
            return None
        m = self.mention_at(base + last.idx, base + last.idx + len(last))
        if m is None or m.label != "PERSON" or " " not in self.parsed.article.text[m.start:m.end].strip():
            return None  # "the cycling union Fietsersbond"
        t = last
        while t.i != tok.i and t.head.i != t.i and t.dep_ not in ("acl", "relcl", "advcl", "agent", "ccomp"):
            t = t.head
        if t.i != tok.i:
            return None  # "A panel of reporters led by MSNBC's Chris Matthews agreed"
        between = [t for t in doc[tok.i + 2:tok.head.i - 1] if base + t.idx < m.start]
        # a body or a place between ("the Zenith Bank board"), and no person's noun right before
        # the name: not "A friend of Hillary Clinton", "A spokesman for candidate Hillary Clinton"
        if not between or not any(t.ent_type_ in ("ORG", "GPE", "LOC", "FAC") or t.lemma_.lower() in _BODY_WORDS
                                  for t in between) or noun_kind(between[-1].lemma_.lower()) == "person":
            return None
        return m

    def _named_after_role(self, base: int, tok: Token) -> Named | None:
        """"said the bill's sponsor, Sen. Prudence Hallowell, a Kent County Democrat": the
        person named right after the comma that follows a person's noun after its verb
        (the model reads the name as a second subject, or as a conjunct)."""
        doc = tok.doc
        if tok.i < tok.head.i or tok.tag_ != "NN" or noun_kind(tok.lemma_.lower()) not in ("person", None) \
                or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
            return None
        j = tok.i + 2
        while j + 1 < len(doc) and is_title(doc[j].text) and doc[j].text[:1].isupper():
            j += 1
        m = self.mention_at(base + doc[j].idx, base + doc[j].idx + len(doc[j])) if doc[j].pos_ == "PROPN" else None
        return m if m is not None and m.label == "PERSON" else None

    def _named_as_a_name(self, base: int, tok: Token) -> Named | None:
        """"One seamstress, who asked to be identified only by her first name, Valdirene,
        said": the person whose name the subject's own phrase gives, before its verb."""
        if tok.dep_ != "nsubj" or noun_kind(tok.lemma_.lower()) != "person":
            return None
        for t in tok.doc[tok.i + 1:tok.head.i]:
            if t.lower_ in NAME_NOUNS and t.i + 2 < tok.head.i and t.nbor().text == ",":
                m = self.mention_at(base + t.nbor(2).idx, base + t.nbor(2).idx + len(t.nbor(2)))
                return m if m is not None and m.label == "PERSON" else None
        return None

    def _named_after_comma(self, p: int, tok: Token) -> Named | None:
        """"A campaign group set up at the weekend, Keep Drumcarrow's Doctors, said": the
        body named between commas after a body's noun (missed_names.bodies_in_apposition)."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "NOUN":
            return None
        span = name_after_comma(tok.doc, tok)
        base = self.parsed.offset(p, 0)
        m = self.mention_at(base + span.start_char, base + span.end_char) if span is not None else None
        return m if m is not None and m.label == "ORG" else None

    def _named_in_apposition(self, base: int, tok: Token) -> Named | None:
        """"spokesman John Smith", "the review's author, retired surgeon Dr. Naomi Petrakis":
        the person named beside a descriptive subject; a person named in apposition first
        ("The Mlima Jiwe ward MCA, Collins Kibet Rotich, said": not the ward, not the MCA)."""
        m = self._person_in_apposition(base, tok)
        if m is not None:
            return m
        for child in tok.children:
            if child.dep_ not in ("appos", "compound"):
                continue
            if child.dep_ == "appos" and (child not in own_appositions(tok) or tok.tag_ == "NNS"):
                continue  # "A spokesman for the cycling union Fietsersbond": the union's name; "Farmers ..., Bali,"
            names = [t for t in child.subtree if t.pos_ == "PROPN"] if child.dep_ == "appos" else [child]
            for name in names:
                m = self.mention_at(base + name.idx, base + name.idx + len(name))
                if m is not None and child.dep_ == "compound" and m.label == "PERSON" and tok.tag_ == "NNS":
                    continue  # "Bernie Sanders supporters", "Clinton aides": the group, not the person
                if m is not None and child.dep_ == "compound" and m.label == "PERSON" and child.i < tok.i \
                        and tok.tag_ == "NN" and noun_kind(tok.lemma_.lower()) == "person" \
                        and any(c.dep_ == "det" or c.dep_ == "nummod" and c.lower_ == "one" for c in tok.children):
                    continue  # "the Saltcote manager", "a Clinton aide": the noun's holder, not the name
                if m is not None and child.dep_ == "compound" and m.label == "ORG" and tok.tag_ == "NN" \
                        and noun_kind(tok.lemma_.lower()) == "person":
                    continue  # "a senior Commerce Department official": the official, not the department
                if m is not None and (m.label not in ("GPE", "NORP", "LOC", "FAC") or child.dep_ == "compound"
                                      and noun_kind(tok.lemma_.lower()) != "person"):
                    return m  # "the U.S. government" is the U.S.; "the Indiana governor" is not Indiana
        if noun_kind(tok.lemma_.lower()) == "person":
            # "His former partner at Lenox, Lawrence B. Cummings,": the parser hangs the name on Lenox
            m = self._person_on_object(base, tok)
            if m is not None:
                return m
            for obj in (o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"):
                # "Speaker of the House Rep. Paul Ryan (R-WI) said", "Governor of Tsenkher soum
                # Sh. Purevsuren said": the office, then the holder after its words, parsed as
                # the office's object (not "A friend of Ana Ruiz")
                if obj.pos_ != "PROPN":
                    continue
                m = self.mention_at(base + obj.idx, base + obj.idx + len(obj))
                if m is None or m.label != "PERSON" or m.start == base + obj.left_edge.idx:
                    continue
                if tok.pos_ == "PROPN" and tok.lower_ in TITLES or obj.head.lower_ == "of" and self._after_body_name(m):
                    return m  # "Chief executive of Khangai Nuur LLC Ch. Baatarkhuu"
        return None

    def _after_body_name(self, m: Named) -> bool:
        """Whether the word right before mention `m` ends a body's name ("LLC", "Bank")."""
        before = self.mention_at(m.start - 2, m.start - 1)
        return before is not None and before.end == m.start - 1 and before.label == "ORG"

    def _person_in_apposition(self, base: int, tok: Token) -> Named | None:
        """The person named in apposition to a subject: "The MCA, Collins Kibet Rotich,"; not
        to a plural one, whose apposition is a misparse ("Farmers who ... in Tabanan regency,
        Bali, say")."""
        if tok.tag_ == "NNS":
            return None
        for name in (t for c in own_appositions(tok) for t in c.subtree if t.pos_ == "PROPN"):
            m = self.mention_at(base + name.idx, base + name.idx + len(name))
            if m is not None and m.label == "PERSON":
                return m
        return None

    def _named_next(self, base: int, tok: Token) -> Named | None:
        """"Head coach Marisol Duarte, in her ... described", "said mother of three Wilma
        Rokowa": a role noun the parser made the subject, right before the person's name."""
        if tok.i + 1 >= len(tok.doc) or tok.whitespace_ != " ":
            return None
        after = tok.doc[tok.i + 1]
        if after.lower_ == "of" and tok.i + 3 < len(tok.doc) and tok.doc[tok.i + 2].like_num:
            after = tok.doc[tok.i + 3]  # "said mother of three Wilma Rokowa"
        m = self.mention_at(base + after.idx, base + after.idx + len(after))
        return m if m is not None and m.start == base + after.idx and m.label == "PERSON" else None

    def _unnamed_proper(self, p: int, tok: Token) -> Speaker:
        """A proper name the NER missed: match a known person's surname, else keep the words."""
        first = tok
        while first.i > 0 and tok.i - first.i < 3 and tok.doc[first.i - 1].pos_ == "PROPN" \
                and "\n" not in tok.doc[first.i - 1].whitespace_:
            first = tok.doc[first.i - 1]
        lo, hi = first.idx, tok.idx + len(tok)
        text = self.parsed.article.paragraphs[p].text[lo:hi]  # not Doc.text: rebuilt on each call
        name = self._person_called(lambda n: n == text or tok.text == n.split()[0] or tok.text in _surnames(n),
                                   self.parsed.offset(p, lo), alone=text.lower() if first == tok else "")
        if name is None and first == tok:  # "Hearthside said" after "Hearthside Later Life": the body's first word
            name = self._body_opening_with(text, self.parsed.offset(p, lo))
            if name is not None:
                return Speaker(name, self.parsed.offset(p, lo), self.parsed.offset(p, hi), text, "ORG")
        name = name or text
        label = "PERSON" if name in self._persons else ""
        return Speaker(name, self.parsed.offset(p, lo), self.parsed.offset(p, hi), text, label)

    def _body_opening_with(self, word: str, before: int) -> str | None:
        """The organisation of several words named before article offset `before` whose
        name opens with `word` ("Hearthside Later Life" for "Hearthside"), if only one."""
        found = {m.entity for m in self._mentions[:bisect_left(self._starts, before)]
                 if m.label == "ORG" and " " in m.entity and m.entity.split()[0] == word}
        return found.pop() if len(found) == 1 else None

    def organisation(self, p: int, tok: Token) -> Speaker | None:
        """"the ministry said": the latest name holding that word ("Ministry of Maritime
        Affairs"); "the company said": the latest organisation, else the named subject of
        the paragraph so far (the small model labels some companies as people)."""
        noun = tok.lemma_.lower()
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), "")
        if det in ("a", "an") and noun in _COMPANY_NOUNS and tok.tag_ == "NN":
            return self._company_named_later(p, tok)
        if det not in ("the", "this", "that") or tok.tag_ != "NN":
            return None
        before = self.parsed.offset(p, tok.idx)
        # "the company", "the group" are the story's own business (below), not the last one so described
        described = self._described.body(tok, before) if noun not in GENERIC_ORG_NOUNS else None
        if described is not None:
            return self._speaker_from(described, p, tok)  # "TruthTally, a fact-checking site, ... the site said"
        earlier = [m for m in self._mentions[max(0, bisect_left(self._starts, before) - 200):
                                             bisect_left(self._starts, before)]
                   if m.entity.lower() not in _MISREAD_NOUNS]  # not "Bank", a sentence's first word taken for a name
        for m in reversed(earlier):
            words = m.entity.lower().split()
            if m.label not in ("GPE", "NORP", "LOC") and noun in {w.rstrip("s") for w in words} | set(words) \
                    or m.label == "GPE" and len(words) > 1 and words[-1] == noun:  # "Mphathi Local Municipality"
                return self._speaker_from(m, p, tok)
        if noun not in GENERIC_ORG_NOUNS and noun not in ORG_NOUNS or noun in _SELDOM_NAMED | _NAMED_BY_THE_WORD:
            return None
        if noun not in _COMPANY_NOUNS and self._unnamed_before(p, tok):
            return None  # "the coal miners' union invested ...", then "according to the union": that body
        cited = self._cited_before(p, tok) if noun in GENERIC_ORG_NOUNS else None
        if cited is not None:  # "..., according to Tallyhouse. ..., according to the firm": the same source
            return self._speaker_from(cited, p, tok)
        # "the agency said" where no name holds "agency": the latest organisation nearby,
        # one of several words first (a lone capitalised word is often a misread name)
        nearby = [m for m in reversed(earlier) if m.label == "ORG" and p - m.paragraph <= 8]
        if noun in _COMPANY_NOUNS:  # "the company": the business the story is about, not a ministry or a court,
            # however far back the story named it
            nearby = _businesses(_most_named([m for m in reversed(earlier) if m.label == "ORG"], earlier))
        elif noun in _CLUB_NOUNS:  # "the club": a sports club the story named, however far back
            nearby = [m for m in reversed(earlier) if m.label == "ORG"
                      and m.entity.split()[-1].lower() in _CLUB_ENDINGS] or nearby
        org = next((m for m in nearby if " " in m.entity), None) \
            or next((m for m in nearby if p - m.paragraph <= 4), None)
        if org is not None:
            return self._speaker_from(org, p, tok)
        named = self._look_back(p, before, lambda c: c.subject and c.label not in ("", "GPE", "NORP", "LOC")
                                and c.name not in self._gender)  # not "Mayor Tannis Obrecht", plainly a person
        if named is not None and named.paragraph == p:
            start = self.parsed.offset(p, tok.idx)
            return Speaker(named.name, start, start + len(tok), tok.text, named.label)
        return None

    def _company_named_later(self, p: int, tok: Token) -> Speaker | None:
        """"with ranchers telling lawmakers ... and a mining company warning that ...": a
        company the headline or the lede's first two sentences leave unnamed, before the
        article names any business, is the one business the next paragraphs name."""
        if p > 1 or self.parsed.sentence_id(p, tok.i) - self.parsed.sentence_id(p, 0) >= 2:
            return None
        before = self.parsed.offset(p, tok.idx)
        cut = bisect_left(self._starts, before)
        if any(m.label == "ORG" and m.entity.split()[-1].lower() in _FIRM_ENDINGS for m in self._mentions[:cut]):
            return None  # a company named before: "a company" is another one
        later = _businesses([m for m in self._mentions[cut:]
                             if m.label == "ORG" and m.paragraph <= p + 6 and " " in m.entity])  # not "Bill 318"
        if len({m.entity for m in later}) != 1:
            return None  # none, or several the lede may mean
        return self._speaker_from(later[0], p, tok)

    def _cited_before(self, p: int, tok: Token) -> Named | None:
        """For "according to the firm", the organisation the sentence before cited the same
        way ("according to Tallyhouse, which tracks venture funding"), if any."""
        if not (tok.head.lower_ == "to" and tok.head.head.lower_ == "according") or tok.sent.start == 0:
            return None
        base = self.parsed.offset(p, 0)
        for t in tok.doc[tok.sent.start - 1].sent:
            if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
                m = self.mention_at(base + t.idx, base + t.idx + len(t))
                if m is not None and m.label != "PERSON":  # the model may take an unknown firm for a place
                    return m
        return None

    def _unnamed_before(self, p: int, tok: Token) -> bool:
        """Whether the article described a body by the noun of `tok` before, with words of
        its own and no name ("the coal miners' union"), outside quotes, in the last 30
        paragraphs: "the union" then stands for that body. A bare "the union's members"
        or "a union representing flight attendants" describes none."""
        lemma = tok.lemma_.lower()
        for q in range(max(0, p - 30), p + 1):
            base = self.parsed.offset(q, 0)
            for t in self.parsed.docs[q]:
                if q == p and t.i >= tok.i:
                    break
                if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not self.in_quote(q, t.idx) \
                        and any(c.dep_ in ("poss", "compound") and c.pos_ == "NOUN" for c in t.children) \
                        and self.mention_at(base + t.idx, base + t.idx + len(t)) is None \
                        and self._named_after_comma(q, t) is None:
                    return True
        return False

    def role_holder(self, p: int, tok: Token) -> Speaker | None:
        """"the judge said", "Corvane's chief executive said": the person the article gave that role."""
        start = self.parsed.offset(p, tok.idx)
        m = self.mention_at(start, start + len(tok))
        if m is not None and not ((tok.lower_ in PERSON_TITLES or tok.text.isupper() or tok.text in HONORIFICS_AFTER
                                   or tok.lower_ in ("republican", "democrat")) and m.label != "PERSON"):
            return None  # a name; but "the MCA said" is a title the model took for a body's name, and
            # "the Florida Republican" a member of a party
        found = self._role_holders.holder(p, tok)
        if found is None and tok.lemma_.lower() in _EPITHETS and tok.tag_ == "NN" \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "Hillary Clinton has a word for ... The Democratic presidential candidate blasted":
            # an epithet for the person the story is following, as "she" would be
            cand = self._look_back(p, start, lambda c: c.label == "PERSON" and c.subject)
            found = (cand.name, "PERSON") if cand is not None else None
        return None if found is None else Speaker(found[0], start, start + len(tok), tok.text, found[1])

    def _role_of_the_one_just_named(self, p: int, tok: Token) -> bool:
        """Whether "the official said", "the defendant said", "the traditional leader said"
        stands for the person the story is following (as "he" or "she" would): a person's
        noun the article gave no one and used nowhere before (an office the article named
        by a narrower one: "Senior Chief Likaonga", "Procurator fiscal depute Morag Lennie")."""
        lemma = tok.lemma_.lower()
        past = any(c.lower_ in ("former", "retired", "ex") for c in tok.lefts)
        if not past and any(c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "in") for c in tok.children):
            return False  # "The attorney general of the state of New York": an office, someone else
        return noun_kind(lemma) == "person" and lemma not in _NEW_PERSON_NOUNS and not self._noun_before(p, tok)

    def _noun_before(self, p: int, tok: Token) -> bool:
        """Whether the article used `tok`'s noun (either number) before it, outside quotes."""
        lemma = tok.lemma_.lower()
        if lemma not in self._first_noun:  # one pass per noun: linear in the article
            self._first_noun[lemma] = next(((q, t.i) for q, doc in enumerate(self.parsed.docs) for t in doc
                                            if t.lemma_.lower() == lemma and t.pos_ == "NOUN"
                                            and not self.in_quote(q, t.idx)), None)
        first = self._first_noun[lemma]
        return first is not None and first < (p, tok.i)

    def member_of(self, p: int, tok: Token) -> Speaker | None:
        """"Members of the parish council", "a spokesman for the company": the body speaks."""
        if tok.lemma_.lower() not in _MEMBER_NOUNS:
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "nummod" for c in tok.children):
            return None  # "A spokeswoman for the ministry", "Two senior staff of the bank": people, described
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "from")), None)
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if body is None:
            return None
        found = self.named(p, body) or self.organisation(p, body)
        return found if found is not None and found.label not in ("PERSON", "") else None

    def _speaker_from(self, m: Named, p: int, tok: Token) -> Speaker:
        start = self.parsed.offset(p, tok.idx)
        return Speaker(m.entity, start, start + len(tok), tok.text, m.label)

    def noun_phrase(self, p: int, tok: Token) -> Speaker | None:
        """A speaker that is no entity ("Russian officials"): its noun phrase without an
        article, a quantifier or an owner named before it ("the council's own assessment"
        is "assessment"). A bare "the report" takes the fuller name the article gave a
        report earlier ("an inspection report")."""
        dated = self._datelines[p][1]  # "Rabat - Palm growers": not the dateline's city
        words = [tok, *(t for t in np_modifiers(tok) if t.idx >= dated), *described_after(tok)]
        lo = min(t.i for t in words)
        hi = max(t.i for t in words) + 1
        span = tok.doc[lo:hi]
        text = without_owner(span, tok)
        if not any(c.isalpha() for c in text):
            return None
        start = self.parsed.offset(p, span.start_char)
        bare = text.lower() == tok.lower_
        if span[0].lower_ in ("the", "this", "that") and (bare or named_by(span[1:-1], tok)):
            fuller = self._described.fuller(tok, start)
            # "The FEHD spokesperson" after "A spokesperson for the Food and Environmental Hygiene Department"
            if fuller and (bare or names_in(span[1:-1], fuller)):
                text = fuller
        end = self.parsed.offset(p, span.end_char)
        if span[0].lower_ == "the" and tok.tag_ == "NN" and text.count(" ") <= 1 and text[:1].islower() \
                and self._role_of_the_one_just_named(p, tok):
            # "Prynne stood ... 'I'm ashamed,' the defendant said": a person's noun the article
            # gave no one, for the person named as a subject in this paragraph or the one before
            sentence = self.parsed.sentence_id(p, tok.i)  # not the subject of its own sentence ("Hannity said
            # ... after the first-term senator easily won"): one the same sentence names is someone else
            cand = self._look_back(p, start, lambda c: c.label == "PERSON" and c.subject and p - c.paragraph <= 1
                                   and c.sentence != sentence)
            if cand is not None and all(m.entity == cand.name for m in self._people_between(cand.offset, start)):
                return Speaker(cand.name, start, end, span.text, "PERSON")  # no one else named since
        return Speaker(text, start, end, span.text)

    def one_of(self, p: int, tok: Token) -> Speaker | None:
        """"One of the protesters said", "Three registrars testified. One of them said": one
        member of the group, called by its noun in the singular ("protester", "registrar")."""
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
            if tok.lower_ == "one" else None
        members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if members is None:
            return None
        if members.lower_ in ("them", "us"):
            found = self._antecedents.of_pronoun(p, members) if self._antecedents is not None else None
            if found is None or found.label or not found.plural:
                return None
            q = found.paragraph
            local = found.offset - self.parsed.offset(q, 0)
            last = found.name.split()[-1].lower()
            noun = next((t for t in self.parsed.docs[q] if t.idx >= local and t.lower_ == last), None)
            group = found.name
        elif members.tag_ == "NNS":
            noun, said = members, self.noun_phrase(p, members)
            group = said.name if said is not None else ""
        else:
            return None
        if noun is None or noun.tag_ != "NNS" or not group.lower().endswith(noun.lower_):
            return None
        start, end = self.parsed.offset(p, tok.idx), self.parsed.offset(p, members.idx + len(members))
        return Speaker(group[:len(group) - len(noun.text)] + noun.lemma_.lower(), start, end,
                       self.parsed.article.text[start:end])

    def pronoun(self, p: int, tok: Token) -> Speaker | None:
        """he/she: the latest person in subject position (else any person named) before it;
        they: the latest group or plural subject; it: the latest organisation (antecedents.py)."""
        low = tok.lower_
        found = self._antecedents.of_pronoun(p, tok)
        start = self.parsed.offset(p, tok.idx)
        named = self.mention_at(start, start + len(tok)) if low == "i" else None
        if named is not None and named.label == "PERSON" and named.start == start:
            return self._speaker_named(named)  # "said I Wayan Sudarsana": a Balinese name, no pronoun
        if low in _WRITER_PRONOUNS and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in INDIRECT_LEMMAS:
            # ""Okay," I said": the one writing (an op-ed, a memoir), when the text says so in
            # so many words; an "I" the quote marks missed (a transcript run on) is not
            return Speaker(WRITER, start, start + len(tok), tok.text, "PERSON")
        if found is None and low in BARE_QUANTIFIERS:
            return self.noun_phrase(p, tok)  # "Many said", with no one named before: many
        if found is None:  # "we", or nobody fits: the cue still attaches here
            return Speaker("", start, start + len(tok), tok.text)
        return Speaker(found.name, start, start + len(tok), tok.text, found.label)


# what names a body or a place between an office and its holder's name ("Chairman of the
# Zenith Bank board Ade Okoro", "Akim of At-Bashy district Azamat Imanaliev")
_BODY_WORDS = ORG_NOUNS | ORG_ENDINGS | JURISDICTIONS
# verbs that put a question to their object, and the words that open the question after it
_ASKING = frozenset("ask question press".split())
_QUESTION_WORDS = frozenset("whether if about why how what when where who".split())
# verbs by which a described person's clause gives their name: "asked to be identified as",
# "by the pseudonym", "asked to be called"
_NAMING_VERBS = frozenset("identify name call".split())


def _names_oneself(tok: Token) -> bool:
    """"(asked) to be identified by the pseudonym", "to be called": a passive naming verb
    that no "declined" or "not" keeps from naming ("who declined to be identified")."""
    if tok.lemma_.lower() not in _NAMING_VERBS or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    return not any(c.dep_ == "neg" for t in (tok, tok.head) for c in t.children) \
        and tok.head.lemma_.lower() not in ("decline", "refuse")


# what comes before or after the name of the one an interview is with
_INTERVIEWED = re.compile(r"\b(?:spoke|talked|speaking|talking|sat down|interview(?:ed)?)\s+(?:(?:to|with)\s+)?$",
                          re.IGNORECASE)
_GAVE_INTERVIEW = re.compile(r",?\s+(?:spoke|talked|sat down)\s+(?:to|with)\b")


def _dateline(text: str, lede: bool = False) -> tuple[int, int]:
    """A paragraph's dateline ("WASHINGTON —"), opening a line in its first 400 characters
    (a headline line may come before it), or its run-in heading; (0, 0) if it has none. In
    the lede (the first paragraphs) also a city in title case ("Rabat - ", "Kaolack (PANA) -")."""
    m = DATELINE.search(text, 0, 400) or RUN_IN.match(text) or (TITLE_DATELINE.match(text) if lede else None)
    return m.span() if m is not None else (0, 0)


def _surnames(name: str) -> tuple[str, ...]:
    """The words a person's name may be shortened to: the last, and the first of two
    surnames (lexicon.paternal_surname)."""
    paternal = paternal_surname(name)
    return (name.split()[-1], paternal) if paternal else tuple(name.split()[-1:])


def _businesses(orgs: list[Named]) -> list[Named]:
    """Of organisations (in their order), the businesses: no public body's word in the name
    and no association's ending; those with a firm's ending first and alone, if any
    ("Coteau Grain Co." before the heritage society)."""
    found = [m for m in orgs if not set(m.entity.lower().split()) & _PUBLIC_BODY_WORDS
             and m.entity.split()[-1].lower() not in _NO_FIRM_ENDINGS]
    return [m for m in found if m.entity.split()[-1].lower() in _FIRM_ENDINGS] or found


def _most_named(orgs: list[Named], earlier: list[Named]) -> list[Named]:
    """`orgs` (latest first) ordered by how often the article has named each so far, the
    latest first among equals."""
    times: dict[str, int] = {}
    for m in earlier:
        times[m.entity] = times.get(m.entity, 0) + 1
    return sorted(orgs, key=lambda m: -times.get(m.entity, 0))  # sorted() keeps the latest-first order of ties
