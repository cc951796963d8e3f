"""The Russian actor stage's data (``data/ru/gazetteer.yaml``, ``actors.yaml``,
``transliteration.yaml``) and the lemma keys both labels and article tokens are compared by.

A word is compared by a set of keys: its lower-case form, its lemma, and, for capitalised words,
pymorphy2's normal forms. pymorphy2 lemmatizes surnames inconsistently ("Пашинян" -> "пашинянин",
"Пашиняна" -> "пашинян"), so a name token matches a label word when any key is shared, not only
the lemma. "ё" is folded to "е" on both sides (pymorphy2 writes lemmas with "е").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

# pymorphy2's grammemes for proper names: a label word's parses with one of them are the ones
# it means ("Мали" the state, not a form of "малый"); a word without such a parse keeps them all.
_PROPER_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad"})
_RU_PACKAGE = "presslens.data"


def fold(word: str) -> str:
    """The form words are compared in: lower case, "ё" as "е"."""
    return word.lower().replace("ё", "е")


def _read(name: str) -> Any:
    text = resources.files(_RU_PACKAGE).joinpath(f"ru/{name}").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=200_000)
def normal_forms(word: str) -> frozenset[str]:
    """pymorphy2's normal forms of a word as it stands in an article (all parses)."""
    from presslens.nlp_ru import load_russian

    morph = load_russian().morph_vocab
    return frozenset(fold(p.normal_form) for p in morph.parse(word))


@lru_cache(maxsize=20_000)
def label_word_keys(word: str) -> frozenset[str]:
    """The keys of one word of a gazetteer label or a word list entry."""
    from presslens.nlp_ru import load_russian

    parses = load_russian().morph_vocab.parse(word)
    proper = [p for p in parses if _PROPER_GRAMMEMES & set(p.tag.grammemes)]
    chosen = proper if proper and word[:1].isupper() else parses
    return frozenset({fold(word)} | {fold(p.normal_form) for p in chosen})


def label_words(label: str) -> list[str]:
    """A label split as razdel splits article text, so that both sides have the same tokens."""
    from razdel import tokenize

    return [t.text for t in tokenize(label)]


@dataclass(frozen=True)
class RussianLabels:
    """Russian labels of one English gazetteer entry (its key in the English gazetteer)."""

    key: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    demonyms: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    references: tuple[str, ...]


@lru_cache(maxsize=1)
def russian_labels() -> tuple[RussianLabels, ...]:
    raw = _read("gazetteer.yaml") or {}
    labels = []
    for key, fields in raw.items():
        fields = fields or {}

        def get(name: str, fields: dict[str, Any] = fields) -> tuple[str, ...]:
            return tuple(str(v) for v in fields.get(name) or ())

        labels.append(RussianLabels(str(key), get("names"), get("acronyms"), get("demonyms"),
                                    get("adjectives"), get("capitals"), get("seats"),
                                    get("references")))
    return tuple(labels)


@dataclass(frozen=True)
class ActorWords:
    """The word lists of ``actors.yaml``, each entry folded (lemma sequences as strings)."""

    offices: dict[str, str]
    person_titles: frozenset[str]
    experts: frozenset[str]
    pronouns: dict[str, str]
    honorifics: dict[str, str]
    speech_verbs: frozenset[str]
    ministries: dict[str, str]
    bodies: dict[str, str]
    place_prepositions: frozenset[str]
    government_nouns: frozenset[str]
    document_nouns: frozenset[str]
    adjective_not_state: frozenset[str]
    compass_adjectives: frozenset[str]
    organisation_heads: dict[str, str]
    media_nouns: frozenset[str]
    place_nouns: frozenset[str]

    @property
    def titles(self) -> frozenset[str]:
        """Every phrase that names a person by a role."""
        return self.person_titles | self.experts | frozenset(self.offices)


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    data = _read("actors.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(str(v)) for v in data.get(key) or ())

    def table(key: str) -> dict[str, str]:
        return {fold(str(k)): str(v) for k, v in (data.get(key) or {}).items()}

    return ActorWords(
        offices=table("offices"), person_titles=words("person_titles"), experts=words("experts"),
        pronouns=table("pronouns"), honorifics=table("honorifics"), speech_verbs=words("speech_verbs"),
        ministries=table("ministries"), bodies=table("bodies"),
        place_prepositions=words("place_prepositions"),
        government_nouns=words("government_nouns"), document_nouns=words("document_nouns"),
        adjective_not_state=words("adjective_not_state"),
        compass_adjectives=words("compass_adjectives"),
        organisation_heads=table("organisation_heads"), media_nouns=words("media_nouns"),
        place_nouns=words("place_nouns"),
    )


@dataclass(frozen=True)
class Transliteration:
    letters: dict[str, str]
    after_vowel: dict[str, str]
    word_endings: dict[str, str]
    vowels: frozenset[str]


@lru_cache(maxsize=1)
def transliteration() -> Transliteration:
    data = _read("transliteration.yaml")

    def table(key: str) -> dict[str, str]:
        return {str(k): str(v) for k, v in (data.get(key) or {}).items()}

    return Transliteration(table("letters"), table("after_vowel"), table("word_endings"),
                           frozenset(str(data.get("vowels", ""))))


_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ]+")


def latin(text: str) -> str:
    """The Latin letters of a Cyrillic name ("Игорь Семёнов" -> "igor semyonov"), lower case,
    spelt as English-language newspapers spell Russian names (transliteration.yaml)."""
    return _CYRILLIC_WORD.sub(lambda m: _latin_word(m.group()), text.lower())


def _latin_word(word: str) -> str:
    rules = transliteration()
    ending = ""
    for cyrillic, written in sorted(rules.word_endings.items(), key=lambda kv: -len(kv[0])):
        if len(word) > len(cyrillic) and word.endswith(cyrillic):
            word, ending = word[: -len(cyrillic)], written
            break
    out = []
    for i, ch in enumerate(word):
        if i > 0 and word[i - 1] in rules.vowels and ch in rules.after_vowel:
            out.append(rules.after_vowel[ch])
        else:
            out.append(rules.letters.get(ch, ch))
    return "".join(out) + ending
