"""Relation stage: direction, coordination, negation, modality, first person, asserted_by, cues.

Texts are short articles written for these tests in the genre (headline, dateline, paragraphs).
"""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document, Relation
from presslens.pipeline import Analyzer
from presslens.relations import naive_baseline
from presslens.relations.lexicon import relation_lexicon, relation_types


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _doc(analyzer: Analyzer, body: str, headline: str = "Analysts weigh in") -> Document:
    text = f"{headline}\nMarch 3 2025\n\n{body}\n"
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _names(doc: Document, relation: Relation) -> tuple[str, str, str]:
    source, target = doc.actor(relation.source), doc.actor(relation.target)
    assert source is not None and target is not None
    return source.name, target.name, relation.type


def _triples(doc: Document) -> set[tuple[str, str, str]]:
    return {_names(doc, r) for r in doc.relations}


def test_types_file_defines_polarity_and_sources() -> None:
    types = relation_types()
    assert len(types) == 19
    assert types["ASSAULT"].polarity == -1 and types["AID"].polarity == 1
    assert types["CONSULT"].polarity == 0
    assert all("PLOVER" in t.source for name, t in types.items() if name not in ("ALLY", "ADVERSARY", "CONTROL"))
    lexicon = relation_lexicon()
    used = {c.type for c in lexicon.verbs.values()} | {p.cue.type for p in lexicon.phrases}
    assert used <= set(types)


def test_active_voice_direction(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Poland sanctioned Belarus last week.")
    assert _triples(doc) == {("Poland", "Belarus", "SANCTION")}
    relation = doc.relations[0]
    assert relation.polarity == -1 and relation.modality == "asserted"
    assert doc.text[relation.start : relation.end] == relation.text == "Poland sanctioned Belarus last week."


def test_passive_voice_takes_the_agent_as_source(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Georgia is steered by Washington, the commentator claimed.")
    assert ("United States", "Georgia", "CONTROL") in _triples(doc)


def test_nominal_forms(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "The talks collapsed after Turkey's incursion into Syria in the spring.")
    assert ("Turkey", "Syria", "ASSAULT") in _triples(doc)
    doc = _doc(analyzer, "Russian aggression against Georgia began long before 2008.")
    assert ("Russia", "Georgia", "ASSAULT") in _triples(doc)


def test_coordinated_backers_give_one_relation_each(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "The new government in Kyiv is backed by Paris, Berlin and Washington.")
    triples = _triples(doc)
    for backer in ("France", "Germany", "United States"):
        assert (backer, "Ukraine", "SUPPORT") in triples


def test_coordinated_targets(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Ankara can talk to Tehran and to Riyadh at the same time.")
    assert {("Turkey", "Iran", "CONSULT"), ("Turkey", "Saudi Arabia", "CONSULT")} <= _triples(doc)


def test_predicate_nominal_control(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Baku is a puppet of Ankara, the blogger wrote.")
    assert ("Turkey", "Azerbaijan", "CONTROL") in _triples(doc)


def test_multiword_control_cue(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "The government of Armenia takes orders from Paris on every question.")
    assert ("France", "Armenia", "CONTROL") in _triples(doc)


def test_ally_and_adversary_cues(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Serbia is an ally of Russia in the Balkans.")
    assert ("Serbia", "Russia", "ALLY") in _triples(doc)
    doc = _doc(analyzer, "Azerbaijan has always been hostile to Armenia.")
    assert ("Azerbaijan", "Armenia", "ADVERSARY") in _triples(doc)


def test_negated_alliance_is_not_a_positive_relation(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Brussels has not once acted as an ally of Serbia.")
    assert not any(r.polarity == 1 for r in doc.relations)


def test_negated_verb_is_dropped_or_flipped(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Germany did not sanction Hungary.")
    assert doc.relations == []
    quoted = '"We will not abandon Serbia," the Russian analyst Ivan Petrov said.'
    doc = _doc(analyzer, quoted)
    assert ("Russia", "Serbia", "SUPPORT") in _triples(doc)


def test_cannot_consider_partner_is_reject(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Lithuania cannot consider Belarus a partner after the crisis.")
    triples = _triples(doc)
    assert ("Lithuania", "Belarus", "REJECT") in triples
    assert not any(t[2] == "ALLY" for t in triples)


def test_future_and_hypothetical_modality(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Poland will sanction Belarus next month.")
    assert [r.modality for r in doc.relations] == ["future"]
    doc = _doc(analyzer, "Iran may attack Israel if the talks fail.")
    assert [r.modality for r in doc.relations] == ["hypothetical"]


def test_first_person_resolves_to_demonym_affiliation(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the Georgian political scientist Nino Beridze explained "
        "her view.\n\n\"Moscow threatens us every year,\" Beridze said."
    )
    doc = _doc(analyzer, body)
    assert ("Russia", "Georgia", "THREATEN") in _triples(doc)


def test_first_person_without_evidence_is_the_speaker(analyzer: Analyzer) -> None:
    body = 'The blogger Anton Kerr has a view.\n\n"Moscow threatens us every year," Kerr said.'
    doc = _doc(analyzer, body)
    assert ("Russia", "Anton Kerr", "THREATEN") in _triples(doc)


def test_asserted_by_quote_speaker_and_outlet(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the analyst Nino Beridze said more.\n\n"
        '"Moscow threatens Tbilisi every year," Beridze said.\n\n'
        "Estonia expelled Russian diplomats in May."
    )
    doc = _doc(analyzer, body)
    by_type = {r.type: r for r in doc.relations}
    speaker = by_type["THREATEN"].asserted_by
    assert speaker is not None and doc.actor(speaker) is not None
    assert doc.actor(speaker).name == "Nino Beridze"  # type: ignore[union-attr]
    outlet = by_type["COERCE"].asserted_by
    assert outlet is not None and doc.actor(outlet).kind == "media"  # type: ignore[union-attr]


def test_ministry_acts_for_its_state(analyzer: Analyzer) -> None:
    body = "Russia's Foreign Ministry on Monday accused Estonia of discrimination. Russia wants talks."
    doc = _doc(analyzer, body)
    assert ("Russia", "Estonia", "ACCUSE") in _triples(doc)


def test_confidence_and_offsets(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Paris even floated sending troops to Ukraine. Warsaw urged caution.")
    assert doc.relations
    for relation in doc.relations:
        assert 0.0 < relation.confidence <= 1.0
        assert doc.text[relation.start : relation.end] == relation.text


def test_naive_baseline_pairs_every_actor(analyzer: Analyzer) -> None:
    text = "Headline\nMarch 3 2025\n\nPoland and Belarus met Lithuania.\n"
    sdoc = analyzer.nlp(text)
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    pairs = naive_baseline(doc, sdoc, "SUPPORT")
    assert len(pairs) == 6 and {r.type for r in pairs} == {"SUPPORT"}
