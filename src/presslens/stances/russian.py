"""Stances of a Russian article: how each holder (a quoted speaker, or the outlet in its own
unquoted text) portrays each actor, in the English stage's contract and with its weights
(``presslens.stances``), read from natasha's parse.

Two kinds of evidence are summed per (holder, target):

1. Evaluative words of ``data/ru/stances.yaml`` attached to an actor: a noun predicated of it or
   set beside it ("Киев — марионетка", "киевский режим", "режим Зеленского"), an adjective
   qualifying it or predicated of it ("русофобский Вильнюс"), a verb with the actor as subject
   ("Вашингтон лжёт"), "так называемый" before it. A negated word counts half, with the sign
   flipped. In the outlet's voice an evaluative word also marks an op-ed: only then do the
   events the outlet relates count as its stance (as in English).
2. Relations the holder asserts (``doc.relations``, read at their cue words), weighed as in the
   English stage: conflict portrays its source negatively (toward the holder's own side,
   doubly), CONTROL portrays the controlled one as a puppet too, help toward the holder's side
   portrays its source favourably, and between third parties the holder's view of the target is
   passed on to the source. An accusation or protest the outlet reports of a quoted body is that
   body's stance.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from presslens.index.russian_frames import ActorTokens, evidence_of, negated, preposition, subjects
from presslens.index.russian_patterns import RussianPatterns
from presslens.lexicon.russian_evaluative import russian_stance_words
from presslens.lexicon.russian_relations import RuLexicon, plain, russian_relation_lexicon
from presslens.model import Document, Relation, Stance
from presslens.stances import OWN_THRESHOLD, THRESHOLD
from presslens.stances.tally import (
    CONTROLLED,
    COOPERATION,
    HYPOTHETICAL,
    MATERIAL_CONFLICT,
    OUTLET_FACTOR,
    VERBAL_CONFLICT,
    VERBAL_TYPES,
    WEAK_COOPERATION,
    WEAK_TYPES,
    Tally,
    cue_start,
    mutual_acts,
    propagate,
)

__all__ = ["extract_russian_stances"]

OUTLET = "outlet"
_NEGATED = -0.5  # a negated evaluation: the other sign, half as strong
_SPEECH_ACTS = {"ACCUSE": -1, "PROTEST": -1, "THREATEN": -1, "SUPPORT": 1, "REQUEST": -1}
_EXPERT_ACTS = frozenset({"ACCUSE", "PROTEST"})
_QUALIFIER_DEPS = frozenset({"amod", "det", "nmod", "appos", "nsubj", "flat:name"})


class _RussianStances:
    def __init__(self, doc: Document, sdoc: Doc) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.actors = ActorTokens(doc, sdoc)
        self.lexicon: RuLexicon = russian_relation_lexicon()
        self.patterns = RussianPatterns(self.actors, self.lexicon)
        self.words = russian_stance_words()
        self.tally: dict[tuple[str, str], Tally] = defaultdict(Tally)
        self.outlet_evaluates = False
        self.speakers = {q.speaker for q in doc.quotes if q.speaker is not None}

    # ------------------------------------------------------------------ holders
    def holder_at(self, char: int) -> str | None:
        quote = self.actors.quote_at(char)
        if quote is None:
            return OUTLET
        return quote.speaker  # a quote without a known speaker is nobody's stance

    def own(self, holder: str) -> set[str]:
        if holder == OUTLET:
            return set()
        state = self.actors.state_of(holder)
        return {holder} if state is None else {holder, state}

    def add(self, holder: str, target: str, weight: float, span: tuple[int, int]) -> None:
        if weight and target != holder:
            self.tally[(holder, target)].add(weight, span)

    # ------------------------------------------------------------------ language
    def _evaluated(self, token: Token, kind: str) -> list[str]:
        """The actors an evaluative word is about."""
        if kind == "verb":
            return subjects(token, self.actors)
        found: list[str] = []
        if kind == "adjective":
            if token.dep_ in ("amod", "det") or token.head.i == token.i:
                head = token.head if token.dep_ in ("amod", "det") else token
                found = self.actors.phrase(head) if head.i != token.i else []
            for child in token.children:
                if child.dep_ == "nsubj":
                    found.extend(self.actors.group(child))
            if not found and token.dep_ not in ("amod", "det"):
                found = subjects(token, self.actors)
            return found
        own = list(self.actors.at(token))
        if own:
            return own  # the word is itself part of an actor's mention
        found = self.patterns.predicated_of(token)
        if not found and plain(token.lemma_) not in self.lexicon.predicates:
            # "режим Зеленского", "киевский режим": the owner is the one portrayed (a puppet's
            # owner is its master, portrayed through the CONTROL relation instead)
            for child in token.children:
                if child.dep_ in _QUALIFIER_DEPS and preposition(child) is None:
                    found.extend(a for a in self.actors.group(child) if a not in found)
        return found

    def _sarcastic(self, token: Token) -> bool:
        for phrase in self.words.sarcasm:
            start = token.i
            if start + len(phrase) <= len(self.sdoc) and all(
                plain(self.sdoc[start + k].lemma_) == word or plain(self.sdoc[start + k].lower_) == word
                for k, word in enumerate(phrase)
            ):
                return True
        return False

    def from_language(self) -> None:
        words = self.words
        for token in self.sdoc:
            lemma = plain(token.lemma_)
            weight, kind = 0.0, ""
            if token.pos_ == "NOUN" and lemma in words.nouns:
                weight, kind = words.nouns[lemma], "noun"
            elif token.pos_ in ("ADJ", "VERB") and lemma in words.adjectives:
                weight, kind = words.adjectives[lemma], "adjective"
            elif token.pos_ == "VERB" and lemma in words.verbs:
                weight, kind = words.verbs[lemma], "verb"
            elif token.pos_ in ("ADJ", "ADV", "VERB") and self._sarcastic(token):
                weight, kind = words.sarcasm_weight, "adjective"
            if not kind:
                continue
            holder = self.holder_at(token.idx)
            if holder is None:
                continue
            targets = self._evaluated(token, kind)
            if not targets:
                continue
            if negated(token, self.lexicon):
                weight *= _NEGATED
            if holder == OUTLET:
                self.outlet_evaluates = True
            span = evidence_of(self.doc.text, token.sent, token.idx)
            for target in targets:
                if target not in self.own(holder):
                    self.add(holder, target, weight, span)

    # ------------------------------------------------------------------ relations
    def _reported_speaker(self, relation: Relation) -> str | None:
        """The quoted speaker whose speech act the outlet reports ("МИД России обвинил X"), or
        the state or body that says or names so ("В Кремле называли Турцию важным партнёром")."""
        if relation.source in self.speakers and self.actors.kinds.get(relation.source) != "country":
            return relation.source
        if relation.cue is not None:
            cue = self.sdoc.char_span(relation.cue.start, relation.cue.end, alignment_mode="expand")
            lemma = plain(cue[0].lemma_) if cue is not None and len(cue) else ""
            if lemma in self.lexicon.naming_verbs or lemma in self.lexicon.report_verbs or (
                lemma in self.words.voicing_verbs
            ):
                return relation.source
        return None

    def from_expert_speech(self) -> None:
        """An accusation or protest the outlet reports of an expert ("Политолог обвинил
        Израиль ..."): no relation between actors (the relation stage leaves it out), but the
        expert's stance."""
        experts = {
            a.id for a in self.doc.actors
            if a.kind == "person" and self.actors.state_of(a.id) is None
        }
        for sent in self.sdoc.sents:
            if not any(e in experts for t in sent for e in self.actors.at(t)):
                continue
            for found in self.patterns.find(sent):
                if found.source in experts and found.type in _EXPERT_ACTS and (
                    self.actors.quote_at(found.cue.idx) is None
                ):
                    span = evidence_of(self.doc.text, sent, found.cue.idx)
                    self.add(found.source, found.target, found.polarity * VERBAL_CONFLICT, span)

    def from_relations(self, relations: list[Relation]) -> None:
        deferred: list[tuple[str, Relation, float]] = []
        mutual = mutual_acts(relations)
        for relation in relations:
            holder = self.holder_at(cue_start(relation))
            if holder is None or mutual(relation):
                continue  # nobody's, or a mutual act that singles out no side
            span = (relation.start, relation.end)
            if holder == OUTLET and _SPEECH_ACTS.get(relation.type) == relation.polarity:
                speaker = self._reported_speaker(relation)
                if speaker is not None:
                    weight = VERBAL_CONFLICT if relation.polarity < 0 else COOPERATION
                    self.add(speaker, relation.target, relation.polarity * weight, span)
            if holder == OUTLET and not self.outlet_evaluates:
                continue  # a report in a neutral voice takes no side by relating events
            factor = OUTLET_FACTOR if holder == OUTLET else 1.0
            if relation.modality == "hypothetical":
                factor *= HYPOTHETICAL
            own = self.own(holder)
            source, target = relation.source, relation.target
            if relation.polarity < 0:
                weight = factor * (VERBAL_CONFLICT if relation.type in VERBAL_TYPES else MATERIAL_CONFLICT)
                if source in own:
                    self.add(holder, target, -weight, span)
                elif target in own:
                    self.add(holder, source, -2 * weight, span)
                else:
                    self.add(holder, source, -weight, span)
                    if relation.type == "CONTROL":
                        self.add(holder, target, -CONTROLLED * factor, span)
                    else:
                        deferred.append((holder, relation, weight))
            elif relation.polarity > 0:
                weight = factor * (WEAK_COOPERATION if relation.type in WEAK_TYPES else COOPERATION)
                if target in own:
                    self.add(holder, source, weight, span)
                elif source in own:
                    if relation.type not in WEAK_TYPES:
                        self.add(holder, target, weight, span)
                else:
                    deferred.append((holder, relation, weight))
        propagate(self.tally, deferred, self.add, THRESHOLD)

    # ------------------------------------------------------------------ output
    def stances(self) -> list[Stance]:
        out: list[Stance] = []
        for (holder, target), tally in sorted(self.tally.items()):
            threshold = OWN_THRESHOLD if target in self.own(holder) else THRESHOLD
            if abs(tally.clipped) < threshold or self.doc.actor(target) is None:
                continue
            out.append(tally.stance(holder, target))
        return out


def extract_russian_stances(doc: Document, sdoc: Doc) -> list[Stance]:
    """Stances of every holder toward every actor, from evaluative words and from the
    document's relations."""
    if not doc.actors:
        return []
    run = _RussianStances(doc, sdoc)
    run.from_language()
    run.from_expert_speech()
    run.from_relations(doc.relations)
    return run.stances()
