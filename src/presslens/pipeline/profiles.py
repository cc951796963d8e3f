"""Profiles: named component lists an analyser runs (``AnalyzerSettings.profile``,
``presslens analyze --profile``).

- ``fast``: the rule-based stages only.
- ``default``: the rule-based stages, then the shared encoder over the sentences that name an
  actor and the pair model's learned relations and stances on top of the rules' ones; the
  techniques learned on the encoder (every sentence) beside the rule/linear detector's.
"""

from __future__ import annotations

RULE_BASED: tuple[str, ...] = (
    "actors", "quotes", "index", "relations", "claims", "stances", "techniques",
)

# learned claims read the rule relations, as in the fast profile (their news adjustments were
# set on those), and the shared encodings
LEARNED: tuple[str, ...] = (
    "actors", "quotes", "index", "relations", "encoder", "learned_claims", "learned_relations",
    "stances", "learned_stances", "techniques", "learned_techniques",
)

PROFILES: dict[str, tuple[str, ...]] = {
    "default": LEARNED,
    "fast": RULE_BASED,
}
DEFAULT_PROFILE = "default"

# Russian articles (meta.language "ru") run these instead: the base parse is natasha's
# (nlp_ru.py), the stages are the Russian ones (pipeline/stages_ru.py), and there is no encoder
# (the shared encoder is English), so both profiles run the same list.
RUSSIAN: tuple[str, ...] = (
    "actors_ru", "quotes_ru", "relations_ru", "claims_ru", "stances_ru", "techniques_ru",
)

LANGUAGE_PROFILES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": PROFILES,
    "ru": {"default": RUSSIAN, "fast": RUSSIAN},
}
