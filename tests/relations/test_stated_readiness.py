"""Intent stated by a noun ("expressed readiness to work with X", "announced its intention to ...")
is intent as an adjective or a verb states it: the control noun's agent is the subject of the verb
that states it (``agent_taking_verbs``), the act is for later (AGREE, or THREATEN for a hostile
act), and a refusal announced stays a refusal. Plus two words of the lexicon: "lending" (stopped,
a SANCTION) and "reinforce" (forces moved). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Morocco expressed readiness to work with Algeria.", ("Q1028", "AGREE", "Q262", "future")),
        ("Chile announced its intention to send engineers to Peru.", ("Q298", "AGREE", "Q419", "future")),
        ("Brazil voiced its willingness to mediate between Venezuela and Guyana.",
         ("Q155", "AGREE", "Q717", "future")),
        ("Serbia announced its intention not to allow Kosovo to join the council.",
         ("Q403", "REJECT", "Q1246", "future")),
        ("The World Bank halted new lending to Uganda.", ("Q7164", "SANCTION", "Q1036", "asserted")),
        ("Rwanda reinforced its troops near the Congolese border.", ("Q1037", "MOBILIZE", "Q974", "asserted")),
    ],
)
def test_intent_stated_by_a_noun(analyzer: Analyzer, body: str, expected: tuple[str, str, str, str]) -> None:
    doc = bulletin(analyzer, body)
    assert expected in {(r.source, r.type, r.target, r.modality) for r in doc.relations}


def test_criticising_a_decision_is_not_taking_it(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "Chile criticised the decision to send engineers to Peru.")
    assert not any(r.source == "Q298" and r.target == "Q419" for r in doc.relations)
