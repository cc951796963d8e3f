"""Evaluation of a ``TechniqueModel`` on a part of the SemEval-2020 PTC corpus (by default the
held-out test part): span identification and technique classification, of the model and of the
cue rules alone, in the 14 labels of 2020, and the calibration of the confidences.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from presslens.techniques.corpus2020 import overlaps, parse, read_corpus, split_of, token_span
from presslens.techniques.detect import DEFAULT_THRESHOLD, Candidate, candidates, to_techniques
from presslens.techniques.features import doc_features, span_features
from presslens.techniques.labels import to_2020, training_to_2020
from presslens.techniques.lexicon import load_rules, resolve_merged
from presslens.techniques.linear import softmax
from presslens.techniques.scoring import PRF, Calibration, calibration, si_scores, tc_scores
from presslens.techniques.weights import TechniqueModel


@dataclass
class EvalReport:
    articles: int
    si_model: PRF
    si_lexicon: PRF
    si_label_model: dict[str, PRF]
    si_label_lexicon: dict[str, PRF]
    tc_model: PRF
    tc_lexicon: PRF
    tc_label_model: dict[str, PRF]
    tc_label_lexicon: dict[str, PRF]
    # Confidence against "overlaps a gold span of the same (2020) label", on held-out articles:
    # the techniques emitted at the threshold, every candidate (threshold 0), and the candidates
    # of the model and of the cue rules apart. ``unjudged``: candidates whose label has no
    # SemEval-2020 class (no gold to judge them by).
    calibration: dict[str, Calibration] = field(default_factory=dict)
    unjudged: int = 0
    threshold: float = DEFAULT_THRESHOLD


def spans_2020(text: str, cands: list[Candidate], threshold: float) -> list[tuple[str, int, int]]:
    out = []
    for t in to_techniques(text, cands, threshold):
        old = to_2020(t.label)
        if old is not None:
            out.append((old, t.start, t.end))
    return out


def _judge(
    label: str, s: int, e: int, gold: dict[str, dict[str, list[tuple[int, int]]]], art_id: str
) -> bool | None:
    """Whether a span overlaps a gold span of its label's 2020 class (None: no such class)."""
    old = to_2020(label)
    if old is None:
        return None
    return overlaps(s, e, gold.get(old, {}).get(art_id, []))


def evaluate(
    data: Path,
    model: TechniqueModel,
    *,
    cache: Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    part: str = "test",
) -> EvalReport:
    articles = read_corpus(data)
    docs = parse(articles, cache)
    sel = [i for i, a in enumerate(articles) if split_of(a.id) == part]
    gold_si: dict[str, list[tuple[int, int]]] = {}
    gold_lab: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(dict)
    pred_m: dict[str, list[tuple[str, int, int]]] = {}
    pred_l: dict[str, list[tuple[str, int, int]]] = {}
    tc_gold: list[tuple[str, int, int, str]] = []
    tc_m: dict[tuple[str, int, int], list[str]] = {}
    tc_l: dict[tuple[str, int, int], list[str]] = {}
    priors = {r.name: r.prior for r in load_rules()} | {"repetition": 0.4, "slogan": 0.45}
    judged: dict[str, tuple[list[float], list[bool]]] = {
        k: ([], []) for k in ("emitted", "all", "model", "rules")
    }
    unjudged = 0
    for i in sel:
        art, sdoc = articles[i], docs[i]
        f = doc_features(sdoc, art.text)
        gold_si[art.id] = [(s, e) for _, s, e in art.spans]
        for lab, s, e in art.spans:
            gold_lab[training_to_2020(lab)].setdefault(art.id, []).append((s, e))
            tc_gold.append((art.id, s, e, training_to_2020(lab)))
        cands = candidates(sdoc, model, text=art.text)
        pred_m[art.id] = spans_2020(art.text, cands, threshold)

        for c in cands:
            label = resolve_merged(c.label, art.text, c.start, c.end)
            ok = _judge(label, c.start, c.end, gold_lab, art.id)
            if ok is None:
                unjudged += 1
                continue
            key = "model" if c.source == "model" else "rules"
            judged[key][0].append(c.confidence)
            judged[key][1].append(ok)
        for t in to_techniques(art.text, cands, 0.0):
            ok = _judge(t.label, t.start, t.end, gold_lab, art.id)
            if ok is None:
                continue
            for key in ("all", "emitted") if t.confidence >= threshold else ("all",):
                judged[key][0].append(t.confidence)
                judged[key][1].append(ok)
        lex = candidates(sdoc, model, text=art.text, use_model=False)
        pred_l[art.id] = spans_2020(art.text, lex, 0.0)
        # TC: classifier ranking vs. cue rules (falling back to the most frequent label)
        spans = sorted({(s, e) for _, s, e in art.spans})
        if spans:
            ids, vals, dense = span_features(f, [token_span(f, s, e) for s, e in spans])
            q = softmax(model.classifier.logits(ids, vals, dense))
            for r, (s, e) in enumerate(spans):
                order = np.argsort(-q[r], kind="stable")
                tc_m[(art.id, s, e)] = [training_to_2020(model.labels[c]) for c in order]
                hits = sorted(
                    (c for c in lex if min(c.end, e) > max(c.start, s) and to_2020(c.label)),
                    key=lambda c: -priors.get(c.source, 0.3),
                )
                ranked = [str(to_2020(c.label)) for c in hits] + ["Loaded_Language"]
                tc_l[(art.id, s, e)] = ranked
    labels20 = sorted(gold_lab)

    def per_label(pred: dict[str, list[tuple[str, int, int]]]) -> dict[str, PRF]:
        return {
            lab: si_scores(
                {a: [(s, e) for ll, s, e in spans if ll == lab] for a, spans in pred.items()},
                gold_lab[lab],
            )
            for lab in labels20
        }

    def flat(pred: dict[str, list[tuple[str, int, int]]]) -> dict[str, list[tuple[int, int]]]:
        return {a: [(s, e) for _, s, e in spans] for a, spans in pred.items()}

    tc_model, tc_label_model = tc_scores(tc_gold, tc_m)
    tc_lex, tc_label_lex = tc_scores(tc_gold, tc_l)
    return EvalReport(
        articles=len(sel),
        si_model=si_scores(flat(pred_m), gold_si),
        si_lexicon=si_scores(flat(pred_l), gold_si),
        si_label_model=per_label(pred_m),
        si_label_lexicon=per_label(pred_l),
        tc_model=tc_model,
        tc_lexicon=tc_lex,
        tc_label_model=tc_label_model,
        tc_label_lexicon=tc_label_lex,
        calibration={k: calibration(conf, ok) for k, (conf, ok) in judged.items()},
        unjudged=unjudged,
        threshold=threshold,
    )
