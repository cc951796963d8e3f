"""The stance stage's view of the actor index: pronouns it resolves beyond the relation stage.

- the outlet's "we/our/us" stands for its side, when its voice speaks as a nation;
- a plural pronoun stands for a whole coordination ("the EU and the US ... they"), and one left
  unresolved repeats the plural pronoun before it ("I do not blame them ... I blame them");
- a subject pronoun of a clause coordinated with one whose subject names no actor ("That is their
  argument, and it is dishonest") stands for that subject, not for an actor further back.

The view is a shallow copy: the relation stage's index is left as it was.
"""

from __future__ import annotations

import copy

from spacy.tokens import Token

from presslens.relations.actors import FIRST_PLURAL, ActorIndex
from presslens.stances.language import Tokens
from presslens.stances.sides import Sides

__all__ = ["stance_view"]

_PLURAL = frozenset({"they", "them", "their", "themselves"})
# ("he/she" inside a quote is resolved by the actor index itself)
_PRONOUNS = FIRST_PLURAL | _PLURAL
_COORDINATORS = frozenset({"and", "or", "nor"})
_PRONOUN_WINDOW = 2  # sentences back in which a plural pronoun's antecedent is sought


def _refers_to_coordinated_subject(index: ActorIndex, pronoun: Token) -> bool:
    """"That is their favourite argument, and it is dishonest": a subject pronoun of a clause
    coordinated with one whose subject names no actor stands for that subject, not for an actor
    further back."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
    return bool(subjects) and not index.phrase(subjects[0])[0]


def stance_view(index: ActorIndex, sides: Sides, tokens: Tokens) -> ActorIndex:
    """A view of ``index`` for this stage: the outlet's "we/our/us" stands for its side; a plural
    pronoun stands for a whole coordination ("the EU and the US ... they"), and one left
    unresolved repeats the plural pronoun before it ("I do not blame them ... I blame them")."""
    view = copy.copy(index)
    view.by_token = dict(index.by_token)
    view._pronouns = dict(index._pronouns)
    for i in list(view._pronouns):
        if _refers_to_coordinated_subject(index, tokens.tokens[i]):
            del view._pronouns[i]
    coordinated: list[tuple[int, list[str]]] = []  # (sentence start, ids) of coordinated subjects
    plural: list[tuple[int, list[str]]] = []  # (sentence start, ids) of resolved plural pronouns
    starts = [sent.start for sent in index.sdoc.sents]
    sentence = 0
    for i, lower in enumerate(tokens.lowers):
        while sentence + 1 < len(starts) and starts[sentence + 1] <= i:
            sentence += 1
        window = starts[max(0, sentence - _PRONOUN_WINDOW)]
        if lower in _PRONOUNS and i not in view.by_token:
            token = tokens.tokens[i]
            if lower in FIRST_PLURAL:
                side = sides.first_plural(token)
                if side is not None:
                    view.by_token[i] = [side]
            else:
                ids, _ = index.at(token)
                wider = next((c for start, c in reversed(coordinated) if start >= window and set(ids) & set(c)), None)
                if wider is not None:
                    ids = wider
                elif not ids:
                    ids = next((p for start, p in reversed(plural) if start >= window), [])
                if ids:
                    view.by_token[i] = list(ids)
                    plural.append((starts[sentence], list(ids)))
        elif lower in _COORDINATORS:
            # "the EU and the US": a coordinated subject, kept for plural pronouns after it
            subject = tokens.tokens[i].head
            if subject.dep_ in ("nsubj", "nsubjpass"):
                ids, _ = index.phrase(subject)
                if len(ids) > 1:
                    coordinated.append((starts[sentence], ids))
    return view
