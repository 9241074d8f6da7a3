"""Invariants every Analysis keeps, shared by the robustness tests."""
from __future__ import annotations

import csv
import io

import pandas as pd

from analysis import COLUMNS, KINDS, TONE_KINDS
from analysis.export import csv_bytes

SPANNED = {"paragraphs": "text", "sentences": "text", "mentions": "text", "quotes": "quote"}
SCORED = {"paragraphs": ("polarity", "subjectivity"), "sentences": ("polarity", "subjectivity"),
          "quotes": ("polarity", "subjectivity"), "entities": ("polarity",),
          "speakers": ("polarity", "subjectivity", "polarity_min", "polarity_max")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = {"paragraphs": ("article", "kind", "text"), "sentences": ("article", "text"),
                "quotes": ("article", "quote", "kind", "speaker", "cue")}
QUOTE_KINDS = ("direct", "mixed", "indirect")
STORY = ("Harbour Bridge Vote\n\n"
         "“We will appeal the ruling,” Mayor Ana Ruiz said on Monday.\n\n"
         "Tom Fox, who leads the opposition, said the plan was a terrible waste of money.\n")


# ---- invariants every Analysis keeps -------------------------------------------------

def assert_contract_columns(result) -> None:
    for table, columns in COLUMNS.items():
        assert tuple(getattr(result, table).columns[: len(columns)]) == columns, table


def assert_spans_slice_the_text(result) -> None:
    text = result.text
    for table, column in SPANNED.items():
        df = getattr(result, table)
        for start, end, value in zip(df["start"], df["end"], df[column]):
            assert 0 <= start < end <= len(text), (table, start, end, len(text))
            assert text[start:end] == value, (table, start, end)


def assert_speaker_spans_lie_in_text(result) -> None:
    q = result.quotes
    for start, end in zip(q["speaker_start"], q["speaker_end"]):
        assert pd.isna(start) == pd.isna(end), (start, end)
        if not pd.isna(start):
            assert 0 <= start <= end <= len(result.text), (start, end)


def assert_numbering_is_consistent(result) -> None:
    paragraphs, sentences = result.paragraphs, result.sentences
    assert list(paragraphs["paragraph"]) == list(range(len(paragraphs)))
    assert list(sentences["sentence"]) == list(range(len(sentences)))
    assert sentences["paragraph"].is_monotonic_increasing and sentences["start"].is_monotonic_increasing
    assert all(a <= b for a, b in zip(paragraphs["end"], paragraphs["start"][1:])), "paragraphs overlap"
    assert set(paragraphs["kind"]) <= set(KINDS)
    assert set(result.quotes["kind"]) <= set(QUOTE_KINDS)


def assert_rows_lie_in_their_paragraph(result) -> None:
    spans = dict(zip(result.paragraphs["paragraph"], zip(result.paragraphs["start"], result.paragraphs["end"])))
    for table in ("sentences", "mentions", "quotes"):
        df = getattr(result, table)
        for p, start, end in zip(df["paragraph"], df["start"], df["end"]):
            assert p in spans and spans[p][0] <= start and end <= spans[p][1], (table, p, start, end)


def assert_mentions_lie_in_their_sentence(result) -> None:
    s = result.sentences.set_index("sentence")
    for p, n, start, end in zip(*(result.mentions[c] for c in ("paragraph", "sentence", "start", "end"))):
        assert n in s.index, (n, start, end)
        assert s.at[n, "paragraph"] == p and s.at[n, "start"] <= start and end <= s.at[n, "end"], (n, start, end)


def assert_scores_in_range(result) -> None:
    for table, columns in SCORED.items():
        df = getattr(result, table)
        for col in columns:
            low = 0.0 if col == "subjectivity" else -1.0
            assert df[col].between(low, 1.0).all(), (table, col, list(df[col]))


def assert_counts_agree(result) -> None:
    paragraphs, mentions, quotes = result.paragraphs, result.mentions, result.quotes
    assert list(paragraphs["entities"]) == [int((mentions["paragraph"] == p).sum()) for p in paragraphs["paragraph"]]
    assert list(paragraphs["quotes"]) == [int((quotes["paragraph"] == p).sum()) for p in paragraphs["paragraph"]]
    entities = result.entities
    assert dict(zip(entities["entity"], entities["mentions"])) == mentions["entity"].value_counts().to_dict()
    assert_speaker_counts_match_quotes(result)


def assert_speaker_counts_match_quotes(result) -> None:
    kind = dict(zip(result.paragraphs["paragraph"], result.paragraphs["kind"]))
    q = result.quotes
    counted = q[(q["speaker"].fillna("") != "") & q["paragraph"].map(kind).isin(TONE_KINDS)]
    speakers = result.speakers
    assert dict(zip(speakers["speaker"], speakers["quotes"])) == counted["speaker"].value_counts().to_dict()


def assert_csv_cells_cannot_run(result) -> None:
    for table, columns in TEXT_COLUMNS.items():
        for row in csv.DictReader(io.StringIO(csv_bytes(getattr(result, table)).decode("utf-8"), newline="")):
            assert not any(row[c].startswith(FORMULA_START) for c in columns), (table, row)


def assert_invariants(result) -> None:
    assert_contract_columns(result)
    assert_spans_slice_the_text(result)
    assert_speaker_spans_lie_in_text(result)
    assert_numbering_is_consistent(result)
    assert_rows_lie_in_their_paragraph(result)
    assert_mentions_lie_in_their_sentence(result)
    assert_scores_in_range(result)
    assert_counts_agree(result)
