"""Organisations outside the state: companies, universities, leagues and advocacy groups from the
gazetteer (companies.yaml), and organisations the named-entity model tags that the gazetteer
lacks, including one before a lower-case post ("a Google spokesman", "Deutsche Bank economist
X"). Every sentence here was written for these tests. Q918 Twitter, Q95 Google, Q907311 Netflix,
Q355 Facebook, Q41506 Stanford University."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from presslens.actors.gazetteer import GAZETTEER_PACKAGE, Entry
from presslens.ingest import RawArticle
from presslens.model import Actor, Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _actor_at(doc: Document, word: str) -> Actor | None:
    start = doc.text.index(word)
    for actor in doc.actors:
        for m in actor.mentions:
            if m.start <= start < m.end and m.role != "place":
                return actor
    return None


def test_companies_file_holds_organisations_of_no_state() -> None:
    text = resources.files(GAZETTEER_PACKAGE).joinpath("companies.yaml").read_text(encoding="utf-8")
    entries = [Entry.model_validate(item) for item in yaml.safe_load(text)]
    assert {e.kind for e in entries} <= {"organization", "group"}
    assert all(e.affiliation is None for e in entries)
    forms = {f for e in entries for f in (*e.names, *e.acronyms)}
    assert not forms & {"Amazon", "Ford", "GM", "Columbia", "Princeton", "Meta", "Tesla"}


@pytest.mark.parametrize(
    ("text", "word", "qid"),
    [
        ("Twitter suspended the account on Friday.", "Twitter", "Q918"),
        ("Facebook's chief executive defended the policy.", "Facebook", "Q355"),
        ("The senator accused Google of bias.", "Google", "Q95"),
        ("Netflix said it would drop the show.", "Netflix", "Q907311"),
        ("A Stanford law professor started the recall campaign.", "Stanford", "Q41506"),
    ],
)
def test_a_company_or_university_of_the_gazetteer(
        analyzer: Analyzer, text: str, word: str, qid: str) -> None:
    actor = _actor_at(_analyze(analyzer, text), word)
    assert actor is not None and actor.wikidata == qid and actor.kind == "organization"


def test_a_bare_name_inside_a_persons_name_is_the_person(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Stanford Franklin, a retired police officer, testified on Wednesday.")
    actor = _actor_at(doc, "Stanford")
    assert actor is not None and actor.kind == "person"


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("A BlackRock spokesman declined to comment on the deal.", "BlackRock", "BlackRock"),
        ("It is an emergency now, said Deutsche Bank economist Gilles Moec.", "Deutsche",
         "Deutsche Bank"),
    ],
)
def test_an_organisation_before_a_lower_case_post_is_an_actor(
        analyzer: Analyzer, text: str, word: str, name: str) -> None:
    actor = _actor_at(_analyze(analyzer, text), word)
    assert actor is not None and actor.kind == "organization" and actor.name == name


def test_a_capitalised_title_after_a_name_is_no_organisation(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Every appeal is read by Supreme Leader Ali Khamenei as weakness.")
    assert not [a for a in doc.actors if a.kind == "organization"]


def test_an_organisation_name_absorbs_a_regions_name(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The University of Texas rejected the request.")
    actor = _actor_at(doc, "Texas")
    assert actor is not None and actor.kind != "region"


@pytest.mark.parametrize("noun", ["Alliance", "Council", "Organisation"])
def test_a_capitalised_generic_noun_alone_is_no_organisation(analyzer: Analyzer, noun: str) -> None:
    # "the Alliance" refers back to the alliance named before it; it is no actor of its own
    doc = _analyze(analyzer, (
        f'Asked about the future of NATO, the analyst replied: "The {noun} has turned into a sales '
        'office for arms makers."\n'
    ))
    assert [a.id for a in doc.actors if a.wikidata is None and a.kind != "person"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ties with Moscow rest on gas: the TurkStream gas pipeline and the Akkuyu nuclear power "
         "plant, the expert said.\n", "TurkStream"),
        ("Ties with Moscow rest on gas: the TurkStream gas pipeline and the Akkuyu nuclear power "
         "plant, the expert said.\n", "Akkuyu"),
    ],
)
def test_a_name_modifying_infrastructure_is_no_organisation(analyzer: Analyzer, text: str, name: str) -> None:
    # the name's phrase is headed, further on, by a noun of infrastructure (non_actors.yaml)
    assert _actor_at(_analyze(analyzer, text), name) is None


def test_a_name_the_article_gives_a_thing_names_that_thing_alone_too(analyzer: Analyzer) -> None:
    # "the Kedrovik missile system" names a weapon; the headline's and a later bare "Kedrovik"
    # name it too, not a person (the name is made up)
    text = (
        'Belarusian analyst: "Kedrovik" cools hot heads in Warsaw and Vilnius\n\n'
        "The deployment of the Russian Kedrovik missile system on the territory of Belarus was a "
        "response, the analyst said.\n\n"
        "In Warsaw the deployment of Kedrovik was called a threat to the whole region.\n"
    )
    doc = _analyze(analyzer, text)
    assert not [a.id for a in doc.actors if "kedrovik" in a.id]
    # a name that only modifies what a person leads ("the Hartley campaign") stays a person
    kept = _analyze(analyzer, "The Hartley campaign raised money.\n\nHartley criticised Moscow on Tuesday.\n")
    assert [a.id for a in kept.actors if a.id == "person:hartley"]


def test_a_common_word_opening_a_sentence_is_no_name(analyzer: Analyzer) -> None:
    # "Blackmail" opens a dialogue line; the article writes "blackmail" in lower case before
    text = (
        "Analyst: Minsk is not bluffing\n\n"
        "– Some in Warsaw call the new base blackmail.\n\n"
        "– Blackmail is when foreign missiles are placed next to our border, the expert replied.\n"
    )
    doc = _analyze(analyzer, text)
    assert not [a.id for a in doc.actors if a.kind == "person"]
    # a surname opening a sentence is still a name where the article never writes it in lower case
    named = _analyze(analyzer, "News in brief\n\nThe minister Petra Hollis spoke on Monday. Hollis said the talks failed.\n")
    assert [a.id for a in named.actors if a.kind == "person"] == ["person:petra_hollis"]


def test_a_disease_written_like_a_name_is_no_actor(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Outbreak in the east\n\nEbola has returned to the province, the ministry said.\n")
    assert _actor_at(doc, "Ebola") is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Former Secretary of State Peter Lang condemned the move on Monday.", "State"),
        ("Defense Secretary Tom Baker met the delegation on Monday.", "Defense"),
        ("Treasury Secretary Maria Lopez testified on Monday.", "Treasury"),
        ("The envoy met Bishop Roger Vale in Rome on Monday.", "Bishop"),
    ],
)
def test_a_word_of_a_persons_title_is_no_organisation(analyzer: Analyzer, text: str, word: str) -> None:
    doc = _analyze(analyzer, "News in brief\n\n" + text + "\n")
    assert _actor_at(doc, word) is None
    assert [a.kind for a in doc.actors if a.kind == "person"]


def test_an_organisation_named_after_a_title_stays_one(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "News in brief\n\nThe Chairman of the Transitional Sovereignty Council spoke on Monday.\n")
    found = _actor_at(doc, "Transitional")
    assert found is not None and found.kind != "person"


def test_a_sites_own_documents_are_no_organisation(analyzer: Analyzer) -> None:
    # the boilerplate of a scraped page
    doc = _analyze(analyzer, "News in brief\n\nThe talks failed on Monday. You also agree to this "
                             "site's Privacy Policy and Terms of Use.\n")
    assert _actor_at(doc, "Privacy") is None
    think_tank = _analyze(analyzer, "News in brief\n\nThe Center for Security Policy said the talks failed.\n")
    assert _actor_at(think_tank, "Center") is not None


def test_a_companys_legal_form_alone_is_no_organisation(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "News in brief\n\nThe talks failed on Monday.\nDistributed by Harbor Content Agency, LLC.\n")
    assert _actor_at(doc, "LLC") is None
    assert _actor_at(doc, "Harbor") is not None
