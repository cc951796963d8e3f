"""Layers a task fine-tuned over the shared encoder, run at inference without torch.

``encoder.finetune`` (training, torch) fine-tunes the layer(s) after the encoder's last over
its word-piece vectors, with mean pooling and a linear output per class, and exports the
weights; here they are written into an ONNX graph (``graph.build_layers_graph``), their weight
products quantised to int8 as the encoder's are, and run one sentence per run over the vectors
the article's one encoding pass already gave: the encoder itself runs once per article whatever
tunes on top of it.

Saved as ``tuned.npz`` beside a model's other heads, in float16 (a layer of all-MiniLM-L6-v2 is
1.8 M numbers: 3.5 MB); the int8 graph is derived from it deterministically and kept in the
encoder's cache folder under a digest of the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from presslens.encoder import ROUNDING, Encoding, default_threads, onnx_session
from presslens.encoder.store import cached_model_file, write_model

FILE = "tuned.npz"
HEADS = 12  # attention heads of all-MiniLM-L6-v2's layers (width 384, 32 per head)


@dataclass(frozen=True)
class TunedLayers:
    """Fine-tuned layers and their linear output: ``logits(encodings)`` [sentences, classes]."""

    name: str
    classes: tuple[str, ...]
    weights: dict[str, np.ndarray]  # "layer.{i}.<encoder name>", "output.weight", "output.bias"
    digest: str  # of the saved file: names the cached int8 graph

    @property
    def depth(self) -> int:
        return len({k.split(".")[1] for k in self.weights if k.startswith("layer.")})

    @property
    def width(self) -> int:
        return int(self.weights["output.weight"].shape[1])

    @cached_property
    def _session(self) -> Any:  # an onnxruntime.InferenceSession, as the encoder's
        return onnx_session(self._graph_file(), default_threads())

    def pooled(self, encodings: Sequence[Encoding]) -> np.ndarray:
        """[sentences, width]: the mean over each sentence's pieces after the tuned layers (zeros
        for a sentence with no piece). One sentence per run, as the encoder runs: int8 products
        quantise their input with one scale per run, so a batch would make a sentence's vectors
        depend on its neighbours."""
        out = np.zeros((len(encodings), self.width), dtype=np.float32)
        for i, encoding in enumerate(encodings):
            if len(encoding.vectors) == 0:
                continue
            vectors = encoding.vectors[None].astype(np.float32)
            mask = np.ones((1, vectors.shape[1]), dtype=np.int64)
            hidden = self._session.run(["hidden"], {"vectors": vectors, "attention_mask": mask})[0]
            out[i] = hidden[0].mean(axis=0)
        # rounded to the encoder's grid: the last bits of a CPU's float kernels decide nothing
        return np.round(out / ROUNDING) * ROUNDING

    def logits(self, encodings: Sequence[Encoding]) -> np.ndarray:
        pooled = self.pooled(encodings)
        # einsum, not BLAS: see techniques.learned.MultiLabelHead
        z = np.einsum("ij,kj->ik", pooled, self.weights["output.weight"]) + self.weights["output.bias"]
        return np.clip(np.round(z, 4), -30.0, 30.0)

    def _graph_file(self) -> Path:
        return cached_model_file(f"tuned-{self.name}-{self.digest[:20]}-int8.onnx", self._build,
                                 "a tuned layer's ONNX model")

    def _build(self, target: Path) -> None:
        from presslens.encoder.graph import build_layers_graph

        prefixes = [f"layer.{i}" for i in range(self.depth)]
        # int8 as the encoder's graph (store.write_model): 7-bit weights, per channel
        write_model(build_layers_graph(self.weights, prefixes, self.width, HEADS), target)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {k: v.astype(np.float16) for k, v in self.weights.items()}
        arrays |= {"classes": np.array(self.classes), "name": np.array(self.name)}
        np.savez_compressed(folder / FILE, **arrays)

    @classmethod
    def load(cls, folder: Path) -> TunedLayers:
        path = folder / FILE
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        with np.load(path, allow_pickle=False) as data:
            weights = {k: data[k].astype(np.float32) for k in data.files if k not in ("classes", "name")}
            return cls(str(data["name"]), tuple(str(c) for c in data["classes"]), weights, digest)

    @classmethod
    def of(cls, name: str, classes: Sequence[str], weights: dict[str, np.ndarray]) -> TunedLayers:
        """Weights as training exports them, rounded to float16 as ``save`` keeps them (so that
        what training scores is what ships)."""
        rounded = {k: v.astype(np.float16).astype(np.float32) for k, v in weights.items()}
        digest = hashlib.sha256(b"".join(k.encode() + rounded[k].tobytes()
                                         for k in sorted(rounded))).hexdigest()
        return cls(name, tuple(classes), rounded, digest)
