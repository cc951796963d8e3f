"""Acts read through two slips of the small English parser (syntax/misparse.py): a verb the tagger
takes for a noun still states its act when it heads a subject and a direct object as only a verb
does ("Canada and the UN hand over food stocks to X", "hand" tagged a noun), a noun that heads no
such clause states none; a verb hung as a reduced relative under its subject, the sentence's
root, acts for that subject ("The Iraqi air force carried out ... strikes, killing ...").
Sentences written for these tests."""

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


def test_the_act_of_a_verb_hung_under_its_subject_is_the_subjects(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer,
        "The Iraqi air force carried out at least three air strikes in western Mosul, killing "
        "several dozens of Islamic State fighters.",
    ))
    assert ("Iraq", "ASSAULT", "Islamic State") in rows
