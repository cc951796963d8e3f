"""The Russian quote stage's word lists (``data/ru/quotes.yaml``), read once per process.

Every entry is a lemma; "ё" is folded to "е" on both sides, because pymorphy2 writes lemmas with
"е" ("убеждён" -> "убежденный") while a hand-written list may not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


def fold(word: str) -> str:
    """The form lemmas are compared in: lower case, "ё" as "е"."""
    return word.lower().replace("ё", "е")


@dataclass(frozen=True)
class RussianQuoteLexicon:
    speech_verbs: frozenset[str]
    conviction_adjectives: frozenset[str]
    appeal_verbs: frozenset[str]
    according_nouns: frozenset[str]
    complementizers: frozenset[str]
    wh_words: frozenset[str]
    anaphoric_openers: tuple[tuple[str, ...], ...]
    speaker_pronouns: frozenset[str]
    person_titles: frozenset[str]
    dashes: frozenset[str]
    answer_verbs: frozenset[str]
    according_prepositions: frozenset[str]
    as_words: frozenset[str]
    report_conjunctions: frozenset[str]
    plural_possessives: frozenset[str]
    place_prepositions: frozenset[str]


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    values = data.get(key) or []
    assert isinstance(values, list), key
    return frozenset(fold(str(v)) for v in values)


@lru_cache(maxsize=1)
def russian_quote_lexicon() -> RussianQuoteLexicon:
    source = resources.files("presslens.data").joinpath("ru/quotes.yaml").read_text("utf-8")
    data = yaml.safe_load(source)
    openers = data.get("anaphoric_openers") or []
    return RussianQuoteLexicon(
        speech_verbs=_words(data, "speech_verbs"),
        conviction_adjectives=_words(data, "conviction_adjectives"),
        appeal_verbs=_words(data, "appeal_verbs"),
        according_nouns=_words(data, "according_nouns"),
        complementizers=_words(data, "complementizers"),
        wh_words=_words(data, "wh_words"),
        anaphoric_openers=tuple(tuple(fold(w) for w in seq) for seq in openers),
        speaker_pronouns=_words(data, "speaker_pronouns"),
        person_titles=_words(data, "person_titles"),
        dashes=frozenset(str(d) for d in data.get("dashes") or []),
        answer_verbs=_words(data, "answer_verbs"),
        according_prepositions=_words(data, "according_prepositions"),
        as_words=_words(data, "as_words"),
        report_conjunctions=_words(data, "report_conjunctions"),
        plural_possessives=_words(data, "plural_possessives"),
        place_prepositions=_words(data, "place_prepositions"),
    )
