"""Word lists the actor stage needs: role nouns for people, what is not an actor, and where a
lone name is a person."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

LEXICON_PACKAGE = "presslens.data.lexicons"


def _load(name: str) -> dict[str, list[str]]:
    raw = yaml.safe_load(resources.files(LEXICON_PACKAGE).joinpath(name).read_text("utf-8"))
    return {key: [str(v) for v in values] for key, values in raw.items()}


@dataclass(frozen=True)
class PersonTitles:
    expert: frozenset[str]
    office: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]
    surname_suffixes: tuple[str, ...]

    all: frozenset[str] = frozenset()  # every role noun; derived, filled in after init
    longest: int = 1  # words in the longest role noun

    def __post_init__(self) -> None:
        every = self.expert | self.office | self.feminine | self.masculine
        object.__setattr__(self, "all", every)
        object.__setattr__(self, "longest", max(len(t.split()) for t in every))


@dataclass(frozen=True)
class NonActors:
    head_nouns: frozenset[str]
    regions: frozenset[str]
    place_nouns: frozenset[str]


@lru_cache(maxsize=1)
def person_titles() -> PersonTitles:
    raw = _load("person_titles.yaml")
    return PersonTitles(
        expert=frozenset(raw["expert"]),
        office=frozenset(raw["office"]),
        feminine=frozenset(raw["feminine"]),
        masculine=frozenset(raw["masculine"]),
        surname_suffixes=tuple(sorted(raw["surname_suffixes"], key=len, reverse=True)),
    )


@lru_cache(maxsize=1)
def non_actors() -> NonActors:
    raw = _load("non_actors.yaml")
    return NonActors(
        head_nouns=frozenset(raw["head_nouns"]),
        regions=frozenset(raw["regions"]),
        place_nouns=frozenset(raw["place_nouns"]),
    )


@dataclass(frozen=True)
class LoneNameCues:
    """Where a lone word that NER tags as a person stands for one (``lone_names.yaml``)."""

    prepositions: frozenset[str]
    led_nouns: frozenset[str]
    determiners: frozenset[str]


@lru_cache(maxsize=1)
def lone_name_cues() -> LoneNameCues:
    raw = _load("lone_names.yaml")
    return LoneNameCues(
        prepositions=frozenset(raw["prepositions"]),
        led_nouns=frozenset(raw["led_nouns"]),
        determiners=frozenset(raw["determiners"]),
    )
