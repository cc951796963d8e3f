"""A listed person named in full is then named by the last word of that name, even where the
gazetteer does not list the bare surname (it lists only those that point to one person anywhere:
"Petro" is also Petro Poroshenko's given name). Sentences written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _people(analyzer: Analyzer, text: str) -> dict[str, list[str]]:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    return {a.id: [m.text for m in a.mentions if m.role == "name"] for a in doc.actors
            if a.kind == "person"}


def test_the_bare_surname_after_the_full_name_is_the_listed_person(analyzer: Analyzer) -> None:
    people = _people(analyzer, "Strikes at sea\n\nColombian President Gustavo Petro called the "
                               "strikes murder on Sunday. On Monday the Treasury placed Petro "
                               "and his son on its sanctions list.\n")
    assert len(people) == 1
    (names,) = people.values()
    assert names == ["Gustavo Petro", "Petro"]


def test_a_given_name_the_recogniser_takes_for_an_organisation_is_the_person(
    analyzer: Analyzer,
) -> None:
    # the small model tags a lone given name as ORG now and then; named in full before, it is
    # that person ("Imran" after "Imran Awan")
    doc = analyzer.analyze(RawArticle(
        text="Fraud case\n\nProsecutors charged Imran Awan with bank fraud on Monday. The FBI "
             "arrested Imran at Dulles Airport in July.\n", source="test"))
    [person] = [a for a in doc.actors if a.kind == "person"]
    assert [m.text for m in person.mentions if m.role == "name"] == ["Imran Awan", "Imran"]
    assert not [a for a in doc.actors if a.name == "Imran" and a.kind != "person"]
