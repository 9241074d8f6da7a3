"""Noun phrases as speakers: the words a subject's phrase spans, what it is called without
its article, quantifier or owner, whom a collective noun gathers, and whether it is
coordinated with other nouns. Grammar over spaCy tokens only; no article-wide state."""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import COLLECTIVE_NOUNS, QUANTIFIERS, noun_kind

_NP_DEPS = ("det", "amod", "compound", "nummod", "poss", "case", "nmod", "quantmod", "advmod")
_QUANTIFIER_DETS = frozenset("the a an some many several most few".split())
# words that date, size or set apart a document without naming it: "a large study", "a separate report"
_DOCUMENT_SIZES = frozenset("""
new recent latest large small big major brief short long lengthy detailed separate earlier previous other
""".split())


# words around a number that count a group: "more than 200", "at least 30", "eight of 10"
_COUNT_WORDS = frozenset("""more than less fewer about around nearly almost some over under up to at least roughly
of in out approximately""".split())


def without_owner(span, head: Token) -> str:
    """A noun phrase's words from its first descriptive one: no article or quantifier; for
    a group of people no number or common adjective before its noun words ("Two senior
    ministry officials" are "ministry officials", "Local campaigners" "campaigners", but
    "Russian officials" stay Russian); for a document, no owner named before it ("the
    council's own assessment"; but "Scott's family" keeps its owner), and for a group or
    a body, no "his" or "their" ("his family", "her campaign")."""
    kind = noun_kind(head.lemma_.lower())
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None) \
        if kind == "source" else None
    skip = set(owner.subtree) if owner is not None else set()
    words = [t for t in span if t not in skip and t.lower_ != "own" and not t.is_space]
    while len(words) > 1 and (words[0].lower_ in _QUANTIFIER_DETS
                              or words[0].lower_ == "one" and words[0].ent_type_ in ("", "CARDINAL")):
        words.pop(0)  # "one station operations executive" is a station operations executive
    if head.tag_ == "NNS" and head.lemma_.lower() not in QUANTIFIERS \
            and noun_kind(head.lemma_.lower(), plural=True) == "group" \
            and kind != "organisation":  # "Two ministry officials"; not "Other countries"
        count = 0  # "More than 200 villagers", "Forty-six pupils": what counts them goes
        for k, w in enumerate(words[:-1]):
            if w.like_num:
                count = k + 1
            elif not (w.is_punct or w.lower_ in _COUNT_WORDS):
                break
        del words[:_past_compound(words, count)]
        while len(words) > 1 and (words[0].like_num or words[0].is_punct or (
                words[0].dep_ == "amod" and words[0].head == head and not words[0].ent_type_
                and not _hyphened(words[0]))):
            words.pop(0)  # "Russian officials" keep what makes them Russian, "laid-off employees" theirs
    elif head.tag_ == "NN" and noun_kind(head.lemma_.lower()) == "person":
        count = 0
        while count < len(words) - 1 and words[count].like_num and words[count].dep_ == "nummod" \
                and words[count].lower_ != "one":
            count += 1  # "Two senior staff of the bank" are senior staff, a noun with no plural
        del words[:_past_compound(words, count)]  # "a 34-year-old mother" is a mother
    if words[0].dep_ == "poss" and words[0].pos_ == "PRON" and len(words) > 1 \
            and noun_kind(head.lemma_.lower(), plural=head.tag_ == "NNS") in ("group", "organisation"):
        words.pop(0)  # "his family", "their neighbours", "her campaign": the family, the neighbours, the campaign
    if kind == "source":  # "a 2022 report", "its most recent annual report", "the 14-slide presentation"
        while len(words) > 1 and (words[0].lower_ in _DOCUMENT_SIZES | _QUANTIFIER_DETS and words[0].pos_ != "PROPN"
                                  or words[0].like_num
                                  or words[0].dep_ == "poss" and words[0].pos_ == "PRON"):
            if words[0].like_num and len(words) > 3 and words[1].text == "-" and words[2] != head:
                del words[:2]  # "14-slide": the number, its dash and then its unit
            words.pop(0)
    if not words:
        return span.text
    text = (span.doc[words[0].i:words[-1].i + 1].text if len(words) == words[-1].i - words[0].i + 1
            else " ".join(t.text for t in words)).strip()
    if _capital_of_the_sentence(words[0]):
        text = text[0].lower() + text[1:]  # "Experts say ..." and "experts say" are one speaker
    return text


def _capital_of_the_sentence(tok: Token) -> bool:
    """A common word capitalised only because it opens the sentence (or a quotation or
    bracket that does): "Experts", "Police", not "Democrats" or "NATO"."""
    if not tok.is_title or tok.pos_ == "PROPN" or tok.ent_type_ or tok.text.isupper():
        return False
    before = tok.doc[tok.sent.start:tok.i]
    return all(t.is_punct or t.is_space for t in before)



def _past_compound(words: list[Token], k: int) -> int:
    """Past the rest of a hyphenated word that words[k - 1] opens ("34-year-old")."""
    while 0 < k < len(words) - 1 and not words[k - 1].whitespace_:
        k += 1
    return k


def described_between(name: Token, noun: Token) -> bool:
    """"Nicole Bezzina, the architect": a comma ends the name (within its next two tokens,
    "Park Min-ah,") and an article opens the description that runs to the noun."""
    between = name.doc[name.i + 1:noun.i]
    comma = next((t.i for t in between if t.text == ","), None)
    return comma is not None and comma - name.i <= 3 and any(t.lower_ in ("the", "a", "an") for t in between)


def _hyphened(tok: Token) -> bool:
    """Whether a word begins a hyphenated modifier ("laid" of "laid-off"), which stays whole."""
    return not tok.whitespace_ and tok.i + 1 < len(tok.doc) and tok.nbor().text == "-"


def gathered(tok: Token) -> Token:
    """"an army of Bernie Sanders supporters": the supporters, whom the collective noun
    gathers; "Nearly a third of respondents", "Many of them": the people counted (for
    "them", whoever they are). Not "one of the attorneys", who is one person."""
    share = tok.lower_ in QUANTIFIERS and tok.lower_ != "one"
    if not share and (tok.pos_ != "NOUN" or not (tok.text.islower() or tok.is_sent_start)
                      or tok.lower_ not in COLLECTIVE_NOUNS and tok.lemma_.lower() not in COLLECTIVE_NOUNS):
        return tok  # "Dozens of farmers" may open a sentence
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if members is not None and share and members.lower_ in ("them", "us"):
        return members
    if members is None or not (members.tag_ in ("NNS", "NNPS") or members.pos_ == "PROPN"):
        return tok
    return members


def of_whom(tok: Token) -> Token | None:
    """The people "whom" stands for in "X, many of whom say": the noun the clause
    describes, or, where the parser hung the clause elsewhere, the noun phrase before the
    comma. None unless `tok` is such a share."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if tok.lower_ not in QUANTIFIERS or of is None or not any(c.lower_ == "whom" for c in of.children):
        return None
    if tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head
    if tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return None
    noun = tok.doc[tok.i - 2]
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head  # "members of 9/11 victims": the members
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


# what makes a group of unnamed sources: "people familiar with the matter", "sources close to the talks"
_IN_THE_KNOW = frozenset("familiar close knowledgeable privy".split())


def described_after(tok: Token) -> list[Token]:
    """"A partner at the fund", "A Republican strategist involved in Senate races", "One
    Democratic operative close to the campaign": the words after an unnamed person's noun
    that say which one, up to a comma or a relative clause; none for a named or known one
    ("the partner", "a partner, who"). Of a group, only the words that make them sources
    ("people familiar with the matter"): "farmers downstream of the town" are farmers."""
    if tok.tag_ == "NNS":  # "Two people familiar with the matter"
        after = next((c for c in tok.children if c.i == tok.i + 1), None)
        if after is not None and after.dep_ == "amod" and after.lower_ in _IN_THE_KNOW \
                and any(c.dep_ == "prep" for c in after.children) \
                and noun_kind(tok.lemma_.lower(), plural=True) in ("group", "person"):
            return _which(tok, after)
        return []
    if tok.tag_ == "NN" and noun_kind(tok.lemma_.lower()) == "source":  # "an agreed statement of facts"
        of = next((c for c in tok.children if c.i == tok.i + 1 and c.dep_ == "prep" and c.lower_ == "of"), None)
        what = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if what is None or what.pos_ != "NOUN" or any(c.i < what.i for c in what.children):
            return []  # a set phrase ("statement of facts"), not "a study of hospital admissions"
        return list(tok.doc[of.i:what.i + 1])
    if tok.tag_ != "NN" or noun_kind(tok.lemma_.lower()) != "person" \
            or not any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in tok.children):
        return []
    after = next((c for c in tok.children if c.i == tok.i + 1), None)
    if after is None or not (after.dep_ == "prep" or after.dep_ == "acl" and after.tag_ == "VBN"
                             or after.dep_ in ("amod", "advmod") and after.pos_ in ("ADJ", "ADV")
                             and any(c.dep_ == "prep" for c in after.children)):
        return []
    return _which(tok, after)


def _which(tok: Token, after: Token) -> list[Token]:
    """The words from `after` that say which one, up to where the noun's own words end; not
    where they are based ("An official of the department in Bicol", "A UWA official in Kampala"):
    the place is no part of who they are."""
    inside = set(after.subtree)
    words: list[Token] = []
    for t in tok.doc[after.i:]:
        if t not in inside or t.is_punct or t.dep_ == "relcl" or t.tag_ in ("WP", "WDT") or _placed_in(t):
            break
        words.append(t)
    name = next((c for c in tok.children if c.dep_ == "appos" and words and c.left_edge.i == words[-1].i + 1), None)
    called = list(tok.doc[name.left_edge.i:name.i + 1]) if name is not None else []
    if called and words[-1].pos_ == "NOUN" and all(t.pos_ == "PROPN" for t in called):
        words += called  # "for the cycling union Fietsersbond": its name
    return words if any(t.pos_ in ("NOUN", "PROPN") for t in words) else []


def _placed_in(t: Token) -> bool:
    """"in Kampala": "in" before a place the model named."""
    return t.dep_ == "prep" and t.lower_ == "in" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC") for c in t.children)


def has_conj(tok: Token) -> bool:
    """Whether a noun is coordinated with another ("Smith and Jones"), not with a verb the
    parser hung on it ("Malkia Cyril, ... and whose also featured in the film")."""
    return any(nominal_conj(c) for c in tok.children)


# "the former secretary of state and current nominee": one person described twice
_TENURE = frozenset("former current then onetime one-time future now incoming outgoing".split())


def one_described(tok: Token) -> bool:
    """Whether a noun and its conjunct describe one person: singular, and either the
    person's name in apposition ("co-founder and chief executive Raghavendra S. Hegde")
    or the second with no article or owner of its own and a word of tenure on either
    ("The former first lady and U.S. senator", "his wife and current Democratic nominee
    Hillary Clinton"; not "Smith and Jones", "the mayor and the police chief")."""
    conj = [c for c in tok.children if nominal_conj(c)]
    if len(conj) != 1 or tok.tag_ != "NN" or conj[0].tag_ not in ("NN", "NNP"):
        return False
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
        return True  # "co-founder and chief executive Raghavendra S. Hegde": the name is the one
    other = conj[0]
    if any(c.dep_ in ("det", "poss") for c in other.children):
        return False
    nouns = (tok, other, *(c for c in other.children if c.dep_ == "compound"))  # "current ... nominee Hillary Clinton"
    return any(c.dep_ == "amod" and c.lower_ in _TENURE for t in nouns for c in t.children)


def nominal_conj(tok: Token) -> bool:
    return tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM")


def left_modifiers(tok: Token) -> list[Token]:
    """The words a noun's left modifiers span ("the council's own inspection" of "report")."""
    return [t for c in tok.children if c.dep_ in _NP_DEPS and c.i < tok.i for t in c.subtree]


def np_modifiers(tok: Token) -> list[Token]:
    """The words of a subject's noun phrase: left modifiers, and coordinated nouns."""
    out = left_modifiers(tok)
    doc = tok.doc
    if tok.tag_ == "NNS" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "," \
            and any(nominal_conj(c) and c.pos_ == "PROPN" for c in tok.children):
        return out  # "The petition's organisers, brothers Bader and Mishari Al-Tuwaijer,": the names, misread
        # as more of them, are who the organisers are
    for child in tok.children:
        if nominal_conj(child) or (child.dep_ in ("cc", "punct") and has_conj(tok) and child.i > tok.i):
            out.extend(child.subtree if child.dep_ == "conj" else [child])
    return [t for t in out if t.dep_ != "punct" or t.i < max(o.i for o in out)]


def after_participle(tok: Token) -> Token:
    """"Prosecuting, Annabel Yelland said", "Giving evidence, Merrifield told the jury": the
    parser makes the opening participle the subject and the name its apposition; the name.
    So too for a number or a pronoun that a name follows: "One of them, pensioner Kyriaki
    Theodoulou, 81, said", "Another, Tomas Berg, said"; and for "One" that a person's noun
    describes ("One, a postmaster in northern Mississippi, said")."""
    if tok.tag_ == "VBG" or tok.pos_ in ("NUM", "PRON") and tok.dep_ in ("nsubj", "nsubjpass"):
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            return named
    if tok.lower_ in ("one", "another") and tok.dep_ in ("nsubj", "nsubjpass"):
        # "One, a postmaster in northern Mississippi who asked not to be named, said": the postmaster
        described = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                          and noun_kind(c.lemma_.lower()) == "person"), None)
        if described is not None:
            return described
    return tok
