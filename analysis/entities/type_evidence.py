"""What the text around a name gives away about its type, whatever the model's label: a
business's noun before it ("shipbuilder Perantau Offshore"), its officers after it ("a
Quillstead spokeswoman"), a "which" clause on it, a kin noun beside it ("her father,
Wendel Harrowgate,"), an age after it ("Gerrit-Jan Hofstede, 67,"), or words that call it
someone's name ("her first name, Valdirene"). Grammar over one mention's tokens; no article-wide state."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from ..lexicon import BUSINESS_NOUNS, GENDERED_NOUNS, GIVEN_NAMES, NAME_NOUNS, ORG_NOUNS, PERSON_NOUNS, TITLES
from ..pipeline.nlp import Parsed
from ..quotes.cues import is_cue
from .canonical import ORG_ENDINGS, PARTICLES
from .spans import Mention

_BODY_WORDS = ORG_NOUNS | BUSINESS_NOUNS | frozenset(
    "band label orchestra choir ensemble troupe charity publisher".split())
# a body's officers, named after it: "a Quillstead spokeswoman", "Kestrel's CEO"
_OFFICERS = frozenset("spokesman spokeswoman spokesperson ceo founder co-founder shareholder".split())
# nouns for people that no body is called ("broadcaster", "producer", "host" may be)
_PEOPLE_ONLY = PERSON_NOUNS - _BODY_WORDS - frozenset("""producer broadcaster host anchor star agent panel jury
crowd audience chorus staff crew troop guard rival ally source member representative organiser organizer
owner founder sponsor partner operator investor""".split())
_BODY_NAME_WORDS = ORG_NOUNS | ORG_ENDINGS
# what a business is called beside its name: "Quillstead, the ... maker of team software"
_BUSINESS_APPOSITIONS = BUSINESS_NOUNS | frozenset("company firm maker provider platform chain brand".split())
_BODY_APPOSITIONS = ORG_NOUNS | _BUSINESS_APPOSITIONS


def after_body_noun(ent: Span) -> bool:
    """"the band Hollowmere", "rival firm Kestrel", "the charity Shelterwell": a name right
    after a noun for a body of people is that body's."""
    before = ent.doc[ent.start - 1] if ent.start else None
    # a sentence may open with the noun ("Shipbuilder Perantau Offshore said"), which the tagger may call a name
    return before is not None and (before.pos_ == "NOUN" or before.pos_ == "PROPN" and (
        before.is_sent_start or before.i and before.nbor(-1).is_punct)) and before.lemma_.lower() in _BODY_WORDS


def by_use(parsed: Parsed, m: Mention) -> Mention:
    """A mention, found by the model or as a repeat, that the text shows is a body's
    ("shipbuilder Perantau Offshore", "a Quillstead spokeswoman") where the model took the
    name for a place, a thing or (after a body's noun) a person; or a person's, beside a
    noun for a man or a woman."""
    if m.sure:
        return m
    base = parsed.article.paragraphs[m.paragraph].start
    span = parsed.docs[m.paragraph].char_span(m.start - base, m.end - base, alignment_mode="expand")
    if span is None:
        return m
    if dateline_agency(span):
        return replace(m, label="ORG", sure=True)
    if m.label == "PERSON":
        if _after_person_noun(span):
            return replace(m, sure=True)  # outweighs the model's other guesses at the same name
        if _where_from(span):
            return replace(m, label="GPE", sure=True)  # "a day labourer from Char Dighirpar"
        if _which_subject(span) or _its_own(span) or _body_beside(span):
            # "Garrane Marine, which has run the crossing since 2009,"; "Thalbeck Porzellan ... will close its factory"
            return replace(m, label="ORG", sure=True)
    elif _kin_beside(span) or _given_as_a_name(span) or _aged(span) or _after_person_noun(span) \
            or _after_office_acronym(span) or m.label not in ("GPE", "LOC", "FAC") and _who(span):
        # "her father, Wendel Harrowgate,", "her first name, Valdirene", "Gerrit-Jan Hofstede, 67,",
        # "Community leader Christakis Hadjimarkou"
        return replace(m, label="PERSON", sure=True)
    if m.label not in ("GPE", "NORP", "PRODUCT", "WORK_OF_ART", "LOC", "PERSON", "") \
            or not (after_body_noun(span) or m.label != "PERSON" and _used_as_business(span)):
        return m
    return replace(m, label="ORG", sure=True)


DASHES = frozenset(("-", "–", "—", "--"))
_AFTER_AGENCY = DASHES | {"."}  # "(BelTA) –", "(ANDINA)."


def dateline_agency(ent: Span) -> bool:
    """"VITEBSK, 4 December ([BelTA]) –", "Puno, May 20 ([ANDINA])": the news agency in
    brackets that closes a dateline is a body, however its name is written."""
    doc, i = ent.doc, ent.end
    return 0 < ent.start <= 12 and doc[ent.start - 1].text == "(" and i + 1 < len(doc) and doc[i].text == ")" \
        and doc[i + 1].text in _AFTER_AGENCY


def _where_from(span: Span) -> bool:
    """"a day labourer from Char Dighirpar", "a fisherman in Kigombeni": what a noun only a
    person is called is from or in is a place, not another person."""
    prep = span.root.head
    return span.root.dep_ == "pobj" and prep.lower_ in ("from", "in") and prep.head.pos_ == "NOUN" \
        and prep.head.lemma_.lower() in _PEOPLE_ONLY


def _after_office_acronym(span: Span) -> bool:
    """"Regional Executive Officer (REO) Sharmain Thom": a name of two words or more right
    after an office's acronym in brackets, the office a person's noun or title."""
    doc, i = span.doc, span.start
    if len(span) < 2 or i < 4 or doc[i - 1].text != ")" or doc[i - 3].text != "(" or not doc[i - 2].is_upper:
        return False
    office = doc[i - 4].lower_
    return shaped_like_a_name(span) and (office in TITLES or office in _PEOPLE_ONLY)


def _who(span: Span) -> bool:
    """"said Earl Bynoe, who has run the bar since 1981": a name of two words or more that
    a "who" clause describes is a person's, whatever body the model took it for (not a
    place: "a gynecologist from Englewood, New Jersey, who")."""
    doc, end = span.doc, span.end
    return len(span) >= 2 and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("who", "whose") \
        and shaped_like_a_name(span)


def _which_subject(span: Span) -> bool:
    """A subject that a "which" clause describes is no person ("Garrane Marine, which has
    run the crossing since 2009, told island families")."""
    head = span.root
    return head.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "relcl" and any(t.lower_ == "which" and t.i == span.end + 1 for t in c.subtree)
        for c in head.children)


def _body_beside(span: Span) -> bool:
    """"Aguas Litoral Norte, a consortium that says": a name in apposition to a noun for a
    body, unless it opens with a common given name."""
    return span[0].lower_ not in GIVEN_NAMES and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in _BODY_APPOSITIONS
        for c in span.root.children)


def _its_own(span: Span) -> bool:
    """A subject whose own verb takes "its" for what it has ("Thalbeck Porzellan ... will
    close its factory"), or that reports of "its" own ("Thalbeck said its shop would stay
    open"): a body, unless the name opens with a common given name ("Donald Trump said its
    leaders", of a country)."""
    head = span.root
    if head.dep_ != "nsubj" or head.i >= span.end or span[0].lower_ in GIVEN_NAMES:
        return False
    verb = head.head
    said = [c for c in verb.children if c.dep_ == "ccomp"] if is_cue(verb, indirect=True) else []
    owned = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    subjects = [s for c in said for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return any(p.dep_ == "poss" and p.lower_ == "its" for t in owned + subjects for p in t.children)


def _after_person_noun(span: Span) -> bool:
    """"Community leader Christakis Hadjimarkou", "pensioner Kyriaki Theodoulou", "Eng.
    Dilrukshi Wanninayake": a name of two words or more right after a noun only a person is
    called, which modifies it, or after an abbreviated title ("Eng.", "Dr.")."""
    if len(span) < 2 or not span.start or not shaped_like_a_name(span):
        return False
    doc, before = span.doc, span.doc[span.start - 1]
    title = doc[span.start - 2].text + "." if before.text == "." and span.start >= 2 else before.text
    if title.endswith(".") and title[:1].isupper() and title.lower() in TITLES:
        return True  # the tokenizer may split "Eng." in two
    return before.pos_ == "NOUN" and before.dep_ == "compound" and before.head in span \
        and before.lemma_.lower() in _PEOPLE_ONLY


def people_only(lemma: str) -> bool:
    """A noun only a person is called ("labourer", "pensioner"), not a body ("producer", "host")."""
    return lemma in _PEOPLE_ONLY


def shaped_like_a_name(span: Span) -> bool:
    """Capitalised words only, none a body's word: "Christakis Hadjimarkou", not "Alliance
    to Reclaim Our Schools"."""
    return all((t.text[:1].isupper() or t.lower_ in PARTICLES) and t.lower_ not in _BODY_NAME_WORDS for t in span)


def _kin_beside(span: Span) -> bool:
    """A name in apposition to a noun for a man or a woman: "her father, Wendel Harrowgate,"
    and "Kirsteen Mowat, his daughter,"."""
    head = span.root
    return head.dep_ == "appos" and head.head.lower_ in GENDERED_NOUNS or any(
        c.dep_ == "appos" and c.lower_ in GENDERED_NOUNS for c in head.children)


def _aged(span: Span) -> bool:
    """"The ferryman, Gerrit-Jan Hofstede, 67, has worked": a name of two words or more
    followed by an age set off by commas."""
    doc, end = span.doc, span.end
    return len(span) >= 2 and end + 2 < len(doc) and doc[end].text == "," and doc[end + 2].text == "," \
        and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 111


def _given_as_a_name(span: Span) -> bool:
    """"identified only by her first name, Valdirene,", "who gave only his surname, Fung,":
    a name the text says is someone's name."""
    doc, i = span.doc, span.start
    before = [t for t in doc[max(0, i - 3):i] if not t.is_punct and t.lower_ not in ("is", "was")]
    return bool(before) and before[-1].lower_ in NAME_NOUNS and len(span) <= 2 \
        and any(t.lower_ in ("his", "her", "their", "a") for t in doc[max(0, i - 6):i])


def _used_as_business(ent: Span) -> bool:
    """"A Quillstead spokeswoman", "Kestrel's chief executive", "Quillstead, the San
    Francisco-based maker of ...": a name a body's spokesperson or officer belongs to, or
    that the text calls a business, is a body's (a place has neither)."""
    head = ent.root
    owner = head.head if head.dep_ in ("compound", "poss") and head.head.i >= ent.end else None
    if owner is not None and (owner.lemma_.lower() in _OFFICERS or owner.lower_ == "executive" and any(
            c.lower_ == "chief" for c in owner.children)):
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in _BUSINESS_APPOSITIONS
               for c in head.children)
