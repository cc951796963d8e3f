"""The Russian actor stage's data: every label keyed to an English gazetteer entry."""

from __future__ import annotations

from presslens.actors.gazetteer import load_gazetteer
from presslens.actors.russian_lexicon import actor_words, latin, russian_labels


def test_every_key_is_an_english_gazetteer_entry() -> None:
    gazetteer = load_gazetteer()
    names = {e.name for e in gazetteer if e.qid is None}
    labels = russian_labels()
    assert len(labels) > 300
    missing = [la.key for la in labels if gazetteer.get(la.key) is None and la.key not in names]
    assert missing == []


def test_a_key_is_the_qid_where_the_english_entry_has_one() -> None:
    by_name = {e.name: e for e in load_gazetteer()}
    assert [la.key for la in russian_labels() if la.key in by_name and by_name[la.key].qid] == []


def test_every_state_has_russian_names() -> None:
    gazetteer = load_gazetteer()
    keyed = {la.key: la for la in russian_labels()}
    # the two former German states are history, not the genre's actors
    states = [e for e in gazetteer if e.kind == "country" and e.qid not in ("Q713750", "Q16957")]
    assert len(states) >= 200
    assert [e.name for e in states if not keyed.get(e.key) or not keyed[e.key].names] == []


def test_labels_are_unique_per_entity_kind() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for labels in russian_labels():
        for form in (*labels.names, *labels.acronyms, *labels.capitals, *labels.seats):
            if seen.setdefault(form, labels.key) != labels.key:
                clashes.append(form)
    assert clashes == []


def test_word_lists_load_as_lemmas() -> None:
    words = actor_words()
    assert {"политолог", "эксперт", "аналитик", "востоковед", "профессор"} <= words.experts
    assert words.offices["президент"] == "president"
    assert words.pronouns == {"он": "m", "она": "f"}
    assert all(w == w.lower() and "ё" not in w for w in words.titles)


def test_transliteration_of_a_name() -> None:
    # as English-language newspapers spell Russian names, so that a Russian article and its
    # English translation give an unlisted person the same id
    assert latin("Игорь Семёнов") == "igor semyonov"
    assert latin("Щукин Юрий") == "shchukin yury"
    assert latin("Касым-Жомарт Токаев") == "kasym-zhomart tokayev"
    assert latin("Сергей Малахов") == "sergei malakhov"
    assert latin("Дмитрий Песков") == "dmitry peskov"
    assert latin("Наталья Сатпаева") == "natalya satpayeva"
    assert latin("Ей") == "ey"  # a word that is only the ending is read letter by letter
