"""Dependency patterns over the spaCy parse that turn cue words into directed relations.

Patterns (each with its own confidence prior):
- verbs: subject (source) acts on direct object / prepositional objects (target); passives take
  the ``by`` agent as source ("Moldova is steered by Brussels" -> Brussels -> Moldova); a verb
  without its own subject inherits the subject of the verb it is coordinated with or depends on;
- multiword phrases from the lexicon ("takes orders from", "calls on", "cut ... off");
- event nouns: "Russia's incursion into X", "Russian aggression against X", "strikes on X";
- predicate nominals and appositions: "Baku is a puppet of Ankara", "X, a friend of ours",
  "acts as an instrument of Y", "we cannot consider X a partner";
- adjectives: "X is hostile to Y", "relations with X have always been hostile".
Every argument may be a coordination: one relation per actor on each side.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from presslens.model import Modality
from presslens.relations.actors import FIRST_PLURAL, ActorIndex
from presslens.relations.lexicon import Cue, RelationLexicon

PRIOR = {"verb": 0.7, "passive": 0.65, "phrase": 0.75, "noun": 0.6, "predicate": 0.7,
         "adjective": 0.6}
INFERRED_PENALTY = 0.1  # an argument found through a pronoun
FALLBACK_PRIOR = 0.4  # target taken from first person elsewhere in the sentence

_NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"})
_FUTURE = frozenset({"will", "shall", "'ll"})
_HYPOTHETICAL = frozenset({"may", "might", "could", "would", "should"})
_CONDITIONAL_MARKS = frozenset({"if", "unless"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "stay"})
_AS_VERBS = frozenset({"act", "serve", "function", "behave", "emerge"})
_CONSIDER_VERBS = frozenset({"consider", "call", "regard", "deem", "see", "treat", "view", "label"})
_FALLBACK_TYPES = frozenset({"AID", "SUPPORT"})
# A city named only as a place is still a target after these ("strikes on Kharkiv"), not after
# "in"/"at" (a venue: "met in Vienna").
_PLACE_TARGET_PREPS = frozenset({"on", "into", "against", "towards", "toward", "to"})


@dataclass(frozen=True)
class Found:
    """One relation found in the parse, before it becomes a ``Relation``."""

    source: str
    target: str
    type: str
    modality: Modality
    confidence: float
    cue: Token


def _negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "npadvmod") and child.lower_ in _NEGATORS):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("nobody", "nothing", "no one"):
            return True
        if (
            child.dep_ == "advmod"
            and child.lower_ == "once"
            and any(g.dep_ == "neg" or g.lower_ == "not" for g in child.children)
        ):
            return True
    return False


def _modality(verb: Token) -> Modality:
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
            if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
                return "hypothetical"
        if node.lemma_ == "go" and any(c.dep_ == "xcomp" for c in node.children):
            return "future"
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        else:
            break
    return "asserted"


class Patterns:
    """Applies the lexicon to one parsed document."""

    def __init__(self, index: ActorIndex, lexicon: RelationLexicon) -> None:
        self.index = index
        self.lex = lexicon

    # ---------------------------------------------------------------- arguments
    def subjects(self, verb: Token, depth: int = 0) -> tuple[list[str], bool]:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return self.index.phrase(child)
        if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
                return [], False
            return self.subjects(verb.head, depth + 1)
        return [], False

    def agents(self, verb: Token) -> tuple[list[str], bool]:
        ids: list[str] = []
        inferred = False
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        more, more_inferred = self.index.phrase(pobj)
                        ids.extend(m for m in more if m not in ids)
                        inferred = inferred or more_inferred
        # "steered by Brussels and by Bucharest": the second agent is a conjunct of the first
        for child in verb.children:
            if child.dep_ == "agent":
                for conj in child.conjuncts:
                    for pobj in conj.children:
                        if pobj.dep_ == "pobj":
                            more, _ = self.index.phrase(pobj)
                            ids.extend(m for m in more if m not in ids)
        return ids, inferred

    def prep_objects(self, head: Token, preps: tuple[str, ...] = (), depth: int = 0) -> tuple[list[str], bool]:
        """Actors of the prepositional objects below ``head`` (through prep chains)."""
        ids: list[str] = []
        inferred = False
        for child in head.children:
            if child.dep_ not in ("prep", "dative") or (preps and child.lower_ not in preps):
                continue
            if child.dep_ == "dative" and child.pos_ != "ADP":
                more, more_inferred = self.index.phrase(child)
                ids.extend(m for m in more if m not in ids)
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                more, more_inferred = self.index.phrase(pobj)
                if not more and child.lower_ in _PLACE_TARGET_PREPS:
                    more = list(self.index.places.get(pobj.i, []))  # "march on Kyiv"
                if not more and depth < 2:
                    more, more_inferred = self.prep_objects(pobj, preps, depth + 1)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
            for conj in child.conjuncts:  # "to Tehran and to Riyadh"
                for pobj in conj.children:
                    if pobj.dep_ == "pobj":
                        more, _ = self.index.phrase(pobj)
                        ids.extend(m for m in more if m not in ids)
        return ids, inferred

    def objects(self, verb: Token) -> tuple[list[str], bool]:
        ids: list[str] = []
        inferred = False
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child.pos_ != "ADP":
                more, more_inferred = self.index.phrase(child)
                if not more:
                    more, more_inferred = self.prep_objects(child)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
        if not ids:
            ids, inferred = self.prep_objects(verb)
        return ids, inferred

    # ---------------------------------------------------------------- helpers
    def _emit(
        self, sources: list[str], targets: list[str], cue: Cue, type_name: str, modality: Modality,
        prior: float, token: Token,
    ) -> Iterator[Found]:
        if cue.reverse:
            sources, targets = targets, sources
        for source in sources:
            for target in targets:
                if source != target:
                    yield Found(source, target, type_name, modality, round(prior, 3), token)

    @staticmethod
    def _is_passive(verb: Token) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return True
        return verb.dep_ == "acl" and verb.tag_ == "VBN"

    def _fallback_targets(self, token: Token) -> list[str]:
        """A first-person 'we/our/us' elsewhere in the sentence: the speaker's side."""
        for other in token.sent:
            if other.lower_ in FIRST_PLURAL:
                ids, _ = self.index.at(other)
                if ids:
                    return ids
        return []

    # ---------------------------------------------------------------- verbs
    def _phrase_cue(self, verb: Token) -> tuple[Cue, Token | None, bool] | None:
        """A multiword cue on this verb: (cue, the preposition holding the other actor or None
        for a particle, whether it was matched)."""
        for phrase in self.lex.phrases:
            if phrase.verb != verb.lemma_.lower():
                continue
            anchor = verb
            if phrase.obj is not None:
                objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == phrase.obj]
                if not objs:
                    continue
                anchor = objs[0]
            for holder in (anchor, verb):
                for child in holder.children:
                    if child.lower_ == phrase.last and child.dep_ == "prt":
                        return phrase.cue, None, True
                    if child.lower_ == phrase.last and child.dep_ in ("prep", "dative"):
                        return phrase.cue, child, True
        return None

    def verb_relations(self, verb: Token) -> Iterator[Found]:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "amod":
            return
        lemma = verb.lemma_.lower()
        phrased = self._phrase_cue(verb)
        kind = "phrase"
        military = lemma in self.lex.military_verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.military_nouns
            for c in verb.children
        )
        if military:
            cue, prep, kind = Cue(type="MOBILIZE"), None, "verb"
        elif phrased is not None:
            cue, prep, _ = phrased
        elif lemma in self.lex.verbs:
            cue, prep, kind = self.lex.verbs[lemma], None, "verb"
        else:
            return
        passive = self._is_passive(verb)
        if cue.passive_only and not passive:
            return
        type_name = cue.type
        if _negated(verb):
            if cue.negated is None:
                return
            type_name = cue.negated
        modality = _modality(verb)
        if passive:
            sources, s_inf = self.agents(verb)
            subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "acl":
                targets, t_inf = self.index.phrase(verb.head)
            else:
                targets, t_inf = self.index.phrase(subj[0]) if subj else ([], False)
            if military:
                targets, t_inf = [], False
            if not sources and cue.agentless_source:
                # "X's ambassador was summoned to the ministry": the ministry acts
                targets, t_inf = targets or [], t_inf
                sources, s_inf = self.prep_objects(verb, cue.agentless_source)
            elif not sources and military and subj:
                # "Russian weapons have been stationed on Belarusian soil"
                sources, s_inf = self.index.modifiers_of(subj[0])
                targets, t_inf = self.prep_objects(verb)
            if not targets:
                targets, t_inf = self.prep_objects(verb)
            prior = PRIOR["passive"]
        else:
            sources, s_inf = self.subjects(verb)
            if prep is not None:
                targets, t_inf = [], False
                for each in (prep, *prep.conjuncts):
                    for pobj in each.children:
                        if pobj.dep_ == "pobj":
                            more, more_inf = self.index.phrase(pobj)
                            if not more:
                                more, more_inf = self.prep_objects(pobj)
                            targets.extend(m for m in more if m not in targets)
                            t_inf = t_inf or more_inf
                if not targets and prep.dep_ == "dative":
                    targets, t_inf = self.index.phrase(prep)
            else:
                targets, t_inf = self.objects(verb)
            prior = PRIOR[kind]
        if sources and not targets and type_name in _FALLBACK_TYPES:
            targets, t_inf = self._fallback_targets(verb), True
            prior = FALLBACK_PRIOR
        if s_inf or t_inf:
            prior -= INFERRED_PENALTY
        yield from self._emit(sources, targets, cue, type_name, modality, prior, verb)

    # ---------------------------------------------------------------- nouns
    def noun_relations(self, noun: Token) -> Iterator[Found]:
        if noun.pos_ not in ("NOUN", "PROPN"):
            return
        cue = self.lex.nouns.get(noun.lemma_.lower())
        if cue is None:
            return
        head = noun.head
        governed = noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.lex.verbs
        sources: list[str] = []
        inferred = False
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                more, more_inferred = self.index.modifier(child)
                sources.extend(m for m in more if m not in sources)
                inferred = inferred or more_inferred
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        more, more_inferred = self.index.phrase(pobj)
                        sources.extend(m for m in more if m not in sources)
        if governed and not sources:
            return  # "suspended all trade with X": the verb states the relation
        if not sources and noun.dep_ == "dobj":
            sources, inferred = self.subjects(head)
        if not sources:
            return
        targets, t_inf = self.prep_objects(noun, cue.preps)
        negated = (
            _negated(head)
            if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and not governed
            else False
        )
        type_name = cue.type
        if negated:
            if cue.negated is None:
                return
            type_name = cue.negated
        prior = PRIOR["noun"] - (INFERRED_PENALTY if inferred or t_inf else 0.0)
        modality = _modality(head) if head.pos_ in ("VERB", "AUX") else "asserted"
        yield from self._emit(sources, targets, cue, type_name, modality, prior, noun)

    def circumstance_relations(self, noun: Token) -> Iterator[Found]:
        """"X came at the request of Y", "acts on the orders of Y": Y acts on X."""
        cue = self.lex.circumstance_nouns.get(noun.lemma_.lower())
        if cue is None or noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "on", "under", "with", "by"):
            return
        verb = noun.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        others: list[str] = []
        o_inf = False
        for child in noun.children:
            if child.dep_ == "poss":
                others, o_inf = self.index.at(child)
        if not others:
            others, o_inf = self.prep_objects(noun, ("of",))
        subjects, s_inf = self.subjects(verb)
        if not subjects:
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    subjects, s_inf = self.index.phrase(child)
        prior = PRIOR["noun"] - (INFERRED_PENALTY if s_inf or o_inf else 0.0)
        yield from self._emit(others, subjects, cue, cue.type, _modality(verb), prior, noun)

    # ---------------------------------------------------------------- predicates
    def _predicate_other(self, noun: Token) -> tuple[list[str], bool]:
        """Y in "a puppet of Y", "Y's puppet", "our ally", "a friend of ours"."""
        ids: list[str] = []
        inferred = False
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                more, more_inferred = self.index.at(child)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
        if not ids:
            ids, inferred = self.prep_objects(noun, ("of", "to", "for", "in"))
        if not ids:
            for child in noun.children:
                if child.dep_ == "relcl":  # "the puppet that Moscow installed"
                    ids, inferred = self.subjects(child)
        return ids, inferred

    def predicate_relations(self, noun: Token) -> Iterator[Found]:
        if noun.pos_ not in ("NOUN", "PROPN"):
            return
        cue = self.lex.predicates.get(noun.lemma_.lower())
        if cue is None:
            return
        head = noun.head
        subject: list[str] = []
        s_inf = False
        verb: Token | None = None
        consider_subject: list[str] = []
        if noun.dep_ == "attr" and head.lemma_ in _COPULAS:
            verb = head
            subject, s_inf = self.subjects(head)
        elif noun.dep_ == "appos":
            subject, s_inf = self.index.phrase(head)
        elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_ in _AS_VERBS:
            verb = head.head
            subject, s_inf = self.subjects(verb)
        elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_ in _CONSIDER_VERBS | {"use"}:
            verb = head.head
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            subject, s_inf = self.index.phrase(objs[0]) if objs else ([], False)
            consider_subject, _ = self.subjects(verb)
        elif noun.dep_ in ("oprd", "ccomp", "xcomp", "dobj") and head.lemma_ in _CONSIDER_VERBS:
            verb = head
            nsubj = [c for c in noun.children if c.dep_ == "nsubj"]
            objs = nsubj or [c for c in head.children if c.dep_ == "dobj" and c.i != noun.i]
            subject, s_inf = self.index.phrase(objs[0]) if objs else ([], False)
            consider_subject, _ = self.subjects(head)
        else:
            return
        if not subject:
            return
        negated = _negated(verb) if verb is not None else False
        modality = _modality(verb) if verb is not None else "asserted"
        if negated:
            if cue.negated_consider and consider_subject:
                for source in consider_subject:
                    for target in subject:
                        if source != target:
                            yield Found(source, target, cue.negated_consider, modality,
                                        PRIOR["predicate"], noun)
            return
        other, o_inf = self._predicate_other(noun)
        if verb is not None and verb.lemma_ == "use" and not other:
            other = consider_subject  # "Y uses X as an instrument"
        prior = PRIOR["predicate"] - (INFERRED_PENALTY if s_inf or o_inf else 0.0)
        yield from self._emit(subject, other, cue, cue.type, modality, prior, noun)

    # ---------------------------------------------------------------- adjectives
    def adjective_relations(self, adj: Token) -> Iterator[Found]:
        if adj.pos_ != "ADJ" or adj.dep_ != "acomp":
            return
        cue = self.lex.adjectives.get(adj.lemma_.lower())
        if cue is None:
            return
        verb = adj.head
        if _negated(verb) or _negated(adj):
            return
        modality = _modality(verb)
        others, o_inf = self.prep_objects(adj, ("to", "towards", "toward", "with", "against"))
        subj_tokens = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj_tokens:
            return
        subj = subj_tokens[0]
        subject, s_inf = self.index.phrase(subj)
        if not subject and subj.lemma_.lower() in ("relation", "relationship", "tie"):
            # "relations between A and B", "our relations with X", "relations with X"
            partners, _ = self.prep_objects(subj, ("with", "between"))
            own: list[str] = []
            for child in subj.children:
                if child.dep_ == "poss":
                    own, _ = self.index.at(child)
            if not own and len(partners) == 1:
                quote = self.index.quote_at(adj.idx)
                if quote is not None and quote.speaker is not None:
                    own = [self.index.affiliation(quote.speaker)]
            if own:
                subject, others = own, partners
            elif len(partners) >= 2:
                subject, others = partners[:1], partners[1:]
        prior = PRIOR["adjective"] - (INFERRED_PENALTY if s_inf or o_inf else 0.0)
        yield from self._emit(subject, others, cue, cue.type, modality, prior, adj)

    # ---------------------------------------------------------------- driver
    def find(self, sent: SpacySpan) -> Iterator[Found]:
        for token in sent:
            yield from self.verb_relations(token)
            yield from self.noun_relations(token)
            yield from self.circumstance_relations(token)
            yield from self.predicate_relations(token)
            yield from self.adjective_relations(token)
