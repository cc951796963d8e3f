"""The CAMEO pair scorer on hand-built documents, and the coded sentences it reads (files written
for this test in the corpus's layout; the states are invented)."""

from __future__ import annotations

from presslens.bench.cameo_pairs import found_pair, score, scored_sentences
from presslens.model import Actor, Document, Mention, Relation

TEXT = "Ruritania's army shelled Freedonia overnight, Vulgaria said."
TAGGED = [("Ruritania's", "B-S"), ("army", "I-S"), ("shelled", "O"), ("Freedonia", "B-T"),
          ("overnight,", "O"), ("Vulgaria", "O"), ("said.", "O")]


def _write(folder, rows) -> None:
    (folder / "cameo_class-train.tsv").write_text(
        "".join(f"{text}\t{label}\n" for text, _, label in rows if label is not None),
        encoding="utf-8")
    (folder / "cameo_ner-train.txt").write_text(
        "\n".join("".join(f"{w} {t}\n" for w, t in tagged) for _, tagged, _ in rows),
        encoding="utf-8")


def _doc(relations: list[Relation]) -> Document:
    def actor(actor_id: str, name: str, word: str, kind: str = "country") -> Actor:
        at = TEXT.index(word)
        return Actor(id=actor_id, name=name, kind=kind,
                     mentions=[Mention(start=at, end=at + len(word), text=word)])

    return Document(id="x", text=TEXT, actors=[
        actor("Q1001", "Ruritania", "Ruritania"), actor("Q1002", "Freedonia", "Freedonia"),
        actor("Q1003", "Vulgaria", "Vulgaria"),
        actor("institution:q1001:army", "Ruritanian Army", "army", kind="institution"),
    ], relations=relations)


def _relation(source: str, target: str, kind: str, state: str | None = None) -> Relation:
    return Relation(start=0, end=len(TEXT), text=TEXT, source=source, target=target, type=kind,
                    polarity=-1, confidence=0.9, source_state=state)


def test_the_spans_and_class_of_each_sentence_are_read_and_one_side_missing_is_left_out(
        tmp_path) -> None:
    one_sided = [("Vulgaria", "B-S"), ("protested", "O"), (".", "O")]
    _write(tmp_path, [(TEXT, TAGGED, 4), ("Vulgaria protested .", one_sided, None)])
    items = scored_sentences(tmp_path, "train")
    assert len(items) == 1
    item = items[0]
    assert item.quad_class == 4 and not item.reciprocal
    assert item.text[item.source[0]:item.source[1]] == "Ruritania's army"
    assert item.text[item.target[0]:item.target[1]] == "Freedonia"


def test_a_body_acting_for_its_state_finds_the_pair_and_its_type_is_checked_against_the_class(
        tmp_path) -> None:
    _write(tmp_path, [(TEXT, TAGGED, 4)])
    items = scored_sentences(tmp_path, "train")
    # the source span overlaps "Ruritania" most: the relation of the army acting for it is the pair
    by_army = score(items, [_doc([_relation("institution:q1001:army", "Q1002", "ASSAULT", "Q1001")])])
    assert by_army["resolved"] == 1.0 and by_army["directed_pair_recall_resolved"] == 1.0
    assert by_army["quad_class_accuracy"] == 1.0
    wrong_class = score(items, [_doc([_relation("institution:q1001:army", "Q1002", "SUPPORT",
                                                "Q1001")])])
    assert wrong_class["directed_pair_recall_resolved"] == 1.0
    assert wrong_class["quad_class_accuracy"] == 0.0


def test_the_reverse_direction_or_silence_is_no_hit(tmp_path) -> None:
    _write(tmp_path, [(TEXT, TAGGED, 4)])
    items = scored_sentences(tmp_path, "train")
    reverse = score(items, [_doc([_relation("Q1002", "Q1001", "ASSAULT")])])
    assert reverse["directed_pair_recall_resolved"] == 0.0 and reverse["reversed_only"] == 1
    silent = score(items, [_doc([])])
    assert silent["directed_pair_recall_all"] == 0.0 and silent["silent_resolved"] == 1
    assert score(items, [None])["resolved"] == 0.0


def test_a_relation_of_the_state_matches_a_body_that_acts_for_it() -> None:
    doc = _doc([_relation("institution:q1001:army", "Q1003", "ACCUSE", "Q1001"),
                _relation("Q1001", "Q1002", "ASSAULT")])
    assert [r.type for r in found_pair(doc, "institution:q1001:army", "Q1002")] == ["ASSAULT"]
    assert found_pair(doc, "Q1003", "Q1002") == []
