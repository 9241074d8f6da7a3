"""The entity model's spans made mentions: a name the model read as two joined ("[Collins]
[Kibet Rotich]"), one it began a word early trimmed ("Injecting Clinton"), one it cut
short widened ("[Josphat Kimani] Ndung'u"), a person inside a body's span found ("Mosgrove
County Sheriff Sterling Pasquale"), post-nominals and titles taken off, names joined by
slashes split, and each span's label checked against the words around it ("homes in
Aldmoor" is a place; "Mayor Elena Marsh" a person). Grammar over one paragraph's Doc."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from ..lexicon import (
    BALINESE_ORDER_NAMES,
    DIGRAPH_INITIALS,
    HONORIFICS_AFTER,
    JURISDICTIONS,
    KNOWN_ORGS,
    LOCAL_OFFICES,
    OCCUPATIONS,
    PATRONYMIC_AFTER,
    PERSON_ROLES,
    PERSON_TITLES,
    TITLES,
    address_before_full_name,
    noun_kind,
    occupation,
)
from ..pipeline.nlp import Parsed
from .canonical import (
    ACRONYM,
    LEGAL_FORMS,
    ORG_ENDINGS,
    ORG_OPENER_JOINS,
    ORG_OPENERS,
    PLACE_ENDINGS,
    ends_like_no_person,
)
from .missed_names import PARTICLES, PARTY_WORDS, given_word
from .spans import Mention
from .type_evidence import DASHES, after_body_noun, dateline_agency

NAMED_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                "WORK_OF_ART", "LAW", "LANGUAGE")


_NOT_NAME_POS = frozenset("VERB AUX ADP ADV SCONJ CCONJ DET PRON PART".split())


_PLACE_PREPOSITIONS = frozenset("in near outside around across inside throughout".split())


_SITTING_BODIES = frozenset("congress parliament senate court government cabinet office".split())


# Photo credits run names into the credit's words: "Kremlin Pool Photo", "Ahmed Mohamed Image".
_CREDIT_SUFFIX = {
    "ORG": re.compile(r"\s+(?:Pool\s+)?(?:Photo|Photos|Pool)$"),
    "PERSON": re.compile(r"\s+(?:Pool\s+)?(?:Photo|Photos|Pool|Image|Images|Picture)$"),
}


_NICKNAME = re.compile(r"\s+[\"“‘'][A-Z][\w.'’-]*[\"”’']\s+")


POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def model_mentions(parsed: Parsed):
    """Paragraph by paragraph, the mentions the entity model's spans make (see above)."""
    for p, doc in enumerate(parsed.docs):
        reach = 0  # where the last span ended: a name widened over the next entity takes it in
        for ent in _joined_people(doc.ents):
            if ent.label_ not in NAMED_LABELS or _is_adjective(ent) or _title_of_next(ent) or _role_noun(ent) \
                    or ent.start < reach:
                continue
            sent = parsed.sentence_id(p, ent.start)
            ent, letters = _without_post_nominal(ent)
            letters = letters or _opens_with_courtesy_title(ent)
            if letters and ent.label_ != "PERSON":
                ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
            ent = _widened(_trimmed(_committee_name(_before_open_bracket(_before_dateline_dash(ent)))))
            reach = max(reach, ent.end)
            person = _named_after_title(ent) or _initialled_inside(ent)
            if person is not None:
                ent, letters = person, True
            titled = (letters or _after_person_title(ent) or _described_as_person(ent)) \
                and not ends_like_no_person([t.text for t in ent])  # "Farmers in ..., Kasese District,"
            after_title = _title_before(ent)
            for piece in _split_slashes(ent, titled=titled):
                mention = _clean(piece, parsed.offset(p, 0), p, sent, after_title=after_title)
                if mention is None:
                    continue
                if _opens_dateline(ent):
                    mention = replace(mention, label="GPE", sure=True)  # "Atar (AMI) –"
                elif dateline_agency(ent):
                    mention = replace(mention, label="ORG", sure=True)  # "VITEBSK, 4 December (BelTA) –"
                elif titled:
                    mention = replace(mention, sure=True)
                elif after_body_noun(ent) and mention.label in ("PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"):
                    mention = replace(mention, label="ORG", sure=True)  # "the band Hollowmere"
                elif mention.name.lower() in KNOWN_ORGS:
                    mention = replace(mention, label="ORG", sure=True)  # "Politico reported"
                elif mention.name.split()[-1].lower() in ORG_ENDINGS and " " in mention.name \
                        or any(w.lower() in LEGAL_FORMS for w in mention.name.split()[1:]):
                    mention = replace(mention, label="ORG", sure=True)  # "Keswick Boatworks Ltd", "... S.A. E.S.P."
                elif _opens_like_a_body(mention.name.split()):
                    mention = replace(mention, label="ORG", sure=True)  # "Asociación de Tejedoras Wila Apacheta"
                elif _after_place_word(ent) and mention.label in ("ORG", "PERSON", "NORP", "GPE"):
                    mention = replace(mention, label="GPE", sure=True)  # "homes in Aldmoor"
                elif mention.label == "PERSON" and ent[0].text in _SAINT and len(ent) > 1:
                    mention = replace(mention, label="GPE", sure=True)  # "Ginger Gully, St Lucy": a parish
                yield mention


# letters after a person's name: a rank, an office or an honour ("Annabel Yelland KC", "Jane Ellery MP")
POST_NOMINALS = frozenset("KC QC SC MP MSP MS MLA MEP TD OBE MBE CBE KBE DBE PhD JP".split()) | HONORIFICS_AFTER


def _without_post_nominal(ent: Span) -> tuple[Span, bool]:
    """A name ending in post-nominal letters is a person's, without them: "Mark Oduya QC"
    is Mark Oduya; a lone "KC" the model labelled takes the name right before it."""
    doc = ent.doc
    if ent[-1].text not in POST_NOMINALS or ent[-1].text == "MS" and ent.label_ != "PERSON":
        return ent, False
    start = ent.start
    if len(ent) == 1:  # "Annabel Yelland [KC]": the capitalised words before it
        while start > 0 and ent.start - start < 3 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            start -= 1
    if ent.end - 1 - start < 1:
        return ent, False
    return Span(doc, start, ent.end - 1, label="PERSON"), True


_COURTESY = frozenset("mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame h.e. hon. hon".split())


def _opens_with_courtesy_title(ent: Span) -> bool:
    """"[Mr de Paor]", "[H.E. Lentaaya]": a name the model read with its courtesy title is a person's."""
    words = [t for t in ent if not t.is_punct]  # "' Mr de Paor": a quote mark the model took in
    return len(words) > 1 and words[0].lower_ in _COURTESY and any(t.pos_ == "PROPN" for t in words[1:])


# "St Lucy", "St. Helens", "Ste-Foy": places, churches and schools named after a saint, not people
_SAINT = frozenset(["St", "St.", "Ste", "Ste.", "Sainte"])


def _given_read_as_adverb(tok: Token) -> bool:
    """"said [Elke Brandstätter]": a given name the tagger has never seen and calls an
    adverb, capitalised in mid-sentence and no common word ("Only", "Even" are)."""
    return tok.pos_ == "ADV" and tok.is_title and not tok.is_sent_start and not tok.is_stop


def _named_after_title(ent: Span) -> Span | None:
    """"[Mosgrove County Sheriff Sterling Pasquale]", one body to the model: the capitalised
    words after a person's title inside a longer name are that person's (not inside a
    person's own name, where a title's word may be a name: "Bishnu Kumari Dhakal")."""
    for k in range(1, len(ent) - 1 if ent.label_ != "PERSON" else 0):
        title, tail = ent[k], ent[k + 1:]
        if title.lower_ in PERSON_TITLES and title.is_title and len(tail) <= 3 \
                and all(t.is_title or t.lower_ in PARTICLES for t in tail) and tail[0].lower_ not in PARTICLES \
                and not ends_like_no_person([t.text for t in tail]) and not any(t.lower_ in TITLES for t in tail):
            return Span(ent.doc, tail.start, tail.end, label="PERSON")
    return None


# a name's initial: "D.", and the two-letter ones of names romanised from Cyrillic ("Ts.",
# "Kh."), not "Mr." or "St."
_INITIAL = re.compile(rf"(?:[A-Z]|{'|'.join(DIGRAPH_INITIALS)})\.")


def _initialled_inside(ent: Span) -> Span | None:
    """"[Altan Shoroo LLC Kh. Erdenebileg]", one body to the model: an initial and the one
    or two capitalised words that end the span after a body's last word ("LLC") are a
    person's name; so are they after any words when the initial is one of two letters,
    which only a name has."""
    if ent.label_ == "PERSON":
        return None
    for k in range(1, len(ent) - 1):
        tail = ent[k + 1:]
        if _INITIAL.fullmatch(ent[k].text) and len(tail) <= 2 and all(t.is_title and t.pos_ == "PROPN" for t in tail) \
                and (len(ent[k].text) == 3 or ent[k - 1].lower_ in ORG_ENDINGS) \
                and not ends_like_no_person([t.text for t in tail]):
            return Span(ent.doc, ent.start + k, ent.end, label="PERSON")
    return None


def _initialled(ent: Span) -> Span | None:
    """"Ts. [Nyamjav]", "[Sh. Purevsuren]" taken for a body: an initial and one or two
    capitalised words after it are a person's name, the initial with it when no entity
    holds it."""
    doc = ent.doc
    start = ent.start + 1 if _INITIAL.fullmatch(ent[0].text) else ent.start
    name = doc[start:ent.end]
    if not 1 <= len(name) <= 2 or not all(t.is_title and t.pos_ == "PROPN" for t in name) \
            or ends_like_no_person([t.text for t in name]):
        return None
    if start > ent.start:
        return None if ent.label_ == "PERSON" else Span(doc, ent.start, ent.end, label="PERSON")
    before = doc[ent.start - 1] if ent.start else None
    if before is None or not _INITIAL.fullmatch(before.text) or before.ent_type_ or before.whitespace_ != " ":
        return None
    return Span(doc, ent.start - 1, ent.end, label="PERSON")


def _before_open_bracket(ent: Span) -> Span:
    """"[the Student Textbook Parity Project (STPP]), ...": a name the model ran on into the
    bracket after it, not to its close, ends before the bracket (the acronym in it is found
    apart, see missed_names.bracketed_acronyms)."""
    for k in range(1, len(ent)):
        if ent[k].text == "(" and not any(t.text == ")" for t in ent[k:]):
            return Span(ent.doc, ent.start, ent.start + k, label=ent.label)
    return ent


def _opens_like_a_body(words: list[str]) -> bool:
    """"Asociación de Tejedoras ...", "Fundasaun Naroman ba Foho", "Association of Cart
    Drivers of Keur Mbissane": a body's word, then "of" in some language, then more."""
    return len(words) > 2 and words[0].lower() in ORG_OPENERS and words[1].lower() in ORG_OPENER_JOINS


def _before_dateline_dash(ent: Span) -> Span:
    """"[Rabat - Palm] growers ... say": a name the model ran across a title-case dateline's
    spaced dash, opening the paragraph, is the dateline's place alone."""
    if ent.start != 0 or len(ent) < 3:
        return ent
    dash = next((t for t in ent[1:-1] if t.text in DASHES and t.whitespace_
                 and ent.doc[t.i - 1].whitespace_), None)
    return ent if dash is None else Span(ent.doc, ent.start, dash.i, label="GPE")


def _opens_dateline(ent: Span) -> bool:
    """"[Atar] (AMI) – The mayor ...", "[Kiffa] – Herders ...": a name opening the paragraph
    right before a wire service's bracket or a spaced dash is the dateline's place, whatever
    the words after it (the parser takes "The mayor" for its apposition)."""
    doc, i = ent.doc, ent.end
    if ent.start != 0 or i >= len(doc):
        return False
    if doc[i].text == "(":
        close = next((t.i for t in doc[i:i + 6] if t.text == ")"), None)
        if close is None:
            return False
        i = close + 1
    return i < len(doc) and doc[i].text in DASHES and bool(doc[i].whitespace_) and doc[i - 1].whitespace_ != ""


def _trimmed(ent: Span) -> Span:
    """A person's name the model began a word early ("Injecting Clinton", "Beyond Trump",
    a capitalised verb or preposition opening a sentence or a heading): the name alone."""
    if ent.label_ != "PERSON":
        return ent
    start = ent.start
    while ent.end - start > 1 and ent.doc[start].lower_ not in PARTICLES and (
            ent.doc[start].pos_ in _NOT_NAME_POS or ent.doc[start].tag_ == "VBG") and not _given_read_as_adverb(ent[0]):
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label)


def _role_noun(ent: Span) -> bool:
    """"The [MCA] dismissed the claim", "the [MP] said": a title after "the" or an owner,
    used as the noun for its holder, names no body (roles.py finds the holder)."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return len(ent) == 1 and ent[0].lower_ in PERSON_TITLES and before is not None \
        and (before.lower_ == "the" or before.dep_ == "poss" or before.tag_ == "PRP$")


def _title_of_next(ent: Span) -> bool:
    """"[Magistrate] [Nomvula Hlongwane]", "[Harwick County Sheriff] [Dalton Quayle]": a
    title the model took for a name of its own."""
    doc = ent.doc
    return ent[-1].lower_ in PERSON_TITLES and ent.end < len(doc) \
        and doc[ent.end].ent_type_ == "PERSON" and doc[ent.end].ent_iob_ == "B"


def _joined_people(ents) -> list[Span]:
    """A name the model read as two is one: a person's ("[Collins] [Kibet Rotich]"), a
    one-word person entity, no title, with only a space before the next, or a person's
    name whose words all hang on the one-word name of another type after it
    ("[Ionuț-Cătălin] [Vlăduceanu]", the surname taken for a body); a body's
    ("[Lisnacarra Co-operative] [Creamery]"), a name with only a space before a
    one-word organisation whose word ends a body's name."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and ent.label_ == "PERSON" and prev.label_ in ("PERSON", "GPE", "ORG", "NORP") \
                and len(prev) <= 3 and _patronym_between(prev, ent):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")  # "[Hajah] Saerah binti [Haji Metassan]"
        elif prev is None or prev.end != ent.start or prev[-1].whitespace_ != " ":
            out.append(ent)
        elif prev.label_ == ent.label_ == "PERSON" and len(prev) == 1 and prev[0].is_alpha \
                and prev[0].lower_ not in TITLES and not occupation(prev[0].lower_):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
        elif prev.label_ == "PERSON" and len(ent) == 1 and ent.label_ in ("ORG", "GPE", "NORP", "LOC", "PRODUCT") \
                and ent[0].pos_ == "PROPN" and ent[0].is_title and ent[0].lower_ not in ORG_ENDINGS | PLACE_ENDINGS \
                and all(t.head == ent[0] or t.head in prev for t in prev):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")  # "[Ionuț-Cătălin] [Vlăduceanu]"
        elif ent.label_ == "ORG" and len(ent) == 1 and ent[0].lower_ in ORG_ENDINGS \
                and prev.label_ in ("PERSON", "ORG", "NORP"):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
        elif prev.label_ == ent.label_ and len(prev) == len(ent) == 1 and prev[0].dep_ == "compound" \
                and prev[0].head == ent[0] and prev[0].is_title and ent[0].is_title:
            out[-1] = Span(ent.doc, prev.start, ent.end, label=ent.label)  # "[Somsri] [Phonkhet]", two places to it
        else:
            out.append(ent)
    return out


def _patronym_between(prev: Span, ent: Span) -> bool:
    """Whether only a name's middle stands between two entities, the second a person's: at
    most four words, capitalised names none of the model's entities holds and a lower-case
    particle for "son of" or "daughter of" ("[Dayang] Hajah Saerah binti [Haji Metassan]",
    the first read as a place)."""
    gap = prev.doc[prev.end:ent.start]
    return 0 < len(gap) <= 4 and any(t.lower_ in PARTICLES and t.is_lower for t in gap) and all(
        not t.ent_type_ and t.whitespace_ == " " and (t.lower_ in PARTICLES or t.is_title and t.is_alpha)
        for t in gap) and prev[-1].whitespace_ == " "


# a surname the model left out of a person's name: "[Josphat Kimani] Ndung'u", "O'Neill"
_SURNAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)*|(?:O|D|Mc|Mac)['’]?[A-Z][a-z]+")


# what follows a hyphen in a compound, not in a name ("Obama-era", "Trump-backed")
_COMPOUND_ENDS = frozenset("era age led run type like style based backed born made owned free linked funded".split())


def _one_word_entity(doc, i: int) -> bool:
    """Whether token i is an entity of that one word."""
    return doc[i].ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")


def _name_tail(ent: Span) -> int:
    """Where a person's name the model cut short really ends: past a surname its particle
    opens ("[Sherif] al-Shennawy", "[Kamarulzaman] bin Baharom", "[Ana] de Souza"), past the
    word for "son of" or "daughter of" after a father's name ("[Talant Jumabek] uulu"), or past
    the lower-case half of a hyphenated given name ("[Edmund Mak Hok]-lam", "[Park
    Min]-ah"); else where it ends."""
    doc, end = ent.doc, ent.end
    if end < len(doc) and doc[end].lower_ in PATRONYMIC_AFTER and ent[-1].whitespace_ == " ":
        return end + 1  # "[Talant Jumabek] uulu": son of Jumabek
    if end + 1 < len(doc) and doc[end].lower_ in PARTICLES and doc[end].is_lower and ent[-1].whitespace_ == " ":
        if doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_ \
                and end + 2 < len(doc) and _SURNAME.fullmatch(doc[end + 2].text):
            return end + 3
        k = end + 1  # a father's title may stand between: "[Saerah] binti Haji Metassan"
        while k + 1 < len(doc) and doc[k].lower_ in PERSON_TITLES and doc[k].is_title and doc[k].whitespace_ == " ":
            k += 1
        if doc[end].whitespace_ == " " and doc[k].pos_ == "PROPN" and _SURNAME.fullmatch(doc[k].text) \
                and (not doc[k].ent_type_ or _one_word_entity(doc, k)):
            return k + 1  # "[Cheikhna] ould Boukhreiss", the surname read as a body of its own too
    if len(ent) >= 2 and end + 1 < len(doc) and doc[end].text == "-" and not ent[-1].whitespace_ \
            and not doc[end].whitespace_ and ent[-1].text.istitle() and doc[end + 1].is_lower \
            and doc[end + 1].is_alpha and len(doc[end + 1]) <= 5 and doc[end + 1].lower_ not in _COMPOUND_ENDS \
            and doc[end + 1].tag_ not in ("VBN", "VBD", "JJ"):
        return end + 2
    return end


def _widened(ent: Span) -> Span:
    """An organisation's name the model cut short ("Tillamere [Outdoor Gear Inc.]"): the
    capitalised proper nouns right before it that no other entity holds join it, and a
    legal form right after it ("[Khangai Nuur] LLC"). A name after an initial takes the
    initial ("Ts. [Nyamjav]"). A
    person's name it cut short before a surname ("[Josphat Kimani] Ndung'u,") takes the
    one proper noun after it that no entity holds and that names no body or place."""
    if ent.start and ent.doc[ent.start - 1].text in ("I", "Ni") and ent[0].lower_ in BALINESE_ORDER_NAMES:
        return Span(ent.doc, ent.start - 1, ent.end, label="PERSON")  # "I Wayan Sudarsana", "Ni Made Wartini"
    initialled = _initialled(ent)
    if initialled is not None:
        return initialled
    if ent.label_ == "PERSON":
        doc, end = ent.doc, ent.end
        tail = _name_tail(ent)
        start = ent.start
        if tail > end and len(ent) == 1 and doc[end].lower_ in PATRONYMIC_AFTER and start \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_:
            start -= 1  # "Talant [Jumabek] uulu": the given name before the father's
        if tail > end:
            return Span(doc, start, tail, label=ent.label)
        before = doc[ent.start - 1] if ent.start else None
        one_word = len(ent) == 1 or len(ent) == 3 and ent[1].text == "-" and not ent[0].whitespace_  # "Bowen-Rees"
        if one_word and before is not None and _given_name_left_out(before, ent):
            return Span(doc, ent.start - 1, end, label=ent.label)
        after = doc[end] if end < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and not after.ent_type_ and ent[-1].whitespace_ == " " \
                and _SURNAME.fullmatch(after.text) and after.lower_ not in ORG_ENDINGS | PLACE_ENDINGS \
                and noun_kind(after.lower_) is None and (end + 1 == len(doc) or doc[end + 1].pos_ != "PROPN"):
            return Span(doc, ent.start, end + 1, label=ent.label)
        return ent
    if ent.label_ != "ORG":
        return ent
    doc, start, end = ent.doc, ent.start, ent.end
    while start > 0 and ent.start - start < 3 and given_word(doc[start - 1]) and not doc[start - 1].ent_type_:
        start -= 1
    if end < len(doc) and doc[end].text in _LEGAL_FORMS and not doc[end].ent_type_ and ent[-1].whitespace_ == " ":
        end += 1  # "[Khangai Nuur] LLC"
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label)


# a company's legal form, written after its name
_LEGAL_FORMS = frozenset("Ltd Ltd. Limited Inc Inc. Corp Corp. LLC LLP PLC plc GmbH AG Kft. Zrt. Nyrt. S.A. SRL"
                         .split())


# what a campaign committee is "for": "Wrexley for Michigan", "Friends of Ana Ruiz for Congress"
_OFFICES = frozenset("congress senate president governor mayor america assembly council".split())


_COMMITTEE_NOUNS = frozenset("committee campaign pac".split())


def _committee_name(ent: Span) -> Span:
    """"Wrexley's campaign committee, Wrexley for Michigan,": a name "for" a place or an
    office, given as a committee's or a campaign's name, is that body's whole name, not
    the candidate's."""
    doc, end = ent.doc, ent.end
    if ent.label_ not in ("PERSON", "ORG") or end + 1 >= len(doc) or doc[end].lower_ != "for":
        return ent
    place = doc[end + 1]
    if place.pos_ != "PROPN" or not place.text.istitle() or not (place.ent_type_ in ("GPE", "ORG")
                                                                or place.lower_ in _OFFICES):
        return ent
    while end + 2 < len(doc) and doc[end + 2].pos_ == "PROPN" and doc[end + 2].ent_iob_ == "I":
        end += 1
    root = ent.root
    named_as = root.dep_ == "appos" and root.head.lemma_.lower() in _COMMITTEE_NOUNS \
        or ent.start > 0 and doc[ent.start - 1].lemma_.lower() in _COMMITTEE_NOUNS
    return Span(doc, ent.start, end + 2, label="ORG") if named_as else ent


def _given_name_left_out(before: Token, ent: Span) -> bool:
    """"board chair [Felicity] [Ornbaum]": the one capitalised word the model left out
    before a surname it took for a person, hung on it as part of the name, with no
    entity, title, body or place word of its own and no proper noun before it."""
    doc = ent.doc
    return before.pos_ == "PROPN" and before.dep_ == "compound" and before.head == ent.root \
        and not before.ent_type_ and before.whitespace_ == " " and _SURNAME.fullmatch(before.text) is not None \
        and before.lower_ not in TITLES | ORG_ENDINGS | PLACE_ENDINGS and noun_kind(before.lower_) is None \
        and not occupation(before.lower_) and (before.i == 0 or doc[before.i - 1].pos_ != "PROPN")


# lower-case words for a country's units written right before the unit's name
_UNIT_NOUNS = frozenset("canton commune wilaya oblast raion rayon voivodeship prefecture governorate".split())


def _after_place_word(ent: Span) -> bool:
    """"in Aldmoor", "near Vikhamn": a one-word name right after a preposition of place
    (not "in Congress": bodies that sit somewhere are listed apart; nor "outside Bynoe's
    Bar": the place is the bar, named after its owner)."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    if len(ent) == 1 and before is not None and before.text in _UNIT_NOUNS:
        return True  # "canton Jura", "wilaya Adrar"
    return len(ent) == 1 and before is not None and before.lower_ in _PLACE_PREPOSITIONS \
        and ent[0].lower_ not in _SITTING_BODIES and not (ent.end < len(doc) and doc[ent.end].text in ("'s", "’s"))


def _after_person_title(ent: Span) -> bool:
    """"Mayor Elena Marsh", "Councillor Tom Becker", "Trumpeter Femi Ogundipe": a person,
    whatever label the model gave."""
    first, before = ent[0], ent.doc[ent.start - 1] if ent.start else None
    if len(ent) > 1 and first.lower_ in PERSON_TITLES and first.text[:1].isupper():
        return True
    if len(ent) > 2 and first.lower_ in PARTY_WORDS and ent[1].lower_ in PERSON_TITLES:
        return True  # "Independent TD Máiréad Corkery", "Republican Sen. Dana Whitlock"
    if len(ent) == 3 and occupation(first.lower_) and all(
            t.pos_ == "PROPN" and t.text.istitle() and t.lower_ not in ORG_ENDINGS | PLACE_ENDINGS for t in ent[1:]):
        return True
    if before is not None and before.pos_ == "NOUN" and before.lower_ in OCCUPATIONS and 2 <= len(ent) <= 3 and all(
            t.pos_ == "PROPN" and t.text.istitle() and t.lower_ not in ORG_ENDINGS | PLACE_ENDINGS for t in ent):
        return True  # "Brackenmoor defender Osric Kettlewell"
    return _title_before(ent)


def _title_before(ent: Span) -> bool:
    """"Mayor [Ebenezer Achu Fomba]": a capitalised title right before the span, or a
    lower-case one after another title ("Prof. dr [Ljiljana Šćepanović]", Balkan style)."""
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is None or before.lower_ not in PERSON_TITLES:
        return False
    return before.text[:1].isupper() or ent.start >= 2 and ent.doc[ent.start - 2].lower_ in PERSON_TITLES \
        and ent.doc[ent.start - 2].text[:1].isupper()


def _described_as_person(ent: Span) -> bool:
    """"Darnell Price, president of Local 418", "the festival's founder, Gethin Rowlands",
    "Priya Chandran, who organised the petition": a name the article describes as a
    person's, whatever the model's label;
    not a place the "who" passes over ("a developer in Virginia, who introduced him")."""
    in_place = ent.root.dep_ == "pobj" and ent.root.head.lower_ in _PLACE_PREPOSITIONS
    head = ent.root.head
    if ent.root.dep_ == "appos" and (head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_ROLES
                                     or head.pos_ == "PROPN" and head.lower_ in PERSON_TITLES):
        return True  # "The festival's founder, Gethin Rowlands,", "the Deputy Bailiff, Rowland Pinel,"
    for tok in ent:
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_ROLES:
                return True
            if child.dep_ == "relcl" and not in_place \
                    and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in child.children):
                return True
    return False


def _is_adjective(ent: Span) -> bool:
    """Demonyms used as adjectives ("Chinese President", "Russian troops") name nobody."""
    return ent.root.pos_ == "ADJ" or (ent.label_ == "NORP" and ent.root.dep_ == "amod")


def _split_slashes(ent: Span, *, titled: bool = False) -> list[tuple[int, int, str, str]]:
    """Photo credits glue names with slashes ("Jade Gao/AFP"): one mention per part."""
    text, base = ent.text, ent.start_char
    if "/" not in text:
        return [(base, ent.end_char, text, "PERSON" if titled else ent.label_)]
    pieces, pos = [], 0
    for part in text.split("/"):
        stripped = part.strip()
        if stripped:
            s = base + pos + part.index(stripped)
            label = "ORG" if ACRONYM.match(stripped) or pos else ent.label_
            pieces.append((s, s + len(stripped), stripped, label))
        pos += len(part) + 1
    return pieces


# a sum in a currency's code the model took for a body: "BIF 190 [million]", "BND380,000"
_AMOUNT = re.compile(r"[A-Z]{3}\s?[\d.,]+(?:\s?(?:million|billion|thousand|m|bn|k))?")


def _clean(piece: tuple[int, int, str, str], offset: int, paragraph: int, sentence: int, *,
           after_title: bool = False) -> Mention | None:
    """The mention a span's piece makes, its name without what is no part of it; a name
    `after_title` ("Mayor [Ebenezer Achu Fomba]") opens with no occupation."""
    start, end, text, label = piece
    name = text.lstrip(" \"“”'‘’")  # "' Mr de Paor": a quote mark the model took in
    if name.lower().startswith("the "):
        name = name[4:]
    elif label != "PERSON" and re.match(r"(?:A|An|a|an) [A-Z]", name):
        name = name.split(" ", 1)[1]  # "A Quinnipiac University poll": the name is Quinnipiac University
    name = POSSESSIVE.sub("", name).strip()
    if label in _CREDIT_SUFFIX:
        name = _CREDIT_SUFFIX[label].sub("", name)
    if label == "PERSON":
        name = _NICKNAME.sub(" ", _strip_titles(name, occupations=not after_title))  # "Graham ‘Gus’ Tuckwell"
    if label in ("PERSON", "ORG"):  # "Caxton Regional Transit board", "Rovers fifth": the name ends at its last capital
        name = re.sub(r"(?:\s+(?![a-z]+-[A-Z])[a-z][\w-]*)+$", "", name) if re.search(r"^[A-Z]", name) \
            and name.split()[-1] not in PATRONYMIC_AFTER else name  # but "al-Shennawy" is a surname, "uulu" a son
        name = re.sub(r"\s+\d{1,2}\s*[-–]\s*\d{1,2}$", "", name)  # "beat Saltcote Town 2-1": the score is not the name
    keeps_dot = name.endswith(".") and len(name) >= 3  # "U.S.", "Jr."
    name = name.strip(" ,;:-–—\"“”'‘’" + ("" if keeps_dot else "."))
    if not name or not any(c.isalpha() for c in name) or _AMOUNT.fullmatch(name):
        return None
    # mention spans cover the name only, not "the" or a possessive
    at = text.find(name)
    if at >= 0:
        start, end, text = start + at, start + at + len(name), name
    return Mention(paragraph, sentence, offset + start, offset + end, text, label, name)


# titles that are given names too ("Prince Johnson", Liberia, Nigeria, Ghana)
_GIVEN_TITLES = frozenset("prince princess king earl duke".split())


def _given_name_before_initial(words: list[str]) -> bool:
    """"Hon. Prince Y. Tokpah": a title's word before a middle initial and a surname is
    a given name (a prince is not written with an initial)."""
    return len(words) > 2 and words[0].lower() in _GIVEN_TITLES and _INITIAL.fullmatch(words[1]) is not None


def _strip_titles(name: str, *, occupations: bool = True) -> str:
    """Without titles and (with `occupations`) occupations before the name, nor a party
    word ("Independent TD Máiréad Corkery", "Republican Sen. Dana Whitlock", "Democrat
    Alistair Pendleworth")."""
    words = name.split()
    office = next((k for k in range(1, len(words) - 2) if words[k].lower() in LOCAL_OFFICES | TITLES
                   and words[k][:1].isupper() and words[k - 1].lower() in JURISDICTIONS), None)
    if office is not None:  # "Lickfork County Clerk Odessa Cornett", "City Attorney Dana Holt"
        words = words[office + 1:]
    # an occupation's shape, but a given name before a patronymic: "Kamarulzaman bin Baharom"
    while len(words) > 1 and not _given_name_before_initial(words) and (
            words[0].lower() in TITLES or words[0].lower().removesuffix("s") in PERSON_TITLES
            or address_before_full_name(words[0], len(words))  # "Don Eleuterio Bañuelos Cota"
            # "Talant Jumabek uulu": two names and "son of"; not "Olman Cubillo Matarrita"
            or occupations and len(words) - (words[-1] in PATRONYMIC_AFTER) > 2
            and occupation(words[0].lower(), before=words[1]) and words[1].lower() not in PARTICLES
            or len(words) > 2 and words[0].lower() in PARTY_WORDS and words[0][:1].isupper()
            # a word of address in lower case: "don Anatolio Guavita" (a particle opens a surname)
            or len(words) > 2 and words[0].isalpha() and words[0].islower() and words[0] not in PARTICLES):
        words.pop(0)
    return " ".join(words)
