"""A given name that opens a person's full name tells their gender, so that "her" never goes to
a man named "Gregory Hollis" only because he was the last person named; a reflexive pronoun
stands for the subject of its own verb. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.actors.gender import FEMALE, MALE, UNKNOWN, given_name_gender
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def fast() -> Analyzer:
    return Analyzer(profile="fast")


def _pronouns(analyzer: Analyzer, body: str) -> dict[str, set[str]]:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    return {a.name: {m.text.lower() for m in a.mentions if m.role == "pronoun"} for a in doc.actors}


def test_a_full_names_first_word_gives_a_gender_and_a_lone_word_none() -> None:
    assert given_name_gender(["Christine", "Ward"]) == FEMALE
    assert given_name_gender(["Gregory", "Hollis"]) == MALE
    assert given_name_gender(["Ward"]) == UNKNOWN  # a surname as often as a given name
    assert given_name_gender(["Kim", "Jong", "Un"]) == UNKNOWN  # a family name written first


def test_her_goes_to_the_woman_not_to_the_last_man_named(fast: Analyzer) -> None:
    # a possessive "her" may stand for its own clause's subject ("he ruined his career"), so no
    # rule of syntax keeps it from "Hollis"; his given name does
    pronouns = _pronouns(fast, (
        "The panel questioned Gregory Hollis on Monday. It will also hear Christine Ward, who "
        "says Hollis ruined her career at the ministry while he ran its press office."))
    assert "her" in pronouns["Christine Ward"]
    assert "her" not in pronouns["Gregory Hollis"]
    assert "he" in pronouns["Gregory Hollis"]


def test_a_reflexive_pronoun_is_the_subject_of_its_own_verb(fast: Analyzer) -> None:
    pronouns = _pronouns(fast, "Dominguez says Hollis embarrassed himself in front of her.")
    assert "himself" in pronouns["Hollis"]
    assert "himself" not in pronouns.get("Dominguez", set())


def test_he_or_she_stands_for_no_one(fast: Analyzer) -> None:
    pronouns = _pronouns(fast, (
        "Senator Laura Bennet spoke on Monday. Every voter should know his or her rights, and "
        "he/she must be able to defend himself or herself in court, she said."))
    assert pronouns["Laura Bennet"] == {"she"}


def test_the_possessor_of_the_previous_main_subject_is_its_topic(fast: Analyzer) -> None:
    # "He" opens its sentence as main subject: it continues the previous sentence's topic, here
    # the owner of the subject ("Reed's budget"), not the last man named (Mark Dale)
    pronouns = _pronouns(fast, (
        "Governor Tom Reed's budget, which Senator Mark Dale opposed, passed on Monday. "
        "He thanked the assembly."))
    assert "he" in pronouns["Tom Reed"]
    assert "he" not in pronouns["Mark Dale"]


def test_the_previous_topic_goes_before_the_latest_speaker(fast: Analyzer) -> None:
    # "He wrote" continues the previous sentence's main subject (Reed, who warned), not the man
    # the warning was about, who is the subject of its reported clause
    pronouns = _pronouns(fast, (
        "Tom Reed, a member of the council, warned Senator Mark Dale that he had caused "
        "confusion among voters.\n\nHe wrote to the senator, \u201cThe voters deserve "
        "clarity.\u201d"))
    assert "he" in pronouns["Tom Reed"]
    assert pronouns["Mark Dale"] == {"he"}  # the reported clause's "he" only
