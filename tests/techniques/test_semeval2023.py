"""The SemEval-2023 corpus reader, the held-out rule and the task's paragraph measure, on a small
folder of articles written for these tests (the shared data is never read by the tests)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from presslens.techniques.semeval2023 import (
    is_heldout,
    paragraph_lines,
    paragraph_scores,
    paragraphs_of_spans,
    read_semeval2023,
)

TEXT = "Ministers meet again\n\nThe talks failed. The puppet regime lied.\n\nNothing new.\n"


def _folder(tmp_path: Path, ids: list[str]) -> Path:
    (tmp_path / "train-articles-subtask-3").mkdir()
    (tmp_path / "train-labels-subtask-3-spans").mkdir()
    lines = []
    for art in ids:
        (tmp_path / "train-articles-subtask-3" / f"article{art}.txt").write_text(TEXT, encoding="utf-8")
        start = TEXT.index("puppet regime")
        (tmp_path / "train-labels-subtask-3-spans" / f"article{art}-labels-subtask-3.txt").write_text(
            f"{art}\tName_Calling-Labeling\t{start}\t{start + 13}\n", encoding="utf-8")
        lines += [f"{art}\t1\t", f"{art}\t3\tName_Calling-Labeling,Made_Up_Label", f"{art}\t5\t"]
    (tmp_path / "train-labels-subtask-3.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_paragraph_lines_number_lines_from_one_and_skip_blank_ones() -> None:
    lines = paragraph_lines(TEXT)
    assert [n for n, _, _ in lines] == [1, 3, 5]
    assert [TEXT[s:e] for _, s, e in lines] == [
        "Ministers meet again", "The talks failed. The puppet regime lied.", "Nothing new."]


def test_the_heldout_rule_is_the_sha1_of_the_id_modulo_ten() -> None:
    ids = [str(111111111 + i) for i in range(200)]
    held = [i for i in ids if is_heldout(i)]
    assert held == [i for i in ids if int(hashlib.sha1(i.encode()).hexdigest(), 16) % 10 < 2]
    assert 25 <= len(held) <= 55  # about a fifth


def test_reader_splits_by_the_rule_and_keeps_known_labels(tmp_path: Path) -> None:
    ids = [str(111111111 + i) for i in range(20)]
    folder = _folder(tmp_path, ids)
    labels = ["Name_Calling-Labeling", "Doubt"]
    every = read_semeval2023(folder, "all", labels)
    held = read_semeval2023(folder, "heldout", labels)
    train = read_semeval2023(folder, "train", labels)
    assert [a.id for a in every] == sorted(ids)
    assert sorted(a.id for a in held + train) == sorted(ids)
    assert all(is_heldout(a.id) for a in held) and not any(is_heldout(a.id) for a in train)
    art = every[0]
    assert art.paragraphs == {1: set(), 3: {"Name_Calling-Labeling"}, 5: set()}
    label, s, e = art.spans[0]
    assert (label, art.text[s:e]) == ("Name_Calling-Labeling", "puppet regime")
    with pytest.raises(ValueError, match="split"):
        read_semeval2023(folder, "dev")


def test_paragraph_labels_follow_from_overlapping_spans() -> None:
    start = TEXT.index("talks")
    assert paragraphs_of_spans(TEXT, [("Doubt", start, start + 5), ("Slogans", 0, 9)]) == {
        1: {"Slogans"}, 3: {"Doubt"}, 5: set()}


def test_micro_and_macro_f1_as_the_task_scores_them() -> None:
    labels = ["A", "B", "C"]
    gold = {("x", 1): {"A"}, ("x", 3): {"A", "B"}, ("x", 5): set()}
    predicted = {("x", 1): {"A"}, ("x", 3): {"B", "C"}, ("x", 5): {"A"}}
    scores = paragraph_scores(gold, predicted, labels)
    # A: tp 1, fp 1, fn 1 -> 0.5; B: tp 1 -> 1.0; C: fp 1 -> 0.0; micro tp 2, fp 2, fn 1
    assert scores.per_label["A"].f1 == pytest.approx(0.5)
    assert scores.per_label["B"].f1 == pytest.approx(1.0)
    assert scores.per_label["C"].f1 == 0.0
    assert scores.micro_f1 == pytest.approx(2 * 2 / (2 * 2 + 2 + 1))
    assert scores.macro_f1 == pytest.approx(1.5 / 3)
    assert scores.macro_f1_gold == pytest.approx(1.5 / 2)  # C has no gold paragraph
    assert paragraph_scores(gold, {}, labels).micro_f1 == 0.0


def test_the_task_scorer_counts_a_label_never_gold_nor_predicted_as_found() -> None:
    # the task's scorer is scikit-learn's f1_score(average="macro", zero_division=1): D occurs in
    # no paragraph, gold or predicted, and scores 1 there; C (predicted, never gold) scores 0
    labels = ["A", "B", "C", "D"]
    gold = {("x", 1): {"A"}, ("x", 3): {"A", "B"}, ("x", 5): set()}
    predicted = {("x", 1): {"A"}, ("x", 3): {"B", "C"}, ("x", 5): {"A"}}
    scores = paragraph_scores(gold, predicted, labels)
    assert scores.macro_f1 == pytest.approx(1.5 / 4)
    assert scores.macro_f1_official == pytest.approx(2.5 / 4)
    assert scores.macro_f1_gold == pytest.approx(1.5 / 2)
    # a label with gold paragraphs and no prediction scores 0 either way
    nothing = paragraph_scores(gold, {}, labels)
    assert nothing.macro_f1 == 0.0
    assert nothing.macro_f1_official == pytest.approx(2 / 4)  # C and D: neither gold nor predicted
