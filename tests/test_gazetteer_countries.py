"""The states part of the shipped gazetteer (countries.yaml): completeness, ids, surface forms."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from importlib import resources

import pytest
import yaml

from presslens.actors.gazetteer import GAZETTEER_PACKAGE, Entry, shipped_gazetteer

# 193 UN member states + 2 observer states + 9 partially recognised or de facto states.
MIN_COUNTRIES = 195 + 8

# Surface forms deliberately shared by two countries, with the reason. None so far: ambiguous
# forms are given to one state (bare "Congo" to the DRC) or left out (bare "Korea").
ALLOWED_SHARED: dict[str, str] = {}

# Countries without a capital in the file, with the reason.
NO_CAPITAL = {
    "Q40362": "Sahrawi Republic: the claimed capital Laayoune is Moroccan-held, the government sits in camps in Algeria",
    "Q15180": "Soviet Union (former_states.yaml): Moscow is a mention of its successor, Russia",
    "Q713750": "West Germany (former_states.yaml): Bonn is today a city of Germany",
    "Q16957": "East Germany (former_states.yaml): East Berlin is today part of Berlin, Germany's capital",
}


def _countries() -> list[Entry]:
    return [e for e in shipped_gazetteer() if e.kind == "country"]


def _by_qid() -> dict[str, Entry]:
    return {e.qid: e for e in _countries() if e.qid}


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()


def test_enough_countries() -> None:
    assert len(_countries()) >= MIN_COUNTRIES


def test_every_country_has_a_well_formed_unique_qid() -> None:
    qids = [e.qid for e in _countries()]
    assert all(q is not None and re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    duplicates = {q for q in qids if qids.count(q) > 1}
    assert not duplicates


def test_countries_file_is_alphabetical_and_one_entry_per_state() -> None:
    raw = yaml.safe_load(
        resources.files(GAZETTEER_PACKAGE).joinpath("countries.yaml").read_text("utf-8")
    )
    names = [item["name"] for item in raw]
    assert names == sorted(names, key=_fold)
    assert len(set(names)) == len(names)
    assert {item["kind"] for item in raw} == {"country"}


def test_no_surface_form_is_claimed_by_two_countries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in _countries():
        assert e.qid is not None
        for form in (e.name, *e.names, *e.acronyms, *e.demonyms, *e.capitals, *e.seats):
            owners[form].add(e.qid)
    shared = {
        form: qids for form, qids in owners.items() if len(qids) > 1 and form not in ALLOWED_SHARED
    }
    assert not shared


def test_every_country_has_a_name_and_a_capital() -> None:
    for e in _countries():
        assert e.name and e.names, e.name
        if e.qid in NO_CAPITAL:
            assert not e.capitals, f"{e.name} has a capital now: drop it from NO_CAPITAL"
        else:
            assert e.capitals, e.name


def test_no_blank_or_padded_surface_forms() -> None:
    for e in _countries():
        for form in (e.name, *e.names, *e.acronyms, *e.demonyms, *e.capitals, *e.seats):
            assert form and form == form.strip() and "  " not in form, (e.name, form)


@pytest.mark.parametrize(
    ("qid", "field", "form"),
    [
        ("Q399", "capitals", "Yerevan"),
        ("Q399", "demonyms", "Armenian"),
        ("Q227", "capitals", "Baku"),
        ("Q227", "demonyms", "Azerbaijani"),
        ("Q230", "capitals", "Tbilisi"),
        ("Q159", "capitals", "Moscow"),
        ("Q159", "seats", "Kremlin"),
        ("Q159", "names", "Russian Federation"),
        ("Q212", "capitals", "Kyiv"),
        ("Q212", "capitals", "Kiev"),
        ("Q30", "acronyms", "US"),
        ("Q30", "acronyms", "U.S."),
        ("Q30", "seats", "White House"),
        ("Q30", "capitals", "Washington"),
        ("Q145", "acronyms", "UK"),
        ("Q145", "seats", "Downing Street"),
        ("Q145", "demonyms", "British"),
        ("Q142", "seats", "Élysée"),
        ("Q148", "seats", "Zhongnanhai"),
        ("Q43", "names", "Türkiye"),
        ("Q43", "names", "Turkey"),
        ("Q43", "capitals", "Ankara"),
        ("Q794", "capitals", "Tehran"),
        ("Q801", "capitals", "Jerusalem"),
        ("Q183", "capitals", "Berlin"),
        ("Q232", "capitals", "Astana"),
        ("Q184", "capitals", "Minsk"),
        ("Q878", "acronyms", "UAE"),
        ("Q423", "acronyms", "DPRK"),
        ("Q974", "acronyms", "DRC"),
    ],
)
def test_spot_checks(qid: str, field: str, form: str) -> None:
    entry = _by_qid().get(qid)
    assert entry is not None, qid
    assert form in getattr(entry, field), (entry.name, field)


@pytest.mark.parametrize(
    ("qid", "name"),
    [
        ("Q159583", "Holy See"),
        ("Q219060", "Palestine"),
        ("Q1246", "Kosovo"),
        ("Q865", "Taiwan"),
        ("Q31354462", "Abkhazia"),
        ("Q23427", "South Ossetia"),
        ("Q23681", "Northern Cyprus"),
        ("Q40362", "Sahrawi Arab Democratic Republic"),
        ("Q907112", "Transnistria"),
        ("Q34754", "Somaliland"),
        ("Q244165", "Artsakh"),
        ("Q958", "South Sudan"),
    ],
)
def test_observers_and_partially_recognised_states_present(qid: str, name: str) -> None:
    entry = _by_qid().get(qid)
    assert entry is not None and entry.name == name


def test_vatican_names_the_holy_see() -> None:
    holy_see = _by_qid()["Q159583"]
    assert "Vatican" in holy_see.names
    assert "Vatican City" in holy_see.capitals
