"""Quotes and their speakers: direct, mixed and indirect speech, one row per quote.

The steps live in their own modules: quote marks (analysis.quotemarks), the reporting-verb
lexicon (analysis.cues), the text around a quote that names its speaker (analysis.frames),
unquoted reported speech (analysis.indirect) and who a subject stands for
(analysis.attribution). This module puts them together: a quote with no cue of its own
takes the speaker of the passage it continues; names, titles, headings and scare quotes
are dropped. It works on the spaCy parse already made, one pass over the tokens, no
re-parsing; pandas only for the returned table.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache
from itertools import islice

import pandas as pd
from spacy.tokens import Doc, Token

from .antecedents import PRONOUNS
from .attribution import Resolver, Speaker
from .cues import cue_text, is_cue, noun_cue_speaker, subject_of
from .frames import Attribution, Quote, attribute, frames_of, is_headline, speaker_of_cue
from .indirect import indirect_quotes
from .nlp import Parsed
from .paragraphs import TONE_KINDS
from .quotemarks import QuoteSpan, find_quotes
from .schema import frame
from .sentiment import score
from .speaker_kinds import kind_in_article

EXTRA = ("channel", "speaker_text", "speaker_label", "speaker_kind", "passage")
_PASSAGE_GAP_WORDS = 12
_NICKNAME = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?")
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*")  # between fragments in one list
_STAGE_DIRECTION = re.compile(r"\([^()]*\)[.,]?")  # "(CROSSTALK.)", "(Laughter)"
_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as is are be".split())
_NAME_COLON = re.compile(r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}):\s")
_NAME_BEFORE_COLON = re.compile(r"([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}):\s*$")
_TRANSCRIPT = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


def extract_quotes(parsed: Parsed) -> pd.DataFrame:
    """One row per quote, its speaker resolved against the mention layer that
    extract_mentions left on `parsed`'s Docs. The contract's columns, plus `channel` (who passed the
    quote on: "CCTV" in "Xi said, according to CCTV"), `speaker_text` (the words the
    cue attaches to), `speaker_label` (the speaker's entity label, if any), `speaker_kind`
    (person, organisation, group or source: analysis.speaker_kinds) and `passage` (rows of
    one quotation split by its attribution or by paragraphs share a number)."""
    texts = [p.text for p in parsed.article.paragraphs]
    spans = find_quotes(texts)
    quoted = [[(q.open_at, q.close_at + 1) for q in ps] for ps in spans]
    resolver = Resolver(parsed, quoted)
    speech = [[(q.open_at, q.close_at + 1) for q in ps if not _is_title(text, q, any_kind=True)]
              for ps, text in zip(spans, texts, strict=True)]
    indirect = indirect_quotes(parsed, speech, resolver)
    direct = _direct_quotes(parsed, spans, resolver, indirect)
    quotes = sorted(direct + indirect, key=lambda q: (q.paragraph, q.start))
    passages = _passages(parsed, quotes)
    return frame("quotes", [_row(parsed, q) | {"passage": n} for q, n in zip(quotes, passages, strict=True)],
                 extra=EXTRA)


def _passages(parsed: Parsed, quotes: list[Quote]) -> list[int]:
    """A number per row; rows of one quotation share it: the parts of a quote split by its
    attribution ("We will appeal," she said, "and ..."), and the paragraphs of a quote
    running over several. Lets a reader (or a scorer) join what the contract splits."""
    out: list[int] = []
    for i, q in enumerate(quotes):
        prev = quotes[i - 1] if i else None
        same = prev is not None and q.kind != "indirect" and prev.kind != "indirect" and (
            (q.chain >= 0 and q.chain == prev.chain) or _split_pair(parsed, prev, q))
        out.append(out[-1] if same else (out[-1] + 1 if out else 0))
    return out


def _split_pair(parsed: Parsed, a: Quote, b: Quote) -> bool:
    """Two quotes of one paragraph with one speaker and only a short attribution between."""
    if a.paragraph != b.paragraph or not (_named(a.who) and _named(b.who)):
        return False
    gap = parsed.article.paragraphs[a.paragraph].text[a.end:b.start]
    return a.who.speaker.name == b.who.speaker.name and len(gap.split()) <= _PASSAGE_GAP_WORDS


def _direct_quotes(parsed: Parsed, spans: list[list[QuoteSpan]], resolver: Resolver,
                   indirect: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    chain = -1
    for p, paragraph_spans in enumerate(spans):
        if _no_speech(parsed, p):
            continue
        text = parsed.article.paragraphs[p].text  # Doc.text would rebuild it from the tokens
        paragraph_spans = [s for s in paragraph_spans if not (_is_title(text, s) or _is_nickname(text, s))]
        for i, span in enumerate(paragraph_spans):
            if not span.continues:
                chain += 1
            kind = _kind(text, span)
            before, after = frames_of(text, paragraph_spans, i)
            who = _listed_with(text, paragraph_spans, i, kind, out) or \
                _transcript_speaker(p, text, span, resolver) or \
                attribute(parsed, p, span, kind, before, after, resolver) or \
                _title_line_speaker(p, text, span, resolver)
            if who is None and i and before[0] == paragraph_spans[i - 1].close_at + 1 and out:
                who = out[-1].who  # "called it “X” and “Y”": one sentence, one cue
            out.append(Quote(p, span.start, span.end, kind, who, chain))
    out = _share_chain_speakers(out)
    out = _inherit_speakers(parsed, out, spans, resolver, indirect)
    return [q for q in out if _is_speech(parsed, q, resolver.token_starts[q.paragraph])]


def _listed_with(text: str, spans: list[QuoteSpan], i: int, kind: str, out: list[Quote]) -> Attribution | None:
    """"went on about “X,” and “Y” and “Z,” Melanie said": a fragment joined to the one
    before by "and" or a comma is in the same list, whatever follows it."""
    if kind != "mixed" or not i or not out or out[-1].kind != "mixed" or out[-1].who is None:
        return None
    between = text[spans[i - 1].close_at + 1:spans[i].open_at]
    return out[-1].who if _LIST_JOIN.fullmatch(between) else None


def _is_title(text: str, span: QuoteSpan, *, any_kind: bool = False) -> bool:
    """A show's or a book's name inside a sentence ("on “Fox and Friends.”"): not speech,
    and not a break between a quote and its cue either."""
    quoted = text[span.start:span.end]
    return (not span.runs_on and not span.continues and (any_kind or _kind(text, span) == "mixed")
            and len(quoted.split()) <= 6 and _title_like(quoted))


def _is_nickname(text: str, span: QuoteSpan) -> bool:
    """Marcia "Cia" Price, Earvin 'Magic' Johnson: a quoted name between a first name and a
    surname is part of the name, neither speech nor a break between a quote and its cue."""
    m = _NICKNAME.fullmatch(text, span.start, span.end)
    if m is None or span.runs_on or span.continues:
        return False
    before = text[max(0, span.open_at - 30):span.open_at].split()
    after = text[span.close_at + 1:span.close_at + 30].split()
    return bool(before and after and text[span.open_at - 1:span.open_at] == " "
                and before[-1][:1].isupper() and before[-1].isalpha() and after[0][:1].isupper())


def _no_speech(parsed: Parsed, p: int) -> bool:
    """Credits, and the headline of an article that has a body, hold no quotes."""
    return parsed.kinds[p] == "credit" or is_headline(parsed, p)


def _transcript_speaker(p: int, text: str, span: QuoteSpan, resolver: Resolver) -> Attribution | None:
    """A transcript line quoted whole: "PENCE: Well, look, ..." names its speaker first."""
    m = _TRANSCRIPT.match(text, span.start, span.end)
    if m is None:
        return None
    return Attribution(":", resolver.name_at(p, *m.span(1)))


def _title_line_speaker(p: int, text: str, span: QuoteSpan, resolver: Resolver) -> Attribution | None:
    """A line that opens with a name and a colon ("Sanders: Clinton must 'get away from'
    ...") credits the quotes after the colon to that name; so does a person's or a body's
    name right before the colon that opens the quote."""
    m = _NAME_COLON.match(text)
    if m is not None and span.open_at >= m.end():
        return Attribution(":", resolver.name_at(p, *m.span(1)))
    # a name right before the colon that opens the quote: "A lesson from Loretta Lynch: '...'",
    # "... containment. Clinton: "Our goal is ..."", "More from Jones: "...""
    m = _NAME_BEFORE_COLON.search(text, 0, span.open_at)
    lead = text[:m.start()].rstrip() if m is not None else ""
    if m is None or lead and not (lead[-1] in ".!?\"”’)]—–-" or lead.lower().endswith(" from")):
        return None  # "Perez hammered home his view of Clinton: "..."": a name inside a clause of its own
    who = resolver.name_at(p, *m.span(1))
    if not (who.label in ("PERSON", "ORG") or resolver.names_person(who.name)):
        return None  # "Breaking News: '...'" names no one the article speaks of
    return Attribution(":", who)


def _kind(text: str, span: QuoteSpan) -> str:
    """Mixed when the quote carries on a sentence begun outside it ("include "not ...")."""
    before = _last_visible(text, span.open_at)
    if not before or span.continues:
        return "direct"
    if before in "”\"":  # “reckless,” “cruel”: a list of fragments goes on; “Yes.” “No.” starts anew
        mark = text.rindex(before, 0, span.open_at)
        inner = _last_visible(text, mark)
        return "mixed" if inner.isalnum() or inner == "," else "direct"
    return "mixed" if before.isalnum() or before in ")%’'" else "direct"


def _last_visible(text: str, i: int) -> str:
    """The last character before i that is not white space ("" if none); no copy of the text."""
    while i and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i else ""


def _share_chain_speakers(quotes: list[Quote]) -> list[Quote]:
    """Every paragraph of a multi-paragraph quote without a speaker of its own gets the
    one named in the nearest paragraph of it before (a transcript's "PENCE: ..." runs on
    until "WALLACE: ..."), else the first one named after ("...," she said, at its end)."""
    first: dict[int, Attribution] = {}
    for q in quotes:
        if _named(q.who):
            first.setdefault(q.chain, q.who)
    latest: dict[int, Attribution] = {}
    out = []
    for q in quotes:
        if _named(q.who):
            latest[q.chain] = q.who
        elif q.chain in first:
            q = replace(q, who=latest.get(q.chain, first[q.chain]))
        out.append(q)
    return out


def _inherit_speakers(parsed: Parsed, quotes: list[Quote], spans, resolver: Resolver,
                      indirect: list[Quote]) -> list[Quote]:
    """A quote with no cue of its own, opening its paragraph, continues the previous speaker:
    the cue that ends the paragraph before ("Smith continued:") or the latest speaker of
    this paragraph or the one before (a quote, or reported speech: "Smith said the plan
    failed. "It was a mess.")."""
    reported = sorted((r for r in indirect if _named(r.who)), key=lambda r: (r.paragraph, r.start))
    keys = [(r.paragraph, r.start) for r in reported]
    colon_cue = cache(lambda p: _colon_cue(parsed, p, spans, resolver))  # once per paragraph
    out: list[Quote] = []
    for q in quotes:
        if not _named(q.who) and q.kind == "direct" and (q.who is None or q.who.speaker is None):
            i = bisect_right(keys, (q.paragraph, q.start))
            candidates = [c for c in (_previous(out), reported[i - 1] if i else None)
                          if c is not None and c.paragraph >= q.paragraph - 1]
            latest = max(candidates, key=lambda c: (c.paragraph, c.start), default=None)
            inherited = _lead_in(parsed, q, resolver) or colon_cue(q.paragraph - 1) or (latest.who if latest else None)
            no_person = inherited is None or kind_in_article(parsed, inherited.speaker) != "person"
            if _first_person(parsed, q) and (no_person or _introduces(parsed, q.paragraph + 1)):
                inherited = _named_next(parsed, q, resolver) or inherited
            elif no_person:
                inherited = _named_after(parsed, q, resolver) or inherited
            if inherited is not None:
                q = replace(q, who=replace(inherited, inherited=True))
        out.append(q)
    return out


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|d|ve|ll)|[Mm]y|me|myself)\b")


def _first_person(parsed: Parsed, q: Quote) -> bool:
    """A quote that fills its paragraph and speaks as one person ("My kids were ...")."""
    text = parsed.article.paragraphs[q.paragraph].text
    return not text[:q.start].strip(" \"“‘'") and not text[q.end:].strip(" \"”’'.,") \
        and _FIRST_PERSON.search(text, q.start, q.end) is not None


_INTRODUCTION = re.compile(r"(?:That|This)(?: [a-z]+)? (?:was|is)\b")


def _introduces(parsed: Parsed, p: int) -> bool:
    """A paragraph that opens by saying who just spoke: "That was Marisa Fenwick, 34, ..."."""
    return p < len(parsed.docs) and _INTRODUCTION.match(parsed.article.paragraphs[p].text) is not None


def _named_next(parsed: Parsed, q: Quote, resolver: Resolver) -> Attribution | None:
    """Who a first-person quote that no person leads in is: the person the next
    paragraph's first sentence names ("That was Gloria Tessaro, 58, who ...")."""
    p = q.paragraph + 1
    if p >= len(parsed.docs) or parsed.kinds[p] != "body":
        return None
    first = next(iter(parsed.docs[p].sents), None)
    if first is None:
        return None
    speaker = resolver.first_person(p, first.start_char, first.end_char)
    return Attribution("", speaker) if speaker is not None else None


def _named_after(parsed: Parsed, q: Quote, resolver: Resolver) -> Attribution | None:
    """Who a quote opening its paragraph with no cue is, when no person spoke before it:
    the person whose name opens the paragraph's next sentence (""You could hear it before
    you could see it." Wes Ackerley, who runs the marina, was among the last to leave")."""
    text = parsed.article.paragraphs[q.paragraph].text
    if text[:q.start].strip(" \"“‘'"):
        return None
    sent = next((s for s in parsed.docs[q.paragraph].sents if s.start_char >= q.end), None)
    subject = subject_of(sent.root) if sent is not None and sent.root.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.pos_ != "PROPN" or resolver.in_quote(q.paragraph, subject.idx):
        return None
    speaker = resolver.speaker(q.paragraph, subject)
    return Attribution("", speaker) if speaker is not None and speaker.label == "PERSON" else None


_LEAD_PRONOUNS = frozenset("he she they".split())


def _lead_in(parsed: Parsed, q: Quote, resolver: Resolver) -> Attribution | None:
    """The speaker a quote with no cue is led in by: the subject of the clause that ends in
    a colon before it ("Article 33 affirms: "..."") or of the sentence right before it, in
    its paragraph or, for a quote that opens its paragraph, at the end of the one before
    ("Valastro praised Christie's leadership. "We need someone ...""), when that subject
    is a name or a pronoun the article resolves."""
    p, text = q.paragraph, parsed.article.paragraphs[q.paragraph].text
    at = q.start
    while at > 0 and (text[at - 1].isspace() or text[at - 1] in "\"“‘'«"):
        at -= 1
    if at == 0:
        p -= 1
        if p < 0 or parsed.kinds[p] not in TONE_KINDS or parsed.kinds[q.paragraph] != "body":
            return None
        at = len(parsed.article.paragraphs[p].text.rstrip())
    if at == 0:
        return None
    doc = parsed.docs[p]
    end = doc[max(0, bisect_right(resolver.token_starts[p], at - 1) - 1)]
    if end.text == ":":  # the clause before the colon ("The captain was blunt:"), however the parser hung it
        clause = [t for t in reversed(doc[end.sent.start:end.i])
                  if t.pos_ in ("VERB", "AUX") and subject_of(t) is not None]
        # "As Joel Pollak reported after the FBI appears to have ...:": the cue's subject, not the last verb's
        verb = next((t for t in clause if is_cue(t)), clause[0] if clause else end.head)
    elif end.text in (".", "!", "?") or (end.is_punct and end.i and doc[end.i - 1].text in (".", "!", "?")):
        verb = end.sent.root
    else:
        return None
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or not (subject.pos_ in ("PROPN", "NOUN") or subject.lower_ in _LEAD_PRONOUNS):
        return None
    speaker = resolver.speaker(p, subject)
    if speaker is None or speaker.label not in ("PERSON", "ORG", "NORP"):
        return None  # a name the entity layer does not know ("Meh") leads in nothing
    if subject.pos_ == "NOUN" and speaker.label != "PERSON":
        return None  # "His former partner, Lawrence Cummings, called him ...": a person named beside the noun
    return Attribution(":" if end.text == ":" else "", speaker)


def _previous(quotes: list[Quote]) -> Quote | None:
    """The latest quote with a named speaker (looking back a few quotes at most)."""
    return next((q for q in reversed(quotes[-8:]) if _named(q.who)), None)


def _named(who: Attribution | None) -> bool:
    """Whether an attribution names its speaker (a pronoun left unresolved does not)."""
    return who is not None and who.speaker is not None and bool(who.speaker.name)


def _colon_cue(parsed: Parsed, p: int, spans, resolver: Resolver) -> Attribution | None:
    """The cue of a paragraph that ends in a colon: "Smith continued:", "He made the
    following comment:" (a cue noun whose owner is the speaker)."""
    if p < 0 or not parsed.article.paragraphs[p].text.rstrip().endswith(":"):
        return None
    doc: Doc = parsed.docs[p]
    lo = spans[p][-1].close_at + 1 if spans[p] else 0
    owner = None
    for tok in reversed(doc):
        if tok.idx < lo:
            break
        if is_cue(tok):
            return _attribution_for(parsed, p, tok, resolver)
        owner = owner or noun_cue_speaker(tok)
    speaker = resolver.speaker(p, owner) if owner is not None else None
    return Attribution(":", speaker) if speaker is not None and speaker.name else None


def _attribution_for(parsed: Parsed, p: int, tok: Token, resolver: Resolver) -> Attribution | None:
    speaker = speaker_of_cue(p, tok, resolver)
    return Attribution(cue_text(tok), speaker, None) if speaker is not None and speaker.name else None


def _is_speech(parsed: Parsed, q: Quote, token_starts: list[int]) -> bool:
    """Drop scare quotes, names and titles: short quotes with no cue, uncued mixed quotes."""
    paragraph = parsed.article.paragraphs[q.paragraph].text
    text = paragraph[q.start:q.end]
    words = len(text.split())
    if words <= 6 and _title_like(text) and not _cue_follows(parsed.docs[q.paragraph], token_starts,
                                                             len(paragraph), q.end):
        return False  # names of shows, books and plans, and section headings
    if _STAGE_DIRECTION.fullmatch(text):
        return False
    if q.who is None:
        return parsed.kinds[q.paragraph] != "caption" and words >= (8 if q.kind == "mixed" else 4)
    if q.who.naming or q.who.written:
        return False
    return q.kind == "direct" or _named(q.who)


def _cue_follows(doc: Doc, token_starts: list[int], length: int, end: int) -> bool:
    """Whether a reporting verb comes within three words after a quote ("Yes We Can," they chanted).

    `token_starts` holds each token's char offset, `length` the paragraph's length."""
    if end >= length:
        return False
    i = bisect_right(token_starts, end) - 1  # the token holding `end`, or whose trailing space it is
    if end == doc[i].idx + len(doc[i]):
        i += 1
    words = (t for t in doc[i:] if not t.is_punct)
    return any(is_cue(t) for t in islice(words, 3))


def _title_like(text: str) -> bool:
    """Names of shows, films and plans: most words capitalised ("Face the Nation,")."""
    words = [w for w in text.split() if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    caps = sum(w[0].isupper() for w in words)
    return len(words) >= 1 and caps >= 0.75 * len(words) and (len(words) > 1 or text[:1].isdigit()
                                                                 or not text.rstrip(",.")[1:].islower())


# "Robert Menendez (D-N.J.)": a party and state tag is no part of a name
_PARTY_TAG = re.compile(r"\s*\((?:[DRIL]|Ind|Dem|Rep)-[^)]*\)?")
# a full stop that belongs to the name's last word: "Jr.", "Inc.", "U.S.", "J."
_NAME_FULL_STOP = re.compile(r"(?:\b[A-Z]|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros|St))\.$")


def tidy_name(name: str) -> str:
    """A speaker's name without what its words were cut from: a party tag, a comma or
    colon it ended on ("... and Stevie Wonder,"), a sentence's full stop ("Christina Lastra.")."""
    name = _PARTY_TAG.sub("", name).strip().rstrip(",;:").rstrip()
    if name.endswith(".") and not _NAME_FULL_STOP.search(name):
        name = name[:-1].rstrip()
    return name


def _row(parsed: Parsed, q: Quote) -> dict:
    text = parsed.article.paragraphs[q.paragraph].text[q.start:q.end]
    polarity, subjectivity = score(text)
    speaker: Speaker | None = q.who.speaker if q.who else None
    kind = kind_in_article(parsed, speaker) if speaker and speaker.name else ""
    if speaker is not None and speaker.name and not kind:
        speaker = None  # words that name no speaker ("Monday", "the phrase"), however they were reached
    own = speaker is not None
    return {"article": parsed.article.name, "paragraph": q.paragraph,
            "start": parsed.offset(q.paragraph, q.start), "end": parsed.offset(q.paragraph, q.end),
            "quote": text, "kind": q.kind, "speaker": tidy_name(speaker.name) if speaker else "",
            "speaker_start": speaker.start if own else pd.NA, "speaker_end": speaker.end if own else pd.NA,
            "cue": q.who.cue if q.who else "", "polarity": polarity, "subjectivity": subjectivity,
            "channel": (q.who.channel or "") if q.who else "",
            "speaker_text": speaker.text if own else "", "speaker_label": speaker.label if speaker else "",
            "speaker_kind": kind if speaker else ""}


def resolved_pronouns(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """(article, entity, sentence) for each speaker pronoun resolved to a name, so the
    sentence counts toward the tone of that entity ("he said" in a sentence about Xi)."""
    columns = ["article", "entity", "sentence"]
    if quotes.empty or sentences.empty:
        return pd.DataFrame(columns=columns)
    starts, ids = sentences["start"].tolist(), sentences["sentence"].tolist()
    found = set()
    for article, speaker, text, start in zip(quotes["article"].tolist(), quotes["speaker"].tolist(),
                                             quotes["speaker_text"].tolist(), quotes["speaker_start"].tolist(),
                                             strict=True):
        if speaker and isinstance(text, str) and text.lower() in PRONOUNS:
            found.add((article, speaker, ids[max(0, bisect_right(starts, int(start)) - 1)]))
    return pd.DataFrame(sorted(found), columns=columns)
