"""Load the relation types and the cue lexicon (``data/relation_types.yaml``,
``data/relation_lexicon.yaml``), checking that every cue names a defined type."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from presslens.lexicon.words import DATA_PACKAGE, LexiconError, load_yaml


@dataclass(frozen=True)
class RelationType:
    name: str
    polarity: int
    definition: str
    source: str


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: the type it states and how its arguments are read."""

    type: str
    negated: str | None = None  # the type a negated cue states (None: no relation)
    reverse: bool = False  # the object/complement acts on the subject
    passive_only: bool = False
    negated_consider: str | None = None
    preps: tuple[str, ...] = ()
    agentless_source: tuple[str, ...] = ()  # passive without agent: source behind these preps
    polarity: int | None = None  # overrides the type's default polarity for this cue
    infinitive: bool = False  # the target is the subject of a to-infinitive ("expects X to ...")
    direct: bool = False  # the target is the direct object only ("left ECOWAS", not "left it to X")
    circumstance: bool = False  # "at the request of Y": the clause's action is requested
    negated_only: bool = False  # only the negated cue states a relation ("will not allow X")
    predicated_only: bool = False  # a predicate noun set beside its actor states nothing
    membership: bool = False  # a person's act concerns only a body they belong to (see YAML)
    object_itself: bool = False  # the target is the object itself, not an actor inside it
    source_kinds: tuple[str, ...] = ()  # stated only when the source is of these actor kinds
    target_kinds: tuple[str, ...] = ()  # stated only when the target is of these actor kinds


@dataclass(frozen=True)
class Phrase:
    verb: str
    obj: str | None
    last: str
    cue: Cue


@dataclass(frozen=True)
class RelationLexicon:
    types: dict[str, RelationType]
    verbs: dict[str, Cue]
    phrases: tuple[Phrase, ...]
    nouns: dict[str, Cue]
    predicates: dict[str, Cue]
    adjectives: dict[str, Cue]
    circumstance_nouns: dict[str, Cue]
    military_verbs: frozenset[str]
    military_nouns: frozenset[str]
    helping_forces: frozenset[str]
    helping_missions: frozenset[str]
    basing_verbs: frozenset[str]
    purchase_verbs: frozenset[str]
    sale_verbs: frozenset[str]
    goods_object_verbs: frozenset[str]
    object_required_verbs: frozenset[str]
    arms: frozenset[str]
    seat_metonyms: dict[str, str]
    requested_actions: dict[str, int]
    reciprocal: frozenset[str]
    reciprocal_nouns: frozenset[str]
    verbal_attacks: frozenset[str]
    island_states: frozenset[str]
    exercise_verbs: frozenset[str]
    exercise_nouns: frozenset[str]
    exercise_preps: frozenset[str]
    speech_acts: dict[str, tuple[str, ...]]

    def polarity(self, type_name: str) -> int:
        return self.types[type_name].polarity

    @cached_property
    def phrases_by_verb(self) -> dict[str, tuple[Phrase, ...]]:
        """The multiword cues of each verb, in lexicon order."""
        by_verb: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            by_verb.setdefault(phrase.verb, []).append(phrase)
        return {verb: tuple(phrases) for verb, phrases in by_verb.items()}


def _read(name: str) -> dict[str, Any]:
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    data = load_yaml(text, f"data/{name}")
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a mapping at the top level")
    return data


def _word(value: Any) -> str:
    """A word from YAML, where a bare on/off would have been read as a boolean."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def _cue(value: Any, types: dict[str, RelationType], where: str) -> Cue:
    if isinstance(value, str):
        value = {"type": value}
    if not isinstance(value, dict) or "type" not in value:
        raise LexiconError(f"{where}: expected a type name or a mapping with 'type'")
    cue = Cue(
        type=value["type"],
        negated=value.get("negated"),
        reverse=bool(value.get("reverse", False)),
        passive_only=bool(value.get("passive_only", False)),
        negated_consider=value.get("negated_consider"),
        preps=tuple(_word(p) for p in value.get("preps", ())),
        agentless_source=tuple(value.get("agentless_source", ())),
        polarity=None if value.get("polarity") is None else int(value["polarity"]),
        infinitive=bool(value.get("infinitive", False)),
        direct=bool(value.get("direct", False)),
        negated_only=bool(value.get("negated_only", False)),
        predicated_only=bool(value.get("predicated_only", False)),
        membership=bool(value.get("membership", False)),
        object_itself=bool(value.get("object_itself", False)),
        source_kinds=tuple(str(k) for k in value.get("source_kinds", ())),
        target_kinds=tuple(str(k) for k in value.get("target_kinds", ())),
    )
    if cue.polarity is not None and cue.polarity not in (-1, 0, 1):
        raise LexiconError(f"{where}: polarity must be -1, 0 or 1")
    for name in (cue.type, cue.negated, cue.negated_consider):
        if name is not None and name not in types:
            raise LexiconError(f"{where}: unknown relation type {name!r}")
    return cue


@lru_cache(maxsize=1)
def relation_types() -> dict[str, RelationType]:
    data = _read("relation_types.yaml")["types"]
    types: dict[str, RelationType] = {}
    for name, item in data.items():
        polarity = int(item["polarity"])
        if polarity not in (-1, 0, 1):
            raise LexiconError(f"relation_types.yaml: {name}: polarity must be -1, 0 or 1")
        types[name] = RelationType(name, polarity, str(item["definition"]), str(item["source"]))
    return types


@lru_cache(maxsize=1)
def relation_lexicon() -> RelationLexicon:
    types = relation_types()
    data = _read("relation_lexicon.yaml")

    def section(key: str) -> dict[str, Cue]:
        return {
            str(word).lower(): _cue(value, types, f"relation_lexicon.yaml: {key}.{word}")
            for word, value in (data.get(key) or {}).items()
        }

    phrases = []
    for key, value in (data.get("phrases") or {}).items():
        words = str(key).lower().split()
        if len(words) not in (2, 3):
            raise LexiconError(f"relation_lexicon.yaml: phrase {key!r} must have 2 or 3 words")
        cue = _cue(value, types, f"relation_lexicon.yaml: phrases.{key}")
        phrases.append(Phrase(words[0], words[1] if len(words) == 3 else None, words[-1], cue))
    return RelationLexicon(
        types=types,
        verbs=section("verbs"),
        phrases=tuple(phrases),
        nouns={**_nominalisations(data.get("nominalisations") or {}, section("verbs"), types),
               **section("nouns")},
        predicates=section("predicates"),
        adjectives=section("adjectives"),
        circumstance_nouns={
            word: replace(cue, circumstance=True) for word, cue in section("circumstance_nouns").items()
        },
        military_verbs=frozenset(str(w) for w in data.get("military_verbs") or ()),
        military_nouns=frozenset(str(w) for w in data.get("military_nouns") or ()),
        helping_forces=frozenset(str(w) for w in data.get("helping_forces") or ()),
        helping_missions=frozenset(str(w) for w in data.get("helping_missions") or ()),
        basing_verbs=frozenset(str(w) for w in data.get("basing_verbs") or ()),
        purchase_verbs=frozenset(str(w) for w in data.get("purchase_verbs") or ()),
        sale_verbs=frozenset(str(w) for w in data.get("sale_verbs") or ()),
        goods_object_verbs=frozenset(str(w) for w in data.get("goods_object_verbs") or ()),
        object_required_verbs=frozenset(str(w) for w in data.get("object_required_verbs") or ()),
        arms=frozenset(str(w) for w in data.get("arms") or ()),
        seat_metonyms={str(k): str(v) for k, v in (data.get("seat_metonyms") or {}).items()},
        requested_actions=_requested_actions(data.get("requested_actions") or {}),
        reciprocal=frozenset(str(w) for w in data.get("reciprocal") or ()),
        reciprocal_nouns=frozenset(str(w) for w in data.get("reciprocal_nouns") or ()),
        verbal_attacks=frozenset(str(w) for w in data.get("verbal_attacks") or ()),
        island_states=frozenset(str(w) for w in data.get("island_states") or ()),
        exercise_verbs=frozenset(str(w) for w in data.get("exercise_verbs") or ()),
        exercise_nouns=frozenset(str(w) for w in data.get("exercise_nouns") or ()),
        exercise_preps=frozenset(_word(w) for w in data.get("exercise_preps") or ()),
        speech_acts=_speech_acts(data.get("speech_acts") or {}, types),
    )


# verbs whose cue reads its arguments in a special way give no derived noun
_SPECIAL_READINGS = ("reverse", "passive_only", "infinitive", "negated_only", "direct", "object_itself",
                     "membership")


def _nominalisations(data: dict[str, Any], verbs: dict[str, Cue], types: dict[str, RelationType]) -> dict[str, Cue]:
    """The event nouns derived from the verb cues (``nominalisations`` in the lexicon: verb
    ending -> noun ending, and the target's prepositions by type): "bombardment" from
    "bombard"."""
    suffixes = [(str(old or ""), str(new)) for old, new in data.get("suffixes") or ()]
    preps_by_type = {str(k): tuple(_word(p) for p in v) for k, v in (data.get("preps") or {}).items()}
    for name in preps_by_type:
        if name not in types:
            raise LexiconError(f"relation_lexicon.yaml: nominalisations.preps.{name}: unknown relation type")
    not_derived = {str(w) for w in data.get("not_derived") or ()}
    derived: dict[str, Cue] = {}
    for verb, cue in verbs.items():
        preps = preps_by_type.get(cue.type, ())
        if not preps or " " in verb or any(getattr(cue, flag) for flag in _SPECIAL_READINGS):
            continue
        for old, new in suffixes:
            if verb.endswith(old) and len(verb) - len(old) >= 3:
                noun = verb[: len(verb) - len(old)] + new
                if noun not in not_derived:
                    derived.setdefault(noun, Cue(type=cue.type, preps=preps, polarity=cue.polarity))
    return derived


def _requested_actions(data: dict[str, Any]) -> dict[str, int]:
    out = {}
    for word, value in data.items():
        if int(value) not in (-1, 0, 1):
            raise LexiconError(f"relation_lexicon.yaml: requested_actions.{word}: polarity must be -1, 0 or 1")
        out[str(word).lower()] = int(value)
    return out


def _speech_acts(data: dict[str, Any], types: dict[str, RelationType]) -> dict[str, tuple[str, ...]]:
    out = {}
    for word, value in data.items():
        names = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
        for name in names:
            if name not in types:
                raise LexiconError(f"relation_lexicon.yaml: speech_acts.{word}: unknown relation type {name!r}")
        out[str(word).lower()] = names
    return out
