"""A state's membership of an alliance is an alignment with it ("Croatia is a member of NATO":
ALLY); the predicate noun ``member`` is read only between those kinds (``source_kinds``,
``target_kinds`` in the relation lexicon), so a person's seat in a body or a state's seat in a UN
organ states nothing, and a negated membership states nothing either. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Croatia is a member of NATO.", {("Q224", "ALLY", "Q7184")}),
        ("Armenia and Belarus are members of the CSTO.", {("Q399", "ALLY", "Q318693"),
                                                         ("Q184", "ALLY", "Q318693")}),
        ("Croatia, a member of the European Union, backed the plan.", {("Q224", "ALLY", "Q458")}),
    ],
)
def test_a_state_member_of_an_alliance_is_its_ally(analyzer: Analyzer, body: str,
                                                   expected: set[tuple[str, str, str]]) -> None:
    assert expected <= bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    "body",
    [
        "Norway is not a member of the European Union.",
        "Russia is a permanent member of the UN Security Council.",
        "Jane Holm, a member of the Swedish parliament, spoke first.",
    ],
)
def test_other_memberships_state_no_alignment(analyzer: Analyzer, body: str) -> None:
    assert not [r for r in bulletin_relations(analyzer, body) if r[1] == "ALLY"]
