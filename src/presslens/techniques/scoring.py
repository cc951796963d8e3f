"""Scores of SemEval-2020 Task 11: span identification (SI) and technique classification (TC).

SI (Da San Martino et al., 2020): overlapping spans of an article are merged; for predicted spans
S and gold spans T, precision = sum over s, t of |s∩t|/|s|, divided by |S|; recall = sum of
|s∩t|/|t|, divided by |T|; F1 their harmonic mean. ``si_scores`` computes it over all articles,
and per label when given the spans of one label.
TC: a label is predicted for every gold span (as many as the span has gold labels); micro-F1 over
all (span, label) pairs, with per-label precision, recall and F1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Interval = tuple[int, int]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    n_pred: int
    n_gold: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def merge(spans: Sequence[Interval]) -> list[Interval]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def si_scores(
    pred: Mapping[str, Sequence[Interval]], gold: Mapping[str, Sequence[Interval]]
) -> PRF:
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    for art in sorted(set(pred) | set(gold)):
        s_spans = merge(pred.get(art, ()))
        t_spans = merge(gold.get(art, ()))
        n_pred += len(s_spans)
        n_gold += len(t_spans)
        for s0, s1 in s_spans:
            for t0, t1 in t_spans:
                inter = min(s1, t1) - max(s0, t0)
                if inter > 0:
                    p_sum += inter / (s1 - s0)
                    r_sum += inter / (t1 - t0)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    return PRF(p, r, _f1(p, r), n_pred, n_gold)


def tc_scores(
    gold: Sequence[tuple[str, int, int, str]],
    predicted: Mapping[tuple[str, int, int], Sequence[str]],
) -> tuple[PRF, dict[str, PRF]]:
    """``predicted[(article, start, end)]``: labels ranked best first for that gold span."""
    by_span: dict[tuple[str, int, int], list[str]] = {}
    for art, s, e, label in gold:
        by_span.setdefault((art, s, e), []).append(label)
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for key, labels in by_span.items():
        want = Counter(labels)
        ranked = list(dict.fromkeys(predicted.get(key, ())))
        guess = Counter(ranked[: len(labels)])
        if len(labels) > len(set(labels)) and ranked:  # the same label twice on a span
            guess = Counter({ranked[0]: len(labels)}) if len(set(labels)) == 1 else guess
        n_gold.update(want)
        n_pred.update(guess)
        tp.update(want & guess)
    per_label = {}
    for label in sorted(set(n_gold) | set(n_pred)):
        p = tp[label] / n_pred[label] if n_pred[label] else 0.0
        r = tp[label] / n_gold[label] if n_gold[label] else 0.0
        per_label[label] = PRF(p, r, _f1(p, r), n_pred[label], n_gold[label])
    total_tp, total_pred, total_gold = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())
    p = total_tp / total_pred if total_pred else 0.0
    r = total_tp / total_gold if total_gold else 0.0
    return PRF(p, r, _f1(p, r), total_pred, total_gold), per_label


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    n: int
    mean_confidence: float
    observed: float  # share of the bin's predictions that are correct


@dataclass(frozen=True)
class Calibration:
    """How well confidences match observed frequencies, for ``n`` predictions.

    ``brier``: mean squared error of the confidence against the 0/1 outcome; ``brier_base``: the
    same for a constant prediction of the observed rate (what confidence has to beat);
    ``ece``: expected calibration error, the bin-size-weighted mean |confidence - observed| over
    equal-width bins.
    """

    n: int
    observed_rate: float
    mean_confidence: float
    brier: float
    brier_base: float
    ece: float
    bins: tuple[ReliabilityBin, ...]


def calibration(
    confidence: Sequence[float], correct: Sequence[bool], *, n_bins: int = 10
) -> Calibration:
    n = len(confidence)
    if n != len(correct):
        raise ValueError("confidence and correct differ in length")
    if n == 0:
        return Calibration(0, 0.0, 0.0, 0.0, 0.0, 0.0, ())
    conf = [min(max(float(c), 0.0), 1.0) for c in confidence]
    hit = [1.0 if c else 0.0 for c in correct]
    rate = sum(hit) / n
    brier = sum((c - y) ** 2 for c, y in zip(conf, hit, strict=True)) / n
    brier_base = sum((rate - y) ** 2 for y in hit) / n
    bins: list[ReliabilityBin] = []
    ece = 0.0
    for b in range(n_bins):
        low, high = b / n_bins, (b + 1) / n_bins
        members = [
            (c, y)
            for c, y in zip(conf, hit, strict=True)
            if low <= c < high or (b == n_bins - 1 and c == 1.0)
        ]
        if not members:
            continue
        mean_c = sum(c for c, _ in members) / len(members)
        observed = sum(y for _, y in members) / len(members)
        ece += len(members) / n * abs(mean_c - observed)
        bins.append(ReliabilityBin(low, high, len(members), mean_c, observed))
    return Calibration(n, rate, sum(conf) / n, brier, brier_base, ece, tuple(bins))
