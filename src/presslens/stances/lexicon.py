"""The stance stage's word lists (``data/stance_lexicon.yaml``), checked on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DATA_PACKAGE = "presslens.data"
LEXICON_FILE = "stance_lexicon.yaml"


class StanceLexiconError(ValueError):
    """A stance lexicon that cannot be used."""


@dataclass(frozen=True)
class StanceWords:
    nouns: dict[str, float]
    adjectives: dict[str, float]
    subject_verbs: dict[str, float]  # weight toward the verb's subject (or passive agent)
    holder_verbs: dict[str, float]  # weight toward the object when the holder is the subject
    phrases: dict[tuple[str, str], float]  # (verb, object/particle) -> weight toward the subject
    markers: dict[str, float]  # so_called, scare_quotes, as_if
    predicate_adjectives: dict[str, float]  # evaluative only when predicated ("X was clear")
    failure_verbs: dict[str, float]  # weight toward the subject when negated ("did not respond")
    blame_nouns: dict[str, float]  # "the responsibility lies with X": weight toward X
    unasserting_verbs: frozenset[str]  # "expects X to honour", "pretends to be neutral"


def _weights(data: dict[str, Any], key: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for word, value in (data.get(key) or {}).items():
        try:
            weight = float(value)
        except (TypeError, ValueError) as exc:
            raise StanceLexiconError(f"{LEXICON_FILE}: {key}.{word}: not a number") from exc
        if not -1.0 <= weight <= 1.0:
            raise StanceLexiconError(f"{LEXICON_FILE}: {key}.{word}: weight outside [-1, 1]")
        out[str(word).lower()] = weight
    return out


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise StanceLexiconError(f"{LEXICON_FILE}: {key}: expected a list")
    return frozenset(str(word).lower() for word in value)


def parse_stance_lexicon(data: dict[str, Any]) -> StanceWords:
    phrases: dict[tuple[str, str], float] = {}
    for key, weight in _weights(data, "phrases").items():
        parts = key.split()
        if len(parts) != 2:
            raise StanceLexiconError(f"{LEXICON_FILE}: phrases.{key}: expected 'verb object'")
        phrases[(parts[0], parts[1])] = weight
    markers = _weights(data, "markers")
    for name in ("so_called", "scare_quotes", "as_if"):
        if name not in markers:
            raise StanceLexiconError(f"{LEXICON_FILE}: markers.{name} is missing")
    return StanceWords(
        nouns=_weights(data, "nouns"),
        adjectives=_weights(data, "adjectives"),
        subject_verbs=_weights(data, "subject_verbs"),
        holder_verbs=_weights(data, "holder_verbs"),
        phrases=phrases,
        markers=markers,
        predicate_adjectives=_weights(data, "predicate_adjectives"),
        failure_verbs=_weights(data, "failure_verbs"),
        blame_nouns=_weights(data, "blame_nouns"),
        unasserting_verbs=_words(data, "unasserting_verbs"),
    )


@lru_cache(maxsize=1)
def stance_words() -> StanceWords:
    text = resources.files(DATA_PACKAGE).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise StanceLexiconError(f"{LEXICON_FILE}: expected a mapping at the top level")
    return parse_stance_lexicon(data)
