"""Small summaries the tabs show, from the engine's tables (plain pandas, no Streamlit).

Tone is read from one column, `polarity` (TextBlob) or `tone_score` (the news model),
chosen in the sidebar.
"""
from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from analysis import Analysis

from .charts import Measure, quote_range


def headline(a: Analysis) -> str:
    """The article's first headline paragraph, else its first paragraph, else its name."""
    heads = a.paragraphs[a.paragraphs["kind"] == "headline"]
    rows = heads if len(heads) else a.paragraphs
    return str(rows["text"].iloc[0]).split("\n")[0] if len(rows) else a.name


def counted(a: Analysis, kinds: Collection[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Paragraphs, sentences and quotes in paragraphs of the given kinds."""
    paragraphs = a.paragraphs[a.paragraphs["kind"].isin(kinds)]
    keep = set(paragraphs["paragraph"])
    return (paragraphs, a.sentences[a.sentences["paragraph"].isin(keep)],
            a.quotes[a.quotes["paragraph"].isin(keep)])


def overall_tone(paragraphs: pd.DataFrame, column: str = "polarity") -> float:
    """Mean paragraph score (`column`) weighted by words (0 for no words)."""
    words = paragraphs["words"].astype(float)
    total = words.sum()
    return float((paragraphs[column].astype(float) * words).sum() / total) if total else 0.0


def extremes(sentences: pd.DataFrame, column: str = "polarity") -> tuple[pd.Series | None, pd.Series | None]:
    """The most negative and the most positive sentence by `column` (None where none leans that way)."""
    if sentences.empty:
        return None, None
    scores = sentences[column].astype(float)
    low, high = sentences.loc[scores.idxmin()], sentences.loc[scores.idxmax()]
    return (low if low[column] < 0 else None), (high if high[column] > 0 else None)


def speaker_overview(speakers: pd.DataFrame, entities: pd.DataFrame, quotes: pd.DataFrame,
                     measure: Measure) -> pd.DataFrame:
    """Speakers with the text about them beside what they say, by `measure`, and the other
    measure's two means (`says_other`, `about_other`) so both stay visible.

    `low`/`high` are the range of their quotes in `quotes` (the quotes `speakers` counts).
    """
    about = entities.drop_duplicates("entity").set_index("entity").reindex(speakers["speaker"])
    low, high = quote_range(speakers, quotes, measure.column)
    says = speakers[measure.column].to_numpy(dtype=float)
    said_about = about[measure.column].to_numpy(dtype=float)
    named = speakers["tone"] if "tone" in speakers else [None] * len(speakers)
    gap = says - said_about
    return pd.DataFrame({
        "speaker": speakers["speaker"].to_numpy(), "kind": speakers["kind"].to_numpy(),
        "quotes": speakers["quotes"].to_numpy(),
        "words": speakers["words"].to_numpy(), "says": says,
        "reading": [measure.words(p, n) for p, n in zip(says, named, strict=True)],
        "low": low, "high": high, "about": said_about,
        "gap": gap, "contrast": [contrast(g, measure) for g in gap], "mentions": about["mentions"].to_numpy(),
        "subjectivity": speakers["subjectivity"].to_numpy(),
        "says_other": speakers[measure.other].to_numpy(dtype=float),
        "about_other": about[measure.other].to_numpy(dtype=float)})


def contrast(gap: float, measure: Measure) -> str:
    """What they say against the text about them, in words ('' when the text never names them).

    A gap inside the measure's neutral range reads as in line with the text."""
    if pd.isna(gap):
        return ""
    if measure.negative < gap < measure.positive:
        return "in line with the text about them"
    return f"{'more positive' if gap > 0 else 'more negative'} than the text about them"


def article_row(a: Analysis, speakers: pd.DataFrame, entities: pd.DataFrame,
                kinds: Collection[str], column: str = "polarity") -> dict:
    """One line of the comparison table: counts and tone (by `column`) of an article."""
    paragraphs, _, quotes = counted(a, kinds)
    return {"article": a.name, "headline": headline(a), "paragraphs": len(paragraphs),
            "words": int(paragraphs["words"].sum()), "quotes": len(quotes), "speakers": len(speakers),
            "entities": len(entities), "tone": round(overall_tone(paragraphs, column), 4)}


ROWS = ["article", "mean", "low", "high", "n"]


def speaker_rows(name: str, per_article: dict[str, tuple[pd.DataFrame, pd.DataFrame]],
                 quotes: dict[str, pd.DataFrame], column: str = "polarity") -> pd.DataFrame:
    """One speaker across articles by `column`: their quotes (mean, range, count) and the text about them.

    `per_article` maps an article name to its (speakers, entities) tables, `quotes` to the
    quotes those speakers count.
    """
    rows = []
    for article, (speakers, entities) in per_article.items():
        match = speakers[speakers["speaker"] == name]
        if match.empty:
            continue
        low, high = quote_range(match, quotes[article], column)
        about = entities.loc[entities["entity"] == name, column]
        rows.append({"article": article, "mean": float(match[column].iloc[0]), "low": low[0], "high": high[0],
                     "n": f"{match['quotes'].iloc[0]} quote(s)",
                     "about": float(about.iloc[0]) if len(about) else float("nan")})
    return pd.DataFrame(rows, columns=[*ROWS, "about"])


def entity_rows(name: str, analyses: list[Analysis], kinds: Collection[str],
                column: str = "polarity") -> pd.DataFrame:
    """One entity across articles: the text about it by `column` (mean, range, count)."""
    rows = []
    for a in analyses:
        scores, n = _about_entity(a, name, kinds, column)
        if len(scores):
            rows.append({"article": a.name, "mean": scores.mean(), "low": scores.min(), "high": scores.max(),
                         "n": n})
    return pd.DataFrame(rows, columns=ROWS)


def _about_entity(a: Analysis, name: str, kinds: Collection[str], column: str) -> tuple[pd.Series, str]:
    """The readings of the text about an entity in the counted paragraphs, and their count in
    words: the model's tone toward each mention, or TextBlob's polarity of each sentence that
    mentions it (TextBlob cannot read the tone toward one name in a sentence)."""
    paragraphs, sentences, _ = counted(a, kinds)
    mine = a.mentions[(a.mentions["entity"] == name) & a.mentions["paragraph"].isin(set(paragraphs["paragraph"]))]
    if column == "tone_score":
        return mine[column].astype(float), f"{len(mine)} mention(s)"
    if "sentence" in mine:  # not in the contract's columns: fall back to whole paragraphs
        tones = sentences[sentences["sentence"].isin(set(mine["sentence"]))]
    else:
        tones = sentences[sentences["paragraph"].isin(set(mine["paragraph"]))]
    return tones[column].astype(float), f"{len(mine)} mention(s) in {len(tones)} sentence(s)"


def shared_names(tables: list[pd.DataFrame], column: str) -> list[str]:
    """Names in `column` across tables, those in the most tables first, then alphabetically."""
    counts: dict[str, int] = {}
    for df in tables:
        for name in set(df[column].dropna().astype(str)):
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n.lower()))
