"""Fine-tuning transformer layers over the shared encoder's vectors (training only: needs torch,
the ``tune`` extra, which inference never imports).

The shared encoder runs the first layers of all-MiniLM-L6-v2 (``EncoderSpec.layers``); a task
that wants more than frozen vectors fine-tunes the next layer(s), initialised from the same
model's own weights, with mean pooling and one linear output per class, over the word-piece
vectors the encoder already gave (``Encoding.vectors``, special tokens left out). The weights
it learns are exported under the encoder's own names and run at inference by
``encoder.tuned.TunedLayers`` through ONNX Runtime, int8 like the encoder.

Deterministic for a given torch build: fixed seeds, the threads set by the caller, batches
drawn from a seeded generator.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import torch
import torch.nn.functional as F
from safetensors.numpy import load_file
from torch import nn

from presslens.encoder.store import EncoderSpec


def pretrained_weights(spec: EncoderSpec | None = None) -> dict[str, np.ndarray]:
    return dict(load_file(str((spec or EncoderSpec()).model_dir() / "model.safetensors")))


class Layer(nn.Module):
    """One BERT layer (post-norm, exact GELU) with the weights under ``prefix``."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str, width: int, heads: int) -> None:
        super().__init__()
        self.width, self.heads = width, heads

        def tensor(name: str) -> torch.Tensor:
            return torch.tensor(weights[prefix + name].copy())

        def linear(name: str) -> nn.Linear:
            weight = tensor(name + ".weight")
            layer = nn.Linear(weight.shape[1], weight.shape[0])
            layer.weight.data, layer.bias.data = weight, tensor(name + ".bias")
            return layer

        def norm(name: str) -> nn.LayerNorm:
            layer = nn.LayerNorm(width, eps=1e-12)
            layer.weight.data, layer.bias.data = tensor(name + ".weight"), tensor(name + ".bias")
            return layer

        self.query, self.key = linear("attention.self.query"), linear("attention.self.key")
        self.value, self.attended = linear("attention.self.value"), linear("attention.output.dense")
        self.norm1, self.norm2 = norm("attention.output.LayerNorm"), norm("output.LayerNorm")
        self.up, self.down = linear("intermediate.dense"), linear("output.dense")

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, length, _ = x.shape
        size = self.width // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, self.heads, size).transpose(1, 2)

        scores = split(self.query(x)) @ split(self.key(x)).transpose(-1, -2) / math.sqrt(size)
        scores = scores + (1 - mask[:, None, None, :]) * -1e4
        context = (scores.softmax(-1) @ split(self.value(x))).transpose(1, 2).reshape(batch, length, self.width)
        x = self.norm1(self.attended(context) + x)
        return self.norm2(self.down(F.gelu(self.up(x))) + x)

    def exported(self, prefix: str) -> dict[str, np.ndarray]:
        """The weights under the encoder's own names (``prefix`` + "attention.self.query.weight" ...)."""
        parts: dict[str, nn.Linear | nn.LayerNorm] = {"attention.self.query": self.query, "attention.self.key": self.key,
                 "attention.self.value": self.value, "attention.output.dense": self.attended,
                 "attention.output.LayerNorm": self.norm1, "intermediate.dense": self.up,
                 "output.dense": self.down, "output.LayerNorm": self.norm2}
        out: dict[str, np.ndarray] = {}
        for name, module in parts.items():
            out[f"{prefix}{name}.weight"] = module.weight.detach().numpy().astype(np.float32)
            out[f"{prefix}{name}.bias"] = module.bias.detach().numpy().astype(np.float32)
        return out


class TunedLayers(nn.Module):
    """Layers ``first`` .. ``first + count - 1`` of the pretrained encoder over its vectors, mean
    pooling over the sentence's pieces, a linear output per class. ``embed`` (experiments only:
    ``scripts/finetune_ceiling.py --full``): the embeddings first, word-piece ids in, so that
    ``first=0`` fine-tunes the whole encoder."""

    def __init__(self, first: int, count: int, outputs: int,
                 weights: dict[str, np.ndarray] | None = None, width: int = 384, heads: int = 12,
                 embed: bool = False) -> None:
        super().__init__()
        weights = weights if weights is not None else pretrained_weights()
        self.first = first
        self.embed = embed
        if embed:
            self.words = nn.Embedding.from_pretrained(
                torch.tensor(weights["embeddings.word_embeddings.weight"].copy()), freeze=False)
            self.positions = nn.Parameter(torch.tensor(weights["embeddings.position_embeddings.weight"].copy()))
            self.segment = nn.Parameter(torch.tensor(weights["embeddings.token_type_embeddings.weight"][0].copy()))
            self.norm = nn.LayerNorm(width, eps=1e-12)
            self.norm.weight.data = torch.tensor(weights["embeddings.LayerNorm.weight"].copy())
            self.norm.bias.data = torch.tensor(weights["embeddings.LayerNorm.bias"].copy())
        self.layers = nn.ModuleList([Layer(weights, f"encoder.layer.{first + i}.", width, heads)
                                     for i in range(count)])
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(width, outputs)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        if self.embed:
            x = self.norm(self.words(x) + self.positions[: x.shape[1]][None] + self.segment)
        for layer in self.layers:
            x = layer(x, mask)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1)
        logits: torch.Tensor = self.head(self.dropout(pooled))
        return logits

    def exported(self) -> dict[str, np.ndarray]:
        """Every weight as ``encoder.tuned.TunedLayers`` reads it: the layers under
        "layer.{i}." in order, the output under "output.weight" / "output.bias"."""
        out: dict[str, np.ndarray] = {}
        for i, layer in enumerate(self.layers):
            assert isinstance(layer, Layer)
            out |= layer.exported(f"layer.{i}.")
        out["output.weight"] = self.head.weight.detach().numpy().astype(np.float32)
        out["output.bias"] = self.head.bias.detach().numpy().astype(np.float32)
        return out


def _batch(rows: Sequence[np.ndarray], index: Sequence[int], width: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Rows of vectors ([pieces, width]) or of word-piece ids ([pieces]), padded."""
    length = max(1, max(len(rows[i]) for i in index))
    ids = rows[index[0]].ndim == 1
    x = np.zeros((len(index), length) if ids else (len(index), length, width),
                 np.int64 if ids else np.float32)
    mask = np.zeros((len(index), length), np.float32)
    for j, i in enumerate(index):
        x[j, : len(rows[i])] = rows[i]
        mask[j, : len(rows[i])] = 1
    return torch.tensor(x), torch.tensor(mask)


def fit(model: TunedLayers, rows: Sequence[np.ndarray], y: np.ndarray, chosen: np.ndarray,
        epochs: int, rate: float, head_rate: float = 2e-3, size: int = 16,
        pos_weight: torch.Tensor | None = None) -> None:
    """Multi-label binary cross-entropy; AdamW, the layers at ``rate`` and the output at
    ``head_rate`` (one rate for both let a token tagger collapse: the issue's advice), linear
    warm-up (6%) and decay; batches of similar length, in seeded random order."""
    rng = np.random.default_rng(0)
    width = model.head.in_features
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
                x, mask = _batch(rows, batches[k], width)
                out = model(x, mask)
                loss = F.binary_cross_entropy_with_logits(out.reshape(target[batches[k]].shape),
                                                          target[batches[k]], pos_weight=pos_weight)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
    model.eval()


def torch_logits(model: TunedLayers, rows: Sequence[np.ndarray], index: Sequence[int]) -> np.ndarray:
    """The model's logits for ``rows[index]`` in float32 (training's reading; inference reads
    the exported weights through ``encoder.tuned``)."""
    model.eval()
    order = sorted(index, key=lambda i: len(rows[i]))
    out = np.zeros((len(index), model.head.out_features), np.float32)
    where = {i: k for k, i in enumerate(index)}
    with torch.no_grad():
        for start in range(0, len(order), 128):
            part = order[start : start + 128]
            z = model(*_batch(rows, part, model.head.in_features)).numpy()
            for k, i in enumerate(part):
                out[where[i]] = z[k]
    return out


def class_weights(y: np.ndarray, cap: float = 50.0) -> torch.Tensor:
    """√ of each class's negatives per positive, between 1 and ``cap``: rare labels weigh more,
    not as much as their rarity."""
    share = y.mean(axis=0)
    return torch.tensor(np.sqrt(np.clip((1 - share) / np.maximum(share, 1e-3), 1, cap)),
                        dtype=torch.float32)
