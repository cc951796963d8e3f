"""Personal pronouns by person and number (``data/en/pronouns.yaml``)."""

from __future__ import annotations

from presslens.lexicon import word_set

FIRST_SINGULAR = word_set("pronouns", "first_singular")
FIRST_PLURAL = word_set("pronouns", "first_plural")
FIRST_PERSON = FIRST_SINGULAR | FIRST_PLURAL
THIRD_PERSON = word_set("pronouns", "third_person")
THIRD_SINGULAR = word_set("pronouns", "third_singular")
THIRD_PLURAL = word_set("pronouns", "third_plural")
PERSONAL = word_set("pronouns", "personal")  # he, she and their forms
OBJECT = word_set("pronouns", "object")
