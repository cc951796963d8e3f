"""Shared linguistics over the spaCy parse, read by the relation and stance stages alike:
negation (``negation``), modality (``modality``), where a verb's parts stand in the parse
(``heads``) and which actors fill its arguments (``arguments``), personal pronouns by person and
number (``pronouns``).

Word lists come from ``data/en/syntax.yaml`` and ``data/en/pronouns.yaml``; dependency labels
are the English spaCy scheme's.
"""

from __future__ import annotations

from presslens.lexicon import word_set
from presslens.syntax.arguments import ActorLookup, Actors, ArgumentReader
from presslens.syntax.heads import (
    coordination_head,
    counted_noun,
    direct_object,
    infinitive,
    is_to_infinitive,
    phrase_tokens,
)
from presslens.syntax.modality import CONDITIONAL_MARKS, hypothetical, modality_of
from presslens.syntax.negation import negated, negated_scope
from presslens.syntax.pronouns import FIRST_PERSON, FIRST_PLURAL, FIRST_SINGULAR

COPULAS = word_set("syntax", "copulas")

__all__ = [
    "CONDITIONAL_MARKS",
    "COPULAS",
    "FIRST_PERSON",
    "FIRST_PLURAL",
    "FIRST_SINGULAR",
    "ActorLookup",
    "Actors",
    "ArgumentReader",
    "coordination_head",
    "counted_noun",
    "direct_object",
    "hypothetical",
    "infinitive",
    "is_to_infinitive",
    "modality_of",
    "negated",
    "negated_scope",
    "phrase_tokens",
]
