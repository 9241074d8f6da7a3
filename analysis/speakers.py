"""The speaker comparison: one row per canonical speaker, from the quotes table."""
from __future__ import annotations

import pandas as pd

from .paragraphs import TONE_KINDS
from .schema import frame


def speaker_table(quotes: pd.DataFrame, paragraphs: pd.DataFrame, mentions: pd.DataFrame,
                  *, kinds: tuple[str, ...] | None = TONE_KINDS) -> pd.DataFrame:
    """Quote count, words quoted and tone per speaker, most quoted first.

    Only quotes in paragraphs of the given `kinds` count (None: every paragraph); quotes
    with no speaker are left out. `label` is the speaker's entity label where the article
    names it as an entity (else the quotes' `speaker_label`, if that column is there), else empty.
    """
    extra = ("label",)
    if quotes.empty:
        return frame("speakers", extra=extra)
    q = quotes[quotes["speaker"].fillna("").astype(str).str.len() > 0]
    if kinds is not None:
        kind_of = paragraphs.set_index(["article", "paragraph"])["kind"]
        keys = pd.MultiIndex.from_frame(q[["article", "paragraph"]])
        q = q[kind_of.reindex(keys).isin(kinds).to_numpy()]
    if q.empty:
        return frame("speakers", extra=extra)
    q = q.assign(words=q["quote"].astype(str).str.split().str.len())
    grouped = q.groupby(["article", "speaker"], sort=False)
    df = grouped.agg(quotes=("quote", "size"), words=("words", "sum"),
                     polarity=("polarity", "mean"), subjectivity=("subjectivity", "mean"),
                     polarity_min=("polarity", "min"), polarity_max=("polarity", "max")).reset_index()
    labels = mentions.drop_duplicates(["article", "entity"]).set_index(["article", "entity"])["label"]
    keys = pd.MultiIndex.from_frame(df[["article", "speaker"]])
    df["label"] = labels.reindex(keys).fillna("").to_numpy() if len(mentions) else ""
    if "speaker_label" in q.columns:  # a speaker resolved from a pronoun or "the company"
        own = q[q["speaker_label"].fillna("") != ""].drop_duplicates(["article", "speaker"])
        fallback = own.set_index(["article", "speaker"])["speaker_label"].reindex(keys).fillna("").to_numpy()
        df["label"] = df["label"].where(df["label"] != "", fallback)
    for col in ("polarity", "subjectivity", "polarity_min", "polarity_max"):
        df[col] = df[col].astype(float).round(4)
    df = df.sort_values(["article", "quotes", "words"], ascending=[True, False, False], ignore_index=True)
    return frame("speakers", df.to_dict("records"), extra=extra)
