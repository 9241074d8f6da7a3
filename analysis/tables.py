"""The sentence and paragraph tables: text, spans, words and tone."""
from __future__ import annotations

import pandas as pd

from .pipeline.nlp import Parsed
from .schema import frame
from .sentiment import score, score_joined


def sentence_table(parsed: Parsed) -> pd.DataFrame:
    """One row per spaCy sentence, numbered across the article, with TextBlob tone."""
    rows = []
    for p, sent in parsed.sentences:
        whole = sent.text
        text = whole.strip()
        lead = len(whole) - len(whole.lstrip())
        start = parsed.offset(p, sent.start_char + lead)
        polarity, subjectivity = score(text)
        rows.append({"article": parsed.article.name, "paragraph": p, "sentence": len(rows),
                     "start": start, "end": start + len(text), "text": text,
                     "polarity": polarity, "subjectivity": subjectivity})
    return frame("sentences", rows)


def paragraph_table(parsed: Parsed, mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph with its kind, words, tone, and counts of mentions and quotes."""
    n_mentions = mentions["paragraph"].value_counts() if len(mentions) else pd.Series(dtype=int)
    n_quotes = quotes["paragraph"].value_counts() if len(quotes) else pd.Series(dtype=int)
    texts: list[list[str]] = [[] for _ in parsed.docs]
    for p, sent in parsed.sentences:
        texts[p].append(sent.text.strip())
    rows = []
    for para, kind in zip(parsed.article.paragraphs, parsed.kinds):
        polarity, subjectivity = score_joined(texts[para.index])
        rows.append({"article": parsed.article.name, "paragraph": para.index, "kind": kind,
                     "start": para.start, "end": para.end, "text": para.text,
                     "words": len(para.text.split()), "polarity": polarity,
                     "subjectivity": subjectivity,
                     "entities": int(n_mentions.get(para.index, 0)),
                     "quotes": int(n_quotes.get(para.index, 0))})
    return frame("paragraphs", rows)
