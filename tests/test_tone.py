"""The news tone model: its public function, its columns in every table, and its scores."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import analysis
from analysis import analyze, tone_toward
from analysis.tone import LABELS, MODEL_DIR, NEUTRAL, ToneModel, group_label, load_tone_model
from analysis.tone.columns import counts, summary

from .conftest import ROOT, SHARED

NEWSMTSC_DEV = SHARED / "data" / "newsmtsc" / "dev.jsonl"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def test_tone_toward_answers_in_order_with_a_label_and_a_score():
    sentence = "Critics accused Mayor Jane Doe of wasting millions, while residents praised Tom Hale's work."
    doe, hale = sentence.index("Jane Doe"), sentence.index("Tom Hale")
    tones = tone_toward([(sentence, doe, doe + 8), (sentence, hale, hale + 8), (sentence, doe, doe + 8)])
    assert [t.label for t in tones] == ["negative", "positive", "negative"]
    assert tones[0] == tones[2]
    assert all(-1 <= t.score <= 1 for t in tones)
    assert tones[0].score < 0 < tones[1].score


def test_tone_toward_nothing_is_empty_and_unseen_targets_are_neutral():
    assert tone_toward([]) == []
    long = "word " * 400 + "Smith"
    tones = tone_toward([("   ", 0, 2), (long, len(long) - 5, len(long)), ("Smith spoke.", 50, 60)])
    assert tones == [NEUTRAL, NEUTRAL, NEUTRAL]


def test_every_sentence_is_encoded_once_whatever_its_targets(monkeypatch):
    model = load_tone_model()
    rows = []
    run = model.session.run

    def counting(names, feeds):
        rows.append(len(feeds["input_ids"]))
        return run(names, feeds)

    monkeypatch.setattr(model.session, "run", counting)
    a = "Ann Lee thanked Bob Marr and Cy Dunn for their help."
    b = "Dee Fox resigned."
    model.toward([(a, 0, 7), (a, 16, 24), (a, 29, 36), (b, 0, 7)])
    assert sum(rows) == 2


def test_a_text_given_many_times_is_encoded_once(monkeypatch):
    model = load_tone_model()
    runs = []
    run = model.session.run
    monkeypatch.setattr(model.session, "run", lambda names, feeds: runs.append(1) or run(names, feeds))
    same = "Word."  # a list of 'Word.' paragraphs once cost one encoder run each
    tones, toward = model.read([same, "", same, "Dee Fox resigned.", same], [(0, 0, 4), (4, 0, 4)])
    assert len(runs) == 2
    assert tones[0] == tones[2] == tones[4] and tones[1] == NEUTRAL and toward[0] == toward[1]


def test_texts_read_on_several_threads_score_as_on_one():
    texts = ["The plan ignores every family on this street.", "Dee Fox resigned.", "Prices fell sharply.",
             "“We are delighted,” the mayor said.", "A fine day for the harbour."] * 3
    one, two = ToneModel(threads=1), ToneModel(threads=2)
    assert two.threads == 2 and one.of_text(texts) == two.of_text(texts)


class _OneAtATime:
    """A tokenizer that refuses batches: encode_batch fans out to a thread per core."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, text):
        return self.tokenizer.encode(text)

    def encode_batch(self, texts):
        raise AssertionError("encode_batch spreads over every core")


def test_texts_are_tokenized_on_the_reading_thread_alone():
    texts = ["Dee Fox resigned.", "“We are delighted,” the mayor said.", "Prices fell sharply."]
    model = ToneModel(threads=1)
    expected = (model.read(texts, [(0, 0, 7)]), model.of_whole(texts))
    model.forget()
    model.tokenizer = _OneAtATime(model.tokenizer)
    assert (model.read(texts, [(0, 0, 7)]), model.of_whole(texts)) == expected


def test_a_long_article_is_read_a_chunk_at_a_time_with_the_same_tones(monkeypatch):
    """Token states are let go chunk by chunk (a 1 MB article held 660 MB of them at once)."""
    model = ToneModel(threads=1)
    texts = ["Ann Lee thanked Bob Marr for his help.", "Dee Fox resigned in disgrace.", "Prices fell.",
             "The mayor praised the volunteers.", "Critics attacked Ann Lee over the plan."]
    targets = [(0, 0, 7), (0, 16, 24), (1, 0, 7), (3, 4, 9), (4, 22, 29)]
    whole = model.read(texts, targets)
    sizes = []
    encode = model._encode
    monkeypatch.setattr(model, "_encode", lambda chunk: sizes.append(len(chunk)) or encode(chunk))
    monkeypatch.setattr(analysis.tone, "READ_CHUNK", 2)
    assert model.read(texts, targets) == whole and sizes == [2, 2, 1]


def test_a_text_already_read_is_not_read_again_as_a_whole(monkeypatch):
    model = load_tone_model()
    quote = "The plan ignores every family on this street and we will fight it."
    alone = model.of_text([quote])[0]
    runs = []
    run = model.session.run
    monkeypatch.setattr(model.session, "run", lambda names, feeds: runs.append(1) or run(names, feeds))
    assert model.of_whole([quote]) == alone and runs == []
    model.forget()
    assert model.of_whole([quote]) == alone and runs == [1]


def test_text_tone_reads_what_a_speaker_says():
    tones = load_tone_model().of_text([
        "This is a disgrace. The plan will destroy jobs and nobody listened to the families who live here.",
        "We are delighted. This is a wonderful day for the town and a great result for everyone.",
        "",
    ])
    assert [t.label for t in tones] == ["negative", "positive", "neutral"]


def test_group_label_and_summary():
    assert group_label(0.5) == "positive" and group_label(-0.5) == "negative" and group_label(0.0) == "neutral"
    assert summary([]) == {"tone": "neutral", "tone_score": 0.0}
    assert summary([-0.9, 0.1, 0.2]) == {"tone": "negative", "tone_score": -0.2}
    assert counts(["negative", "neutral", "negative"]) == {"negative": 2, "neutral": 1, "positive": 0}


def test_every_table_carries_valid_tone_columns(sample):
    for name in ("sentences", "paragraphs", "mentions", "quotes", "entities", "speakers"):
        df = getattr(sample, name)
        assert len(df), name
        assert set(df["tone"]) <= set(LABELS), name
        assert df["tone_score"].between(-1, 1).all(), name


def test_speaker_tone_reads_all_their_counted_quotes_as_one_text(sample):
    counted = set(sample.paragraphs.loc[sample.paragraphs["kind"].isin(analysis.TONE_KINDS), "paragraph"])
    quotes = sample.quotes[sample.quotes["paragraph"].isin(counted)]
    model = load_tone_model()
    for _, row in sample.speakers.iterrows():
        said = quotes.loc[quotes["speaker"] == row["speaker"], "quote"]
        whole = model.of_whole(list(said))
        assert (row["tone"], row["tone_score"]) == (whole.label, whole.score)


def test_a_speakers_stance_can_take_all_they_said():
    model = load_tone_model()
    whole = model.of_whole(["I'm glad for the owners,", "but forty families here just lost their only shop."])
    assert whole.label == "negative"
    assert model.of_whole([]) == NEUTRAL == model.of_whole(["  "])


def test_what_a_speaker_says_past_the_token_limit_still_counts():
    model = load_tone_model()
    praise = "This is wonderful news and we are delighted with the result."
    said = [praise] * 30 + ["This is a disgraceful, shameful betrayal and we will fight it."] * 30
    whole = model.of_whole(said)
    assert whole.label in LABELS and -1 <= whole.score <= 1
    assert model.of_whole([praise] * 30).label == "positive"
    # the second half, past one passage's tokens, pulls the reading down
    assert whole.score < model.of_whole([praise] * 30).score - 0.3


def test_entity_tone_summarises_its_mentions(sample):
    for _, row in sample.entities.iterrows():
        assert row["tone"] == group_label(row["tone_score"])
        mine = sample.mentions[sample.mentions["entity"] == row["entity"]]
        assert row["negative"] + row["neutral"] + row["positive"] == row["mentions"] == len(mine)
        assert row["positive"] == (mine["tone"] == "positive").sum()
        assert row["tone_score"] == pytest.approx(mine["tone_score"].mean(), abs=1e-4)


def test_mention_tone_is_read_in_the_mentions_sentence(sample):
    sentences = sample.sentences.set_index("sentence")
    items, expected = [], []
    for _, m in sample.mentions.head(12).iterrows():
        s = sentences.loc[m["sentence"]]
        items.append((s["text"], m["start"] - s["start"], m["end"] - s["start"]))
        expected.append((m["tone"], m["tone_score"]))
    assert [(t.label, t.score) for t in tone_toward(items)] == expected


def test_quote_tone_is_the_tone_of_the_words_quoted(sample):
    got = load_tone_model().of_text(sample.quotes["quote"])
    assert [t.label for t in got] == list(sample.quotes["tone"])


def test_shipped_model_scores_newsmtsc_dev():
    """The bar the issue set: macro-F1 >= 0.78 on NewsMTSC's dev split, as shipped (int8)."""
    if not NEWSMTSC_DEV.exists():
        pytest.skip(f"NewsMTSC dev split not found at {NEWSMTSC_DEV}")
    items, gold = [], []
    for line in NEWSMTSC_DEV.open(encoding="utf-8"):
        d = json.loads(line)
        for t in d["targets"]:
            items.append((d["sentence_normalized"], t["from"], t["to"]))
            gold.append(POLARITY[float(t["polarity"])])
    pred = [t.label for t in tone_toward(items)]
    f1s = []
    for c in LABELS:
        tp = sum(g == p == c for g, p in zip(gold, pred))
        wrong = sum((g == c) != (p == c) for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + wrong))
    assert sum(f1s) / 3 >= 0.78


def test_model_ships_in_the_package_and_is_small():
    files = {p.name: p.stat().st_size for p in MODEL_DIR.iterdir()}
    assert {"encoder.onnx", "heads.npz", "tokenizer.json", "card.json"} <= set(files)
    assert files["encoder.onnx"] < 100 * 1024 * 1024


def test_analysis_runs_without_torch_or_network():
    code = ("import sys, socket\n"
            "class Offline(socket.socket):\n"
            "    def connect(self, *a):\n"
            "        raise OSError('the analysis tried to use the network')\n"
            "socket.socket = Offline\n"
            "from analysis import analyze\n"
            "a = analyze('Critics said the plan was a disaster, the mayor said.', 'x.txt')\n"
            "assert len(a.sentences) and 'torch' not in sys.modules and 'transformers' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_training_lines_do_not_echo_the_speaker_tone_gold():
    """The stance lines the text head learns from (analysis/tone/data) must hold no near-copy
    of a quote in bench/data/speaker_tone, or the gold would measure memory."""
    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z']+", text.lower()))

    gold = [words(q["text"]) for path in (ROOT / "bench" / "data" / "speaker_tone").glob("*.gold.json")
            for q in json.loads(path.read_text(encoding="utf-8"))["quotes"]]
    gold = [g for g in gold if len(g) >= 3]
    lines = [json.loads(line)["text"] for path in (MODEL_DIR.parent / "data").glob("quotes_*.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold) > 150 and len(lines) > 2000
    echoes = [line for line in lines for g in gold if len(words(line) & g) / len(words(line) | g) >= 0.3]
    assert echoes == []


def test_a_sentence_that_quotes_someone_takes_the_tone_of_the_quoted_words(nlp):
    text = ("Bridge vote\n\n"
            "\u201cIt is a terrible waste of money and a disaster for the neighbourhoods along the water,\u201d "
            "Becker said. The meeting ended at nine.")
    a = analyze(text, "becker.txt", nlp=nlp)
    quoted, plain = a.sentences.iloc[1], a.sentences.iloc[2]
    said = load_tone_model().of_whole([a.quotes.iloc[0]["quote"]])
    assert (quoted["tone"], quoted["tone_score"]) == (said.label, said.score) == ("negative", said.score)
    alone = load_tone_model().of_text([plain["text"]])[0]
    assert (plain["tone"], plain["tone_score"]) == (alone.label, alone.score)
