"""Plotly figures of the corpus views: speakers, entities, and the tone toward one entity.

Tone is the news model's throughout (`tone_score`, −1 … +1), named on every axis; the
colours, the neutral band and the escaping of names are those of ui/charts.py. Every builder
takes a view's DataFrame and returns a new figure; none calls Streamlit.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.tone import LABELS

from ..charts import AXIS_LINE, BAND, FONT, GRID, NEWS_MODEL, TICK_CHARS, TONE_COLOURS, esc, label_colour

TOP = 20  # names a chart shows; the table has them all
UNSCORED = "#bbbbbb"


def _layout(fig: go.Figure, *, height: int, top: int = 40) -> go.Figure:
    """No title in the figure (the tab and the line above it name it): on a phone a title runs
    into the mode bar. The legend sits above the plot, left, where it wraps when narrow."""
    fig.update_layout(height=height, font=FONT, margin=dict(l=10, r=10, t=top, b=10), hoverlabel=dict(align="left"),
                      legend=dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom"))
    return fig


def _colour(score: float, label: object) -> str:
    return UNSCORED if pd.isna(score) else NEWS_MODEL.colour(score, label)


def _names(rows: pd.DataFrame, column: str, counted: str) -> tuple[list[str], list[str]]:
    """Category values (the escaped names) and tick texts: the name cut short over its count."""
    ys = [esc(n) for n in rows[column]]
    ticks = [f"{esc(n, limit=TICK_CHARS)}<br>{k} {counted}{'s' if k != 1 else ''}"
             for n, k in zip(rows[column], rows["articles"], strict=True)]
    return ys, ticks


def _tone_axis(fig: go.Figure, **where) -> None:
    fig.add_vrect(x0=NEWS_MODEL.negative, x1=NEWS_MODEL.positive, fillcolor=BAND, line_width=0, layer="below",
                  exclude_empty_subplots=False, **where)
    fig.update_xaxes(range=[-1.05, 1.05], zeroline=True, zerolinecolor=AXIS_LINE, gridcolor=GRID,
                     title=NEWS_MODEL.axis, **where)


def speaker_bars(speakers: pd.DataFrame, *, top: int = TOP) -> go.Figure:
    """The most quoted speakers: their quotes as bars stacked by each quote's tone, and beside
    them the tone of what they say over the corpus (the mean over articles of the model's
    reading of all they say in each)."""
    rows = speakers.head(top)
    ys, ticks = _names(rows, "speaker", "article")
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.6, 0.4], horizontal_spacing=0.05)
    for label in LABELS:
        fig.add_trace(go.Bar(
            x=rows[f"quotes_{label}"], y=ys, orientation="h", name=f"{label} quotes",
            marker=dict(color=TONE_COLOURS[label]),
            hovertemplate=f"%{{y}}<br>%{{x}} {label} quote(s)<extra></extra>"), row=1, col=1)
    _tone_axis(fig, row=1, col=2)
    fig.add_trace(go.Scatter(
        x=rows["tone_score"], y=ys, mode="markers", name="what they say (news-model tone, right)", cliponaxis=False,
        marker=dict(size=14, symbol="diamond", line=dict(width=1, color="#222"),
                    color=[_colour(s, t) for s, t in zip(rows["tone_score"], rows["tone"], strict=True)]),
        customdata=list(zip(rows["tone"].fillna("no reading"), rows["quotes"], rows["articles"], strict=True)),
        hovertemplate="%{y}<br>news-model tone of what they say %{x:+.2f} (%{customdata[0]}), mean over "
                      "%{customdata[2]} article(s)<br>%{customdata[1]} quote(s)<extra></extra>"), row=1, col=2)
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed", tickvals=ys, ticktext=ticks,
                     row=1, col=1)
    fig.update_xaxes(title="quotes", gridcolor=GRID, row=1, col=1)
    # A short title in the narrow panel: the legend names the measure.
    fig.update_xaxes(tickvals=[-1, 0, 1], title="tone (−1 … +1)", row=1, col=2)
    return _layout(fig, height=200 + 44 * max(len(rows), 1), top=110).update_layout(barmode="stack", dragmode=False)


def entity_bars(entities: pd.DataFrame, *, top: int = TOP) -> go.Figure:
    """Entities by the number of articles that name them, one colour per type; the hover gives
    the mentions and the tone toward them."""
    rows = entities.head(top)
    ys, ticks = _names(rows, "entity", "article")
    fig = go.Figure()
    for label, group in rows.groupby("label", sort=True):
        fig.add_trace(go.Bar(
            x=group["articles"], y=[esc(n) for n in group["entity"]], orientation="h", name=esc(label),
            marker=dict(color=label_colour(label)), text=group["articles"], textposition="outside", cliponaxis=False,
            customdata=list(zip(group["mentions"], group["tone_score"], group["tone"].fillna("no reading"),
                                strict=True)),
            hovertemplate="%{y} (" + esc(label) + ")<br>named in %{x} article(s), %{customdata[0]} mention(s)"
                          "<br>tone toward it: news-model %{customdata[1]:+.2f} (%{customdata[2]})<extra></extra>"))
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed", tickvals=ys,
                     ticktext=[esc(n, limit=40) for n in rows["entity"]])
    most = int(rows["articles"].max()) if len(rows) else 1
    fig.update_xaxes(title="articles naming it", gridcolor=GRID, range=[0, most * 1.15 + 0.5])
    return _layout(fig, height=170 + 26 * max(len(rows), 1), top=70).update_layout(
        barmode="overlay", legend_title_text="type ")


def tone_toward(rows: pd.DataFrame) -> go.Figure:
    """The tone toward one entity in each article (the mean over its mentions there) against
    how often the article mentions it: one dot per article."""
    fig = go.Figure()
    _tone_axis(fig)
    fig.add_trace(go.Scatter(
        x=rows["tone_score"], y=rows["mentions"], mode="markers", name="one article", cliponaxis=False,
        marker=dict(size=12, opacity=0.8, line=dict(width=1, color="#222"),
                    color=[_colour(s, t) for s, t in zip(rows["tone_score"], rows["tone"], strict=True)]),
        customdata=list(zip([esc(a, limit=60) for a in rows["article"]],
                            [esc(h, limit=90) for h in rows["headline"]], rows["tone"], strict=True)),
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}<br>tone toward it %{x:+.2f} (%{customdata[2]}), "
                      "%{y} mention(s)<extra></extra>"))
    most = int(rows["mentions"].max()) if len(rows) else 1
    fig.update_yaxes(title="mentions in the article", gridcolor=GRID, range=[0, most + 1],
                     dtick=1 if most <= 10 else None)
    return _layout(fig, height=340).update_layout(showlegend=False)
