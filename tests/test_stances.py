"""Stance stage: sign from asserted relations and from evaluative language, holders, evidence."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _doc(analyzer: Analyzer, body: str) -> Document:
    text = f"Voices from the region\nMarch 3 2025\n\n{body}\n"
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _signs(doc: Document) -> dict[tuple[str, str], int]:
    out = {}
    for stance in doc.stances:
        holder = stance.holder if stance.holder == "outlet" else doc.actor(stance.holder).name  # type: ignore[union-attr]
        out[(holder, doc.actor(stance.target).name)] = stance.sign  # type: ignore[union-attr]
    return out


def test_speaker_hostile_to_who_threatens_their_side(analyzer: Analyzer) -> None:
    body = (
        "Speaking with Harbour Times, the Georgian political scientist Nino Beridze explained "
        'her view.\n\n"Moscow threatens us every year," Beridze said.'
    )
    doc = _doc(analyzer, body)
    assert _signs(doc)[("Nino Beridze", "Russia")] == -1


def test_evaluative_language_gives_the_sign(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The Kyiv regime cannot be trusted. '
        'Serbia is a reliable partner," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Ukraine")] == -1
    assert signs[("Ivan Petrov", "Serbia")] == 1


def test_negated_evaluation_flips(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Beijing never lectures anyone," Petrov said.'
    assert _signs(_doc(analyzer, body))[("Ivan Petrov", "China")] == 1


def test_outlet_holds_unquoted_text(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Moldova is a mere instrument of Brussels, a puppet without a will.")
    signs = _signs(doc)
    assert signs[("outlet", "Moldova")] == -1
    assert all(holder == "outlet" for holder, _ in signs)


def test_control_portrays_both_ends_negatively(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Baku is a puppet of Ankara," Petrov said.'
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Azerbaijan")] == -1
    assert signs[("Ivan Petrov", "Turkey")] == -1


def test_backing_an_aggressor_is_hostile(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Poland has attacked Belarus again. '
        'Berlin supports Poland in everything," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Poland")] == -1
    assert signs[("Ivan Petrov", "Germany")] == -1


def test_scores_and_evidence_are_consistent(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"The Kyiv regime lies," Petrov said.'
    doc = _doc(analyzer, body)
    assert doc.stances
    for stance in doc.stances:
        assert -1.0 <= stance.score <= 1.0 and abs(stance.score) >= 0.25
        assert (stance.score > 0) == (stance.sign == 1)
        for ev in stance.evidence:
            assert "Kyiv" in doc.text[ev.start : ev.end]


def test_a_report_in_a_neutral_voice_takes_no_side(analyzer: Analyzer) -> None:
    body = "Poland deployed troops to the Belarusian border on Monday. Minsk protested against the move."
    signs = _signs(_doc(analyzer, body))
    assert not any(holder == "outlet" for holder, _ in signs)


def test_an_evaluating_outlet_keeps_its_stance_from_events(analyzer: Analyzer) -> None:
    body = "The Lithuanian regime lies every day. Poland deployed troops to the Belarusian border on Monday."
    assert _signs(_doc(analyzer, body))[("outlet", "Poland")] == -1


def test_mutual_acts_single_out_no_side(analyzer: Analyzer) -> None:
    body = 'The analyst Ivan Petrov spoke to us.\n\n"Baku and Yerevan fought two wars," Petrov said.'
    signs = _signs(_doc(analyzer, body))
    assert ("Ivan Petrov", "Azerbaijan") not in signs and ("Ivan Petrov", "Armenia") not in signs


def test_possessor_of_a_relational_noun_is_not_its_referent(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"Only Serbia has ever stood between Montenegro '
        'and its enemies," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs.get(("Ivan Petrov", "Montenegro")) != -1


def test_evaluative_participle_and_wider_lexicon(analyzer: Analyzer) -> None:
    body = (
        'The analyst Ivan Petrov spoke to us.\n\n"The OSCE is paralysed. Hungary is a '
        'trustworthy neighbour, and Croatia is a warmonger," Petrov said.'
    )
    signs = _signs(_doc(analyzer, body))
    assert signs[("Ivan Petrov", "Organization for Security and Co-operation in Europe")] == -1
    assert signs[("Ivan Petrov", "Hungary")] == 1
    assert signs[("Ivan Petrov", "Croatia")] == -1
