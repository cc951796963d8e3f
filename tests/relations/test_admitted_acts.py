"""Letting another's people do what the admitted come to do is granting them access (PLOVER
RETREAT): "Russia allowed IAEA inspectors to rotate at the plant" -> Russia RETREAT the IAEA, as
"allowed IAEA inspectors into the plant" already was; an act that is no admission ("allowed
Ukraine to export grain") is not read so. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russia allowed IAEA inspectors to rotate at the Zaporizhzhia plant.", ("Q159", "RETREAT", "Q41984")),
        ("Serbia permitted EU monitors to inspect the crossings.", ("Q403", "RETREAT", "Q458")),
        ("Russia allowed IAEA inspectors into the plant.", ("Q159", "RETREAT", "Q41984")),
    ],
)
def test_letting_the_admitted_act_grants_access(analyzer: Analyzer, body: str,
                                                expected: tuple[str, str, str]) -> None:
    assert expected in bulletin_relations(analyzer, body)


def test_other_permissions_are_no_admission(analyzer: Analyzer) -> None:
    found = bulletin_relations(analyzer, "Russia allowed Ukraine to export grain.")
    assert ("Q159", "RETREAT", "Q212") not in found
