"""Compare presslens's ONNX encoder with the torch model of the same weights.

Run with a Python that has torch and transformers (the `train` extra is not enough: this is a
one-off check, e.g. in a scratch venv with `pip install torch==2.13.0 transformers`), with
presslens's src on the path:

    PYTHONPATH=src python scripts/check_encoder.py

It prints, per sentence, the largest absolute difference of the last-layer vectors and the cosine
of the mean-pooled sentence vectors, for the fp32 and the int8 ONNX models.
"""

from __future__ import annotations

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

from presslens.encoder import Encoder, EncoderSpec

SENTENCES = [
    "The ministry summoned the ambassador on Tuesday over the border incident.",
    "Officials in the capital said the talks would resume next week, after a pause of two months.",
    "He refused.",
    "Aid convoys reached the northern towns late on Friday, the agency said in a statement that "
    "also called on both sides to respect the truce and let civilians leave.",
]


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def main() -> None:
    spec = EncoderSpec()
    folder = spec.model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    model = AutoModel.from_pretrained(str(folder)).eval()
    onnx_models = {"fp32": Encoder(EncoderSpec(quantized=False)), "int8": Encoder(spec)}
    for sentence in SENTENCES:
        batch = tokenizer(sentence, return_tensors="pt")
        with torch.no_grad():
            hidden = model(**batch).last_hidden_state[0].numpy()
        reference = hidden[1:-1]
        pooled = hidden.mean(axis=0)
        row = [f"{len(reference):3d} pieces"]
        for name, encoder in onnx_models.items():
            got = encoder.encode([sentence])[0]
            diff = float(np.abs(got.vectors - reference).max())
            row.append(f"{name}: max|diff| {diff:.4f} cos {cosine(got.sentence, pooled):.5f}")
        print("  ".join(row))


if __name__ == "__main__":
    main()
