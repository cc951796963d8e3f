"""Title-case and all-caps headlines are read on a case-normalised copy: the words of a headline
that the article does not show to be names are not names. Events ("Brexit") are never actors, and
an organisation's name absorbs a city's ("... College London"). Every text here was written for
these tests."""

from __future__ import annotations

from presslens.actors.headlines import headline_lines
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _names(doc: Document) -> list[str]:
    return [m.text for a in doc.actors for m in a.mentions if a.kind != "country"]


def _owner_kind(doc: Document, start: int) -> str | None:
    return next((a.kind for a in doc.actors for m in a.mentions if m.start == start), None)


def test_headline_lines_are_title_case_or_capitals_only() -> None:
    text = (
        "Dorian Vell Threatens to Subpoena Marlowe After Harbour Probe Wraps\n\n"
        "DORIAN VELL NOT RECOMMENDING NEW CHARGES\n\n"
        "Dorian Vell said the inquiry would continue.\n"
        "– What does Valdora want from this?\n"
        "Valdora is Marlowe's harbour – Vell\n"
    )
    starts = [text[s:e].split()[0] for s, e in headline_lines(text)]
    assert starts == ["Dorian", "DORIAN"]


def test_verbs_of_a_title_case_headline_are_not_part_of_names(analyzer: Analyzer) -> None:
    doc = _analyze(
        analyzer,
        "Dorian Vell Threatens to Subpoena Marlowe After Harbour Probe Wraps\n\n"
        "March 3, 2019\n\n"
        "Dorian Vell, who chairs the harbour committee, said on Sunday that he would call Tomas "
        "Marlowe to testify about the port contracts.\n",
    )
    names = _names(doc)
    assert not [n for n in names if "Threatens" in n or "Subpoena" in n or "Wraps" in n]
    headline_vell = doc.text.index("Dorian Vell")
    assert _owner_kind(doc, headline_vell) == "person"
    marlowe = doc.text.index("Marlowe")
    assert _owner_kind(doc, marlowe) == "person"


def test_an_all_caps_headline_keeps_only_its_names(analyzer: Analyzer) -> None:
    doc = _analyze(
        analyzer,
        "ROBERT HARLAN NOT RECOMMENDING NEW INDICTMENTS\n\n"
        "March 3, 2019\n\n"
        "The inquiry led by Robert Harlan has ended without new indictments, officials said.\n",
    )
    assert not [n for n in _names(doc) if "RECOMMENDING" in n or "NOT" in n]


def test_the_common_words_of_a_headline_are_not_names(analyzer: Analyzer) -> None:
    doc = _analyze(
        analyzer,
        "How Aldric III Lost the Northern Provinces\n\n"
        "March 3, 2019\n\n"
        "Historians still argue over why Aldric III gave up the north after a short war.\n",
    )
    assert not [n for n in _names(doc) if "Lost" in n or "Provinces" in n]


def test_an_event_is_never_a_person_or_an_organisation(analyzer: Analyzer) -> None:
    doc = _analyze(
        analyzer,
        "Harbour Party Plot to Destroy Brexit Revealed\n\n"
        "March 3, 2019\n\n"
        "Brexit has divided the party for three years. Its members met on Monday to discuss "
        "Brexit and a second referendum.\n",
    )
    names = _names(doc)
    assert not [n for n in names if "Brexit" in n or "Destroy" in n]


def test_an_organisations_name_absorbs_a_citys(analyzer: Analyzer) -> None:
    doc = _analyze(
        analyzer,
        "A lecturer at Harrowgate College London said the vote had been close.\n",
    )
    assert _owner_kind(doc, doc.text.index("London")) != "country"
