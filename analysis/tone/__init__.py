"""Tone from a news-tuned model: toward a person or organisation in a sentence, and of a text.

The model (made by `train.py` in this folder, scores in `model/card.json`) is
all-MiniLM-L6-v2 fine-tuned on NewsMTSC, run as int8 ONNX with onnxruntime and the
`tokenizers` WordPiece tokenizer: no torch, no network. Each distinct text is encoded
once; every target in it is classified from the encoder's token states by a linear head
over [mean of the target's tokens; mean of the text's tokens], and a second head reads
the text's own tone (what a speaker says) from the mean alone.

A tone is a label (the most probable of negative, neutral, positive) and a score in
-1..1: P(positive) - P(negative). What a speaker says is read as one text, all their
quotes together (`of_whole`): a stance is often clear only from the whole ("I'm happy for
the shareholders. But this town ..."). Other groups of tones (a paragraph's sentences, an
entity's mentions) score their mean, labelled by `group_label`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

LABELS = ("negative", "neutral", "positive")
MODEL_DIR = Path(__file__).resolve().parent / "model"
# The encoder saw sentences of up to 128 tokens in training; longer texts are cut here.
MAX_TOKENS = 256
# Readings of whole texts kept per process, so a quote read for its own row is not read
# again for its sentence or its speaker.
REMEMBERED = 4096
# Distinct texts encoded together before their token states are reduced and let go.
READ_CHUNK = 256
# A mean score (a paragraph's sentences, an entity's mentions) at or beyond this reads
# negative or positive. Single readings (a sentence, a quote, a speaker's quotes read as
# one) take the model's most probable label instead.
GROUP_THRESHOLD = 0.2


@dataclass(frozen=True)
class Tone:
    label: str
    score: float


NEUTRAL = Tone("neutral", 0.0)


def group_label(score: float, threshold: float = GROUP_THRESHOLD) -> str:
    """The label of a mean score: negative, neutral or positive."""
    return "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"


def _probabilities(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def _tones(p: np.ndarray) -> list[Tone]:
    """A Tone per row of probabilities (negative, neutral, positive)."""
    return [Tone(LABELS[k], round(float(s), 4)) for k, s in zip(p.argmax(axis=1), p[:, 2] - p[:, 0])]


class ToneModel:
    """The shipped encoder and heads. Thread-safe for concurrent calls (onnxruntime is)."""

    def __init__(self, folder: Path = MODEL_DIR, *, encoder: str = "encoder.onnx", threads: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        # Texts are short and each runs alone, so one thread per run, and as many runs at
        # once as there are threads: 1.7x on two cores, where two threads inside one run
        # of a 30-token sentence gave 1.1x.
        self.threads = max(1, threads or int(os.environ.get("NEWS_READER_TONE_THREADS", "0")) or os.cpu_count() or 1)
        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(folder / encoder), options,
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        heads = np.load(folder / "heads.npz")
        self.target_w, self.target_b = heads["target_w"], heads["target_b"]
        self.text_w, self.text_b = heads["text_w"], heads["text_b"]
        self._read: dict[str, tuple[np.ndarray, int]] = {}  # text -> (text-head probabilities, tokens)

    def forget(self) -> None:
        """Drop the remembered readings (benchmarks time a new article's full cost)."""
        self._read.clear()

    def _remember(self, text: str, p: np.ndarray, tokens: int) -> None:
        if len(self._read) >= REMEMBERED:
            self._read.clear()
        self._read[text] = (p, tokens)

    def _tokens(self, texts: Sequence[str]) -> list:
        """Each text's tokens, one text after another. `encode_batch` would spread a batch
        over every core's thread, which then spin while the encoder runs: a quarter more CPU
        for the tokens, and on a worker that should keep to one core, a share of the others'."""
        return [self.tokenizer.encode(text) for text in texts]

    def _encode(self, texts: Sequence[str]) -> tuple[list[np.ndarray], list[list[tuple[int, int]]]]:
        """Token states (tokens x hidden, [CLS] and [SEP] included) and character offsets
        of each text. Each text runs alone: the int8 encoder scales its activations over a
        whole batch, so a text in a batch would score a little differently with different
        company, and without padding a lone text costs about as much."""
        encodings = self._tokens(texts)

        def run(e) -> np.ndarray:
            ids = np.asarray([e.ids], dtype=np.int64)
            return self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]

        if self.threads > 1 and len(encodings) > 1:
            with ThreadPoolExecutor(min(self.threads, len(encodings))) as pool:
                states = list(pool.map(run, encodings, chunksize=1))
        else:
            states = [run(e) for e in encodings]
        return states, [e.offsets for e in encodings]

    def read(self, texts: Sequence[str], targets: Iterable[tuple[int, int, int]] = ()
             ) -> tuple[list[Tone], list[Tone]]:
        """The tone of each text, and toward each target (text index, start, end: the
        target's character span in that text, end exclusive), with one pass of the encoder
        per distinct text. Blank text, and a target the tokenizer cannot see (blank, or cut off
        past MAX_TOKENS), are neutral."""
        texts, targets = list(texts), list(targets)
        text_tones, target_tones = [NEUTRAL] * len(texts), [NEUTRAL] * len(targets)
        distinct: dict[str, int] = {}
        slot = {i: distinct.setdefault(t, len(distinct)) for i, t in enumerate(texts) if t.strip()}
        if not distinct:
            return text_tones, target_tones
        aimed: dict[int, dict[tuple[int, int], list[int]]] = {}  # distinct text -> span -> targets
        for k, (i, start, end) in enumerate(targets):
            if i in slot:
                aimed.setdefault(slot[i], {}).setdefault((start, end), []).append(k)
        order = list(distinct)
        means, lengths, features, found = [], [], [], []
        # A chunk at a time: token states take 1.5 kB a token, 660 MB for a 1 MB article
        # read in one go; only their means and the targets' tones are kept.
        for first in range(0, len(order), READ_CHUNK):
            states, offsets = self._encode(order[first:first + READ_CHUNK])
            for d, (state, offs) in enumerate(zip(states, offsets), start=first):
                means.append(state.mean(axis=0))
                lengths.append(len(state))
                for (start, end), ks in aimed.get(d, {}).items():
                    pos = [j for j, (a, b) in enumerate(offs) if b > a and a < end and b > start]
                    if pos:
                        features.append(np.concatenate([state[pos].mean(axis=0), means[d]]))
                        found.append(ks)
                    if len(features) >= READ_CHUNK:
                        self._aim(features, found, target_tones)
            self._aim(features, found, target_tones)
        p = self._text_probabilities(np.stack(means))
        tones = _tones(p)
        for d, text in enumerate(order):
            self._remember(text, p[d], lengths[d])
        for i, d in slot.items():
            text_tones[i] = tones[d]
        return text_tones, target_tones

    def _aim(self, features: list[np.ndarray], found: list[list[int]], tones: list[Tone]) -> None:
        """Set the tone of each target in `found` from its features, then empty both lists."""
        if features:
            for ks, tone in zip(found, _tones(_probabilities(np.stack(features) @ self.target_w + self.target_b))):
                for k in ks:
                    tones[k] = tone
        features.clear()
        found.clear()

    def _text_probabilities(self, means: np.ndarray) -> np.ndarray:
        return _probabilities(means @ self.text_w + self.text_b)

    def of_whole(self, texts: Sequence[str]) -> Tone:
        """The tone of several texts read as one (all a speaker says in an article, in
        order): one passage where they fit in MAX_TOKENS, else consecutive passages whose
        probabilities are averaged by their length in tokens. Blank: neutral. A passage
        this model has already read (a lone quote, read for its own row) is not read again."""
        texts = [t.strip() for t in texts if t and t.strip()]
        if not texts:
            return NEUTRAL
        budget = MAX_TOKENS - 2  # [CLS] and [SEP]
        lengths = [len(e.ids) - 2 for e in self._tokens(texts)]
        passages, current, used = [], [], 0
        for text, n in zip(texts, lengths):
            if current and used + n > budget:
                passages.append(" ".join(current))
                current, used = [], 0
            current.append(text)
            used += n
        passages.append(" ".join(current))
        found = {t: self._read.get(t) for t in passages}
        new = [t for t, known in found.items() if known is None]
        if new:
            states, _ = self._encode(new)
            rows = self._text_probabilities(np.stack([s.mean(axis=0) for s in states]))
            for text, state, row in zip(new, states, rows):
                found[text] = (row, len(state))
                self._remember(text, row, len(state))
        p = np.stack([found[t][0] for t in passages])
        weights = np.array([found[t][1] for t in passages], dtype=float)
        return _tones((weights @ p / weights.sum())[None, :])[0]

    def toward(self, items: Iterable[tuple[str, int, int]]) -> list[Tone]:
        """The tone toward each target: (text, start, end), the target's character span
        in the text, end exclusive; each distinct text is encoded once."""
        items = list(items)
        index: dict[str, int] = {}
        targets = [(index.setdefault(text, len(index)), start, end) for text, start, end in items]
        return self.read(list(index), targets)[1]

    def of_text(self, texts: Iterable[str]) -> list[Tone]:
        """The tone of each text itself (what a speaker says)."""
        return self.read(list(texts))[0]


@lru_cache(maxsize=1)
def load_tone_model() -> ToneModel:
    """The shipped model, loaded once per process."""
    return ToneModel()


def tone_toward(items: Iterable[tuple[str, int, int]]) -> list[Tone]:
    """The tone toward each target, in order: items are (sentence, start, end), the
    target's character span in the sentence (end exclusive). Each result has `.label`
    (negative, neutral, positive) and `.score` (-1..1)."""
    return load_tone_model().toward(items)


def tone_of(texts: Iterable[str]) -> list[Tone]:
    """The tone of each text (a quote: what was said), in order."""
    return load_tone_model().of_text(texts)
