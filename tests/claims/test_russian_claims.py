"""The Russian claims stage on an article written for these tests, with actors built by hand."""

from __future__ import annotations

from presslens.claims.russian import extract_russian_claims
from presslens.model import Actor, Document, Mention, Meta, Quote
from presslens.nlp_ru import parse_russian
from presslens.relations.russian import extract_russian_relations

ACTORS = {
    "Q37": ("Lithuania", "country", {"литва", "вильнюс", "литовский"}),
    "Q159": ("Russia", "country", {"россия", "москва", "российский"}),
    "Q458": ("European Union", "alliance", {"брюссель", "евросоюз"}),
    "person:orlov": ("Pavel Orlov", "person", {"орлов"}),
}

TEXT = (
    "Вильнюс снова закрывает транзит\n"
    "Литва 3 марта запретила перевозку 40 процентов грузов в Калининград, сообщили в Москве.\n"
    "Погода в регионе остаётся прохладной, и синоптики обещают дожди.\n"
    "— Что будет дальше?\n"
    "«Литва действует по указке Брюсселя и выполняет его указания», — сказал Орлов.\n"
    "По его мнению, всё это может закончиться очень плохо, если никто не остановит эту глупость.\n"
    "Как быть жителям области, которые привыкли ездить к родственникам на поезде?\n"
    "Мы ещё не раз вернёмся к этой теме, а пока ждём ваших писем и вопросов.\n"
    "Редакция благодарит всех читателей, которые делятся с нами своими историями.\n"
    "Хочется верить, что здравый смысл когда-нибудь возьмёт верх над политическими амбициями.\n"
    "Кто ответит за это решение и почему о нём никто не предупредил заранее?\n"
    "Неужели в Вильнюсе не понимают, чем это обернётся для простых людей по обе стороны границы?\n"
    "Хочется надеяться, что разум восторжествует и соседи смогут договориться без посредников.\n"
    "Об этом и многом другом читайте в следующих выпусках нашего еженедельного обозрения.\n"
)


def analyse(text: str = TEXT) -> Document:
    sdoc = parse_russian(text)
    actors = []
    for actor_id, (name, kind, lemmas) in ACTORS.items():
        mentions = [
            Mention(start=t.idx, end=t.idx + len(t.text), text=t.text, role="name")
            for t in sdoc if t.lemma_ in lemmas
        ]
        actors.append(Actor(id=actor_id, name=name, kind=kind, mentions=mentions))  # type: ignore[arg-type]
    inside = "Литва действует по указке Брюсселя и выполняет его указания"
    start = text.index(inside)
    cue = text.index("сказал")
    quotes = [Quote(
        id="q0", start=start, end=start + len(inside), text=inside, kind="direct", speaker="person:orlov",
        cue={"start": cue, "end": cue + 6, "text": "сказал"},
    )]
    title = text.index("\n")
    doc = Document(
        id="t", text=text, actors=actors, quotes=quotes,
        meta=Meta(language="ru", title=text[:title], title_span={"start": 0, "end": title}),
    )
    doc.relations = extract_russian_relations(doc, sdoc)
    doc.claims = extract_russian_claims(doc, sdoc)
    return doc


def test_a_dated_act_with_numbers_ranks_first() -> None:
    claims = analyse().claims
    assert claims and claims[0].text.startswith("Литва 3 марта запретила")
    assert claims == sorted(claims, key=lambda c: (-c.score, c.start))


def test_a_loaded_accusation_is_flagged_and_its_claimant_is_the_speaker() -> None:
    loaded = [c for c in analyse().claims if c.loaded]
    assert loaded and loaded[0].text.startswith("Литва действует по указке Брюсселя")
    assert loaded[0].claimant == "person:orlov"
    assert {"Q37", "Q458"} <= set(loaded[0].actors)


def test_questions_attributions_weather_and_speculation_are_not_listed() -> None:
    texts = [c.text for c in analyse().claims]
    assert not any("?" in t or t.startswith("сказал") or "Погода" in t or "может закончиться" in t for t in texts)


def test_the_list_stays_short() -> None:
    doc = analyse()
    covered = sum(c.end - c.start for c in doc.claims[1:])
    assert covered <= 0.15 * len(doc.text) and len(doc.claims) <= 8
