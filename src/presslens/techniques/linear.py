"""Linear models over hashed sparse ids plus dense features, trained with numpy alone.

``LinearModel`` scores rows given ``ids`` (n, k) bucket indices with ``vals`` (n, k) weights and
``dense`` (n, d) features. Training is mini-batch AdaGrad with lazy (touched-rows-only) updates of
the hashed table, on a fixed seed, so the same data gives the same weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

Loss = Literal["sigmoid", "softmax"]


@dataclass
class LinearModel:
    table: np.ndarray  # (2**bits, C) float32
    dense_w: np.ndarray  # (d, C)
    bias: np.ndarray  # (C,)
    dense_mean: np.ndarray  # (d,)
    dense_scale: np.ndarray  # (d,)

    def logits(self, ids: np.ndarray, vals: np.ndarray | None, dense: np.ndarray) -> np.ndarray:
        gathered = self.table[ids]  # (n, k, C)
        sparse = gathered.sum(axis=1) if vals is None else np.einsum("nkc,nk->nc", gathered, vals)
        x = (dense - self.dense_mean) / self.dense_scale
        return sparse + x @ self.dense_w + self.bias

    def rounded(self) -> LinearModel:
        """The same model with float16-rounded weights (as shipped)."""
        return LinearModel(
            self.table.astype(np.float16).astype(np.float32),
            self.dense_w.astype(np.float16).astype(np.float32),
            self.bias.astype(np.float32),
            self.dense_mean.astype(np.float32),
            self.dense_scale.astype(np.float32),
        )


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def train_linear(
    ids: np.ndarray,
    vals: np.ndarray | None,
    dense: np.ndarray,
    targets: np.ndarray,
    *,
    bits: int,
    loss: Loss,
    n_classes: int,
    epochs: int = 4,
    batch: int = 1024,
    lr: float = 0.1,
    l2: float = 1e-5,
    pos_weight: float = 1.0,
    seed: int = 13,
) -> LinearModel:
    """Fit a model. ``targets``: (n, C) 0/1 for sigmoid, (n,) class numbers for softmax."""
    n, d = dense.shape
    mean = dense.mean(axis=0) if n else np.zeros(d, np.float32)
    scale = dense.std(axis=0) + 1e-3 if n else np.ones(d, np.float32)
    x_all = ((dense - mean) / scale).astype(np.float32)
    table = np.zeros((1 << bits, n_classes), dtype=np.float32)
    acc_table = np.full((1 << bits, n_classes), 1e-6, dtype=np.float32)
    dense_w = np.zeros((d, n_classes), dtype=np.float32)
    acc_dense = np.full((d, n_classes), 1e-6, dtype=np.float32)
    bias = np.zeros(n_classes, dtype=np.float32)
    acc_bias = np.full(n_classes, 1e-6, dtype=np.float32)
    if loss == "sigmoid":
        prior = np.clip(targets.mean(axis=0), 1e-4, 1 - 1e-4) if n else np.full(n_classes, 0.5)
        bias[:] = np.log(prior / (1 - prior))
    rng = np.random.default_rng(seed)
    k = ids.shape[1]
    for _epoch in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            rows = order[start : start + batch]
            b_ids = ids[rows]
            b_vals = None if vals is None else vals[rows]
            x = x_all[rows]
            gathered = table[b_ids]
            sparse = (
                gathered.sum(axis=1)
                if b_vals is None
                else np.einsum("nkc,nk->nc", gathered, b_vals)
            )
            z = sparse + x @ dense_w + bias
            if loss == "sigmoid":
                y = targets[rows].astype(np.float32)
                g = sigmoid(z) - y
                if pos_weight != 1.0:
                    g *= np.where(y > 0, pos_weight, 1.0)
            else:
                g = softmax(z)
                g[np.arange(len(rows)), targets[rows]] -= 1.0
            g = (g / len(rows)).astype(np.float32)
            flat = b_ids.ravel()
            uniq, inv = np.unique(flat, return_inverse=True)
            contrib = np.repeat(g, k, axis=0)
            if b_vals is not None:
                contrib *= b_vals.ravel()[:, None]
            g_table = np.zeros((len(uniq), n_classes), dtype=np.float32)
            np.add.at(g_table, inv, contrib)
            g_table += l2 * table[uniq]
            acc_table[uniq] += g_table**2
            table[uniq] -= lr * g_table / np.sqrt(acc_table[uniq])
            g_dense = x.T @ g + l2 * dense_w
            acc_dense += g_dense**2
            dense_w -= lr * g_dense / np.sqrt(acc_dense)
            g_bias = g.sum(axis=0)
            acc_bias += g_bias**2
            bias -= lr * g_bias / np.sqrt(acc_bias)
    return LinearModel(table, dense_w, bias, mean.astype(np.float32), scale.astype(np.float32))


def fit_platt(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-2, iters: int = 200) -> np.ndarray:
    """Logistic calibration: weights (d + 1,) of P(y=1 | x) by Newton's method (deterministic)."""
    xb = np.hstack([x, np.ones((len(x), 1))]).astype(np.float64)
    w = np.zeros(xb.shape[1])
    reg = l2 * np.eye(xb.shape[1])
    reg[-1, -1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg + 1e-9 * np.eye(xb.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def apply_platt(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    z = x @ w[:-1] + w[-1]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
