"""The Russian relation stage's reading of who a word stands for and of speech and joint acts, on
sentences written for these tests, with actors built by hand (a mention on every token whose
lemma names the actor; a capital listed under PLACES is a mention with the role "place" where it
follows "в"), so that only the relation mechanisms are under test."""

from __future__ import annotations

import pytest

from presslens.lexicon.words import word_data
from presslens.model import Actor, Document, Mention, Meta, Quote
from presslens.nlp_ru import parse_russian
from presslens.relations.russian import extract_russian_relations

ACTORS = {
    "Q184": ("Belarus", "country", {"белоруссия", "минск", "белорусский"}),
    "Q36": ("Poland", "country", {"польша", "варшава", "польский"}),
    "Q37": ("Lithuania", "country", {"литва", "вильнюс"}),
    "Q211": ("Latvia", "country", {"латвия", "рига"}),
    "Q43": ("Turkey", "country", {"турция", "анкара", "турецкий"}),
    "Q227": ("Azerbaijan", "country", {"азербайджан", "баку"}),
    "Q159": ("Russia", "country", {"россия", "москва", "российский", "кремль"}),
    "Q212": ("Ukraine", "country", {"украина", "киев"}),
    "Q399": ("Armenia", "country", {"армения", "ереван"}),
    "Q183": ("Germany", "country", {"германия", "немецкий", "берлин"}),
    "Q232": ("Kazakhstan", "country", {"казахстан", "астана"}),
    "Q30": ("United States", "country", {"сша", "вашингтон"}),
    "Q794": ("Iran", "country", {"иран", "тегеран"}),
    "Q458": ("European Union", "alliance", {"брюссель", "евросоюз", "европейский"}),
    "Q41984": ("International Atomic Energy Agency", "organization", {"магатэ"}),
    "Q2866": ("Alexander Lukashenko", "person", {"лукашенко"}),
    "Q7747": ("Vladimir Putin", "person", {"путин"}),
    "Q3052772": ("Emmanuel Macron", "person", {"макрон"}),
    "Q7035479": ("Nikol Pashinyan", "person", {"пашинян", "пашинянин"}),
    "Q39259": ("Recep Tayyip Erdoğan", "person", {"эрдоган"}),
    "person:orlov": ("Pavel Orlov", "person", {"орлов"}),
}
PLACES = {"минск", "кремль", "литва", "варшава"}


def analyse(text: str, quotes: tuple[tuple[str, str], ...] = (),
            parts: tuple[tuple[str, str], ...] = ()) -> Document:
    """``quotes``: (quoted text, speaker id); ``parts``: (actor id, substring) mentions inside a
    word ("российско" in "российско-белорусские")."""
    sdoc = parse_russian(text)
    actors = []
    for actor_id, (name, kind, lemmas) in ACTORS.items():
        mentions = [
            Mention(start=t.idx, end=t.idx + len(t.text), text=t.text, role=(
                "place" if t.lemma_ in PLACES and t.i > 0 and sdoc[t.i - 1].lower_ == "в" else "name"
            ))
            for t in sdoc if t.lemma_ in lemmas
        ]
        for part_id, part in parts:
            if part_id == actor_id:
                start = text.index(part)
                mentions.append(Mention(start=start, end=start + len(part), text=part, role="demonym"))
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


def found(text: str, **kwargs: tuple[tuple[str, str], ...]) -> set[tuple[str, str, str, int]]:
    return {(r.source, r.target, r.type, r.polarity) for r in analyse(text, **kwargs).relations}


# ---------------------------------------------------------------------- pronouns and nouns


def test_a_pronoun_object_stands_for_the_earlier_subject_not_its_own_clauses() -> None:
    pairs = found("Пашинян часто ездит в Европу, а Макрон обещает ему поддержку.")
    assert ("Q3052772", "Q7035479", "SUPPORT", 1) in pairs
    assert not any(s == t for s, t, *_ in pairs)


def test_a_pronoun_subject_takes_up_the_name_before_an_apposition() -> None:
    pairs = found("Эрдоган — опытный торговец. Он продаёт Украине беспилотники.")
    assert ("Q39259", "Q212", "AID", 1) in pairs


def test_a_plural_pronoun_takes_up_a_plural_subject_and_its_owner() -> None:
    pairs = found("Европейские столицы не хотят мира. Они отправляют Киеву снаряды.")
    assert ("Q458", "Q212", "AID", 1) in pairs


def test_a_pronoun_of_another_gender_is_not_the_nearest_name() -> None:
    # "её" (feminine) is Armenia ("Армения"), not Azerbaijan named nearer ("Баку" is masculine)
    pairs = found("Армения слабеет, а Баку её шантажирует.")
    assert ("Q227", "Q399", "COERCE", -1) in pairs


def test_a_bare_noun_stands_for_the_nearest_actor_of_its_kind() -> None:
    pairs = found("Эксперты МАГАТЭ вернулись в Вену. Тегеран открыт для сотрудничества с агентством.")
    assert ("Q794", "Q41984", "COOPERATE", 1) in pairs


def test_we_in_a_quote_is_the_speakers_state_and_an_experts_we_is_nobody() -> None:
    inside = "Мы поддерживаем Армению"
    by_president = found(f"«{inside}», — сказал Лукашенко.", quotes=((inside, "Q2866"),))
    assert ("Q184", "Q399", "SUPPORT", 1) in by_president
    by_expert = found(f"«{inside}», — сказал Орлов.", quotes=((inside, "person:orlov"),))
    assert not any(t == "Q399" for _, t, *_ in by_expert)


# ---------------------------------------------------------------------- who says or does it


def test_an_impersonal_plural_with_a_capital_before_it_is_said_by_its_state() -> None:
    pairs = found("В Кремле заявили, что поддерживают Ереван.")
    assert ("Q159", "Q399", "SUPPORT", 1) in pairs


def test_a_that_clause_of_a_verb_of_saying_shares_its_subject() -> None:
    pairs = found("Турция заявила, что поддерживает Азербайджан.")
    assert ("Q43", "Q227", "SUPPORT", 1) in pairs


def test_a_relative_clause_without_a_subject_shares_its_head_clauses_subject() -> None:
    pairs = {(s, t, k) for s, t, k, _ in found(
        "Вашингтон создал механизм, с помощью которого пытается оторвать Казахстан от России."
    )}
    assert ("Q30", "Q159", "COERCE") in pairs


def test_a_delegation_from_a_capital_stands_for_its_state() -> None:
    assert ("Q43", "Q159", "CONSULT", 1) in found("Анкара принимает делегации из Москвы.")


# ---------------------------------------------------------------------- speech acts


def test_an_official_who_reports_a_hostile_act_accuses_its_doer() -> None:
    pairs = found("Лукашенко заявил, что Польша наказывает белорусских перевозчиков.")
    assert ("Q2866", "Q36", "ACCUSE", -1) in pairs


def test_an_expert_reporting_or_accusing_states_no_relation() -> None:
    assert not found("Политолог Орлов заявил, что Польша наказывает перевозчиков.")
    assert not found("Политолог Орлов обвинил Польшу в лицемерии.")


def test_naming_an_actors_act_with_a_hostile_word_accuses_the_actor() -> None:
    pairs = found("В Минске назвали решение Варшавы недружественным.")
    assert ("Q184", "Q36", "ACCUSE", -1) in pairs


def test_naming_an_actor_with_a_favourable_word_supports_it() -> None:
    assert ("Q159", "Q43", "SUPPORT", 1) in found("В Кремле называли Турцию надёжным партнёром.")


def test_a_request_to_stop_is_hostile_and_another_request_neutral() -> None:
    assert ("Q458", "Q184", "REQUEST", -1) in found("Брюссель призвал Минск прекратить провокации.")
    assert ("Q458", "Q184", "REQUEST", 0) in found("Брюссель призвал Минск провести выборы.")


# ---------------------------------------------------------------------- joint and two-sided acts


def test_a_joint_act_relates_the_first_named_to_the_other() -> None:
    pairs = found("Решение было принято совместно Лукашенко и Путиным.")
    assert ("Q2866", "Q7747", "COOPERATE", 1) in pairs
    assert ("Q7747", "Q2866", "COOPERATE", 1) not in pairs


def test_relations_of_two_owners_are_cooperation_unless_they_went_bad() -> None:
    assert ("Q159", "Q43", "COOPERATE", 1) in found("Отношения Москвы и Анкары остаются ровными.")
    assert not found("Отношения Москвы и Баку резко ухудшились.")


def test_a_compound_adjective_stands_for_both_states() -> None:
    text = "Начались российско-белорусские учения."
    pairs = found(text, parts=(("Q159", "российско"), ("Q184", "белорусские")))
    assert ("Q159", "Q184", "COOPERATE", 1) in pairs


# ---------------------------------------------------------------------- targets


def test_a_restriction_on_a_border_is_aimed_at_the_neighbour() -> None:
    pairs = found("Литва и Латвия ограничили движение через пункты пропуска на границе с Белоруссией.")
    assert {("Q37", "Q184", "SANCTION", -1), ("Q211", "Q184", "SANCTION", -1)} <= pairs


def test_a_deployment_into_a_host_country_named_as_a_place() -> None:
    pairs = found("Размещение немецкой бригады в Литве завершится к осени.")
    assert ("Q183", "Q37", "MOBILIZE", 1) in pairs


def test_the_reflexive_passive_hands_the_goods_owners_act_to_the_dative() -> None:
    assert ("Q43", "Q212", "AID", 1) in found("Турецкие беспилотники по-прежнему поставляются Киеву.")


def test_a_role_noun_predicates_its_genitive_of_the_subject() -> None:
    pairs = found("Литва давно выполняет роль кордона против России.")
    assert ("Q37", "Q159", "ADVERSARY", -1) in pairs


@pytest.mark.parametrize("key", ["report_verbs", "anaphoric_nouns", "naming_verbs"])
def test_word_data_gives_the_checked_russian_relation_file(key: str) -> None:
    data = word_data("relations", "ru")
    assert data["note"] and key in data


def test_both_members_of_i_x_i_y_are_targets() -> None:
    pairs = found("Тегеран не раз предупреждал и Баку, и Ереван о последствиях.")
    assert {("Q794", "Q227", "THREATEN", -1), ("Q794", "Q399", "THREATEN", -1)} <= pairs


def test_who_names_a_joint_act_is_its_party() -> None:
    assert ("Q227", "Q794", "COOPERATE", 1) in found("Баку называет сотрудничество с Тегераном взаимовыгодным.")


def test_an_order_given_in_a_capital_is_that_states_control() -> None:
    pairs = found("Варшава выполняет задачу, поставленную в Вашингтоне.")
    assert ("Q30", "Q36", "CONTROL", -1) in pairs
