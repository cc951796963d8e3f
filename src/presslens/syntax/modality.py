"""Whether a verb states what happens, what will happen or what might happen.

Two readings that differ on purpose (both were tuned in their stages; one would change the
other's output):
- ``modality_of`` (relations): the verb and the verbs it is coordinated with or complements, up to
  four steps: "will"/"going to" is future; a hypothetical auxiliary, an if-clause or the
  infinitive of an intent verb ("threatened to suspend") or a that-clause of a verb of demanding
  ("demanded that Kabul return the base") is hypothetical;
- ``hypothetical`` (stances): the verb's own auxiliaries and marks only, "'d" included; in
  reported speech "would" is the future ("said that X would protect") and only an if-clause is.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set
from presslens.model import Modality

_FUTURE = word_set("syntax", "future_auxiliaries")
_GOING_FUTURE = word_set("syntax", "going_future_verbs")  # "is going to expand"
_HYPOTHETICAL = word_set("syntax", "hypothetical_auxiliaries")
_HYPOTHETICAL_IN_STANCES = _HYPOTHETICAL | word_set("syntax", "contracted_would")
CONDITIONAL_MARKS = word_set("syntax", "conditional_marks")
_INTENT_VERBS = word_set("syntax", "intent_verbs")
_PREDICTING_HEADS = word_set("syntax", "predicting_heads")
_SCHEDULING_HEADS = word_set("syntax", "scheduling_heads")
_MANDATIVE_VERBS = word_set("syntax", "mandative_verbs")
_QUESTION_MARKS = word_set("syntax", "question_marks")
_QUESTION_VERBS = word_set("syntax", "question_verbs")
_ASKED_MARKS = word_set("syntax", "asked_marks")


def modality_of(verb: Token) -> Modality:
    """future (will, shall, going to) or hypothetical (may, would, if-clause); else asserted."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            break
        for child in node.children:
            if child.dep_ == "aux":
                if child.lower_ in _FUTURE:
                    return "future"
                if child.lower_ in _HYPOTHETICAL:
                    return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return "hypothetical"
        if node.lemma_ in _GOING_FUTURE and any(c.dep_ == "xcomp" for c in node.children):
            return "future"
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _INTENT_VERBS:
            return "hypothetical"  # "has threatened to suspend", "plans to deploy"
        if node.dep_ == "xcomp" and node.head.lower_ in _PREDICTING_HEADS and not _compared(node.head):
            return "hypothetical"  # "is likely to attack", "is unlikely to sign": judged likely
        if node.dep_ == "xcomp" and node.head.lower_ in _SCHEDULING_HEADS:
            return "future"  # "is expected to sign on Friday", "is poised to invade"
        if bare_clause(node) and node.head.lemma_.lower() in _MANDATIVE_VERBS:
            return "hypothetical"  # "demanded that Kabul return the base": asked for, not done
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        else:
            break
    return "asserted"


def _compared(word: Token) -> bool:
    """A comparative or superlative degree before ``word`` ("more likely to blame"): a
    tendency stated of the subject, not a prediction."""
    return any(c.dep_ == "advmod" and c.tag_ in ("RBR", "RBS") for c in word.children)


def bare_clause(verb: Token) -> bool:
    """A that-clause with no auxiliary of its own: after a verb of demanding, the mandative
    ("demanded that Kabul return the base")."""
    return verb.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def hypothetical(verb: Token, *, reported: bool = False) -> bool:
    """"would protect", "if X lectures": not asserted of anyone. ``reported``: the verb stands in
    reported (indirect) speech, where "would" is the future ("said that X would protect")."""
    if reported:
        return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children)
    return any(
        (c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_IN_STANCES)
        or (c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS)
        for c in verb.children
    )


def in_reported_question(token: Token) -> bool:
    """Whether ``token`` stands in a reported question ("asked whether X regarded Y as an
    adversary", "wondered if X would attack"): a clause on its way up opened by "whether", or by
    "if" under a verb of asking."""
    node = token
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "mark" and (
                child.lower_ in _QUESTION_MARKS
                or (child.lower_ in _ASKED_MARKS and node.head.lemma_.lower() in _QUESTION_VERBS)
            ):
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
