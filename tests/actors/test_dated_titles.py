"""Time-aware titles (issue 15, item 2): "the British prime minister" is whoever held the office on
the article's publication date (gazetteer/terms/offices.yaml), nobody in an undated article that
does not name a holder, and a holder the undated article names. Every sentence here was written
for these tests. Q207 George W. Bush, Q22686 Donald Trump, Q7747 Vladimir Putin."""

from __future__ import annotations

import datetime as dt
import itertools
from importlib import resources

import pytest
import yaml

from presslens.actors.gazetteer import GAZETTEER_PACKAGE, shipped_gazetteer
from presslens.actors.offices import TERMS_FILE, parse_offices, publication_date
from presslens.ingest import RawArticle
from presslens.model import Document, Meta
from presslens.pipeline import Analyzer

PM = "The British prime minister said the withdrawal deal was dead."
US = "Officials rejected a demand from the US President to reopen the talks."


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, text: str, published: str | None = None) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test", meta=Meta(published=published)))


def _titles(doc: Document) -> dict[str, str]:
    return {m.text: a.name for a in doc.actors for m in a.mentions if m.role == "title"}


@pytest.mark.parametrize(("published", "holder"), [
    ("2019-03-14", "Theresa May"),
    ("2019-07-24", "Boris Johnson"),  # the successor's first day
    ("2006-05-02T10:00:00Z", "Tony Blair"),
    ("1995-01-10", "John Major"),
    ("2025-03-14", "Keir Starmer"),
])
def test_a_title_is_its_holder_on_the_publication_date(analyzer: Analyzer, published: str,
                                                      holder: str) -> None:
    assert _titles(_analyze(analyzer, PM, published)) == {"The British prime minister": holder}


def test_an_undated_article_that_names_no_holder_resolves_the_title_to_nobody(
        analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, PM)
    assert _titles(doc) == {}
    assert [a for a in doc.actors if a.kind == "person"] == []


def test_an_undated_article_keeps_the_holder_it_names(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Theresa May met her cabinet on Tuesday. " + PM)
    assert _titles(doc) == {"The British prime minister": "Theresa May"}
    assert not any(a.name == "Keir Starmer" for a in doc.actors)


def test_the_us_president_in_2006_is_bush_not_trump(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, US, "2006-05-02")
    ids = {a.id for a in doc.actors}
    assert "Q207" in ids
    assert "Q22686" not in ids
    assert _titles(_analyze(analyzer, US, "2018-05-02")) == {"the US President": "Donald Trump"}


def test_a_day_before_the_recorded_terms_has_no_holder(analyzer: Analyzer) -> None:
    assert _titles(_analyze(analyzer, PM, "1975-06-01")) == {}


@pytest.mark.parametrize(("text", "published", "holder"), [
    ("The German chancellor rejected the plan.", "2010-04-01", "Angela Merkel"),
    ("The French president rejected the plan.", "2010-04-01", "Nicolas Sarkozy"),
    ("The Russian president rejected the plan.", "2009-04-01", "Dmitry Medvedev"),
    ("The Russian president rejected the plan.", "2019-04-01", "Vladimir Putin"),
    ("The Chinese premier rejected the plan.", "2010-04-01", "Wen Jiabao"),
    ("The Japanese prime minister rejected the plan.", "2015-04-01", "Shinzo Abe"),
    ("The Italian prime minister rejected the plan.", "2005-04-01", "Silvio Berlusconi"),
    ("The Canadian prime minister rejected the plan.", "2010-04-01", "Stephen Harper"),
    ("The Russian foreign minister rejected the plan.", "2001-04-01", "Igor Ivanov"),
    ("The Brazilian president rejected the plan.", "2012-04-01", "Dilma Rousseff"),
    ("The Indian prime minister rejected the plan.", "2008-04-01", "Manmohan Singh"),
    ("The Turkish prime minister rejected the plan.", "2010-04-01", "Recep Tayyip Erdoğan"),
    ("The Saudi king rejected the plan.", "2010-04-01", "Abdullah bin Abdulaziz Al Saud"),
    ("The South African president rejected the plan.", "1996-04-01", "Nelson Mandela"),
    ("The Mexican president rejected the plan.", "2020-04-01", "Andrés Manuel López Obrador"),
    ("The Australian prime minister rejected the plan.", "2011-04-01", "Julia Gillard"),
    ("The UN secretary-general called for a ceasefire.", "2003-04-01", "Kofi Annan"),
    ("The NATO secretary general called for a ceasefire.", "2019-04-01", "Jens Stoltenberg"),
])
def test_offices_of_the_p5_and_the_g7_by_date(analyzer: Analyzer, text: str, published: str,
                                             holder: str) -> None:
    assert set(_titles(_analyze(analyzer, text, published)).values()) == {holder}


def test_a_persons_own_roles_follow_the_date(analyzer: Analyzer) -> None:
    """In a 2006 article Donald Trump is a businessman: "the president" is not him."""
    doc = _analyze(analyzer, "Donald Trump opened a new tower in Chicago. The president said the "
                             "war would go on.", "2006-05-02")
    assert _titles(doc).get("The president") != "Donald Trump"


def test_an_abolished_office_has_no_holder_after_it_ended(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Turkish prime minister rejected the plan.", "2020-04-01")
    assert _titles(doc) == {}


def test_a_former_holders_surname_continues_the_full_name_only(analyzer: Analyzer) -> None:
    """`short_names`: "May" after "Theresa May" is her; "May" alone is a month, not a person."""
    doc = _analyze(analyzer, "Theresa May flew to Brussels. May said the deal was done.",
                   "2019-03-14")
    may = next(a for a in doc.actors if a.name == "Theresa May")
    assert [m.text for m in may.mentions if m.role == "name"] == ["Theresa May", "May"]
    assert len([a for a in doc.actors if a.kind == "person"]) == 1
    doc = _analyze(analyzer, "Prices rose sharply in May, the statistics office said.", "2019-06-01")
    assert [a for a in doc.actors if a.kind == "person"] == []


def test_publication_dates_are_read_from_iso_values() -> None:
    assert publication_date("2019-03-14T09:00:00+00:00") == dt.date(2019, 3, 14)
    assert publication_date("2019-03") == dt.date(2019, 3, 15)
    assert publication_date("") is None
    assert publication_date("last Tuesday") is None


# ------------------------------------------------------------------ the terms file
def _offices():  # type: ignore[no-untyped-def]
    text = resources.files(GAZETTEER_PACKAGE).joinpath(TERMS_FILE).read_text(encoding="utf-8")
    return parse_offices(yaml.safe_load(text))


def test_every_holder_has_a_person_entry_with_a_gender() -> None:
    people = {e.name: e for e in shipped_gazetteer() if e.kind == "person"}
    for office in _offices():
        for term in office.terms:
            assert term.holder in people, f"{office.label}: {term.holder} has no person entry"
            assert people[term.holder].gender is not None, term.holder


def test_terms_are_ordered_and_do_not_overlap() -> None:
    for office in _offices():
        assert office.of in {e.qid for e in shipped_gazetteer()}, office.label
        terms = office.terms
        for term in terms:
            assert term.end is None or term.start < term.end, (office.label, term.holder)
        for before, after in itertools.pairwise(terms):
            assert before.end is not None and before.end <= after.start, (office.label, after.holder)
        if office.abolished is None:
            assert terms[-1].end is None, f"{office.label}: no current holder"
        else:  # the office ended (West Germany's chancellor, Turkey's prime minister)
            assert terms[-1].end == office.abolished, office.label
