"""Regions (US states, provinces: gazetteer/regions.yaml) and cities as actors where they stand
for their government, places elsewhere. Every sentence here was written for these tests.
Q1439 Texas, Q99 California, Q1166 Michigan, Q1397 Ohio, Q829 Utah, Q1415 Indiana, Q30 the US,
Q230 Georgia (the country), Q212 Ukraine, Q159 Russia, Q145 the United Kingdom, Q223 Greenland,
Q9648 the Falkland Islands."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from presslens.actors.gazetteer import GAZETTEER_PACKAGE, Entry, shipped_gazetteer
from presslens.index import DocumentIndex
from presslens.ingest import RawArticle
from presslens.model import Actor, Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _by_id(doc: Document) -> dict[str, Actor]:
    return {a.id: a for a in doc.actors}


def _roles(actor: Actor) -> list[tuple[str, str]]:
    return [(m.text, m.role) for m in actor.mentions]


# ------------------------------------------------------------------ the gazetteer file
def _regions() -> list[Entry]:
    text = resources.files(GAZETTEER_PACKAGE).joinpath("regions.yaml").read_text(encoding="utf-8")
    return [Entry.model_validate(item) for item in yaml.safe_load(text)]


def test_regions_file_has_the_us_states_and_points_at_countries() -> None:
    regions = _regions()
    gaz = shipped_gazetteer()
    assert all(e.kind == "region" for e in regions)
    territories = {"Puerto Rico", "Guam"}  # self-governing, not states
    us = [e for e in regions if e.affiliation == "Q30" and e.name not in territories]
    assert len(us) == 51  # the 50 states and the District of Columbia
    assert {e.name for e in regions if e.affiliation == "Q30"} >= territories
    for entry in regions:
        country = gaz.get(entry.affiliation or "")
        assert country is not None and country.kind == "country", entry.name
        assert gaz.get(entry.key) == entry, entry.name


def test_bare_georgia_stays_the_country() -> None:
    forms = {f for e in _regions() for f in (e.name, *e.names, *e.acronyms, *e.capitals)}
    assert "Georgia" not in forms and "Washington" not in forms and "Victoria" not in forms


# ------------------------------------------------------------------ regions acting
@pytest.mark.parametrize(
    ("text", "qid", "word"),
    [
        ("Texas sued the administration over the new rule.", "Q1439", "Texas"),
        ("California's governor vetoed the bill on Friday.", "Q99", "California"),
        ("Texas officials said the wall would be finished.", "Q1439", "Texas"),
        ("Michigan Gov. Rick Snyder apologized to the families.", "Q1166", "Michigan"),
        ("The governor of Ohio signed the order.", "Q1397", "Ohio"),
        ("The Justice Department filed a lawsuit against Texas.", "Q1439", "Texas"),
        ("The Supreme Court struck down a Texas abortion law.", "Q1439", "Texas"),
        ("Greenland rejected the offer, and Denmark backed it.", "Q223", "Greenland"),
        ("Argentina renewed its claim to the Falkland Islands.", "Q9648", "Falkland Islands"),
    ],
)
def test_a_region_that_acts_is_an_actor(analyzer: Analyzer, text: str, qid: str, word: str) -> None:
    actors = _by_id(_analyze(analyzer, text))
    assert qid in actors and actors[qid].kind == "region"
    assert (word, "name") in _roles(actors[qid])


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        ("Hundreds of supporters gathered at a rally in Ohio on Monday.", "Q1397"),
        ("A start-up based in Provo, Utah, raised new money.", "Q829"),
        ("A Wisconsin high school suspended the athlete.", "Q1537"),
        ("Both candidates barnstormed Indiana before the primary.", "Q1415"),
        ("Kazakhstan has not recognised the annexation of Crimea.", None),
    ],
)
def test_a_region_named_as_a_place_is_no_actor(analyzer: Analyzer, text: str, qid: str | None) -> None:
    doc = _analyze(analyzer, text)
    assert not [a for a in doc.actors if a.kind == "region"]
    if qid is not None:
        assert qid not in _by_id(doc)


def test_a_regions_capital_stands_for_its_government_or_is_a_place(analyzer: Analyzer) -> None:
    acting = _by_id(_analyze(analyzer, "Sacramento pushed back against the federal plan."))
    assert ("Sacramento", "metonym") in _roles(acting["Q99"])
    place = _by_id(_analyze(analyzer, "The lawmakers met in Sacramento on Tuesday."))
    assert "Q99" not in place


def test_a_regions_name_inside_a_citys_name_is_the_city(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "New York City Mayor Bill de Blasio criticized the plan.")
    actors = _by_id(doc)
    assert "Q1384" not in actors
    assert "city:new_york_city" in actors and actors["city:new_york_city"].kind == "region"


def test_a_regions_senate_is_not_the_us_senate(analyzer: Analyzer) -> None:
    actors = _by_id(_analyze(analyzer, "The Texas Senate passed the bill on Monday."))
    assert not any(a.name == "United States Senate" for a in actors.values())
    # the state's body (an organisation's name absorbs the region's) or the state itself
    assert "org:texas_senate" in actors or "Q1439" in actors


def test_bare_georgia_is_the_caucasian_state(analyzer: Analyzer) -> None:
    actors = _by_id(_analyze(analyzer, "Georgia accused Russia of moving the border fence."))
    assert "Q230" in actors and "Q1428" not in actors


def test_a_region_acts_for_no_state(analyzer: Analyzer) -> None:
    analysis = analyzer.analysis(RawArticle(
        text="Texas sued the Trump administration, and California's governor joined the suit.",
        source="test"))
    assert analysis.index is not None
    index: DocumentIndex = analysis.index
    for region in ("Q1439", "Q99"):
        assert index.state_of(region) is None


# ------------------------------------------------------------------ cities
@pytest.mark.parametrize(
    ("text", "key", "word"),
    [
        ("Chicago's mayor criticized the president on Sunday.", "city:chicago", "Chicago"),
        ("Dallas police arrested two men after the march.", "city:dallas", "Dallas"),
        ("Miami officials closed the beaches on Friday.", "city:miami", "Miami"),
        ("The city of Oakland sued the oil companies.", "city:oakland", "Oakland"),
    ],
)
def test_a_city_named_with_its_government_is_an_actor(
        analyzer: Analyzer, text: str, key: str, word: str) -> None:
    actors = _by_id(_analyze(analyzer, text))
    assert key in actors and actors[key].kind == "region"
    assert (word, "name") in _roles(actors[key])


def test_a_city_as_a_place_is_no_actor(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The candidate spoke at a rally in Chicago on Monday.")
    assert not [a for a in doc.actors if a.kind == "region"]


def test_a_capitals_mayor_is_the_citys_and_its_officials_the_states(analyzer: Analyzer) -> None:
    actors = _by_id(_analyze(analyzer, "London's mayor attacked the plan, and the mayor of Kyiv "
                                       "agreed with him."))
    assert "city:london" in actors and "city:kyiv" in actors
    assert "Q145" not in actors and "Q212" not in actors
    state = _by_id(_analyze(analyzer, "Moscow officials said nothing about the plan."))
    assert ("Moscow", "metonym") in _roles(state["Q159"])
