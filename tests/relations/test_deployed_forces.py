"""A deployment noun that names the forces it moves and not who moves them: "the deployment of a
German brigade in Lithuania", "the deployment of Russian troops on the territory of Belarus".
The forces' owner moves them (MOBILIZE), toward the state the deployment is in or sent to; the
parser often hangs that place on the forces. Fortifying one's border with a state is a show of
force toward it too (PLOVER MOBILIZE: "fortify positions"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The deployment of a German tank brigade in Lithuania changes the balance in the region.",
         ("Q183", "MOBILIZE", "Q37")),
        ("The deployment of Russian troops on the territory of Belarus alarmed the neighbours.",
         ("Q159", "MOBILIZE", "Q184")),
        ("A deployment of French warships to Cyprus was announced on Friday.",
         ("Q142", "MOBILIZE", "Q229")),
        ("Finland and Norway are fortifying their borders with Russia.", ("Q33", "MOBILIZE", "Q159")),
        ("Finland and Norway are fortifying their borders with Russia.", ("Q20", "MOBILIZE", "Q159")),
        ("Greece reinforced its border with Turkey after the incident.", ("Q41", "MOBILIZE", "Q43")),
    ],
)
def test_the_owner_of_deployed_forces_moves_them(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    "body",
    [
        "The deployment of German software in Lithuania went smoothly.",  # no forces named
        "The deployment of the brigade in Lithuania was praised.",  # forces of nobody named
    ],
)
def test_no_deployment_is_read_without_forces_of_an_actor(analyzer: Analyzer, body: str) -> None:
    assert not {r for r in bulletin_relations(analyzer, body) if r[1] == "MOBILIZE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the help goes to the country the UN force serves (as CAMEO codes such sentences)
        ("Norway is deploying 200 troops to the UN peacekeeping force in Lebanon.",
         ("Q20", "AID", "Q822")),
        ("Russia is sending troops to the border with Ukraine.", ("Q159", "MOBILIZE", "Q212")),
    ],
)
def test_troops_sent_to_a_peacekeeping_mission_help(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    rows = bulletin_relations(analyzer, body)
    assert expected in rows
    assert (expected[0], "MOBILIZE" if expected[1] == "AID" else "AID", expected[2]) not in rows


@pytest.mark.parametrize(
    ("body", "expected", "not_expected"),
    [
        # whose units are moved is the mover's side; the move is aimed at the border's other state
        ("Iran moved additional units of the Revolutionary Guard to the border with Armenia.",
         ("Q794", "MOBILIZE", "Q399"), "institution:islamic_revolutionary_guard_corps"),
    ],
)
def test_the_forces_moved_are_no_target(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str], not_expected: str
) -> None:
    found = bulletin_relations(analyzer, body)
    assert expected in found
    assert not any(row[2] == not_expected for row in found)
