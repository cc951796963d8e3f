"""Word lists used to recognise attributions (the speech verbs and the question line are
``presslens.lexicon.speech``, shared with other stages)."""

from __future__ import annotations

# Personal pronouns that can stand for a speaker already named (first and second person cannot:
# in narration they are the author or the reader).
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "his", "its", "their"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})

# Head nouns of titles that stand for an institution, not a person ("the ministry said"): such a
# title is matched against actor names rather than against earlier person speakers.
INSTITUTION_NOUNS = frozenset(
    {
        "ministry", "government", "church", "office", "department", "agency", "council",
        "parliament", "embassy", "committee", "service", "court", "army", "party", "alliance",
        "bloc", "organisation", "organization", "union", "kremlin", "administration", "cabinet",
        "presidency", "secretariat", "commission", "assembly", "synod", "patriarchate", "bank",
        "mission", "delegation", "press service", "headquarters", "command", "duma", "senate",
    }
)

# Plural nouns for people who speak for a state: "Ukrainian officials said" is said for Ukraine
# (a single "former Turkish diplomat" speaks for himself, so only plurals count).
OFFICIAL_NOUNS = frozenset({"official", "authority", "diplomat", "representative", "officer"})

# Verbs that attribute a quoted question but never a reported statement.
QUESTION_VERBS = frozenset({"ask", "wonder", "exclaim"})

# Nouns after which "view"-type phrases introduce an opinion: "in X's view, ...".
OPINION_NOUNS = frozenset(
    {"view", "opinion", "words", "estimation", "assessment", "judgment", "judgement", "mind"}
)

# Adjectives that attribute a conviction like a speech verb: "the expert is convinced that ...".
CONVICTION_ADJECTIVES = frozenset({"convinced", "sure", "certain", "confident", "adamant"})

# Words that open a question clause: "explained why ..." reports no statement.
WH_WORDS = frozenset({"why", "how", "what", "whether", "if", "when", "where", "who", "which"})
