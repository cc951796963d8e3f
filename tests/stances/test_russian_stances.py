"""The Russian stance stage on sentences written for these tests, with actors and quotes built by
hand, so that only the stance mechanisms are under test."""

from __future__ import annotations

from presslens.model import Actor, Document, Mention, Meta, Quote
from presslens.nlp_ru import parse_russian
from presslens.relations.russian import extract_russian_relations
from presslens.stances.russian import extract_russian_stances

ACTORS = {
    "Q212": ("Ukraine", "country", {"украина", "киев", "киевский"}),
    "Q159": ("Russia", "country", {"россия", "москва", "российский"}),
    "Q30": ("United States", "country", {"сша", "вашингтон", "американский"}),
    "Q37": ("Lithuania", "country", {"литва", "вильнюс", "литовский"}),
    "Q399": ("Armenia", "country", {"армения", "ереван"}),
    "person:orlov": ("Pavel Orlov", "person", {"орлов"}),
}


def analyse(text: str, quoted: str | None = None, speaker: str = "person:orlov") -> Document:
    sdoc = parse_russian(text)
    actors = []
    for actor_id, (name, kind, lemmas) in ACTORS.items():
        mentions = [
            Mention(start=t.idx, end=t.idx + len(t.text), text=t.text, role="name")
            for t in sdoc if t.lemma_ in lemmas
        ]
        actors.append(Actor(id=actor_id, name=name, kind=kind, mentions=mentions))  # type: ignore[arg-type]
    quotes = []
    if quoted is not None:
        start = text.index(quoted)
        quotes.append(Quote(id="q0", start=start, end=start + len(quoted), text=quoted, kind="direct", speaker=speaker))
    doc = Document(id="t", text=text, actors=actors, quotes=quotes, meta=Meta(language="ru"))
    doc.relations = extract_russian_relations(doc, sdoc)
    doc.stances = extract_russian_stances(doc, sdoc)
    return doc


def signs(doc: Document) -> set[tuple[str, str, int]]:
    return {(s.holder, s.target, s.sign) for s in doc.stances}


def test_evaluative_noun_with_a_genitive_owner_inside_a_quote_is_the_speakers() -> None:
    inside = "Преступный режим Киева держится только на западных деньгах"
    doc = analyse(f"«{inside}», — сказал Орлов.", inside)
    assert ("person:orlov", "Q212", -1) in signs(doc)
    (stance,) = [s for s in doc.stances if s.target == "Q212"]
    assert stance.evidence and doc.text[stance.evidence[0].start:stance.evidence[0].end].startswith("Преступный")


def test_evaluative_adjective_on_the_actor_and_a_predicate_noun() -> None:
    inside = "Русофобский Вильнюс провоцирует соседей"
    assert ("person:orlov", "Q37", -1) in signs(analyse(f"«{inside}», — сказал Орлов.", inside))
    inside = "Россия — надёжный партнёр и настоящий друг"
    assert ("person:orlov", "Q159", 1) in signs(analyse(f"«{inside}», — сказал Орлов.", inside))


def test_a_negated_evaluation_flips_and_weighs_half() -> None:
    inside = "Вильнюс не агрессор, но и не друг"
    doc = analyse(f"«{inside}», — сказал Орлов.", inside)
    assert all(s.score > -0.8 for s in doc.stances)


def test_a_puppet_and_its_master_are_both_portrayed_negatively_through_control() -> None:
    inside = "Киев — марионетка Вашингтона"
    found = signs(analyse(f"«{inside}», — сказал Орлов.", inside))
    assert {("person:orlov", "Q212", -1), ("person:orlov", "Q30", -1)} <= found


def test_relations_in_a_quote_portray_the_source() -> None:
    inside = "США ввели санкции против России и обстреляли Армению"
    found = signs(analyse(f"«{inside}», — сказал Орлов.", inside))
    assert ("person:orlov", "Q30", -1) in found


def test_a_neutral_report_in_the_outlets_voice_takes_no_side() -> None:
    doc = analyse("США ввели санкции против России.")
    assert doc.stances == []


def test_the_outlets_own_evaluative_words_are_its_stance() -> None:
    doc = analyse("Так называемый киевский режим опять провоцирует Москву.")
    assert ("outlet", "Q212", -1) in signs(doc)


def test_no_actors_no_stances() -> None:
    doc = Document(id="t", text="Преступный режим.", meta=Meta(language="ru"))
    assert extract_russian_stances(doc, parse_russian(doc.text)) == []
