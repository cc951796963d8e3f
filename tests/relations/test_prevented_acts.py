"""An act kept from happening is not asserted: "to prevent a US attack on North Korea", "worked
to avert a Russian invasion of Ukraine" state a feared act (hypothetical), while "condemned the US
attack on Syria" states one that happened. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "source", "target", "modality"),
    [
        ("The missiles are designed to prevent a US attack on North Korea.", "Q30", "Q423", "hypothetical"),
        ("Diplomats worked to avert a Russian invasion of Ukraine.", "Q159", "Q212", "hypothetical"),
        ("Russia condemned the US attack on Syria.", "Q30", "Q858", "asserted"),
    ],
)
def test_a_prevented_act_is_not_asserted(
    analyzer: Analyzer, body: str, source: str, target: str, modality: str
) -> None:
    doc = bulletin(analyzer, body)
    found = [r for r in doc.relations if (r.source, r.type, r.target) == (source, "ASSAULT", target)]
    assert [r.modality for r in found] == [modality]
