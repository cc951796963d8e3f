"""Span detection: the trained tagger and span classifier, plus cue patterns, calibrated."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from presslens.model import Document, Technique
from presslens.techniques.features import DocFeatures, doc_features, span_features
from presslens.techniques.lexicon import STRUCTURAL_PRIORS, all_hits, load_rules, resolve_merged
from presslens.techniques.linear import apply_platt, sigmoid, softmax
from presslens.techniques.weights import TechniqueModel, load_shipped_model

DEFAULT_THRESHOLD = 0.1
_EPS = 1e-4


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str  # training label (2023 name, or a merged 2020 class)
    confidence: float
    source: str  # "model" or a lexicon rule name


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    if not mask.any():
        return []
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    d = np.diff(padded)
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(), strict=True))


SECOND_LABEL_MIN = 0.3


def tagger_spans(
    model: TechniqueModel, f: DocFeatures, text: str
) -> tuple[list[tuple[int, int, int]], np.ndarray]:
    """Token spans ``(i, j, label index)``: runs of tokens that the tagger puts inside some
    technique, labelled by the span classifier (best label, and the second when likely), with the
    confidence features of each."""
    if len(f.idx) == 0:
        return [], np.zeros((0, 4))
    probs = sigmoid(model.tagger.logits(f.token_ids, None, f.dense))[:, 0]
    blank = f.is_space
    runs: list[tuple[int, int]] = []
    for i, j in _runs((probs >= model.decode_threshold[0]) & ~blank):
        while i < j and f.is_punct[i]:
            i += 1
        while j > i and f.is_punct[j - 1]:
            j -= 1
        if j > i:
            runs.append((i, j))
    if not runs:
        return [], np.zeros((0, 4))
    ids, vals, dense = span_features(f, runs)
    q = softmax(model.classifier.logits(ids, vals, dense))
    starts = np.array([i for i, _ in runs])
    stops = np.array([j for _, j in runs])
    lengths = stops - starts
    csum = np.concatenate([[0.0], np.cumsum(probs)])
    mean_p = (csum[stops] - csum[starts]) / lengths
    in_run = np.zeros(len(probs), dtype=np.int64)
    np.add.at(in_run, starts, 1)
    np.add.at(in_run, stops[stops < len(probs)], -1)
    masked = np.where(np.cumsum(in_run) > 0, probs, -np.inf)
    max_p = np.maximum.reduceat(masked, starts)  # runs are sorted and disjoint
    order = np.argsort(-q, axis=1, kind="stable")
    spans: list[tuple[int, int, int]] = []
    rows: list[list[float]] = []
    lm, lx, ln = _logit(mean_p), _logit(max_p), np.log(lengths)
    lq = _logit(q)
    for r, (i, j) in enumerate(runs):
        chosen = [int(order[r, 0])]
        if q.shape[1] > 1 and q[r, order[r, 1]] >= SECOND_LABEL_MIN:
            chosen.append(int(order[r, 1]))
        for c in chosen:
            spans.append((i, j, c))
            rows.append([float(lm[r]), float(lx[r]), float(ln[r]), float(lq[r, c])])
    return spans, np.array(rows)


def model_candidates(model: TechniqueModel, f: DocFeatures, text: str) -> list[Candidate]:
    spans, feats = tagger_spans(model, f, text)
    out = []
    for r, (i, j, c) in enumerate(spans):
        conf = float(apply_platt(model.platt[c], feats[r : r + 1])[0])
        start = int(f.idx[i])
        end = int(f.idx[j - 1] + f.length[j - 1])
        out.append(Candidate(start, end, model.labels[c], conf, "model"))
    return out


def lexicon_candidates(
    sdoc: Doc, f: DocFeatures, rule_confidence: dict[str, float] | None = None
) -> list[Candidate]:
    conf = {r.name: r.prior for r in load_rules()} | STRUCTURAL_PRIORS
    conf |= rule_confidence or {}
    return [Candidate(h.start, h.end, h.label, conf[h.rule], h.rule) for h in all_hits(sdoc, f)]


def candidates(
    sdoc: Doc,
    model: TechniqueModel | None,
    *,
    text: str | None = None,
    use_model: bool = True,
    use_lexicon: bool = True,
) -> list[Candidate]:
    f = doc_features(sdoc, text)
    out: list[Candidate] = []
    if use_model and model is not None:
        out.extend(model_candidates(model, f, f.text))
    if use_lexicon:
        out.extend(lexicon_candidates(sdoc, f, model.rule_confidence if model else None))
    return out


def to_techniques(text: str, cands: list[Candidate], threshold: float) -> list[Technique]:
    """Keep candidates at or above ``threshold``, in SemEval-2023 labels, one per span and label."""
    best: dict[tuple[int, int, str], float] = {}
    for c in cands:
        if c.confidence < threshold or c.end <= c.start:
            continue
        label = resolve_merged(c.label, text, c.start, c.end)
        key = (c.start, c.end, label)
        best[key] = max(best.get(key, 0.0), c.confidence)
    return [
        Technique(start=s, end=e, text=text[s:e], label=label, confidence=round(conf, 4))
        for (s, e, label), conf in sorted(best.items())
    ]


def detect_techniques(
    doc: Document,
    sdoc: Doc,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    model: TechniqueModel | None = None,
) -> list[Technique]:
    """Persuasion-technique spans of ``doc`` (SemEval-2023 labels), sorted by start, end, label.

    ``sdoc`` is the spaCy parse of ``doc.text``. Spans may overlap and one span may carry several
    labels. ``confidence`` is calibrated on held-out articles; only spans at or above
    ``threshold`` are returned.
    """
    text = doc.text
    if len(sdoc) and sdoc[-1].idx + len(sdoc[-1].text_with_ws) != len(text):
        raise ValueError("sdoc is not a parse of doc.text")
    found = candidates(sdoc, model or load_shipped_model(), text=text)
    return to_techniques(text, found, threshold)
