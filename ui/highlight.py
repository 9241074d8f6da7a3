"""The article as escaped HTML: sentences tinted by tone, entities boxed, quotes marked.

Every piece of article text (paragraphs, entity names, speakers, cues, search words)
goes through `html.escape`; the only markup in the output is the markup written here.
Fragments are meant for `st.html`, which sanitises HTML once more; `document_html` is
the same article as a file that stands alone.

The article sits on a light "paper" card with its own dark text in light and dark
schemes alike, so every tint keeps its contrast; a dark scheme only dims the paper.
Paragraphs are numbered from 1 on screen (the tables' `paragraph` is 0-based).
"""
from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import pandas as pd

from analysis.sentiment import opinion_words

from .charts import LABEL_COLOURS, OTHER_COLOUR, STRONG, TEXTBLOB, Measure, signed, two
from .kwic import opening, pattern

LAYERS = ("tone", "scores", "entities", "quotes")
# Light ColorBrewer RdBu shades: dark text stays readable on every one.
TINTS = {"negative": "#f4a582", "leaning negative": "#fddbc7", "neutral": "transparent",
         "leaning positive": "#d1e5f0", "positive": "#92c5de"}
ARROWS = {"negative": "▼", "neutral": "", "positive": "▲"}

NO_WORDS = "none (polarity 0 means no opinion words)"

CSS = """<style>
.nr-article,.nr-legend,.nr-excerpt{color:#1f2328;background:#ffffff;border-radius:6px}
.nr-article{font-size:1.02rem;line-height:1.85;max-width:58rem;padding:.6rem .8rem}
.nr-para{display:flex;gap:.9rem;margin:0 0 .9rem 0}
.nr-body{flex:1;min-width:0}
.nr-meta{flex:0 0 6.2rem;font-size:.78rem;color:#555;line-height:1.4;padding-top:.35rem;text-align:right}
.nr-meta b{font-size:.9rem;color:#222}
.nr-meta span{display:block}
.nr-compact .nr-para{display:block}
.nr-compact .nr-meta{text-align:left;padding:0}
.nr-compact .nr-meta span{display:inline;margin-left:.5rem}
.nr-para p{margin:0;white-space:pre-line}
.nr-k-headline p{font-weight:700;font-size:1.2rem}
.nr-k-caption p,.nr-k-credit p{color:#444;font-size:.93rem;border-left:3px dotted #aaa;padding-left:.6rem}
.nr-s{border-radius:3px;padding:.1rem 0}
.nr-score{font-size:.68rem;color:#333;font-weight:600;margin:0 .15rem;white-space:nowrap;vertical-align:super}
.nr-ent{background:transparent;border:2px solid var(--c);border-radius:4px;padding:0 .15rem;color:inherit}
.nr-ent.nr-focus{border-width:3px;font-weight:700;box-shadow:0 0 0 2px #000}
.nr-tag{font-size:.62rem;font-weight:700;letter-spacing:.03em;margin-left:.25rem;color:#111;
  background:color-mix(in srgb,var(--c) 35%,white);border-radius:3px;padding:0 .2rem;vertical-align:middle}
.nr-q{font-style:italic;text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:4px;
  text-decoration-color:#6a3d9a}
.nr-spk{font-weight:700;text-decoration:underline dotted #6a3d9a 2px;text-underline-offset:4px}
.nr-who{font-size:.72rem;font-style:normal;font-weight:600;color:#fff;background:#6a3d9a;border-radius:9px;
  padding:.05rem .45rem;margin-left:.3rem;white-space:nowrap;vertical-align:middle}
.nr-who.nr-none{background:#777}
.nr-hit{background:#ffd84d;color:#111;border-radius:2px;box-shadow:0 0 0 1px #8a6d00;padding:0 .05rem}
.nr-why{font-size:.8rem;line-height:1.5;color:#444;margin:.25rem 0 0}
.nr-why summary{cursor:pointer;color:#555;width:max-content}
.nr-why ul{margin:.2rem 0 0;padding-left:1.1rem}
.nr-why q{font-style:italic;color:#333}
.nr-legend{display:flex;flex-wrap:wrap;gap:.35rem .9rem;font-size:.8rem;align-items:center;
  margin:.2rem 0 .8rem;padding:.3rem .5rem}
.nr-legend .nr-sw{display:inline-block;min-width:1.4rem;padding:0 .3rem;border:1px solid #999;
  border-radius:3px;margin-right:.25rem;text-align:center}
.nr-legend .nr-measure{font-weight:600}
.nr-empty{color:#555;font-style:italic}
.nr-excerpt{margin:0 0 .6rem 0;padding:.3rem .5rem}
.nr-excerpt figcaption{font-size:.8rem;color:#444}
.nr-excerpt blockquote{margin:.2rem 0;padding:.4rem .7rem;border-left:4px solid #555;color:#1f2328}
@media (prefers-color-scheme:dark){.nr-article,.nr-legend,.nr-excerpt{background:#f4f2ec}}
</style>"""


@dataclass(frozen=True)
class Span:
    """A stretch of one paragraph's text (offsets into the paragraph) and what it is."""
    start: int
    end: int
    row: dict


def e(text: object) -> str:
    """Escaped text for element content and attributes alike."""
    return html.escape("" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text))


def article_html(paragraphs: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
                 quotes: pd.DataFrame, *, only: Collection[int] | None = None,
                 labels: Collection[str] | None = None, speaker: str | None = None,
                 entity: str | None = None, layers: Collection[str] = LAYERS, compact: bool = False,
                 measure: Measure = TEXTBLOB, find: str = "") -> str:
    """The article paragraph by paragraph as one HTML fragment, CSS included.

    Sentences are tinted, and paragraphs and sentences scored, by `measure`; a sentence's
    and a quote's hover text gives both measures, and a sentence's the opinion words
    TextBlob's polarity comes from. With the scores layer, each paragraph lists those
    words under "Why these scores" too, for readers who cannot hover.

    Args:
        only: paragraph numbers to show (None: all).
        labels: entity types to box (None: all).
        speaker: mark only this speaker's quotes (None: every quote).
        entity: this canonical entity's mentions are emphasised.
        layers: which of LAYERS to draw: sentence tone tints, tone scores after
            sentences, entity boxes, quote marks.
        compact: paragraph number and kind above each paragraph, not beside it
            (for narrow columns).
        measure: the tone reading to tint and score by, with its thresholds.
        find: a word or phrase to mark wherever it occurs (see `kwic.pattern`).
    """
    return CSS + _article(paragraphs, sentences, mentions, quotes, only=only, labels=labels, speaker=speaker,
                          entity=entity, layers=layers, compact=compact, measure=measure, find=find)


def _article(paragraphs: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
             quotes: pd.DataFrame, *, only: Collection[int] | None, labels: Collection[str] | None,
             speaker: str | None, entity: str | None, layers: Collection[str], compact: bool,
             measure: Measure, find: str) -> str:
    if labels is not None:
        mentions = mentions[mentions["label"].isin(labels)]
    if speaker is not None:
        quotes = quotes[quotes["speaker"] == speaker]
    rows = paragraphs if only is None else paragraphs[paragraphs["paragraph"].isin(only)]
    opts = dict(layers=set(layers), entity=entity, measure=measure, find=pattern(find))
    by_para = {name: _by_paragraph(df) for name, df in (("s", sentences), ("m", mentions), ("q", quotes))}
    body = [_paragraph(p, *(by_para[k].get(int(p["paragraph"]), []) for k in "smq"), **opts)
            for p in rows.to_dict("records")]
    if not body:
        body = ['<p class="nr-empty">No paragraph matches these filters.</p>']
    style = "nr-article nr-compact" if compact else "nr-article"
    return f'<div class="{style}">{"".join(body)}</div>'


def _by_paragraph(df: pd.DataFrame) -> dict[int, list[dict]]:
    """A table's rows as dicts, grouped by paragraph number (one pass: pandas groups are slow)."""
    out: dict[int, list[dict]] = {}
    for row in df.to_dict("records"):
        out.setdefault(int(row["paragraph"]), []).append(row)
    return out


def _spans(rows: list[dict], base: int, size: int, start: str = "start", end: str = "end") -> list[Span]:
    """Rows as spans relative to a paragraph starting at `base`, clipped to it."""
    out = []
    for row in rows:
        if pd.isna(row.get(start)) or pd.isna(row.get(end)):
            continue
        a, b = max(int(row[start]) - base, 0), min(int(row[end]) - base, size)
        if a < b:
            out.append(Span(a, b, row))
    return out


def _at(spans: Iterable[Span], pos: int) -> Span | None:
    return next((s for s in spans if s.start <= pos < s.end), None)


def _paragraph(p: dict, sents: list[dict], ments: list[dict], quots: list[dict], *,
               layers: set[str], entity: str | None, measure: Measure, find: re.Pattern[str] | None) -> str:
    text, base = str(p["text"]), int(p["start"])
    layer = {
        "s": _spans(sents, base, len(text)),
        "m": _spans(ments, base, len(text)) if "entities" in layers else [],
        "q": _spans(quots, base, len(text)) if "quotes" in layers else [],
        "k": _spans(quots, base, len(text), "speaker_start", "speaker_end") if "quotes" in layers else [],
        "h": [Span(m.start(), m.end(), {}) for m in find.finditer(text)] if find else [],
    }
    # Each sentence's opinion words, read once: its hover and the paragraph's list both show them.
    words = {int(s.row["sentence"]): _words(str(s.row["text"])) for s in layer["s"]}
    cuts = sorted({0, len(text), *(x for spans in layer.values() for s in spans for x in (s.start, s.end))})
    out, open_sentence = [], None
    for a, b in pairwise(cuts):
        sentence = _at(layer["s"], a)
        if sentence is not open_sentence:
            out.append(_close_sentence(open_sentence, layers, measure))
            out.append(_open_sentence(sentence, layers, measure, words))
            open_sentence = sentence
        out.append(_segment(text, a, b, layer, entity, measure))
    out.append(_close_sentence(open_sentence, layers, measure))
    why = _why(layer["s"], words, measure) if "scores" in layers and layer["s"] else ""
    return _paragraph_frame(p, "".join(out), why, measure)


def _paragraph_frame(p: dict, inner: str, why: str, measure: Measure) -> str:
    kind, number = e(p["kind"]), int(p["paragraph"]) + 1
    score = float(p[measure.column])
    meta = (f'<div class="nr-meta"><b>¶ {number}</b><span>{kind}</span>'
            f'<span>{ARROWS[measure.label(score)]} {e(signed(score))}</span></div>')
    return (f'<section class="nr-para nr-k-{kind}" aria-label="Paragraph {number}, {kind}">'
            f'{meta}<div class="nr-body"><p>{inner}</p>{why}</div></section>')


@lru_cache(maxsize=65536)
def _words(text: str) -> str:
    """'good (+0.70), not bad (+0.35)': the opinion words TextBlob scores `text` by; '' if none.

    Cached: the page is redrawn on every change of layer or filter, the sentences stay."""
    return ", ".join(f"{words} ({signed(polarity)})" for words, polarity in opinion_words(text))


def _why(sentences: list[Span], words: dict[int, str], measure: Measure) -> str:
    """A closed list, per sentence, of the words its TextBlob polarity is the mean of."""
    lead = ("The news model reads each sentence whole. TextBlob polarity, the other reading, is the mean "
            "of these opinion words:" if measure.column == "tone_score"
            else "Each sentence's TextBlob polarity is the mean of these opinion words:")
    items = "".join(_why_item(s.row, words[int(s.row["sentence"])]) for s in sentences)
    return f'<details class="nr-why"><summary>Why these scores</summary>{e(lead)}<ul>{items}</ul></details>'


def _why_item(row: dict, words: str) -> str:
    """'“The talks were…” polarity +0.35: good (+0.70)', the sentence known by its opening words."""
    return (f'<li><q>{e(opening(str(row["text"]), 48))}</q> polarity {e(signed(float(row["polarity"])))}: '
            f'{e(words or "no opinion words")}</li>')


def _open_sentence(span: Span | None, layers: set[str], measure: Measure, words: dict[int, str]) -> str:
    if span is None:
        return ""
    number = int(span.row["sentence"])
    score = float(span.row[measure.column])
    shade = measure.shade(score)
    tint = TINTS[shade] if "tone" in layers else "transparent"
    title = (f"Sentence {number + 1}: {_both(span.row, measure, shade)}, "  # counted from 1 on screen
             f"TextBlob subjectivity {two(span.row['subjectivity'])}\n"
             f"TextBlob words: {words[number] or NO_WORDS}")
    return f'<span class="nr-s" style="background:{tint}" title="{e(title)}">'


def _both(row: dict, measure: Measure, word: str) -> str:
    """'news-model tone +0.40 (positive) · TextBlob polarity +0.10': both readings, the shown one first."""
    return (f"{measure.name} {signed(float(row[measure.column]))} ({word}) · "
            f"{measure.other_name} {signed(float(row[measure.other]))}")


def _close_sentence(span: Span | None, layers: set[str], measure: Measure) -> str:
    if span is None:
        return ""
    score = float(span.row[measure.column])
    name = measure.label(score)
    if "scores" not in layers or name == "neutral":
        return "</span>"
    return f'<span class="nr-score" aria-hidden="true">{ARROWS[name]}{e(signed(score))}</span></span>'


def _segment(text: str, a: int, b: int, layer: dict[str, list[Span]], entity: str | None,
             measure: Measure) -> str:
    piece = e(text[a:b])
    if _at(layer["h"], a):
        piece = f'<mark class="nr-hit">{piece}</mark>'
    if _at(layer["k"], a):
        piece = f'<span class="nr-spk">{piece}</span>'
    mention = _at(layer["m"], a)
    if mention:
        piece = _mention(piece, mention, b, entity)
    quote = _at(layer["q"], a)
    if quote:
        title = f' title="{e(_quote_title(quote.row, measure))}"' if a == quote.start else ""
        piece = f'<span class="nr-q"{title}>{piece}</span>'
        if b == quote.end:
            piece += _speaker_badge(quote.row)
    return piece


def _mention(piece: str, span: Span, end: int, entity: str | None) -> str:
    row = span.row
    label = str(row["label"])
    focus = " nr-focus" if entity is not None and row["entity"] == entity else ""
    tag = f'<span class="nr-tag">{e(label)}</span>' if end == span.end else ""
    colour = LABEL_COLOURS.get(label, OTHER_COLOUR)
    return (f'<mark class="nr-ent{focus}" style="--c:{colour}" title="{e(row["entity"])} · {e(label)}">'
            f"{piece}{tag}</mark>")


def _quote_title(row: dict, measure: Measure) -> str:
    who = row.get("speaker") or "no speaker found"
    word = measure.label(float(row[measure.column]))
    return f"{row.get('kind') or 'quote'} quote · {who} · {_both(row, measure, word)}"


def _speaker_badge(row: dict) -> str:
    speaker = row.get("speaker")
    if not isinstance(speaker, str) or not speaker:
        return '<span class="nr-who nr-none">— no speaker found</span>'
    cue = row.get("cue")
    cue = f" · {e(cue)}" if isinstance(cue, str) and cue else ""
    return f'<span class="nr-who">— {e(speaker)}{cue}</span>'


def matching_paragraphs(paragraphs: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame, *,
                        speaker: str | None = None, entity: str | None = None) -> list[int]:
    """Paragraph numbers where `speaker` is quoted and `entity` is mentioned (each if given)."""
    keep = set(paragraphs["paragraph"])
    if speaker is not None:
        keep &= set(quotes.loc[quotes["speaker"] == speaker, "paragraph"])
    if entity is not None:
        keep &= set(mentions.loc[mentions["entity"] == entity, "paragraph"])
    return sorted(int(p) for p in keep)


def legend_html(labels: Iterable[str], *, layers: Collection[str] = LAYERS, measure: Measure = TEXTBLOB,
                find: bool = False) -> str:
    """A key to the colours and marks `article_html` uses, with text for every colour and
    the name of the measure the tone is read by; `find`: with the mark of a search."""
    return CSS + _legend(labels, layers=layers, measure=measure, find=find)


def _legend(labels: Iterable[str], *, layers: Collection[str], measure: Measure, find: bool) -> str:
    items = ['<span><mark class="nr-hit">word</mark> found by the search</span>'] if find else []
    if "tone" in layers or "scores" in layers:
        items.append(f'<span class="nr-measure">Sentence tone by {e(measure.name)}:</span>')
        items += [_swatch(TINTS[shade], text, mark)
                  for shade, text, mark in _tone_keys(measure.negative, measure.positive)]
    if "entities" in layers:
        items += [f'<span><mark class="nr-ent" style="--c:{LABEL_COLOURS.get(label, OTHER_COLOUR)}">'
                  f'name<span class="nr-tag">{e(label)}</span></mark></span>' for label in labels]
    if "quotes" in layers:
        items.append('<span><span class="nr-q">quoted words</span><span class="nr-who">— speaker · cue</span>'
                     '</span>')
    return f'<div class="nr-legend" aria-label="Legend">{"".join(items)}</div>'


def _swatch(colour: str, text: str, mark: str) -> str:
    return f'<span><span class="nr-sw" style="background:{colour}">{mark}</span>{e(text)}</span>'


def _tone_keys(negative: float, positive: float) -> list[tuple[str, str, str]]:
    keys = [("negative", f"negative ≤ {signed(min(negative, -STRONG))}", "▼")]
    if negative > -STRONG:
        keys.append(("leaning negative", f"negative ≤ {signed(negative)}", "▼"))
    keys.append(("neutral", f"neutral ({signed(negative)} … {signed(positive)})", ""))
    if positive < STRONG:
        keys.append(("leaning positive", f"positive ≥ {signed(positive)}", "▲"))
    keys.append(("positive", f"positive ≥ {signed(max(positive, STRONG))}", "▲"))
    return keys


def excerpt_html(title: str, text: str, score: float, paragraph: int, *, measure: Measure = TEXTBLOB) -> str:
    """One sentence set apart, tinted by its tone, with its score by `measure` in words and
    figures; `paragraph` is the tables' 0-based number."""
    shade = measure.shade(score)
    return (f'{CSS}<figure class="nr-excerpt">'
            f'<figcaption>{e(title)} · ¶ {int(paragraph) + 1} · '
            f'{ARROWS[measure.label(score)]} {e(measure.name)} {e(measure.text(score))}</figcaption>'
            f'<blockquote style="background:{TINTS[shade]}">{e(text)}</blockquote></figure>')


# The page around the article in a saved file: system fonts only, nothing to fetch.
PAGE_CSS = """<style>
body{margin:0;padding:1.5rem 1rem;background:#eef0f3;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.nr-page{max-width:62rem;margin:0 auto;color:#1f2328;background:#fff;border-radius:8px;padding:1.2rem 1.4rem}
.nr-page h1{font-size:1.5rem;line-height:1.3;margin:0 0 .3rem}
.nr-page header p{margin:0 0 .8rem;color:#555;font-size:.85rem}
@media (prefers-color-scheme:dark){body{background:#14171c}.nr-page{background:#f4f2ec}}
</style>"""
# A second lock besides escaping: a browser opening the file loads and runs nothing.
NOTHING_FROM_OUTSIDE = "default-src 'none'; style-src 'unsafe-inline'"


def document_html(paragraphs: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
                  quotes: pd.DataFrame, *, title: str, name: str, labels: Collection[str] | None = None,
                  measure: Measure = TEXTBLOB) -> str:
    """The highlighted article as one standalone HTML document, to save and open from disk.

    Every layer is drawn (tone tints, scores with "Why these scores", entity boxes of
    `labels`, quotes), under a header with the headline `title`, the file `name` and the
    tone measure, and the legend. The CSS is inline; there is no script, and nothing is
    fetched (no font, image or style from anywhere).
    """
    shown = mentions if labels is None else mentions[mentions["label"].isin(labels)]
    header = (f"<header><h1>{e(title)}</h1><p>{e(name)} · sentences tinted and scored by {e(measure.name)} · "
              "hover a sentence for both tone readings; “Why these scores” under a paragraph lists the words "
              "TextBlob’s polarity comes from · made with News reader</p></header>")
    legend = _legend(sorted(set(shown["label"])), layers=LAYERS, measure=measure, find=False)
    article = _article(paragraphs, sentences, shown, quotes, only=None, labels=None, speaker=None, entity=None,
                       layers=LAYERS, compact=False, measure=measure, find="")
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{NOTHING_FROM_OUTSIDE}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)}</title>{CSS}{PAGE_CSS}</head>"
            f'<body><main class="nr-page">{header}{legend}{article}</main></body></html>\n')
