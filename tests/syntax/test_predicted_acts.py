"""An act judged likely or unlikely is predicted, not reported ("is likely to attack":
hypothetical); one expected or poised to happen is scheduled (future); a tendency compared ("more
likely to blame") is stated of the subject (asserted). Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def fast() -> Analyzer:
    return Analyzer(profile="fast")


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Serbia is likely to recognise Kosovo next year.", "hypothetical"),
        ("Serbia is unlikely to recognise Kosovo next year.", "hypothetical"),
        ("Serbia is expected to recognise Kosovo next year.", "future"),
        ("Serbia recognised Kosovo, as expected.", "asserted"),
        ("Serbian leaders have been more likely to criticise Kosovo than others.", "asserted"),
    ],
)
def test_the_modality_of_a_predicted_act(fast: Analyzer, sentence: str, modality: str) -> None:
    doc = fast.analyze(RawArticle(text=f"Balkan news\n\n{sentence}\n", source="test"))
    kosovo = [r for r in doc.relations if r.target == "Q1246"]
    assert kosovo and {r.modality for r in kosovo} == {modality}
