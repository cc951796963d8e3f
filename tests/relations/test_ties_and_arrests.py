"""Ties set up with another state are cooperation (cut or severed, a sanction); "ties to X" names
no one's act. Someone arrested or detained with no agent named is arrested by the state of the
place ("was detained in Mali"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected", "absent"),
    [
        ("Laos has established diplomatic ties with Malta.",
         ("Q819", "COOPERATE", "Q233"), None),
        ("Lithuania severed diplomatic ties with Belarus in 2021.",
         ("Q37", "SANCTION", "Q184"), ("Q37", "COOPERATE", "Q184")),
        ("The reporter Amadou Keita was detained on Friday in Mali.",
         ("Q912", "COERCE", "person:amadou_keita"), None),
    ],
)
def test_the_act_is_read(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str],
    absent: tuple[str, str, str] | None,
) -> None:
    rows = bulletin_relations(analyzer, body)
    assert expected in rows
    assert absent not in rows


def test_ties_to_someone_name_no_act(analyzer: Analyzer) -> None:
    rows = bulletin_relations(analyzer, "A Cypriot bank with ties to the Kremlin paid Peter Lang.")
    assert not any(row[1] == "COOPERATE" for row in rows)


def test_apprehending_is_an_arrest(analyzer: Analyzer) -> None:
    rows = bulletin_relations(analyzer, "Greek police apprehended a Turkish man near the border.")
    assert ("Q41", "COERCE", "Q43") in rows


def test_evidence_shared_is_cooperation(analyzer: Analyzer) -> None:
    rows = bulletin_relations(analyzer, "The U.S. Department of Justice has shared evidence with Peru.")
    assert ("Q1553390", "COOPERATE", "Q419") in rows
