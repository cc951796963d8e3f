"""Which persons a gendered pronoun may stand for: the one filter both pronoun resolvers (the
actor stage's outside quotes, the document index's inside them) apply.

A person's gender is known from the gazetteer (Wikidata's P21), from an honorific or a gendered
title before the name ("Mrs", "spokeswoman"), from the given name that opens their full name
("Laura Bennet"; ``data/en/given_names.yaml``), or from the article's own pronouns for them. An
unknown gender never blocks a pronoun; a known mismatch always does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from presslens.actors.gazetteer import Entry
from presslens.lexicon import word_set

FEMALE = "f"
MALE = "m"
UNKNOWN = ""

_MASCULINE = word_set("pronouns", "masculine")
_FEMININE = word_set("pronouns", "feminine")
_ENTRY_GENDER = {"female": FEMALE, "male": MALE}
_GENERIC_JOINERS = word_set("pronouns", "generic_joiners")
_FEMALE_NAMES = word_set("given_names", "female")
_MALE_NAMES = word_set("given_names", "male")
# every given name the data lists, of either gender (joined and longer names read them as the
# opening of a person's name)
GIVEN_NAMES = _FEMALE_NAMES | _MALE_NAMES


def pronoun_gender(word: str) -> str | None:
    """"f" for she/her/hers/herself, "m" for he/him/his/himself, None for other words."""
    lower = word.lower()
    if lower in _FEMININE:
        return FEMALE
    if lower in _MASCULINE:
        return MALE
    return None


def generic_pronoun(token: Token) -> bool:
    """A pronoun joined by "or" to one of the other gender ("he or she", "his or her rights",
    "himself or herself", "he/she") stands for anyone at all: no person."""
    gender = pronoun_gender(token.text)
    if gender is None:
        return False
    doc = token.doc
    for step in (-2, 2):
        between, other = token.i + step // 2, token.i + step
        if (0 <= other < len(doc) and doc[between].lower_ in _GENERIC_JOINERS
                and pronoun_gender(doc[other].text) not in (None, gender)):
            return True
    return False


def given_name_gender(words: Sequence[str]) -> str:
    """The gender a full name's first word gives ("Tom" in "Tom Reed"), or UNKNOWN; a
    name of one word is a surname as often as a given name and gives none."""
    if len(words) < 2:
        return UNKNOWN
    if words[0] in _FEMALE_NAMES:
        return FEMALE
    return MALE if words[0] in _MALE_NAMES else UNKNOWN


def entry_gender(entry: Entry | None) -> str:
    """The gender the gazetteer records for a person, or UNKNOWN."""
    if entry is None or entry.gender is None:
        return UNKNOWN
    return _ENTRY_GENDER[entry.gender]


def fits(known: str, wanted: str) -> bool:
    """A pronoun asking ``wanted`` may stand for a person of gender ``known``."""
    return not known or not wanted or known == wanted


def gender_from_pronouns(words: Iterable[str]) -> str:
    """The gender an article's own pronouns give a person: the one all of them agree on."""
    found = {g for g in map(pronoun_gender, words) if g is not None}
    return found.pop() if len(found) == 1 else UNKNOWN
