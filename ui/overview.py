"""Overview tab: headline, counts, overall tone and the sentiment arc."""
from __future__ import annotations

import streamlit as st

from . import charts, summary
from .charts import signed
from .data import Loaded, Source, entities_for, speakers_for
from .fmt import upper_first
from .highlight import article_html, excerpt_html
from .sidebar import Options


def render(loaded: Loaded, source: Source, opts: Options) -> None:
    a = loaded.analysis
    tone = opts.tone
    paragraphs, sentences, quotes = summary.counted(a, opts.kinds)
    if paragraphs.empty:
        _nothing_counted(a, opts)
        return
    speakers = speakers_for(source.data, source.name, opts.kinds)
    entities = entities_for(source.data, source.name, opts.kinds)
    cols = st.columns([1, 1, 1, 1, 1, 1.35])
    counts = [("Paragraphs", len(paragraphs), f"of {len(a.paragraphs)} in the article"),
              ("Words", int(paragraphs["words"].sum()), None), ("Quotes", len(quotes), None),
              ("Speakers", len(speakers), None), ("Entities", len(entities), None)]
    for col, (label, value, note) in zip(cols, counts, strict=False):
        col.metric(label, f"{value:,}", help=_counted_help(opts, note), border=True)
    overall = summary.overall_tone(paragraphs, tone.column)
    other = summary.overall_tone(paragraphs, tone.other)
    cols[5].metric("Overall tone", signed(overall), delta=tone.words(overall), delta_color="off",
                   delta_arrow="off", border=True,
                   help=f"Mean {tone.name} of the counted paragraphs, weighted by their words, from −1 "
                        f"(negative) to +1 (positive). By {tone.other_name}: {signed(other)}.")
    show_other = st.toggle("Show headline, captions and credits in the arc", value=True, key="arc_other",
                           help="They are drawn as open grey circles and never count toward the tone.")
    arc = st.plotly_chart(charts.sentiment_arc(a.paragraphs, kinds=opts.kinds, show_other=show_other, measure=tone),
                          key="arc_chart", on_select="rerun", selection_mode="points",
                          alt=f"{upper_first(tone.name)} of each paragraph in article order")
    st.caption(f"Each mark is a paragraph, placed by its {tone.name}: ▲ positive, ▼ negative, ● neutral; the "
               f"grey band is the neutral range ({signed(tone.negative)} … {signed(tone.positive)}). "
               "Click a mark to read that paragraph here.")
    _picked_paragraph(a, arc, opts)
    left, right = st.columns([2, 3])
    with left:
        st.plotly_chart(charts.tone_shares(sentences, measure=tone), key="shares_chart",
                        alt=f"Share of negative, neutral and positive sentences by {tone.name}")
    with right:
        low, high = summary.extremes(sentences, tone.column)
        for title, row in (("Most negative sentence", low), ("Most positive sentence", high)):
            if row is not None:
                st.html(excerpt_html(title, row["text"], row[tone.column], int(row["paragraph"]), measure=tone))


def _nothing_counted(a, opts: Options) -> None:
    """No paragraph of the chosen kinds: say so, rather than a tone of 0.00 and empty axes."""
    if opts.kinds:
        reason = f"The article has no {' or '.join(opts.kinds)} paragraphs"
    else:
        reason = "No paragraph kinds are chosen under **Paragraph kinds that count** in the sidebar"
    st.info(f"{reason}, so there is no tone, count or speaker to sum up. Choose more kinds (body is the usual "
            "one) to count them; the arc below shows every paragraph, none counted.", icon=":material/info:")
    st.plotly_chart(charts.sentiment_arc(a.paragraphs, kinds=opts.kinds, measure=opts.tone), key="arc_chart",
                    alt=f"{upper_first(opts.tone.name)} of each paragraph in article order")


def _picked_paragraph(a, arc, opts: Options) -> None:
    """The paragraph clicked in the arc, highlighted as in the Text tab."""
    points = arc.selection.points if arc else []
    if not points:
        return
    number = int(points[0]["x"]) - 1  # the arc numbers paragraphs from 1
    if number not in set(a.paragraphs["paragraph"]):
        return
    st.html(article_html(a.paragraphs, a.sentences, a.mentions, a.quotes, only=[number], labels=opts.labels,
                         measure=opts.tone))


def _counted_help(opts: Options, note: str | None) -> str:
    text = f"Counting {', '.join(opts.kinds) or 'no'} paragraphs (set in the sidebar)."
    return f"{text} {note.capitalize()}." if note else text
