"""An adjective of an event noun sets its modality: "a planned meeting between A and B" and "the
upcoming visit of X to Y" are future, "a possible attack on X" a mere possibility and "the
alleged attack", "the so-called invasion" said by others (hypothetical); "the non-existent
invasion" and "an imaginary attack" denied by the writer (negated); "the attack on X" happened.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "source", "kind", "target", "modality"),
    [
        ("Officials discussed a planned meeting between Donald Trump and Kim Jong Un.",
         "Q22686", "CONSULT", "Q56226", "future"),
        ("Taiwan fears a possible Chinese attack on its islands.", "Q148", "ASSAULT", "Q865", "hypothetical"),
        ("Russia condemned the US attack on Syria.", "Q30", "ASSAULT", "Q858", "asserted"),
        ("The talks between Baku and Yerevan resumed on Monday.", "Q227", "CONSULT", "Q399", "asserted"),
        ("Analysts doubted the alleged Chinese attack on Taiwan.", "Q148", "ASSAULT", "Q865",
         "hypothetical"),
        # a hyphenated adjective whose last word is listed ("long-planned" is planned)
        ("Officials discussed the long-planned meeting between Donald Trump and Kim Jong Un.",
         "Q22686", "CONSULT", "Q56226", "future"),
        ("The so-called Russian invasion of Ukraine continued.", "Q159", "ASSAULT", "Q212",
         "hypothetical"),
        ("The non-existent Russian invasion of Ukraine continued.", "Q159", "ASSAULT", "Q212",
         "negated"),
        ("The imaginary Chinese attack on Taiwan dominated the talk shows.", "Q148", "ASSAULT",
         "Q865", "negated"),
    ],
)
def test_an_adjective_sets_the_modality_of_an_event_noun(
    analyzer: Analyzer, body: str, source: str, kind: str, target: str, modality: str
) -> None:
    doc = bulletin(analyzer, body)
    assert [r.modality for r in doc.relations if (r.source, r.type, r.target) == (source, kind, target)] == [modality]
