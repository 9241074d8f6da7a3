"""Quotes with no cue of their own: whose words they continue.

A paragraph of a quote running over several takes the speaker named in it (sharing a
chain); a quote opening its paragraph continues the speaker led in by the sentence or
colon before it, or the latest speaker of this paragraph or the one before; a first-person
quote no person leads in is the person the next paragraph introduces, and one after a body
or nobody is the person the paragraph's next sentence names.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from ..pipeline.nlp import Parsed
from ..reading.paragraphs import TONE_KINDS
from ..speakers.attribution import Resolver
from ..speakers.speaker_kinds import kind_in_article
from .cues import cue_text, is_cue, noun_cue_speaker, subject_of
from .frames import Attribution, Quote, speaker_of_cue


def share_chain_speakers(quotes: list[Quote]) -> list[Quote]:
    """Every paragraph of a multi-paragraph quote without a speaker of its own gets the
    one named in the nearest paragraph of it before (a transcript's "PENCE: ..." runs on
    until "WALLACE: ..."), else the first one named after ("...," she said, at its end)."""
    first: dict[int, Attribution] = {}
    for q in quotes:
        if named(q.who):
            first.setdefault(q.chain, q.who)
    latest: dict[int, Attribution] = {}
    out = []
    for q in quotes:
        if named(q.who):
            latest[q.chain] = q.who
        elif q.chain in first:
            q = replace(q, who=latest.get(q.chain, first[q.chain]))
        out.append(q)
    return out


def inherit_speakers(parsed: Parsed, quotes: list[Quote], spans, resolver: Resolver,
                      indirect: list[Quote]) -> list[Quote]:
    """A quote with no cue of its own, opening its paragraph, continues the previous speaker:
    the cue that ends the paragraph before ("Smith continued:") or the latest speaker of
    this paragraph or the one before (a quote, or reported speech: "Smith said the plan
    failed. "It was a mess.")."""
    reported = sorted((r for r in indirect if named(r.who)), key=lambda r: (r.paragraph, r.start))
    keys = [(r.paragraph, r.start) for r in reported]
    colon_cue = cache(lambda p: _colon_cue(parsed, p, spans, resolver))  # once per paragraph
    out: list[Quote] = []
    for q in quotes:
        if not named(q.who) and q.kind == "direct" and (q.who is None or q.who.speaker is None
                                                         and not (q.who.written or q.who.naming)):
            i = bisect_right(keys, (q.paragraph, q.start))
            candidates = [c for c in (_previous(out), reported[i - 1] if i else None)
                          if c is not None and c.paragraph >= q.paragraph - 1]
            latest = max(candidates, key=lambda c: (c.paragraph, c.start), default=None)
            inherited = _lead_in(parsed, q, resolver) or colon_cue(q.paragraph - 1) or (latest.who if latest else None)
            no_person = inherited is None or kind_in_article(parsed, inherited.speaker) != "person"
            if _fills(parsed, q) and (no_person and _first_person(parsed, q) or _introduces(parsed, q.paragraph + 1)):
                inherited = _named_next(parsed, q, resolver) or inherited  # "This is how Rauf Hajiyev sees it"
            elif no_person:
                inherited = _named_after(parsed, q, resolver) or inherited
            if inherited is not None:
                q = replace(q, who=replace(inherited, inherited=True))
        out.append(q)
    return out


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|d|ve|ll)|[Mm]y|me|myself)\b")


def _fills(parsed: Parsed, q: Quote) -> bool:
    """A quote that is its paragraph's only words."""
    text = parsed.article.paragraphs[q.paragraph].text
    return not text[:q.start].strip(" \"“‘'") and not text[q.end:].strip(" \"”’'.,")


def _first_person(parsed: Parsed, q: Quote) -> bool:
    """A quote that speaks as one person ("My kids were ...")."""
    return _FIRST_PERSON.search(parsed.article.paragraphs[q.paragraph].text, q.start, q.end) is not None


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
    if subject is not None and resolver.in_quote(p, subject.idx):
        # "'She says that now,' the coach said.": the parser made the quote's verb the root; the cue leads in
        subject = next((s for t in verb.sent if is_cue(t) and not resolver.in_quote(p, t.idx)
                        and (s := subject_of(t)) is not None and not resolver.in_quote(p, s.idx)), None)
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
    return next((q for q in reversed(quotes[-8:]) if named(q.who)), None)


def named(who: Attribution | None) -> bool:
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


_QUESTION_END = re.compile(r"\?[\s”\"’']*$")


def take_turns(parsed: Parsed, quotes: list[Quote], resolver: Resolver) -> list[Quote]:
    """An exchange set out as it went (a court's questions and answers, an interview): a run
    of three or more paragraphs that each hold one quote and at most its cue, with at least
    two questions, each answered by the next paragraph. Its answers with no cue of their own
    are the one whose answers have a cue ("“The municipal manager,” Mqadi replied"); its
    questions with none, the one whose questions have a cue, else the person named last
    before the run ("Led by state prosecutor Charlene Engelbrecht, Mqadi described ...")."""
    by_paragraph: dict[int, list[int]] = {}
    for i, q in enumerate(quotes):
        by_paragraph.setdefault(q.paragraph, []).append(i)
    alone = sorted(p for p, found in by_paragraph.items()
                   if len(found) == 1 and _holds_only(parsed, quotes[found[0]]))
    out = list(quotes)
    run: list[int] = []
    for p in [*alone, -2]:
        if run and p == run[-1] + 1:
            run.append(p)
            continue
        if len(run) >= 3:
            _turns(parsed, [by_paragraph[r][0] for r in run], out, resolver)
        run = [p]
    return out


def _holds_only(parsed: Parsed, q: Quote) -> bool:
    """A body paragraph holding a direct quote and at most a short cue ("Mqadi replied.")."""
    text = parsed.article.paragraphs[q.paragraph].text
    rest = (text[:q.start] + " " + text[q.end:]).strip(" \"“”‘’'.,:;!?-—–\n")
    return q.kind == "direct" and parsed.kinds[q.paragraph] == "body" and len(rest.split()) <= 4


def _turns(parsed: Parsed, run: list[int], quotes: list[Quote], resolver: Resolver) -> None:
    text = lambda q: parsed.article.paragraphs[q.paragraph].text[q.start:q.end]  # noqa: E731
    asks = [_QUESTION_END.search(text(quotes[i])) is not None for i in run]
    if sum(asks) < 2 or any(a and (k + 1 == len(run) or asks[k + 1]) for k, a in enumerate(asks)):
        return
    cued = [(quotes[i].who.speaker, a) for i, a in zip(run, asks, strict=True)
            if named(quotes[i].who) and not quotes[i].who.inherited]
    answerer = next((s for s, a in cued if not a), None)
    if answerer is None:
        return
    asker = next((s for s, a in cued if a), None) or resolver.last_person(quotes[run[0]].paragraph, answerer.name)
    if asker is None or asker.name == answerer.name:
        return
    for i, a in zip(run, asks, strict=True):
        q = quotes[i]
        if not named(q.who) or q.who.inherited:
            quotes[i] = replace(q, who=Attribution("", asker if a else answerer, inherited=True))
