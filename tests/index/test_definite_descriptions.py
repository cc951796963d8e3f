"""A definite description ("the bloc", "the island") refers back to the latest actor of its kind,
but not to the subject of its own clause ("Every weapon the United States sells to the island":
not the United States); an actor that only qualifies that subject is no co-argument ("The European
Union's foreign policy chief expressed the bloc's solidarity": the EU's, not the NATO of the
sentence before). Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


def test_the_bloc_of_the_subjects_possessor(analyzer: Analyzer) -> None:
    found = bulletin_relations(
        analyzer,
        "NATO urged calm. The European Union's foreign policy chief, Kaja Kallas, expressed the "
        "bloc's full solidarity with Greece.",
    )
    assert ("Q458", "SUPPORT", "Q41") in found
    assert ("Q7184", "SUPPORT", "Q41") not in found


def test_the_subject_itself_is_still_no_antecedent(analyzer: Analyzer) -> None:
    found = bulletin_relations(
        analyzer,
        "Beijing protested after Washington approved a new sale of missiles to Taiwan. Every weapon "
        "the United States sells to the island makes war likelier, Beijing said.",
    )
    assert ("Q30", "AID", "Q865") in found and ("Q30", "AID", "Q30") not in found
