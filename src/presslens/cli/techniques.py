"""``presslens train techniques``, ``presslens eval-techniques`` and ``presslens techniques``."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from presslens.cli.app import (
    LABEL_SET_HELP,
    SHIPPED_MODELS,
    THRESHOLD_HELP,
    TRAIN_OUT_HELP,
    LabelSetChoice,
    app,
    check_training_out,
)

SHIPPED_MODEL = SHIPPED_MODELS / "techniques"


def _train_app() -> typer.Typer:
    """The ``train`` command group, shared with other model-training commands."""
    for group in app.registered_groups:
        if group.name == "train" and group.typer_instance is not None:
            return group.typer_instance
    train_app = typer.Typer(help="Train the models presslens ships.", no_args_is_help=True)
    app.add_typer(train_app, name="train")
    return train_app


train_app = _train_app()


def _training_out(out: Path | None) -> Path | None:
    """--out is optional only with --eval-only; a training run never writes into the shipped
    models' folder (``check_training_out``)."""
    return None if out is None else check_training_out(out)


@train_app.command("techniques")
def train_techniques(
    data: Annotated[Path, typer.Option(help="ptc-train directory (articles + TC labels).")],
    out: Annotated[
        Path | None,
        typer.Option(help=TRAIN_OUT_HELP + " With --eval-only: the model to score (default: the "
                     "shipped one).", callback=_training_out, file_okay=False, show_default=False),
    ] = None,
    cache: Annotated[Path | None, typer.Option(help="Directory to cache spaCy parses.")] = None,
    epochs: Annotated[int, typer.Option(help="Passes over the training tokens.")] = 6,
    eval_only: Annotated[
        bool, typer.Option("--eval-only", help="Only evaluate the model in --out.")
    ] = False,
) -> None:
    """Train the technique tagger and classifier on ptc-train (deterministic), then evaluate."""
    from presslens.techniques.train import train
    from presslens.techniques.weights import load_model_dir, save_model

    if eval_only:
        _print_eval(data, load_model_dir(out or SHIPPED_MODEL), cache)
        return
    if out is None:
        raise typer.BadParameter("required to train", param_hint="--out")
    model = train(data, cache=cache, epochs=epochs)
    save_model(model, out)
    typer.echo(
        f"wrote {out}/weights.npz and meta.json (sha256 {model.meta.get('training_data_sha256', '')[:12]}…)"
    )
    _print_eval(data, model, cache)


@train_app.command("techniques2023")
def train_techniques2023(
    data: Annotated[Path, typer.Option(
        help="The SemEval-2023 Task 3 English training folder (train-articles-subtask-3, "
        "train-labels-subtask-3-spans, train-labels-subtask-3.txt).", exists=True, file_okay=False)],
    out: Annotated[Path, typer.Option(help=TRAIN_OUT_HELP, callback=check_training_out,
                                      file_okay=False)],
    written: Annotated[Path | None, typer.Option(
        help="TSV of written sentences (label, TAB, sentence) for labels absent from the articles "
        "(corpora/techniques_written/sentences.tsv).", exists=True, dir_okay=False)] = None,
    cache: Annotated[Path | None, typer.Option(
        help="Folder to keep parsed and encoded articles in between runs (outside the repo).")] = None,
    tune_layers: Annotated[int, typer.Option(
        min=0, max=3, help="Encoder layers to fine-tune after the shared encoder's, stacked "
        "with the frozen heads (0: none). Needs torch: pip install -e '.[tune]'.")] = 0,
) -> None:
    """Train the learned technique heads over the shared encoder on the SemEval-2023 articles
    but the held-out fifth (deterministic), choose per-label thresholds by cross-validation, and
    score the held-out fifth."""
    import shlex

    from presslens.techniques.training2023 import train_techniques2023 as train
    from presslens.techniques.tuning2023 import TorchMissing, TuneSettings, require_torch

    command = "presslens " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    tune = TuneSettings(layers=tune_layers) if tune_layers else None
    if tune is not None:
        try:
            require_torch()
        except TorchMissing as err:
            raise typer.BadParameter(str(err), param_hint="--tune-layers") from None
    figures = train(data, out, written, cache, command, tune,
                    progress=lambda line: typer.echo(line, err=True))
    typer.echo(json.dumps(figures, indent=2))


@train_app.command("techniques-ru")
def train_techniques_ru(
    data: Annotated[Path, typer.Option(
        help="The SemEval-2023 Task 3 Russian training folder (../shared/data/semeval2023-ru-train).",
        exists=True, file_okay=False)],
    out: Annotated[Path, typer.Option(help=TRAIN_OUT_HELP, callback=check_training_out,
                                      file_okay=False)],
) -> None:
    """Train the Russian technique model on the SemEval-2023 Russian articles but the held-out
    fifth (deterministic), choose C, the paragraph mix and per-label thresholds by
    cross-validation, and score the held-out fifth."""
    import shlex

    from presslens.techniques.russian_training import train_techniques_ru as train

    command = "presslens " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    figures = train(data, out, command, progress=lambda line: typer.echo(line, err=True))
    typer.echo(json.dumps(figures, indent=2, ensure_ascii=False))


@app.command("eval-techniques")
def eval_techniques(
    data: Annotated[Path, typer.Option(
        help="ptc-train directory (articles + TC labels), or a SemEval-2023 folder "
        "(train-articles-subtask-3 ...): then the learned stage and today's detector are scored "
        "with the task's paragraph measure.")],
    model_dir: Annotated[
        Path | None, typer.Option("--model", help="Model directory (default: shipped).")
    ] = None,
    cache: Annotated[Path | None, typer.Option(help="Directory to cache spaCy parses.")] = None,
    threshold: Annotated[
        float | None,
        typer.Option(min=0.0, max=1.0, help="Confidence threshold [default: the model's]."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    split: Annotated[str, typer.Option(
        help="SemEval-2023 folders only: heldout (the fifth never trained on), train or all.")
    ] = "heldout",
    language: Annotated[str, typer.Option(
        help="SemEval-2023 folders only: en, or ru (the Russian model on a Russian folder).")
    ] = "en",
) -> None:
    """Score techniques on the held-out articles of ptc-train (SemEval-2020 SI and TC) beside
    the lexicon-only baseline, and the calibration of their confidence; or, on a SemEval-2023
    folder, the learned stage beside today's detector (paragraph micro/macro-F1, span F1)."""
    from presslens.techniques.eval2023 import is_semeval2023_folder
    from presslens.techniques.weights import load_model_dir, load_shipped_model

    if language not in ("en", "ru"):
        raise typer.BadParameter("--language is en or ru")
    if language == "ru":
        _print_eval_ru(data, split, model_dir, as_json)
        return
    if is_semeval2023_folder(data):
        _print_eval2023(data, split, model_dir, cache, as_json)
        return

    model = load_model_dir(model_dir) if model_dir else load_shipped_model()
    if model is None:
        raise typer.BadParameter("no shipped technique model; pass --model")
    _print_eval(data, model, cache, threshold, as_json)


def _print_eval2023(data: Path, split: str, model_dir: Path | None, cache: Path | None,
                    as_json: bool) -> None:
    from presslens.techniques.eval2023 import evaluate2023
    from presslens.techniques.learned import load_learned_model

    if split not in ("heldout", "train", "all"):
        raise typer.BadParameter("--split is heldout, train or all")
    model = load_learned_model(model_dir) if model_dir else None
    report = evaluate2023(data, split, model, cache)
    if as_json:
        typer.echo(json.dumps(report, indent=2, sort_keys=True))
        return
    learned, baseline, both = report["learned"], report["baseline"], report["default"]
    console = Console(width=160)
    table = Table(title=f"Techniques on the {split} SemEval-2023 articles ({learned['articles']} "
                  f"articles, {learned['paragraphs']} paragraphs): paragraph F1 per label")
    for col in ("label", "gold paragraphs", "learned P/R/F1", "today's detector P/R/F1",
                "default profile (both) P/R/F1"):
        table.add_column(col, justify="left" if col == "label" else "right")
    per_label = [learned["per_label"], baseline["per_label"], both["per_label"]]
    assert all(isinstance(per, dict) for per in per_label)
    for label, score in learned["per_label"].items():  # type: ignore[attr-defined]
        cells = [per[label] for per in per_label]  # type: ignore[index]
        table.add_row(label, str(score["gold"]),
                      *(f"{c['precision']:.3f}/{c['recall']:.3f}/{c['f1']:.3f}" for c in cells))
    table.add_section()
    for key, name in (("paragraph_micro_f1", "paragraph micro-F1 (official)"),
                      ("paragraph_macro_f1", "paragraph macro-F1 (23 labels)"),
                      ("paragraph_macro_f1_labels_with_gold", "macro-F1, labels with gold"),
                      ("paragraph_macro_f1_official",
                       "macro-F1, task scorer (label never gold nor predicted: 1)"),
                      ("span_f1", "span F1 (SI, any label)"),
                      ("labelled_span_f1", "span F1 (SI within a label)")):
        table.add_row(name, "", f"{learned[key]:.3f}", f"{baseline[key]:.3f}", f"{both[key]:.3f}")
    console.print(table)


def _print_eval_ru(data: Path, split: str, model_dir: Path | None, as_json: bool) -> None:
    from presslens.techniques.russian import RussianTechniqueModel
    from presslens.techniques.russian_training import evaluate_ru

    if split not in ("heldout", "train", "all"):
        raise typer.BadParameter("--split is heldout, train or all")
    report = evaluate_ru(data, split, RussianTechniqueModel.load(model_dir) if model_dir else None)
    if as_json:
        typer.echo(json.dumps(report, indent=2, sort_keys=True))
        return
    table = Table(title=f"Russian techniques on the {split} SemEval-2023 articles "
                  f"({report['articles']} articles, {report['paragraphs']} paragraphs)")
    for col in ("label", "gold paragraphs", "predicted", "P/R/F1"):
        table.add_column(col, justify="left" if col == "label" else "right")
    per_label = report["per_label"]
    assert isinstance(per_label, dict)
    for label, score in per_label.items():
        table.add_row(label, str(score["gold"]), str(score["predicted"]),
                      f"{score['precision']:.3f}/{score['recall']:.3f}/{score['f1']:.3f}")
    table.add_section()
    for key, name in (("paragraph_micro_f1", "paragraph micro-F1 (official)"),
                      ("paragraph_macro_f1", "paragraph macro-F1 (23 labels)"),
                      ("paragraph_macro_f1_labels_with_gold", "macro-F1, labels with gold"),
                      ("paragraph_macro_f1_official",
                       "macro-F1, task scorer (label never gold nor predicted: 1)"),
                      ("span_f1", "span F1 (SI, any label)"),
                      ("labelled_span_f1", "span F1 (SI within a label)")):
        table.add_row(name, "", "", f"{report[key]:.3f}")
    Console(width=140).print(table)


def _prf(x: object) -> str:
    from presslens.techniques.scoring import PRF

    assert isinstance(x, PRF)
    return f"{x.precision:.3f}/{x.recall:.3f}/{x.f1:.3f}"


def _print_eval(
    data: Path,
    model: object,
    cache: Path | None,
    threshold: float | None = None,
    as_json: bool = False,
) -> None:
    from presslens.techniques.detect import DEFAULT_THRESHOLD
    from presslens.techniques.eval2020 import evaluate
    from presslens.techniques.weights import TechniqueModel

    assert isinstance(model, TechniqueModel)
    default = float(model.meta.get("default_threshold", DEFAULT_THRESHOLD))
    th = default if threshold is None else threshold
    rep = evaluate(data, model, cache=cache, threshold=th)
    if as_json:
        typer.echo(json.dumps(dataclasses.asdict(rep), indent=2, sort_keys=True))
        return
    console = Console(width=140)
    table = Table(
        title=f"Techniques on {rep.articles} held-out ptc-train articles (threshold {th}); "
        "SI: span-overlap P/R/F1, TC: F1 of labels on gold spans"
    )
    for col in ("label", "gold spans", "SI P/R/F1", "SI P/R/F1 lexicon", "TC F1", "TC F1 lexicon"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for label in sorted(rep.si_label_model):
        tc = rep.tc_label_model.get(label)
        tcl = rep.tc_label_lexicon.get(label)
        table.add_row(
            label,
            str(rep.si_label_model[label].n_gold),
            _prf(rep.si_label_model[label]),
            _prf(rep.si_label_lexicon[label]),
            f"{tc.f1:.3f}" if tc else "-",
            f"{tcl.f1:.3f}" if tcl else "-",
        )
    table.add_section()
    table.add_row(
        "overall (SI: P/R/F1; TC: micro-F1)",
        str(rep.si_model.n_gold),
        _prf(rep.si_model),
        _prf(rep.si_lexicon),
        f"{rep.tc_model.f1:.3f}",
        f"{rep.tc_lexicon.f1:.3f}",
    )
    console.print(table)

    cal = Table(
        title="Calibration on the same articles: confidence vs. overlapping a gold span of the "
        f"same label ({rep.unjudged} candidates with no SemEval-2020 class not judged)"
    )
    for col in ("predictions", "n", "observed", "mean confidence", "Brier", "Brier of rate", "ECE"):
        cal.add_column(col, justify="left" if col == "predictions" else "right")
    names = {
        "emitted": f"emitted (confidence >= {th})",
        "all": "all candidates (threshold 0)",
        "model": "model spans",
        "rules": "cue-rule and structural hits",
    }
    for key, name in names.items():
        c = rep.calibration.get(key)
        if c is None:
            continue
        cal.add_row(
            name,
            str(c.n),
            f"{c.observed_rate:.3f}",
            f"{c.mean_confidence:.3f}",
            f"{c.brier:.3f}",
            f"{c.brier_base:.3f}",
            f"{c.ece:.3f}",
        )
    console.print(cal)
    every = rep.calibration.get("all")
    if every and every.bins:
        rel = Table(title="Reliability of all candidates (10 equal-width bins)")
        for col in ("confidence", "n", "mean confidence", "observed"):
            rel.add_column(col, justify="right")
        for b in every.bins:
            rel.add_row(
                f"[{b.low:.1f}, {b.high:.1f})",
                str(b.n),
                f"{b.mean_confidence:.3f}",
                f"{b.observed:.3f}",
            )
        console.print(rel)


@app.command("techniques")
def techniques(
    paths: list[Path],
    label_set: Annotated[
        LabelSetChoice, typer.Option("--label-set", help=LABEL_SET_HELP)
    ] = LabelSetChoice.semeval2023,
    threshold: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help=THRESHOLD_HELP)
    ] = None,
) -> None:
    """Print the persuasion-technique spans of articles as JSON lines."""
    from presslens.ingest import RawArticle
    from presslens.model import Document
    from presslens.nlp import load_nlp
    from presslens.techniques import DEFAULT_THRESHOLD, detect_techniques, to_label_set
    from presslens.textutil import document_id, normalise_newlines

    nlp = load_nlp()
    for path in paths:
        raw = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        article = RawArticle(text=raw, source=str(path), source_path=str(path))
        text = normalise_newlines(article.text)
        doc = Document(id=document_id(text), text=text)
        found = detect_techniques(
            doc, nlp(text), threshold=DEFAULT_THRESHOLD if threshold is None else threshold
        )
        found = to_label_set(found, label_set.value)
        typer.echo(
            json.dumps(
                {"path": str(path), "techniques": [t.model_dump() for t in found]},
                ensure_ascii=False,
            )
        )
