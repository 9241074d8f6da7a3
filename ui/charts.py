"""Plotly figures from the engine's tables: tone arc, speakers, entities, comparisons.

Tone is shown by one `Measure` at a time (TextBlob polarity or the news model's tone), named
on every axis; hovers give the other measure's score beside it.

Every builder takes DataFrames and returns a new `go.Figure`; none calls Streamlit.
Text from the article reaches a figure (hover text, tick labels) only escaped, since
plotly renders a small set of HTML tags in labels.
"""
from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.reading.paragraphs import TONE_KINDS
from analysis.sentiment import label as tone  # one rule for tone words, engine and UI alike
from analysis.tone import GROUP_THRESHOLD

# ColorBrewer RdBu (colour-blind safe): red for negative, blue for positive.
TONE_COLOURS = {"negative": "#b2182b", "leaning negative": "#ef8a62", "neutral": "#8c8c8c",
                "leaning positive": "#67a9cf", "positive": "#2166ac"}
TONE_SYMBOLS = {"negative": "triangle-down", "neutral": "circle", "positive": "triangle-up"}
STRONG = 0.3  # a score beyond which a tone is drawn in the darkest shade (either measure)
VERY_STRONG = 0.7  # and from which it reads "strongly"
# Okabe-Ito, one colour per entity type; anything else is grey.
LABEL_COLOURS = {"PERSON": "#E69F00", "ORG": "#0072B2", "GPE": "#009E73", "NORP": "#CC79A7",
                 "LOC": "#56B4E9", "FAC": "#D55E00", "EVENT": "#7a5c00", "PRODUCT": "#000000"}
OTHER_COLOUR = "#999999"
FONT = dict(family="sans-serif", size=13)
# Colours that read on the light and the dark theme alike (the page follows the OS preference):
# the plot area stays transparent, and lines and bands are translucent greys.
GRID = "rgba(128,128,128,0.25)"
BAND = "rgba(128,128,128,0.2)"
AXIS_LINE = "#888"
ABOUT_COLOUR = "#1b9e77"  # the text about a speaker (an open square around their diamond)
TICK_CHARS = 20  # a speaker or entity name on an axis is cut to this many characters
ABOUT_MARKER = dict(size=19, symbol="square-open", color=ABOUT_COLOUR, line=dict(width=2.5))


def tone_shade(score: float, *, negative: float = -0.05, positive: float = 0.05) -> str:
    """A key of TONE_COLOURS: the tone, with 'leaning' for a weak one."""
    return _shade(tone(score, negative=negative, positive=positive), score)


def _shade(name: str, score: float) -> str:
    return name if name == "neutral" or abs(score) >= STRONG else f"leaning {name}"


# The two readings of tone every table holds: the column, and its name on charts.
MEASURES = {"tone_score": "news-model tone", "polarity": "TextBlob polarity"}
# What a speaker's own score is under each measure: the model reads all their quotes as one.
SAID = {"tone_score": "news-model tone of all their quotes read together",
        "polarity": "mean TextBlob polarity of their quotes"}
# What "the text about" a speaker or entity (the entity's score) is under each measure.
ABOUT = {"tone_score": "mean news-model tone toward each mention",
         "polarity": "mean TextBlob polarity of the sentences with a mention"}


@dataclass(frozen=True)
class Measure:
    """The tone reading a chart shows: a column (`polarity` or `tone_score`) and the scores
    at or beyond which it reads negative and positive. Build it with `measure()`."""
    column: str = "polarity"
    negative: float = -0.05
    positive: float = 0.05

    @property
    def name(self) -> str:
        return MEASURES[self.column]

    @property
    def axis(self) -> str:
        return f"{self.name} (−1 … +1)"

    @property
    def about(self) -> str:
        return ABOUT[self.column]

    @property
    def said(self) -> str:
        return SAID[self.column]

    @property
    def other(self) -> str:
        """The other measure's column, shown beside this one so both stay visible."""
        return next(c for c in MEASURES if c != self.column)

    @property
    def other_name(self) -> str:
        return MEASURES[self.other]

    @property
    def thresholds(self) -> dict[str, float]:
        return {"negative": self.negative, "positive": self.positive}

    def label(self, score: float, named: str | None = None) -> str:
        """The tone word of a score; `named`, the engine's own `tone` label of the row, wins
        under the model (a speaker's tone is the model's most probable label, which near
        the thresholds can differ from the score's side of them)."""
        if named in TONE_SYMBOLS and self.column == "tone_score":
            return named
        return tone(score, **self.thresholds)

    def shade(self, score: float, named: str | None = None) -> str:
        return _shade(self.label(score, named), score)

    def colour(self, score: float, named: str | None = None) -> str:
        return TONE_COLOURS[self.shade(score, named)]

    def words(self, score: float, named: str | None = None) -> str:
        """The tone in plain words: 'mildly negative' under STRONG, 'strongly negative'
        from VERY_STRONG, 'negative' between, 'neutral'."""
        name = self.label(score, named)
        if name == "neutral":
            return name
        return f"mildly {name}" if abs(score) < STRONG else f"strongly {name}" if abs(score) >= VERY_STRONG else name

    def text(self, score: float, named: str | None = None) -> str:
        """'mildly negative (−0.22)': a score in words and figures."""
        return f"{self.words(score, named)} ({signed(score)})"


def measure(column: str, *, negative: float = -0.05, positive: float = 0.05) -> Measure:
    """The measure of `column`: TextBlob polarity with the given thresholds, or the news
    model's tone with its own, ±GROUP_THRESHOLD (the rule of `analysis.tone.group_label`)."""
    if column == "tone_score":
        return Measure(column, -GROUP_THRESHOLD, GROUP_THRESHOLD)
    return Measure(column, negative, positive)


TEXTBLOB = measure("polarity")
NEWS_MODEL = measure("tone_score")


def quote_range(speakers: pd.DataFrame, quotes: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest `column` of each speaker's quotes, in the order of `speakers`
    (NaN for a speaker with no quote in `quotes`)."""
    scores = quotes.groupby("speaker")[column].agg(["min", "max"]).reindex(speakers["speaker"])
    return scores["min"].to_numpy(dtype=float), scores["max"].to_numpy(dtype=float)


def label_colour(label: str) -> str:
    return LABEL_COLOURS.get(label, OTHER_COLOUR)


def two(value: float) -> str:
    """A score to two decimals as the browser writes it: plotly's hovers and the tables' formats
    use JavaScript's toFixed, which rounds the exact value with halves away from zero (0.625 ->
    0.63, where Python's format gives 0.62), so one score reads the same in every place."""
    return str(Decimal(float(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def signed(value: float) -> str:
    """'+0.12', '−0.30' or '0.00': a score as people read it."""
    if pd.isna(value):
        return "n/a"
    text = two(value).lstrip("-")
    if text == "0.00":
        return text
    return ("−" if value < 0 else "+") + text


def esc(text: object, *, limit: int | None = None) -> str:
    """Article text made safe for plotly labels, cut to `limit` characters."""
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text, quote=False)


def _rows(*columns) -> list[tuple]:
    """Plotly customdata: one tuple per point from equally long columns."""
    return list(zip(*columns, strict=True))


def _layout(fig: go.Figure, *, height: int, **extra) -> go.Figure:
    base = dict(font=FONT, margin=dict(l=10, r=10, t=40, b=10),
                hoverlabel=dict(align="left"),
                legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="right", x=1))
    fig.update_layout(height=height, **(base | extra))
    return fig


def _neutral_band(fig: go.Figure, negative: float, positive: float, *, axis: str = "y", **where) -> None:
    band = fig.add_hrect if axis == "y" else fig.add_vrect
    bounds = {f"{axis}0": negative, f"{axis}1": positive}
    # Drawn before the traces: plotly would skip a subplot that has none yet.
    band(**bounds, fillcolor=BAND, line_width=0, layer="below", exclude_empty_subplots=False,
         **where)


def sentiment_arc(paragraphs: pd.DataFrame, *, kinds: Collection[str] = TONE_KINDS,
                  show_other: bool = True, measure: Measure = TEXTBLOB) -> go.Figure:
    """The measure's score paragraph by paragraph: counted kinds joined by a line, others as open marks.

    Paragraphs of other kinds (headline, caption, credit by default) are drawn as grey
    open circles when `show_other`, else left out. The grey band is the neutral range;
    the hover gives the other measure's score too.
    """
    counted = paragraphs[paragraphs["kind"].isin(kinds)]
    fig = go.Figure()
    _neutral_band(fig, measure.negative, measure.positive)
    fig.add_hline(y=0, line=dict(color=AXIS_LINE, width=1))
    fig.add_trace(_arc_trace(counted, measure))
    other = paragraphs[~paragraphs["kind"].isin(kinds)]
    if show_other and len(other):
        names = ", ".join(sorted(other["kind"].unique()))
        fig.add_trace(_arc_trace(other, measure, name=f"{names} (not counted)", counted=False))
    # On screen paragraphs count from 1 (the tables' `paragraph` counts from 0).
    fig.update_xaxes(title="paragraph", dtick=1 if len(paragraphs) <= 30 else None, showgrid=False,
                     range=[0.4, len(paragraphs) + 0.6])
    fig.update_yaxes(title=measure.axis, zeroline=False, gridcolor=GRID)
    return _layout(fig, height=340, title=dict(text="Sentiment arc", x=0, y=0.98))


def _arc_trace(rows: pd.DataFrame, measure: Measure, *, name: str = "counted paragraphs",
               counted: bool = True) -> go.Scatter:
    scores = rows[measure.column]
    names = [measure.label(p) for p in scores]
    marker = dict(size=11, line=dict(width=1, color="#333"))
    if counted:
        marker |= dict(color=[measure.colour(p) for p in scores], symbol=[TONE_SYMBOLS[n] for n in names])
    else:
        marker |= dict(color="#999", symbol="circle-open", line=dict(width=2, color="#777"))
    custom = _rows(rows["kind"], names, [esc(t, limit=90) for t in rows["text"]], rows[measure.other])
    return go.Scatter(
        x=rows["paragraph"] + 1, y=scores, name=name, mode="lines+markers" if counted else "markers",
        line=dict(color="#bbb", width=1.5), marker=marker, customdata=custom,
        hovertemplate=f"¶ %{{x}} · %{{customdata[0]}}<br>{measure.name} %{{y:+.2f}} (%{{customdata[1]}})"
                      f"<br>{measure.other_name} %{{customdata[3]:+.2f}}<br>%{{customdata[2]}}<extra></extra>")


def speaker_chart(speakers: pd.DataFrame, quotes: pd.DataFrame, entities: pd.DataFrame, *,
                  measure: Measure = TEXTBLOB) -> go.Figure:
    """Each speaker's quotes by the measure (every quote, the mean and the range) beside their
    TextBlob subjectivity.

    An open square marks the text about the speaker (their entity's score by the same
    measure) where the article names them as an entity. The range comes from `quotes`, so
    pass the quotes that `speakers` counts. Speakers run top to bottom, most quoted first;
    the y values are speaker names, so a selected point names its speaker.
    """
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.8, 0.2], horizontal_spacing=0.06)
    names = list(speakers["speaker"])
    mine = quotes[quotes["speaker"].isin(names)]
    _neutral_band(fig, measure.negative, measure.positive, axis="x", row=1, col=1)
    fig.add_trace(_quote_dots(mine, measure), row=1, col=1)
    fig.add_trace(_speaker_means(speakers, mine, measure), row=1, col=1)
    about = entities.drop_duplicates("entity").set_index("entity").reindex(names).dropna(subset=[measure.column])
    if len(about):
        fig.add_trace(_about_trace(about, measure), row=1, col=1)
    fig.add_trace(_subjectivity_bars(speakers), row=1, col=2)
    ys = [esc(n) for n in names]
    # Name over count, the name cut short: the labels take little width, so the panels keep theirs
    # on a phone (the hover has the whole name).
    ticks = [f"{esc(n, limit=TICK_CHARS)}<br>{q} quote{'s' if q != 1 else ''}"
             for n, q in zip(names, speakers["quotes"], strict=True)]
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed",
                     tickvals=ys, ticktext=ticks, row=1, col=1)
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor=AXIS_LINE, title=measure.axis, row=1, col=1)
    # Room right of a full bar for its "1.00". The legend names this narrow panel: a title
    # under it would run into the tone axis's title on a phone.
    fig.update_xaxes(range=[0, 1.4], tickvals=[0, 1], row=1, col=2)
    height = 200 + 46 * len(names)
    # The legend above the plot, under the modebar (which a phone always shows): it wraps when narrow.
    return _layout(fig, height=height, clickmode="event+select", dragmode=False, margin=dict(l=10, r=10, t=110, b=10),
                   legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0))


def _quote_dots(quotes: pd.DataFrame, measure: Measure) -> go.Scatter:
    scores = quotes[measure.column]
    custom = _rows(quotes["paragraph"] + 1, quotes["kind"], [esc(q, limit=120) for q in quotes["quote"]],
                   [measure.label(p) for p in scores], quotes[measure.other])
    return go.Scatter(
        x=scores, y=quotes["speaker"].map(esc), mode="markers", name="one quote",
        marker=dict(size=8, color="rgba(60,60,60,0.45)", symbol="circle", line=dict(width=0)),
        customdata=custom,
        hovertemplate=f"%{{y}} · ¶ %{{customdata[0]}} (%{{customdata[1]}})<br>{measure.name} %{{x:+.2f}} "
                      f"(%{{customdata[3]}}) · {measure.other_name} %{{customdata[4]:+.2f}}"
                      "<br>“%{customdata[2]}”<extra></extra>")


def _speaker_means(speakers: pd.DataFrame, quotes: pd.DataFrame, measure: Measure) -> go.Scatter:
    mean = speakers[measure.column].astype(float)
    named = speakers["tone"] if "tone" in speakers else [None] * len(speakers)
    low, high = quote_range(speakers, quotes, measure.column)
    return go.Scatter(
        x=mean, y=speakers["speaker"].map(esc), mode="markers", name="what they say (bar: range of single quotes)",
        marker=dict(size=15, symbol="diamond", color=[measure.colour(p, n) for p, n in zip(mean, named)],
                    line=dict(width=1, color="#222")),
        error_x=dict(type="data", symmetric=False, array=high - mean.to_numpy(), arrayminus=mean.to_numpy() - low,
                     color="#444", thickness=2, width=6),
        customdata=_rows(speakers["quotes"], low, high, [measure.label(p, n) for p, n in zip(mean, named)],
                         speakers[measure.other]),
        hovertemplate=f"%{{y}}<br>{measure.said} %{{x:+.2f}} (%{{customdata[3]}}), "
                      "%{customdata[0]} quote(s)<br>single quotes %{customdata[1]:+.2f} … %{customdata[2]:+.2f}"
                      f"<br>{SAID[measure.other]} %{{customdata[4]:+.2f}}<extra></extra>")


def _about_trace(about: pd.DataFrame, measure: Measure) -> go.Scatter:
    scores = about[measure.column]
    return go.Scatter(
        x=scores, y=[esc(n) for n in about.index], mode="markers", name=f"text about them ({measure.name})",
        marker=ABOUT_MARKER,
        customdata=_rows(about["mentions"], [measure.label(p) for p in scores], about[measure.other]),
        hovertemplate=f"%{{y}}<br>text about them: {measure.name} %{{x:+.2f}} (%{{customdata[1]}})"
                      f"<br>{measure.other_name} %{{customdata[2]:+.2f}}"
                      "<br>%{customdata[0]} mention(s)<extra></extra>")


def _subjectivity_bars(speakers: pd.DataFrame) -> go.Bar:
    return go.Bar(
        x=speakers["subjectivity"], y=speakers["speaker"].map(esc), orientation="h",
        name="TextBlob subjectivity (right, 0 … 1)",
        marker=dict(color="#9e9ac8", line=dict(color="#54278f", width=1)),
        text=[two(s) for s in speakers["subjectivity"]], textposition="outside", cliponaxis=False,
        customdata=_rows([subjectivity_words(v) for v in speakers["subjectivity"]]),
        hovertemplate="%{y}<br>mean TextBlob subjectivity %{x:.2f}: %{customdata[0]}<extra></extra>")


def subjectivity_words(value: float) -> str:
    """TextBlob subjectivity in words: under 0.3 mostly fact, from 0.6 mostly opinion."""
    return "mostly fact" if value < 0.3 else "mostly opinion" if value >= 0.6 else "fact and opinion mixed"


def entity_bars(entities: pd.DataFrame, *, top: int = 25, measure: Measure = TEXTBLOB) -> go.Figure:
    """Mentions per entity (the `top` most mentioned), one colour and legend entry per type;
    the hover gives the text's tone about each entity by both measures, `measure` first."""
    rows = entities.nlargest(top, "mentions", keep="first") if len(entities) else entities
    order = list(rows["entity"])
    fig = go.Figure()
    for label, group in rows.groupby("label", sort=True):
        fig.add_trace(go.Bar(
            x=group["mentions"], y=group["entity"].map(esc), orientation="h", name=esc(label),
            marker=dict(color=label_colour(label)), text=group["mentions"], textposition="outside",
            cliponaxis=False,
            customdata=_rows(group["paragraphs"], group[measure.column], group[measure.other],
                             [measure.label(p) for p in group[measure.column]]),
            hovertemplate="%{y} (" + esc(label) + ")<br>%{x} mention(s) in %{customdata[0]} paragraph(s)"
                          f"<br>text about it: {measure.name} %{{customdata[1]:+.2f}} (%{{customdata[3]}})"
                          f" · {measure.other_name} %{{customdata[2]:+.2f}}<extra></extra>"))
    ys = [esc(e) for e in order]
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed",
                     tickvals=ys, ticktext=[esc(e, limit=40) for e in order])
    most = int(rows["mentions"].max()) if len(rows) else 1
    # Room right of the longest bar for its count; the type legend sits above, apart from the bars.
    fig.update_xaxes(title="mentions", gridcolor=GRID, range=[0, most * 1.15 + 0.5])
    return _layout(fig, height=170 + 24 * max(len(order), 1), barmode="overlay",
                   margin=dict(l=10, r=10, t=90, b=10), title=dict(text="Mentions per entity", x=0, y=0.99),
                   legend=dict(orientation="h", x=0, xanchor="left", y=1.01, yanchor="bottom", title="type "))


def mention_heatmap(mentions: pd.DataFrame, paragraphs: pd.DataFrame, *,
                    entities: list[str] | None = None, top: int = 20) -> go.Figure:
    """Mentions per paragraph (rows) and entity (columns), with the count in each cell.

    `entities` fixes the columns and their order; by default the `top` most mentioned.
    Every paragraph gets a row, labelled with its number and kind.
    """
    if entities is None:
        entities = list(mentions["entity"].value_counts().head(top).index)
    counts = pd.crosstab(mentions["paragraph"], mentions["entity"]) if len(mentions) else pd.DataFrame()
    grid = counts.reindex(index=list(paragraphs["paragraph"]), columns=entities, fill_value=0).fillna(0)
    rows = [f"¶ {p + 1} · {k}" for p, k in zip(paragraphs["paragraph"], paragraphs["kind"], strict=True)]
    row_height = 22 if len(rows) <= 40 else 12  # long articles: thinner rows, counts on hover only
    fig = go.Figure(go.Heatmap(
        z=grid.to_numpy(dtype=float), x=[esc(e, limit=30) for e in entities], y=rows,
        colorscale="Blues", zmin=0, colorbar=dict(title="mentions", thickness=12, dtick=1),
        text=[[str(int(v)) if v and row_height > 12 else "" for v in row] for row in grid.to_numpy()],
        texttemplate="%{text}",
        hovertemplate="%{y}<br>%{x}: %{z} mention(s)<extra></extra>", xgap=1, ygap=1))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(tickangle=-40, type="category", side="top")
    return _layout(fig, height=160 + row_height * max(len(rows), 1),
                   title=dict(text="Mentions paragraph by paragraph", x=0, y=1))


def compare_chart(rows: pd.DataFrame, *, title: str, measure: Measure = TEXTBLOB) -> go.Figure:
    """One line per article: the measure's mean with its range, and the text about them.

    `rows` has columns article, mean, low, high, n (quotes or mentions, in words), and
    optionally about (the entity's score, for speakers), all by `measure`.
    """
    fig = go.Figure()
    _neutral_band(fig, measure.negative, measure.positive, axis="x")
    mean = rows["mean"].astype(float)
    fig.add_trace(go.Scatter(
        x=mean, y=rows["article"].map(esc), mode="markers", name="mean (bar: range)",
        marker=dict(size=15, symbol="diamond", line=dict(width=1, color="#222"),
                    color=[measure.colour(p) for p in mean]),
        error_x=dict(type="data", symmetric=False, array=rows["high"].astype(float) - mean,
                     arrayminus=mean - rows["low"].astype(float), color="#444", thickness=2),
        customdata=_rows(rows["n"], [measure.label(p) for p in mean]),
        hovertemplate=f"%{{y}}<br>mean {measure.name} %{{x:+.2f}} (%{{customdata[1]}}) over "
                      "%{customdata[0]}<extra></extra>"))
    if "about" in rows and rows["about"].notna().any():
        fig.add_trace(go.Scatter(
            x=rows["about"], y=rows["article"].map(esc), mode="markers", name=f"text about them ({measure.name})",
            marker=ABOUT_MARKER,
            customdata=_rows([measure.label(p) for p in rows["about"]]),
            hovertemplate=f"%{{y}}<br>text about them: {measure.name} %{{x:+.2f}} (%{{customdata[0]}})"
                          "<extra></extra>"))
    ys = [esc(a) for a in rows["article"]]
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed",
                     tickvals=ys, ticktext=[esc(a, limit=40) for a in rows["article"]])
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor=AXIS_LINE, title=measure.axis)
    return _layout(fig, height=170 + 50 * len(ys), title=dict(text=esc(title), x=0, y=0.98))


def tone_shares(sentences: pd.DataFrame, *, measure: Measure = TEXTBLOB) -> go.Figure:
    """One stacked bar: the share of sentences that read negative, neutral and positive by `measure`."""
    names = pd.Series([measure.label(p) for p in sentences[measure.column]], dtype="object")
    counts = names.value_counts().reindex(["negative", "neutral", "positive"], fill_value=0)
    total = max(int(counts.sum()), 1)
    fig = go.Figure()
    for name, n in counts.items():
        fig.add_trace(go.Bar(
            x=[n / total], y=["sentences"], orientation="h", name=f"{name} ({n})",
            marker=dict(color=TONE_COLOURS[name]), text=[f"{name} {n / total:.0%}" if n else ""],
            textposition="inside", insidetextanchor="middle", textangle=0, textfont=dict(color="white"),
            hovertemplate=f"{n} {name} sentence(s) by {measure.name}, %{{x:.0%}}<extra></extra>"))
    summary = " · ".join(f"{n} {name}" for name, n in counts.items())
    fig.update_xaxes(range=[0, 1], tickformat=".0%", showgrid=False, title=f"{summary} sentences<br>by {measure.name}")
    fig.update_yaxes(showticklabels=False)
    return _layout(fig, height=210, barmode="stack", showlegend=False, uniformtext=dict(minsize=9, mode="hide"),
                   title=dict(text="Tone of the sentences", x=0, y=0.95))
