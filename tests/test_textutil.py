"""Small text helpers: a question is seen through the quotation marks that close it."""

from __future__ import annotations

from presslens.textutil import ends_in_question


def test_a_question_ends_in_its_mark_whatever_quotation_marks_close_it() -> None:
    assert ends_in_question("Will Hungary block the new sanctions?")
    assert ends_in_question("“Will Hungary block the new sanctions?” ")
    assert ends_in_question("He asked: 'Who pays?'")
    assert not ends_in_question("Hungary will block the sanctions.")
    assert not ends_in_question("Is it over? Hungary says it is.")
