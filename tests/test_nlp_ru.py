"""The Russian base parse: natasha's analysis packed into a spaCy ``Doc`` over the same text."""

from __future__ import annotations

import pytest

from presslens.nlp_ru import one_tree, parse_russian

TEXT = (
    "Политолог: Баку действует по указке Анкары\n\n"
    "МОСКВА, 14 марта 2025 — Как заявил политолог Игорь Семёнов, Азербайджан  действует "
    "по указке Анкары. «Баку давно стал марионеткой Турции», — сказал он.\n\n"
    "По словам эксперта, Вашингтон поддерживает Киев.\n"
)


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    return parse_russian(TEXT)


def test_the_doc_text_is_the_input_text(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.text == TEXT
    for token in doc:
        assert TEXT[token.idx:token.idx + len(token)] == token.text


def test_inflected_names_share_a_lemma(doc) -> None:  # type: ignore[no-untyped-def]
    lemmas = {t.text: t.lemma_ for t in doc if not t.is_space}
    assert lemmas["Анкары"] == "анкара"
    assert lemmas["Азербайджан"] == "азербайджан"
    assert lemmas["словам"] == "слово"
    assert lemmas["заявил"] == "заявить"


def test_morphology_and_syntax_are_universal_dependencies(doc) -> None:  # type: ignore[no-untyped-def]
    ankara = next(t for t in doc if t.text == "Анкары")
    assert ankara.morph.get("Case") == ["Gen"]
    supports = next(t for t in doc if t.text == "поддерживает")
    assert supports.pos_ == "VERB"
    assert {c.dep_ for c in supports.children} >= {"nsubj", "obj"}
    assert next(c for c in supports.children if c.dep_ == "obj").text == "Киев"


def test_sentences_start_at_line_starts_and_whitespace_never_cuts_one(doc) -> None:  # type: ignore[no-untyped-def]
    starts = [s.text.strip()[:12] for s in doc.sents]
    assert starts[0].startswith("Политолог")
    assert any(s.startswith("МОСКВА") for s in starts)
    assert any(s.startswith("По словам") for s in starts)
    # the double space after "Азербайджан" stays inside its sentence
    sentence = next(s for s in doc.sents if "Азербайджан" in s.text)
    assert "действует по указке" in sentence.text
    assert all(t.pos_ == "SPACE" for t in doc if t.is_space)


def test_named_entities(doc) -> None:  # type: ignore[no-untyped-def]
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Игорь Семёнов", "PER") in ents
    assert ("Анкары", "LOC") in ents


def test_same_input_same_parse() -> None:
    first, second = parse_russian(TEXT), parse_russian(TEXT)
    assert [(t.lemma_, t.dep_, t.head.i) for t in first] == [(t.lemma_, t.dep_, t.head.i) for t in second]


def test_empty_and_blank_texts() -> None:
    assert parse_russian("").text == ""
    blank = parse_russian("  \n ")
    assert blank.text == "  \n " and all(t.is_space for t in blank)


@pytest.mark.parametrize(
    ("heads", "tree"),
    [
        ([1, -1, 1], [1, -1, 1]),  # already a tree
        ([1, 0], [-1, 0]),  # no root: the first token on the cycle becomes it
        ([-1, 0, -1], [-1, 0, 0]),  # two roots: the second hangs from the first
        ([2, 0, 1, 2], [-1, 0, 1, 2]),  # a cycle through every token
    ],
)
def test_one_tree(heads: list[int], tree: list[int]) -> None:
    assert one_tree(heads) == tree
