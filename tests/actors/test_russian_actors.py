"""The Russian actor stage on sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.actors.gazetteer import load_gazetteer
from presslens.actors.russian import extract_russian_actors
from presslens.model import Actor, Document, Meta
from presslens.nlp_ru import parse_russian


def actors_of(text: str, published: str | None = "2025-03-01", outlet: str | None = None
              ) -> list[Actor]:
    doc = Document(id="test", text=text, meta=Meta(language="ru", published=published,
                                                   outlet=outlet))
    return extract_russian_actors(doc, parse_russian(text), load_gazetteer())


def by_id(actors: list[Actor]) -> dict[str, Actor]:
    return {a.id: a for a in actors}


def mentions(actor: Actor) -> list[tuple[str, str]]:
    return [(m.text, m.role) for m in actor.mentions]


def test_inflected_forms_are_one_actor_with_its_qid() -> None:
    text = ("Азербайджан усилил армию. Соседи Азербайджана следят за учениями. "
            "Азербайджану предложили переговоры, но с Азербайджаном никто не спорит.")
    found = by_id(actors_of(text))
    assert list(found) == ["Q227"]
    assert found["Q227"].name == "Azerbaijan"
    assert [m.text for m in found["Q227"].mentions] == [
        "Азербайджан", "Азербайджана", "Азербайджану", "Азербайджаном"]


@pytest.mark.parametrize("form", ["Алиев", "Алиева", "Алиеву", "Пашиняна", "Эрдогана",
                                  "Зеленского"])
def test_a_leaders_surname_in_any_case_is_the_listed_leader(form: str) -> None:
    expected = {"Алиев": "person:ilham_aliyev", "Алиева": "person:ilham_aliyev",
                "Алиеву": "person:ilham_aliyev", "Пашиняна": "Q7035479",
                "Эрдогана": "Q39259", "Зеленского": "Q3874799"}[form]
    found = by_id(actors_of(f"Журналисты долго обсуждали слова, которые {form} не сказал."
                            if form == "Алиев" else f"Журналисты обсуждали заявление {form}."))
    assert expected in found
    assert found[expected].mentions[0].text == form


def test_a_multi_word_label_by_lemmas_and_the_spelling_with_yo() -> None:
    found = by_id(actors_of("Представитель Белого дома ответил Соединённым Штатам Америки и "
                            "Соединенным Штатам."))
    assert mentions(found["Q30"]) == [("Белого дома", "metonym"),
                                      ("Соединённым Штатам Америки", "name"),
                                      ("Соединенным Штатам", "name")]


def test_a_capital_acting_is_a_metonym_and_a_capital_where_things_happen_a_place() -> None:
    found = by_id(actors_of("Баку заявил о готовности к диалогу. Встреча прошла в Баку. "
                            "Анкара поддерживает позицию Баку."))
    assert mentions(found["Q227"]) == [("Баку", "metonym"), ("Баку", "place"), ("Баку", "metonym")]
    assert mentions(found["Q43"]) == [("Анкара", "metonym")]


def test_a_capital_in_a_documents_name_is_no_mention() -> None:
    found = by_id(actors_of("Стороны вернулись к формату Астаны."))
    assert "Q232" not in found


def test_a_states_adjective_is_the_state_and_a_language_is_not() -> None:
    found = by_id(actors_of("Азербайджанская армия провела учения, а азербайджанский МИД "
                            "выступил с заявлением на русском языке."))
    assert ("Азербайджанская", "demonym") in mentions(found["Q227"])
    assert "Q159" not in found  # "русском языке": a language
    ministry = found["institution:q227:foreign"]
    assert ministry.kind == "institution"
    assert [m.text for m in ministry.mentions] == ["азербайджанский МИД"]


def test_an_adjective_before_an_expert_is_the_state_and_the_expert_a_person() -> None:
    found = by_id(actors_of("Азербайджанский политолог Эльчин Мамедов считает, что переговоры "
                            "затянутся."))
    assert ("Азербайджанский", "demonym") in mentions(found["Q227"])
    assert found["person:elchin_mamedov"].kind == "person"


def test_demonym_nouns_are_the_state() -> None:
    found = by_id(actors_of("Французы продают оружие, а поляки закрывают границу."))
    assert mentions(found["Q142"]) == [("Французы", "demonym")]
    assert mentions(found["Q36"]) == [("поляки", "demonym")]


def test_an_unlisted_expert_with_surname_and_genitive_mentions_is_one_person() -> None:
    text = ("Политолог Игорь Семёнов считает, что Ереван ошибается.\n\n"
            "По словам Семёнова, союзники давно это видят. Семёнов убеждён в своей правоте.\n\n"
            "— Игорь Владимирович, что дальше?\n\n"
            "Как отметил эксперт, ответа пока нет.")
    found = by_id(actors_of(text))
    people = [a for a in found.values() if a.kind == "person"]
    assert [p.id for p in people] == ["person:igor_semyonov"]
    semenov = found["person:igor_semyonov"]
    assert semenov.name == "Игорь Семёнов"
    assert mentions(semenov) == [("Игорь Семёнов", "name"), ("Семёнова", "name"),
                                 ("Семёнов", "name"), ("Игорь Владимирович", "name"),
                                 ("эксперт", "title")]


def test_a_name_in_an_oblique_case_is_named_in_the_nominative() -> None:
    found = by_id(actors_of("Журналисты встретились с Анной Ковальчук. Ковальчук подтвердила "
                            "свои слова."))
    kovalchuk = found["person:anna_kovalchuk"]
    assert kovalchuk.name == "Анна Ковальчук"
    assert [m.text for m in kovalchuk.mentions] == ["Анной Ковальчук", "Ковальчук"]


def test_a_pronoun_is_the_latest_person_of_its_gender() -> None:
    text = "Эксперт Олег Мазуров выступил в Минске. Он заявил, что переговоры продолжатся."
    mazurov = by_id(actors_of(text))["person:oleg_mazurov"]
    assert ("Он", "pronoun") in mentions(mazurov)


def test_a_feminine_pronoun_skips_a_man() -> None:
    text = "Министр Олег Мазуров спорил с Анной Ковальчук. Она ответила ему резко."
    found = by_id(actors_of(text))
    assert ("Она", "pronoun") in mentions(found["person:anna_kovalchuk"])
    assert ("ему", "pronoun") in mentions(found["person:oleg_mazurov"])


def test_an_office_with_its_state_is_the_holder_on_the_publication_day() -> None:
    found = by_id(actors_of("Президент Азербайджана провёл совещание."))
    assert ("Президент Азербайджана", "title") in mentions(found["person:ilham_aliyev"])


def test_acronyms_and_a_later_generic_reference() -> None:
    found = by_id(actors_of("США и НАТО расширяют присутствие. Альянс не скрывает планов."))
    assert mentions(found["Q30"]) == [("США", "acronym")]
    assert mentions(found["Q7184"]) == [("НАТО", "acronym"), ("Альянс", "name")]


def test_the_ministry_of_a_state_in_the_genitive() -> None:
    found = by_id(actors_of("В МИД России ранее заявили, что Москва верна обязательствам."))
    ministry = found["institution:ministry_of_foreign_affairs_of_russia"]
    assert [m.text for m in ministry.mentions] == ["МИД России"]
    assert mentions(found["Q159"]) == [("Москва", "metonym")]


def test_outlets_and_organisations() -> None:
    text = ("Директор Центра евразийских исследований Игорь Семёнов в интервью изданию "
            "«Восточный рубеж» высказался о переговорах.")
    found = by_id(actors_of(text))
    centre = found["org:tsentr_evraziyskikh_issledovany"]
    assert centre.name == "Центр евразийских исследований"
    assert [m.text for m in found["media:vostochny_rubezh"].mentions] == ["Восточный рубеж"]


def test_generic_words_make_no_actor() -> None:
    assert actors_of("Эксперты считают, что переговоры затянутся, а цены вырастут.") == []


def test_mentions_are_ordered_and_actors_unique() -> None:
    text = "Москва ответила Киеву. Киев молчит, а Кремль и Москва настаивают."
    found = actors_of(text)
    assert len({a.id for a in found}) == len(found)
    for actor in found:
        starts = [m.start for m in actor.mentions]
        assert starts == sorted(starts)
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    assert mentions(by_id(found)["Q159"]) == [("Москва", "metonym"), ("Кремль", "metonym"),
                                              ("Москва", "metonym")]


def test_a_title_over_a_ministry_is_its_holder_and_a_later_head_noun_refers_back() -> None:
    text = ("Глава МИД России Сергей Лавров заявил, что Вашингтон давит на Тбилиси. "
            "По словам министра, диалог возможен.")
    found = by_id(actors_of(text))
    assert mentions(found["person:sergey_lavrov"]) == [("Сергей Лавров", "name"),
                                                       ("министра", "title")]
    assert mentions(found["Q230"]) == [("Тбилиси", "metonym")]  # pressed, not a place


def test_an_office_named_by_the_state_adjective() -> None:
    found = by_id(actors_of("Турецкий лидер промолчал, а глава МИД России ответил."))
    assert ("Турецкий лидер", "title") in mentions(found["Q39259"])
    assert ("Глава МИД России".lower(), "title") in [
        (t.lower(), r) for t, r in mentions(found["person:sergey_lavrov"])]


def test_an_honorific_is_no_part_of_the_name_and_gives_the_gender() -> None:
    found = by_id(actors_of("Госпожа Ирина Лисовская ответила журналистам. Позже она уехала."))
    person = found["person:irina_lisovskaya"]
    assert person.name == "Ирина Лисовская"
    assert mentions(person) == [("Ирина Лисовская", "name"), ("она", "pronoun")]


def test_a_region_named_with_a_compass_adjective_is_no_state() -> None:
    found = by_id(actors_of("Западная Европа и Латинская Америка молчат, а Америка давит."))
    assert mentions(found["Q30"]) == [("Америка", "name")]
    assert "Q458" not in found


def test_a_possessive_after_a_state_of_its_gender_is_not_the_person() -> None:
    text = ("Политолог Олег Мазуров выступил вчера. Он сказал, что Ереван заморозил участие в "
            "ОДКБ, а его министры пропускают встречи.")
    mazurov = by_id(actors_of(text))["person:oleg_mazurov"]
    assert mentions(mazurov) == [("Олег Мазуров", "name"), ("Он", "pronoun")]
