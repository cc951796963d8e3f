"""Word lists the actor stage needs: role nouns for people, what is not an actor, where a lone
name is a person, the generic nouns for a state's bodies, where a region or city stands for its
government, and the nouns of religious and ethnic communities."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
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
    occupation: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]
    surname_suffixes: tuple[str, ...]
    before_names: frozenset[str] = frozenset()  # titles written before a name: "Sen.", "Judge"
    determiners: frozenset[str] = frozenset()  # "the expert": a role noun standing for a person
    owner_preps: frozenset[str] = frozenset()  # "the president of France": left to the name
    copulas: frozenset[str] = frozenset()  # "X is a political scientist" (lemmas)
    office_domains: frozenset[str] = frozenset()  # "Secretary of State", "Defense Secretary"

    all: frozenset[str] = frozenset()  # every role noun; derived, filled in after init
    every_title: frozenset[str] = frozenset()  # every role noun and title before a name; derived
    longest: int = 1  # words in the longest role noun

    def __post_init__(self) -> None:
        every = self.expert | self.office | self.occupation | self.feminine | self.masculine
        object.__setattr__(self, "all", every)
        object.__setattr__(self, "every_title", every | self.before_names)
        object.__setattr__(self, "longest", max(len(t.split()) for t in every))


@dataclass(frozen=True)
class NonActors:
    head_nouns: frozenset[str]
    regions: frozenset[str]
    place_nouns: frozenset[str]
    events: frozenset[str] = frozenset()  # "Brexit": an event written like a name


@lru_cache(maxsize=1)
def person_titles() -> PersonTitles:
    raw = _load("person_titles.yaml")
    return PersonTitles(
        expert=frozenset(raw["expert"]),
        office=frozenset(raw["office"]),
        occupation=frozenset(raw.get("occupation", [])),
        feminine=frozenset(raw["feminine"]),
        masculine=frozenset(raw["masculine"]),
        surname_suffixes=tuple(sorted(raw["surname_suffixes"], key=len, reverse=True)),
        before_names=frozenset(raw.get("before_names", [])),
        determiners=frozenset(raw["role_determiners"]),
        owner_preps=frozenset(raw["role_owner_preps"]),
        copulas=frozenset(raw["role_copulas"]),
        office_domains=frozenset(raw.get("office_domains", [])),
    )


@lru_cache(maxsize=1)
def non_actors() -> NonActors:
    raw = _load("non_actors.yaml")
    return NonActors(
        head_nouns=frozenset(raw["head_nouns"]),
        regions=frozenset(raw["regions"]),
        place_nouns=frozenset(raw["place_nouns"]),
        events=frozenset(raw["events"]),
    )


@dataclass(frozen=True)
class LoneNameCues:
    """Where a lone word that NER tags as a person stands for one (``lone_names.yaml``)."""

    prepositions: frozenset[str]
    led_nouns: frozenset[str]
    determiners: frozenset[str]
    doer_verbs: frozenset[str] = frozenset()  # an unknown lone name doing these is a person
    # "level at", "coalesce around": a word and the place preposition it aims at a person
    aimed_prepositions: frozenset[str] = frozenset()
    appositive_nouns: frozenset[str] = frozenset()  # "his sister, Elizabeth": a person
    person_object_verbs: frozenset[str] = frozenset()  # "Erdogan blames Gulen": a person


@lru_cache(maxsize=1)
def lone_name_cues() -> LoneNameCues:
    raw = _load("lone_names.yaml")
    return LoneNameCues(
        prepositions=frozenset(raw["prepositions"]),
        led_nouns=frozenset(raw["led_nouns"]),
        determiners=frozenset(raw["determiners"]),
        doer_verbs=frozenset(raw["doer_verbs"]),
        aimed_prepositions=frozenset(raw["aimed_prepositions"]),
        appositive_nouns=frozenset(raw["appositive_nouns"]),
        person_object_verbs=frozenset(raw["person_object_verbs"]),
    )


@dataclass(frozen=True)
class StateBodyNouns:
    """Generic nouns for a state's bodies and the body nouns they may stand for
    (``state_bodies.yaml``)."""

    nouns: dict[str, tuple[str, ...]]
    capitalised_only: frozenset[str]
    government_nouns: frozenset[str]
    indefinite: frozenset[str]
    definite: frozenset[str]  # "the House"
    name_glue: frozenset[str]  # lower case inside a capitalised noun: "House of Representatives"
    state_preps: frozenset[str]  # "the Parliament of Canada"
    seat_preps: frozenset[str]  # "the Congress in Japan": another state's body
    other_state_words: frozenset[str]  # "the state Senate"

    @cached_property
    def longest(self) -> int:
        return max(len(n.split()) for n in (*self.nouns, *self.government_nouns))

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every noun: a token that is none of them opens no body noun."""
        return frozenset(n.split()[0] for n in (*self.nouns, *self.government_nouns))


@lru_cache(maxsize=1)
def state_body_nouns() -> StateBodyNouns:
    text = resources.files(LEXICON_PACKAGE).joinpath("state_bodies.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    return StateBodyNouns(
        nouns={str(k): tuple(str(v) for v in values) for k, values in raw["nouns"].items()},
        capitalised_only=frozenset(str(v) for v in raw["capitalised_only"]),
        government_nouns=frozenset(str(v) for v in raw["government_nouns"]),
        indefinite=frozenset(str(v) for v in raw["indefinite"]),
        definite=frozenset(str(v) for v in raw["definite"]),
        name_glue=frozenset(str(v) for v in raw["name_glue"]),
        state_preps=frozenset(str(v) for v in raw["state_preps"]),
        seat_preps=frozenset(str(v) for v in raw["seat_preps"]),
        other_state_words=frozenset(str(v) for v in raw["other_state_words"]),
    )


@dataclass(frozen=True)
class LocalGovernmentWords:
    """Where a region, city or county stands for its own government (``local_government.yaml``)."""

    region_nouns: frozenset[str]
    city_nouns: frozenset[str]
    local_nouns: frozenset[str]
    polity_nouns: frozenset[str]
    skipped: frozenset[str]
    place_verbs: frozenset[str]
    acting_prepositions: frozenset[str]
    capitalised_only: frozenset[str]

    @cached_property
    def longest(self) -> int:
        # cached: read for every capitalised name of every article
        return max(len(n.split()) for n in (*self.region_nouns, *self.city_nouns, *self.local_nouns))


@lru_cache(maxsize=1)
def local_government_words() -> LocalGovernmentWords:
    raw = _load("local_government.yaml")
    return LocalGovernmentWords(
        region_nouns=frozenset(raw["region_nouns"]),
        city_nouns=frozenset(raw["city_nouns"]),
        local_nouns=frozenset(raw["local_nouns"]),
        polity_nouns=frozenset(raw["polity_nouns"]),
        skipped=frozenset(raw["skipped"]),
        place_verbs=frozenset(raw["place_verbs"]),
        acting_prepositions=frozenset(raw["acting_prepositions"]),
        capitalised_only=frozenset(raw["capitalised_only"]),
    )


@dataclass(frozen=True)
class Communities:
    """Religious and ethnic communities named as groups (``communities.yaml``): the community
    each noun or adjective form names, by its canonical name."""

    nouns: dict[str, str]
    adjectives: dict[str, str]
    community_nouns: frozenset[str]

    @property
    def longest(self) -> int:
        return max(len(f.split()) for f in (*self.nouns, *self.adjectives))

    @cached_property
    def openings(self) -> frozenset[str]:
        """Every way a form's first token can read: the form up to each space or hyphen, and
        whole (a token that opens no form opens no community)."""
        found: set[str] = set()
        for form in (*self.nouns, *self.adjectives):
            found.add(form)
            found.update(form[:i] for i, char in enumerate(form) if char in " -")
        return frozenset(found)


@lru_cache(maxsize=1)
def communities() -> Communities:
    text = resources.files(LEXICON_PACKAGE).joinpath("communities.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    nouns: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for name, forms in raw["communities"].items():
        for noun in forms.get("nouns") or []:
            nouns[str(noun)] = str(name)
        for adjective in forms.get("adjectives") or []:
            adjectives[str(adjective)] = str(name)
    return Communities(nouns=nouns, adjectives=adjectives,
                       community_nouns=frozenset(str(n) for n in raw["community_nouns"]))


def title_phrases(words: list[str], titles: frozenset[str]) -> set[str]:
    """Role phrases (longest first) found among ``words``."""
    found: set[str] = set()
    n = len(words)
    for size in range(min(n, 3), 0, -1):
        for i in range(n - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in titles:
                found.add(phrase)
    return found
