"""Historical and context-dependent names (issue 15, item 7): former names of states as gazetteer
names (Zaire, Kampuchea, Byelorussia, Burma, Swaziland, Ceylon), former states as their own actors
(West and East Germany, the European Community, the Soviet Union), and forms shared by several
entries read by their sentence ("Congo", "Macedonia": `context_names`). Every sentence here was
written for these tests. Q974 DR Congo, Q971 Republic of the Congo, Q221 North Macedonia."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _ids(doc: Document) -> set[str]:
    return {a.id for a in doc.actors}


@pytest.mark.parametrize(("text", "qid"), [
    ("Zaire accused its neighbours of arming the rebels.", "Q974"),
    ("Kampuchea rejected the proposal in 1978.", "Q424"),
    ("Byelorussia signed the treaty in Minsk.", "Q184"),
    ("Burma released the prisoners on Monday.", "Q836"),
    ("Swaziland hosted the summit.", "Q1050"),
    ("Ceylon demanded a new trade agreement.", "Q854"),
    ("West Germany protested against the decision.", "Q713750"),
    ("East Germany closed the border overnight.", "Q16957"),
    ("The European Community imposed sanctions in 1982.", "Q208202"),
    ("The Soviet Union vetoed the resolution.", "Q15180"),
    ("The USSR vetoed the resolution.", "Q15180"),
])
def test_former_names_are_actors(analyzer: Analyzer, text: str, qid: str) -> None:
    assert qid in _ids(_analyze(analyzer, text))


def test_european_community_is_not_the_eu(analyzer: Analyzer) -> None:
    ids = _ids(_analyze(analyzer, "The European Community imposed sanctions in 1982."))
    assert "Q458" not in ids


def test_congo_with_brazzaville_in_its_sentence_is_the_republic(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Congo said from Brazzaville that it would close the river port.")
    assert "Q971" in _ids(doc)
    assert "Q974" not in _ids(doc)


def test_congo_with_kinshasa_in_its_sentence_is_the_drc(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Congo said from Kinshasa that it would close the river port.")
    assert "Q974" in _ids(doc)
    assert "Q971" not in _ids(doc)


def test_bare_congo_keeps_the_drc(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Congo accused Rwanda of backing the rebels.")
    assert "Q974" in _ids(doc)
    assert "Q971" not in _ids(doc)


def test_macedonia_is_the_state_where_the_sentence_says_so(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Macedonia's government in Skopje agreed to the new name.")
    assert "Q221" in _ids(doc)


def test_macedonia_the_region_is_not_the_state(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Tourists crowded the beaches of the Greek region of Macedonia.")
    assert "Q221" not in _ids(doc)
    doc = _analyze(analyzer, "Alexander the Great was born in ancient Macedonia.")
    assert "Q221" not in _ids(doc)
