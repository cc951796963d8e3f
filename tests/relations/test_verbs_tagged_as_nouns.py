"""A verb the tagger takes for a noun still states its act when it heads a subject and a direct
object as only a verb does ("Canada and the UN hand over food stocks to X", "hand" tagged a
noun); a noun that heads no such clause states none. Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_coordinated_givers_hand_over_goods(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Canada and the UN hand over emergency food stocks to the Malian authorities.",
        )
    )
    assert {("Canada", "AID", "Mali"), ("United Nations", "AID", "Mali")} <= set(rows)


def test_a_hand_that_heads_no_clause_gives_nothing(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Canada's hand in the talks with Mali was strengthened by the new envoy.",
        )
    )
    assert not {r for r in rows if r[1] == "AID"}
