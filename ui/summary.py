"""Small summaries the tabs show, from the engine's tables (plain pandas, no Streamlit)."""
from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from analysis import Analysis


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


def overall_tone(paragraphs: pd.DataFrame) -> float:
    """Mean paragraph polarity weighted by words (0 for no words)."""
    words = paragraphs["words"].astype(float)
    total = words.sum()
    return float((paragraphs["polarity"].astype(float) * words).sum() / total) if total else 0.0


def extremes(sentences: pd.DataFrame) -> tuple[pd.Series | None, pd.Series | None]:
    """The most negative and the most positive sentence (None where none leans that way)."""
    if sentences.empty:
        return None, None
    polarity = sentences["polarity"].astype(float)
    low, high = sentences.loc[polarity.idxmin()], sentences.loc[polarity.idxmax()]
    return (low if low["polarity"] < 0 else None), (high if high["polarity"] > 0 else None)


def speaker_overview(speakers: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Speakers with the tone of the text about them beside the tone of what they say."""
    about = entities.drop_duplicates("entity").set_index("entity")
    out = speakers[["speaker", "quotes", "words", "polarity", "polarity_min", "polarity_max",
                    "subjectivity"]].copy()
    out["about"] = about["polarity"].reindex(out["speaker"]).to_numpy()
    out["mentions"] = about["mentions"].reindex(out["speaker"]).to_numpy()
    out["gap"] = out["polarity"] - out["about"]
    return out


def article_row(a: Analysis, speakers: pd.DataFrame, entities: pd.DataFrame,
                kinds: Collection[str]) -> dict:
    """One line of the comparison table: counts and tone of an article."""
    paragraphs, _, quotes = counted(a, kinds)
    return {"article": a.name, "headline": headline(a), "paragraphs": len(paragraphs),
            "words": int(paragraphs["words"].sum()), "quotes": len(quotes), "speakers": len(speakers),
            "entities": len(entities), "tone": round(overall_tone(paragraphs), 4)}


def speaker_rows(name: str, per_article: dict[str, tuple[pd.DataFrame, pd.DataFrame]]) -> pd.DataFrame:
    """One speaker across articles: quote polarity (mean, range, count) and the text about them.

    `per_article` maps an article name to its (speakers, entities) tables.
    """
    rows = []
    for article, (speakers, entities) in per_article.items():
        match = speakers[speakers["speaker"] == name]
        if match.empty:
            continue
        s = match.iloc[0]
        about = entities.loc[entities["entity"] == name, "polarity"]
        rows.append({"article": article, "polarity": s["polarity"], "polarity_min": s["polarity_min"],
                     "polarity_max": s["polarity_max"], "n": f"{s['quotes']} quote(s)",
                     "about": float(about.iloc[0]) if len(about) else float("nan")})
    return pd.DataFrame(rows, columns=["article", "polarity", "polarity_min", "polarity_max", "n", "about"])


def entity_rows(name: str, analyses: list[Analysis], kinds: Collection[str]) -> pd.DataFrame:
    """One entity across articles: polarity of the sentences that mention it (mean, range, count)."""
    rows = []
    for a in analyses:
        _, sentences, _ = counted(a, kinds)
        mine = a.mentions[a.mentions["entity"] == name]
        if "sentence" in mine:  # not in the contract's columns: fall back to whole paragraphs
            tones = sentences[sentences["sentence"].isin(set(mine["sentence"]))]
        else:
            tones = sentences[sentences["paragraph"].isin(set(mine["paragraph"]))]
        if tones.empty:
            continue
        p = tones["polarity"].astype(float)
        rows.append({"article": a.name, "polarity": p.mean(), "polarity_min": p.min(),
                     "polarity_max": p.max(), "n": f"{len(mine)} mention(s) in {len(tones)} sentence(s)"})
    return pd.DataFrame(rows, columns=["article", "polarity", "polarity_min", "polarity_max", "n"])


def shared_names(tables: list[pd.DataFrame], column: str) -> list[str]:
    """Names in `column` across tables, those in the most tables first, then alphabetically."""
    counts: dict[str, int] = {}
    for df in tables:
        for name in set(df[column].dropna().astype(str)):
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n.lower()))
