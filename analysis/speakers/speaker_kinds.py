"""What kind of speaker a quote has: a person, an organisation, a group, or a source.

People, organisations and groups speak; documents, records, polls and studies are
sources ("according to emails", "the report said") and are listed apart from the
speakers compared. The kind comes from the entity label where the speaker is a named
entity, else from the head word the reporting cue attaches to in the parse.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..lexicon import PERSON_TITLES, noun_kind
from ..pipeline.nlp import Parsed
from .antecedents import GROUP_PRONOUNS, PERSON_PRONOUNS, THING_PRONOUNS
from .attribution import Speaker
from .noun_phrases import has_conj, nominal_conj, of_whom, one_described

KINDS = ("person", "organisation", "group", "source")
# the comparison shows these; sources are listed apart
SPEAKING_KINDS = KINDS[:3]

_LABEL_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "FAC": "organisation",
                "LOC": "organisation", "NORP": "group"}

_NOT_ONE = re.compile(r"['’]s\b| and ")  # "Mrs. Clinton's tax proposals", "Mr. King and Mr. Schultz"
# a name after a title only people take ("he" and "she" are PERSON_PRONOUNS)
_TITLED = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Sir|Dame|Lady|Lord)\.?\s+[A-Z]"
                     r"|(?:Senator|Governor|Mayor|Councillor|President|Judge|Justice)\s+[A-Z]")


def kind_of_label(label: str) -> str | None:
    """The kind an entity label implies, or None for no label (or one that implies none)."""
    return _LABEL_KINDS.get(label or "")


def speaker_kind(doc: Doc, start: int, end: int, label: str = "") -> str:
    """The kind of the speaker whose words fill `doc`'s characters [start, end): from the
    entity label if it has one, else from the head word of those words; "" where those
    words name no speaker ("the phrase suggests", a clause the parser took for a subject)."""
    from_label = kind_of_label(label)
    span = doc.char_span(start, end, alignment_mode="expand")
    if from_label == "organisation" and span is not None and len(span) == 1 and span[0].tag_ in ("NNS", "NNPS") \
            and noun_kind(span[0].lemma_.lower(), plural=True) == "group":
        return "group"  # "Demonstrators said": a plural noun the entity model took for a name
    if from_label is not None:
        return from_label  # other labels (WORK_OF_ART, DATE, ...) say nothing: the words decide
    if span is None or not len(span):
        return "person"
    head = span.root
    if head.lower_ in ("who", "which") and head.head.dep_ == "relcl":
        head = head.head.head  # "economists, who argue": what the relative pronoun stands for
    head = of_whom(head) or head  # "residents, some of whom said": the residents
    if head.ent_type_ in ("DATE", "TIME"):
        return ""  # "Monday said": a parse gone wrong
    low = head.lower_
    if head.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
        if low in THING_PRONOUNS:
            return "organisation"
        return "group" if low in GROUP_PRONOUNS or low in ("we", "us") else "person"
    if has_conj(head) and not one_described(head):
        # "The U.S., Canada and Britain said", "Smith and Jones said": a group, unless every
        # one is a source ("a civil complaint and a 15-count complaint") or one is no speaker
        kinds = [_word_kind(t) for t in _conjuncts(head)]
        if all(k == "source" for k in kinds):
            return "source"
        return "" if "" in kinds else "group"
    if head.pos_ == "PROPN":
        # a name the entity model missed is most often a person's; "Democrats" is a group;
        # a word in capitals ("MNSBC said", a misspelt channel) is a body's initials
        if len(span) == 1 and head.text.isupper() and len(head.text.replace(".", "")) >= 3 \
                and head.lower_ not in PERSON_TITLES:  # but "the MCA said" is a member of an assembly
            return "organisation"
        return "group" if head.tag_ == "NNPS" else "person"
    return _word_kind(head)


def _word_kind(tok: Token) -> str:
    """The kind a head word names on its own: a name is a person's, a noun as the lexicon says."""
    if tok.pos_ == "PROPN":
        return "person"
    if tok.text[:1].isupper() and tok.pos_ in ("NOUN", "VERB", "ADJ", "INTJ", "X") and not tok.lower_.endswith("ing") \
            and noun_kind(tok.lemma_.lower()) is None and noun_kind(tok.lower_) is None:
        return "person"  # "Matthews said", "Trump said": a name the tagger took for a word
    if tok.lower_ == "%" or tok.pos_ in ("NOUN", "NUM", "ADJ", "DET", "PRON") or tok.tag_ == "PDT":
        kind = noun_kind(tok.lemma_.lower(), plural=tok.tag_ in ("NNS", "NNPS")) or noun_kind(tok.lower_)
        if kind is None and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            return "organisation"  # "the Gannett newspaper chain": a named body
        return kind or ""
    return ""


def _conjuncts(head: Token) -> list[Token]:
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in tok.children if nominal_conj(c))
    return sorted(out, key=lambda t: t.i)


def kind_in_article(parsed: Parsed, speaker: Speaker) -> str:
    """speaker_kind of the words a speaker was found at, read in their paragraph."""
    p = parsed.paragraph_at(speaker.start)
    base = parsed.article.paragraphs[p].start
    doc, local = parsed.docs[p], speaker.start - base
    kind = speaker_kind(doc, local, speaker.end - base, speaker.label)
    words = speaker.name.split()
    if kind == "organisation" and speaker.text.lower() in THING_PRONOUNS and not speaker.label and words \
            and noun_kind(words[-1].lower()) == "source":
        return "source"  # "It describes Wrexley as ...": "it" is the memo the sentence before named
    if kind == "person" and not speaker.label and _capital_of_sentence(doc, local, speaker.text, parsed.article.text):
        return ""  # "Talk compared to ...": a word capitalised only where a sentence starts
    return kind


def _capital_of_sentence(doc: Doc, local: int, word: str, article_text: str) -> bool:
    """Whether a one-word speaker at `doc`'s character `local`, which the tagger read as a
    common noun, is capitalised only because it opens a sentence: the article never
    writes it with a capital mid-sentence (where "Matthews said" would show a name)."""
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    tok = doc.char_span(local, local + len(word))
    tok = tok[0] if tok is not None and len(tok) == 1 else None
    if tok is None or tok.pos_ != "NOUN":
        return False
    before = next((t for t in reversed(doc[tok.sent.start:tok.i]) if not t.is_space), None)
    if before is not None and before.text not in (";", ":"):
        return False
    return re.search(r"[a-z0-9,] " + re.escape(word) + r"\b", article_text) is None


def kind_of_speaker(label: str, row_kinds: Iterable[str], said_as: Iterable[str] = ()) -> str:
    """A speaker's kind over an article: a person wherever the article gives them away as
    one ("he said", "she added", "Sen. Rubio said", whatever label the entity model gave),
    else their entity label's, else the kind most of their quotes give (ties: person,
    organisation, group, source, in that order). `said_as`: the words each cue attached to."""
    if any(str(words).lower() in PERSON_PRONOUNS or (_TITLED.match(str(words)) and not _NOT_ONE.search(str(words)))
           for words in said_as):
        return "person"
    kinds = [k for k in row_kinds if k in KINDS]
    from_label = kind_of_label(label)
    if from_label == "organisation" and kinds and all(k == "group" for k in kinds):
        return "group"  # "Demonstrators", "Environmental groups": plural nouns the model took for a name
    if from_label is not None:
        return from_label
    counts = Counter(kinds)
    if not counts:
        return "person"
    return max(KINDS, key=lambda k: (counts[k], -KINDS.index(k)))
