"""A demand named by a noun asks the one it names to act: "renewed its call for X to ...", "its
demand that X ...", "its calls on X to ..." (REQUEST from the noun's owner, else the subject of
the verb that makes it); a demand that names no one asks no one. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ankara renewed its call for Athens to withdraw the frigates.",
         ("Turkey", "REQUEST", "Greece")),
        ("Vilnius repeated its demand that Minsk close the border camps.",
         ("Lithuania", "REQUEST", "Belarus")),
        ("Hungary repeated its calls on Kyiv to restore the minority schools.",
         ("Hungary", "REQUEST", "Ukraine")),
    ],
)
def test_demand_noun_names_whom_it_asks(analyzer: Analyzer, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in named_acts(bulletin(analyzer, text))


def test_demand_for_goods_asks_no_state(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Turkish demand for Greek olive oil rose sharply in May."))
    assert not {r for r in rows if r[1] == "REQUEST"}
