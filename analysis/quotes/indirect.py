"""Indirect speech: a reporting verb's clause outside quote marks.

"The ministry said that it would review the contract" gives the clause "it would review
the contract"; "According to X, Y" gives Y. A clause holding quote marks is left to the
direct pass (its quote is mixed). When one report holds another ("CCTV reported that Xi
said that ..."), the inner one is a row of its own with the outer speaker as its channel;
a speaker's report of her own report ("said she agreed that ...") is one row.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..pipeline.nlp import Parsed, tokens_where
from ..speakers.attribution import Resolver
from .cues import MAY_BE_INDIRECT_CUE, QUESTION_WORDS, cue_text, is_cue, participle_aside
from .frames import Attribution, Quote, is_headline, names_a_speaker, subject_for_cue, whose_report
from .quotemarks import QuotedRanges

_GERUND_LEMMAS = frozenset("deny admit acknowledge recall report".split())
_MIN_TOKENS = 3
# verbs that keep a question's answer back
_WITHHOLDING = frozenset("decline refuse".split())


def indirect_quotes(parsed: Parsed, quoted: list[list[tuple[int, int]]], resolver: Resolver) -> list[Quote]:
    """One Quote per reported clause, kind "indirect"."""
    out: list[Quote] = []
    for p, doc in enumerate(parsed.docs):
        if parsed.kinds[p] == "credit" or is_headline(parsed, p):
            continue  # headlines paraphrase; the gold conventions count no quotes there
        ranges = QuotedRanges(quoted[p])
        found = [c for c in (_candidate(p, tok, ranges, resolver) for tok in tokens_where(doc, *MAY_BE_INDIRECT_CUE)
                             if is_cue(tok, indirect=True)) if c is not None]
        out.extend(_innermost(p, found))
    return out


def _candidate(p: int, cue: Token, quoted: QuotedRanges, resolver: Resolver):
    if quoted.holds(cue.idx):
        return None
    bounds = _content(cue)
    if bounds is None:
        return None
    lo, hi = bounds
    doc = cue.doc
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    dateline_end = resolver.dateline(p)[1]
    if start < dateline_end < end:  # "OTTER BEND, Wis. (AP) — A woman drove off ..., police said": not the dateline
        start = dateline_end
    if quoted.overlaps(start, end):
        unquoted = _unquoted_conjunct(doc, lo, hi, quoted)
        if unquoted is None:
            return None
        start, end = unquoted
    subject = subject_for_cue(cue)
    if subject is None:
        return None
    if subject.pos_ == "PRON":  # "Lynch said she recalled that ...": the report is hers, cued where she is
        told, speaker = cue, resolver.speaker(p, subject)
    else:
        told, speaker = whose_report(p, cue, [t for t in cue.sent if is_cue(t, indirect=True)], subject, resolver)
    if speaker is None or not speaker.name or quoted.holds(speaker.start - resolver.parsed.offset(p, 0)) \
            or not names_a_speaker(resolver, speaker):
        return None
    return cue, start, end, Attribution(cue_text(told), speaker)


def _content(cue: Token) -> tuple[int, int] | None:
    """Token range [lo, hi) of what the cue reports, without "that" and end punctuation."""
    if cue.lower_ == "according":
        return _according_content(cue)
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if len(comps) > 1 and comps[0].i < cue.i and participle_aside(comps[0]):
        comps.pop(0)  # "A strategist ..., granted anonymity to discuss it, said ...": an aside misread
    comp = comps[0] if comps else None
    if comp is None and cue.lemma_.lower() in _GERUND_LEMMAS:
        comp = next((c for c in cue.children if c.dep_ in ("xcomp", "dobj") and _is_gerund(c)), None)
    elif comp is not None and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children):
        return None
    if comp is None:
        comp = _misattached_clause(cue)
        if comp is not None:
            return _trim(cue.doc, comp[0], comp[1])
        return _parenthetical_content(cue) if cue.dep_ in ("parataxis", "ROOT", "advcl") else None
    if _left_open(cue, comp):
        return None
    if comp.i < cue.i and cue.i < len(cue.doc) - 1 and comp.right_edge.i + 1 < cue.i \
            and cue.doc[comp.right_edge.i + 1].text not in (",", "—", "–"):
        return None  # "Y; X says": a clause cut off by a semicolon or colon is not reported
    return _trim(cue.doc, comp.left_edge.i, _with_modal_conjunct(cue, _clause_end(comp)))


def _left_open(cue: Token, comp: Token) -> bool:
    """"did not say when it would end", "declined to say whether he would sign it", "without
    saying how": a question the speaker left open reports nothing. Inside another report
    ("said he had seen the ad but still could not say what ...") it is part of what was said."""
    if comp.left_edge.lower_ not in QUESTION_WORDS or any(is_cue(t, indirect=True) for t in cue.ancestors):
        return False
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    head = cue.head
    if cue.dep_ == "xcomp" and (head.lemma_.lower() in _WITHHOLDING or any(c.dep_ == "neg" for c in head.children)):
        return True  # "declined to say", "would not want to say"
    return cue.dep_ == "pcomp" and head.lower_ == "without"


def _with_modal_conjunct(cue: Token, end: int) -> int:
    """"said she would be at the next session, and would bring the painters": a verb with
    a modal and no subject of its own, which the parser hung on the cue right after the
    clause, goes on with what is reported (the reporter's own verb has no "would")."""
    doc = cue.doc
    for conj in (c for c in cue.children if c.dep_ == "conj" and c.i > end):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) \
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in conj.children) \
                and all(t.dep_ in ("cc", "punct") or t.head == conj for t in doc[end:conj.i]):
            return conj.right_edge.i + 1
    return end


def _unquoted_conjunct(doc: Doc, lo: int, hi: int, quoted: QuotedRanges) -> tuple[int, int] | None:
    """The characters of the one clause of a reported clause's coordinated clauses that
    holds no quote marks, the other being a mixed quote's: "said the municipality supported
    the project, but that he had asked the company to move the pipe "further out"", "said
    the plant would use "the best available technology" and that the brine would be
    diluted", "said he had received the letter and would meet both sides "before the next
    market day"", "said it "deeply regrets" the accident and had paid his wages". None when no
    clause, or verb with a modal or "had", coordinated in it parts the two."""
    inside = [t.i for t in doc[lo:hi] if quoted.holds(t.idx)]
    if not inside:
        return None
    for tok in doc[lo:hi]:
        if tok.dep_ != "conj" or tok.head.i >= tok.i or tok.left_edge.i <= lo or not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") or c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "had")
                for c in tok.children):
            continue  # a clause of its own, or a verb with "would" or "had" ("and would meet", "and had paid";
            # not "and called for")
        cut = tok.left_edge.i
        if inside[0] > cut:  # the marks come after it: the first clause is the report
            part = cut
            while part > lo and doc[part - 1].dep_ in ("cc", "punct"):
                part -= 1
            bounds = _trim(doc, lo, part)
        elif inside[-1] < cut and tok.right_edge.i < hi:  # the marks come before it: this clause is the report
            bounds = _trim(doc, cut, min(hi, tok.right_edge.i + 1))
        else:
            continue
        if bounds is not None:
            start, end = doc[bounds[0]].idx, doc[bounds[1] - 1].idx + len(doc[bounds[1] - 1])
            if not quoted.overlaps(start, end):
                return start, end
    return None


def _misattached_clause(cue: Token) -> tuple[int, int] | None:
    """A "that"-clause the parser hung on a noun after the cue ("said outside the
    courthouse that the ruling was a shock"): taken as reported when it is complete on its
    own, with a subject and no gap that "that" could fill as a relative pronoun."""
    for tok in cue.rights:
        for that in tok.subtree:
            verb = that.head
            if that.lower_ != "that" or verb.dep_ not in ("acl", "relcl") or verb.i < that.i:
                continue
            kids = [c for c in verb.children if c is not that]
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
            complete = that.dep_ == "mark" or any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp") for c in kids)
            between = cue.doc[cue.i + 1:that.i]
            if has_subject and complete and not any(t.pos_ in ("VERB", "AUX") for t in between):
                return that.i + 1, _clause_end(verb)
    return None


def _is_gerund(token: Token) -> bool:
    """"denied harboring plans": the small model often tags the gerund as a noun."""
    first = token.left_edge
    return first.tag_ in ("VBG", "NN") and first.lower_.endswith("ing")


def _clause_end(comp: Token) -> int:
    """End of a reported clause, before a verb coordinated with the cue rather than with
    the clause: a past-tense conjunct of a present or base-form verb, with no subject
    of its own, belongs to the cue's sentence."""
    for tok in comp.subtree:
        if tok.dep_ != "conj":
            continue
        own_subject = any(c.dep_ == "nsubj" for c in tok.children)
        cue_verb = tok.tag_ == "VBD" and tok.head.tag_ in ("VB", "VBG", "VBZ", "VBP") and not own_subject \
            and not (_past_by_do(tok.head) and not is_cue(tok, fragment=True))  # "... and accused Nu of"
        # "..., and rights groups warned that": another speaker's report
        other_report = tok.head == comp and own_subject and is_cue(tok, indirect=True)
        if cue_verb or other_report:
            cut = tok.left_edge.i
            while cut > comp.left_edge.i and comp.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return cut
    return comp.right_edge.i + 1


def _past_by_do(verb: Token) -> bool:
    """"she did not blame anyone ... but wanted an answer": a base form whose "did" makes it
    past, so a past-tense verb coordinated with it goes on with the same clause."""
    return verb.tag_ == "VB" and any(c.dep_ in ("aux", "neg") and c.lemma_ == "do" and c.tag_ == "VBD"
                                     for c in verb.children)


def _according_content(cue: Token) -> tuple[int, int] | None:
    """"According to X, Y" or "Y, according to X": the rest of the sentence."""
    sent = cue.sent
    doc = cue.doc
    phrase_end = cue.right_edge.i + 1
    if cue.i == sent.start or doc[cue.i - 1].is_punct and cue.i - 1 == sent.start:
        clause = cue.head
        if clause == cue or clause.pos_ not in ("VERB", "AUX"):
            return None
        # the clause starts at its subject; the parser may fold the subject into an
        # apposition of the source ("According to her aide, Ben Ito, the governor will")
        commas = [t.i for t in doc[cue.i:clause.i] if t.text == ","]
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is not None and subject.i > phrase_end - 1:
            return _trim(doc, subject.left_edge.i, sent.end)
        return _trim(doc, commas[-1] + 1, sent.end) if commas else None
    if doc[cue.i - 1].text == "," and (phrase_end >= sent.end or doc[phrase_end].is_punct):
        return _trim(doc, sent.start, cue.i - 1)
    return None


def _parenthetical_content(cue: Token) -> tuple[int, int] | None:
    """"Acts of protest, Mr. Obama said, are acts of patriotism": the whole sentence,
    frame included, when the cue and its subject stand between commas mid-sentence."""
    doc, sent = cue.doc, cue.sent
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
        return None  # "she added the words, ..." says what, so it is no parenthesis
    words = [t.i for t in cue.subtree if not t.is_punct]  # the parser may hang the commas on the cue
    lo, hi = min(words), max(words)
    if lo <= sent.start or hi + 1 >= sent.end - 1:
        return None
    if doc[lo - 1].text != "," or doc[hi].text != "," and doc[hi + 1].text != ",":
        return None
    return _trim(doc, sent.start, sent.end)


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "mark" and doc[lo].lower_ in ("that", "whether", "if")):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    return (lo, hi) if hi - lo >= _MIN_TOKENS else None


def _innermost(p: int, found: list) -> list[Quote]:
    """Reports nested in another's clause are rows of their own, the outer speaker their
    channel; a speaker's report of her own report ("said she agreed that") is one row."""
    inside = _reports_inside(found)
    held_by: list[list[int]] = [[] for _ in found]  # the reports, in reading order, holding k's cue
    for j, held in enumerate(inside):
        for k in held:
            held_by[k].append(j)
    parenthetical = [s <= c.idx < e for c, s, e, _ in found]  # the clause holds its own cue
    out = []
    for k, (cue, start, end, who) in enumerate(found):
        if any(parenthetical[j] for j in inside[k]):
            continue
        if cue.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in cue.children) and any(
                found[j][0] == cue.head and found[j][3].speaker.name == who.speaker.name for j in held_by[k]):
            continue  # "said she agreed that ...": one report of hers, told whole by the outer row
        outer = found[held_by[k][0]][3] if held_by[k] else None
        if outer is not None and outer.speaker is not None and outer.speaker.name != who.speaker.name:
            who = Attribution(who.cue, who.speaker, outer.speaker.name)
        out.append(Quote(p, start, end, "indirect", who))
    return out


def _reports_inside(found: list) -> list[list[int]]:
    """For each report, the other reports whose cue stands in its clause; `found` is in
    reading order, so those are one run of it, found by bisect."""
    cues = [cue.idx for cue, *_ in found]
    return [[k for k in range(bisect_left(cues, start), bisect_left(cues, end)) if k != j]
            for j, (_, start, end, _) in enumerate(found)]
