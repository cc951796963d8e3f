"""DocumentIndex.state_of: the country an actor acts for, from the gazetteer and from the text.

Sentences written for these tests; Q145 United Kingdom, Q1029 Mozambique, Q801 Israel, Q227
Azerbaijan, Q114 Kenya, Q159 Russia, Q399 Armenia, Q230 Georgia.
"""

from __future__ import annotations

import pytest

from presslens.index import DocumentIndex
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _index(analyzer: Analyzer, text: str) -> tuple[Document, DocumentIndex]:
    analysis = analyzer.analysis(RawArticle(text=text, source="test"))
    assert analysis.index is not None
    return analysis.doc, analysis.index


def _by_name(doc: Document, name: str) -> str:
    return next(a.id for a in doc.actors if a.name == name)


def test_a_demonym_before_a_persons_office_gives_their_state(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "British Defence Secretary Tom King promised aid to Mozambique on Tuesday.")
    king = _by_name(doc, "Tom King")
    assert index.state_of(king) == "Q145"
    aid = next(r for r in doc.relations if r.source == king)
    assert (aid.source_state, aid.target_state) == ("Q145", "Q1029")


def test_an_army_acts_for_its_state(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "The Israeli army shelled positions of Hezbollah in southern Lebanon on Monday.")
    army = next(a for a in doc.actors if a.kind == "institution")
    assert index.state_of(army.id) == "Q801"
    assert {r.source_state for r in doc.relations if r.source == army.id} == {"Q801"}
    # an armed group is located in a state; it does not act for it
    assert index.state_of(_by_name(doc, "Hezbollah")) is None


def test_a_parliament_acts_for_its_state(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "The Azerbaijani parliament condemned the resolution on Wednesday.")
    parliament = next(a for a in doc.actors if a.kind == "institution")
    assert index.state_of(parliament.id) == "Q227"


def test_a_body_outside_the_gazetteer_takes_the_state_its_name_names(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "The Kenyan Senate approved the deal with China on Friday.")
    senate = next(a for a in doc.actors if a.kind == "institution")
    assert analyzer.gazetteer.get(senate.id) is None
    assert index.state_of(senate.id) == "Q114"


def test_a_minister_in_the_gazetteer_acts_for_the_state_of_its_entry(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "Sergei Lavrov accused Ukraine of sabotaging the talks on Monday.")
    lavrov = _by_name(doc, "Sergey Lavrov")
    assert index.state_of(lavrov) == "Q159"
    assert doc.actor("Q159") is None  # a state the article does not name


def test_a_ministry_and_a_party_act_for_their_state(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "The Armenian Foreign Ministry protested against the new law on Monday.")
    assert index.state_of(next(a.id for a in doc.actors if a.kind == "institution")) == "Q399"
    doc, index = _index(analyzer, "Georgian Dream accused the EU of interfering in the elections.")
    assert index.state_of(next(a.id for a in doc.actors if a.kind == "party")) == "Q230"
    assert index.state_of("Q458") is None  # an alliance acts for no one state


def test_a_country_is_its_own_state(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "Poland sanctioned Belarus last week.")
    assert {a.id: index.state_of(a.id) for a in doc.actors} == {a.id: a.id for a in doc.actors}
    relation = doc.relations[0]
    assert (relation.source_state, relation.target_state) == (relation.source, relation.target)


def test_analysts_and_former_leaders_act_for_no_state(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "Serbian political scientist Dragan Petrovic said Belgrade would not recognise Kosovo.")
    assert index.state_of(_by_name(doc, "Dragan Petrovic")) is None
    doc, index = _index(analyzer, "Former US president Joe Biden criticised Russia on Monday.")
    assert index.state_of(_by_name(doc, "Joe Biden")) is None


def test_an_office_given_its_state_elsewhere_gives_the_office_holder_theirs(analyzer: Analyzer) -> None:
    # wire copy: the office with its state in the first sentence, the name with the office in
    # the next (Q1246 Kosovo)
    doc, index = _index(analyzer, "Border shooting\n\nA police officer was wounded on Wednesday, "
                                  "Kosovo's interior minister said.\n\nInterior Minister Xhelal "
                                  "Sveçla said the gunmen had fired from a wooded slope.")
    assert index.state_of(_by_name(doc, "Xhelal Sveçla")) == "Q1246"


def test_an_office_given_two_states_elsewhere_gives_none(analyzer: Analyzer) -> None:
    # two states' interior ministers spoke: which one he is the text does not say here
    doc, index = _index(analyzer, "Border shooting\n\nKosovo's interior minister and Serbia's "
                                  "interior minister met on Wednesday.\n\nInterior Minister "
                                  "Xhelal Sveçla said the gunmen had fired from a wooded slope.")
    assert index.state_of(_by_name(doc, "Xhelal Sveçla")) is None


def test_a_bodys_state_named_past_where_the_recogniser_stopped(analyzer: Analyzer) -> None:
    # NER stops "the Ministry of Foreign Affairs and International Cooperation of the Kingdom of
    # Cambodia" at "and"; the rest of the phrase names its state (Q424 Cambodia, Q869 Thailand)
    doc, index = _index(analyzer, "Border statement\n\nThe Ministry of Foreign Affairs and "
                                  "International Cooperation of the Kingdom of Cambodia condemns "
                                  "the shelling by Thailand.\n")
    ministry = next(a.id for a in doc.actors if a.kind == "institution")
    assert index.state_of(ministry) == "Q424"


def test_what_stands_before_a_bodys_name_gives_it_no_state(analyzer: Analyzer) -> None:
    doc, index = _index(analyzer, "Watchdog\n\nThe Washington-based Project on Defense Spending "
                                  "of the Federation of American Taxpayers criticised Israel.\n")
    assert all(index.state_of(a.id) is None for a in doc.actors if a.kind != "country")
