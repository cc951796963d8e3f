"""A verb of pressing asks its object for what follows "for" as for what its to-infinitive says
("pressed Congress for new funding", "pushed Kyiv for a ceasefire"); pushing something of
another's aside asks no one. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin pushed Warsaw for a quick decision on the tanks.", ("Germany", "REQUEST", "Poland")),
        ("Tokyo pressed Seoul for a new fisheries deal.", ("Japan", "REQUEST", "South Korea")),
        ("Ottawa pushed Washington to drop the lumber tariffs.", ("Canada", "REQUEST", "United States")),
    ],
)
def test_the_one_pressed_is_asked(analyzer: Analyzer, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in named_acts(bulletin(analyzer, text))


def test_pushing_a_proposal_aside_asks_no_one(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Germany pushed the Polish proposal aside for a year."))
    assert not {r for r in rows if r[1] == "REQUEST"}
