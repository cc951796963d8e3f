"""The readings the English stage gained (an event noun after a light or stop verb, stated intent,
stopped help, expelled envoys, a recalled ambassador, two-sided acts, visits, PLOVER's modes,
reported questions), ported to the Russian relation stage, on sentences written for these tests,
with actors built by hand (a mention on every token whose lemma names the actor; a capital after
"в"/"из" is a mention with the role "place") so that only the relation mechanisms are under test."""

from __future__ import annotations

from presslens.model import Actor, Document, Mention, Meta
from presslens.nlp_ru import parse_russian
from presslens.relations.russian import extract_russian_relations

ACTORS = {
    "Q36": ("Poland", "country", {"польша", "варшава", "польский"}),
    "Q43": ("Turkey", "country", {"турция", "анкара", "турецкий"}),
    "Q227": ("Azerbaijan", "country", {"азербайджан", "баку"}),
    "Q159": ("Russia", "country", {"россия", "москва", "российский"}),
    "Q212": ("Ukraine", "country", {"украина", "киев", "украинский"}),
    "Q399": ("Armenia", "country", {"армения", "ереван"}),
    "Q230": ("Georgia", "country", {"грузия", "тбилиси"}),
    "Q142": ("France", "country", {"франция", "париж", "французский"}),
    "Q1032": ("Niger", "country", {"нигер"}),
    "Q794": ("Iran", "country", {"иран", "тегеран"}),
    "Q41984": ("International Atomic Energy Agency", "organization", {"магатэ"}),
    "Q7747": ("Vladimir Putin", "person", {"путин"}),
}
PLACES = {"москва", "анкара", "баку", "ереван", "тбилиси"}


def analyse(text: str) -> Document:
    sdoc = parse_russian(text)
    actors = []
    for actor_id, (name, kind, lemmas) in ACTORS.items():
        mentions = [
            Mention(start=t.idx, end=t.idx + len(t.text), text=t.text, role=(
                "place" if t.lemma_ in PLACES and t.i > 0 and sdoc[t.i - 1].lower_ in ("в", "из") else "name"
            ))
            for t in sdoc if t.lemma_ in lemmas
        ]
        actors.append(Actor(id=actor_id, name=name, kind=kind, mentions=mentions))  # type: ignore[arg-type]
    doc = Document(id="t", text=text, actors=actors, meta=Meta(language="ru"))
    doc.relations = extract_russian_relations(doc, sdoc)
    return doc


def found(text: str) -> set[tuple[str, str, str, int, str]]:
    return {(r.source, r.target, r.type, r.polarity, r.modality) for r in analyse(text).relations}


def types(text: str) -> set[tuple[str, str, str]]:
    return {(s, t, ty) for s, t, ty, _, _ in found(text)}


# ---------------------------------------------------------------------- objects decide the act


def test_expelled_envoys_are_a_sanction_other_people_expelled_stay_coercion() -> None:
    assert ("Q36", "Q159", "SANCTION") in types("Польша выслала трёх российских дипломатов.")
    assert ("Q36", "Q159", "COERCE") not in types("Польша выслала трёх российских дипломатов.")
    assert ("Q36", "Q212", "COERCE") in types("Польша выслала украинских активистов.")


def test_a_recalled_ambassador_is_a_protest_against_the_state_left() -> None:
    assert ("Q227", "Q159", "PROTEST", -1, "asserted") in found("Азербайджан отозвал посла из Москвы.")
    # the state an envoy is posted to may be named on the envoy ("посол в X")
    assert ("Q142", "Q227", "PROTEST") in types("Франция отозвала своего посла в Азербайджане.")


def test_released_captives_are_a_retreat() -> None:
    assert ("Q159", "Q212", "RETREAT") in types("Россия освободила украинских военнопленных.")


def test_a_sentence_passed_and_an_extradition_are_plovers_modes() -> None:
    assert ("Q159", "Q212", "SANCTION") in types("Россия приговорила украинских моряков к десяти годам.")
    assert ("Q43", "Q159", "COOPERATE") in types("Турция экстрадировала в Россию двух граждан.")


# ---------------------------------------------------------------------- stopped help


def test_stopped_help_is_a_sanction_and_a_stopped_attack_a_retreat() -> None:
    assert ("Q142", "Q1032", "SANCTION", -1, "asserted") in found("Франция приостановила военную помощь Нигеру.")
    assert ("Q159", "Q230", "SANCTION") in types("Россия прекратила сотрудничество с Грузией.")
    assert ("Q159", "Q212", "RETREAT") in types("Россия прекратила обстрелы Украины.")


def test_an_end_only_asked_for_is_no_retreat() -> None:
    pairs = types("Киев призвал Москву прекратить обстрелы Украины.")
    assert not any(ty == "RETREAT" for *_, ty in pairs)


def test_a_stop_the_subject_announces_names_what_is_stopped() -> None:
    assert ("Q159", "Q230", "SANCTION") in types("Россия объявила о приостановке авиасообщения с Грузией.")
    assert ("Q399", "Q159", "SUPPORT") not in types("Армения заявила о приостановке сотрудничества с Россией.")
    assert ("Q399", "Q159", "SANCTION") in types("Армения заявила о приостановке сотрудничества с Россией.")


# ---------------------------------------------------------------------- light verbs, intent, joint acts


def test_a_light_verb_with_an_event_noun_states_the_nouns_act() -> None:
    assert ("Q43", "Q227", "THREATEN") in types("Турция предъявила Азербайджану ультиматум.")
    assert ("Q142", "Q399", "CONSULT") in types("Франция возобновила консультации с Арменией.")


def test_a_coordinated_subject_renewing_talks_acts_on_each_other() -> None:
    assert ("Q399", "Q227", "CONSULT") in types("Армения и Азербайджан возобновили переговоры.")


def test_talks_agreed_on_are_the_agreement() -> None:
    pairs = types("Иран и МАГАТЭ договорились возобновить консультации.")
    assert ("Q794", "Q41984", "AGREE") in pairs
    assert ("Q794", "Q41984", "CONSULT") not in pairs


def test_stated_intent_is_a_future_agreement_or_a_threat() -> None:
    assert ("Q43", "Q227", "AGREE", 1, "future") in found("Турция готова поставить оружие Азербайджану.")
    assert ("Q399", "Q230", "AGREE", 1, "future") in found("Армения намерена поддержать Грузию.")
    assert ("Q159", "Q212", "THREATEN", -1, "future") in found("Россия готова атаковать Украину.")
    assert not found("Армения не готова поддержать Грузию.")


# ---------------------------------------------------------------------- visits and questions


def test_a_state_leader_arriving_in_another_capital_visits_it() -> None:
    assert ("Q7747", "Q43", "CONSULT") in types("Путин прибыл в Анкару с визитом.")
    assert not types("Путин прибыл в Москву.")  # one's own capital
    assert not types("Российские войска прибыли в Ереван.")  # forces do not visit


def test_a_reported_question_states_nothing() -> None:
    assert not types("Журналисты спросили, нападёт ли Россия на Украину.")
    assert not types("Эксперт задался вопросом, нападёт ли Россия на Украину.")
    assert ("Q159", "Q212", "ASSAULT") in types("Журналисты сообщили, что Россия напала на Украину.")
