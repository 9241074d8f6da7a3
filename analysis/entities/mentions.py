"""Entity mentions with canonical names, and the per-article entity summary.

The mentions are the entity model's spans made mentions (entity_spans), the names it
missed (missed_names), each typed by the words around it (type_evidence), fitted to
title-case lines and given their canonical names (canonical); they stay on the
paragraphs' Docs as the article's mention layer."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

import pandas as pd
from spacy.tokens import Span

from ..lexicon import (
    PORTFOLIO_WORDS,
    TITLES,
    occupation,
)
from ..pipeline.nlp import Parsed
from ..schema import frame
from ..tone.columns import counts, summary
from .canonical import SMALL_WORDS, canonicalise
from .entity_spans import POSSESSIVE, model_mentions
from .missed_names import (
    bodies_in_apposition,
    bodies_written_longer,
    bracketed_acronyms,
    completed_names,
    known_outlets,
    patterned_orgs,
    people_after_office,
    people_in_apposition,
    people_who,
    repeats,
    spelled_acronyms,
    titled_people,
)
from .spans import Mention, Spans
from .type_evidence import by_use

_NAME_RUN = re.compile(r"\w[\w.'’&-]*")  # a word of a name, with its inner dots and apostrophes
MENTIONS = "mentions"  # the key of the mention layer in each paragraph Doc's `spans`


_GOVERNMENT_BODY = re.compile(
    r"^(?:[A-Z][\w-]*\s+)*(?:Ministry|Ministries|Parliament|Embassy|Government|Army|Navy|"
    r"Air Force|Senate|Congress|Cabinet|Police|Coast Guard|Foreign Office)$")


def extract_mentions(parsed: Parsed) -> pd.DataFrame:
    """One row per named-entity mention, with its canonical `entity` name.

    Columns: the contract's (article, paragraph, start, end, text, label, entity) and
    `sentence`, the article-wide index of the sentence that holds it.
    """
    raw = bodies_in_apposition(parsed, patterned_orgs(parsed, list(model_mentions(parsed))))
    raw = people_who(parsed, people_in_apposition(parsed, raw))
    raw = _join_possessed_bodies(raw, parsed.article.text)
    raw = bracketed_acronyms(raw, parsed.article.text)
    raw = spelled_acronyms(parsed, raw)
    titles = title_lines(parsed)
    titled, cut_short = titled_people(parsed, raw)
    raw = sorted([m for m in raw if m not in cut_short] + titled + known_outlets(parsed, raw), key=lambda m: m.start)
    raw = people_after_office(parsed, [_double_barrelled(m, parsed.article.text) for m in completed_names(parsed, raw)])
    raw = bodies_written_longer(parsed, raw)
    raw = _given_and_surname(sorted(raw + repeats(parsed, raw, titles), key=lambda m: m.start),
                             parsed.article.text, titles)
    raw = _after_office_of(raw, parsed.article.text)
    raw = [_district(m, parsed.article.text) for m in raw]
    known = {m.name for m in raw if not _inside(m, titles)}
    longest = max((len(n.split()) for n in known), default=1)
    mentions = [by_use(parsed, m) for mention in raw for m in _fit_title_line(mention, known, titles, longest)]
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


_TITLE_OF = re.compile(r"\b([A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?$")


def _after_office_of(mentions: list[Mention], text: str) -> list[Mention]:
    """"Minister of Home Affairs Kerwin Gollop", "Mayor of Kaldrica Ivana Grgurević": a
    person's name the model ran on from the office it follows is the name alone, where the
    words before it are a portfolio's or a name the article uses on its own (a place, a
    body; the model may take "Velika Gorica" for a person's name)."""
    bodies = {m.name for m in mentions}
    out = []
    for m in mentions:
        words = m.name.split()
        office = _TITLE_OF.search(text, max(0, m.start - 40), m.start) if m.label == "PERSON" and len(words) > 2 \
            else None
        if office is not None and office.group(1).lower() in TITLES:
            k = next((k for k in range(1, len(words) - 1) if " ".join(words[:k]) in bodies or all(
                w.lower() in PORTFOLIO_WORDS for w in words[:k]) and words[k].lower() not in PORTFOLIO_WORDS), None)
            if k is not None:
                at = m.text.find(words[k])
                m = replace(m, start=m.start + at, text=m.text[at:], name=" ".join(words[k:]), sure=True)
        out.append(m)
    return out


_PARTY_DISTRICT = re.compile(r"[RDI]-(?=[A-Z])")


def _district(m: Mention, text: str) -> Mention:
    """"Assemblyman Stanislaw Raskin, R-Cedar Flats, said": a member's party letter and
    district after their name, which the model may take for a person's name, is the place."""
    if _PARTY_DISTRICT.match(m.text) is None or not (text[:m.start].endswith((", ", "("))):
        return m
    return replace(m, start=m.start + 2, text=m.text[2:], name=m.name[2:] if _PARTY_DISTRICT.match(m.name) else m.name,
                   label="GPE", sure=True)


def _given_and_surname(mentions: list[Mention], text: str, titles: Spans) -> list[Mention]:
    """"[Rushane] [Pennycooke]": a given name the model found and a surname found as a
    repeat of another's name, with only a space between, are one person's name (not in a
    title-case line, where "Clinton Trump Debate" runs names together); and so are names
    a word of descent joins ("[Muna] bint [Saleh al Habsiyah]")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and (_one_name(prev, m, text) or _descent(prev, m, text)) and not _inside(prev, titles):
            label = "PERSON" if "PERSON" in (prev.label, m.label) else ""
            given = prev.name.split()[-1]  # not the title or the occupation before it
            start = prev.start + max(0, prev.text.rfind(given))
            out[-1] = replace(prev, start=start, end=m.end, text=text[start:m.end],
                              name=f"{given}{text[prev.end:m.start]}{m.name}", label=label)
        else:
            out.append(m)
    return out


# "son of", "daughter of" between a given name and a father's: "Muna bint Saleh al Habsiyah"
_DESCENT = re.compile(r" (?:bin|bint|binti|ibn|bte|ould|mint) ")


def _descent(first: Mention, second: Mention, text: str) -> bool:
    """"[Dr Muna] bint [Saleh al Habsiyah]": two people's mentions a word of descent apart
    in one sentence are one person's name."""
    labels = {first.label, second.label}
    return "PERSON" in labels and labels <= {"PERSON", ""} and first.sentence == second.sentence \
        and _DESCENT.fullmatch(text, first.end, second.start) is not None


def _one_name(first: Mention, second: Mention, text: str) -> bool:
    """Two one-word mentions (or a given name and two surnames: "[Saturnino] [Apaza Torres]"),
    a space apart in one paragraph, that read as one person's name:
    each a person's or unlabelled, or a given name the model took for a people ("[Marthese]
    [Zerafa]", NORP as if -ese; a people's adjective, "Russian Vladimir Putin", is no
    mention by now); the first no title."""
    labels_fit = second.label in ("PERSON", "") and (
        first.label in ("PERSON", "") or first.label == "NORP" and second.label == "PERSON")
    two_surnames = first.label == second.label == "PERSON" and second.name.count(" ") == 1
    given = first.name.split()  # after a title or an occupation: "[Veterinarian Saturnino] [Apaza Torres]"
    return labels_fit and all(w.lower() in TITLES or occupation(w.lower()) for w in given[:-1]) \
        and (" " not in second.name or two_surnames) \
        and first.paragraph == second.paragraph and text[first.end:second.start] == " " \
        and first.name.lower() not in TITLES


_BARREL = re.compile(r"-[A-Z][\w'’]+")


def _double_barrelled(m: Mention, text: str) -> Mention:
    """A person's name cut at the hyphen of a double-barrelled surname ("[Paulette
    Hinds]-Moodie"): the whole name."""
    more = _BARREL.match(text, m.end) if m.label == "PERSON" and " " in m.name else None
    if more is None:
        return m
    return replace(m, end=more.end(), text=m.text + more.group(), name=m.name + more.group())


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


def title_lines(parsed: Parsed) -> Spans:
    """Article spans of Title Case lines (headlines, caption titles), where NER misfires."""
    spans = []
    for para in parsed.article.paragraphs:
        pos = para.start
        for line in para.text.split("\n"):
            if _is_title_case(line):
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
    return Spans(spans)


def _inside(m: Mention, spans: Spans) -> bool:
    return spans.holds(m.start)


def _is_title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in SMALL_WORDS]
    if len(words) < 2 or len(line.split()) > 20 or re.search(r"[.!?]\s*$", line):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _fit_title_line(m: Mention, known: set[str], titles: Spans, longest: int) -> list[Mention]:
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
            name = next((n for n in (written, written.rstrip("."), POSSESSIVE.sub("", written)) if n in known), "")
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
