"""An unlisted person has one id whatever the order of the names: a headline that names them by
surname ("Sinologist Varenko: ...") and a lede that gives the full name make the id of the full
name, as when the full name comes first. A regional scholar's title ("Turkologist",
"Sinologist") is a role noun, not part of the name. Every text here was written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _people(doc: Document) -> dict[str, str]:
    return {a.id: a.name for a in doc.actors if a.kind == "person" and a.wikidata is None}


def test_a_surname_first_takes_the_id_of_the_full_name_after_it(analyzer: Analyzer) -> None:
    surname_first = _analyze(analyzer, (
        "Political scientist Dobrynin: the port deal ties Baku to Ankara\n\n"
        "Political scientist Lev Dobrynin said the port deal tied Azerbaijan to Turkey. "
        "Dobrynin added that Armenia would protest.\n"
    ))
    full_first = _analyze(analyzer, (
        "The port deal ties Baku to Ankara\n\n"
        "Political scientist Lev Dobrynin said the port deal tied Azerbaijan to Turkey. "
        "Dobrynin added that Armenia would protest.\n"
    ))
    assert _people(surname_first) == _people(full_first) == {"person:lev_dobrynin": "Lev Dobrynin"}


def test_a_regional_scholars_title_is_not_part_of_the_name(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, (
        "Trade between the two neighbours keeps growing. This is how Sinologist Marta Velikanova "
        "described relations between China and Kazakhstan. The expert said Astana had no choice.\n"
    ))
    assert _people(doc) == {"person:marta_velikanova": "Marta Velikanova"}
