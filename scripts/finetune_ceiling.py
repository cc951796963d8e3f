"""How far fine-tuning the shared encoder could take check-worthiness and techniques (a measure,
not a shipped model): the upper layers of all-MiniLM-L6-v2 (from layer 4 on, initialised from
its own weights) fine-tuned over the frozen int8 three-layer encoder's word-piece vectors, or the
whole fp32 encoder fine-tuned from word pieces (``--full``, claims only), beside the frozen heads
the default profile ships.

    python scripts/finetune_ceiling.py claims --data CHECKTHAT_DIR [--layers 1] [--full]
    python scripts/finetune_ceiling.py techniques --data SEMEVAL2023_EN_DIR --cache DIR [--layers 1]

Needs torch (`pip install torch`; not a presslens dependency). Claims: fitted on CheckThat!'s
train sentences with id < 29101, F1 of Yes at the best threshold on the latest debates (ids >=
29101, as ``presslens train claims-learned`` picks it). Techniques: the 4-fold cross-validation of
``presslens train techniques2023`` over the training articles (the held-out fifth is not read),
sentence probabilities only, and mixed with the lexical head as the shipped model mixes them.
Deterministic for a given torch build (fixed seeds, two threads).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors.numpy import load_file
from torch import nn

from presslens.encoder import EncoderSpec, load_encoder

WIDTH, HEADS = 384, 12
WEIGHTS = load_file(str(EncoderSpec().model_dir() / "model.safetensors"))


def _tensor(name: str) -> torch.Tensor:
    return torch.tensor(WEIGHTS[name].copy())


class Layer(nn.Module):
    """One BERT layer with the weights of ``encoder.layer.{number}``."""

    def __init__(self, number: int) -> None:
        super().__init__()
        prefix = f"encoder.layer.{number}."

        def linear(name: str) -> nn.Linear:
            weight = _tensor(prefix + name + ".weight")
            layer = nn.Linear(weight.shape[1], weight.shape[0])
            layer.weight.data, layer.bias.data = weight, _tensor(prefix + name + ".bias")
            return layer

        def norm(name: str) -> nn.LayerNorm:
            layer = nn.LayerNorm(WIDTH, eps=1e-12)
            layer.weight.data, layer.bias.data = _tensor(prefix + name + ".weight"), _tensor(prefix + name + ".bias")
            return layer

        self.query, self.key = linear("attention.self.query"), linear("attention.self.key")
        self.value, self.attended = linear("attention.self.value"), linear("attention.output.dense")
        self.norm1, self.norm2 = norm("attention.output.LayerNorm"), norm("output.LayerNorm")
        self.up, self.down = linear("intermediate.dense"), linear("output.dense")

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, length, _ = x.shape

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, HEADS, WIDTH // HEADS).transpose(1, 2)

        scores = split(self.query(x)) @ split(self.key(x)).transpose(-1, -2) / math.sqrt(WIDTH // HEADS)
        scores = scores + (1 - mask[:, None, None, :]) * -1e4
        context = (scores.softmax(-1) @ split(self.value(x))).transpose(1, 2).reshape(batch, length, WIDTH)
        x = self.norm1(self.attended(context) + x)
        return self.norm2(self.down(F.gelu(self.up(x))) + x)


class Model(nn.Module):
    """Layers ``first`` .. ``first + layers - 1``, mean pooling, a linear output per class;
    ``full``: the embeddings first, input word-piece ids instead of vectors."""

    def __init__(self, first: int, layers: int, outputs: int, full: bool = False) -> None:
        super().__init__()
        self.full = full
        if full:
            self.words = nn.Embedding.from_pretrained(_tensor("embeddings.word_embeddings.weight"), freeze=False)
            self.positions = nn.Parameter(_tensor("embeddings.position_embeddings.weight"))
            self.segment = nn.Parameter(_tensor("embeddings.token_type_embeddings.weight")[0])
            self.norm = nn.LayerNorm(WIDTH, eps=1e-12)
            self.norm.weight.data = _tensor("embeddings.LayerNorm.weight")
            self.norm.bias.data = _tensor("embeddings.LayerNorm.bias")
        self.layers = nn.ModuleList([Layer(first + i) for i in range(layers)])
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(WIDTH, outputs)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        if self.full:
            x = self.norm(self.words(x) + self.positions[: x.shape[1]][None] + self.segment)
        for layer in self.layers:
            x = layer(x, mask)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1)
        return self.head(self.dropout(pooled))


def _batch(rows: list[np.ndarray], index: list[int], full: bool) -> tuple[torch.Tensor, torch.Tensor]:
    length = max(1, max(len(rows[i]) for i in index))
    x = np.zeros((len(index), length) if full else (len(index), length, WIDTH),
                 np.int64 if full else np.float32)
    mask = np.zeros((len(index), length), np.float32)
    for j, i in enumerate(index):
        x[j, : len(rows[i])] = rows[i]
        mask[j, : len(rows[i])] = 1
    return torch.tensor(x), torch.tensor(mask)


def fit(model: Model, rows: list[np.ndarray], y: np.ndarray, chosen: np.ndarray, epochs: int,
        rate: float, head_rate: float = 2e-3, size: int = 16,
        pos_weight: torch.Tensor | None = None) -> None:
    """AdamW, linear warm-up (6%) and decay; batches of similar length in random order."""
    rng = np.random.default_rng(0)
    groups = [{"params": [p for n, p in model.named_parameters() if not n.startswith("head")], "lr": rate},
              {"params": list(model.head.parameters()), "lr": head_rate}]
    optimiser = torch.optim.AdamW(groups, weight_decay=0.01)
    steps = epochs * math.ceil(len(chosen) / size)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, s / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    target = torch.tensor(y, dtype=torch.float32)
    model.train()
    for _ in range(epochs):
        order = rng.permutation(chosen)
        for start in range(0, len(order), size * 50):
            pool = sorted(order[start : start + size * 50].tolist(), key=lambda i: len(rows[i]))
            batches = [pool[k : k + size] for k in range(0, len(pool), size)]
            for k in rng.permutation(len(batches)):
                x, mask = _batch(rows, batches[k], model.full)
                out = model(x, mask)
                loss = F.binary_cross_entropy_with_logits(out.reshape(target[batches[k]].shape),
                                                          target[batches[k]], pos_weight=pos_weight)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()


def logits(model: Model, rows: list[np.ndarray], index: list[int]) -> np.ndarray:
    model.eval()
    order = sorted(index, key=lambda i: len(rows[i]))
    out = np.zeros((len(index), model.head.out_features), np.float32)
    where = {i: k for k, i in enumerate(index)}
    with torch.no_grad():
        for start in range(0, len(order), 128):
            part = order[start : start + 128]
            z = model(*_batch(rows, part, model.full)).numpy()
            for k, i in enumerate(part):
                out[where[i]] = z[k]
    return out


def best_f1(gold: np.ndarray, score: np.ndarray) -> tuple[float, float]:
    """F1 of the positive class at its best threshold, and average precision."""
    order = np.argsort(-score, kind="stable")
    hits = np.cumsum(gold[order])
    f1 = 2 * hits / (np.arange(1, len(gold) + 1) + gold.sum())
    return float(f1.max()), float((hits / np.arange(1, len(gold) + 1))[gold[order] == 1].mean())


def claims(args: argparse.Namespace) -> None:
    from presslens.claims.learned_train import is_latest_debate
    from presslens.claims.train import TRAIN_FILE, read_tsv

    examples = read_tsv(args.data / TRAIN_FILE)
    if args.full:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(EncoderSpec().model_dir() / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(EncoderSpec().max_tokens)
        rows = [np.asarray(tokenizer.encode(e.text).ids) for e in examples]
    else:
        encoder = load_encoder()
        rows = [encoder.encode([e.text])[0].vectors for e in examples]
    gold = np.array([e.label for e in examples], dtype=np.float32)
    latest = np.array([is_latest_debate(e.sentence_id) for e in examples])
    torch.manual_seed(0)
    model = Model(0 if args.full else 3, 6 if args.full else args.layers, 1, full=args.full)
    fit(model, rows, gold, np.flatnonzero(~latest), args.epochs, args.rate, size=32)
    f1, ap = best_f1(gold[latest], logits(model, rows, np.flatnonzero(latest).tolist())[:, 0])
    print(f"latest debates: F1 of Yes at the best threshold {f1:.3f}, average precision {ap:.3f}")


def techniques(args: argparse.Namespace) -> None:
    from presslens.techniques.corpus2023 import encode_articles
    from presslens.techniques.labels import labels_2023
    from presslens.techniques.lexical import fit_lexical, fit_stack, stacked
    from presslens.techniques.semeval2023 import is_heldout, read_semeval2023
    from presslens.techniques.training2023 import FOLDS, _cross_validation, article_matrix, fold_of

    labels = labels_2023()
    train = [a for a in read_semeval2023(args.data, "all", labels) if not is_heldout(a.id)]
    encoded = encode_articles(train, args.cache)
    _, y, ids = article_matrix(train, encoded, labels)
    rows = [enc.vectors for article in encoded for enc in article.encodings]
    texts = [a.text[s:e] for a, enc in zip(train, encoded, strict=True) for s, e in enc.bounds]
    folds = np.array([fold_of(i) for i in ids])
    unseen = frozenset(label for j, label in enumerate(labels) if y[:, j].sum() == 0)
    score = _cross_validation(train, encoded, y, y[:0], labels, [])
    tuned = np.zeros(y.shape, np.float32)
    lexical = np.zeros(y.shape, np.float32)
    for fold in range(FOLDS):
        inside = folds == fold
        torch.manual_seed(0)
        model = Model(3, args.layers, len(labels))
        share = y[~inside].mean(axis=0)
        weight = np.sqrt(np.clip((1 - share) / np.maximum(share, 1e-3), 1, 50))  # √ class weights
        fit(model, rows, y.astype(np.float32), np.flatnonzero(~inside), args.epochs, args.rate,
            pos_weight=torch.tensor(weight, dtype=torch.float32))
        tuned[inside] = logits(model, rows, np.flatnonzero(inside).tolist())
        head = fit_lexical([t for t, i in zip(texts, inside, strict=True) if not i], y[~inside],
                           labels, 4.0, unseen, "sqrt")
        lexical[inside] = head.logits([t for t, i in zip(texts, inside, strict=True) if i])
        print(f"fold {fold + 1} of {FOLDS} done", flush=True)
    mixed = np.zeros_like(tuned)
    for fold in range(FOLDS):
        inside = folds == fold
        mixed[inside] = stacked(tuned[inside], lexical[inside],
                                fit_stack(tuned[~inside], lexical[~inside], y[~inside], labels, unseen))
    print("fine-tuned sentence head alone:", score(np.round(1 / (1 + np.exp(-tuned)), 4))[1])
    print("mixed with the lexical head:", score(mixed)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=("claims", "techniques"))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None, help="techniques: parsed articles")
    parser.add_argument("--layers", type=int, default=1, help="layers fine-tuned from layer 4 on")
    parser.add_argument("--full", action="store_true", help="claims: fine-tune all six layers")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--rate", type=float, default=None, help="the encoder layers' learning rate")
    args = parser.parse_args()
    torch.set_num_threads(2)
    if args.task == "claims":
        args.epochs, args.rate = args.epochs or 3, args.rate or 5e-5
        claims(args)
    else:
        args.epochs, args.rate = args.epochs or 4, args.rate or 1e-4
        techniques(args)


if __name__ == "__main__":
    main()
