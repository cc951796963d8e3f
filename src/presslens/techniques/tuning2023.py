"""The techniques' fine-tuned layer: ``presslens train techniques2023 --tune-layers N``.

The layer(s) after the shared encoder's last, initialised from all-MiniLM-L6-v2's own weights,
fine-tuned over the encoder's word-piece vectors of the training sentences (the articles' and
the written ones) with mean pooling and one sigmoid per label (``encoder.finetune``; needs torch,
the ``tune`` extra). Its out-of-fold logits, read as inference reads them (the exported weights,
int8, through ``encoder.tuned``), join the stack of the sentence and lexical heads, so the
stack's weights and the thresholds are chosen on what ships.

Chosen by the cross-validation of the training articles (``scripts/finetune_ceiling.py``,
README): one layer, four epochs, layer rate 1e-4, output rate 2e-3, √ class weights.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from presslens.encoder import EncoderSpec, Encoding
from presslens.encoder.fitting import SEED
from presslens.encoder.tuned import TunedLayers

NAME = "techniques"


class TorchMissing(RuntimeError):
    """Fine-tuning was asked for and torch is not installed."""


@dataclass(frozen=True)
class TuneSettings:
    layers: int = 1  # fine-tuned, from the layer after the shared encoder's last
    epochs: int = 4
    rate: float = 1e-4  # the layers'; the output's is encoder.finetune.fit's head_rate
    threads: int = 2  # torch's, during training only

    def as_meta(self) -> dict[str, object]:
        return {"layers": self.layers, "first_layer": EncoderSpec().layers, "epochs": self.epochs,
                "rate": self.rate, "pooling": "mean", "class_weights": "sqrt", "seed": SEED}


def require_torch() -> None:
    """Raise ``TorchMissing`` unless torch can be imported (before any long work starts)."""
    try:
        import torch  # noqa: F401
    except ImportError as err:
        raise TorchMissing("needs torch: pip install -e '.[tune]' (README: training)") from err


def fit_tuned(encodings: Sequence[Encoding], y: np.ndarray, chosen: np.ndarray,
              labels: Sequence[str], settings: TuneSettings) -> TunedLayers:
    """The layer(s) fine-tuned on the rows ``chosen``, exported as inference runs them."""
    require_torch()
    import torch

    from presslens.encoder.finetune import TunedLayers as TorchLayers
    from presslens.encoder.finetune import class_weights, fit
    first = EncoderSpec().layers
    if first is None:
        raise ValueError("the shared encoder runs every layer: none is left to fine-tune")
    torch.manual_seed(SEED)
    torch.set_num_threads(settings.threads)
    model = TorchLayers(first, settings.layers, len(labels))
    fit(model, [e.vectors for e in encodings], y.astype(np.float32), chosen, settings.epochs,
        settings.rate, pos_weight=class_weights(y[chosen]))
    return TunedLayers.of(NAME, labels, model.exported())


def tuned_out_of_fold(encodings: Sequence[Encoding], y: np.ndarray, folds: np.ndarray,
                      labels: Sequence[str], settings: TuneSettings,
                      progress: Callable[[str], None] = lambda _: None) -> np.ndarray:
    """[rows, labels]: each row's logits from the layer fine-tuned on the other folds' rows."""
    out = np.zeros((len(encodings), len(labels)), dtype=np.float32)
    for fold in range(int(folds.max()) + 1):
        inside = np.flatnonzero(folds == fold)
        tuned = fit_tuned(encodings, y, np.flatnonzero(folds != fold), labels, settings)
        out[inside] = tuned.logits([encodings[int(i)] for i in inside])
        progress(f"fine-tuned layer: fold {fold + 1} of {int(folds.max()) + 1}")
    return out


def tuned_versions() -> dict[str, str]:
    """torch's version beside the libraries ``encoder.fitting.library_versions`` records."""
    import importlib.metadata

    try:
        return {"torch": importlib.metadata.version("torch")}
    except importlib.metadata.PackageNotFoundError:
        return {"torch": "missing"}
