"""Training on the SemEval-2020 PTC training corpus (``ptc-train``).

The corpus, its split by a hash of the article id and the spaCy parses are read by
``techniques.corpus2020``; the training part trains the tagger and the span classifier, the
calibration part chooses the decode thresholds, the Platt scaling and the cue-rule precision.
Evaluation on the held-out part is ``techniques.eval2020``. Same data and seed, same weights.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from presslens.techniques.corpus2020 import (
    Article,
    corpus_hash,
    overlaps,
    parse,
    read_corpus,
    split_of,
    token_span,
    token_targets,
)
from presslens.techniques.detect import candidates, decode_runs, lexicon_candidates
from presslens.techniques.eval2020 import spans_2020
from presslens.techniques.features import SPAN_BITS, TOKEN_BITS, doc_features, span_features
from presslens.techniques.labels import to_2020, training_to_2020
from presslens.techniques.lexicon import load_rules
from presslens.techniques.linear import fit_platt, sigmoid, train_linear
from presslens.techniques.scoring import si_scores
from presslens.techniques.weights import FALLBACK_THRESHOLD, N_CONF_FEATURES, TechniqueModel

SEED = 13
FEATURE_VERSION = 1
_GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
RULE_SHRINK = 5  # pseudo-hits at the pooled precision added to each rule's count
_EXTEND_GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]


def train(
    data: Path,
    *,
    cache: Path | None = None,
    epochs: int = 4,
    seed: int = SEED,
    log: bool = True,
) -> TechniqueModel:
    articles = read_corpus(data)
    if not articles:
        raise ValueError(f"no articles under {data}")
    labels = sorted({label for a in articles for label, _, _ in a.spans})
    docs = parse(articles, cache)
    feats = [doc_features(d, a.text) for d, a in zip(docs, articles, strict=True)]
    parts = [split_of(a.id) for a in articles]
    train_ix = [i for i, p in enumerate(parts) if p == "train"]
    calib_ix = [i for i, p in enumerate(parts) if p == "calib"] or train_ix
    if log:
        print(
            f"articles: {len(train_ix)} train, {len(calib_ix)} calibration, "
            f"{parts.count('test')} held out; labels: {len(labels)}"
        )

    # token tagger (one sigmoid per label)
    ids = np.concatenate([feats[i].token_ids for i in train_ix])
    dense = np.concatenate([feats[i].dense for i in train_ix])
    y = np.concatenate([token_targets(feats[i], articles[i].spans, labels) for i in train_ix])
    y = y.max(axis=1, keepdims=True)  # inside any technique
    tagger = train_linear(
        ids,
        None,
        dense,
        y,
        bits=TOKEN_BITS,
        loss="sigmoid",
        n_classes=1,
        epochs=epochs,
        batch=512,
        lr=0.1,
        l2=1e-6,
        seed=seed,
    ).rounded()
    if log:
        print(f"tagger trained on {len(y)} tokens")

    # span classifier (softmax over labels) on gold spans
    s_ids, s_vals, s_dense = [], [], []
    s_y: list[int] = []
    col = {label: c for c, label in enumerate(labels)}
    for i in train_ix:
        spans = [token_span(feats[i], s, e) for _, s, e in articles[i].spans]
        if not spans:
            continue
        sp_ids, sp_vals, sp_dense = span_features(feats[i], spans)
        s_ids.append(sp_ids)
        s_vals.append(sp_vals)
        s_dense.append(sp_dense)
        s_y.extend(col[label] for label, _, _ in articles[i].spans)
    classifier = train_linear(
        np.concatenate(s_ids),
        np.concatenate(s_vals),
        np.concatenate(s_dense),
        np.array(s_y, dtype=np.int64),
        bits=SPAN_BITS,
        loss="softmax",
        n_classes=len(labels),
        epochs=epochs * 4,
        batch=64,
        lr=0.1,
        l2=1e-5,
        seed=seed,
    ).rounded()

    # decode thresholds (token probability to start a span, and to extend it) that maximise SI
    # F1 on the calibration part
    probs = {
        i: sigmoid(tagger.logits(feats[i].token_ids, None, feats[i].dense))[:, 0] for i in calib_ix
    }
    gold = {articles[i].id: [(s, e) for _, s, e in articles[i].spans] for i in calib_ix}
    best = (-1.0, 0.5, 0.5)
    for start in _GRID:
        for extend in [x for x in _EXTEND_GRID if x <= start]:
            pred = {}
            for i in calib_ix:
                f = feats[i]
                pred[articles[i].id] = [
                    (int(f.idx[a]), int(f.idx[b - 1] + f.length[b - 1]))
                    for a, b in decode_runs(probs[i], f, start, extend)
                ]
            f1 = si_scores(pred, gold).f1
            if f1 > best[0] + 1e-9:
                best = (f1, start, extend)
    decode = np.array([best[1], best[2]], dtype=np.float32)

    model = TechniqueModel(
        labels=labels,
        tagger=tagger,
        classifier=classifier,
        decode_threshold=decode,
        platt=np.zeros((len(labels), N_CONF_FEATURES + 1)),
    )

    # Platt scaling of span confidence, per label where the calibration part allows it
    from presslens.techniques.detect import tagger_spans

    rows: list[tuple[int, np.ndarray, float]] = []
    for i in calib_ix:
        cand_spans, x = tagger_spans(model, feats[i], articles[i].text)
        gold_by: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for lab, s, e in articles[i].spans:
            gold_by[lab].append((s, e))
        f = feats[i]
        for r, (a, b, c) in enumerate(cand_spans):
            s, e = int(f.idx[a]), int(f.idx[b - 1] + f.length[b - 1])
            rows.append((c, x[r], float(overlaps(s, e, gold_by[labels[c]]))))
    if rows:
        all_x = np.array([r[1] for r in rows])
        all_y = np.array([r[2] for r in rows])
        global_w = (
            fit_platt(all_x, all_y)
            if 0 < all_y.sum() < len(all_y)
            else np.zeros(N_CONF_FEATURES + 1)
        )
        for c in range(len(labels)):
            sel = np.array([r[0] == c for r in rows])
            yc = all_y[sel]
            if yc.sum() >= 8 and (len(yc) - yc.sum()) >= 8:
                model.platt[c] = fit_platt(all_x[sel], yc, l2=1.0)
            else:
                model.platt[c] = global_w

    # Precision of each cue rule. The rules learn nothing from the data, so they are measured on
    # the training and calibration parts together (never on the held-out part), and shrunk
    # towards the precision of all rules pooled where a rule fired only a few times. Rules that
    # never fired there, or whose label has no SemEval-2020 class, keep their prior, and so do
    # the rules written for constructions of the presslens genre (``genre: true``).
    genre_rules = {r.name for r in load_rules() if r.genre}
    hit_n: dict[str, int] = defaultdict(int)
    hit_ok: dict[str, int] = defaultdict(int)
    for i in sorted(set(train_ix) | set(calib_ix)):
        gold20 = defaultdict(list)
        for lab, s, e in articles[i].spans:
            gold20[training_to_2020(lab)].append((s, e))
        for cand in lexicon_candidates(docs[i], feats[i]):
            old = to_2020(cand.label)
            if old is None or cand.source in genre_rules:
                continue
            hit_n[cand.source] += 1
            hit_ok[cand.source] += overlaps(cand.start, cand.end, gold20[old])
    pooled = sum(hit_ok.values()) / max(sum(hit_n.values()), 1)
    model.rule_confidence = {
        name: round((hit_ok[name] + RULE_SHRINK * pooled) / (hit_n[name] + RULE_SHRINK), 4)
        for name in sorted(hit_n)
    }
    default_threshold = _choose_threshold(model, articles, docs, calib_ix)
    if log:
        print(f"default threshold {default_threshold} (best SI F1 on the calibration part)")
    model.meta = {
        "task": "SemEval-2023 Task 3 persuasion techniques (trained on SemEval-2020 PTC labels)",
        "training_data": str(data.name),
        "training_data_sha256": corpus_hash(articles),
        "split": "sha1(article id) % 10: 0-1 held-out test, 2 calibration, 3-9 training",
        "articles": {
            "train": len(train_ix),
            "calibration": len(calib_ix),
            "test": parts.count("test"),
        },
        "feature_config": {
            "version": FEATURE_VERSION,
            "token_bits": TOKEN_BITS,
            "span_bits": SPAN_BITS,
            "tensor": "en_core_web_sm tok2vec (96)",
            "epochs": epochs,
            "seed": seed,
        },
        "decode_threshold": {
            "start": round(float(decode[0]), 4),
            "extend": round(float(decode[1]), 4),
        },
        "default_threshold": default_threshold,
        "trained": _dt.date.today().isoformat(),
    }
    return model


def _choose_threshold(
    model: TechniqueModel, articles: list[Article], docs: list[Doc], calib_ix: list[int]
) -> float:
    """The confidence threshold (0.02 to 0.30 by 0.01) with the best SI F1 on ``calib_ix``."""
    found = [candidates(docs[i], model, text=articles[i].text) for i in calib_ix]
    gold = {articles[i].id: [(s, e) for _, s, e in articles[i].spans] for i in calib_ix}
    best = (-1.0, FALLBACK_THRESHOLD)
    for step in range(2, 31):
        th = step / 100
        pred = {
            articles[i].id: [(s, e) for _, s, e in spans_2020(articles[i].text, cands, th)]
            for i, cands in zip(calib_ix, found, strict=True)
        }
        f1 = si_scores(pred, gold).f1
        if f1 > best[0] + 1e-9:
            best = (f1, th)
    return best[1]
