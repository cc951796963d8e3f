"""Scoring technique predictions on SemEval-2023 articles: the task's paragraph measure and span
F1, of the learned stage (``predict_articles``) or of any detector's techniques. Shared by
training (``training2023``, the held-out figures in ``meta.json``) and evaluation
(``eval2023``)."""

from __future__ import annotations

from collections.abc import Sequence

from presslens.model import Technique
from presslens.techniques.corpus2023 import EncodedArticle
from presslens.techniques.learned import LearnedTechniqueModel, sentence_techniques
from presslens.techniques.scoring import PRF, si_scores
from presslens.techniques.semeval2023 import (
    Article2023,
    ParagraphKey,
    ParagraphScores,
    paragraph_lines,
    paragraph_scores,
    paragraphs_of_spans,
)


def predict_articles(articles: Sequence[Article2023], encoded: Sequence[EncodedArticle],
                     model: LearnedTechniqueModel) -> dict[str, list[Technique]]:
    return {a.id: sentence_techniques(a.text, e.bounds, e.encodings, model)
            for a, e in zip(articles, encoded, strict=True)}


def score_articles(articles: Sequence[Article2023], predicted: dict[str, list[Technique]],
                   labels: Sequence[str]) -> dict[str, object]:
    """Paragraph micro/macro-F1 (the task's measure) and span F1 (SemEval-2020 SI, regardless of
    label, and the same per article and label pooled) of ``predicted``."""
    gold_par: dict[ParagraphKey, set[str]] = {}
    pred_par: dict[ParagraphKey, set[str]] = {}
    for article in articles:
        found = predicted.get(article.id, [])
        spans = paragraphs_of_spans(article.text, [(t.label, t.start, t.end) for t in found])
        for number, _, _ in paragraph_lines(article.text):
            gold_par[(article.id, number)] = article.paragraphs.get(number, set())
            pred_par[(article.id, number)] = spans.get(number, set())
    scores: ParagraphScores = paragraph_scores(gold_par, pred_par, labels)
    si = si_scores({a.id: [(t.start, t.end) for t in predicted.get(a.id, [])] for a in articles},
                   {a.id: [(s, e) for _, s, e in a.spans] for a in articles})
    labelled = _labelled_si(articles, predicted)
    return {
        "articles": len(articles),
        "paragraphs": scores.paragraphs,
        "paragraph_micro_f1": round(scores.micro_f1, 4),
        "paragraph_macro_f1": round(scores.macro_f1, 4),
        "paragraph_macro_f1_labels_with_gold": round(scores.macro_f1_gold, 4),
        "paragraph_macro_f1_official": round(scores.macro_f1_official, 4),
        "paragraph_micro_precision": round(scores.micro_precision, 4),
        "paragraph_micro_recall": round(scores.micro_recall, 4),
        "span_f1": round(si.f1, 4), "span_precision": round(si.precision, 4),
        "span_recall": round(si.recall, 4),
        "labelled_span_f1": round(labelled.f1, 4),
        "per_label": {k: {"f1": round(v.f1, 4), "precision": round(v.precision, 4),
                          "recall": round(v.recall, 4), "gold": v.n_gold, "predicted": v.n_pred}
                      for k, v in scores.per_label.items()},
    }


def _labelled_si(articles: Sequence[Article2023], predicted: dict[str, list[Technique]]) -> PRF:
    """SI with the label kept: spans are compared only within one (article, label)."""
    pred: dict[str, list[tuple[int, int]]] = {}
    gold: dict[str, list[tuple[int, int]]] = {}
    for article in articles:
        for t in predicted.get(article.id, []):
            pred.setdefault(f"{article.id}/{t.label}", []).append((t.start, t.end))
        for label, s, e in article.spans:
            gold.setdefault(f"{article.id}/{label}", []).append((s, e))
    return si_scores(pred, gold)
