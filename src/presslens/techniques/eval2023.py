"""Scoring the technique detectors on SemEval-2023 articles (``presslens eval-techniques`` on a
folder laid out as ``semeval2023-en-train``): the learned stage of the default profile and
today's detector of the fast profile, on the same articles, with the task's paragraph measure and
span F1."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from presslens.model import Document, Technique
from presslens.nlp import load_nlp
from presslens.techniques.corpus2023 import encode_articles
from presslens.techniques.detect import detect_techniques
from presslens.techniques.labels import labels_2023
from presslens.techniques.learned import (
    LearnedTechniqueModel,
    merge_techniques,
    shipped_learned_model,
)
from presslens.techniques.scoring2023 import predict_articles, score_articles
from presslens.techniques.semeval2023 import ARTICLES, Article2023, read_semeval2023


def is_semeval2023_folder(data: Path) -> bool:
    return (data / ARTICLES).is_dir()


def baseline_predictions(articles: Sequence[Article2023]) -> dict[str, list[Technique]]:
    """Today's detector (the fast profile's ``techniques`` stage) on each article."""
    nlp = load_nlp()
    out = {}
    for article in articles:
        doc = Document(id=article.id, text=article.text)
        out[article.id] = detect_techniques(doc, nlp(article.text))
    return out


def default_profile_predictions(articles: Sequence[Article2023],
                                detector: dict[str, list[Technique]],
                                learned: dict[str, list[Technique]]) -> dict[str, list[Technique]]:
    """The default profile's techniques: today's detector's and the learned stage's, merged as
    the pipeline merges them."""
    return {a.id: merge_techniques(detector[a.id], learned[a.id]) for a in articles}


def evaluate2023(data: Path, split: str = "heldout", model: LearnedTechniqueModel | None = None,
                 cache: Path | None = None, baseline: bool = True) -> dict[str, dict[str, object]]:
    """Figures of the learned stage (``learned``) and, when ``baseline``, today's detector
    (``baseline``) and the two merged as the default profile merges them (``default``) on the
    articles of ``split`` ("heldout": the fifth never trained on)."""
    labels = labels_2023()
    articles = read_semeval2023(data, split, labels)
    if not articles:
        raise ValueError(f"no articles in {data} for split {split!r}")
    model = model or shipped_learned_model()
    encoded = encode_articles(articles, cache)
    learned = predict_articles(articles, encoded, model)
    report = {"learned": score_articles(articles, learned, labels)}
    if baseline:
        detector = baseline_predictions(articles)
        report["baseline"] = score_articles(articles, detector, labels)
        report["default"] = score_articles(
            articles, default_profile_predictions(articles, detector, learned), labels)
    return report
