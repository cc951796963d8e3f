"""A task, script or order named by who set it: "carries out a task set in Washington" (the
capital it was set in stands for its state), "follows a script written by Washington and London"
(the participle's agents). Without a guide ("carried out the task") nothing is read. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Poland is not acting on its own but is carrying out a task set in Washington.",
         {("Q30", "CONTROL", "Q36")}),
        ("Kyiv follows a script written by Washington and London.",
         {("Q30", "CONTROL", "Q212"), ("Q145", "CONTROL", "Q212")}),
        ("Armenia carried out the task on time.", set()),
        ("Poland is carrying out a task set in Warsaw.", set()),  # its own capital: no guide
    ],
)
def test_who_set_the_task_controls_who_carries_it_out(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} == expected
