"""Mentions the entity model missed, found from what the article gives away: a name's
shape (capitalised words ending in "Inc." or "Group"), a title ("Mayor Ana Ruiz"), a
surname found alone elsewhere ("Chidinma Arinze"), an acronym in brackets or one that
spells a name the article gives ("RTWU"), a news outlet or platform known by name
("Twitter"), and every other place a found name is written.
Each finder reads the mentions found so far; those whose names replace shorter ones
return the whole list, the others the mentions they add.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache, lru_cache

from spacy.attrs import IS_ALPHA, IS_PUNCT, LEMMA, LOWER, ORTH, POS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..lexicon import (
    GIVEN_NAMES,
    JURISDICTIONS,
    KNOWN_ORGS,
    LOCAL_OFFICES,
    OCCUPATIONS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_SHAPED_NOUNS,
    PERSON_TITLES,
    PORTFOLIO_WORDS,
    TITLES,
    address_before_full_name,
    occupation,
    paternal_surname,
)
from ..pipeline.nlp import Parsed, holds, tokens_where, word_ids
from .canonical import ORG_ENDINGS, PARTICLES, ends_like_no_person, initials, looks_like_a_name
from .spans import Mention, Spans, overlapping, replace_inside
from .type_evidence import people_only, shaped_like_a_name

_LETTERS = re.compile(r"[^\W\d_]+")
PARTY_WORDS = frozenset("democrat republican tory labour conservative liberal green independent".split())
_DEMONYM = re.compile(r"(?:an|ese|ish|ic|i|ch|s)$")
_PERSON_TITLE_IDS = word_ids(PERSON_TITLES)
_KNOWN_ORG_IDS = word_ids(KNOWN_ORGS)
_NOUN_AND_PROPER_IDS = word_ids(["NOUN", "PROPN"])
_WHO_IDS = word_ids(["who"])
# titles that in capitals are something else: "PA Media", "BR" (a railway)
_LETTERS_NOT_TITLES = frozenset("pa sr br".split())


# a run of capitalised words ending in a word organisations end in: "Tillamere Outdoor
# Gear Inc.", "Northern Lakes Transit Users Group", "Bank of England" is the model's
_POSSESSIVE = {"ORTH": {"IN": ["'s", "’s", "'", "’"]}}
# the small words of places' and people's names in Romance and Dutch ("Lance aux Lapins")
_NAME_PARTICLES = frozenset("aux au de du des la le les da do dos das del della di van von der den ter ten".split())
# bodies named "X of Y": "Chamber of Commerce", "Department of Health"
_OF_BODIES = frozenset("""
chamber department ministry bureau board council institute society association federation union
college university school academy commission committee office league church
""".split())
# what a council sits for, written between a place's name and "council"
_COUNCIL_SEATS = frozenset("town city county district borough parish village municipal regional shire".split())
ORG_NAME_PATTERNS = [
    # "Northern Lakes Transit Users Group", "Larkspur Gardens Tenants’ Association"
    [{"IS_TITLE": True, "OP": "+"}, {**_POSSESSIVE, "OP": "?"}, {"IS_TITLE": True, "OP": "*"},
     {"LOWER": {"IN": sorted(ORG_ENDINGS)}, "IS_TITLE": True}],
    # "Karnataka App-Based Workers’ Collective": a hyphenated pair among the words
    [{"IS_TITLE": True, "OP": "+"}, {"ORTH": "-"}, {"IS_TITLE": True, "OP": "+"}, {**_POSSESSIVE, "OP": "?"},
     {"IS_TITLE": True, "OP": "*"}, {"LOWER": {"IN": sorted(ORG_ENDINGS)}, "IS_TITLE": True}],
    # "Lance aux Lapins Community Group": a place's name with its particles among the words
    [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": sorted(_NAME_PARTICLES)}, "OP": "+"},
     {"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": sorted(ORG_ENDINGS)}, "IS_TITLE": True}],
    # "Drumcassel Chamber of Commerce", "Department of Homeland Security"
    [{"IS_TITLE": True, "OP": "*"}, {"LOWER": {"IN": sorted(_OF_BODIES)}, "IS_TITLE": True}, {"LOWER": "of"},
     {"IS_TITLE": True, "OP": "+"}],
    # "Pinecrest County District Attorney's Office" (not "Oval Office", a place)
    [{"IS_TITLE": True, "OP": "+"}, _POSSESSIVE, {"LOWER": "office", "IS_TITLE": True}],
    # "Heerdeland council", "Hrafnsvík town council": a place's council, the noun in lower case
    [{"IS_TITLE": True, "POS": "PROPN", "ENT_TYPE": {"IN": ["GPE", "LOC", "ORG", "NORP", "FAC"]}, "OP": "+"},
     {"LOWER": {"IN": sorted(_COUNCIL_SEATS)}, "IS_LOWER": True, "OP": "?"}, {"ORTH": "council"}],
]
# a campaign's committee named after the candidate "for" a place or office, after the noun
# that calls it one: "Pangbourne's campaign committee, Pangbourne for Kansas," (the
# candidate's surname alone is no entity to the model, so no entity span holds the name)
COMMITTEE_NAME_PATTERNS = [
    [{"LOWER": {"IN": ["committee", "campaign", "pac"]}}, {"ORTH": ",", "OP": "?"},
     {"IS_TITLE": True, "POS": "PROPN", "OP": "+"}, {"LOWER": "for"}, {"IS_TITLE": True, "POS": "PROPN", "OP": "+"}],
]

# a word every one of those patterns needs
_ORG_NAME_WORDS = word_ids([*ORG_ENDINGS, *_OF_BODIES, "office", "committee", "campaign", "pac"])


def patterned_orgs(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """Organisations the model missed that their name's shape gives away (ORG_NAME_PATTERNS
    and COMMITTEE_NAME_PATTERNS, one spaCy Matcher over the paragraphs). A mention inside
    such a name is replaced by it; one reaching outside it keeps its place."""
    if not parsed.docs:
        return found
    matcher = _org_name_matcher(parsed.docs[0].vocab)
    starts = [m.start for m in found]
    added: list[Mention] = []
    for p, doc in enumerate(parsed.docs):
        for span in matcher(doc, as_spans=True) if holds(doc, LOWER, _ORG_NAME_WORDS) else ():
            if span.label_ == "COMMITTEE":
                span = span[2:] if span[1].text == "," else span[1:]  # the name, not the noun before it
            if span[0].lower_ in ("the", "a", "an"):
                span = span[1:]
            if len(span) < 2 or "\n" in span.text:
                continue
            start, end = parsed.offset(p, span.start_char), parsed.offset(p, span.end_char)
            if any(m.start < start or m.end > end for m in overlapping(found, starts, start, end)):
                continue
            added.append(Mention(p, parsed.sentence_id(p, span.start), start, end, span.text, "ORG", span.text,
                                 sure=True))
    return replace_inside(found, added)


# nouns for a body of people that a name may follow in apposition ("A parents' group, the
# Dongmun Applicants' Parents Association, demanded")
_APPOSED_BODY_NOUNS = word_ids("""
group association campaign organisation organization coalition charity alliance network society
movement collective forum trust union committee club
""".split())
# the small words a body's name may hold between its capitalised ones
_NAME_JOINERS = frozenset("for of and the 's ’s ' ’ &".split())


def bodies_in_apposition(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """A name set off by commas right after the subject phrase of a noun for a body of
    people is that body's, whole ("A campaign group set up at the weekend, Keep
    Drumcarrow's Doctors, said"; "A parent group ..., Ridgeburn Families for Five Days,
    wrote"), whatever the model made of its words. The noun must itself be the subject: in
    "a spokesman for the group, John Smith," the name is the spokesman's. A mention inside
    the name is replaced by it."""
    def names(doc: Doc) -> Iterator[Span | None]:
        for noun in tokens_where(doc, (LEMMA, _APPOSED_BODY_NOUNS)):
            if noun.dep_ in ("nsubj", "nsubjpass") and noun.pos_ == "NOUN":
                yield name_after_comma(doc, noun)

    return _names_found(parsed, found, "ORG", names, lambda m: m.label == "PERSON" and m.sure)


def people_in_apposition(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """A name of two capitalised words or more in apposition to a noun only a person is
    called, either way round ("Abul Kalam Azad Bhuiyan, a day labourer from Char Dighirpar,
    brought"; "The forum's lawyer, Anneliese du Plooy, told"), is a person's, where the
    model found no person in it (a name it has never seen, or whose given name it took for
    an adjective). What the model found inside the name is replaced by it."""
    def names(doc: Doc) -> Iterator[Span | None]:
        for noun in tokens_where(doc, (POS, _NOUN_AND_PROPER_IDS)):
            if (noun.pos_ == "NOUN" or noun.is_title) and people_only(noun.lemma_.lower()) or _legislator(noun):
                if noun.dep_ == "appos" and noun.head.i < noun.i:
                    yield _name_ending_at(doc, noun.head)
                yield from (_name_ending_at(doc, c) for c in noun.rights if c.dep_ == "appos")

    # the model's other names for the words stand, but for a people's adjective ("Anneliese", NORP)
    return _names_found(parsed, found, "PERSON", names, lambda m: m.label != "NORP" or m.sure)


def people_who(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """A name of two capitalised words or more that a "who" clause follows ("Noemí
    Yturralde, who directs the project, said") is a person's, where the model found no
    entity in it."""
    def names(doc: Doc) -> Iterator[Span | None]:
        for who in tokens_where(doc, (LOWER, _WHO_IDS)):
            clause = who.head
            if who.dep_ == "nsubj" and clause.dep_ == "relcl" and who.i > 1 and doc[who.i - 1].text == "," \
                    and clause.head.i == who.i - 2:
                yield _name_ending_at(doc, clause.head)

    return _names_found(parsed, found, "PERSON", names, lambda m: True)


def people_after_office(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """The holder named at the end of an office's phrase, right before its verb: "Akim of
    At-Bashy district Azamat Imanaliev said", "Governor of Lagos State Babajide Sanwo-Olu
    said", "Deputy of the Jogorku Kenesh Cholpon Mamyrova wrote". The model runs the place
    or the body into the name, or takes the name for a place; the name is the capitalised
    words after the last word of the body's (a place's kind, a portfolio, a body's word, a
    word in lower case), and of a longer run of capitalised words the last two. What the
    model found in the office's phrase across the name is replaced by it."""
    def names(doc: Doc) -> Iterator[Span | None]:
        for subject in tokens_where(doc, (POS, _NOUN_AND_PROPER_IDS)):
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i > subject.i:
                yield _holder_named_last(doc, subject)

    people = {(m.start, m.end) for m in found if m.label == "PERSON"}
    added = []
    for p, doc in enumerate(parsed.docs):
        for span in filter(None, names(doc)):
            start, end = parsed.offset(p, span.start_char), parsed.offset(p, span.end_char)
            if (start, end) not in people:  # else the model's reading stands
                added.append(Mention(p, parsed.sentence_id(p, span.start), start, end, span.text, "PERSON", span.text,
                                     sure=True))
    return replace_inside(found, added)


# words that end a body's or a place's name before its holder's: "Lagos State", "At-Bashy
# district", "Minister of Finance"
_OFFICE_BOUNDS = JURISDICTIONS | PORTFOLIO_WORDS | ORG_ENDINGS | ORG_NOUNS | _OF_BODIES | TITLES | frozenset(
    "province region municipality ward constituency governorate prefecture oblast island islands".split())


def _holder_named_last(doc: Doc, subject: Token) -> Span | None:
    """The name that ends the phrase of `subject` right before its verb, where the phrase
    opens with an office ("The Governor") and "of" or "for" (see people_after_office)."""
    office = doc[subject.left_edge.i + (subject.left_edge.lower_ == "the")]
    last = doc[subject.head.i - 1]
    if office.i + 3 > last.i or not office.is_title or doc[office.i + 1].lower_ not in ("of", "for") \
            or not (office.lower_ in PERSON_TITLES or people_only(office.lemma_.lower())) \
            or last.pos_ != "PROPN" or not last.is_title or not subject.left_edge.i <= last.i <= subject.right_edge.i:
        return None
    prep = doc[office.i + 1]
    words: list[int] = []  # where each word of the name starts ("Sanwo-Olu" one word)
    i = last.i
    while i > prep.i + 1:
        tok = doc[i]
        if i > prep.i + 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            i -= 2
            continue  # "Sanwo-Olu": on to the word's first part
        if tok.pos_ != "PROPN" or not tok.is_title or tok.lower_ in _OFFICE_BOUNDS:
            break
        words.append(i)
        i -= 1
    if len(words) < 2 or len(words) == 3 and doc[words[-1]].ent_type_ not in ("GPE", "LOC", "ORG", "FAC", "NORP"):
        return None  # "Kampala Erias Lukwago" only where the article names the place alone (entities)
    span = doc[words[1]:last.i + 1]
    return None if ends_like_no_person(span.text.split()) else span


# what a member of which is a person: "The area's Member of Parliament, Wendall Rolle,"
_LEGISLATURES = frozenset("parliament congress house assembly senate legislature council knesset dáil".split())


def _legislator(noun: Token) -> bool:
    """"Member of Parliament", "member of the National Assembly": a person, where a
    "member" alone may be a body (a member state)."""
    return noun.lower_ == "member" and any(
        o.dep_ == "pobj" and o.lower_ in _LEGISLATURES for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children)


def _names_found(parsed: Parsed, found: list[Mention], label: str, names: Callable[[Doc], Iterator[Span | None]],
                 blocked: Callable[[Mention], bool]) -> list[Mention]:
    """`found` with each name `names` finds in a paragraph as a mention of `label`, replacing
    the mentions inside it, unless a mention reaches outside it or is `blocked`."""
    starts = [m.start for m in found]
    added: dict[tuple[int, int], Mention] = {}
    for p, doc in enumerate(parsed.docs):
        for span in names(doc):
            if span is None:
                continue
            start, end = parsed.offset(p, span.start_char), parsed.offset(p, span.end_char)
            if not any(m.start < start or m.end > end or blocked(m) for m in overlapping(found, starts, start, end)):
                added[start, end] = Mention(p, parsed.sentence_id(p, span.start), start, end, span.text, label,
                                            span.text, sure=True)
    return replace_inside(found, list(added.values()))


def _name_ending_at(doc: Doc, head: Token) -> Span | None:
    """The name whose last word is `head`: the capitalised words and name particles before
    it that hang on it, two words at least."""
    if head.pos_ != "PROPN":
        return None
    first = head.i
    while first > 0 and first <= doc[first - 1].head.i <= head.i and (
            doc[first - 1].is_title or doc[first - 1].lower_ in PARTICLES) and doc[first - 1].pos_ in ("PROPN", "ADJ"):
        first -= 1
    while head.i - first >= 2 and (doc[first].lower_ in TITLES or doc[first].lower_ in PARTY_WORDS
                                   or address_before_full_name(doc[first].text, head.i - first + 1)):
        first += 1  # "The District Natural Resources Officer, Ms Upendo Mtenga,": her name; "Ma Thiri Naing";
        # "His challenger, Democrat Alistair Pendleworth,"
    span = doc[first:head.i + 1]
    if len(span) < 2 or not shaped_like_a_name(span) or span[0].lower_ in PARTICLES or span[0].lower_ in _NAME_JOINERS \
            or ends_like_no_person([t.text for t in span]):
        return None  # "Farmers in Kyabulemba village, Kasese District,"
    return span


def name_after_comma(doc: Doc, noun: Token) -> Span | None:
    """The capitalised name between the first two commas after `noun`, when the first
    comma closes the noun's own phrase and the second comes before the verb it is subject of."""
    verb = noun.head
    comma = next((t for t in doc[noun.i + 1:min(verb.i, noun.i + 12)] if t.text == ","), None)
    if comma is None or any(t.head.i < noun.i or t.head.i > comma.i for t in doc[noun.i + 1:comma.i]):
        return None  # "the group, ..." is the phrase's end only if nothing between hangs outside it
    close = next((t for t in doc[comma.i + 1:min(verb.i, comma.i + 9)] if t.text == ","), None)
    if close is None or close.i - comma.i < 2:
        return None
    words = doc[comma.i + 1:close.i]
    if words[0].lower_ == "the":
        words = words[1:]
    if not words or not words[0].is_title or words[0].lower_ in GIVEN_NAMES \
            or not (words[-1].is_title or words[-1].text in ("'", "’")) \
            or not all(w.is_title or w.is_upper or w.lower_ in _NAME_JOINERS for w in words):
        return None
    return words


@cache
def _org_name_matcher(vocab: Vocab) -> Matcher:
    """ORG_NAME_PATTERNS compiled once per pipeline, not once per article (its labels
    outlive a memory zone it may be built in)."""
    matcher = Matcher(vocab)
    for label in ("ORG", "COMMITTEE"):
        vocab.strings.add(label, allow_transient=False)
    matcher.add("ORG", ORG_NAME_PATTERNS, greedy="LONGEST")
    matcher.add("COMMITTEE", COMMITTEE_NAME_PATTERNS, greedy="LONGEST")
    return matcher


def titled_people(parsed: Parsed, found: list[Mention]) -> tuple[list[Mention], set[Mention]]:
    """People the model missed but a title gives away: "Mayor Ana Ruiz", "Dr. Lena Marsh";
    and people it cut short after their title ("Ms [Annet] Tusiime Ankunda"). Returns the
    mentions to add and the model's mentions they replace."""
    taken = Spans((m.start, m.end) for m in found if m.label != "PERSON")
    people = Spans((m.start, m.end) for m in found if m.label == "PERSON")
    by_start = {m.start: m for m in found if m.label == "PERSON"}
    out: list[Mention] = []
    replaced: set[Mention] = set()
    for p, doc in enumerate(parsed.docs):
        for tok in tokens_where(doc, (LOWER, _PERSON_TITLE_IDS)):
            if tok.i + 1 == len(doc) or doc[tok.i + 1].lower_ in TITLES \
                    or tok.text.isupper() and tok.lower_ in _LETTERS_NOT_TITLES:
                continue
            first = tok.i + 1 + (doc[tok.i + 1].text == "." and tok.i + 2 < len(doc))  # "Hon. Ade Ogun"
            end = first
            while end < len(doc) and end - first <= 2 and doc[end].pos_ in ("PROPN", "NOUN") \
                    and doc[end].text[:1].isupper():  # "Mr O’Driscoll": the tagger may call it a noun
                end += 1
            if end == first:
                continue
            span = doc[first:end]
            start = parsed.offset(p, span.start_char)
            stop = start + len(span.text)
            if taken.overlaps(start, stop) or ends_like_no_person([t.text for t in span]):
                continue  # "Queen Elizabeth National Park" is no Queen's name
            if people.overlaps(start, stop):
                short = by_start.get(start)
                if short is None or short.end >= stop:
                    continue  # the model's own name for the person, as long or starting elsewhere
                replaced.add(short)
            out.append(Mention(p, parsed.sentence_id(p, span.start), start, stop, span.text, "PERSON", span.text,
                               sure=True))
    return out, replaced


def known_outlets(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """Outlets and platforms the model missed ("Twitter announced"): a capitalised word
    that is one of lexicon.KNOWN_ORGS, where no mention stands."""
    taken = Spans((m.start, m.end) for m in found)
    out = []
    for p, doc in enumerate(parsed.docs):
        for tok in tokens_where(doc, (LOWER, _KNOWN_ORG_IDS)):
            if tok.text[:1].isupper():
                start = parsed.offset(p, tok.idx)
                if not taken.overlaps(start, start + len(tok)):
                    out.append(Mention(p, parsed.sentence_id(p, tok.i), start, start + len(tok), tok.text, "ORG",
                                       tok.text, sure=True))
    return out


def completed_names(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """Full names the model missed where it found a shorter form elsewhere: "Chidinma
    Arinze" once, "Arinze" after; "Siobhán Nic Dhonnacha", then "Nic Dhonnacha". Up to
    two capitalised proper nouns, no title, right before a person's name of one or two
    words join it as one person's mention; a name the model reads as a person's less
    often than as something else is no person's."""
    votes = Counter((m.name, m.label == "PERSON") for m in found)  # "Corran Hill" a place thrice, a person once
    short = {m.name for m in found if m.label == "PERSON" and len(m.name.split()) <= 2 and m.name[:1].isupper()
             and votes[m.name, True] >= votes[m.name, False]}
    # the surname of a family the article names in full: "Aitor Urkiaga", where the model
    # found only "His daughter, Arantxa Urkiaga"
    short |= {m.name.split()[-1] for m in found if m.label == "PERSON" and len(m.name.split()) == 2
              and m.name.split()[-1][:1].isupper() and votes[m.name, True] >= votes[m.name, False]}
    # "Du Plooy said", whatever the model took it for: a surname whose particle opens a
    # sentence, looked for with the particle in lower case after a given name ("Anneliese du Plooy")
    short |= {f"{m.name[:1].lower()}{m.name[1:]}" for m in found if len(m.name.split()) == 2
              and m.name.split()[0].lower() in PARTICLES and m.name.split()[1][:1].isupper()}
    if not short:
        return found
    known = {tuple(name.split()) for name in short}  # looked up by the words at each place: linear
    # a mention inside the longer name is the model's shorter reading ("Chidinma" as NORP,
    # "Anwar Basha" of "Shaik Anwar Basha"), unless it reads as a people's or a party's
    # name ("Republican Cruz", "Democrat Manchin"); a mention reaching outside it
    # ("Marie-Claude Aubertin" around "Claude Aubertin") means the name is already whole
    starts = [m.start for m in found]

    def blocked(start: int, name_start: int, end: int) -> bool:
        return any(m.start < start or m.end > end or (m.sure and m.label != "PERSON") or (
            m.end <= name_start and (_DEMONYM.search(m.name) or m.name.lower() in PARTY_WORDS))
            for m in overlapping(found, starts, start, end))  # "Ballinacrag Rovers" stays a club

    added: list[Mention] = []
    firsts = word_ids({name[0] for name in known})
    for p, doc in enumerate(parsed.docs):
        for tok in tokens_where(doc, (ORTH, firsts)):
            i = tok.i
            for length in (1, 2):
                last = i + length - 1
                if last >= len(doc) or tuple(t.text for t in doc[i:last + 1]) not in known:
                    continue
                first = _name_start(doc, tok.i, last)
                if first == tok.i:
                    continue
                span = doc[first:last + 1]
                start = parsed.offset(p, span.start_char)
                end = start + len(span.text)
                if not blocked(start, parsed.offset(p, tok.idx), end):
                    # a titled person's mention it replaces keeps its weight ("Mayor Bill de Blasio")
                    sure = any(m.sure and m.label == "PERSON" for m in overlapping(found, starts, start, end))
                    added.append(Mention(p, parsed.sentence_id(p, first), start, end, span.text, "PERSON", span.text,
                                         sure=sure))
    longest: list[Mention] = []
    for m in sorted(added, key=lambda m: (m.start, -m.end)):  # one mention per place, the longest
        if not longest or m.start >= longest[-1].end:
            longest.append(m)
    return replace_inside(found, longest)


def _name_start(doc: Doc, i: int, last: int) -> int:
    """Where a name that the model read from token i to `last` really starts: up to two
    given names before it, across surname particles ("Henrik ter Horst") or a hyphen
    ("Marie-Claude"), but not a word of address before a full name ("Ma Thiri Naing")."""
    j = i
    while j > 0 and doc[j - 1].lower_ in PARTICLES:
        j -= 1
    given = 0
    while j > 0 and given < 2 and given_word(doc[j - 1], english=given == 0 and i == last) \
            and not address_before_full_name(doc[j - 1].text, last - j + 2):
        j, given = j - 1, given + 1
    if given:
        return j
    if i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
            and given_word(doc[i - 2]):
        return i - 2
    return i


def given_word(tok: Token, *, english: bool = False) -> bool:
    """A capitalised proper noun that may open a name: not a title or an occupation
    ("Treasurer"), nor their plural ("Commissioners Dorian Pettifer and Leona Sowerby").
    With `english` (right before a surname the article knows), only an English noun is an
    occupation for its shape: "Herder Ts. Oyunbileg", but "Aitor Urkiaga", "First
    Selectman Hollister Farrisford"."""
    word = tok.lower_
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text.istitle() and "\n" not in tok.whitespace_ \
        and word not in _NOT_GIVEN and not any(
            w in TITLES or w in LOCAL_OFFICES or occupation(w) and (not english or _english_noun(w))
            for w in {word, word.removesuffix("s")})


# words of bodies' names and portfolios in title case, never a given name: "Coalition Against
# Trump", "Team Trump", "Director of Government Affairs Phil Smith"
_NOT_GIVEN = ORG_NOUNS | ORG_ENDINGS | _NAME_JOINERS | PORTFOLIO_WORDS | frozenset(
    "against with to in on at from by team friends citizens people".split())


def _english_noun(word: str) -> bool:
    return word in OCCUPATIONS or word in PERSON_NOUNS or word in PERSON_SHAPED_NOUNS


def bodies_written_longer(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """"In a statement, Even HaNof said", "that Frigo Planina had honoured": a capitalised
    word the model left out beside a body's name is part of the name where the article
    writes the two together twice or more, once at least inside a sentence. Every place the
    article writes the fuller name is then the body's mention, joined with what the model
    found across it ("[Even] HaNof Quarries" opening a sentence). One PhraseMatcher over
    the paragraphs counts and finds the fuller names: linear in the article."""
    people = {m.name for m in found if m.label == "PERSON"}
    names: set[str] = set()
    for m in found:
        if m.label != "ORG" or m.name.count(" ") > 2 or m.name in people:  # "Team Trump" is no fuller Trump
            continue
        base = parsed.article.paragraphs[m.paragraph].start
        span = parsed.docs[m.paragraph].char_span(m.start - base, m.end - base)
        if span is None or sum(t.is_lower for t in span.sent) < 3:
            continue  # not "These Are the People Who Died in the EgyptAir Crash"
        before = span.doc[span.start - 1] if span.start > span.sent.start + 1 else None  # not a sentence's first word
        after = span.doc[span.end] if span.end < span.sent.end else None
        names |= {name for word, name in ((before, f"{before} {m.text}"), (after, f"{m.text} {after}"))
                  if word is not None and _left_out(word)}
    if not names:
        return found
    matcher = PhraseMatcher(parsed.docs[0].vocab)
    make_doc = parsed.make_doc or (lambda text: Doc(matcher.vocab, words=text.split()))
    for name in names:
        matcher.add(name, [make_doc(name)])
    hits = [(p, span) for p, doc in enumerate(parsed.docs) for span in _leftmost_longest(matcher(doc, as_spans=True))]
    twice = {name for name, n in Counter(span.label_ for _, span in hits).items() if n >= 2}
    starts = [m.start for m in found]
    added: list[Mention] = []
    for p, span in hits:
        if span.label_ not in twice:
            continue
        start, end = parsed.offset(p, span.start_char), parsed.offset(p, span.end_char)
        across = overlapping(found, starts, start, end)
        if any(m.label not in ("ORG", "") or m.paragraph != p for m in across):
            continue
        start, end = min([start, *(m.start for m in across)]), max([end, *(m.end for m in across)])
        text = parsed.article.text[start:end]
        added.append(Mention(p, parsed.sentence_id(p, span.start), start, end, text, "ORG", text))
    return replace_inside(found, added)


def _left_out(word: Token) -> bool:
    """A capitalised word beside a body's name that may be a word of the name the model
    left out: no title, no entity's word, no small word."""
    return word.is_title and word.is_alpha and not word.ent_type_ and word.lower_ not in TITLES \
        and word.pos_ not in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM")


def repeats(parsed: Parsed, found: list[Mention], titles: Spans) -> list[Mention]:
    """Names the model found once but missed elsewhere, and people's surnames alone.

    One name keeps one sense within an article, so every other place the article writes
    a found name (or a found person's surname) is a mention too. A single word counts
    only where the parser tags it as a proper noun, so "May" the month stays out. One
    PhraseMatcher over each paragraph's tokens finds them all: linear in the article.
    """
    sure = [m for m in found if m.label and not titles.holds(m.start)]
    names = {m.name for m in sure if m.name[:1].isupper()}
    surnames = {m.name.split()[-1] for m in sure if m.label == "PERSON" and " " in m.name} \
        | {paternal_surname(m.name) for m in sure if m.label == "PERSON"} - {None}  # "Cely" of "... Cely Avendaño"
    names |= surnames
    lower = _lower_case_words(parsed.article.text)
    # the surname of a name the model labelled otherwise counts where the text shows a
    # person ("Tomasz Wilk" as ORG; "Wilk, who has scored")
    only_who = {m.name.split()[-1] for m in sure if m.label != "PERSON" and looks_like_a_name(m.name)} - names
    glued_names = {n for n in names if len(n) > 1}
    names = glued_names | {n for n in only_who if len(n) > 1} | _first_words(sure, names, parsed.article.text)
    if not names:
        return []
    matcher = PhraseMatcher(parsed.docs[0].vocab)
    make_doc = parsed.make_doc or (lambda text: Doc(matcher.vocab, words=text.split()))
    for name in names:
        matcher.add(name, [make_doc(name)])
    taken = Spans((m.start, m.end) for m in found)
    out: list[Mention] = []
    for p, doc in enumerate(parsed.docs):
        text, base = parsed.article.paragraphs[p].text, parsed.article.paragraphs[p].start
        for span in _leftmost_longest(matcher(doc, as_spans=True)):
            lo, hi = span.start_char, span.end_char
            if (lo and (text[lo - 1].isalnum() or text[lo - 1] in "_-")) or \
                    (hi < len(text) and (text[hi].isalnum() or text[hi] in "_-")):
                continue  # inside a longer word or a hyphenated one ("Xi-led")
            if taken.overlaps(base + lo, base + hi) or (" " not in span.text and span[0].pos_ != "PROPN"
                                                         and (span.text not in surnames or span.text.lower() in lower)):
                continue  # "May" the month; but "Rowlands said", a surname tagged as a noun
            who = span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "who"
            if span.text in only_who and not who:
                continue
            out.append(Mention(p, parsed.sentence_id(p, span.start), base + lo, base + hi, span.text,
                               "PERSON" if who else "", span.text, sure=who))  # "Wilk, who has scored": a person
        out += _glued(parsed, p, glued_names, taken)
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=4)
def _lower_case_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case: "white", "may", "national" as common words
    (an article's, asked for twice)."""
    return frozenset(w for w in _LETTERS.findall(text) if w[:1].islower())


def _first_words(found: list[Mention], names: set[str], text: str) -> set[str]:
    """"Peabody" for "Peabody Energy": the first of a two-word business name, which the
    article may use alone, unless it is a given name, a word the article also writes in
    lower case ("National", "White") or one it names something else by. A body's name
    ("Larkfield General Hospital", "Wessland Department of Transportation") often opens
    with its place: those are left out."""
    lower = _lower_case_words(text)
    out = set()
    for m in found:
        words = m.name.split()
        first = words[0]
        if m.label == "ORG" and len(words) == 2 and words[1].lower() not in ORG_ENDINGS and len(first) > 2 \
                and first.isalpha() and first[:1].isupper() and first.lower() not in GIVEN_NAMES \
                and first.lower() not in lower:
            out.add(first)
    return out - names


def _glued(parsed: Parsed, p: int, names: set[str], taken: Spans) -> list[Mention]:
    """One-word names inside a token glued to punctuation ('">Sanders', "Warren.$WFC"),
    which the token matcher cannot see: each run of letters in such a token is looked up."""
    doc, base = parsed.docs[p], parsed.article.paragraphs[p].start
    out = []
    flags = doc.to_array([IS_ALPHA, IS_PUNCT]).reshape(len(doc), 2).tolist() if len(doc) else []
    for tok in (doc[i] for i, (alpha, punct) in enumerate(flags) if not alpha and not punct):
        for run in _LETTERS.finditer(tok.text):
            lo, hi = tok.idx + run.start(), tok.idx + run.end()
            if run.group() in names and run.group() != tok.text and not taken.overlaps(base + lo, base + hi) \
                    and tok.text[run.start() - 1:run.start()] not in ("-", "_") \
                    and tok.text[run.end():run.end() + 1] not in ("-", "_"):
                out.append(Mention(p, parsed.sentence_id(p, tok.i), base + lo, base + hi, run.group(), "",
                                   run.group()))
    return out


def _leftmost_longest(spans: list[Span]) -> list[Span]:
    """Non-overlapping matches, reading left to right and taking the longest at each place."""
    out, end = [], -1
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if span.start >= end:
            out.append(span)
            end = span.end
    return out


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)")
_ACRONYM_WORD = re.compile(r"(?:[A-Z][\w'’&.-]*|and|of|for|&)$")


def bracketed_acronyms(mentions: list[Mention], text: str) -> list[Mention]:
    """"Derwent Marine Research Station (DMRS)": the acronym is a mention of the same
    name, so its later uses are found as repeats. Where the model cut the name short
    ("Harrowfield and [District Hospitals Trust] (HDHT)"), the acronym's letters say how
    far back the name starts, and the words before it join the mention."""
    out: list[Mention] = []
    found = {m.start for m in mentions}
    for m in mentions:
        after = _BRACKETED.match(text, m.end)
        if after is None or m.label not in ("ORG", "GPE", "NORP", "FAC", "LOC") or " " not in m.name:
            out.append(m)
            continue
        letters = after.group(1).replace(".", "")
        if initials(m.name) != letters:
            m = _extend_to_initials(m, text, letters)
            while out and out[-1].end > m.start:  # "Harrowfield" alone is now part of the name
                out.pop()
        out.append(m)
        lo, hi = after.span(1)
        if lo not in found:
            out.append(Mention(m.paragraph, m.sentence, lo, hi, after.group(1), m.label, after.group(1)))
    return out


def spelled_acronyms(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """Acronyms the model missed that spell an organisation the article names: "RTWU" for
    the Remote Technical Workers Union. Each becomes a mention; canonical names join it
    to the organisation."""
    spelled = {initials(m.name) for m in found if m.label in ("ORG", "FAC") and len(m.name.split()) >= 2}
    spelled = {a for a in spelled if len(a) >= 3}
    if not spelled:
        return found
    taken = Spans((m.start, m.end) for m in found)
    added = []
    for p, doc in enumerate(parsed.docs):
        for tok in doc:
            if tok.is_upper and tok.text in spelled:
                start = parsed.offset(p, tok.idx)
                if not taken.overlaps(start, start + len(tok)):
                    added.append(Mention(p, parsed.sentence_id(p, tok.i), start, start + len(tok), tok.text, "ORG",
                                         tok.text))
    return sorted(found + added, key=lambda m: m.start) if added else found


def _extend_to_initials(m: Mention, text: str, letters: str) -> Mention:
    """`m` with up to four words before it, in the same line, if they complete its initials."""
    line_start = text.rfind("\n", 0, m.start) + 1
    words = text[line_start:m.start].split()[-4:]
    for k in range(1, len(words) + 1):
        lead = words[-k:]
        if not all(_ACRONYM_WORD.match(w) for w in lead) or not lead[0][:1].isupper():
            continue
        name = " ".join(lead + [m.name])
        if initials(name) == letters:
            start = text.rindex(lead[0], line_start, m.start)
            if text[start:m.end].split() == name.split():
                return replace(m, start=start, text=text[start:m.end], name=name)
    return m
