"""Whether a verb (or noun) is negated, and whether a clause stands in the scope of a negation.

Read by the relation stage (a negated cue states no relation, or its negated type) and by the
stance stage (negation flips an evaluation).
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Token

from presslens.lexicon import word_set
from presslens.syntax.clefts import cleft_copula
from presslens.syntax.heads import is_to_infinitive
from presslens.syntax.lookup import line_break_tokens, sentence_firsts

_NEGATORS = word_set("syntax", "negators")
_NEGATIVE_SUBJECTS = word_set("syntax", "negative_subjects")
_STOP_VERBS = word_set("syntax", "stop_verbs")
_REFUSING_VERBS = word_set("syntax", "refusing_verbs")
_REFUSING_NOUNS = word_set("syntax", "refusing_nouns")
_NEGATIVE_DETERMINERS = word_set("syntax", "negative_determiners")  # "has sent no delegations"
_NOT_ONCE_ADVERBS = word_set("syntax", "not_once_adverbs")  # "not once"
_NOT_ONCE_NEGATORS = word_set("syntax", "not_once_negators")
_REFUSALS = tuple(sorted((tuple(f.split()) for f in word_set("syntax", "refusal_frames")), key=len, reverse=True))
_QUOTED_REFUSALS = word_set("syntax", "quoted_refusals")
_OPENINGS = frozenset(frame[0] for frame in _REFUSALS)  # a line opening otherwise has no frame
_QUOTES = frozenset("'\"‘’“”«»„")
_SETTING_OFF = frozenset(":,;!.-–—") | _QUOTES


# Where the line or sentence of each token of the latest document starts (read once per document:
# the frame check runs for every verb the relation and stance stages test for negation)
_latest_starts: tuple[Doc, int, np.ndarray] | None = None


def _clause_starts(doc: Doc) -> np.ndarray:
    """For each token, the start of its sentence, or of its line when a line break comes later
    in the sentence (a headline or paragraph parsed into the sentence before)."""
    global _latest_starts
    latest = _latest_starts
    if latest is not None and latest[0] is doc and latest[1] == len(doc):
        return latest[2]
    n = len(doc)
    index = np.arange(n)
    sentence = np.maximum.accumulate(np.where(sentence_firsts(doc), index, 0)) if n else index
    # the token after one holding a line break starts a line
    after_break = np.zeros(n, dtype=bool)
    after_break[1:] = line_break_tokens(doc)[:-1]
    line = np.maximum.accumulate(np.where(after_break, index, 0)) if n else index
    starts = np.maximum(sentence, line)
    _latest_starts = (doc, n, starts)
    return starts


def _frame_end(token: Token) -> int | None:
    """Where a refusal opening the line or sentence of ``token`` ends (the first token after it
    and its closing marks), if there is one."""
    doc = token.doc
    start = int(_clause_starts(doc)[token.i])
    i = start
    opened = False
    while i < token.i and doc[i].text in _QUOTES:
        i, opened = i + 1, True
    if i >= len(doc) or doc[i].lower_ not in _OPENINGS:
        return None
    for frame in _REFUSALS:
        words = [t.lower_ for t in doc[i : i + len(frame)]]
        if tuple(words) != frame:
            continue
        end = i + len(frame)
        set_off = end < len(doc) and doc[end].text in _SETTING_OFF
        if len(frame) == 1 and not set_off:
            continue  # "Never before has ...", "No country will ...": read by the parse
        if frame[0] in _QUOTED_REFUSALS and len(frame) == 1 and not (opened and doc[end].text in _QUOTES):
            continue
        while end < token.i and doc[end].text in _SETTING_OFF:
            end += 1
        return end
    return None


def refusal_framed(verb: Token) -> bool:
    """The verb heads the clause a refusal opens ("'No way' Hungary will support the bid",
    "Never: Serbia will recognise Kosovo"), or is coordinated with it."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    end = _frame_end(verb)
    if end is None or verb.i < end:
        return False
    for token in verb.doc[end : verb.sent.end]:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass") and (
            token.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        ):
            return token.i == verb.i or verb in token.conjuncts
    return False


def negated(token: Token) -> bool:
    if refusal_framed(token):
        return True
    if token.dep_ in ("ccomp", "relcl") and (copula := cleft_copula(token)) is not None and negated(copula):
        return True  # "it was not Moscow that imposed the sanctions"
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "npadvmod") and child.lower_ in _NEGATORS):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _NEGATIVE_SUBJECTS:
            return True
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ in _NEGATIVE_DETERMINERS for d in child.children):
            return True  # "has sent no delegations", "no country has attacked", "neither X nor Y"
        if (
            child.dep_ == "advmod"
            and child.lower_ in _NOT_ONCE_ADVERBS
            and any(g.dep_ == "neg" or g.lower_ in _NOT_ONCE_NEGATORS for g in child.children)
        ):
            return True
    return False


def negated_scope(verb: Token) -> bool:
    """Negated itself, or a purpose/infinitive clause of a negated verb ("has never sent a
    soldier to protect X" does not state that it protects X)."""
    if negated(verb):
        return True
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _STOP_VERBS:
        return True  # "has stopped paying its share": no longer pays
    infinitive = is_to_infinitive(verb)
    if verb.dep_ == "xcomp" and infinitive and verb.head.lemma_.lower() in _REFUSING_VERBS:
        return True  # "declined to impose sanctions", "refused to abandon X": not done
    if verb.dep_ == "acl" and infinitive and verb.head.lemma_.lower() in _REFUSING_NOUNS:
        return True  # "the refusal of the U.S. to recognize his re-election": not done
    return verb.dep_ in ("advcl", "xcomp") and infinitive and negated(verb.head)
