"""Dependency patterns over the spaCy parse that turn cue words into directed relations.

Patterns (each with its own confidence prior):
- verbs: subject (source) acts on direct object / prepositional objects (target); passives take
  the ``by`` agent as source ("Moldova is steered by Brussels" -> Brussels -> Moldova); a verb
  without its own subject inherits the subject of the verb it is coordinated with or depends on;
- multiword phrases from the lexicon ("takes orders from", "calls on", "cut ... off");
- event nouns: "Russia's incursion into X", "Russian aggression against X", "strikes on X";
- predicate nominals and appositions: "Baku is a puppet of Ankara", "X, a friend of ours",
  "acts as an instrument of Y", "we cannot consider X a partner";
- adjectives: "X is hostile to Y", "relations with X have always been hostile";
- constructions of their own: military exercises (``exercise_relations``), "uses X as a base
  against Y" (``use_relations``), sanctions lists (``listing_relations``), brokered deals
  (``mediation_relations``), reported accusations, followers ("and Washington has followed") and
  demands ("Y said X should ...").
Every argument may be a coordination: one relation per actor on each side. Tokens that no pattern
starts from are skipped before any pattern runs (``_trigger_words``).

The frame families live in modules of their own (``verb_frames``, ``noun_frames``,
``predicate_frames``, ``construction_frames``, ``discourse_frames``, over ``frame_base``);
``Patterns`` combines them and runs them over each sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from presslens.index import DocumentIndex
from presslens.lexicon import RelationLexicon
from presslens.relations.construction_frames import (
    BACKING_PARTICIPLES,
    FOLLOW_LINE_VERBS,
    JOINT_ADVERBS,
    KEEP_VERBS,
    LISTING_VERBS,
    MEDIATION_VERBS,
    REQUEST_NOUNS,
    VISIT_VERBS,
    ConstructionFrames,
)
from presslens.relations.discourse_frames import DiscourseFrames
from presslens.relations.frame_base import LIGHT_VERBS, Found, noun_key
from presslens.relations.noun_frames import NounFrames
from presslens.relations.predicate_frames import PredicateFrames
from presslens.relations.verb_frames import RECALLING_VERBS, VerbFrames
from presslens.relations.verb_readings import ADMITTING_VERBS, SHELTERING_VERBS, SHIELDING_VERBS
from presslens.syntax.lookup import lemma_in

__all__ = ["Found", "Patterns"]

_TRIGGERS: dict[int, tuple[RelationLexicon, frozenset[str]]] = {}
_HYPHEN = np.uint64(StringStore().add("-"))  # the ORTH value of "-"


class Patterns(ConstructionFrames, VerbFrames, NounFrames, PredicateFrames, DiscourseFrames):
    """Applies the lexicon to one parsed document (argument reading: ``ArgumentReader``)."""

    def __init__(self, index: DocumentIndex, lexicon: RelationLexicon) -> None:
        super().__init__(index, lexicon)
        self._triggers: frozenset[str] | None = None
        self._trigger_at: tuple[Doc, list[int]] | None = None  # the trigger tokens of a document

    def _trigger_words(self) -> frozenset[str]:
        """Every lemma (or hyphenated noun key) some pattern starts from: other tokens are
        skipped without calling the patterns (most tokens of a sentence)."""
        cached = _TRIGGERS.get(id(self.lex))
        if cached is not None and cached[0] is self.lex:
            return cached[1]
        lex = self.lex
        words = frozenset({
            *lex.verbs, *(p.verb for p in lex.phrases), *lex.nouns, *lex.predicates,
            *lex.adjectives, *lex.circumstance_nouns, *lex.exercise_verbs, *lex.military_verbs,
            *lex.purchase_verbs, *lex.sale_verbs, *MEDIATION_VERBS, *VISIT_VERBS, *LISTING_VERBS,
            *LIGHT_VERBS, *RECALLING_VERBS, *SHELTERING_VERBS, *SHIELDING_VERBS, *ADMITTING_VERBS,
            *BACKING_PARTICIPLES, *FOLLOW_LINE_VERBS, *KEEP_VERBS, *JOINT_ADVERBS, *REQUEST_NOUNS,
            "use",
        })
        _TRIGGERS[id(lex)] = (lex, words)
        return words

    @staticmethod
    def _trigger_tokens(sdoc: Doc, triggers: frozenset[str]) -> set[int]:
        """The tokens of ``sdoc`` whose lemma (or hyphenated noun key) some pattern starts from."""
        at = set(np.flatnonzero(lemma_in(sdoc, triggers)).tolist())
        # a noun after a hyphen written without spaces ("build-up"): its key is the whole word
        for i in np.flatnonzero(sdoc.to_array(ORTH) == _HYPHEN).tolist():
            if i + 1 < len(sdoc) and i + 1 not in at and noun_key(sdoc[i + 1]) in triggers:
                at.add(i + 1)
        return at

    def find(self, sent: SpacySpan) -> Iterator[Found]:
        self.sentence += 1
        found: list[Found] = []
        if self._triggers is None:
            self._triggers = self._trigger_words()
        doc = sent.doc
        if self._trigger_at is None or self._trigger_at[0] is not doc:
            self._trigger_at = (doc, sorted(self._trigger_tokens(doc, self._triggers)))
        triggers = self._trigger_at[1]
        # only the sentence's trigger tokens are made into Token objects (most words start no
        # pattern)
        for i in triggers[bisect_left(triggers, sent.start):bisect_left(triggers, sent.end)]:
            token = doc[i]
            for each in (
                *self.mediation_relations(token),
                *self.visit_relations(token),
                *self.exercise_relations(token),
                *self.use_relations(token),
                *self.backing_relations(token),
                *self.guidance_relations(token),
                *self.joint_relations(token),
                *self.listing_relations(token),
                *self.request_noun_relations(token),
                *self.verb_relations(token),
                *self.noun_relations(token),
                *self.circumstance_relations(token),
                *self.predicate_relations(token),
                *self.adjective_relations(token),
            ):
                found.append(each)
                self.history.append((self.sentence, each))
        found = self.own_threats(found)
        found.extend(self.reported_accusations(found))
        found.extend(self.followers(sent, found))
        found.extend(self.demands(sent, found))
        found.extend(self.reactions(sent, found))
        yield from found
