"""Refusing to do harm to someone is no rejection of them: "refused to fire Tom Baker", "refused
to sanction Russia"; refusing to help or to meet them is ("refused to provide weapons to
Ukraine"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Senator Maria Lopez refused to fire Tom Baker.", set()),
        ("Hungary refused to sanction Russia.", set()),
        ("Obama refused to provide weapons to Ukraine.", {("Q76", "REJECT", "Q212")}),
    ],
)
def test_refusing_to_harm_someone_rejects_no_one(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] == "REJECT"} == expected
