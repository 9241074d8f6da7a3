"""Overview tab: headline, counts, overall tone and the sentiment arc."""
from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.charts import signed
from analysis.highlight import article_html, excerpt_html

from . import summary
from .data import Loaded, Source, entities_for, speakers_for
from .sidebar import Options


def render(loaded: Loaded, source: Source, opts: Options) -> None:
    a = loaded.analysis
    paragraphs, sentences, quotes = summary.counted(a, opts.kinds)
    speakers = speakers_for(source.data, source.name, opts.kinds)
    entities = entities_for(source.data, source.name, opts.kinds)
    cols = st.columns([1, 1, 1, 1, 1, 1.35])
    counts = [("Paragraphs", len(paragraphs), f"of {len(a.paragraphs)} in the article"),
              ("Words", int(paragraphs["words"].sum()), None), ("Quotes", len(quotes), None),
              ("Speakers", len(speakers), None), ("Entities", len(entities), None)]
    for col, (label, value, note) in zip(cols, counts, strict=False):
        col.metric(label, f"{value:,}", help=_counted_help(opts, note), border=True)
    tone = summary.overall_tone(paragraphs)
    cols[5].metric("Overall tone", signed(tone), delta=charts.tone(tone, **opts.thresholds), delta_color="off",
                   delta_arrow="off", border=True,
                   help="Mean polarity of the counted paragraphs, weighted by their words. "
                        "Polarity runs from −1 (negative) to +1 (positive).")
    show_other = st.toggle("Show headline, captions and credits in the arc", value=True, key="arc_other",
                           help="They are drawn as open grey circles and never count toward the tone.")
    arc = st.plotly_chart(charts.sentiment_arc(a.paragraphs, kinds=opts.kinds, show_other=show_other,
                                               **opts.thresholds),
                          key="arc_chart", on_select="rerun", selection_mode="points",
                          alt="Polarity of each paragraph in article order")
    st.caption("Each mark is a paragraph: ▲ positive, ▼ negative, ● neutral; the grey band is the neutral "
               "range set in the sidebar. Click a mark to read that paragraph here.")
    _picked_paragraph(a, arc, opts)
    left, right = st.columns([2, 3])
    with left:
        st.plotly_chart(charts.tone_shares(sentences, **opts.thresholds), key="shares_chart",
                        alt="Share of negative, neutral and positive sentences")
    with right:
        low, high = summary.extremes(sentences)
        for title, row in (("Most negative sentence", low), ("Most positive sentence", high)):
            if row is not None:
                st.html(excerpt_html(title, row["text"], row["polarity"], int(row["paragraph"]),
                                     **opts.thresholds))


def _picked_paragraph(a, arc, opts: Options) -> None:
    """The paragraph clicked in the arc, highlighted as in the Text tab."""
    points = arc.selection.points if arc else []
    if not points:
        return
    number = int(points[0]["x"])
    if number not in set(a.paragraphs["paragraph"]):
        return
    st.html(article_html(a.paragraphs, a.sentences, a.mentions, a.quotes, only=[number], labels=opts.labels,
                         **opts.thresholds))


def _counted_help(opts: Options, note: str | None) -> str:
    text = f"Counting {', '.join(opts.kinds) or 'no'} paragraphs (set in the sidebar)."
    return f"{text} {note.capitalize()}." if note else text
