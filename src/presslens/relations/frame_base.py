"""What every English relation frame family shares: the ``Found`` record, the confidence priors,
and the helpers that turn actor lists into relations (``FrameBase``).

The frame families (``verb_frames``, ``noun_frames``, ``predicate_frames``,
``construction_frames``, ``discourse_frames``) are mixins over ``FrameBase`` so that each reads
the parse through the same ``ArgumentReader`` and emits through the same ``_emit``; ``Patterns``
(``extract``) combines them and drives them over a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from presslens.index import DocumentIndex
from presslens.lexicon import Cue, RelationLexicon, word_set
from presslens.model import Modality
from presslens.syntax import FIRST_PLURAL, Actors, ArgumentReader, is_to_infinitive, negated_scope
from presslens.syntax.misparse import misparsed_subject

PRIOR = {"verb": 0.7, "passive": 0.65, "phrase": 0.75, "noun": 0.6, "predicate": 0.7,
         "adjective": 0.6}
INFERRED_PENALTY = 0.1  # an argument found through a pronoun
FALLBACK_PRIOR = 0.4  # target taken from first person elsewhere in the sentence
# actor kinds that bear no arms of their own (states, regions, alliances, armed or religious
# groups and state institutions such as armies may)
UNARMED_KINDS = frozenset({"person", "party", "media", "organization"})

_HOST_NOUNS = word_set("relation_patterns", "host_nouns")
_HOST_PREPS = word_set("relation_patterns", "host_preps")
_AGREEMENT_NOUNS = word_set("relation_patterns", "agreement_nouns")
_INTENT_WORDS = word_set("relation_patterns", "intent_words")
# verbs whose event-noun object states the act ("lodged a protest with X", "renewed talks")
LIGHT_VERBS = word_set("relation_patterns", "light_verbs")
THREAT_WORDS = word_set("relation_patterns", "threat_words")
# verbs that stop or shrink what their object names ("halted aid", "ended cooperation")
STOP_VERBS = word_set("relation_patterns", "stop_verbs")
# types of a mutual act: a coordinated subject with no other party acts on itself each way
MUTUAL_TYPES = word_set("relation_patterns", "mutual_types")
_LEFT_PREPS = word_set("relation_patterns", "left_preps")  # "withdrew from", "pulled out of"
_PARTY_PREPS = tuple(sorted(word_set("relation_patterns", "party_preps")))
_INTENT_PREPS = word_set("relation_patterns", "intent_preps")
# the kinds of actor a person belongs to as a member (a party, an agency, a company, an alliance,
# an armed group)
_BODY_KINDS = frozenset({"organization", "party", "alliance", "institution", "media", "group"})


@dataclass(frozen=True)
class Found:
    """One relation found in the parse, before it becomes a ``Relation``."""

    source: str
    target: str
    type: str
    modality: Modality
    confidence: float
    cue: Token
    polarity: int


def stated_intent(verb: Token, words: frozenset[str] | None = None) -> bool:
    """Whether ``verb`` is the to-infinitive of a word of intent ("is ready to send", "offered to
    mediate", "vowed to strike"; ``words`` instead of the intent words), not negated ("is not
    ready to")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in _INTENT_PREPS and verb.head.dep_ == "prep":
        word = verb.head.head  # "is open to resuming talks", "is committed to helping"
    elif verb.dep_ in ("xcomp", "acl") and is_to_infinitive(verb):
        word = verb.head  # (acl: "expressed readiness to work with X")
    else:
        return False
    return word.lemma_.lower() in (_INTENT_WORDS if words is None else words) and not negated_scope(word)


def takes_object(verb: Token, lemmas: frozenset[str]) -> bool:
    """Whether ``verb``'s direct object (or passive subject) is one of ``lemmas`` ("expelled
    three diplomats", "moved battle groups")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lemmas for c in verb.children)


def noun_key(noun: Token) -> str:
    """The lexicon key of a noun: its lemma, or the whole hyphenated word the tokenizer split
    ("build-up" comes as "build", "-", "up")."""
    if noun.i >= 2 and noun.nbor(-1).text == "-" and noun.nbor(-1).whitespace_ == "":
        first = noun.nbor(-2)
        if first.whitespace_ == "":
            return f"{first.lemma_.lower()}-{noun.lemma_.lower()}"
    return noun.lemma_.lower()


class FrameBase(ArgumentReader):
    """The state and helpers the frame families share: the lexicon, the relations found so far
    in the document (for patterns that look back a few sentences), emitting with polarity, and
    the readings of passives, withdrawals and hosting several families need."""

    index: DocumentIndex

    def __init__(self, index: DocumentIndex, lexicon: RelationLexicon) -> None:
        super().__init__(index)
        self.lex = lexicon
        self.history: list[tuple[int, Found]] = []  # (sentence number, found) in text order
        self.sentence = -1

    def _emit(
        self, sources: list[str], targets: list[str], cue: Cue, type_name: str, modality: Modality,
        prior: float, token: Token, action: Token | None = None,
    ) -> Iterator[Found]:
        if cue.reverse:
            sources, targets = targets, sources
        polarity = self.polarity(cue, type_name, action)
        leaves_agreement = type_name == "RETREAT" and self._leaves_agreement(token)
        if leaves_agreement:
            polarity = -1  # "quitting the Iran nuclear deal": a break with its parties
        for source in sources:
            for target in targets:
                if cue.membership and self.index.kinds.get(source) == "person" and (
                        self.index.kinds.get(target) not in _BODY_KINDS) and not leaves_agreement:
                    # a person leaving a country or a building travels; one who quits a deal
                    # with it ("Trump quit the nuclear accord with Iran") breaks with it
                    continue
                if (cue.source_kinds and self.index.kinds.get(source) not in cue.source_kinds) or (
                        cue.target_kinds and self.index.kinds.get(target) not in cue.target_kinds):
                    continue  # "Croatia is a member of NATO", not "a member of parliament"
                if source != target:
                    each = polarity
                    if type_name == "RETREAT" and cue.polarity is None and (
                            self.index.kinds.get(target) in ("alliance", "organization")):
                        # leaving or withdrawing from a body is a break with it (a cue with a
                        # polarity of its own, such as a return or a lifted ban, keeps it)
                        each = -1
                    yield Found(source, target, type_name, modality, round(prior, 3), token, each)

    def _requested_act(self, verb: Token) -> bool:
        """Whether ``verb`` is an act asked for, not done ("urged Kyiv to withdraw"). The verb
        frames answer it (``VerbReadings``); declared here so that every family, combined with
        them in ``Patterns``, can ask."""
        return False

    def _leaves_agreement(self, token: Token) -> bool:
        """The cue of a withdrawal whose object is an agreement or a body ("quit the deal",
        "withdrew from the treaty", "pulled out of the accord", "its withdrawal from the pact")."""
        return bool(self._left_agreements(token))

    def _agreement_parties(self, token: Token, sources: list[str]) -> Actors:
        """The other parties of the agreement a withdrawal leaves ("the pact with Tehran",
        "the Iran deal")."""
        ids: list[str] = []
        inferred = False
        nouns = self._left_agreements(token)
        # ("left the pact with Tehran": the parser may hang "with" on the verb)
        holders = [*nouns, token] if nouns else []
        for holder in holders:
            found = [self.prep_objects(holder, _PARTY_PREPS)]
            if holder.i != token.i:
                found.append(self.index.phrase(holder))
            for more, more_inf in found:
                ids.extend(m for m in more if m not in ids and m not in sources)
                inferred = inferred or more_inf
        return ids, inferred

    @staticmethod
    def _left_agreements(token: Token) -> list[Token]:
        left: list[Token] = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        preps = [c for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ in _LEFT_PREPS]
        while preps:
            prep = preps.pop()
            for child in prep.children:
                if child.dep_ == "pobj":
                    left.append(child)
                elif child.dep_ == "prep" and child.lower_ in _LEFT_PREPS:
                    preps.append(child)  # "out" -> "of"
        return [t for t in left if t.lemma_.lower() in _AGREEMENT_NOUNS]

    def _reciprocal(
        self, actors: list[str], type_name: str, modality: Modality, prior: float, token: Token,
        polarity: int,
    ) -> Iterator[Found]:
        """"Baku and Yerevan fought", "Turkey and France are allies": each acts on the other."""
        for source in actors:
            for target in actors:
                if source != target:
                    yield Found(source, target, type_name, modality, round(prior, 3), token, polarity)

    def stopped_help(self, cue: Cue) -> Cue | None:
        """What stopping the act of ``cue`` states: stopped help or engagement is a SANCTION
        ("halted economic aid to Niger", "ended cooperation with X"); None for a hostile act,
        whose end each frame reads for itself."""
        if self.lex.polarity(cue.type) < 0:
            return None
        return Cue(type="SANCTION", preps=cue.preps)

    def polarity(self, cue: Cue, type_name: str, action: Token | None = None) -> int:
        """The cue's own polarity, else (REQUEST) the polarity of what is requested, else the
        type's default (see relation_types.yaml)."""
        if type_name == cue.type and cue.polarity is not None:
            return cue.polarity
        if type_name == "REQUEST" and action is not None:
            lemma = action.lemma_.lower()
            for child in action.children:  # "give something away": the particle may be an adverb
                if child.dep_ in ("prt", "advmod") and f"{lemma} {child.lower_}" in self.lex.requested_actions:
                    return self.lex.requested_actions[f"{lemma} {child.lower_}"]
            if lemma in self.lex.requested_actions:
                return self.lex.requested_actions[lemma]
            if cue.circumstance:
                # "works in Mali at the request of the government": asked to come and act, +1
                return 1
        return self.lex.polarity(type_name)

    @staticmethod
    def _is_passive(verb: Token) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return True
        if misparsed_subject(verb) is not None:
            return False  # "The Iraqi air force carried out three air strikes": active
        # a reduced relative ("every howitzer sent to Armenia"), also when tagged as a past tense
        return (
            verb.dep_ == "acl"
            and verb.tag_ in ("VBN", "VBD")
            and not any(c.dep_ == "nsubj" for c in verb.children)
        )

    def _fallback_targets(self, token: Token) -> list[str]:
        """A first-person 'we/our/us' elsewhere in the sentence: the speaker's side."""
        for other in token.sent:
            if other.lower_ in FIRST_PLURAL:
                ids, _ = self.index.at(other)
                if ids:
                    return ids
        return []

    def _hosts(self, verb: Token) -> set[str]:
        """States on whose territory or soil the verb (or its object) places something."""
        hosts: set[str] = set()
        holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in _HOST_PREPS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _HOST_NOUNS:
                        hosts.update(self.index.modifiers_of(pobj)[0])
        return hosts
