"""Stances: how each holder (a quoted speaker, or the outlet in its own unquoted text) portrays
each actor, as a score in [-1, 1] with the evidence spans behind it.

Two kinds of evidence are summed per (holder, target):

1. Relations the holder asserts. A conflictual relation (ASSAULT, COERCE, ACCUSE, ...) portrays
   its source negatively; when the source is the holder's own side ("we", the speaker's state)
   it portrays the target as the adversary instead, and when the target is the holder's side the
   source counts double. CONTROL portrays both ends negatively: the controller as hostile, the
   controlled one as a puppet without a will of its own. A cooperative relation toward the
   holder's side portrays its source favourably; between third parties it passes on the holder's
   view of the beneficiary (backing an actor the holder opposes is hostile, backing one it favours
   is friendly). Verbal conflict (ACCUSE, REJECT, PROTEST) weighs less than material conflict.
   The outlet reporting events in its own voice weighs less than a speaker asserting them.
2. Evaluative language (``data/stance_lexicon.yaml``): nouns and adjectives predicated of an
   actor or modifying it ("the Kyiv regime", "X is a mere instrument", "a reliable partner"), and
   verbs whose subject the holder portrays ("X lectures", "X pretends", "X protects").
   Negation flips the sign at half strength. Opinion about an actor's action counts toward the
   actor (the possessor or modifier of the evaluated noun).

Only stances with |score| >= ``THRESHOLD`` are emitted; the score is the clipped sum. A speaker's
stance toward its own side (itself, its state) is not emitted. A mutual act ("A and B fought")
singles out neither side. The outlet's own voice counts events as its stance only when that voice
evaluates somewhere in the article (an op-ed); a wire report relating events takes no side.
Relational nouns ("its closest ally", "their enemies") evaluate their referent, not their possessor.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from presslens.model import Document, Offsets, Relation, Stance
from presslens.relations.actors import FIRST_PLURAL, FIRST_SINGULAR, ActorIndex
from presslens.relations.extract import _COPULAS, Patterns, _negated
from presslens.relations.lexicon import relation_lexicon, stance_lexicon

__all__ = ["THRESHOLD", "extract_stances"]

THRESHOLD = 0.25
OUTLET = "outlet"
_MATERIAL_CONFLICT = 0.5
_VERBAL_CONFLICT = 0.3
_VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
_COOPERATION = 0.4
_OUTLET_FACTOR = 0.6  # the outlet reporting an event in its own voice
_CONTROLLED = 0.4  # the puppet end of CONTROL
_PROPAGATION = 0.75  # backing an actor the holder opposes


@dataclass
class _Tally:
    score: float = 0.0
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def add(self, weight: float, span: tuple[int, int]) -> None:
        self.score += weight
        if span not in self.evidence:
            self.evidence.append(span)


class _Stances:
    def __init__(self, doc: Document, sdoc: Doc, index: ActorIndex) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.index = index
        self.patterns = Patterns(index, relation_lexicon())
        self.lex = stance_lexicon()
        self.relational = frozenset(relation_lexicon().predicates)
        self.tally: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
        # whether the article's own voice uses evaluative language at all (an op-ed, not a wire
        # report): only then do the events it relates in that voice count as its stance
        self.outlet_evaluates = False

    # ------------------------------------------------------------------ holders
    def holder_at(self, char: int) -> str | None:
        quote = self.index.quote_at(char)
        if quote is None:
            return OUTLET
        return quote.speaker

    def own_side(self, holder: str) -> set[str]:
        if holder == OUTLET:
            return {self.index.outlet_id} if self.index.outlet_id else set()
        return {holder, self.index.affiliation(holder)}

    def add(self, holder: str, target: str, weight: float, span: tuple[int, int]) -> None:
        # A speaker's view of its own side ("our state protects ...") is not reported: it is
        # what a spokesperson says by office, not a stance an analyst needs in a network.
        if weight == 0.0 or target in self.own_side(holder) or target == holder:
            return
        self.tally[(holder, target)].add(weight, span)

    # ------------------------------------------------------------------ relations
    def from_relations(self, relations: list[tuple[Relation, int]]) -> None:
        deferred: list[tuple[str, Relation, float]] = []
        keys = {(r.source, r.target, r.type, r.start) for r, _ in relations}
        for relation, cue in relations:
            holder = self.holder_at(cue)
            if holder is None:
                continue
            if (relation.target, relation.source, relation.type, relation.start) in keys:
                continue  # "Baku and Yerevan fought": a mutual act singles out no side
            if holder == OUTLET and not self.outlet_evaluates:
                continue  # a report in a neutral voice takes no side by relating events
            own = self.own_side(holder)
            factor = _OUTLET_FACTOR if holder == OUTLET else 1.0
            span = (relation.start, relation.end)
            source, target = relation.source, relation.target
            sign = relation.polarity
            if sign < 0:
                weight = factor * (_VERBAL_CONFLICT if relation.type in _VERBAL_TYPES else _MATERIAL_CONFLICT)
                if source in own:
                    self.add(holder, target, -weight, span)
                elif target in own:
                    self.add(holder, source, -2 * weight, span)
                else:
                    self.add(holder, source, -weight, span)
                    if relation.type == "CONTROL":
                        self.add(holder, target, -_CONTROLLED * factor, span)
            elif sign > 0:
                weight = factor * _COOPERATION
                if target in own:
                    self.add(holder, source, weight, span)
                elif source in own:
                    self.add(holder, target, weight, span)
                else:
                    deferred.append((holder, relation, weight))
        for holder, relation, weight in deferred:
            view = self.tally.get((holder, relation.target))
            if view is not None and abs(view.score) >= THRESHOLD:
                direction = 1.0 if view.score > 0 else -1.0
                self.add(holder, relation.source, direction * _PROPAGATION * weight,
                         (relation.start, relation.end))

    # ------------------------------------------------------------------ language
    def _span(self, token: Token) -> tuple[int, int]:
        sent = token.sent
        return sent.start_char, sent.end_char

    def _targets_of_word(self, token: Token) -> tuple[list[str], Token | None]:
        """Actors a noun or adjective is said of, and the verb whose negation flips it."""
        head = token.head
        if token.dep_ in ("attr", "acomp") and head.lemma_ in _COPULAS:
            ids, _ = self.patterns.subjects(head)
            return ids, head
        if token.dep_ == "appos":
            ids, _ = self.index.phrase(head)
            return ids, None
        if token.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN"):
            ids, _ = self.index.phrase(head)
            if ids:
                return ids, None
            if head.dep_ in ("attr", "appos") or (head.dep_ == "pobj" and head.head.lower_ == "as"):
                return self._targets_of_word(head)  # "X is a trustworthy neighbour"
        if token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
            verb = head.head
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if objs:
                return self.index.phrase(objs[0])[0], verb
            return self.patterns.subjects(verb)[0], verb
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in self.relational:
            # opinion about an actor's action counts toward the actor ("Russian propaganda");
            # not for relational nouns, whose possessor is the other party ("its closest
            # ally", "their enemies" say nothing about "it" or "them")
            ids, _ = self.index.modifiers_of(token)
            return ids, None
        return [], None

    def from_language(self) -> None:
        for token in self.sdoc:
            lemma = token.lemma_.lower()
            word = token.lower_
            weight = 0.0
            targets: list[str] = []
            negator: Token | None = None
            if token.pos_ in ("NOUN", "PROPN") and (lemma in self.lex.nouns or word in self.lex.nouns):
                weight = self.lex.nouns.get(lemma, self.lex.nouns.get(word, 0.0))
                targets, negator = self._targets_of_word(token)
            elif token.pos_ in ("ADJ", "VERB") and token.dep_ in ("amod", "acomp") and (
                lemma in self.lex.adjectives or word in self.lex.adjectives
            ):
                weight = self.lex.adjectives.get(lemma, self.lex.adjectives.get(word, 0.0))
                targets, negator = self._targets_of_word(token)
            elif token.tag_ == "VBN" and word in self.lex.adjectives and any(
                c.dep_ == "auxpass" for c in token.children
            ):
                # an evaluative participle read as a passive: "the Council is paralysed"
                weight = self.lex.adjectives[word]
                targets = [i for c in token.children if c.dep_ == "nsubjpass" for i in self.index.phrase(c)[0]]
                negator = token
            elif token.pos_ == "VERB" and lemma in self.lex.subject_verbs:
                weight = self.lex.subject_verbs[lemma]
                targets, _ = self.patterns.subjects(token)
                negator = token
            elif token.pos_ == "VERB" and lemma in self.lex.holder_verbs:
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                if subjects and subjects[0].lower_ in FIRST_SINGULAR | FIRST_PLURAL:
                    weight = self.lex.holder_verbs[lemma]
                    targets, _ = self.patterns.objects(token)
                    negator = token
            if not targets or weight == 0.0:
                continue
            if negator is not None and _negated(negator):
                weight = -weight / 2
            holder = self.holder_at(token.idx)
            if holder is None:
                continue
            factor = _OUTLET_FACTOR if holder == OUTLET else 1.0
            if holder == OUTLET:
                self.outlet_evaluates = True
            for target in targets:
                self.add(holder, target, factor * weight, self._span(token))

    # ------------------------------------------------------------------ output
    def stances(self) -> list[Stance]:
        out = []
        for (holder, target), tally in sorted(self.tally.items()):
            score = max(-1.0, min(1.0, tally.score))
            if abs(score) < THRESHOLD or self.doc.actor(target) is None:
                continue
            out.append(
                Stance(
                    holder=holder,
                    target=target,
                    sign=1 if score > 0 else -1,
                    score=round(score, 3),
                    evidence=[Offsets(start=s, end=e) for s, e in sorted(tally.evidence)],
                )
            )
        return out


def extract_stances(
    doc: Document, sdoc: Doc, relations: list[tuple[Relation, int]], index: ActorIndex
) -> list[Stance]:
    """Stances of every holder toward every actor, from ``relations`` (with their cue offsets,
    as ``presslens.relations.find_relations`` gives them) and from evaluative language."""
    run = _Stances(doc, sdoc, index)
    run.from_language()
    run.from_relations(relations)
    return run.stances()
