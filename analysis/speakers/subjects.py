"""Subjects that may be speakers, read from the parse of one sentence: a subject the text
introduces or strands, one a relative clause makes speak, an unnamed reporter ("A nurse
at the clinic, who asked not to be named, said"), a name before post-nominal letters,
and the appositions that are a subject's own. Grammar over spaCy tokens only; no
article-wide state (attribution.Resolver reads these)."""
from __future__ import annotations

from spacy.tokens import Token

from ..entities.entity_spans import POST_NOMINALS
from ..lexicon import TITLES, noun_kind
from ..pipeline.nlp import word_ids
from ..quotes.cues import is_cue


def unnamed_reporter(tok: Token) -> bool:
    """"A nurse at the clinic, who asked not to be named, said": one person the article
    leaves unnamed, who reports something (not "a reader would ask", "a leader ... belongs");
    also one described by kin and said to be unnamed ("Her sister, who did not want to be
    named, said")."""
    one = tok.head if tok.dep_ == "appos" and tok.head.lower_ in ("one", "another") else None  # "One, a postmaster"
    head = (one or tok).head
    return (one or tok).dep_ == "nsubj" and noun_kind(tok.lemma_.lower()) == "person" \
        and (any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in tok.children)
             or any(c.dep_ == "relcl" and any(t.lemma_ in ("name", "identify") for t in c.subtree)
                    for c in tok.children)) \
        and (is_cue(head) or is_cue(head, indirect=True)) \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def within_report(tok: Token) -> bool:
    """Whether a subject is inside what someone is reported to say: "Furlong said Hegarty
    had earned a start", "said X was accurate and that Y was", "Residents said they had
    kept using the borehole until Saturday, when health officers nailed a sign"."""
    return any(a.dep_ == "ccomp" and is_cue(a.head, indirect=True) for a in tok.ancestors)


def name_before_letters(tok: Token) -> Token:
    """"Annabel Yelland KC said": the parser makes the letters the subject; the name speaks.
    "said Hon. Oladipupo Fagbemi": the parser makes the title the subject and the name a
    sentence of its own; the name speaks."""
    if tok.text in POST_NOMINALS and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN":
        return tok.doc[tok.i - 1]
    if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.lower_ in TITLES and tok.ent_type_ != "PERSON":
        k = tok.i + 1 + (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ".")
        name = tok.doc[k] if k < len(tok.doc) else None
        if name is not None and name.pos_ == "PROPN" and name.text[:1].isupper():
            while name.i + 1 < len(name.doc) and name.doc[name.i + 1].pos_ == "PROPN":
                name = name.doc[name.i + 1]
            return name
    return tok


NAMES_AND_NOUNS = word_ids(["PROPN", "NOUN"])


NSUBJ = word_ids(["nsubj"])


def introduced(tok: Token) -> bool:
    """"That was Marisa Fenwick, 34, a teacher from Cardiff": a person the sentence
    presents, whom the next "she" most likely means."""
    return tok.dep_ == "attr" and tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and tok.head.lemma_ == "be" \
        and any(c.dep_ == "nsubj" and c.lower_ in ("that", "this", "it") for c in tok.head.children)


def speaks_in_relative(tok: Token) -> bool:
    """"The attribution was made by expert Aurélien de Castelfort, who said ...": a person
    a "who" clause reports as speaking is a subject for the next "he" as much as one who
    "said" in a main clause."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and any(
        c.dep_ == "relcl" and is_cue(c) and any(w.dep_ == "nsubj" and w.lower_ == "who" for w in c.children)
        for c in tok.children)


def brought_in_by_who(tok: Token) -> bool:
    """"The plan drew sharp criticism from Cllr Des Fahey, who runs a pharmacy": a name a
    "who" clause after a comma brings in, a subject for the next "he" if it is a person's
    (not a place, nor a place a person comes from: "A trader from Maxixe, who buys")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP") and any(
        c.dep_ == "relcl" and any(w.dep_ == "nsubj" and w.lower_ == "who" and w.i > 0 and w.nbor(-1).text == ","
                                  for w in c.children)
        for c in tok.children) and not (
        tok.dep_ == "pobj" and tok.head.head.pos_ == "NOUN" and noun_kind(tok.head.head.lemma_.lower()) == "person"
        or tok.dep_ == "pobj" and is_cue(tok.head.head))  # not "she said about Sanders, who"


def stranded_subject(tok: Token) -> bool:
    """A person's name opening its sentence that the parser left without a verb to be the
    subject of: hung on a subjectless verb as a modifier ("Lapointe, wearing an orange
    jumpsuit, turned to the gallery"), or made a modifier of the verb it misread as a
    plural noun ("Lampron laughs at that", where the sentence has no verb at all)."""
    head = tok.head
    if tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper() or head.i <= tok.i \
            or not all(t.pos_ == "PROPN" for t in tok.doc[tok.sent.start:tok.i]):
        return False
    if head.pos_ == "VERB":
        return tok.dep_ in ("advmod", "npadvmod", "dep", "nmod") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    return tok.dep_ in ("amod", "compound") and head.i == tok.i + 1 and head.dep_ == "ROOT" and head.tag_ == "NNS" \
        and not any(t.pos_ in ("VERB", "AUX") for t in tok.sent)


def before_subjectless_verb(tok: Token) -> bool:
    """"Outside a diner in Harrison, retired tool-and-die maker Augustin Kasprzak, 74, said
    he had seen": a name the parser hung elsewhere, right before a finite verb it left
    without a subject, with at most an age set off by commas, or the comma that closes the
    name's apposition, between them."""
    if tok.pos_ != "PROPN" or tok.ent_type_ != "PERSON" or tok.dep_ in ("nsubj", "nsubjpass"):
        return False
    doc, j = tok.doc, tok.i + 1
    if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].like_num and doc[j + 2].text == ",":
        j += 3
    elif j < len(doc) and doc[j].text == "," and tok.dep_ == "appos":
        j += 1  # "Arceneaux's campaign manager, Mavis Kowalczuk, wrote", the manager hung on another noun
    k = j
    while k < len(doc) and (doc[k].dep_ in ("aux", "auxpass") and doc[k].tag_ in ("VBD", "VBZ", "VBP", "MD")
                            or doc[k].dep_ == "neg" and k > j):
        k += 1  # "has become", "did not say"; not "to be appointed"
    return k < len(doc) and doc[k].pos_ == "VERB" and (doc[k].tag_ in ("VBD", "VBZ", "VBP") or k > j) \
        and doc[k].sent.start == tok.sent.start \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in doc[k].children)


def owned_document(tok: Token) -> bool:
    """"NMC data", "union figures": a document or record named after whose it is, which
    speaks as itself, not as its owner."""
    return "source" in (noun_kind(tok.lower_), noun_kind(tok.lemma_.lower())) \
        and not any(c.dep_ == "appos" for c in tok.children)


def own_appositions(tok: Token) -> list[Token]:
    """The appositions the parser hung on `tok` that are its own: not a name that follows
    another noun with no comma between ("A spokesman for the cycling union Fietsersbond":
    the union's name)."""
    return [c for c in tok.children if c.dep_ == "appos"
            and not (c.left_edge.i and c.left_edge.i - 1 > tok.i and tok.doc[c.left_edge.i - 1].pos_ == "NOUN")]


def named_by(words, tok: Token) -> bool:
    """Whether the words before a noun are all names that modify it ("The FEHD spokesperson")."""
    return len(words) > 0 and all(t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.i <= tok.i for t in words)


def names_in(words, description: str) -> bool:
    """Whether each name is in a description, as itself or as the initials of its capitalised
    words ("FEHD" in "spokesperson for the Food and Environmental Hygiene Department")."""
    capitals = "".join(w[0] for w in description.split() if w[:1].isupper())
    return all(t.text in description.split() or len(t.text) > 1 and t.text.isupper() and t.text in capitals
               for t in words)
