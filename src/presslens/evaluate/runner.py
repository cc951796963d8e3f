"""Evaluate an analyser on a directory of gold articles: per article and micro-averaged overall."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from presslens.errors import InputError
from presslens.evaluate.gold import GoldArticle, GoldError, find_gold_files, load_gold
from presslens.evaluate.metrics import (
    Counts,
    Ratio,
    f1,
    precision,
    recall,
    score_actors,
    score_claims,
    score_metadata,
    score_quotes,
    score_relations,
    score_stances,
    score_techniques,
)
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.textutil import document_id

# Report rows, in display order. "metadata" sums its three fields; "relations_pair" ignores
# type and polarity.
COMPONENTS = (
    "metadata",
    "metadata.title",
    "metadata.published",
    "metadata.outlet",
    "actors",
    "quotes",
    "relations",
    "relations_pair",
    "stances",
    "techniques",
    "claims",
)


class SupportsAnalyze(Protocol):
    def analyze(self, article: RawArticle) -> Document: ...


class EvalError(Exception):
    """The evaluation itself cannot go on (not a low score: a broken input or pipeline)."""


class ComponentScore(BaseModel):
    tp: int
    fp: int
    fn: int
    pred_tp: int  # correct predictions (differs from tp for overlap-scored components)
    precision: float | None
    recall: float | None
    f1: float | None

    @classmethod
    def of(cls, counts: Counts) -> ComponentScore:
        return cls(
            tp=counts.tp,
            fp=counts.fp,
            fn=counts.fn,
            pred_tp=counts.correct_predictions,
            precision=precision(counts),
            recall=recall(counts),
            f1=f1(counts),
        )


class Accuracy(BaseModel):
    correct: int
    total: int
    value: float | None

    @classmethod
    def of(cls, ratio: Ratio) -> Accuracy:
        return cls(correct=ratio.correct, total=ratio.total, value=ratio.value)


class ArticleReport(BaseModel):
    name: str
    components: dict[str, ComponentScore]
    speaker_accuracy: Accuracy | None = None
    qid_accuracy: Accuracy | None = None
    error: str | None = None  # why the analyser gave no document (scored as predicting nothing)


class EvalReport(BaseModel):
    directory: str
    articles_scored: int
    overall: dict[str, ComponentScore]
    speaker_accuracy: Accuracy | None = None
    qid_accuracy: Accuracy | None = None
    unannotated: list[str] = []  # texts in the directory without a gold file
    articles: list[ArticleReport] = []


@dataclass
class ArticleCounts:
    """Raw counts of one article; only the layers its gold annotates appear."""

    name: str
    components: dict[str, Counts] = field(default_factory=dict)
    speaker: Ratio | None = None
    qid: Ratio | None = None
    error: str | None = None


def score_article(doc: Document, gold: GoldArticle) -> ArticleCounts:
    """Score one prediction against its gold, for the layers the gold annotates."""
    result = ArticleCounts(name=gold.name)
    parts = result.components
    if "meta" in gold.layers and gold.annotation.meta is not None:
        fields = score_metadata(doc.meta, gold.annotation.meta)
        for name, counts in fields.items():
            parts[f"metadata.{name}"] = counts
        if fields:
            parts["metadata"] = sum(fields.values(), Counts())
    if "actors" in gold.layers:
        parts["actors"], result.qid = score_actors(doc, gold)
    if "quotes" in gold.layers:
        parts["quotes"], result.speaker = score_quotes(doc, gold)
    if "relations" in gold.layers:
        parts["relations"], parts["relations_pair"] = score_relations(doc, gold)
    if "stances" in gold.layers:
        parts["stances"] = score_stances(doc, gold)
    if "techniques" in gold.layers:
        parts["techniques"] = score_techniques(doc, gold)
    if "claims_checkworthy" in gold.layers:
        parts["claims"] = score_claims(doc, gold)
    return result


def _ordered(components: dict[str, Counts]) -> dict[str, ComponentScore]:
    return {name: ComponentScore.of(components[name]) for name in COMPONENTS if name in components}


def build_report(directory: str, results: list[ArticleCounts], unannotated: Iterable[str] = ()) -> EvalReport:
    """Sum counts over articles (micro-average) and turn them into the report."""
    totals: dict[str, Counts] = {}
    speaker: Ratio | None = None
    qid: Ratio | None = None
    for result in results:
        for name, counts in result.components.items():
            totals[name] = totals.get(name, Counts()) + counts
        if result.speaker is not None:
            speaker = result.speaker + (speaker or Ratio())
        if result.qid is not None:
            qid = result.qid + (qid or Ratio())
    return EvalReport(
        directory=directory,
        articles_scored=len(results),
        overall=_ordered(totals),
        speaker_accuracy=Accuracy.of(speaker) if speaker is not None else None,
        qid_accuracy=Accuracy.of(qid) if qid is not None else None,
        unannotated=sorted(unannotated),
        articles=[
            ArticleReport(
                name=r.name,
                components=_ordered(r.components),
                speaker_accuracy=Accuracy.of(r.speaker) if r.speaker is not None else None,
                qid_accuracy=Accuracy.of(r.qid) if r.qid is not None else None,
                error=r.error,
            )
            for r in results
        ],
    )


def load_gold_dir(directory: Path) -> tuple[list[GoldArticle], list[str]]:
    """All gold articles of a directory (GoldError on the first unusable one), and the names of
    texts that have no gold yet."""
    if not directory.is_dir():
        raise GoldError(directory, "not a directory")
    golds = [load_gold(path) for path in find_gold_files(directory)]
    annotated = {g.name for g in golds}
    unannotated = [p.stem for p in sorted(directory.glob("*.txt")) if p.stem not in annotated]
    if not golds:
        raise GoldError(directory, "no *.gold.json files to evaluate against")
    return golds, unannotated


def predict(gold: GoldArticle, analyzer: SupportsAnalyze) -> tuple[Document, str | None]:
    """Analyse the gold article's text file; an input error becomes an empty prediction."""
    text_path = gold.path.with_name(gold.name + ".txt")
    raw = text_path.read_text(encoding="utf-8")
    try:
        doc = analyzer.analyze(RawArticle(text=raw, source=str(text_path), source_path=str(text_path)))
    except InputError as exc:
        return Document(id=document_id(gold.text), text=gold.text), str(exc)
    if doc.text != gold.text:
        # Offsets would point at different characters: every score would be meaningless.
        raise EvalError(
            f"{text_path}: the analysed text differs from the gold text beyond newline "
            "normalisation; offsets cannot be compared"
        )
    return doc, None


def evaluate_golds(
    golds: list[GoldArticle], analyzer: SupportsAnalyze, directory: str, unannotated: Iterable[str] = ()
) -> EvalReport:
    """Analyse each gold article's text and score the prediction against the gold."""
    results = []
    for gold in golds:
        doc, error = predict(gold, analyzer)
        result = score_article(doc, gold)
        result.error = error
        results.append(result)
    return build_report(directory, results, unannotated)


def evaluate_dir(directory: Path, analyzer: SupportsAnalyze) -> EvalReport:
    """Analyse every annotated NAME.txt of ``directory`` and score it against NAME.gold.json.

    All gold files are loaded (and checked) before the first, slow, analysis.
    """
    golds, unannotated = load_gold_dir(directory)
    return evaluate_golds(golds, analyzer, str(directory), unannotated)
