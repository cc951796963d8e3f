"""Full names run together with nothing between them (a poll's options, a row of tags) are a list
of people, not one person; a name with given names inside it stays whole. Every name and sentence
here was written for these tests."""

from __future__ import annotations

import pytest
from tests._articles import analyze_with_entities

from presslens.actors.joined_names import name_cuts
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _cut(words: str, starts: tuple[int, ...] = ()) -> list[str]:
    split = words.split()
    cuts = name_cuts(split, [i in starts for i in range(len(split))])
    return [" ".join(split[a:b]) for a, b in zip(cuts, [*cuts[1:], len(split)], strict=True)]


@pytest.mark.parametrize(("run", "names"), [
    ("Laura Vinter Peter Halvorsen", ["Laura Vinter", "Peter Halvorsen"]),
    ("Helen Arkwright Peter Dunmore Sarah Keel", ["Helen Arkwright", "Peter Dunmore", "Sarah Keel"]),
    # three names found by their given names, all of two words: the four-word piece is two names
    ("Laura Vinter Osric Tamblyn Peter Dunmore Sarah Keel",
     ["Laura Vinter", "Osric Tamblyn", "Peter Dunmore", "Sarah Keel"]),
])
def test_a_run_of_full_names_is_cut_into_them(run: str, names: list[str]) -> None:
    assert _cut(run) == names


def test_a_word_where_ner_begins_a_person_opens_a_name() -> None:
    assert _cut("Laura Vinter Osric Tamblyn", starts=(2,)) == ["Laura Vinter", "Osric Tamblyn"]


@pytest.mark.parametrize("name", [
    "Maria Anna Vinter",  # given names in the middle: a piece needs two words before a cut
    "John Michael Scott Dunmore",  # "Scott" follows a given name: a middle name, not a new one
    "Osric Laura Vinter Tamblyn",  # no given name first: no list of people
    "Laura Vinter",
])
def test_one_name_stays_whole(name: str) -> None:
    assert _cut(name, starts=tuple(range(1, len(name.split())))) == [name]


POLL = ("Harbour board vote\n\nWho should chair the harbour board next year? * Laura Vinter "
        "Peter Halvorsen Sarah Keel David Ormsby\n\nThe board meets on Monday.")


def test_people_of_a_poll_are_people_of_their_own(analyzer: Analyzer) -> None:
    # the recogniser's cuts of the run, as it makes them in some lists
    doc = analyze_with_entities(analyzer, POLL, [("Laura Vinter Peter Halvorsen", "PERSON", 0),
                                                 ("Sarah Keel David", "PERSON", 0)])
    people = {a.name for a in doc.actors if a.kind == "person"}
    assert {"Laura Vinter", "Peter Halvorsen", "Sarah Keel", "David Ormsby"} <= people
    assert not any(len(name.split()) > 2 for name in people)


def test_a_title_in_the_run_keeps_it_from_being_a_list(analyzer: Analyzer) -> None:
    text = "Port Louis Mayor Helen Arkwright said the harbour would stay open."
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    people = {a.name for a in doc.actors if a.kind == "person"}
    assert "Helen Arkwright" in people
    assert not any("Mayor" in name for name in people)
