"""The PLOVER-style scorer on hand-built documents (no analysis)."""

from __future__ import annotations

import json

from presslens.bench.plover_style import read_set, score
from presslens.model import Actor, Document, Mention, Relation

TEXT = "Ruritania's army shelled Freedonia overnight, Vulgaria said."


def _doc(relations: list[Relation]) -> Document:
    def actor(qid: str, name: str, word: str, kind: str = "country") -> Actor:
        at = TEXT.index(word)
        return Actor(id=qid, name=name, wikidata=qid, kind=kind,
                     mentions=[Mention(start=at, end=at + len(word), text=word)])

    return Document(id="x", text=TEXT, actors=[
        actor("Q1001", "Ruritania", "Ruritania"), actor("Q1002", "Freedonia", "Freedonia"),
        actor("Q1003", "Vulgaria", "Vulgaria"),
        Actor(id="institution:q1001:army", name="Ruritanian Army", kind="institution",
              mentions=[Mention(start=0, end=16, text="Ruritania's army")]),
    ], relations=relations)


def _relation(source: str, target: str, kind: str, state: str | None = None) -> Relation:
    return Relation(start=0, end=len(TEXT), text=TEXT, source=source, target=target, type=kind,
                    polarity=-1, confidence=0.9, source_state=state)


def _items(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({
        "id": "t1", "text": TEXT, "type": "ASSAULT", "tags": ["body_for_state"],
        "source": "Ruritania", "source_qid": "Q1001", "source_anchor": "Ruritania's army",
        "target": "Freedonia", "target_qid": "Q1002", "target_anchor": "Freedonia",
    }) + "\n", encoding="utf-8")
    return read_set(path)


def test_a_body_matches_the_state_it_acts_for_and_the_type_decides_the_hit(tmp_path) -> None:
    items = _items(tmp_path)
    hit = score(items, [_doc([_relation("institution:q1001:army", "Q1002", "ASSAULT", "Q1001")])])
    assert hit["directed_pair_recall"] == 1.0
    assert hit["pair_type"]["tp"] == 1 and hit["pair_type"]["fp"] == 0
    wrong_type = score(items, [_doc([_relation("Q1001", "Q1002", "COERCE"),
                                     _relation("Q1003", "Q1001", "ACCUSE")])])
    assert wrong_type["directed_pair_recall"] == 1.0
    assert wrong_type["pair_type"]["tp"] == 0 and wrong_type["pair_type"]["fp"] == 2


def test_the_reverse_direction_is_no_hit_and_the_naive_baseline_takes_the_first_two(tmp_path) -> None:
    items = _items(tmp_path)
    result = score(items, [_doc([_relation("Q1002", "Q1001", "ASSAULT")])])
    assert result["directed_pair_recall"] == 0.0
    assert result["naive_first_two_countries"]["directed_pair_recall"] == 1.0
    assert result["per_tag"]["body_for_state"]["n"] == 1
