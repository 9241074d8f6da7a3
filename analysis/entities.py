"""Entity mentions with canonical names (analysis.canonical), and the per-article entity summary."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

import pandas as pd
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .canonical import ACRONYM, ORG_ENDINGS, PLACE_ENDINGS, SMALL_WORDS, canonicalise, initials
from .lexicon import ORG_NOUNS, PERSON_ROLES, PERSON_TITLES, TITLES, occupation
from .nlp import Parsed
from .schema import frame
from .tone.columns import counts, summary

MENTIONS = "mentions"  # the key of the mention layer in each paragraph Doc's `spans`
NAMED_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                "WORK_OF_ART", "LAW", "LANGUAGE")

_BODY_WORDS = ORG_NOUNS | frozenset("band label orchestra choir ensemble troupe charity publisher".split())
_PLACE_PREPOSITIONS = frozenset("in near outside around across inside throughout".split())
_SITTING_BODIES = frozenset("congress parliament senate court government cabinet office".split())

# Photo credits run names into the credit's words: "Kremlin Pool Photo", "Ahmed Mohamed Image".
_CREDIT_SUFFIX = {
    "ORG": re.compile(r"\s+(?:Pool\s+)?(?:Photo|Photos|Pool)$"),
    "PERSON": re.compile(r"\s+(?:Pool\s+)?(?:Photo|Photos|Pool|Image|Images|Picture)$"),
}
_LETTERS = re.compile(r"[^\W\d_]+")
_PARTICLES = frozenset("von van der den de ter ten da di du del della la le bin ibn al".split())
_PARTY_WORDS = frozenset("democrat republican tory labour conservative liberal green independent".split())
_DEMONYM = re.compile(r"(?:an|ese|ish|ic|i|ch|s)$")
_NAME_RUN = re.compile(r"\w[\w.'’&-]*")  # a word of a name, with its inner dots and apostrophes
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_GOVERNMENT_BODY = re.compile(
    r"^(?:[A-Z][\w-]*\s+)*(?:Ministry|Ministries|Parliament|Embassy|Government|Army|Navy|"
    r"Air Force|Senate|Congress|Cabinet|Police|Coast Guard|Foreign Office)$")


@dataclass(frozen=True)
class Mention:
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str
    label: str
    name: str
    sure: bool = False  # the label comes from the text's evidence (a title, "in Aldmoor"), not the model


def extract_mentions(parsed: Parsed) -> pd.DataFrame:
    """One row per named-entity mention, with its canonical `entity` name.

    Columns: the contract's (article, paragraph, start, end, text, label, entity) and
    `sentence`, the article-wide index of the sentence that holds it.
    """
    raw = _join_possessed_bodies(_patterned_orgs(parsed, list(_raw_mentions(parsed))), parsed.article.text)
    raw = _bracketed_acronyms(raw, parsed.article.text)
    raw = _spelled_acronyms(parsed, raw)
    titles = title_lines(parsed)
    raw = sorted(raw + _titled_people(parsed, raw), key=lambda m: m.start)
    raw = _completed_names(parsed, raw)
    raw = sorted(raw + _repeats(parsed, raw, titles), key=lambda m: m.start)
    known = {m.name for m in raw if not _inside(m, titles)}
    longest = max((len(n.split()) for n in known), default=1)
    mentions = [m for mention in raw for m in _fit_title_line(mention, known, titles, longest)]
    canonical, labels = canonicalise(mentions, parsed.article.text)
    _store_layer(parsed, mentions, canonical, labels)
    rows = [{"article": parsed.article.name, "paragraph": m.paragraph, "start": m.start,
             "end": m.end, "text": m.text, "label": labels[canonical[i]],
             "entity": canonical[i], "sentence": m.sentence}
            for i, m in enumerate(mentions)]
    return frame("mentions", rows, extra=("sentence",))


class Named(NamedTuple):
    """One mention of the article's mention layer, at article offsets."""
    start: int
    end: int
    entity: str  # canonical name
    label: str  # the entity's label, settled over the article
    paragraph: int


def _store_layer(parsed: Parsed, mentions: list[Mention], canonical: list[str], labels: dict[str, str]) -> None:
    """Keep the mentions on the paragraphs' Docs as `doc.spans["mentions"]`: each Span's
    label is the entity's label and its kb_id the canonical name, so later steps (speaker
    resolution, roles) read the one layer instead of rebuilding it."""
    by_paragraph: list[list[Span]] = [[] for _ in parsed.docs]
    for m, name in zip(mentions, canonical, strict=True):
        base = parsed.article.paragraphs[m.paragraph].start
        span = parsed.docs[m.paragraph].char_span(m.start - base, m.end - base, label=labels[name], kb_id=name,
                                                  alignment_mode="expand")
        if span is not None:
            by_paragraph[m.paragraph].append(span)
    for doc, spans in zip(parsed.docs, by_paragraph, strict=True):
        doc.spans[MENTIONS] = spans


def mention_layer(parsed: Parsed) -> list[Named]:
    """The article's mentions in reading order, as extract_mentions left them on the Docs."""
    return [Named(base + span.start_char, base + span.end_char, span.kb_id_, span.label_, p)
            for p, (doc, base) in enumerate(zip(parsed.docs, parsed.paragraph_starts, strict=True))
            for span in doc.spans.get(MENTIONS, [])]


def _raw_mentions(parsed: Parsed):
    for p, doc in enumerate(parsed.docs):
        for ent in doc.ents:
            if ent.label_ not in NAMED_LABELS or _is_adjective(ent):
                continue
            sent = parsed.sentence_id(p, ent.start)
            ent = _widened(ent)
            titled = _after_person_title(ent) or _described_as_person(ent)
            for piece in _split_slashes(ent, titled=titled):
                mention = _clean(piece, parsed.offset(p, 0), p, sent)
                if mention is None:
                    continue
                if titled:
                    mention = replace(mention, sure=True)
                elif _after_body_noun(ent) and mention.label in ("PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"):
                    mention = replace(mention, label="ORG", sure=True)  # "the band Hollowmere"
                elif mention.name.split()[-1].lower() in ORG_ENDINGS and " " in mention.name:
                    mention = replace(mention, label="ORG", sure=True)  # "Keswick Boatworks Ltd"
                elif _after_place_word(ent) and mention.label in ("ORG", "PERSON", "NORP", "GPE"):
                    mention = replace(mention, label="GPE", sure=True)  # "homes in Aldmoor"
                yield mention


def _widened(ent: Span) -> Span:
    """An organisation's name the model cut short ("Tillamere [Outdoor Gear Inc.]"): the
    capitalised proper nouns right before it that no other entity holds join it."""
    if ent.label_ != "ORG":
        return ent
    doc, start = ent.doc, ent.start
    while start > 0 and ent.start - start < 3 and _given_word(doc[start - 1]) and not doc[start - 1].ent_type_:
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label)


# a run of capitalised words ending in a word organisations end in: "Tillamere Outdoor
# Gear Inc.", "Northern Lakes Transit Users Group", "Bank of England" is the model's
ORG_NAME_PATTERN = [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": sorted(ORG_ENDINGS)}, "IS_TITLE": True}]


def _patterned_orgs(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """Organisations the model missed that their name's shape gives away (ORG_NAME_PATTERN,
    one spaCy Matcher over the paragraphs). A mention inside such a name is replaced by it;
    one reaching outside it keeps its place."""
    if not parsed.docs:
        return found
    matcher = _org_name_matcher(parsed.docs[0].vocab)
    starts = [m.start for m in found]
    added: list[Mention] = []
    for p, doc in enumerate(parsed.docs):
        for span in matcher(doc, as_spans=True):
            if span[0].lower_ == "the":
                span = span[1:]
            if len(span) < 2 or "\n" in span.text:
                continue
            start, end = parsed.offset(p, span.start_char), parsed.offset(p, span.end_char)
            if any(m.start < start or m.end > end for m in _overlapping(found, starts, start, end)):
                continue
            added.append(Mention(p, parsed.sentence_id(p, span.start), start, end, span.text, "ORG", span.text,
                                 sure=True))
    return _replace_inside(found, added)


@cache
def _org_name_matcher(vocab: Vocab) -> Matcher:
    """ORG_NAME_PATTERN compiled once per pipeline, not once per article."""
    matcher = Matcher(vocab)
    matcher.add("ORG", [ORG_NAME_PATTERN], greedy="LONGEST")
    return matcher


def _overlapping(found: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions of `found` (in reading order, `starts` their starts) that overlap [start, end)."""
    i = bisect_left(starts, end)
    return [m for m in found[max(0, i - 4):i] if m.end > start]


def _replace_inside(found: list[Mention], added: list[Mention]) -> list[Mention]:
    """`found` with the non-overlapping mentions `added`, each replacing what it covers."""
    if not added:
        return found
    covered = _Spans((m.start, m.end) for m in added)
    return sorted([m for m in found if not covered.overlaps(m.start, m.end)] + added, key=lambda m: m.start)


def _after_body_noun(ent: Span) -> bool:
    """"the band Hollowmere", "rival firm Kestrel", "the charity Shelterwell": a name right
    after a noun for a body of people is that body's."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in _BODY_WORDS


def _after_place_word(ent: Span) -> bool:
    """"in Aldmoor", "near Vikhamn": a one-word name right after a preposition of place
    (not "in Congress": bodies that sit somewhere are listed apart)."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return len(ent) == 1 and before is not None and before.lower_ in _PLACE_PREPOSITIONS \
        and ent[0].lower_ not in _SITTING_BODIES


def _after_person_title(ent: Span) -> bool:
    """"Mayor Elena Marsh", "Councillor Tom Becker", "Trumpeter Femi Ogundipe": a person,
    whatever label the model gave."""
    first, before = ent[0], ent.doc[ent.start - 1] if ent.start else None
    if len(ent) > 1 and first.lower_ in PERSON_TITLES and first.text[:1].isupper():
        return True
    if len(ent) == 3 and occupation(first.lower_) and all(
            t.pos_ == "PROPN" and t.text.istitle() and t.lower_ not in ORG_ENDINGS | PLACE_ENDINGS for t in ent[1:]):
        return True
    return before is not None and before.lower_ in PERSON_TITLES and before.text[:1].isupper()


def _described_as_person(ent: Span) -> bool:
    """"Darnell Price, president of Local 418", "Priya Chandran, who organised the
    petition": a name the article describes as a person's, whatever the model's label."""
    for tok in ent:
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in PERSON_ROLES:
                return True
            if child.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in child.children):
                return True
    return False


class _Spans:
    """Sorted, non-overlapping (start, end) spans, asked "does anything overlap this?" by bisection."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self.spans[i][1] > start

    def holds(self, point: int) -> bool:
        i = bisect_right(self.starts, point) - 1
        return i >= 0 and self.spans[i][0] <= point < self.spans[i][1]


def _titled_people(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """People the model missed but a title gives away: "Mayor Ana Ruiz", "Dr. Lena Marsh"."""
    taken = _Spans((m.start, m.end) for m in found)
    out = []
    for p, doc in enumerate(parsed.docs):
        for tok in doc[:-1]:
            if tok.lower_ not in PERSON_TITLES or doc[tok.i + 1].lower_ in TITLES:
                continue
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 3 and doc[end].pos_ in ("PROPN", "NOUN") \
                    and doc[end].text[:1].isupper():  # "Mr O’Driscoll": the tagger may call it a noun
                end += 1
            if end == tok.i + 1:
                continue
            span = doc[tok.i + 1:end]
            start = parsed.offset(p, span.start_char)
            if not taken.overlaps(start, start + len(span.text)):
                out.append(Mention(p, parsed.sentence_id(p, span.start), start, start + len(span.text),
                                   span.text, "PERSON", span.text, sure=True))
    return out


def _completed_names(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """Full names the model missed where it found a shorter form elsewhere: "Chidinma
    Arinze" once, "Arinze" after; "Siobhán Nic Dhonnacha", then "Nic Dhonnacha". Up to
    two capitalised proper nouns, no title, right before a person's name of one or two
    words join it as one person's mention."""
    short = {m.name for m in found if m.label == "PERSON" and len(m.name.split()) <= 2 and m.name[:1].isupper()}
    if not short:
        return found
    by_first: dict[str, list[list[str]]] = {}
    for name in short:
        by_first.setdefault(name.split()[0], []).append(name.split())
    # a mention inside the longer name is the model's shorter reading ("Chidinma" as NORP,
    # "Anwar Basha" of "Shaik Anwar Basha"), unless it reads as a people's or a party's
    # name ("Republican Cruz", "Democrat Manchin"); a mention reaching outside it
    # ("Marie-Claude Aubertin" around "Claude Aubertin") means the name is already whole
    starts = [m.start for m in found]

    def blocked(start: int, name_start: int, end: int) -> bool:
        return any(m.start < start or m.end > end or (
            m.end <= name_start and (_DEMONYM.search(m.name) or m.name.lower() in _PARTY_WORDS))
            for m in _overlapping(found, starts, start, end))

    added: list[Mention] = []
    for p, doc in enumerate(parsed.docs):
        for tok in doc:
            for words in by_first.get(tok.text, ()):
                last = tok.i + len(words) - 1
                if last >= len(doc) or [t.text for t in doc[tok.i:last + 1]] != words:
                    continue
                first = _name_start(doc, tok.i)
                if first == tok.i:
                    continue
                span = doc[first:last + 1]
                start = parsed.offset(p, span.start_char)
                if not blocked(start, parsed.offset(p, tok.idx), start + len(span.text)):
                    added.append(Mention(p, parsed.sentence_id(p, first), start, start + len(span.text), span.text,
                                         "PERSON", span.text))
    longest: list[Mention] = []
    for m in sorted(added, key=lambda m: (m.start, -m.end)):  # one mention per place, the longest
        if not longest or m.start >= longest[-1].end:
            longest.append(m)
    return _replace_inside(found, longest)


def _name_start(doc: Doc, i: int) -> int:
    """Where a name that the model read from token i really starts: up to two given names
    before it, across surname particles ("Henrik ter Horst") or a hyphen ("Marie-Claude")."""
    j = i
    while j > 0 and doc[j - 1].lower_ in _PARTICLES:
        j -= 1
    given = 0
    while j > 0 and given < 2 and _given_word(doc[j - 1]):
        j, given = j - 1, given + 1
    if given:
        return j
    if i > 1 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
            and _given_word(doc[i - 2]):
        return i - 2
    return i


def _given_word(tok: Token) -> bool:
    """A capitalised proper noun that may open a name: not a title or an occupation ("Treasurer")."""
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text.istitle() and tok.lower_ not in TITLES \
        and not occupation(tok.lower_) and "\n" not in tok.whitespace_


def _repeats(parsed: Parsed, found: list[Mention], titles: _Spans) -> list[Mention]:
    """Names the model found once but missed elsewhere, and people's surnames alone.

    One name keeps one sense within an article, so every other place the article writes
    a found name (or a found person's surname) is a mention too. A single word counts
    only where the parser tags it as a proper noun, so "May" the month stays out. One
    PhraseMatcher over each paragraph's tokens finds them all: linear in the article.
    """
    sure = [m for m in found if m.label and not _inside(m, titles)]
    names = {m.name for m in sure if m.name[:1].isupper()}
    names |= {m.name.split()[-1] for m in sure if m.label == "PERSON" and " " in m.name}
    names = {n for n in names if len(n) > 1}
    if not names:
        return []
    matcher = PhraseMatcher(parsed.docs[0].vocab)
    make_doc = parsed.make_doc or (lambda text: Doc(matcher.vocab, words=text.split()))
    for name in names:
        matcher.add(name, [make_doc(name)])
    taken = _Spans((m.start, m.end) for m in found)
    out: list[Mention] = []
    for p, doc in enumerate(parsed.docs):
        text, base = parsed.article.paragraphs[p].text, parsed.article.paragraphs[p].start
        for span in _leftmost_longest(matcher(doc, as_spans=True)):
            lo, hi = span.start_char, span.end_char
            if (lo and (text[lo - 1].isalnum() or text[lo - 1] in "_-")) or \
                    (hi < len(text) and (text[hi].isalnum() or text[hi] in "_-")):
                continue  # inside a longer word or a hyphenated one ("Xi-led")
            if taken.overlaps(base + lo, base + hi) or (" " not in span.text and span[0].pos_ != "PROPN"):
                continue
            out.append(Mention(p, parsed.sentence_id(p, span.start), base + lo, base + hi, span.text, "", span.text))
        out += _glued(parsed, p, names, taken)
    return sorted(out, key=lambda m: m.start)


def _glued(parsed: Parsed, p: int, names: set[str], taken: _Spans) -> list[Mention]:
    """One-word names inside a token glued to punctuation ('">Sanders', "Warren.$WFC"),
    which the token matcher cannot see: each run of letters in such a token is looked up."""
    doc, base = parsed.docs[p], parsed.article.paragraphs[p].start
    out = []
    for tok in doc:
        if tok.is_alpha or tok.is_punct:
            continue
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


def _clean(piece: tuple[int, int, str, str], offset: int, paragraph: int, sentence: int) -> Mention | None:
    start, end, text, label = piece
    name = text
    if name.lower().startswith("the "):
        name = name[4:]
    name = _POSSESSIVE.sub("", name).strip()
    if label in _CREDIT_SUFFIX:
        name = _CREDIT_SUFFIX[label].sub("", name)
    if label == "PERSON":
        name = _strip_titles(name)
    elif label == "ORG":  # "Caxton Regional Transit board": the name ends at its last capital
        name = re.sub(r"(?:\s+[a-z][\w-]*)+$", "", name) if re.search(r"\s[A-Z]", name) else name
    keeps_dot = name.endswith(".") and len(name) >= 3  # "U.S.", "Jr."
    name = name.strip(" ,;:-–—\"“”'‘’" + ("" if keeps_dot else "."))
    if not name or not any(c.isalpha() for c in name):
        return None
    # mention spans cover the name only, not "the" or a possessive
    at = text.find(name)
    if at >= 0:
        start, end, text = start + at, start + at + len(name), name
    return Mention(paragraph, sentence, offset + start, offset + end, text, label, name)


def _strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[0].lower() in TITLES or (len(words) > 2 and occupation(words[0].lower()))):
        words.pop(0)
    return " ".join(words)


def _join_possessed_bodies(mentions: list[Mention], text: str) -> list[Mention]:
    """"China's Foreign Ministry" names one body, not China plus a ministry of nowhere."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and m.label == "ORG" and _GOVERNMENT_BODY.match(m.name)
                and prev.label in ("GPE", "NORP") and prev.paragraph == m.paragraph
                and re.fullmatch(r"['’]s\s+", text[prev.end:m.start])):
            joined = text[prev.start:m.end]
            out[-1] = replace(m, start=prev.start, text=joined, name=joined)
        else:
            out.append(m)
    return out


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)")
_ACRONYM_WORD = re.compile(r"(?:[A-Z][\w'’&.-]*|and|of|for|&)$")


def _bracketed_acronyms(mentions: list[Mention], text: str) -> list[Mention]:
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


def _spelled_acronyms(parsed: Parsed, found: list[Mention]) -> list[Mention]:
    """Acronyms the model missed that spell an organisation the article names: "RTWU" for
    the Remote Technical Workers Union. Each becomes a mention; canonical names join it
    to the organisation."""
    spelled = {initials(m.name) for m in found if m.label in ("ORG", "FAC") and len(m.name.split()) >= 2}
    spelled = {a for a in spelled if len(a) >= 3}
    if not spelled:
        return found
    taken = _Spans((m.start, m.end) for m in found)
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


def title_lines(parsed: Parsed) -> _Spans:
    """Article spans of Title Case lines (headlines, caption titles), where NER misfires."""
    spans = []
    for para in parsed.article.paragraphs:
        pos = para.start
        for line in para.text.split("\n"):
            if _is_title_case(line):
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    return _Spans(spans)


def _inside(m: Mention, spans: _Spans) -> bool:
    return spans.holds(m.start)


def _is_title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in SMALL_WORDS]
    if len(words) < 2 or len(line.split()) > 20 or re.search(r"[.!?]\s*$", line):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _fit_title_line(m: Mention, known: set[str], titles: _Spans, longest: int) -> list[Mention]:
    """Keep a title-line mention only as the names running text knows ("Xi Agree NATO" ->
    Xi, NATO): the longest known run of words at each place, left to right. `longest` is
    the most words a known name has, so the work grows with the mention, not the article."""
    if m.name in known or not _inside(m, titles):
        return [m]
    words = [(w.start(), w.end()) for w in _NAME_RUN.finditer(m.text)]
    out, i = [], 0
    while i < len(words):
        for k in range(min(longest, len(words) - i), 0, -1):
            lo, hi = words[i][0], words[i + k - 1][1]
            written = m.text[lo:hi]  # "Xi", or "Xi." ending a line, or "Xi's"
            name = next((n for n in (written, written.rstrip("."), _POSSESSIVE.sub("", written)) if n in known), "")
            hi = lo + len(name)
            if name:
                out.append(replace(m, start=m.start + lo, end=m.start + hi, text=name, name=name, label=""))
                i += k
                break
        else:
            i += 1
    return out


def entity_table(mentions: pd.DataFrame, sentences: pd.DataFrame,
                 pronouns: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per canonical entity: label, mentions, distinct paragraphs, tone toward it.

    `polarity`/`subjectivity` are means over the distinct sentences that mention the
    entity, including the sentences in `pronouns` (article, entity, sentence: a pronoun
    resolved to a named entity, as "he said" for a speaker); those do not add to the
    mention count. `tone_score` is the mean of the model's tone toward its mentions,
    `tone` its label, and `negative`/`neutral`/`positive` count the mentions of each tone.
    Sorted by mentions, most first, then by first appearance.
    """
    extra = ("subjectivity", "first_paragraph")
    tone = dict(zip(sentences["sentence"], zip(sentences["polarity"], sentences["subjectivity"])))
    groups: dict[tuple[str, str], dict] = {}
    columns = ("article", "entity", "label", "paragraph", "sentence", "tone", "tone_score")
    for article, entity, label, paragraph, sentence, tone_label, tone_score in zip(*(mentions[c] for c in columns)):
        g = groups.setdefault((article, entity), {"label": label, "n": 0, "paras": set(), "sents": set(),
                                                  "tones": [], "scores": []})
        g["n"] += 1
        g["tones"].append(tone_label)
        g["scores"].append(tone_score)
        g["paras"].add(paragraph)
        g["sents"].add(sentence)
    if pronouns is not None and len(pronouns):
        for article, entity, sentence in zip(pronouns["article"], pronouns["entity"], pronouns["sentence"]):
            if (article, entity) in groups:
                groups[(article, entity)]["sents"].add(sentence)
    rows = [_entity_row(article, entity, g, tone) for (article, entity), g in groups.items()]
    rows.sort(key=lambda r: (r["article"], -r["mentions"], r["first_paragraph"]))
    return frame("entities", rows, extra=extra)


def _entity_row(article: str, entity: str, g: dict, tone: dict) -> dict:
    scores = [tone[s] for s in g["sents"] if s in tone]
    mean = (lambda i: round(sum(x[i] for x in scores) / len(scores), 4)) if scores else (lambda i: 0.0)
    return {"article": article, "entity": entity, "label": g["label"], "mentions": g["n"],
            "paragraphs": len(g["paras"]), "polarity": mean(0), **summary(g["scores"]), **counts(g["tones"]),
            "subjectivity": mean(1), "first_paragraph": int(min(g["paras"]))}
