"""Quotes and their speakers: direct, mixed and indirect speech, one row per quote.

The steps live in their own modules: quote marks (analysis.quotes.quotemarks), the reporting-verb
lexicon (analysis.quotes.cues), the text around a quote that names its speaker (analysis.quotes.frames),
unquoted reported speech (analysis.quotes.indirect), who a subject stands for
(analysis.speakers.attribution) and whose words a quote with no cue continues (analysis.quotes.continued).
This module puts them together; names, titles, headings and scare quotes are dropped. It
works on the spaCy parse already made, one pass over the tokens, no re-parsing; pandas
only for the returned table.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import islice

import pandas as pd
from spacy.tokens import Doc

from ..pipeline.nlp import Parsed
from ..schema import frame
from ..sentiment import score
from ..speakers.antecedents import PRONOUNS
from ..speakers.attribution import Resolver, Speaker
from ..speakers.speaker_kinds import kind_in_article
from .continued import inherit_speakers, named, share_chain_speakers, take_turns
from .cues import is_cue
from .frames import Attribution, Quote, attribute, frames_of, is_headline, named_next
from .indirect import indirect_quotes
from .quotemarks import QuoteSpan, find_quotes, name_label, transcript_start

EXTRA = ("channel", "speaker_text", "speaker_label", "speaker_kind", "passage")
_PASSAGE_GAP_WORDS = 12
_NICKNAME = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?")
_SENTENCE_END = re.compile(r"[.!?]\s")  # between two fragments: not one sentence
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*")  # between fragments in one list
_GLOSS_OPEN = re.compile(r"\s*\(")  # 'Wand jo' ('Wind yes'): a translation in brackets
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
    (person, organisation, group or source: analysis.speakers.speaker_kinds) and `passage` (rows of
    one quotation split by its attribution or by paragraphs share a number)."""
    texts = [p.text for p in parsed.article.paragraphs]
    spans = find_quotes(texts)
    quoted = [[(q.open_at, q.close_at + 1) for q in ps] for ps in spans]
    resolver = Resolver(parsed, quoted)
    speech = [[(q.open_at, q.close_at + 1) for q in ps if not _is_title(text, q, any_kind=True)]
              for ps, text in zip(spans, texts, strict=True)]
    for p in range(len(texts) - 1):
        if spans[p + 1] and spans[p + 1][0].answer:  # an interview's question reports no one's words
            speech[p] = [(0, len(texts[p]))]  # ("Hungary Today: Residents say they were not consulted.")
    indirect = indirect_quotes(parsed, speech, resolver)
    direct = _direct_quotes(parsed, texts, spans, resolver, indirect)
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
    if a.paragraph != b.paragraph or not (named(a.who) and named(b.who)):
        return False
    gap = parsed.article.paragraphs[a.paragraph].text[a.end:b.start]
    return a.who.speaker.name == b.who.speaker.name and len(gap.split()) <= _PASSAGE_GAP_WORDS


def _direct_quotes(parsed: Parsed, texts: list[str], spans: list[list[QuoteSpan]], resolver: Resolver,
                   indirect: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    glosses: dict[tuple[int, int], tuple[int, int]] = {}  # a translation -> the quote it translates
    chain = -1
    for p, paragraph_spans in enumerate(spans):
        if _no_speech(parsed, p):
            continue
        text = texts[p]  # Doc.text would rebuild it from the tokens
        paragraph_spans = [s for s in paragraph_spans if not (_is_title(text, s) or _is_nickname(text, s))]
        for i, span in enumerate(paragraph_spans):
            if not span.continues:
                chain += 1
            kind = _kind(text, span)
            before, after = frames_of(text, paragraph_spans, i)
            gloss = _is_gloss(text, paragraph_spans, i) and bool(out)
            who = (out[-1].who if gloss else None) or _listed_with(text, paragraph_spans, i, kind, out) or \
                _answer_speaker(texts, p, span, resolver) or _transcript_speaker(p, text, span, resolver) or \
                attribute(parsed, p, span, kind, before, after, resolver) or \
                named_next(parsed, p, span, after, resolver) or _title_line_speaker(p, text, span, resolver)
            if who is None and i and before[0] == paragraph_spans[i - 1].close_at + 1 and out:
                who = out[-1].who  # "called it “X” and “Y”": one sentence, one cue
            if gloss and out[-1].who is None and out[-1].kind == "direct":
                out[-1] = replace(out[-1], who=who)  # '"El mar no se vende" ("The sea ..."), said X'
            if gloss:
                glosses[p, span.start] = (out[-1].paragraph, out[-1].start)
            out.append(Quote(p, span.start, span.end, kind, who, chain))
        _cue_after_next(text, paragraph_spans, out)
    out = share_chain_speakers(out)
    out = take_turns(parsed, inherit_speakers(parsed, out, spans, resolver, indirect), resolver)
    speech = [q for q in out if _is_speech(parsed, q, resolver.token_starts[q.paragraph])]
    kept = {(q.paragraph, q.start) for q in speech}
    # a translation is speech only if what it translates is ('Chanting "Sunu fas!" ("Our horses!")')
    return [q for q in speech if glosses.get((q.paragraph, q.start), (q.paragraph, q.start)) in kept]


def _cue_after_next(text: str, spans: list[QuoteSpan], out: list[Quote]) -> None:
    """"The governor “supports transit” and will “review the bill,” his spokesperson said":
    a fragment with no cue of its own takes the speaker of the next one in its sentence."""
    first = len(out) - len(spans)  # the paragraph's quotes are the last of `out`, one per span
    for i in range(len(spans) - 2, -1, -1):
        q, nxt = out[first + i], out[first + i + 1]
        if q.who is None and nxt.who is not None and q.kind == nxt.kind == "mixed" \
                and not _SENTENCE_END.search(text, spans[i].close_at + 1, spans[i + 1].open_at):
            out[first + i] = replace(q, who=nxt.who)


def _is_gloss(text: str, spans: list[QuoteSpan], i: int) -> bool:
    """Whether a quote is a translation in brackets right after another ("‘Wand jo’ (‘Wind
    yes’)"): the same words, so the same speaker, or the same sign's text."""
    return bool(i) and text[spans[i].close_at + 1:spans[i].close_at + 2] == ")" \
        and _GLOSS_OPEN.fullmatch(text, spans[i - 1].close_at + 1, spans[i].open_at) is not None


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


def _answer_speaker(texts: list[str], p: int, span: QuoteSpan, resolver: Resolver) -> Attribution | None:
    """An interview's answer: the name it is set out under ("Ostrovetska: ..."), or for "A:
    ..." the one interviewed, the person the paragraphs just before the transcript say it is
    with ("HKFP spoke to Doris Yiu on the stall's last morning."), else the person the article
    names most."""
    if not span.answer:
        return None
    label = name_label(texts[p])
    if label is not None:  # "Ostrovetska: ...": the name it is set out under
        return Attribution(":", resolver.name_at(p, *label.span(1)))
    first = transcript_start(texts, p)
    person = resolver.interviewed_before(first) or resolver.most_named_person
    if person is None:
        return None
    start = resolver.parsed.offset(p, 0)
    return Attribution(":", Speaker(person.entity, start, start + 1, "A", "PERSON"))


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


def _is_speech(parsed: Parsed, q: Quote, token_starts: list[int]) -> bool:
    """Drop scare quotes, names and titles: short quotes with no cue, uncued mixed quotes,
    names, signs and chants."""
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
    if q.who.naming or q.who.written or q.who.cue.lower().startswith("chant") and not q.who.inherited:
        return False  # a name, a sign's text, a crowd's chant: no one's speech
    return q.kind == "direct" or named(q.who)


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
