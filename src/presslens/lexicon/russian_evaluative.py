"""The Russian evaluative words (``data/ru/stances.yaml``), by lemma: read by the Russian stance
stage and by the Russian claim rules (loaded and evaluative words)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from presslens.lexicon.russian_relations import plain
from presslens.lexicon.words import word_data


@dataclass(frozen=True)
class RussianStanceWords:
    nouns: dict[str, float]
    adjectives: dict[str, float]
    verbs: dict[str, float]
    sarcasm: tuple[tuple[str, ...], ...]
    sarcasm_weight: float
    voicing_verbs: frozenset[str]


@cache
def russian_stance_words() -> RussianStanceWords:
    data = word_data("stances", "ru")

    def table(key: str) -> dict[str, float]:
        return {plain(word): float(weight) for word, weight in data[key].items()}

    return RussianStanceWords(
        nouns=table("nouns"),
        adjectives=table("adjectives"),
        verbs=table("verbs"),
        sarcasm=tuple(tuple(plain(w) for w in phrase.split()) for phrase in data["sarcasm"]),
        sarcasm_weight=float(data["sarcasm_weight"]),
        voicing_verbs=frozenset(plain(w) for w in data["voicing_verbs"]),
    )
