"""Training the learned check-worthiness head over the frozen shared encoder (CheckThat! 2024 Task 1
English).

``presslens train claims-learned --data DIR --out OUT`` reads
``CT24_checkworthy_english_{train,dev}.tsv`` by path and

1. splits train by sentence id: the latest debates (``LATEST_DEBATES_FROM`` and above) are the
   threshold-choosing split, the rest is fitted on. The CheckThat! test debates are later than
   every training debate; the random dev split shares its debates with train and flatters
   (F1 0.89 on dev against 0.61 on the test for the rule-era model);
2. encodes each sentence on its own with the shared encoder and takes the mean of its word-piece
   vectors (``Encoding.span`` over the whole text: what the pipeline takes over a claim's
   characters inside its sentence);
3. fits a one-hidden-layer perceptron (scikit-learn, fixed seed, early stopping) on the rest,
   and the rule-era n-gram recipe (``claims.train``) on the same rows;
4. averages the two logits (``HEAD_WEIGHT``), fits a Platt calibration of the mix on the latest
   debates and picks the F1-optimal probability threshold there.

Dev is never trained on: it only gives a figure at the chosen threshold.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.claims.features import BITS
from presslens.claims.train import (
    C_GRID,
    DEV_FILE,
    TRAIN_FILE,
    Example,
    _best_threshold,
    _cached_features,
    _fit_platt,
    _matrix,
    average_precision,
    positive_f1,
    read_tsv,
)
from presslens.claims.weights import ClaimModel, save_model, sigmoid
from presslens.encoder.fitting import (
    SEED,
    cached_matrix,
    encode_texts,
    file_digest,
    library_versions,
)
from presslens.encoder.heads import Head

HEAD_NAME = "checkworthy"
CLASSES = ("No", "Yes")
# Sentence ids of CheckThat! English follow the debates (ClaimBuster's numbering). From 29101 on
# they are the three 2016 presidential debates ("Well, thank you, Lester, and thanks to Hofstra"
# opens the first), the latest in train: 2,745 sentences (12% of train), none of them in dev (whose
# ids end at 29062).
LATEST_DEBATES_FROM = 29101
HIDDEN = 256
ALPHA = 1e-2
NGRAM_DIR = "ngram"  # the rule-era recipe refitted on the same rows, beside the head
# The claim logit is this mix of the head's and the n-gram model's logits. On the latest
# debates the mix beat either alone (F1 of the Yes class in the exploration: head 0.702, n-gram
# 0.676, mix 0.711), and on the development articles' top five (devset2 0.774 against 0.699).
HEAD_WEIGHT = 0.5


def is_latest_debate(sentence_id: str) -> bool:
    return sentence_id.isdigit() and int(sentence_id) >= LATEST_DEBATES_FROM


def piece_means(texts: Sequence[str]) -> np.ndarray:
    """The mean word-piece vector of each text, each encoded on its own."""
    encodings = encode_texts(texts, label="encoding CheckThat! sentences")
    rows = []
    for text in texts:
        vector = encodings[text].span(0, len(text))
        rows.append(vector if vector is not None else np.zeros(encodings[text].sentence.shape))
    return np.asarray(np.stack(rows), dtype=np.float32)


def _features(examples: Sequence[Example], cache: Path | None, key: str) -> np.ndarray:
    texts = [e.text for e in examples]
    return cached_matrix(cache, f"claims-{key}", lambda: piece_means(texts), texts)


def fit_binary_head(x: np.ndarray, labels: np.ndarray) -> Head:
    """A one-hidden-layer perceptron (ReLU, early stopping, fixed seed) as a two-class softmax
    ``Head`` (``fitting.fit_head`` is for three classes and more: scikit-learn gives a binary
    problem one logistic output, written here as the logits [0, z])."""
    from sklearn.neural_network import MLPClassifier

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=ALPHA, early_stopping=True,
                          random_state=SEED, max_iter=200)
    model.fit((x - mean) / scale, labels)
    w1, w2 = model.coefs_
    b1, b2 = model.intercepts_
    folded_w1 = (w1 / scale[:, None]).astype(np.float32)
    folded_b1 = (b1 - (mean / scale) @ w1).astype(np.float32)
    zeros = np.zeros_like(w2)
    return Head(HEAD_NAME, CLASSES, folded_w1, folded_b1,
                np.hstack([zeros, w2]).astype(np.float32),
                np.array([0.0, float(b2[0])], dtype=np.float32))


def head_logit(head: Head, x: np.ndarray) -> np.ndarray:
    """log(P(Yes) / P(No)) of each row, from the head as it reads back (float16 weights)."""
    p = np.clip(head.probabilities(x)[:, 1], 1e-4, 1 - 1e-4)
    return np.asarray(np.log(p / (1 - p)), dtype=np.float64)


def _reread(head: Head, folder: Path) -> Head:
    head.save(folder)
    return Head.load(folder, HEAD_NAME)


@dataclass(frozen=True)
class Figures:
    latest: dict[str, Any]
    dev: dict[str, Any]


def _split_figures(gold: np.ndarray, prob: np.ndarray, threshold: float) -> dict[str, Any]:
    return {
        "sentences": len(gold),
        "positives": int(gold.sum()),
        "yes": positive_f1(gold, (prob >= threshold).astype(int)).as_dict(),
        "average_precision": round(average_precision(gold, prob), 4),
    }


def _old_model_on(examples: Sequence[Example], cache: Path | None, tag: str) -> dict[str, Any]:
    """The rule-era model shipped in ``data/models/claims`` on a split, at its own threshold (it
    was fitted on 85% of all train, the latest debates included, so the figure is optimistic)."""
    from presslens.claims.weights import load_shipped_model

    model = load_shipped_model()
    if model is None:
        return {}
    ids, dense = _cached_features(examples, cache, tag)
    gold = np.array([e.label for e in examples])
    prob = np.array([model.probability(ids[i], dense[i]) for i in range(len(examples))])
    return _split_figures(gold, prob, model.threshold)


def fit_ngram_model(examples: Sequence[Example], fit: np.ndarray,
                    cache: Path | None) -> tuple[ClaimModel, list[np.ndarray], np.ndarray]:
    """The rule-era recipe (``claims.train``: logistic regression over hashed n-grams and spaCy
    counts, the same C) fitted on the rows ``fit`` only; with every example's features."""
    from sklearn.linear_model import LogisticRegression

    ids, dense = _cached_features(examples, cache, "train")
    gold = np.array([e.label for e in examples])
    mean, scale = dense[fit].mean(axis=0), dense[fit].std(axis=0) + 1e-3
    x = _matrix(ids, (dense - mean) / scale)
    clf = LogisticRegression(C=C_GRID[0], solver="liblinear", dual=False, max_iter=1000, tol=1e-4)
    clf.fit(x[np.flatnonzero(fit)], gold[fit])
    coef = np.asarray(clf.coef_[0], dtype=np.float64)
    model = ClaimModel(
        sparse_w=coef[: 1 << BITS].astype(np.float32),
        dense_w=coef[1 << BITS :].astype(np.float32),
        bias=float(clf.intercept_[0]),
        dense_mean=mean.astype(np.float32),
        dense_scale=scale.astype(np.float32),
        platt=np.array([1.0, 0.0]),
    ).rounded()
    return model, ids, dense


def _calibrated(logit: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Platt parameters, calibrated probabilities and the F1-optimal threshold on one split."""
    platt = _fit_platt(logit, gold.astype(np.float64))
    prob = sigmoid(platt[0] * logit + platt[1])
    return platt, prob, _best_threshold(gold, prob)


def train_learned_claims(data: Path, out: Path, cache: Path | None = None, command: str = "",
                         compare_old: bool = True) -> dict[str, Any]:
    """Fit, calibrate and write the head and ``meta.json`` to ``out``; return the figures."""
    train_path, dev_path = data / TRAIN_FILE, data / DEV_FILE
    examples = read_tsv(train_path)
    latest = np.array([is_latest_debate(e.sentence_id) for e in examples])
    if not latest.any() or latest.all():
        raise ValueError(f"no split at sentence id {LATEST_DEBATES_FROM} in {train_path}")
    gold = np.array([e.label for e in examples], dtype=np.int64)
    x = _features(examples, cache, "train")
    head = _reread(fit_binary_head(x[~latest], gold[~latest]), out)
    ngram, ids, dense = fit_ngram_model(examples, ~latest, cache)
    save_model(ngram, out / NGRAM_DIR)
    head_latest = head_logit(head, x[latest])
    ngram_latest = np.array([ngram.raw_logit(ids[i], dense[i]) for i in np.flatnonzero(latest)])
    # the two logits averaged with equal weights (not fitted on the latest debates: only the
    # calibration and the threshold are chosen there)
    platt, latest_prob, threshold = _calibrated(
        HEAD_WEIGHT * head_latest + (1 - HEAD_WEIGHT) * ngram_latest, gold[latest])
    figures: dict[str, Any] = {
        "latest_debates": _split_figures(gold[latest], latest_prob, threshold),
        "fitted_on": int((~latest).sum()),
    }
    for name, alone in (("head_alone", head_latest), ("ngram_alone", ngram_latest)):
        _, prob, th = _calibrated(alone, gold[latest])
        figures[f"latest_debates_{name}"] = _split_figures(gold[latest], prob, th)
    if dev_path.is_file():
        dev = read_tsv(dev_path)
        dev_ids, dev_dense = _cached_features(dev, cache, "CT24_checkworthy_english_dev")
        dev_logit = HEAD_WEIGHT * head_logit(head, _features(dev, cache, "dev")) + (
            1 - HEAD_WEIGHT
        ) * np.array([ngram.raw_logit(dev_ids[i], dev_dense[i]) for i in range(len(dev))])
        dev_gold = np.array([e.label for e in dev], dtype=np.int64)
        figures["dev"] = _split_figures(dev_gold, sigmoid(platt[0] * dev_logit + platt[1]),
                                        threshold)
    if compare_old:
        latest_examples = [e for e, is_latest in zip(examples, latest, strict=True) if is_latest]
        figures["old_model_latest_debates"] = _old_model_on(latest_examples, cache, "latest")
    meta = {
        "task": "check-worthiness of sentences (CLEF CheckThat! 2024 Task 1, English)",
        "command": command,
        "head": HEAD_NAME,
        "classes": list(CLASSES),
        "features": "head: mean word-piece vector of the shared encoder over the claim's "
                    "characters; ngram: the rule-era features (hashed n-grams, spaCy counts)",
        "learner": f"head: scikit-learn MLPClassifier ({HIDDEN} ReLU units, alpha {ALPHA}, early "
                   f"stopping, random_state {SEED}); ngram: LogisticRegression (liblinear, C "
                   f"{C_GRID[0]}); logit = {HEAD_WEIGHT} head + {1 - HEAD_WEIGHT} ngram",
        "head_weight": HEAD_WEIGHT,
        "split": f"fitted on train sentences with id < {LATEST_DEBATES_FROM}; calibrated and "
                 f"thresholded on ids >= {LATEST_DEBATES_FROM} (the 2016 debates); dev never "
                 "trained on",
        "platt": [round(float(v), 6) for v in platt],
        "threshold": threshold,
        "data": {
            "train_sha256": file_digest(train_path),
            "dev_sha256": file_digest(dev_path) if dev_path.is_file() else None,
        },
        "figures": figures,
        "versions": library_versions(),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n",
                                   encoding="utf-8")
    return figures
