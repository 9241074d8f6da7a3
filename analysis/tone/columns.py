"""The model's tone as table columns: of each sentence and quote, toward each mention in its
sentence, and summed up per paragraph, speaker and entity."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import pandas as pd

from . import LABELS, group_label, load_tone_model


def with_tone(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame
              ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The three tables with `tone` and `tone_score` added, from one pass of the model over
    the article's sentences and quotes: the tone toward each mention in its sentence (a
    mention outside every sentence: in its own words), of each quote, and of each
    sentence: its own words, or, where it holds quotes, the quoted words in it read as one."""
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
    quoted = _quoted_words(sentences, quotes)
    read_for_targets = {i for i, _, _ in targets}
    for i in quoted.keys() - read_for_targets:
        texts[i] = ""  # its tone comes from its quoted words: no need to read it whole
    first_quote = len(texts)
    texts += [q if isinstance(q, str) else "" for q in quotes["quote"]]
    model = load_tone_model()
    text_tones, target_tones = model.read(texts, targets) if texts else ([], [])
    sentence_tones = text_tones[:len(sentences)]
    for i, words in quoted.items():
        sentence_tones[i] = model.of_whole(words)
    return (_add(sentences, sentence_tones), _add(mentions, target_tones),
            _add(quotes, text_tones[first_quote:]))


def _quoted_words(sentences: pd.DataFrame, quotes: pd.DataFrame) -> dict[int, list[str]]:
    """Row of each sentence that holds quoted or reported words -> those words, in order.

    Such a sentence takes the tone of what is said in it: read whole, "'It is a terrible
    waste of money,' Becker said." is a neutral report of a named speaker to the model."""
    spans = sorted((int(s), int(e)) for s, e in zip(quotes["start"], quotes["end"]))
    out: dict[int, list[str]] = {}
    if not spans:
        return out
    starts = [s for s, _ in spans]
    for i, (start, text) in enumerate(zip(sentences["start"], sentences["text"])):
        start, end = int(start), int(start) + len(str(text))
        k = max(0, bisect_left(starts, start) - 1)
        while k < len(spans) and spans[k][0] < end:
            lo, hi = max(start, spans[k][0]), min(end, spans[k][1])
            if hi - lo > 1:
                out.setdefault(i, []).append(str(text)[lo - start:hi - start])
            k += 1
    return out


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
