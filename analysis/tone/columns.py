"""The model's tone as table columns: of each sentence and quote, toward each mention in its
sentence, and summed up per paragraph, speaker and entity."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import LABELS, group_label, load_tone_model


def with_tone(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame
              ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The three tables with `tone` and `tone_score` added, from one pass of the model over
    the article's sentences and quotes: the tone of each sentence, toward each mention in
    its sentence (a mention outside every sentence: in its own words), and of each quote."""
    texts = [str(t) for t in sentences["text"]]
    row_of = {s: (i, start) for i, (s, start) in enumerate(zip(sentences["sentence"], sentences["start"]))}
    targets = []
    for sentence, start, end, text in zip(mentions["sentence"], mentions["start"], mentions["end"], mentions["text"]):
        i, offset = row_of.get(sentence, (-1, 0))
        if i >= 0 and offset <= start and end <= offset + len(texts[i]):
            targets.append((i, int(start) - offset, int(end) - offset))
        else:
            texts.append(str(text))
            targets.append((len(texts) - 1, 0, len(texts[-1])))
    first_quote = len(texts)
    texts += [q if isinstance(q, str) else "" for q in quotes["quote"]]
    text_tones, target_tones = load_tone_model().read(texts, targets) if texts else ([], [])
    return (_add(sentences, text_tones[:len(sentences)]), _add(mentions, target_tones),
            _add(quotes, text_tones[first_quote:]))


def with_paragraph_tone(paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """`paragraphs` with `tone` and `tone_score`: the mean of its sentences' scores."""
    scores: dict[int, list[float]] = {}
    for p, score in zip(sentences["paragraph"], sentences["tone_score"]):
        scores.setdefault(p, []).append(score)
    rows = [summary(scores.get(p, [])) for p in paragraphs["paragraph"]]
    out = paragraphs.copy()
    out["tone"] = pd.Series([r["tone"] for r in rows], index=out.index, dtype=object)
    out["tone_score"] = pd.Series([r["tone_score"] for r in rows], index=out.index, dtype=float)
    return out


def _add(df: pd.DataFrame, tones: list) -> pd.DataFrame:
    out = df.copy()
    out["tone"] = pd.Series([t.label for t in tones], index=out.index, dtype=object)
    out["tone_score"] = pd.Series([t.score for t in tones], index=out.index, dtype=float)
    return out


def summary(scores: Iterable[float]) -> dict:
    """`tone` and `tone_score` of a group (a speaker's quotes, an entity's mentions)."""
    scores = [float(s) for s in scores]
    mean = round(sum(scores) / len(scores), 4) if scores else 0.0
    return {"tone": group_label(mean), "tone_score": mean}


def counts(labels: Iterable[str]) -> dict:
    """How many of a group's tones are negative, neutral and positive."""
    labels = list(labels)
    return {name: labels.count(name) for name in LABELS}
