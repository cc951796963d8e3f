"""Span detection: the trained tagger and span classifier, plus cue patterns, calibrated."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from spacy.tokens import Doc

from presslens.model import Document, Technique
from presslens.techniques.features import DocFeatures, doc_features, span_features
from presslens.techniques.genre import GenreProfile, shipped_profile
from presslens.techniques.lexicon import (
    STRUCTURAL_PRIORS,
    all_hits,
    interviewer_turns,
    load_rules,
    resolve_merged,
)
from presslens.techniques.linear import apply_platt, sigmoid, softmax
from presslens.techniques.weights import (
    N_CONF_FEATURES,
    TechniqueModel,
    load_shipped_model,
    shipped_default_threshold,
)

# Techniques below this confidence are left out unless asked for: the threshold that maximises
# span-identification F1 on the calibration articles, chosen when the shipped model was trained.
DEFAULT_THRESHOLD = shipped_default_threshold()
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


def decode_runs(
    probs: np.ndarray, f: DocFeatures, start: float, extend: float | None = None
) -> list[tuple[int, int]]:
    """Token spans ``[i, j)`` read off the tagger's probabilities with hysteresis: a span is a
    maximal stretch of non-blank tokens at or above ``extend`` holding at least one token at or
    above ``start`` (``extend`` defaults to ``start``), without leading or trailing
    punctuation, and holding a content word."""
    lo = start if extend is None else min(extend, start)
    content = f.is_alpha & ~f.is_stop
    runs: list[tuple[int, int]] = []
    for i, j in _runs((probs >= lo) & ~f.is_space):
        if lo < start and probs[i:j].max() < start:
            continue
        while i < j and f.is_punct[i]:
            i += 1
        while j > i and f.is_punct[j - 1]:
            j -= 1
        if j > i and content[i:j].any():  # "the", "what the" alone are no technique
            runs.append((i, j))
    return runs


def decode_thresholds(model: TechniqueModel) -> tuple[float, float]:
    """(start, extend) of the model: one stored value means both."""
    values = [float(v) for v in np.ravel(model.decode_threshold)]
    return values[0], values[1] if len(values) > 1 else values[0]


def tagger_spans(
    model: TechniqueModel, f: DocFeatures, text: str
) -> tuple[list[tuple[int, int, int]], np.ndarray]:
    """Token spans ``(i, j, label index)`` with the confidence features of each.

    Spans are the runs of tokens the tagger puts inside some technique (``decode_runs``),
    labelled by the span classifier (best label, and the second when likely). Where a run was
    extended around its core, each core (a stretch at or above the start threshold) that the
    classifier labels differently from its run is a span too, nested in the run: "the barbaric
    regime in Kyiv" may be Name_Calling while "barbaric" is Loaded_Language.
    """
    if len(f.idx) == 0:
        return [], np.zeros((0, N_CONF_FEATURES))
    probs = sigmoid(model.tagger.logits(f.token_ids, None, f.dense))[:, 0]
    start, extend = decode_thresholds(model)
    runs = decode_runs(probs, f, start, extend)
    if not runs:
        return [], np.zeros((0, N_CONF_FEATURES))
    cores = [] if extend >= start else [r for r in decode_runs(probs, f, start) if r not in runs]
    run_starts = np.array([i for i, _ in runs])
    parent = [int(np.searchsorted(run_starts, i, side="right")) - 1 for i, _ in cores]
    every = runs + cores
    ids, vals, dense = span_features(f, every)
    q = softmax(model.classifier.logits(ids, vals, dense))
    order = np.argsort(-q, axis=1, kind="stable")
    lq = _logit(q)
    chosen: list[list[int]] = []
    for r in range(len(every)):
        labels = [int(order[r, 0])]
        if q.shape[1] > 1 and q[r, order[r, 1]] >= SECOND_LABEL_MIN:
            labels.append(int(order[r, 1]))
        if r >= len(runs):  # a core: only the labels its run does not already carry
            labels = [c for c in labels if c not in chosen[parent[r - len(runs)]]]
        chosen.append(labels)
    lm = _logit(np.array([probs[i:j].mean() for i, j in every]))
    lx = _logit(np.array([probs[i:j].max() for i, j in every]))
    ln = np.log(np.array([j - i for i, j in every], dtype=np.float64))
    spans: list[tuple[int, int, int]] = []
    rows: list[list[float]] = []
    for r, (i, j) in enumerate(every):
        for c in chosen[r]:
            spans.append((i, j, c))
            rows.append([float(lm[r]), float(lx[r]), float(ln[r]), float(lq[r, c])])
    keyed = sorted(zip(spans, rows, strict=True), key=lambda x: x[0])
    return [k for k, _ in keyed], np.array([r for _, r in keyed]).reshape(-1, N_CONF_FEATURES)


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
    rules = load_rules()
    genre = {r.name for r in rules if r.genre}
    conf = {r.name: r.prior for r in rules} | STRUCTURAL_PRIORS
    conf |= {k: v for k, v in (rule_confidence or {}).items() if k not in genre}
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


def adapt_to_genre(text: str, cands: list[Candidate], profile: GenreProfile) -> list[Candidate]:
    """Candidates as the genre profile has them: none inside an interviewer's questions (when it
    says so), and the model's spans in SemEval-2023 labels with their confidence multiplied by
    the weight of their label (left out at weight 0). Cue-rule hits keep their confidence."""
    turns = interviewer_turns(text) if profile.skip_interviewer_turns else []
    out: list[Candidate] = []
    for c in cands:
        if turns and any(s <= c.start and c.end <= e for s, e in turns):
            continue
        if c.source == "model":
            label = resolve_merged(c.label, text, c.start, c.end)
            weight = profile.model_weight.get(label, 1.0)
            if weight <= 0.0:
                continue
            c = replace(c, label=label, confidence=c.confidence * weight)
        out.append(c)
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
    genre: GenreProfile | None = None,
) -> list[Technique]:
    """Persuasion-technique spans of ``doc`` (SemEval-2023 labels), sorted by start, end, label.

    ``sdoc`` is the spaCy parse of ``doc.text``. Spans may overlap and one span may carry several
    labels. ``confidence`` is calibrated on held-out articles, and weighted for the genre by
    ``genre`` (the shipped ``data/techniques_genre.yaml`` by default; ``genre.NEUTRAL`` for the
    detector as trained); only spans at or above ``threshold`` are returned.
    """
    text = doc.text
    if len(sdoc) and sdoc[-1].idx + len(sdoc[-1].text_with_ws) != len(text):
        raise ValueError("sdoc is not a parse of doc.text")
    found = candidates(sdoc, model or load_shipped_model(), text=text)
    found = adapt_to_genre(text, found, shipped_profile() if genre is None else genre)
    return to_techniques(text, found, threshold)
