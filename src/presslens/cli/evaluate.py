"""``presslens eval DIR``: score the analyser against the hand-annotated gold articles of DIR."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from presslens.cli.app import app
from presslens.evaluate.convert import GoldOracle
from presslens.evaluate.gold import GoldError
from presslens.evaluate.runner import (
    COMPONENTS,
    Accuracy,
    ComponentScore,
    EvalError,
    EvalReport,
    SupportsAnalyze,
    evaluate_golds,
    load_gold_dir,
)

# Columns of the per-article table when no single component is asked for.
_SUMMARY_COMPONENTS = ("metadata", "actors", "quotes", "relations", "stances", "techniques", "claims")
_SHORT = {"metadata": "meta", "relations": "rel", "techniques": "tech"}


def _selected(name: str, component: str | None) -> bool:
    """A component selects itself and its sub-rows ('metadata' -> 'metadata.title', ...)."""
    return component is None or name == component or name.startswith((component + ".", component + "_"))


def _filter(report: EvalReport, component: str | None) -> EvalReport:
    if component is None:
        return report
    keep_speaker = component == "quotes"
    keep_qid = component == "actors"
    articles = [
        article.model_copy(
            update={
                "components": {k: v for k, v in article.components.items() if _selected(k, component)},
                "speaker_accuracy": article.speaker_accuracy if keep_speaker else None,
                "qid_accuracy": article.qid_accuracy if keep_qid else None,
            }
        )
        for article in report.articles
    ]
    return report.model_copy(
        update={
            "overall": {k: v for k, v in report.overall.items() if _selected(k, component)},
            "speaker_accuracy": report.speaker_accuracy if keep_speaker else None,
            "qid_accuracy": report.qid_accuracy if keep_qid else None,
            "articles": articles,
        }
    )


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _accuracy_cell(accuracy: Accuracy | None, *, counts: bool = True) -> str:
    if accuracy is None or accuracy.value is None:
        return "–"
    if not counts:
        return _fmt(accuracy.value, 2)
    return f"{_fmt(accuracy.value)} ({accuracy.correct}/{accuracy.total})"


def _overall_table(report: EvalReport) -> Table:
    table = Table(title=f"presslens eval: {report.directory} ({report.articles_scored} articles, micro-averaged)")
    table.add_column("component")
    for column in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    for name, score in report.overall.items():
        table.add_row(
            name,
            _fmt(score.precision),
            _fmt(score.recall),
            _fmt(score.f1),
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    return table


def _accuracy_table(report: EvalReport) -> Table | None:
    rows = [
        ("speaker accuracy (found gold quotes)", report.speaker_accuracy),
        ("QID accuracy (matched gold actors with a QID)", report.qid_accuracy),
    ]
    rows = [(label, acc) for label, acc in rows if acc is not None]
    if not rows:
        return None
    table = Table(title="accuracies")
    table.add_column("measure")
    table.add_column("value (correct/total)", justify="right")
    for label, accuracy in rows:
        table.add_row(label, _accuracy_cell(accuracy))
    return table


def _score_cells(score: ComponentScore | None) -> list[str]:
    if score is None:
        return ["–"] * 6
    return [_fmt(score.precision), _fmt(score.recall), _fmt(score.f1)] + [
        str(n) for n in (score.tp, score.fp, score.fn)
    ]


def _article_table(report: EvalReport, component: str | None) -> Table:
    table = Table(title=f"per article: {component}" if component else "per article: F1")
    table.add_column("article", no_wrap=True)
    columns = ("P", "R", "F1", "tp", "fp", "fn") if component else _SUMMARY_COMPONENTS
    for column in columns:
        table.add_column(_SHORT.get(column, column), justify="right")
    table.add_column("speaker", justify="right")
    table.add_column("QID", justify="right")
    for article in report.articles:
        name = article.name + (" (analysis failed)" if article.error else "")
        if component is not None:
            cells = _score_cells(article.components.get(component))
        else:
            cells = [
                _fmt(article.components[c].f1, 2) if c in article.components else "–"
                for c in _SUMMARY_COMPONENTS
            ]
        table.add_row(
            name,
            *cells,
            _accuracy_cell(article.speaker_accuracy, counts=False),
            _accuracy_cell(article.qid_accuracy, counts=False),
        )
    return table


@app.command("eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(help="Directory of NAME.txt + NAME.gold.json pairs.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON on stdout instead of tables.")
    ] = False,
    per_article: Annotated[
        bool, typer.Option("--per-article/--no-per-article", help="Also score each article.")
    ] = False,
    component: Annotated[
        str | None,
        typer.Option("--component", "-c", help=f"Report one component: {', '.join(COMPONENTS)}."),
    ] = None,
    profile: Annotated[
        str, typer.Option(help="Analyser profile: default (encoder and learned heads) or fast.")
    ] = "default",
    self_check: Annotated[
        bool,
        typer.Option(
            "--self-check",
            help="Score the gold against itself instead of the analyser (checks gold files; "
            "every defined figure should be 1.000).",
        ),
    ] = False,
) -> None:
    """Score presslens against hand-annotated gold articles (exit 1 only for unusable gold)."""
    if component is not None and component not in COMPONENTS:
        raise typer.BadParameter(
            f"unknown component {component!r}; choose from {', '.join(COMPONENTS)}",
            param_hint="--component",
        )
    errors = Console(stderr=True)
    try:
        golds, unannotated = load_gold_dir(directory)
        analyzer: SupportsAnalyze
        if self_check:
            analyzer = GoldOracle()
        else:
            # Imported here: loading spaCy is slow, and gold errors should surface before it.
            from presslens.pipeline import Analyzer

            analyzer = Analyzer(profile=profile)
        report = evaluate_golds(golds, analyzer, str(directory), unannotated)
    except (GoldError, EvalError) as exc:
        errors.print(f"error: {exc}", style="red", highlight=False, markup=False)
        raise typer.Exit(code=1) from exc
    report = _filter(report, component)
    if not per_article:
        report = report.model_copy(update={"articles": []})
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    console = Console()
    console.print(_overall_table(report))
    accuracy = _accuracy_table(report)
    if accuracy is not None:
        console.print(accuracy)
    if per_article:
        console.print(_article_table(report, component))
    if unannotated:
        console.print(f"not scored (no gold file yet): {', '.join(unannotated)}", highlight=False)
