"""The syntax layer: negation, modality and argument reading over spaCy parses.

Argument reading is tested through a stand-in lookup that maps capitalised words to themselves,
so these tests need the parser but no actor stage.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from presslens.nlp import load_nlp
from presslens.syntax import ArgumentReader, hypothetical, modality_of, negated, negated_scope
from presslens.syntax.attribution import content_subject


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _verb(doc: Doc, lemma: str) -> Token:
    return next(t for t in doc if t.lemma_ == lemma)


class _Capitalised:
    """Every capitalised word is an actor named by itself."""

    def __init__(self) -> None:
        self.places: dict[int, list[str]] = {}

    def phrase(self, head: Token, *, depth: int = 0) -> tuple[list[str], bool]:
        ids = [t.text for t in (head, *head.conjuncts) if t.text[0].isupper()]
        return ids, False

    def modifier(self, token: Token) -> tuple[list[str], bool]:
        return self.phrase(token)

    def modifiers_of(self, head: Token) -> tuple[list[str], bool]:
        return [], False

    def doer(self, head: Token) -> tuple[list[str], bool]:
        return self.phrase(head)

    def clause_subject(self, verb: Token) -> tuple[list[str], bool]:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return self.phrase(child)
        return [], False


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Poland did not sanction Belarus.", "sanction", True),
        ("Poland has never sanctioned Belarus.", "sanction", True),
        ("Nobody supports Belarus.", "support", True),
        ("Poland sanctioned Belarus.", "sanction", False),
    ],
)
def test_negation(nlp: Language, text: str, lemma: str, expected: bool) -> None:
    assert negated(_verb(nlp(text), lemma)) is expected


def test_a_purpose_clause_of_a_negated_verb_is_in_its_scope(nlp: Language) -> None:
    doc = nlp("Poland has never sent a soldier to protect Belarus.")
    assert negated_scope(_verb(doc, "protect"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Romania declined to impose sanctions on Moldova.", True),
        ("Romania refused to impose sanctions on Moldova.", True),
        ("Romania failed to impose sanctions on Moldova.", True),
        ("Romania decided to impose sanctions on Moldova.", False),
    ],
)
def test_what_someone_refuses_or_fails_to_do_is_not_done(nlp: Language, text: str, expected: bool) -> None:
    assert negated_scope(_verb(nlp(text), "impose")) is expected


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Poland will sanction Belarus.", "sanction", "future"),
        ("Poland would sanction Belarus.", "sanction", "hypothetical"),
        ("Poland has threatened to sanction Belarus.", "sanction", "hypothetical"),
        ("Poland sanctioned Belarus.", "sanction", "asserted"),
    ],
)
def test_modality_of_relations(nlp: Language, text: str, lemma: str, expected: str) -> None:
    assert modality_of(_verb(nlp(text), lemma)) == expected


def test_hypothetical_for_stances_reads_reported_would_as_future(nlp: Language) -> None:
    verb = _verb(nlp("Poland would protect Belarus."), "protect")
    assert hypothetical(verb) and not hypothetical(verb, reported=True)
    assert hypothetical(_verb(nlp("If Poland protects Belarus, it wins."), "protect"), reported=True)


def test_argument_reader_reads_subjects_objects_and_passive_agents(nlp: Language) -> None:
    reader = ArgumentReader(_Capitalised())
    doc = nlp("Poland sanctioned Belarus and Russia.")
    verb = _verb(doc, "sanction")
    assert reader.subjects(verb) == (["Poland"], False)
    assert reader.objects(verb) == (["Belarus", "Russia"], False)
    passive = _verb(nlp("Moldova is steered by Brussels."), "steer")
    assert reader.agents(passive) == (["Brussels"], False)


def _parsed(nlp: Language, rows: list[tuple[str, str, int, str]]) -> Doc:
    """A hand-built parse: (word, tag, head index, dependency) per token."""
    words = [r[0] for r in rows]
    return Doc(
        nlp.vocab,
        words=words,
        tags=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
    )


# "Semyonov told Vostok that Yerevan decides little alone and carries out orders from Paris.", with
# "carries" hung on "told" as the parser hangs it
_STRANDED = [
    ("Semyonov", "NNP", 1, "nsubj"), ("told", "VBD", 1, "ROOT"), ("Vostok", "NNP", 1, "dobj"),
    ("that", "IN", 5, "mark"), ("Yerevan", "NNP", 5, "nsubj"), ("decides", "VBZ", 1, "ccomp"),
    ("little", "RB", 5, "advmod"), ("alone", "RB", 5, "advmod"), ("and", "CC", 1, "cc"),
    ("carries", "VBZ", 1, "conj"), ("out", "RP", 9, "prt"), ("orders", "NNS", 9, "dobj"),
    ("from", "IN", 11, "prep"), ("Paris", "NNP", 12, "pobj"), (".", ".", 1, "punct"),
]


def test_a_present_conjunct_of_a_past_speech_verb_continues_its_present_complement(nlp: Language) -> None:
    reader = ArgumentReader(_Capitalised())
    doc = _parsed(nlp, _STRANDED)
    assert reader.subjects(doc[9]) == (["Yerevan"], False)


def test_a_conjunct_in_the_speech_verbs_tense_keeps_its_subject(nlp: Language) -> None:
    # "Semyonov told Vostok that Yerevan decides little alone and carried out orders": the
    # past conjunct agrees with "told", so Semyonov carried them out
    rows = list(_STRANDED)
    rows[9] = ("carried", "VBD", 1, "conj")
    doc = _parsed(nlp, rows)
    assert ArgumentReader(_Capitalised()).subjects(doc[9]) == (["Semyonov"], False)


def test_a_word_in_what_someone_wants_or_says_is_that_ones_content(nlp: Language) -> None:
    doc = nlp("Brussels wants us to sanction Russia.")
    subject = content_subject(next(t for t in doc if t.text == "Russia"))
    assert subject is not None and subject.text == "Brussels"
    plain = nlp("Serbia sanctioned Russia.")
    assert content_subject(next(t for t in plain if t.text == "Russia")) is None
