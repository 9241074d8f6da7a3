"""The per-speaker summary built from the quotes table."""
from __future__ import annotations

import pandas as pd

from analysis.schema import frame
from analysis.speakers.table import speaker_table
from analysis.tone import load_tone_model


def quotes(rows):
    base = {"article": "a.txt", "start": 0, "end": 1, "kind": "direct", "speaker_start": 0,
            "speaker_end": 1, "cue": "said", "subjectivity": 0.5, "tone": "neutral", "tone_score": 0.0}
    return frame("quotes", [base | r for r in rows])


PARAGRAPHS = pd.DataFrame({"article": "a.txt", "paragraph": [0, 1, 2, 3],
                           "kind": ["headline", "body", "body", "caption"]})
MENTIONS = pd.DataFrame({"article": ["a.txt"], "entity": ["Ana Ruiz"], "label": ["PERSON"]})


def test_counts_words_and_tone_per_speaker():
    q = quotes([
        {"paragraph": 1, "quote": "We will win this", "speaker": "Ana Ruiz", "polarity": 0.8,
         "tone": "positive", "tone_score": 0.9},
        {"paragraph": 2, "quote": "It was hard", "speaker": "Ana Ruiz", "polarity": -0.2,
         "tone": "negative", "tone_score": -0.4},
        {"paragraph": 2, "quote": "No comment", "speaker": "the council", "polarity": 0.0},
    ])
    table = speaker_table(q, PARAGRAPHS, MENTIONS).set_index("speaker")
    assert table.index.tolist() == ["Ana Ruiz", "the council"]
    ruiz = table.loc["Ana Ruiz"]
    assert (ruiz.quotes, ruiz.words) == (2, 7)
    assert ruiz.polarity == 0.3 and ruiz.polarity_min == -0.2 and ruiz.polarity_max == 0.8
    assert ruiz.label == "PERSON" and table.loc["the council", "label"] == ""
    # the model reads everything a speaker said as one text, in order
    whole = load_tone_model().of_whole(["We will win this", "It was hard"])
    assert (ruiz.tone, ruiz.tone_score) == (whole.label, whole.score)


def test_only_chosen_paragraph_kinds_count_and_unattributed_quotes_drop():
    q = quotes([
        {"paragraph": 3, "quote": "caption words", "speaker": "Ana Ruiz", "polarity": 0.5},
        {"paragraph": 1, "quote": "body words", "speaker": "Ana Ruiz", "polarity": 0.1},
        {"paragraph": 1, "quote": "nobody's words", "speaker": "", "polarity": 0.1},
    ])
    assert speaker_table(q, PARAGRAPHS, MENTIONS)["quotes"].tolist() == [1]
    assert speaker_table(q, PARAGRAPHS, MENTIONS, kinds=None)["quotes"].tolist() == [2]
    assert speaker_table(q, PARAGRAPHS, MENTIONS, kinds=("headline",)).empty


def test_no_quotes_gives_the_columns():
    table = speaker_table(frame("quotes"), PARAGRAPHS, MENTIONS)
    assert table.empty and {"polarity_max", "tone", "tone_score"} <= set(table.columns)
