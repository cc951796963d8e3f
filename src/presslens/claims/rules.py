"""The news adjustments of the claim score: hand-set logit offsets (``RULE_WEIGHTS``) for what the
debate-trained model cannot know about news on international politics.

``RuleTokens`` reads what the adjustments look at in each token (numbers, dates, past-tense
actions, modals, evaluative words, verbs) once per document, as running counts, so that a
segment's counts are differences rather than another walk over its tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc

from presslens.claims.features import DocArrays, _among, _h, _hs
from presslens.lexicon import word_set
from presslens.lexicon.speech import speech_verbs
from presslens.metadata_dates import alternatives

# Logit offsets added to the model's calibrated logit (set by hand, not fitted: there is no
# news training data; see the README section "Check-worthy claims").
RULE_WEIGHTS: dict[str, float] = {
    "actor": 0.35,  # per distinct actor of the actor stage named in the segment, up to 3
    "number": 0.4,  # a number, amount or percentage
    "date": 0.3,  # a date or period
    "past_action": 0.5,  # a past-tense or perfect verb that is not speech, thought or "be"
    "modal": -0.8,  # a future or modal auxiliary (will, would, could, should, may, must ...)
    "evaluative": -0.45,  # per evaluative word or opinion marker, up to 3
    "question": -2.0,
    "imperative": -1.2,
    "slogan": -1.5,  # six words or fewer with "!" or without any verb
    "outlet": -1.0,  # names the publishing outlet: interview framing ("X told <outlet> that")
    "event": 0.6,  # the relation stage found an asserted act between actors in the sentence
}

# The future and modal auxiliaries, and the verbs that report no action in the past tense
_MODALS = word_set("claims", "modals")
_NON_ACTION = word_set("claims", "non_action_verbs")
# Opinion markers ("I think", "we have no doubt", "in my view", "of course") and the future with
# "going to", as whole words in any case
_OPINION_PHRASES = re.compile(
    rf"\b(?:{alternatives(word_set('claims', 'opinion_subjects'))}) "
    rf"(?:{alternatives(word_set('claims', 'opinion_verbs'))})\b"
    rf"|\b(?:{alternatives(word_set('claims', 'opinion_phrases'))})\b",
    re.IGNORECASE,
)
_GOING_TO = re.compile(rf"\b(?:{alternatives(word_set('claims', 'going_to'))})\b", re.IGNORECASE)
EVALUATIVE_FILE = "claims_evaluative.txt"

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_DATE_LABELS = _hs("DATE", "TIME")
_NUMBER_LABELS = _hs("PERCENT", "MONEY", "QUANTITY", "CARDINAL")
_PAST_TAGS = _hs("VBD", "VBN")
_VERB_POS = _hs("VERB", "AUX")
_POS_VERB = np.uint64(_h("VERB"))
_TAG_MD = np.uint64(_h("MD"))
_TAG_VB = np.uint64(_h("VB"))
_DEP_AUX = np.uint64(_h("aux"))
_DEP_ROOT = np.uint64(_h("ROOT"))
_MODAL_WORDS = _hs(*sorted(_MODALS))
_QMARK = np.uint64(_h("?"))  # the lower form is "?" only for "?"
_EXCL = np.uint64(_h("!"))


@lru_cache(maxsize=1)
def evaluative_words() -> frozenset[str]:
    """Evaluative adjectives/adverbs and labels that mark an opinion (shipped word list)."""
    text = resources.files("presslens.data").joinpath(EVALUATIVE_FILE).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


@lru_cache(maxsize=1)
def _evaluative_hashes() -> np.ndarray:
    return np.unique(_hs(*sorted(evaluative_words())))


def _running(flags: np.ndarray) -> list[int]:
    """How many tokens before each token (and at the end) have the flag."""
    return [0, *np.cumsum(flags).tolist()]


class RuleTokens:
    """What the news adjustments read of one document's tokens (whitespace tokens never count)."""

    def __init__(self, sdoc: Doc, arrays: DocArrays) -> None:
        self.sdoc = sdoc
        self.arrays = arrays
        counted = ~arrays.is_space
        words = counted & ~arrays.is_punct
        dates = _among(arrays.ent_type, _DATE_LABELS)
        past = counted & _among(arrays.tag, _PAST_TAGS) & (arrays.pos == _POS_VERB)
        for i in np.flatnonzero(past).tolist():  # few tokens: their lemma as a string
            lemma = sdoc.vocab.strings[int(arrays.lemma[i])].lower()
            past[i] = lemma not in speech_verbs() and lemma not in _NON_ACTION
        modal = (arrays.tag == _TAG_MD) | (
            _among(arrays.lower, _MODAL_WORDS) & (arrays.dep == _DEP_AUX)
        )
        self.numbers = _running(
            counted & ((arrays.is_num & ~dates) | _among(arrays.ent_type, _NUMBER_LABELS))
        )
        self.dates = _running(counted & dates)
        self.past_actions = _running(past)
        self.modals = _running(counted & modal)
        self.evaluative = _running(words & np.isin(arrays.lower, _evaluative_hashes()))
        self.verbs = _running(counted & _among(arrays.pos, _VERB_POS))
        self.words = _running(words)
        word_at = np.flatnonzero(words)
        # the first word at or after each token (len(sdoc) when none)
        self.next_word = np.append(word_at, len(sdoc))[
            np.searchsorted(word_at, np.arange(len(sdoc)))
        ]

    def features(
        self,
        start_tok: int,
        end_tok: int,
        text: str,
        n_actors: int,
        names_outlet: bool = False,
        event: bool = False,
    ) -> dict[str, float]:
        """Counts behind ``RULE_WEIGHTS`` for the segment of tokens ``start_tok:end_tok`` whose
        (trimmed) text is ``text``: ``n_actors`` distinct actors named in it, the outlet
        excepted; ``names_outlet``: it names the publishing outlet; ``event``: an asserted act
        between actors stands in its sentence."""
        a, b = start_tok, end_tok

        def has(counts: list[int]) -> bool:
            return counts[b] > counts[a]

        modal = has(self.modals) or bool(_GOING_TO.search(text))
        evaluative = self.evaluative[b] - self.evaluative[a] + len(_OPINION_PHRASES.findall(text))
        arrays = self.arrays
        # the punctuation among the last three non-space tokens
        content = arrays.content[
            max(arrays.position[a], arrays.position[b] - 3) : arrays.position[b]
        ]
        trailing = content[arrays.is_punct[content]]
        question = bool((arrays.lower[trailing] == _QMARK).any()) or text.rstrip().endswith("?")
        exclamation = bool((arrays.lower[trailing] == _EXCL).any())
        # imperative: the segment opens with a bare-verb root that has no subject ("Let us ...")
        first_word = int(self.next_word[a]) if a < len(self.next_word) else b
        imperative = False
        if (
            first_word < b
            and arrays.dep[first_word] == _DEP_ROOT
            and arrays.tag[first_word] == _TAG_VB
        ):
            opener = self.sdoc[first_word]
            imperative = not any(c.dep_ in _SUBJECT_DEPS for c in opener.children)
        n_words = self.words[b] - self.words[a]
        slogan = n_words <= 6 and (exclamation or not has(self.verbs))
        return {
            "actor": float(min(n_actors, 3)),
            "number": float(has(self.numbers)),
            "date": float(has(self.dates)),
            "past_action": float(has(self.past_actions)),
            "modal": float(modal),
            "evaluative": float(min(evaluative, 3)),
            "question": float(question),
            "imperative": float(imperative),
            "slogan": float(slogan),
            "outlet": float(names_outlet),
            "event": float(event),
        }


def rule_offset(features: dict[str, float]) -> float:
    return sum(RULE_WEIGHTS[name] * value for name, value in features.items())
