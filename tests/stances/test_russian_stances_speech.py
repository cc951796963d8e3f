"""The Russian stance stage's reading of speech acts, on sentences written for these tests, with
actors built by hand: what a state voices is its stance, and an expert's reported accusation (no
relation between actors) is the expert's."""

from __future__ import annotations

from presslens.model import Actor, Document, Mention, Meta
from presslens.nlp_ru import parse_russian
from presslens.relations.russian import extract_russian_relations
from presslens.stances.russian import extract_russian_stances

ACTORS = {
    "Q159": ("Russia", "country", {"россия", "москва", "кремль"}),
    "Q43": ("Turkey", "country", {"турция", "анкара"}),
    "Q801": ("Israel", "country", {"израиль"}),
    "person:orlov": ("Pavel Orlov", "person", {"орлов"}),
}


def analyse(text: str) -> Document:
    sdoc = parse_russian(text)
    actors = [
        Actor(id=actor_id, name=name, kind=kind, mentions=[  # type: ignore[arg-type]
            Mention(start=t.idx, end=t.idx + len(t.text), text=t.text, role="name")
            for t in sdoc if t.lemma_ in lemmas
        ])
        for actor_id, (name, kind, lemmas) in ACTORS.items()
    ]
    doc = Document(id="t", text=text, actors=actors, meta=Meta(language="ru"))
    doc.relations = extract_russian_relations(doc, sdoc)
    doc.stances = extract_russian_stances(doc, sdoc)
    return doc


def signs(doc: Document) -> set[tuple[str, str, int]]:
    return {(s.holder, s.target, s.sign) for s in doc.stances}


def test_what_a_state_voices_in_the_outlets_report_is_its_stance() -> None:
    doc = analyse("В Кремле поблагодарили Анкару за посредничество.")
    assert ("Q159", "Q43", "SUPPORT") in {(r.source, r.target, r.type) for r in doc.relations}
    assert ("Q159", "Q43", 1) in signs(doc)
    assert not any(s.holder == "outlet" for s in doc.stances)


def test_an_experts_reported_accusation_is_a_stance_not_a_relation() -> None:
    doc = analyse("Политолог Орлов обвинил Израиль в провокациях.")
    assert not doc.relations
    assert ("person:orlov", "Q801", -1) in signs(doc)
