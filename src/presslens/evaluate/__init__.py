"""Evaluation against hand-annotated gold articles (``presslens eval``)."""

from __future__ import annotations

from presslens.evaluate.convert import gold_to_document
from presslens.evaluate.gold import GoldArticle, GoldError, load_gold
from presslens.evaluate.runner import EvalError, EvalReport, evaluate_dir, score_article

__all__ = [
    "EvalError",
    "EvalReport",
    "GoldArticle",
    "GoldError",
    "evaluate_dir",
    "gold_to_document",
    "load_gold",
    "score_article",
]
