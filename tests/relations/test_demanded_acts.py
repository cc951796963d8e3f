"""What a demand's that-clause states is asked for, not done: the demand is the relation ("demanded
that Kabul return the base" is a REQUEST of Kabul, no RETREAT), as for a request's
to-infinitive; under other verbs of asking the act is hypothetical. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    "body",
    [
        "Trump demanded that Kabul return the air base to the United States.",
        "Trump demanded that Kabul withdraw its troops from Pakistan.",
    ],
)
def test_the_act_demanded_is_no_relation_of_its_own(analyzer: Analyzer, body: str) -> None:
    rows = bulletin_relations(analyzer, body)
    assert ("Q22686", "REQUEST", "Q889") in rows
    assert not any(row[1] == "RETREAT" for row in rows)


@pytest.mark.parametrize(
    ("body", "act"),
    [
        ("Greece proposed that Turkey and Cyprus hold talks.", ("Q43", "CONSULT", "Q229")),
        ("Moscow recommended that Armenia leave the CSTO.", ("Q399", "RETREAT", "Q318693")),
        ("The court ordered that Turkey release the Greek soldiers.", ("Q43", "RETREAT", "Q41")),
    ],
)
def test_the_act_a_proposal_or_order_names_is_hypothetical(
    analyzer: Analyzer, body: str, act: tuple[str, str, str]
) -> None:
    doc = bulletin(analyzer, body)
    named = [r for r in doc.relations if (r.source, r.type, r.target) == act]
    assert named and all(r.modality == "hypothetical" for r in named)


def test_a_said_clause_keeps_its_modality(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "Greece said that Turkey attacked Cyprus.")
    attacks = [r for r in doc.relations if r.type == "ASSAULT"]
    assert [(r.source, r.target, r.modality) for r in attacks] == [("Q43", "Q229", "asserted")]
