"""A list "A, B and C" that the parser reads as an apposition B of A with C conjoined to B is a
list: every member acts. An apposition without a conjunct of its own, or one that
names another sort of actor, stays an apposition. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def fast() -> Analyzer:
    return Analyzer(profile="fast")


def test_every_titled_member_of_a_subject_list_acts(fast: Analyzer) -> None:
    doc = bulletin(
        fast,
        "Filmmaker Tom Hallett, novelist Greta Sorvik and singer Alma Reyes attacked "
        "Senator Paul Dorrance for his remarks.",
    )
    assert named_acts(doc) == {
        ("Tom Hallett", "ACCUSE", "Paul Dorrance"),
        ("Greta Sorvik", "ACCUSE", "Paul Dorrance"),
        ("Alma Reyes", "ACCUSE", "Paul Dorrance"),
    }


def test_an_apposition_without_a_list_names_no_second_side(fast: Analyzer) -> None:
    doc = bulletin(fast, "The minister, Ruth Calloway, criticized Senator Paul Dorrance on Monday.")
    assert {r[0] for r in named_acts(doc)} <= {"Ruth Calloway"}


def test_a_head_naming_no_actor_stands_for_the_list_it_is_set_beside(fast: Analyzer) -> None:
    # "the two leaders" names nobody itself: the list after it is who signed
    doc = bulletin(fast, "The two leaders, Vladimir Putin and Xi Jinping, signed a treaty in Moscow.")
    assert {("Vladimir Putin", "AGREE", "Xi Jinping"), ("Xi Jinping", "AGREE", "Vladimir Putin")} <= named_acts(doc)
