"""Three readings of nouns: the agent of "the decision of X to leave Y" leaves Y; the infinitive
of "X's refusal to recognise Y" (or "the refusal of X to ...") is not done, so it is a
rejection, not recognition; "expressed its gratitude to X" is support. Sentences written for
these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_the_agent_after_of_does_the_decided_act(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Ghana respects the decision of Togo and Benin to leave ECOWAS next year."))
    assert any(r[0] == "Togo" and r[1] == "RETREAT" for r in rows)
    assert any(r[0] == "Benin" and r[1] == "RETREAT" for r in rows)


def test_a_refusal_to_recognise_is_no_recognition(analyzer: Analyzer) -> None:
    for text in ("Bolivia expelled the envoy over the refusal of Peru to recognise the vote.",
                 "Bolivia expelled the envoy over Peru's refusal to recognise the vote of Bolivia."):
        rows = named_acts(bulletin(analyzer, text))
        assert not {r for r in rows if r[0] == "Peru" and r[1] == "SUPPORT"}, text


def test_gratitude_expressed_is_support(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Ghana expressed its sincere gratitude to the Government of Togo for its mediation."))
    assert ("Ghana", "SUPPORT", "Togo") in rows
