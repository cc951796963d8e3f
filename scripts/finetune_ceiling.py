"""How far fine-tuning the shared encoder could take check-worthiness and techniques (a measure,
not a shipped model): the upper layers of all-MiniLM-L6-v2 (from layer 4 on, initialised from
its own weights) fine-tuned over the frozen int8 three-layer encoder's word-piece vectors, or the
whole fp32 encoder fine-tuned from word pieces (``--full``, claims only), beside the frozen heads
the default profile ships.

    python scripts/finetune_ceiling.py claims --data CHECKTHAT_DIR [--layers 1] [--full]
    python scripts/finetune_ceiling.py techniques --data SEMEVAL2023_EN_DIR --cache DIR [--layers 1]

Needs torch (`pip install torch`; not a presslens dependency). Claims: fitted on CheckThat!'s
train sentences with id < 29101, F1 of Yes at the best threshold on the latest debates (ids >=
29101, as ``presslens train claims-learned`` picks it). Techniques: the 4-fold cross-validation of
``presslens train techniques2023`` over the training articles (the held-out fifth is not read),
sentence probabilities only, and mixed with the lexical head as the shipped model mixes them.
Deterministic for a given torch build (fixed seeds, two threads).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import torch

from presslens.encoder import EncoderSpec, load_encoder
from presslens.encoder.finetune import TunedLayers, class_weights, fit, torch_logits


def best_f1(gold: np.ndarray, score: np.ndarray) -> tuple[float, float]:
    """F1 of the positive class at its best threshold, and average precision."""
    order = np.argsort(-score, kind="stable")
    hits = np.cumsum(gold[order])
    f1 = 2 * hits / (np.arange(1, len(gold) + 1) + gold.sum())
    return float(f1.max()), float((hits / np.arange(1, len(gold) + 1))[gold[order] == 1].mean())


def claims(args: argparse.Namespace) -> None:
    from presslens.claims.learned_train import is_latest_debate
    from presslens.claims.train import TRAIN_FILE, read_tsv

    examples = read_tsv(args.data / TRAIN_FILE)
    if args.full:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(EncoderSpec().model_dir() / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(EncoderSpec().max_tokens)
        rows = [np.asarray(tokenizer.encode(e.text).ids) for e in examples]
    else:
        encoder = load_encoder()
        rows = [encoder.encode([e.text])[0].vectors for e in examples]
    gold = np.array([e.label for e in examples], dtype=np.float32)
    latest = np.array([is_latest_debate(e.sentence_id) for e in examples])
    torch.manual_seed(0)
    model = TunedLayers(0 if args.full else 3, 6 if args.full else args.layers, 1, embed=args.full)
    fit(model, rows, gold[:, None], np.flatnonzero(~latest), args.epochs, args.rate, size=32)
    f1, ap = best_f1(gold[latest], torch_logits(model, rows, np.flatnonzero(latest).tolist())[:, 0])
    print(f"latest debates: F1 of Yes at the best threshold {f1:.3f}, average precision {ap:.3f}")


def techniques(args: argparse.Namespace) -> None:
    from presslens.techniques.corpus2023 import encode_articles
    from presslens.techniques.labels import labels_2023
    from presslens.techniques.lexical import fit_lexical, fit_stack, stacked
    from presslens.techniques.semeval2023 import is_heldout, read_semeval2023
    from presslens.techniques.training2023 import FOLDS, _cross_validation, article_matrix, fold_of

    labels = labels_2023()
    train = [a for a in read_semeval2023(args.data, "all", labels) if not is_heldout(a.id)]
    encoded = encode_articles(train, args.cache)
    _, y, ids = article_matrix(train, encoded, labels)
    rows = [enc.vectors for article in encoded for enc in article.encodings]
    texts = [a.text[s:e] for a, enc in zip(train, encoded, strict=True) for s, e in enc.bounds]
    folds = np.array([fold_of(i) for i in ids])
    unseen = frozenset(label for j, label in enumerate(labels) if y[:, j].sum() == 0)
    score = _cross_validation(train, encoded, y, y[:0], labels, [])
    tuned = np.zeros(y.shape, np.float32)
    lexical = np.zeros(y.shape, np.float32)
    for fold in range(FOLDS):
        inside = folds == fold
        torch.manual_seed(0)
        model = TunedLayers(3, args.layers, len(labels))
        fit(model, rows, y.astype(np.float32), np.flatnonzero(~inside), args.epochs, args.rate,
            pos_weight=class_weights(y[~inside]))
        tuned[inside] = torch_logits(model, rows, np.flatnonzero(inside).tolist())
        head = fit_lexical([t for t, i in zip(texts, inside, strict=True) if not i], y[~inside],
                           labels, 4.0, unseen, "sqrt")
        lexical[inside] = head.logits([t for t, i in zip(texts, inside, strict=True) if i])
        print(f"fold {fold + 1} of {FOLDS} done", flush=True)
    mixed = np.zeros_like(tuned)
    for fold in range(FOLDS):
        inside = folds == fold
        mixed[inside] = stacked([tuned[inside], lexical[inside]],
                                fit_stack([tuned[~inside], lexical[~inside]], y[~inside], labels, unseen))
    print("fine-tuned sentence head alone:", score(np.round(1 / (1 + np.exp(-tuned)), 4))[1])
    print("mixed with the lexical head:", score(mixed)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=("claims", "techniques"))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None, help="techniques: parsed articles")
    parser.add_argument("--layers", type=int, default=1, help="layers fine-tuned from layer 4 on")
    parser.add_argument("--full", action="store_true", help="claims: fine-tune all six layers")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--rate", type=float, default=None, help="the encoder layers' learning rate")
    args = parser.parse_args()
    torch.set_num_threads(2)
    if args.task == "claims":
        args.epochs, args.rate = args.epochs or 3, args.rate or 5e-5
        claims(args)
    else:
        args.epochs, args.rate = args.epochs or 4, args.rate or 1e-4
        techniques(args)


if __name__ == "__main__":
    main()
