"""Religious and ethnic communities as group actors (data/lexicons/communities.yaml): a plural
noun heading its noun phrase, or an adjective before "community"; never an adjective alone.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from presslens.actors.lexicons import communities
from presslens.ingest import RawArticle
from presslens.model import Actor, Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _groups(doc: Document) -> dict[str, Actor]:
    return {a.id: a for a in doc.actors if a.id.startswith("group:")}


def test_lexicon_lists_nouns_and_adjectives() -> None:
    lexicon = communities()
    assert lexicon.nouns["Muslims"] == "Muslims" and lexicon.adjectives["Jewish"] == "Jews"
    assert lexicon.nouns["evangelicals"] == "Evangelicals"
    assert "Armenians" not in lexicon.nouns  # a state's demonym is the state's mention


@pytest.mark.parametrize(
    ("text", "key", "mention"),
    [
        ("The president's order banned Muslims from entering the country.", "group:muslims",
         "Muslims"),
        ("Many Jews criticized the senator for his silence.", "group:jews", "Jews"),
        ("Evangelicals backed the nominee in large numbers.", "group:evangelicals", "evangelicals"),
        ("The ruling angered Hispanics in the border towns.", "group:hispanics", "Hispanics"),
        ("The Kurds have fought the militants for three years.", "group:kurds", "Kurds"),
        ("The aid has strengthened the Syrian Kurds' ambitions.", "group:kurds", "Kurds"),
        ("The plan drew fear within the Latino community.", "group:latinos", "Latino community"),
        ("The mayor met leaders of African Americans in the city.", "group:african_americans",
         "African Americans"),
    ],
)
def test_a_community_named_by_its_noun_is_a_group(
        analyzer: Analyzer, text: str, key: str, mention: str) -> None:
    groups = _groups(_analyze(analyzer, text))
    assert key in groups and groups[key].kind == "group" and groups[key].wikidata is None
    assert [m.text.lower() for m in groups[key].mentions] == [mention.lower()]


@pytest.mark.parametrize(
    "text",
    [
        "Islamic scholars met in the capital on Monday.",
        "The senator defended Christian values in his speech.",
        "The prime minister spoke of the Jewish state.",
        "A Muslim teenager was admitted to the university.",
        "The government struggled to rein in Shiite militias.",
    ],
)
def test_a_community_adjective_alone_is_no_actor(analyzer: Analyzer, text: str) -> None:
    assert _groups(_analyze(analyzer, text)) == {}


def test_a_community_inside_a_quotation_is_no_actor(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, 'The synod appealed to "all Christians of good will" to speak up.')
    assert _groups(doc) == {}


def test_a_countrys_demonym_inside_a_communitys_noun_is_not_the_country(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Native Americans protested against the pipeline.")
    ids = {a.id for a in doc.actors}
    assert "group:native_americans" in ids and "Q30" not in ids


def test_a_known_organisation_keeps_its_name(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Muslim Brotherhood denied the charges.")
    assert "group:muslims" not in _groups(doc)
    assert any(a.name == "Muslim Brotherhood" for a in doc.actors)
