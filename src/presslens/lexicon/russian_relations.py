"""The Russian relation cue lexicon (``data/ru/relations.yaml``), read once per process.

Lemmas are compared with "ё" written as "е": Russian texts drop the diaeresis at will, and the
lemmatizer keeps whatever spelling the text had.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from presslens.lexicon import LexiconError, relation_types, word_set
from presslens.lexicon.words import word_data

_LANGUAGE = "ru"
_FILE = "relations"
DEFAULT_ARGS: tuple[str, ...] = ("obj", "iobj", "dat")


def plain(lemma: str) -> str:
    """A lemma as the lexicon compares it: lower case, "ё" as "е"."""
    return lemma.lower().replace("ё", "е")


@dataclass(frozen=True)
class RuCue:
    type: str
    polarity: int
    args: tuple[str, ...] = DEFAULT_ARGS
    negated: str | None = None
    reverse: bool = False
    objects: frozenset[str] = frozenset()  # the verb states the relation only with one of these objects
    negated_only: bool = False  # only the negated cue states a relation (its `negated` type)
    joint_only: bool = False  # a noun that states a relation only between two owners it names


@dataclass(frozen=True)
class RuLexicon:
    verbs: dict[str, RuCue]
    nouns: dict[str, RuCue]
    predicates: dict[str, RuCue]
    adjectives: dict[str, RuCue]
    circumstances: dict[str, RuCue]
    reciprocal: frozenset[str]
    light_verbs: frozenset[str]
    follow_verbs: frozenset[str]
    guidance_nouns: frozenset[str]
    guidance_preps: frozenset[str]
    membership_nouns: frozenset[str]
    negation: frozenset[str]
    not_negating: frozenset[str]
    menace_heads: frozenset[str]
    ready_heads: frozenset[str]
    role_nouns: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_heads: frozenset[str]
    conditional_marks: frozenset[str]
    report_verbs: frozenset[str]
    impersonal_preps: frozenset[str]
    anaphoric_pronouns: frozenset[str]
    first_person: frozenset[str]
    joint_adverbs: frozenset[str]
    border_nouns: frozenset[str]
    origin_preps: frozenset[str]
    cessation_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    becoming_verbs: frozenset[str]
    predicating_verbs: frozenset[str]
    possessor_preps: frozenset[str]
    beneficiary_preps: frozenset[str]
    demonstratives: frozenset[str]
    comparison_preps: frozenset[str]
    border_preps: frozenset[str]
    partitive_words: frozenset[str]
    partitive_preps: frozenset[str]
    question_particles: frozenset[str]
    topic_preps: frozenset[str]
    relative_pronouns: frozenset[str]
    visit_preps: frozenset[str]
    membership_preps: frozenset[str]
    reflexive_endings: frozenset[str]
    spoiling_words: frozenset[str]
    anaphoric_nouns: dict[str, frozenset[str]]
    anaphoric_determiners: frozenset[str]
    evaluations: dict[str, float]
    object_cues: dict[str, tuple[RuCue, ...]]
    stop_verbs: frozenset[str]
    stop_nouns: frozenset[str]
    intent_words: frozenset[str]
    announcing_verbs: frozenset[str]
    visit_verbs: frozenset[str]
    question_verbs: frozenset[str]

    def polarity(self, type_name: str) -> int:
        return relation_types()[type_name].polarity


def _cue(lemma: str, value: Any, where: str) -> RuCue:
    types = relation_types()
    spec: dict[str, Any] = {"type": value} if isinstance(value, str) else dict(value)
    type_name = spec.get("type")
    if type_name not in types:
        raise LexiconError(f"{where}: {lemma}: unknown relation type {type_name!r}")
    negated = spec.get("negated")
    if negated is not None and negated not in types:
        raise LexiconError(f"{where}: {lemma}: unknown negated type {negated!r}")
    args = spec.get("args")
    objects = spec.get("object") or spec.get("objects") or []
    return RuCue(
        type=type_name,
        polarity=int(spec.get("polarity", types[type_name].polarity)),
        args=tuple(args) if args else DEFAULT_ARGS,
        negated=negated,
        reverse=bool(spec.get("reverse", False)),
        objects=frozenset(plain(o) for o in ([objects] if isinstance(objects, str) else objects)),
        negated_only=bool(spec.get("negated_only", False)),
        joint_only=bool(spec.get("joint_only", False)),
    )


def _table(key: str) -> dict[str, RuCue]:
    where = f"data/{_LANGUAGE}/{_FILE}.yaml: {key}"
    raw = word_data(_FILE, _LANGUAGE).get(key)
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a mapping")
    return {plain(lemma): _cue(lemma, value, where) for lemma, value in raw.items()}


def _object_cues(key: str) -> dict[str, tuple[RuCue, ...]]:
    """verb -> the readings it takes with particular objects ("выслать дипломатов" SANCTION)."""
    where = f"data/{_LANGUAGE}/{_FILE}.yaml: {key}"
    raw = word_data(_FILE, _LANGUAGE).get(key)
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise LexiconError(f"{where}: expected verb -> list of readings")
    found: dict[str, tuple[RuCue, ...]] = {}
    for lemma, readings in raw.items():
        cues = tuple(_cue(lemma, reading, where) for reading in readings)
        if any(not cue.objects for cue in cues):
            raise LexiconError(f"{where}: {lemma}: every reading names its objects")
        found[plain(lemma)] = cues
    return found


def _words(key: str) -> frozenset[str]:
    return frozenset(plain(w) for w in word_set(_FILE, key, _LANGUAGE))


def _kinds(key: str) -> dict[str, frozenset[str]]:
    """noun -> the actor kinds it may stand for."""
    raw = word_data(_FILE, _LANGUAGE).get(key)
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise LexiconError(f"data/{_LANGUAGE}/{_FILE}.yaml: {key}: expected noun -> list of kinds")
    return {plain(noun): frozenset(kinds) for noun, kinds in raw.items()}


def _evaluations() -> dict[str, float]:
    """The evaluative nouns and adjectives of the stance lexicon (data/ru/stances.yaml), which
    say whether naming an actor or its act so is an accusation or praise."""
    data = word_data("stances", _LANGUAGE)
    found: dict[str, float] = {}
    for key in ("nouns", "adjectives"):
        table = data.get(key)
        if not isinstance(table, dict):
            raise LexiconError(f"data/{_LANGUAGE}/stances.yaml: {key}: expected a mapping")
        found.update({plain(word): float(weight) for word, weight in table.items()})
    return found


@cache
def russian_relation_lexicon() -> RuLexicon:
    return RuLexicon(
        verbs=_table("verbs"),
        nouns=_table("nouns"),
        predicates=_table("predicates"),
        adjectives=_table("adjectives"),
        circumstances=_table("circumstances"),
        reciprocal=_words("reciprocal"),
        light_verbs=_words("light_verbs"),
        follow_verbs=_words("follow_verbs"),
        guidance_nouns=_words("guidance_nouns"),
        guidance_preps=_words("guidance_preps"),
        membership_nouns=_words("membership_nouns"),
        negation=_words("negation"),
        not_negating=_words("not_negating"),
        menace_heads=_words("menace_heads"),
        ready_heads=_words("ready_heads"),
        role_nouns=_words("role_nouns"),
        future_auxiliaries=_words("future_auxiliaries"),
        hypothetical_heads=_words("hypothetical_heads"),
        conditional_marks=_words("conditional_marks"),
        report_verbs=_words("report_verbs"),
        impersonal_preps=_words("impersonal_preps"),
        anaphoric_pronouns=_words("anaphoric_pronouns"),
        first_person=_words("first_person"),
        joint_adverbs=_words("joint_adverbs"),
        border_nouns=_words("border_nouns"),
        origin_preps=_words("origin_preps"),
        cessation_verbs=_words("cessation_verbs"),
        naming_verbs=_words("naming_verbs"),
        becoming_verbs=_words("becoming_verbs"),
        predicating_verbs=_words("predicating_verbs"),
        possessor_preps=_words("possessor_preps"),
        beneficiary_preps=_words("beneficiary_preps"),
        demonstratives=_words("demonstratives"),
        comparison_preps=_words("comparison_preps"),
        border_preps=_words("border_preps"),
        partitive_words=_words("partitive_words"),
        partitive_preps=_words("partitive_preps"),
        question_particles=_words("question_particles"),
        topic_preps=_words("topic_preps"),
        relative_pronouns=_words("relative_pronouns"),
        visit_preps=_words("visit_preps"),
        membership_preps=_words("membership_preps"),
        reflexive_endings=_words("reflexive_endings"),
        spoiling_words=_words("spoiling_words"),
        anaphoric_nouns=_kinds("anaphoric_nouns"),
        anaphoric_determiners=_words("anaphoric_determiners"),
        evaluations=_evaluations(),
        object_cues=_object_cues("object_cues"),
        stop_verbs=_words("stop_verbs"),
        stop_nouns=_words("stop_nouns"),
        intent_words=_words("intent_words"),
        announcing_verbs=_words("announcing_verbs"),
        visit_verbs=_words("visit_verbs"),
        question_verbs=_words("question_verbs"),
    )
