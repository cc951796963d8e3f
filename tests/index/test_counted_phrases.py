"""A quantity word stands for the noun it counts ("a group of Russian hackers", "dozens of Armenian
soldiers", "a number of Estonian websites"); people counted by their demonym act privately
("thousands of Serbs"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("A group of Russian hackers launched cyber attacks on a number of Estonian websites.",
         ("Q159", "ASSAULT", "Q191")),
        ("Dozens of Armenian soldiers attacked Azerbaijani posts.", ("Q399", "ASSAULT", "Q227")),
    ],
)
def test_the_counted_noun_stands_for_the_phrase(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


def test_people_counted_by_their_demonym_act_for_nobody(analyzer: Analyzer) -> None:
    rows = bulletin_relations(analyzer, "Thousands of Serbs protested against the government of Kosovo.")
    assert not any(row[0] == "Q403" for row in rows)
