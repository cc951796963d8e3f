"""The Russian relation stage on sentences written for these tests, with actors built by hand
(a mention on every token whose lemma names the actor), so that only the relation frames are
under test."""

from __future__ import annotations

import pytest

from presslens.model import Actor, Document, Mention, Meta, Quote
from presslens.nlp_ru import parse_russian
from presslens.relations.russian import extract_russian_relations

ACTORS = {
    "Q227": ("Azerbaijan", "country", {"азербайджан", "баку", "азербайджанский"}),
    "Q43": ("Turkey", "country", {"турция", "анкара", "турецкий"}),
    "Q159": ("Russia", "country", {"россия", "москва", "российский"}),
    "Q212": ("Ukraine", "country", {"украина", "киев", "украинский"}),
    "Q399": ("Armenia", "country", {"армения", "ереван", "армянский"}),
    "Q142": ("France", "country", {"франция", "париж", "француз", "французский"}),
    "Q458": ("European Union", "alliance", {"брюссель", "евросоюз"}),
    "Q30": ("United States", "country", {"сша", "вашингтон", "американский"}),
    "Q318693": ("CSTO", "alliance", {"одкб"}),
    "person:orlov": ("Pavel Orlov", "person", {"орлов"}),
    "institution:q142:ministry_of_foreign_affairs": ("French Foreign Ministry", "institution", {"мид"}),
}


def analyse(text: str, quotes: tuple[tuple[str, str], ...] = ()) -> Document:
    sdoc = parse_russian(text)
    actors = []
    for actor_id, (name, kind, lemmas) in ACTORS.items():
        mentions = [
            Mention(start=t.idx, end=t.idx + len(t.text), text=t.text, role="name")
            for t in sdoc if t.lemma_ in lemmas
        ]
        actors.append(Actor(id=actor_id, name=name, kind=kind, mentions=mentions))  # type: ignore[arg-type]
    quote_list = []
    for n, (inside, speaker) in enumerate(quotes):
        start = text.index(inside)
        quote_list.append(Quote(
            id=f"q{n}", start=start, end=start + len(inside), text=inside, kind="direct", speaker=speaker,
        ))
    doc = Document(id="t", text=text, actors=actors, quotes=quote_list, meta=Meta(language="ru"))
    doc.relations = extract_russian_relations(doc, sdoc)
    return doc


def found(text: str) -> set[tuple[str, str, str, int, str]]:
    return {(r.source, r.target, r.type, r.polarity, r.modality) for r in analyse(text).relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verb frames: subject -> object, preposition, dative
        ("Анкара открыто поддерживает Баку.", ("Q43", "Q227", "SUPPORT", 1, "asserted")),
        ("Азербайджан напал на Армению.", ("Q227", "Q399", "ASSAULT", -1, "asserted")),
        ("Французы продают Армении оружие в кредит.", ("Q142", "Q399", "AID", 1, "asserted")),
        ("Армения поссорилась с Россией.", ("Q399", "Q159", "ADVERSARY", -1, "asserted")),
        ("Вашингтон угрожает Анкаре новыми пошлинами.", ("Q30", "Q43", "THREATEN", -1, "asserted")),
        ("Киев обвинил Москву в срыве переговоров.", ("Q212", "Q159", "ACCUSE", -1, "asserted")),
        # the object's owner is the target: "поддерживает требования Баку"
        ("Анкара поддерживает требования Баку.", ("Q43", "Q227", "SUPPORT", 1, "asserted")),
        # event nouns: light verb, owner, demonym
        ("США ввели санкции против России.", ("Q30", "Q159", "SANCTION", -1, "asserted")),
        ("Агрессия Азербайджана против Армении продолжается.", ("Q227", "Q399", "ASSAULT", -1, "asserted")),
        ("Французские поставки оружия Еревану выросли.", ("Q142", "Q399", "AID", 1, "asserted")),
        ("Россия ведёт переговоры с Турцией.", ("Q159", "Q43", "CONSULT", 1, "asserted")),
        # nominal predicates: the puppet's master is the source
        ("Азербайджан — марионетка Турции.", ("Q43", "Q227", "CONTROL", -1, "asserted")),
        ("Баку стал марионеткой Анкары.", ("Q43", "Q227", "CONTROL", -1, "asserted")),
        ("Ереван превращают в форпост Парижа.", ("Q142", "Q399", "CONTROL", -1, "asserted")),
        ("Россия остаётся верным союзником Армении.", ("Q159", "Q399", "ALLY", 1, "asserted")),
        # circumstances and guidance
        ("Киев действует по указке Вашингтона.", ("Q30", "Q212", "CONTROL", -1, "asserted")),
        ("Ереван выполняет указания из Парижа.", ("Q142", "Q399", "CONTROL", -1, "asserted")),
        # passive: the instrumental is the agent
        ("Армения была атакована Азербайджаном.", ("Q227", "Q399", "ASSAULT", -1, "asserted")),
        # leaving an alliance is a break with it
        ("Армения вышла из ОДКБ.", ("Q399", "Q318693", "RETREAT", -1, "asserted")),
        ("Ереван заморозил участие в ОДКБ.", ("Q399", "Q318693", "REJECT", -1, "asserted")),
    ],
)
def test_frames(text: str, expected: tuple[str, str, str, int, str]) -> None:
    assert expected in found(text)


def test_coordinated_subjects_and_objects_each_get_a_relation() -> None:
    relations = found("Турция и Азербайджан поддерживают Армению.")
    assert ("Q43", "Q399", "SUPPORT", 1, "asserted") in relations
    assert ("Q227", "Q399", "SUPPORT", 1, "asserted") in relations
    guides = found("Ереван выполняет указания из Парижа и Брюсселя.")
    assert {("Q142", "Q399"), ("Q458", "Q399")} <= {(s, t) for s, t, *_ in guides}


def test_reciprocal_verb_with_a_coordinated_subject_is_one_joint_act_first_to_second() -> None:
    pairs = {(s, t, k) for s, t, k, *_ in found("Турция и Азербайджан согласуют каждый шаг.")}
    assert ("Q43", "Q227", "COOPERATE") in pairs
    assert ("Q227", "Q43", "COOPERATE") not in pairs


def test_negation_drops_a_plain_cue_and_turns_one_with_a_negated_type() -> None:
    assert found("Россия не поддерживает Украину.") == set()
    assert ("Q43", "Q159", "REJECT", -1, "asserted") in found("Турция никогда не была союзником России.")
    # "не позволит" is a warning
    assert ("Q30", "Q212", "THREATEN", -1, "future") in found("Вашингтон не позволит Киеву сдаться.")
    # "не раз" (many times) negates nothing
    assert ("Q399", "Q227", "ACCUSE", -1, "asserted") in found("Ереван не раз обвинял Баку в провокациях.")


def test_modality_future_and_hypothetical() -> None:
    assert ("Q159", "Q399", "SUPPORT", 1, "future") in found("Россия будет поддерживать Армению.")
    assert ("Q142", "Q399", "AID", 1, "hypothetical") in found("Франция может поставить Армении оружие.")
    conditional = found("Если Турция нападёт на Армению, Россия защитит Ереван.")
    assert ("Q43", "Q399", "ASSAULT", -1, "hypothetical") in conditional
    assert ("Q159", "Q399", "SUPPORT", 1, "future") in conditional


def test_menace_and_ready_heads() -> None:
    assert ("Q30", "Q159", "THREATEN", -1, "asserted") in found("США пригрозили санкциями против России.")
    assert any(
        (s, t, k) == ("Q212", "Q159", "CONSULT") for s, t, k, *_ in found("Киев готов к переговорам с Москвой.")
    )


def test_inside_a_quote_the_speaker_asserts_it_and_evidence_is_the_sentence() -> None:
    text = "«Анкара открыто поддерживает Баку», — сказал Орлов."
    doc = analyse(text, quotes=(("Анкара открыто поддерживает Баку", "person:orlov"),))
    (relation,) = [r for r in doc.relations if r.type == "SUPPORT"]
    assert relation.asserted_by == "person:orlov"
    assert relation.cue is not None and relation.cue.text == "поддерживает"
    assert relation.text.startswith("Анкара открыто поддерживает Баку")
    assert relation.source_state == "Q43" and relation.target_state == "Q227"


def test_the_outlets_own_question_asserts_nothing() -> None:
    assert found("Поддерживает ли Анкара Баку?") == set()


def test_no_actors_no_relations() -> None:
    doc = Document(id="t", text="Погода хорошая.", meta=Meta(language="ru"))
    assert extract_russian_relations(doc, parse_russian(doc.text)) == []


def test_a_states_body_acts_for_its_state_as_in_english() -> None:
    # the ministry's accusation is France's, as the English stage draws it (DocumentIndex.normal)
    assert ("Q142", "Q227", "ACCUSE", -1, "asserted") in found("МИД обвинил Баку в провокации.")
    assert not {r for r in found("МИД обвинил Баку в провокации.") if r[0].startswith("institution:")}
