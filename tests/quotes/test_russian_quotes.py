"""The Russian quote stage on sentences written for these tests: quotation marks, dialogue
dashes, attributions before and after, split and multi-paragraph quotes, headlines, speakers.

Actors are given by hand (id, kind, surface forms, role), as the Russian actor stage would give
them, so that each test exercises the quote stage alone.
"""

from __future__ import annotations

import re

import pytest

from presslens.model import Actor, ActorKind, Document, Mention, MentionRole, Meta, Quote
from presslens.nlp_ru import parse_russian
from presslens.quotes.russian import extract_russian_quotes

# id -> (kind, [(form, role), ...])
Actors = dict[str, tuple[ActorKind, list[tuple[str, MentionRole]]]]


def russian_quotes(text: str, actors: Actors | None = None) -> list[Quote]:
    """The quotes of ``text``, with a mention at every whole-word occurrence of each form."""
    built = []
    for actor_id, (kind, forms) in (actors or {}).items():
        mentions = []
        for form, role in forms:
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                mentions.append(Mention(start=m.start(), end=m.end(), text=m.group(), role=role))
        built.append(Actor(id=actor_id, name=forms[0][0], kind=kind,
                           mentions=sorted(mentions, key=lambda x: x.start)))
    doc = Document(id="t", text=text, meta=Meta(language="ru"), actors=built)
    return extract_russian_quotes(doc, parse_russian(text))


def one(quotes: list[Quote], content: str) -> Quote:
    found = [q for q in quotes if q.text == content]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


VETROV: Actors = {"person:vetrov": ("person", [("Олег Ветров", "name"), ("Ветров", "name")])}
LEBEDEV: Actors = {"person:lebedev": ("person", [("Игорь Лебедев", "name"), ("Лебедев", "name"),
                                                 ("Игоря Лебедева", "name")])}


def test_guillemets_with_the_attribution_after_a_dash() -> None:
    text = ("Депутат Олег Ветров выступил в парламенте. "
            "«Мы не отступим от своих обязательств», — заявил Ветров.")
    quotes = russian_quotes(text, VETROV)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.id, q.kind, q.text) == ("q1", "direct", "Мы не отступим от своих обязательств")
    assert q.cue is not None and q.cue.text == "заявил"
    assert q.speaker == "person:vetrov"
    assert q.speaker_span is not None and q.speaker_span.text == "Ветров"


def test_nested_low_high_quotes_stay_inside_the_outer_quote() -> None:
    text = ("«Когда соседи говорят о „партнёрстве“, они имеют в виду контроль», — отметил "
            "политолог Игорь Лебедев.")
    quotes = russian_quotes(text, LEBEDEV)
    assert [q.text for q in quotes] == [
        "Когда соседи говорят о „партнёрстве“, они имеют в виду контроль"]
    assert quotes[0].speaker == "person:lebedev"
    assert quotes[0].speaker_span is not None
    assert quotes[0].speaker_span.text == "политолог Игорь Лебедев"


def test_colon_introduction_before_the_quote() -> None:
    text = "Аналитик Павел Соколов сказал: «Переговоры зашли в тупик, и виноват в этом Запад»."
    actors: Actors = {"person:sokolov": ("person", [("Павел Соколов", "name")])}
    q = one(russian_quotes(text, actors), "Переговоры зашли в тупик, и виноват в этом Запад")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "сказал"
    assert q.speaker == "person:sokolov"


def test_as_clause_with_colon_resolves_the_title_through_its_mention() -> None:
    text = ("Эксперт Анна Орлова выступила на форуме. "
            "Как пояснил эксперт: «Никто не собирается уступать».")
    actors: Actors = {"person:orlova": ("person", [("Анна Орлова", "name"),
                                                    ("эксперт", "title")])}
    quotes = russian_quotes(text, actors)
    assert [(q.kind, q.text) for q in quotes] == [("direct", "Никто не собирается уступать")]
    assert quotes[0].speaker == "person:orlova"
    assert quotes[0].cue is not None and quotes[0].cue.text == "пояснил"


def test_a_quote_over_several_paragraphs_is_one_quote() -> None:
    text = ("Игорь Лебедев ответил на вопросы читателей.\n\n"
            "«Соседи давно не решают сами. Всё решают в чужих столицах.\n\n"
            "«Так будет и дальше, пока никто не скажет об этом вслух», — сказал Лебедев.")
    quotes = russian_quotes(text, LEBEDEV)
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Соседи давно не решают сами.")
    assert quotes[0].text.endswith("пока никто не скажет об этом вслух")
    assert "\n\n«Так будет" in quotes[0].text
    assert quotes[0].speaker == "person:lebedev"


def test_split_quote_keeps_one_speaker_and_cue() -> None:
    text = "«Граница останется закрытой», — сказал Ветров, — «пока угроза сохраняется»."
    quotes = russian_quotes(text, VETROV)
    assert [q.text for q in quotes] == ["Граница останется закрытой", "пока угроза сохраняется"]
    assert [q.speaker for q in quotes] == ["person:vetrov", "person:vetrov"]
    assert all(q.cue is not None and q.cue.text == "сказал" for q in quotes)
    assert [q.id for q in quotes] == ["q1", "q2"]


def test_dialogue_dash_lines_and_interviewer_questions() -> None:
    text = ("Олег Ветров ответил на вопросы редакции.\n\n"
            "— Олег Петрович, граница откроется?\n\n"
            "— Граница останется закрытой, — ответил Ветров. — Решение уже принято.\n\n"
            "— А что дальше?")
    quotes = russian_quotes(text, VETROV)
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "Граница останется закрытой"), ("direct", "Решение уже принято.")]
    assert {q.speaker for q in quotes} == {"person:vetrov"}
    assert quotes[0].cue is not None and quotes[0].cue.text == "ответил"


def test_dialogue_answer_over_two_paragraphs_attributed_at_its_end() -> None:
    text = ("— Граница останется закрытой до весны.\n\n"
            "Потом решение пересмотрят, — добавил Ветров.")
    quotes = russian_quotes(text, VETROV)
    assert len(quotes) == 1
    assert quotes[0].text == "Граница останется закрытой до весны.\n\nПотом решение пересмотрят"
    assert quotes[0].speaker == "person:vetrov"


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("''", "''")])
def test_straight_and_typewriter_quotes(opening: str, closing: str) -> None:
    text = f"{opening}Мы готовы к диалогу без условий{closing}, — заявил Лебедев."
    quotes = russian_quotes(text, LEBEDEV)
    assert [q.text for q in quotes] == ["Мы готовы к диалогу без условий"]
    assert quotes[0].speaker == "person:lebedev"


def test_pronoun_resolves_to_the_nearest_person_of_its_gender() -> None:
    text = ("Министр Анна Орлова встретилась с послом Олегом Ветровым. "
            "«Мы обсудили поставки газа», — сказала она.")
    actors: Actors = {
        "person:orlova": ("person", [("Анна Орлова", "name")]),
        "person:vetrov": ("person", [("Олегом Ветровым", "name")]),
    }
    q = one(russian_quotes(text, actors), "Мы обсудили поставки газа")
    assert q.speaker == "person:orlova"
    assert q.speaker_span is not None and q.speaker_span.text == "она"


def test_an_unresolved_speaker_keeps_the_quote() -> None:
    text = "«Нас никто не спрашивал», — сказал местный житель."
    quotes = russian_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [("Нас никто не спрашивал", None)]
    assert quotes[0].speaker_span is not None
    assert quotes[0].speaker_span.text == "местный житель"


def test_names_in_marks_are_not_quotes() -> None:
    text = "Он дал интервью изданию «Северный вестник» о проекте «Южный коридор»."
    assert russian_quotes(text) == []


def test_actors_inside_the_quote() -> None:
    text = "«Анкара и Баку действуют заодно», — сказал Ветров."
    actors: Actors = {**VETROV, "Q43": ("country", [("Анкара", "metonym")]),
                      "Q227": ("country", [("Баку", "metonym")])}
    q = one(russian_quotes(text, actors), "Анкара и Баку действуют заодно")
    assert q.actors == ["Q43", "Q227"]


def test_colon_headline_is_an_indirect_quote_of_the_titled_person() -> None:
    text = ("Политолог: Баку действует по указке Анкары\n\n"
            "Политолог Игорь Лебедев считает, что соседи не самостоятельны.")
    quotes = russian_quotes(text, LEBEDEV)
    head = quotes[0]
    assert (head.kind, head.text) == ("indirect", "Баку действует по указке Анкары")
    assert head.speaker == "person:lebedev"
    assert head.speaker_span is not None and head.speaker_span.text == "Политолог"


def test_marked_headline_with_speaker_after_the_colon_is_direct() -> None:
    text = ("«Соседи сами выбрали роль прифронтовых»: эксперт о новой бригаде\n\n"
            "«Это решение опасно», — сказал Лебедев.")
    quotes = russian_quotes(text, LEBEDEV)
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "Соседи сами выбрали роль прифронтовых"), ("direct", "Это решение опасно")]
    assert quotes[0].speaker == "person:lebedev"


def test_output_is_deterministic() -> None:
    text = "«Переговоры продолжатся», — сказал Ветров. По его словам, стороны близки к согласию."
    assert russian_quotes(text, VETROV) == russian_quotes(text, VETROV)
