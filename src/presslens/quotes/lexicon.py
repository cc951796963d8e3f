"""Word lists used to recognise attributions, read from ``data/en/quotes.yaml`` (the speech verbs
and the question line are ``presslens.lexicon.speech``, shared with other stages)."""

from __future__ import annotations

from presslens.lexicon import LexiconError, word_set

SPEAKER_PRONOUNS = word_set("quotes", "speaker_pronouns")
PERSON_PRONOUNS = word_set("quotes", "person_pronouns")
INSTITUTION_NOUNS = word_set("quotes", "institution_nouns")
OFFICIAL_NOUNS = word_set("quotes", "official_nouns")
# "a spokesperson for the Taiwan Affairs Office": one who speaks for a body (the index reads the
# same words for the relation stages)
SPOKESPERSON_NOUNS = word_set("references", "speaker_nouns")
SPOKESPERSON_PREPS = word_set("references", "speaker_preps")
QUESTION_VERBS = word_set("quotes", "question_verbs")
OPINION_NOUNS = word_set("quotes", "opinion_nouns")
CONVICTION_ADJECTIVES = word_set("quotes", "conviction_adjectives")
WH_WORDS = word_set("quotes", "wh_words")
REPORTED_QUESTION_VERBS = word_set("quotes", "reported_question_verbs")
RELATIVE_PRONOUNS = word_set("quotes", "relative_pronouns")
GROUP_SPEAKERS = word_set("quotes", "group_speakers")
ACT_ADJECTIVES = word_set("quotes", "act_adjectives")
REPORTED_WH_WORDS = word_set("quotes", "reported_wh_words")
ACT_VERBS = word_set("quotes", "act_verbs")
OBJECT_REPORT_VERBS = word_set("quotes", "object_report_verbs")
PREPOSITIONAL_REPORTS = word_set("quotes", "prepositional_reports")
REPORT_NOUNS = word_set("quotes", "report_nouns")
ACCORDING_NOT_SPEAKERS = word_set("quotes", "according_not_speakers")
COMMISSIVE_VERBS = word_set("quotes", "commissive_verbs")
COMPLEMENTIZERS = word_set("quotes", "complementizers")
CONTENT_PRONOUNS = word_set("quotes", "content_pronouns")
VIEW_PREPS = word_set("quotes", "view_preps")
VIEW_OWNER_PREPS = word_set("quotes", "view_owner_preps")
AS_MARKS = word_set("quotes", "as_marks")
AS_VERBS = word_set("quotes", "as_verbs")


def _word_pairs(key: str) -> frozenset[tuple[str, str]]:
    pairs = set()
    for phrase in word_set("quotes", key):
        words = phrase.split()
        if len(words) != 2:
            raise LexiconError(f"data/en/quotes.yaml: {key}: {phrase!r} is not a word and its preposition")
        pairs.add((words[0], words[1]))
    return frozenset(pairs)


# "according to": (word, preposition) pairs, and the words that open them
SOURCE_PHRASES = _word_pairs("source_phrases")
SOURCE_WORDS = frozenset(word for word, _ in SOURCE_PHRASES)
