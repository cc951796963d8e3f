"""Indirect speech in the Russian quote stage, on sentences written for these tests: the content
span (exact text: after "что", the rest of the sentence after "по словам X," or "как отметил X,"),
the cue, and the speaker."""

from __future__ import annotations

from test_russian_quotes import LEBEDEV, Actors, one, russian_quotes

ORLOVA: Actors = {"person:orlova": ("person", [("Анна Орлова", "name"), ("Орловой", "name"),
                                               ("Орлова", "name")])}


def test_zayavil_chto_content_starts_after_chto() -> None:
    text = "Министр Анна Орлова заявила журналистам, что переговоры продолжатся в Женеве."
    q = one(russian_quotes(text, ORLOVA), "переговоры продолжатся в Женеве")
    assert q.kind == "indirect"
    assert q.cue is not None and q.cue.text == "заявила"
    assert q.speaker == "person:orlova"
    assert q.speaker_span is not None and q.speaker_span.text == "Министр Анна Орлова"


def test_conviction_adjectives_and_opinion_verbs() -> None:
    text = ("Лебедев убеждён, что кризис затянется надолго. "
            "Лебедев уверен, что соседи уступят. Лебедев считает, что санкции не работают.")
    quotes = russian_quotes(text, LEBEDEV)
    assert [(q.kind, q.text, q.cue.text if q.cue else None) for q in quotes] == [
        ("indirect", "кризис затянется надолго", "убеждён"),
        ("indirect", "соседи уступят", "уверен"),
        ("indirect", "санкции не работают", "считает"),
    ]
    assert {q.speaker for q in quotes} == {"person:lebedev"}


def test_po_slovam_genitive_speaker() -> None:
    text = "По словам политолога Игоря Лебедева, санкции давно не работают."
    q = one(russian_quotes(text, LEBEDEV), "санкции давно не работают")
    assert q.cue is not None and q.cue.text == "По словам"
    assert q.speaker == "person:lebedev"
    assert q.speaker_span is not None and q.speaker_span.text == "политолога Игоря Лебедева"


def test_po_mneniyu_with_possessive_pronoun() -> None:
    text = "Анна Орлова выступила в Думе. По её мнению, соседи действуют по чужой указке."
    q = one(russian_quotes(text, ORLOVA), "соседи действуют по чужой указке")
    assert q.speaker == "person:orlova"
    assert q.cue is not None and q.cue.text == "По её мнению"


def test_po_slovam_inside_the_sentence_takes_the_whole_sentence() -> None:
    text = "Игорь Лебедев выступил на форуме. Россия, по словам эксперта, остаётся гарантом мира."
    q = one(russian_quotes(text, LEBEDEV), "Россия, по словам эксперта, остаётся гарантом мира")
    assert q.speaker == "person:lebedev"


def test_opinion_phrase_inside_a_question_clause_is_no_quote() -> None:
    text = "Игорь Лебедев объяснил, почему, по его мнению, переговоры заходят в тупик."
    assert russian_quotes(text, LEBEDEV) == []


def test_kak_otmetil_title_falls_back_to_the_person_it_introduced() -> None:
    text = ("Политолог Игорь Лебедев выступил на конференции. "
            "Как отметил политолог, Анкара открыто поддерживает Баку.")
    q = one(russian_quotes(text, LEBEDEV), "Анкара открыто поддерживает Баку")
    assert q.cue is not None and q.cue.text == "отметил"
    assert q.speaker == "person:lebedev"
    assert q.speaker_span is not None and q.speaker_span.text == "политолог"


def test_kak_soobshchaet_outlet() -> None:
    text = "Как сообщает агентство «Северный вестник», в регионе начались учения."
    actors: Actors = {"media:vestnik": ("media", [("Северный вестник", "name")])}
    q = one(russian_quotes(text, actors), "в регионе начались учения")
    assert q.speaker == "media:vestnik"
    assert q.cue is not None and q.cue.text == "сообщает"


def test_impersonal_plural_speaks_for_the_place_named_with_v() -> None:
    text = "В Кремле ранее заявили, что Москва открыта для диалога."
    actors: Actors = {"Q42291": ("institution", [("Кремле", "metonym")])}
    q = one(russian_quotes(text, actors), "Москва открыта для диалога")
    assert q.speaker == "Q42291"
    assert q.speaker_span is not None and q.speaker_span.text == "Кремле"


def test_framed_cue_after_the_content() -> None:
    text = "Граница останется закрытой ещё на две недели, сообщила пограничная служба."
    actors: Actors = {"institution:border": ("institution", [("пограничная служба", "name")])}
    q = one(russian_quotes(text, actors), "Граница останется закрытой ещё на две недели")
    assert q.kind == "indirect"
    assert q.speaker == "institution:border"


def test_framed_cue_inside_the_sentence() -> None:
    text = "Российские миротворцы, подчеркнул Лебедев, обеспечивают мир в регионе."
    q = one(russian_quotes(text, LEBEDEV),
            "Российские миротворцы, подчеркнул Лебедев, обеспечивают мир в регионе")
    assert q.speaker == "person:lebedev"


def test_ob_etom_zayavil_reports_the_previous_sentence() -> None:
    text = "Санкции против соседей не достигли цели. Об этом заявил политолог Игорь Лебедев."
    q = one(russian_quotes(text, LEBEDEV), "Санкции против соседей не достигли цели")
    assert q.speaker == "person:lebedev"
    assert q.cue is not None and q.cue.text == "заявил"


def test_a_second_verb_of_the_same_speaker_ends_the_first_report() -> None:
    text = ("Лебедев напомнил, что зимой регион остался без газа, и обвинил соседей в том, "
            "что они использовали кризис для давления.")
    quotes = russian_quotes(text, LEBEDEV)
    assert [q.text for q in quotes] == [
        "зимой регион остался без газа", "они использовали кризис для давления"]
    assert [q.cue.text if q.cue else None for q in quotes] == ["напомнил", "обвинил"]


def test_appeal_reports_its_infinitive_clause() -> None:
    text = "В МИД Китая призвали Евросоюз проводить самостоятельную политику."
    actors: Actors = {"institution:mfa_cn": ("institution", [("МИД Китая", "name")])}
    q = one(russian_quotes(text, actors), "Евросоюз проводить самостоятельную политику")
    assert q.speaker == "institution:mfa_cn"


def test_indirect_speech_inside_a_direct_quote_is_not_a_quote_of_its_own() -> None:
    text = "«Соседи заявили, что граница закрыта навсегда», — сказал Лебедев."
    quotes = russian_quotes(text, LEBEDEV)
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "Соседи заявили, что граница закрыта навсегда")]


def test_interviewer_question_reports_nothing() -> None:
    text = "— Говорят, что граница скоро откроется. Это правда?"
    assert russian_quotes(text) == []


def test_quotes_are_numbered_in_text_order() -> None:
    text = ("По словам Игоря Лебедева, граница закрыта. "
            "«Мы ждём ответа», — сказал Лебедев. Лебедев считает, что ответа не будет.")
    quotes = russian_quotes(text, LEBEDEV)
    assert [(q.id, q.kind) for q in quotes] == [
        ("q1", "indirect"), ("q2", "direct"), ("q3", "indirect")]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
