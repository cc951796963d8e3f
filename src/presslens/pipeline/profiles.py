"""Profiles: named component lists an analyser runs (``AnalyzerSettings.profile``,
``presslens analyze --profile``).

- ``fast``: the rule-based stages only.
- ``default``: the same components for now; learned components (an encoder, learned relations
  and stances) are to be registered and added here.
"""

from __future__ import annotations

RULE_BASED: tuple[str, ...] = (
    "actors", "quotes", "index", "relations", "claims", "stances", "techniques",
)

PROFILES: dict[str, tuple[str, ...]] = {
    "default": RULE_BASED,
    "fast": RULE_BASED,
}
DEFAULT_PROFILE = "default"
