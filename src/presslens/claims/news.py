"""What a fact-checker of news on international politics reads into a claim that the debate data
cannot teach, read off the parse of each claim segment:

- ``framing``: the segment announces a topic rather than stating one: a speech or thought verb
  whose complement is an indirect question ("..., explained why he believes ...");
- ``biography``: the speaker's own past ("I have gone on to found ..."): a first-person singular
  subject of a past or perfect career verb, or of a verb whose complement is one;
- ``headline``: the segment is the article's title, which restates the lede without its source;
- ``loaded``: a loaded accusation: the segment names two actors or more, is no question, holds
  no number or date, and holds an accusation word ("acting on instructions from", "the puppet
  regime", "seizure"); such claims are flagged on the ``Claim`` and raised.

Word lists: ``data/en/claims.yaml``. The offsets (``NEWS_WEIGHTS``) are added to the logit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from presslens.claims.features import DocArrays, _h, _hs
from presslens.lexicon import word_set
from presslens.syntax.heads import is_to_infinitive

# Logit offsets, set by hand on the sample articles' rankings (there is no news training data):
# each is large enough to move a segment across the listing threshold on its own.
NEWS_WEIGHTS: dict[str, float] = {
    "framing": -2.5,
    "biography": -2.5,
    "headline": -1.5,
    "loaded": 2.5,
}

_FILE = "claims"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "advcl"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_FIRST_SINGULAR = word_set(_FILE, "first_singular_subjects")  # "I" of a biography
_PERFECT_AUXILIARIES = word_set(_FILE, "perfect_auxiliaries")  # "I have founded"


def _words(key: str) -> frozenset[str]:
    return word_set(_FILE, key)


@dataclass(frozen=True)
class NewsFeatures:
    framing: bool = False
    biography: bool = False
    headline: bool = False
    loaded: bool = False

    def offset(self) -> float:
        return sum(NEWS_WEIGHTS[name] for name in NEWS_WEIGHTS if getattr(self, name))


def _roots(span: Span) -> list[Token]:
    """The tokens of the span whose head lies outside it (or who are their own head)."""
    return [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]


def is_framing(span: Span) -> bool:
    """A speech or thought verb whose complement clause opens with a question word."""
    verbs, question_words = _words("framing_verbs"), _words("framing_question_words")
    for root in _roots(span):
        for verb in (root, *(c for c in root.children if c.dep_ in _COMPLEMENTS)):
            if verb.lemma_.lower() not in verbs:
                continue
            for comp in verb.children:
                if comp.dep_ not in ("ccomp", "xcomp") or comp.i < verb.i:
                    continue
                opener = min((t for t in comp.subtree), key=lambda t: t.i)
                if opener.lower_ in question_words:
                    return True
    return False


def _past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ in _PERFECT_AUXILIARIES for c in verb.children)


def is_biography(span: Span) -> bool:
    """"I" as the subject of a past or perfect verb of a career, directly or through its
    complement ("I have gone on to found ...", "I served as ambassador")."""
    career = _words("career_verbs")
    for token in span:
        if token.lower_ not in _FIRST_SINGULAR or token.dep_ not in _SUBJECTS:
            continue
        verb = token.head
        if not _past(verb):
            continue
        chain = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj"))]
        if any(_is_career(v, career) for v in chain):
            return True
    return False


def _is_career(verb: Token, career: frozenset[str]) -> bool:
    if verb.lemma_.lower() in career:
        return True
    # an infinitive keeps its own form: "to found" is found, which the lemmatiser reads as find
    infinitive = is_to_infinitive(verb)
    return infinitive and verb.lower_ in career


def is_loaded(span: Span, n_actors: int, question: bool, anchored: bool) -> bool:
    """Two actors or more, no question, no number or date to anchor it (``anchored``: a dated
    or counted act is a report, whatever its words), and an accusation noun or verb (by
    lemma)."""
    if n_actors < 2 or question or anchored:
        return False
    nouns, verbs = _words("accusation_nouns"), _words("accusation_verbs")
    for token in span:
        lemma = token.lemma_.lower()
        cue = (token.pos_ in ("NOUN", "PROPN", "ADJ") and lemma in nouns) or (
            token.pos_ == "VERB" and lemma in verbs)
        if cue and _asserted(_governing_verb(token)):
            return True
    return False


def _governing_verb(token: Token) -> Token:
    """The verb whose clause holds the token (the token itself when it is a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _asserted(verb: Token) -> bool:
    """Neither the verb nor a verb above it negated ("does not interfere", "would not allow
    itself to be provoked") or under a modal ("must pay"): an accusation stated as a fact."""
    while True:
        if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
            return False
        if verb.head.i == verb.i or verb.dep_ not in ("xcomp", "conj", "auxpass", "aux"):
            return True
        verb = verb.head


def news_features(span: Span, n_actors: int, question: bool, anchored: bool,
                  headline: bool) -> NewsFeatures:
    """``anchored``: the segment holds a number or a date."""
    framing = is_framing(span)
    return NewsFeatures(
        framing=framing,
        biography=is_biography(span),
        headline=headline,
        # a title or an interview's framing announces, it does not accuse
        loaded=not (framing or headline) and is_loaded(span, n_actors, question, anchored),
    )


class NewsTokens:
    """Running counts, over one document's tokens, of what each feature cannot do without (a
    framing verb and a question word, "I", an accusation word, by lemma or lower form), so that
    most segments are decided without reading their tokens from spaCy."""

    def __init__(self, arrays: DocArrays) -> None:
        def running(*keys: str) -> np.ndarray:
            words = sorted(set().union(*(_words(key) for key in keys)))
            hashes = _hs(*words)
            flags = np.isin(arrays.lemma, hashes) | np.isin(arrays.lower, hashes)
            return np.concatenate([[0], np.cumsum(flags)])

        self.framing_verbs = running("framing_verbs")
        self.question_words = running("framing_question_words")
        self.accusations = running("accusation_nouns", "accusation_verbs")
        self.first_singular = np.concatenate([[0], np.cumsum(arrays.lower == np.uint64(_h("i")))])

    def features(self, span: Span, n_actors: int, question: bool, anchored: bool,
                 headline: bool) -> NewsFeatures:
        """``news_features`` of the span, the same answers, reading tokens only where needed."""
        a, b = span.start, span.end

        def has(counts: np.ndarray) -> bool:
            return bool(counts[b] > counts[a])

        framing = has(self.framing_verbs) and has(self.question_words) and is_framing(span)
        return NewsFeatures(
            framing=framing,
            biography=has(self.first_singular) and is_biography(span),
            headline=headline,
            loaded=not (framing or headline) and has(self.accusations)
            and is_loaded(span, n_actors, question, anchored),
        )
