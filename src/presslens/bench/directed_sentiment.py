"""Score presslens on a directed-sentiment corpus: who is positive or negative toward whom.

The corpus is read by path, never shipped: a TSV file of sentence, entity p, entity q, label,
where the sentence marks both entities with square brackets (a bracket may cut a word:
"[the United State]s") and the label is 0 neutral, 1 p positive toward q, 2 q positive toward
p, 3 p negative toward q, 4 q negative toward p. Fields may be CSV-quoted ("..." with ""
for a quotation mark).

Each sentence is analysed alone; each bracketed span is mapped to the actor with a mention
overlapping it most, and the label is predicted from presslens's relations and stances between
the two actors (``label_from_scores``). A sentence where either entity is not an actor, or
both are the same actor, is predicted neutral and counted as not covered.

    python -m presslens.bench.directed_sentiment --data PATH [--limit N] [--sample N]
        [--json out.json] [--show-unresolved N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import track
from rich.table import Table

from presslens.errors import InputError
from presslens.ingest import RawArticle, check_text
from presslens.model import Document
from presslens.pairs.datasets import LABELS, Example, load_examples
from presslens.pipeline import Analyzer

POLAR = (1, 2, 3, 4)
LABEL_NAMES = {0: "neutral", 1: "p +> q", 2: "q +> p", 3: "p -> q", 4: "q -> p"}
_COUNTED_MODALITIES = frozenset({"asserted", "future"})


@dataclass(frozen=True)
class Outcome:
    """What presslens made of one example."""

    label: int
    p_actor: str | None
    q_actor: str | None

    @property
    def covered(self) -> bool:
        return self.p_actor is not None and self.q_actor is not None and self.p_actor != self.q_actor


# ---------------------------------------------------------------------------------- prediction
def resolve_span(doc: Document, span: tuple[int, int]) -> str | None:
    """The id of the actor whose mention overlaps ``span`` most (``place`` mentions do not
    count; ties go to the earlier mention), or None when no mention overlaps it."""
    best: tuple[int, int, str] | None = None  # (-overlap, mention start, actor id)
    for actor in doc.actors:
        for mention in actor.mentions:
            if mention.role == "place":
                continue
            overlap = min(span[1], mention.end) - max(span[0], mention.start)
            if overlap <= 0:
                continue
            key = (-overlap, mention.start, actor.id)
            if best is None or key < best:
                best = key
    return best[2] if best else None


def direction_score(doc: Document, source: str, target: str) -> float:
    """How positive ``source`` is toward ``target``: the polarities of its asserted or future
    relations to it, plus its stances toward it (sign times the stance's strength)."""
    score = 0.0
    for rel in doc.relations:
        if rel.source == source and rel.target == target and rel.modality in _COUNTED_MODALITIES:
            score += rel.polarity
    for stance in doc.stances:
        if stance.holder == source and stance.target == target:
            score += stance.sign * abs(stance.score)
    return score


def label_from_scores(p_to_q: float, q_to_p: float) -> int:
    """The corpus label for the two directed scores: the direction with the larger absolute
    score wins (p -> q on a tie); 1 / 3 when p -> q is positive / negative, 2 / 4 for q -> p;
    0 when both scores are 0."""
    if p_to_q == 0 and q_to_p == 0:
        return 0
    if abs(p_to_q) >= abs(q_to_p):
        return 1 if p_to_q > 0 else 3
    return 2 if q_to_p > 0 else 4


def predict(doc: Document | None, example: Example) -> Outcome:
    """presslens's label for ``example`` (``doc`` is None when presslens refused the text)."""
    if doc is None:
        return Outcome(0, None, None)
    p_actor = resolve_span(doc, example.p)
    q_actor = resolve_span(doc, example.q)
    outcome = Outcome(0, p_actor, q_actor)
    if not outcome.covered or p_actor is None or q_actor is None:
        return outcome
    label = label_from_scores(direction_score(doc, p_actor, q_actor),
                              direction_score(doc, q_actor, p_actor))
    return Outcome(label, p_actor, q_actor)


def analyse(examples: Sequence[Example], analyzer: Analyzer, batch_size: int = 64,
            progress: bool = True) -> Iterator[Document | None]:
    """One document per example, in order (None for a text presslens refuses as bad input)."""
    def batches() -> Iterator[Document | None]:
        for first in range(0, len(examples), batch_size):
            chunk = examples[first : first + batch_size]
            articles = [RawArticle(text=e.text, source=f"line {e.line}") for e in chunk]
            try:
                for article in articles:
                    check_text(article.text, article.source)
                yield from list(analyzer.analyze_many(articles))
            except InputError:
                yield from (_analyse_one(analyzer, article) for article in articles)

    documents = batches()
    if progress:
        documents = iter(track(documents, total=len(examples), description="analysing"))
    return documents


def _analyse_one(analyzer: Analyzer, article: RawArticle) -> Document | None:
    try:
        check_text(article.text, article.source)
        return analyzer.analyze(article)
    except InputError:
        return None


# ---------------------------------------------------------------------------------- metrics
def confusion_matrix(gold: Sequence[int], pred: Sequence[int]) -> list[list[int]]:
    """Rows are gold labels, columns predicted labels, both in the order of ``LABELS``."""
    matrix = [[0 for _ in LABELS] for _ in LABELS]
    for g, p in zip(gold, pred, strict=True):
        matrix[g][p] += 1
    return matrix


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def per_class(gold: Sequence[int], pred: Sequence[int]) -> dict[int, dict[str, float]]:
    """Precision, recall, F1 and support of every label (0 where undefined)."""
    matrix = confusion_matrix(gold, pred)
    scores: dict[int, dict[str, float]] = {}
    for label in LABELS:
        tp = matrix[label][label]
        fp = sum(matrix[g][label] for g in LABELS) - tp
        fn = sum(matrix[label]) - tp
        scores[label] = {**_prf(tp, fp, fn), "support": float(sum(matrix[label]))}
    return scores


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    """The mean F1 of the five labels (a label never gold nor predicted counts 0)."""
    scores = per_class(gold, pred)
    return sum(s["f1"] for s in scores.values()) / len(LABELS)


def polar_micro(gold: Sequence[int], pred: Sequence[int]) -> dict[str, float]:
    """Micro precision, recall and F1 over the polar labels 1-4: a polar prediction is right
    only when it equals the gold label; a polar gold label not predicted is missed."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if p in POLAR and p == g)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p in POLAR and p != g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g in POLAR and p != g)
    return {**_prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}


def figures(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    return {
        "sentences": len(gold),
        "macro_f1": macro_f1(gold, pred),
        "polar_micro": polar_micro(gold, pred),
        "per_class": {LABEL_NAMES[k]: v for k, v in per_class(gold, pred).items()},
        "confusion": confusion_matrix(gold, pred),
    }


def coverage(outcomes: Sequence[Outcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {
        "both": sum(o.covered for o in outcomes) / n,
        "p": sum(o.p_actor is not None for o in outcomes) / n,
        "q": sum(o.q_actor is not None for o in outcomes) / n,
    }


def report(examples: Sequence[Example], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    gold = [e.label for e in examples]
    pred = [o.label for o in outcomes]
    covered = [i for i, o in enumerate(outcomes) if o.covered]
    return {
        "coverage": coverage(outcomes),
        "all": figures(gold, pred),
        "covered": figures([gold[i] for i in covered], [pred[i] for i in covered]),
    }


def unresolved_strings(examples: Iterable[Example], outcomes: Iterable[Outcome]) -> Counter[str]:
    """How often each entity text was not resolved to an actor."""
    missed: Counter[str] = Counter()
    for example, outcome in zip(examples, outcomes, strict=True):
        for span, actor in ((example.p, outcome.p_actor), (example.q, outcome.q_actor)):
            if actor is None:
                missed[example.text[span[0] : span[1]]] += 1
    return missed


# ---------------------------------------------------------------------------------- output
def _print_figures(console: Console, title: str, figs: dict[str, Any]) -> None:
    polar = figs["polar_micro"]
    console.print(f"[bold]{title}[/] ({figs['sentences']} sentences): macro-F1 "
                  f"{figs['macro_f1']:.3f}, polar micro P {polar['precision']:.3f} "
                  f"R {polar['recall']:.3f} F1 {polar['f1']:.3f}")
    table = Table(title=f"{title}: per class")
    for column in ("label", "P", "R", "F1", "support"):
        table.add_column(column, justify="right")
    for name, s in figs["per_class"].items():
        table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(int(s["support"])))
    console.print(table)
    matrix = Table(title=f"{title}: confusion (rows gold, columns predicted)")
    matrix.add_column("gold \\ pred")
    for label in LABELS:
        matrix.add_column(LABEL_NAMES[label], justify="right")
    for label, row in zip(LABELS, figs["confusion"], strict=True):
        matrix.add_row(LABEL_NAMES[label], *(str(n) for n in row))
    console.print(matrix)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens.bench.directed_sentiment")
    parser.add_argument("--data", type=Path, required=True, help="the corpus TSV file")
    parser.add_argument("--limit", type=int, default=None, help="score the first N sentences")
    parser.add_argument("--sample", type=int, default=None, metavar="N",
                        help="score N sentences evenly spaced through the file (after --limit)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--profile", default="default", help="analyser profile: default or fast")
    parser.add_argument("--show-unresolved", type=int, default=0, metavar="N",
                        help="list the N entity texts most often not resolved to an actor")
    args = parser.parse_args(argv)
    console = Console()

    examples = load_examples(args.data, args.limit, args.sample)
    analyzer = Analyzer(profile=args.profile)
    outcomes = [predict(doc, example) for doc, example in
                zip(analyse(examples, analyzer, args.batch_size), examples, strict=True)]
    result = {"data": str(args.data), **report(examples, outcomes)}

    cov = result["coverage"]
    console.print(f"coverage: both {cov['both']:.3f}, p {cov['p']:.3f}, q {cov['q']:.3f}")
    _print_figures(console, "all sentences", result["all"])
    _print_figures(console, "covered sentences", result["covered"])
    if args.show_unresolved:
        table = Table(title="most frequent unresolved entities")
        table.add_column("entity")
        table.add_column("n", justify="right")
        for text, n in unresolved_strings(examples, outcomes).most_common(args.show_unresolved):
            table.add_row(text, str(n))
        console.print(table)
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        console.print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
