"""Weak supervision: the rule stage's relations on unlabelled news become relation-head examples
(a hand-built analysed document; the sentences were written for this test)."""

from __future__ import annotations

from presslens.model import Actor, Document, Mention, Relation
from presslens.pairs.relation_data import NONE
from presslens.pairs.weak_data import weak_examples, weak_positives

TEXT = ("Kesh accused Molvania of shelling Bordavia. Bordavia met Kesh in Paris. "
        "Molvania and Bordavia traded goods.")


def _mention(word: str, nth: int = 0, role: str = "name") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return Mention(start=start, end=start + len(word), text=word, role=role)  # type: ignore[arg-type]


def _document() -> Document:
    first_end = TEXT.index(".") + 1
    second_start = first_end + 1
    second_end = TEXT.index(".", second_start) + 1
    actors = [
        Actor(id="kesh", name="Kesh", kind="country", mentions=[_mention("Kesh"), _mention("Kesh", 1)]),
        Actor(id="molvania", name="Molvania", kind="country",
              mentions=[_mention("Molvania"), _mention("Molvania", 1)]),
        Actor(id="bordavia", name="Bordavia", kind="country",
              mentions=[_mention("Bordavia"), _mention("Bordavia", 1), _mention("Bordavia", 2)]),
        Actor(id="paris", name="Paris", kind="country", mentions=[_mention("Paris", role="place")]),
    ]
    relations = [
        Relation(start=0, end=first_end, text=TEXT[:first_end], source="kesh", target="molvania",
                 type="ACCUSE", polarity=-1, confidence=0.7),
        Relation(start=second_start, end=second_end, text=TEXT[second_start:second_end],
                 source="bordavia", target="kesh", type="CONSULT", polarity=0, confidence=0.7),
    ]
    return Document(id="weak", text=TEXT, actors=actors, relations=relations)


def test_a_rule_relation_labels_its_pair_and_the_other_pairs_of_its_sentence_are_none() -> None:
    examples = list(weak_examples(_document(), "article1"))
    got = {(e.text[e.source[0]:e.source[1]], e.text[e.target[0]:e.target[1]], e.label, e.text[:4])
           for e in examples}
    assert got == {
        ("Kesh", "Molvania", "ACCUSE", "Kesh"), ("Molvania", "Kesh", NONE, "Kesh"),
        ("Kesh", "Bordavia", NONE, "Kesh"), ("Bordavia", "Kesh", NONE, "Kesh"),
        ("Molvania", "Bordavia", NONE, "Kesh"), ("Bordavia", "Molvania", NONE, "Kesh"),
        ("Bordavia", "Kesh", "CONSULT", "Bord"), ("Kesh", "Bordavia", NONE, "Bord"),
    }  # the third sentence states nothing: no label; the place "Paris" is no side
    assert all(e.origin == "weak:article1" for e in examples)
    assert {e.actors for e in examples} == {3, 2}


def test_positives_keep_the_relations_and_their_reverse_pairs_only() -> None:
    examples = list(weak_examples(_document(), "a"))
    kept = weak_positives(examples)
    assert len(examples) == 8 and len(kept) == 4  # pairs with the third actor are dropped
    assert all(e.label != NONE or any(
        o.label != NONE and o.source == e.target and o.target == e.source and o.text == e.text
        for o in kept) for e in kept)
