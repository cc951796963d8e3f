"""Gendered pronouns stand only for persons whose known gender fits: the gazetteer's (Wikidata's
sex or gender), an honorific's, or the article's own earlier pronouns for them. An unknown gender
never blocks. Every sentence here was written for these tests."""

from __future__ import annotations

from presslens.actors.gazetteer import shipped_gazetteer
from presslens.actors.gender import entry_gender, fits, pronoun_gender
from presslens.index import DocumentIndex
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _analysis(analyzer: Analyzer, text: str) -> tuple[Document, DocumentIndex]:
    analysis = analyzer.analysis(RawArticle(text=text, source="test"))
    assert analysis.index is not None
    return analysis.doc, analysis.index


def _owner(doc: Document, word: str, nth: int = 0) -> str | None:
    starts = [i for i in range(len(doc.text)) if doc.text.startswith(word, i)
              and not doc.text[i - 1 : i].isalpha() and not doc.text[i + len(word) : i + len(word) + 1].isalpha()]
    start = starts[nth]
    for actor in doc.actors:
        if any(m.start == start for m in actor.mentions):
            return actor.id
    return None


def test_the_gazetteer_records_gender_for_people() -> None:
    gazetteer = shipped_gazetteer()
    assert entry_gender(gazetteer.get("Q22686")) == "m"  # Donald Trump
    assert entry_gender(gazetteer.get("Q10123")) in ("f", "")  # any entry: never fails
    people = [e for e in gazetteer if e.kind == "person"]
    assert people and all(e.gender in ("female", "male") for e in people)


def test_fits_only_blocks_a_known_mismatch() -> None:
    assert pronoun_gender("Herself") == "f" and pronoun_gender("his") == "m"
    assert pronoun_gender("it") is None
    assert fits("", "f") and fits("f", "f") and fits("m", "")
    assert not fits("m", "f")


def test_she_never_resolves_to_a_man_the_gazetteer_knows(analyzer: Analyzer) -> None:
    doc, _ = _analysis(
        analyzer,
        "Donald Trump met the delegation on Monday. She said the talks had gone well and "
        "promised to write to her colleagues herself.",
    )
    for word in ("She", "her", "herself"):
        assert _owner(doc, word) != "Q22686"


def test_she_resolves_past_a_man_to_the_woman_before_him(analyzer: Analyzer) -> None:
    doc, _ = _analysis(
        analyzer,
        "Maia Sandu spoke at the summit after Donald Trump had left. She said the region needed "
        "stability.",
    )
    assert _owner(doc, "She") == next(
        a.id for a in doc.actors if a.name == "Maia Sandu"
    )


def test_an_honorific_gives_the_gender(analyzer: Analyzer) -> None:
    doc, _ = _analysis(
        analyzer,
        "Mrs Helen Marlowe met Donald Trump in the capital. She told reporters the meeting "
        "had been useful.",
    )
    assert _owner(doc, "She") == next(a.id for a in doc.actors if a.name.endswith("Marlowe"))


def test_unknown_gender_never_blocks(analyzer: Analyzer) -> None:
    doc, _ = _analysis(analyzer, "Toma Verelst arrived in the city on Friday. She said little.")
    assert _owner(doc, "She") == next(a.id for a in doc.actors if a.name == "Toma Verelst")


def test_a_pronoun_inside_a_quote_keeps_to_gender(analyzer: Analyzer) -> None:
    _doc, index = _analysis(
        analyzer,
        'Priya Ventham said: "Donald Trump called me today. She will not like it."',
    )
    she = next(t for t in index.sdoc if t.text == "She")
    ids, _ = index.at(she)
    assert "Q22686" not in ids
