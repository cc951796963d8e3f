"""``presslens eval-techniques`` on a SemEval-2023 folder scores the default profile's merge of
the learned stage and today's detector beside each of them (a small folder written for the test;
the shared data is never read by the tests)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from presslens.cli import app
from presslens.techniques.eval2023 import evaluate2023

TEXT = (
    "Traitors and puppets run the ministry\n\n"
    "The corrupt regime lied again and again, a disgraceful betrayal of the nation.\n\n"
    "Our glorious homeland will never kneel before these criminals!\n\n"
    "The committee meets on Tuesday to discuss the budget.\n"
)


def _folder(tmp_path: Path, ids: list[str]) -> Path:
    (tmp_path / "train-articles-subtask-3").mkdir()
    (tmp_path / "train-labels-subtask-3-spans").mkdir()
    lines = []
    start = TEXT.index("corrupt regime")
    for art in ids:
        (tmp_path / "train-articles-subtask-3" / f"article{art}.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / "train-labels-subtask-3-spans" / f"article{art}-labels-subtask-3.txt").write_text(
            f"{art}\tName_Calling-Labeling\t{start}\t{start + 14}\n", encoding="utf-8")
        lines += [f"{art}\t1\tName_Calling-Labeling", f"{art}\t3\tName_Calling-Labeling",
                  f"{art}\t5\tFlag_Waving", f"{art}\t7\t"]
    (tmp_path / "train-labels-subtask-3.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_the_default_profile_is_scored_as_the_two_merged(tmp_path: Path) -> None:
    report = evaluate2023(_folder(tmp_path, ["111111111", "111111112"]), "all")
    learned, detector, both = report["learned"], report["baseline"], report["default"]
    per = [learned["per_label"], detector["per_label"], both["per_label"]]
    predicted_somewhere = False
    for label in per[2]:  # type: ignore[union-attr]
        n = [p[label]["predicted"] for p in per]  # type: ignore[index]
        # a paragraph label of the merge is one of either system's, and every one of theirs
        assert max(n[0], n[1]) <= n[2] <= n[0] + n[1], label
        predicted_somewhere = predicted_somewhere or n[2] > 0
    assert predicted_somewhere
    for figures in (learned, detector, both):
        # the task's scorer counts a label neither gold nor predicted as found: never lower
        assert figures["paragraph_macro_f1_official"] >= figures["paragraph_macro_f1"]  # type: ignore[operator]


def test_the_command_prints_the_default_profile_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["111111111"])
    result = CliRunner().invoke(app, ["eval-techniques", "--data", str(folder), "--split", "all"])
    assert result.exit_code == 0, result.output
    assert "default profile (both)" in result.output
    assert "task scorer" in result.output
