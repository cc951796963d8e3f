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
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from presslens.index import DocumentIndex
from presslens.lexicon import Cue, RelationLexicon, word_set
from presslens.model import Modality
from presslens.syntax import (
    COPULAS,
    FIRST_PERSON,
    FIRST_PLURAL,
    Actors,
    ArgumentReader,
    direct_object,
    infinitive,
    modality_of,
    negated,
    negated_scope,
)
from presslens.syntax.lookup import lemma_in

PRIOR = {"verb": 0.7, "passive": 0.65, "phrase": 0.75, "noun": 0.6, "predicate": 0.7,
         "adjective": 0.6}
INFERRED_PENALTY = 0.1  # an argument found through a pronoun
FALLBACK_PRIOR = 0.4  # target taken from first person elsewhere in the sentence

_AS_VERBS = word_set("relation_patterns", "as_verbs")
_CONSIDER_VERBS = word_set("relation_patterns", "consider_verbs")
_FALLBACK_TYPES = frozenset({"AID", "SUPPORT"})
_REPORT_VERBS = word_set("relation_patterns", "report_verbs")
_ACCUSABLE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
_ASPECT_END = word_set("relation_patterns", "aspect_end")
_HOST_NOUNS = word_set("relation_patterns", "host_nouns")
_HOST_PREPS = word_set("relation_patterns", "host_preps")
_WITNESS_VERBS = word_set("relation_patterns", "witness_verbs")
_DISCOURSE_WINDOW = 4
_INSTRUMENT_PREPS = word_set("relation_patterns", "instrument_preps")
_PURPOSE_PREPS = word_set("relation_patterns", "purpose_preps")
# Speech acts whose addressee a coordinated verb shares ("summoned X and warned that ...")
_SHARED_OBJECT_TYPES = frozenset({"THREATEN", "ACCUSE", "PROTEST", "REQUEST"})
_IMPOSING_VERBS = word_set("relation_patterns", "imposing_verbs")
_FOLLOW_LINE_VERBS = word_set("relation_patterns", "follow_line_verbs")
_GUIDANCE_NOUNS = word_set("relation_patterns", "guidance_nouns")
_KEEP_VERBS = word_set("relation_patterns", "keep_verbs")
_SUBDUED_STATES = word_set("relation_patterns", "subdued_states")
_COMPASS_PARTS = word_set("relation_patterns", "compass_parts")
_LISTING_VERBS = word_set("relation_patterns", "listing_verbs")
_MENACE_VERBS = word_set("relation_patterns", "menace_verbs")
_UNDO_VERBS = word_set("relation_patterns", "undo_verbs")
_QUANTITY_NOUNS = word_set("relation_patterns", "quantity_nouns")
_LIGHT_VERBS = word_set("relation_patterns", "light_verbs")
# Standing against an act: "condemn/oppose/reject the attack on X" sides with X
_OPPOSING_TYPES = frozenset({"ADVERSARY", "ACCUSE", "REJECT", "PROTEST"})
_DEMAND_MODALS = word_set("relation_patterns", "demand_modals")
_NOT_DEMANDED = word_set("relation_patterns", "not_demanded")
_SAYING_VERBS = _REPORT_VERBS | word_set("relation_patterns", "other_saying_verbs")
_FOLLOW_VERBS = word_set("relation_patterns", "follow_verbs")
_MEDIATION_VERBS = word_set("relation_patterns", "mediation_verbs")
_READY_VERBS = word_set("relation_patterns", "ready_verbs")
_RECIPIENT_PREPS = tuple(sorted(word_set("relation_patterns", "recipient_preps")))
_INFORMATION_NOUNS = word_set("relation_patterns", "information_nouns")
_LOCATION_PREPS = word_set("relation_patterns", "location_preps")
_AGREEMENT_NOUNS = word_set("relation_patterns", "agreement_nouns")
_LEFT_PREPS = ("from", "of", "out")  # "withdrew from", "pulled out of"


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


def _noun_key(noun: Token) -> str:
    """The lexicon key of a noun: its lemma, or the whole hyphenated word the tokenizer split
    ("build-up" comes as "build", "-", "up")."""
    if noun.i >= 2 and noun.nbor(-1).text == "-" and noun.nbor(-1).whitespace_ == "":
        first = noun.nbor(-2)
        if first.whitespace_ == "":
            return f"{first.lemma_.lower()}-{noun.lemma_.lower()}"
    return noun.lemma_.lower()


_TRIGGERS: dict[int, tuple[RelationLexicon, frozenset[str]]] = {}
_HYPHEN = np.uint64(StringStore().add("-"))  # the ORTH value of "-"


class Patterns(ArgumentReader):
    """Applies the lexicon to one parsed document (argument reading: ``ArgumentReader``)."""

    index: DocumentIndex

    def __init__(self, index: DocumentIndex, lexicon: RelationLexicon) -> None:
        super().__init__(index)
        self.lex = lexicon
        self.history: list[tuple[int, Found]] = []  # (sentence number, found) in text order
        self.sentence = -1
        self._triggers: frozenset[str] | None = None
        self._trigger_at: tuple[Doc, set[int]] | None = None  # the trigger tokens of a document

    # ---------------------------------------------------------------- helpers
    def _emit(
        self, sources: list[str], targets: list[str], cue: Cue, type_name: str, modality: Modality,
        prior: float, token: Token, action: Token | None = None,
    ) -> Iterator[Found]:
        if cue.reverse:
            sources, targets = targets, sources
        polarity = self.polarity(cue, type_name, action)
        if type_name == "RETREAT" and self._leaves_agreement(token):
            polarity = -1  # "quitting the Iran nuclear deal": a break with its parties
        for source in sources:
            for target in targets:
                if source != target:
                    each = polarity
                    if type_name == "RETREAT" and self.index.kinds.get(target) in ("alliance", "organization"):
                        each = -1  # leaving or withdrawing from a body is a break with it
                    yield Found(source, target, type_name, modality, round(prior, 3), token, each)

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
            found = [self.prep_objects(holder, ("with", "between"))]
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

    # ---------------------------------------------------------------- verbs
    def _phrase_cue(self, verb: Token) -> tuple[Cue, Token | None, bool] | None:
        """A multiword cue on this verb: (cue, the preposition holding the other actor or None
        for a particle, whether it was matched)."""
        for phrase in self.lex.phrases_by_verb.get(verb.lemma_.lower(), ()):
            anchor = verb
            if phrase.obj is not None:
                # ("said no to X": the parser makes "no" an interjection)
                objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "intj")
                        and c.lemma_.lower() == phrase.obj]
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
            helpers = any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.helping_forces
                for c in verb.children
            )
            hosted = lemma in self.lex.basing_verbs  # "stationing a brigade in Lithuania"
            cue, prep, kind = Cue(type="AID" if helpers or hosted else "MOBILIZE"), None, "verb"
        elif phrased is not None:
            cue, prep, _ = phrased
        elif (light := self._light_cue(verb)) is not None:
            # "offered Riga talks", "proposed negotiations to Baku": the noun states the act
            cue, prep, kind = light, None, "verb"
        elif lemma in self.lex.verbs:
            cue, prep, kind = self.lex.verbs[lemma], None, "verb"
        else:
            return
        if lemma in self.lex.purchase_verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.arms for c in verb.children
        ):
            cue = Cue(type="AID", reverse=True)  # "bought Russian weapons": Russia arms the buyer
        goods = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if verb.dep_ in ("relcl", "acl"):
            goods.append(verb.head)  # "every weapon the United States sells to the island"
        if lemma in self.lex.sale_verbs and not any(c.lemma_.lower() in self.lex.arms for c in goods):
            cue = Cue(type="COOPERATE")  # "sold its brandy in Russia", "we sell to China": trade
        # "delivered his report to Barr", "will give a speech in Singapore": information handed
        # over is no aid; at most the one it goes to is consulted
        informing = cue.type == "AID" and not military and any(
            c.lemma_.lower() in _INFORMATION_NOUNS or c.lower_ in _INFORMATION_NOUNS for c in goods
        )
        passive = self._is_passive(verb)
        if cue.passive_only and not passive:
            return
        if self._requested_act(verb):
            return  # "Brussels wants us to sanction Russia": what is asked is not done
        type_name = cue.type
        if negated_scope(verb):
            if cue.negated is None:
                return
            type_name = cue.negated
        elif cue.negated_only:
            return  # "allows the government to answer": only "will not allow X" states a relation
        modality = modality_of(verb)
        action = infinitive(verb)
        if cue.infinitive and action is None:
            return  # "expects X to ...", not "expects growth"
        if passive:
            sources, s_inf = self.agents(verb)
            # ("The Turkish Republic of Northern Cyprus, proclaimed in 1983, is recognised only
            # by Ankara": the parser may mark the patient as an active subject)
            subj = [c for c in verb.children if c.dep_ == "nsubjpass"] or [
                c for c in verb.children if c.dep_ == "nsubj"
            ]
            if verb.dep_ == "acl":
                targets, t_inf = self.index.phrase(verb.head)
            else:
                targets, t_inf = self.index.phrase(subj[0]) if subj else ([], False)
            if military:
                targets, t_inf = [], False
            if not sources and type_name == "AID" and not cue.agentless_source:
                # "every howitzer sent to Armenia from France": the sender stands after "from"
                sources, s_inf = self.prep_objects(verb, ("from",))
                if sources:
                    targets, t_inf = self.prep_objects(verb, _RECIPIENT_PREPS)
            if not sources and type_name in ("SUPPORT", "AID"):
                # "Moldova was granted EU candidate status": the giver modifies what is given
                retained = direct_object(verb)
                if retained is not None:
                    sources, s_inf = self.index.modifiers_of(retained)
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
                # "calls on the community, and in particular on the World Bank": the second "on"
                # may hang on the verb as a conjunct
                repeated = [c for c in verb.children if c.dep_ == "conj" and c.lower_ == prep.lower_]
                for each in (prep, *prep.conjuncts, *repeated):
                    for pobj in each.children:
                        if pobj.dep_ == "pobj":
                            more, more_inf = self.index.phrase(pobj)
                            if not more and not cue.direct:
                                more, more_inf = self.prep_objects(pobj)
                            targets.extend(m for m in more if m not in targets)
                            t_inf = t_inf or more_inf
                if not targets and prep.dep_ == "dative":
                    targets, t_inf = self.index.phrase(prep)
            elif cue.infinitive:
                dobj = direct_object(verb)
                targets, t_inf = self.index.phrase(dobj) if dobj is not None else ([], False)
                if not targets:
                    targets, t_inf = self.infinitive_subjects(verb)
            elif cue.direct:
                dobj = direct_object(verb)
                targets, t_inf = self.index.phrase(dobj) if dobj is not None else ([], False)
            else:
                targets, t_inf = [], False
                if type_name == "AID":
                    # "sells howitzers to Armenia": the recipient, not the goods, is the target;
                    # "has given the United States access": the dative is the recipient
                    for child in verb.children:
                        if child.dep_ == "dative" and child.pos_ != "ADP":
                            targets, t_inf = self.index.phrase(child)
                    if not targets:
                        targets, t_inf = self.prep_objects(verb, _RECIPIENT_PREPS)
                if not targets and not informing:
                    # (a place after "in" is where aid is given, not who receives it)
                    targets, t_inf = self.objects(verb, skip=_LOCATION_PREPS if type_name == "AID" else frozenset())
            if lemma in ("recognise", "recognize"):
                conceded = self._recognised_as_part_of(verb)
                if conceded:  # "recognised the region as part of Y": a concession to Y
                    yield from self._emit(sources, conceded, Cue(type="CONCEDE"), "CONCEDE",
                                          modality, PRIOR["verb"], verb)
                    return
            prior = PRIOR[kind]
        if targets and set(targets) <= set(sources) and not passive:
            # "stopped paying its share of the CSTO budget", "closed crossing points on its border
            # with Belarus": the source's own share or border; the other party is further down
            dobj = direct_object(verb)
            targets, t_inf = self.prep_objects(dobj, exclude=sources) if dobj is not None else ([], False)
            if not targets:
                targets, t_inf = self.prep_objects(verb, exclude=sources)
        if sources and not targets and type_name == "RETREAT":
            targets, t_inf = self._agreement_parties(verb, sources)  # "left the pact with Tehran"
        if informing:
            if passive or not targets:
                return
            cue, type_name = Cue(type="CONSULT"), "CONSULT"
        if sources and not targets and not passive:
            targets = self._region_owner(verb, sources)  # "Turkey invaded the north"
        victims = self._victims_of_opposed_act(verb, type_name) if not passive else []
        if sources and victims:
            # "they oppose any aggression against Venezuela": support for its target
            yield from self._emit(sources, victims, Cue(type="SUPPORT"), "SUPPORT", modality,
                                  prior - (INFERRED_PENALTY if s_inf else 0.0), verb)
            return
        if sources and not targets and type_name in _SHARED_OBJECT_TYPES and verb.dep_ == "conj":
            # "summoned the Norwegian ambassador and warned that ...": the warning is to the
            # one summoned
            dobj = direct_object(verb.head)
            if dobj is not None:
                targets, t_inf = self.index.phrase(dobj)
                targets = [t for t in targets if t not in sources]
        if sources and not targets and type_name == "REJECT":
            targets = self._speech_act_authors(verb, sources)
        if sources and not targets and type_name in _FALLBACK_TYPES and direct_object(verb) is None:
            targets, t_inf = self._fallback_targets(verb), True
            prior = FALLBACK_PRIOR
        if s_inf or t_inf:
            prior -= INFERRED_PENALTY
        if type_name == "MOBILIZE" and targets and set(targets) <= self._hosts(verb):
            # a deployment on a state's own soil is hosted by it: aid to the host
            cue, type_name = Cue(type="AID"), "AID"
        if (
            not targets
            and len(sources) >= 2
            and (lemma in self.lex.reciprocal or self._each_other(verb))
            and not self._pronoun_subject(verb)  # "they signed": whom "they" spans is a guess
        ):
            yield from self._reciprocal(sources, type_name, modality, prior, verb,
                                        self.polarity(cue, type_name, action))
            return
        yield from self._emit(sources, targets, cue, type_name, modality, prior, verb, action)

    def listing_relations(self, verb: Token) -> Iterator[Found]:
        """"Washington put Dodik on its sanctions list", "added the firms to the blacklist": a
        sanction on whoever is put on the list."""
        if verb.lemma_.lower() not in _LISTING_VERBS or verb.pos_ != "VERB" or negated_scope(verb):
            return
        listed = False
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "onto", "to"):
                for pobj in prep.children:
                    words = {pobj.lemma_.lower(), *(c.lemma_.lower() for c in pobj.children)}
                    if pobj.dep_ == "pobj" and (pobj.lemma_.lower() == "blacklist" or (
                        pobj.lemma_.lower() == "list" and words & {"sanction", "sanctions", "terrorist", "terror", "watch"}
                    )):
                        listed = True
        if not listed:
            return
        if self._is_passive(verb):
            sources, s_inf = self.agents(verb)
            subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
            targets, t_inf = self.index.phrase(subj[0]) if subj else ([], False)
        else:
            sources, s_inf = self.subjects(verb)
            dobj = direct_object(verb)
            targets, t_inf = self.index.phrase(dobj) if dobj is not None else ([], False)
        prior = PRIOR["phrase"] - (INFERRED_PENALTY if s_inf or t_inf else 0.0)
        yield from self._emit(sources, targets, Cue(type="SANCTION"), "SANCTION", modality_of(verb),
                              prior, verb)

    def guidance_relations(self, verb: Token) -> Iterator[Found]:
        """"Norway follows the line that Brussels and Washington draw", "Kyiv obeys the orders of
        Washington": whoever draws the line or gives the orders controls the follower; "trying
        to keep Syria weak and divided": coercion of the one kept so."""
        lemma = verb.lemma_.lower()
        if lemma not in _FOLLOW_LINE_VERBS and lemma not in _KEEP_VERBS:
            return  # (before reading negation, which costs more)
        if verb.pos_ != "VERB" or negated_scope(verb):
            return
        if lemma in _FOLLOW_LINE_VERBS:
            dobj = direct_object(verb)
            if dobj is None or dobj.lemma_.lower() not in _GUIDANCE_NOUNS:
                return
            guides, g_inf = self.index.modifiers_of(dobj)
            if not guides:
                guides, g_inf = self.prep_objects(dobj, ("of", "from"))
            for child in dobj.children:
                if not guides and child.dep_ == "relcl":
                    guides, g_inf = self.subjects(child)
            followers, f_inf = self.subjects(verb)
            prior = PRIOR["phrase"] - (INFERRED_PENALTY if g_inf or f_inf else 0.0)
            yield from self._emit(guides, followers, Cue(type="CONTROL"), "CONTROL", modality_of(verb),
                                  prior, verb)
        elif lemma in _KEEP_VERBS:
            dobj = direct_object(verb)
            states = [c for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp", "acomp")
                      and c.lemma_.lower() in _SUBDUED_STATES]
            if dobj is None or not states:
                return
            kept, k_inf = self.index.phrase(dobj)
            keepers, s_inf = self.subjects(verb)
            prior = PRIOR["verb"] - (INFERRED_PENALTY if k_inf or s_inf else 0.0)
            yield from self._emit(keepers, kept, Cue(type="COERCE"), "COERCE", modality_of(verb),
                                  prior, verb)

    def use_relations(self, verb: Token) -> Iterator[Found]:
        """"uses Côte d'Ivoire and Benin as rear bases against Burkina Faso": whatever is used,
        the user acts against Z (predicate nouns such as "tool" are read by predicate_relations)."""
        if verb.lemma_.lower() != "use" or verb.pos_ != "VERB" or self._is_passive(verb):
            return
        holders = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        aimed: list[str] = []
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for pobj in prep.children:
                        lemma = pobj.lemma_.lower()
                        if pobj.dep_ == "pobj" and lemma not in self.lex.predicates and lemma not in self.lex.nouns:
                            aimed.extend(self.prep_objects(pobj, ("against",))[0])
        if not aimed or negated(verb):
            return
        users, u_inf = self.subjects(verb)
        prior = PRIOR["verb"] - (INFERRED_PENALTY if u_inf else 0.0)
        yield from self._emit(users, aimed, Cue(type="ADVERSARY"), "ADVERSARY", modality_of(verb),
                              prior, verb)

    def _region_owner(self, verb: Token, sources: list[str]) -> list[str]:
        """"Cyprus has been divided since 1974, when Turkey invaded the north": a part of a
        country named by a compass word belongs to the one other state the sentence names."""
        dobj = direct_object(verb)
        if dobj is None or dobj.lemma_.lower() not in _COMPASS_PARTS:
            return []
        others: list[str] = []
        for token in verb.sent:
            for actor_id in self.index.by_token.get(token.i, []):
                if self.index.kinds.get(actor_id) == "country" and actor_id not in sources and actor_id not in others:
                    others.append(actor_id)
        return others if len(others) == 1 else []

    def _light_cue(self, verb: Token) -> Cue | None:
        if verb.lemma_.lower() not in _LIGHT_VERBS:
            return None
        dobj = direct_object(verb)
        if dobj is None:
            return None
        if dobj.lemma_.lower() in _QUANTITY_NOUNS:  # "carried out hundreds of air strikes"
            for prep in dobj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self.lex.nouns.get(_noun_key(pobj))
        return self.lex.nouns.get(_noun_key(dobj))

    def _victims_of_opposed_act(self, verb: Token, type_name: str) -> list[str]:
        """Y in "oppose/condemn/reject any aggression against Y": the target of a conflict
        noun that the verb stands against."""
        if type_name not in _OPPOSING_TYPES:
            return []
        dobj = direct_object(verb)
        if dobj is None:
            return []
        cue = self.lex.nouns.get(dobj.lemma_.lower())
        if cue is None or self.lex.polarity(cue.type) >= 0 or self.index.phrase(dobj)[0]:
            return []
        return self.prep_objects(dobj, cue.preps)[0]

    def _requested_act(self, verb: Token) -> bool:
        """The to-infinitive of a request with an addressee ("wants us to sanction Russia",
        "urged Kyiv to withdraw"): the request is the relation, not the act asked for."""
        while verb.dep_ == "conj" and verb.head.i != verb.i:  # "... to sanction X, to recognise Y"
            verb = verb.head
        if verb.dep_ not in ("xcomp", "ccomp", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            return False
        asker = verb.head
        cue = self.lex.verbs.get(asker.lemma_.lower())
        phrased = self._phrase_cue(asker)
        requesting = (cue is not None and cue.type == "REQUEST") or (
            phrased is not None and phrased[0].type == "REQUEST"
        )
        if not requesting:
            # "wants us to sanction Russia, to recognise Kosovo": a list of what is asked
            return asker.i != verb.i and asker.pos_ == "VERB" and self._requested_act(asker)
        has_addressee = direct_object(asker) is not None or (phrased is not None and phrased[1] is not None)
        return has_addressee or any(c.dep_ == "nsubj" for c in verb.children)

    @staticmethod
    def _pronoun_subject(verb: Token) -> bool:
        node = verb
        while not any(c.dep_ == "nsubj" for c in node.children) and node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        return any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in node.children)


    @staticmethod
    def _each_other(verb: Token) -> bool:
        """"fought each other", "talk to one another"."""
        for token in verb.subtree:
            if token.lower_ in ("other", "another") and token.i > 0 and token.nbor(-1).lower_ in ("each", "one"):
                return True
        return False

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

    def _recognised_as_part_of(self, verb: Token) -> list[str]:
        """Y in "recognised [the region] as part of Y"."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ("part", "territory"):
                        return self.prep_objects(pobj, ("of",))[0]
        return []

    def _speech_act_authors(self, verb: Token, rejectors: list[str]) -> list[str]:
        """Who made the accusation, claim or protest that ``verb`` rejects ("Ukraine rejected the
        accusations", "accusations that the Kremlin denies"): the source of the latest relation
        of a matching type aimed at the rejector in this or the few sentences before, else the
        latest quoted speaker there who is not the rejector."""
        noun = direct_object(verb)
        if noun is not None and noun.lower_ in ("that", "which") and verb.dep_ == "relcl":
            noun = verb.head
        if noun is None and verb.dep_ in ("relcl", "ccomp", "acl"):
            noun = verb.head  # "accusations that the Kremlin denies" (also when misparsed)
        if noun is None:
            return []
        kinds = self.lex.speech_acts.get(noun.lemma_.lower())
        if kinds is None:
            return []
        recent = [f for n, f in self.history if self.sentence - n <= _DISCOURSE_WINDOW]
        for found in reversed(recent):
            if found.target in rejectors and found.type in kinds and found.cue.i < verb.i:
                return [found.source]
        first = verb.sent.start
        for _ in range(_DISCOURSE_WINDOW):
            if first == 0:
                break
            first = verb.doc[first - 1].sent.start
        start = verb.doc[first].idx
        for quote in reversed(self.index.quote_spans):
            if quote.end <= verb.idx and quote.end > start and quote.speaker is not None:
                author = self.index.affiliation(quote.speaker)
                if author not in rejectors and not self.index.is_person(author):
                    return [author]
        return []

    # ---------------------------------------------------------------- nouns
    def noun_relations(self, noun: Token) -> Iterator[Found]:
        if noun.pos_ not in ("NOUN", "PROPN"):
            return
        cue = self.lex.nouns.get(_noun_key(noun))
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
        root = noun
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in _UNDO_VERBS:
            return  # "asked Trump to lift the tariffs and the sanctions": their end
        if not sources:
            for child in noun.children:  # "every tariff that Washington imposes"
                if child.dep_ == "relcl" and child.lemma_.lower() in _IMPOSING_VERBS:
                    subject = [c for c in child.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                    if subject:
                        sources, inferred = self.index.phrase(subject[0])
        base = noun
        while base.dep_ == "conj" and base.head.i != base.i:  # "wants open borders and trade with X"
            base = base.head
        if not sources and base.dep_ == "dobj" and base.head.lemma_.lower() not in _WITNESS_VERBS:
            sources, inferred = self.subjects(base.head)
        if (
            not sources
            and base.dep_ == "pobj"
            and base.head.lower_ in _INSTRUMENT_PREPS
            and base.head.head.pos_ == "VERB"
        ):
            # "answered with strikes on X", "uses gas prices as levers against X"
            sources, inferred = self.subjects(base.head.head)
        if (
            not sources
            and base.dep_ == "pobj"
            and base.head.lower_ in _PURPOSE_PREPS
            and base.head.head.pos_ == "VERB"
        ):
            # "preparing Moldova for a confrontation with Tiraspol": the object is the party
            dobj = direct_object(base.head.head)
            if dobj is not None:
                sources, inferred = self.index.phrase(dobj)
            elif base.head.head.lemma_.lower() in _READY_VERBS:
                # "the EU must prepare for a long confrontation with Russia"
                sources, inferred = self.subjects(base.head.head)
        if not sources:
            sources, inferred = self._between(noun, cue)
            if len(sources) >= 2:
                yield from self._reciprocal(sources, cue.type, "asserted",
                                            PRIOR["noun"] - (INFERRED_PENALTY if inferred else 0.0),
                                            noun, self.polarity(cue, cue.type))
            return
        if not sources:
            return
        targets, t_inf = self.prep_objects(noun, cue.preps)
        if not targets and base.i != noun.i:
            # "borders, railways and trade with X": the parser hangs a shared PP on the first conjunct
            targets, t_inf = self.prep_objects(base, cue.preps)
        if targets and set(targets) <= set(sources):
            # "Armenia's freeze of its participation in the CSTO": the possessive names the source
            # again; the target stands further down the chain
            targets, t_inf = self._deeper_objects(noun, cue.preps)
        if not targets and base.dep_ == "dobj" and cue.preps:
            # "approved a new sale of missiles to Taiwan": the parser hangs the PP on the verb
            targets, t_inf = self.prep_objects(base.head, cue.preps, exclude=sources)
        if not targets and cue.preps:
            for child in noun.children:  # "every tariff that Washington imposes on Brazil"
                if child.dep_ == "relcl" and child.pos_ == "VERB":
                    targets, t_inf = self.prep_objects(child, cue.preps, exclude=sources)
        if not targets and cue.type == "RETREAT":
            targets, t_inf = self._agreement_parties(noun, sources)  # "withdrawal from the deal with X"
        is_negated = (
            negated_scope(head) and head.lemma_.lower() not in _ASPECT_END
            if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and not governed
            else False
        )
        type_name = cue.type
        if is_negated:
            if cue.negated is None:
                return
            type_name = cue.negated
        prior = PRIOR["noun"] - (INFERRED_PENALTY if inferred or t_inf else 0.0)
        modality = modality_of(head) if head.pos_ in ("VERB", "AUX") else "asserted"
        if (
            base.dep_ == "dobj"
            and base.head.lemma_.lower() in _MENACE_VERBS
            and self.lex.polarity(type_name) < 0
        ):
            # "is rehearsing an attack on North Korea", "threatened a military intervention":
            # an act of force held out, not carried out
            cue, type_name = Cue(type="THREATEN"), "THREATEN"
        yield from self._emit(sources, targets, cue, type_name, modality, prior, noun)

    def _deeper_objects(self, noun: Token, preps: tuple[str, ...]) -> tuple[list[str], bool]:
        """Actors one prepositional step below the objects of ``noun``'s prepositions."""
        ids: list[str] = []
        inferred = False
        for prep in noun.children:
            if prep.dep_ != "prep" or (preps and prep.lower_ not in preps):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    more, more_inf = self.prep_objects(pobj, preps)
                    ids.extend(m for m in more if m not in ids)
                    inferred = inferred or more_inf
        return ids, inferred

    def _between(self, noun: Token, cue: Cue) -> tuple[list[str], bool]:
        """The parties of "a meeting between Armenian and French officials", "talks between Baku
        and Yerevan", for nouns of a mutual act (``reciprocal_nouns``)."""
        if noun.lemma_.lower() not in self.lex.reciprocal_nouns:
            return [], False
        return self.prep_objects(noun, ("between",))

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
            if child.dep_ in ("poss", "amod", "compound"):  # "with Turkish support"
                more, more_inf = self.index.modifier(child)
                others.extend(m for m in more if m not in others)
                o_inf = o_inf or more_inf
        if not others:
            others, o_inf = self.prep_objects(noun, cue.preps or ("of",))
        subjects, s_inf = self.subjects(verb)
        if not subjects:
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    subjects, s_inf = self.index.phrase(child)
        prior = PRIOR["noun"] - (INFERRED_PENALTY if s_inf or o_inf else 0.0)
        yield from self._emit(others, subjects, cue, cue.type, modality_of(verb), prior, noun, verb)

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

    def _own_other(self, noun: Token) -> list[str]:
        """The other party of a plural predicate given by a possessor or "of"/"to"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self.index.at(child)[0]
        return self.prep_objects(noun, ("of", "to"))[0]

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
        if noun.dep_ == "attr" and head.lemma_ in COPULAS:
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
        elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ in ("NOUN", "ADJ"):
            # "Moscow remained committed to its obligations as an ally of Armenia": the owner of
            # the role noun, else the subject of the clause it stands in
            owner = head.head
            possessors = [c for c in owner.children if c.dep_ == "poss"]
            if possessors:
                subject, s_inf = self.index.at(possessors[0])
            else:
                clause = owner
                while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                    clause = clause.head
                if clause.pos_ in ("VERB", "AUX") and clause.lemma_ not in _CONSIDER_VERBS:
                    verb = clause
                    subject, s_inf = self.subjects(clause)
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
        is_negated = negated(verb) if verb is not None else False
        modality = modality_of(verb) if verb is not None else "asserted"
        if is_negated:
            if cue.negated_consider and consider_subject:
                for source in consider_subject:
                    for target in subject:
                        if source != target:
                            yield Found(source, target, cue.negated_consider, modality,
                                        PRIOR["predicate"], noun,
                                        self.lex.polarity(cue.negated_consider))
            return
        if noun.tag_ == "NNS" and len(subject) >= 2 and not self._own_other(noun):
            # "Turkey and France are NATO allies": allies of each other (NATO is the frame)
            prior = PRIOR["predicate"] - (INFERRED_PENALTY if s_inf else 0.0)
            polarity = self.polarity(cue, cue.type)
            yield from self._reciprocal(subject, cue.type, modality, prior, noun, polarity)
            return
        other, o_inf = self._predicate_other(noun)
        if verb is not None and verb.lemma_ == "use" and not other:
            other = consider_subject  # "Y uses X as an instrument"
        prior = PRIOR["predicate"] - (INFERRED_PENALTY if s_inf or o_inf else 0.0)
        yield from self._emit(subject, other, cue, cue.type, modality, prior, noun)
        if cue.type == "CONTROL" and other:
            # "uses Yerevan as a tool against Russia": the user is the adversary of the one the
            # tool is aimed at
            aimed, a_inf = self.prep_objects(noun, ("against",))
            aimed = [a for a in aimed if a not in subject]
            if aimed:
                yield from self._emit(other if cue.reverse else subject, aimed, Cue(type="ADVERSARY"),
                                      "ADVERSARY", modality, prior - (INFERRED_PENALTY if a_inf else 0.0), noun)

    # ---------------------------------------------------------------- adjectives
    def adjective_relations(self, adj: Token) -> Iterator[Found]:
        if adj.pos_ != "ADJ" or adj.dep_ != "acomp":
            return
        cue = self.lex.adjectives.get(adj.lemma_.lower())
        if cue is None:
            return
        verb = adj.head
        if negated(verb) or negated(adj):
            return
        modality = modality_of(verb)
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

    def exercise_relations(self, verb: Token) -> Iterator[Found]:
        """"launched exercises around Taiwan", "held drills near the border with Belarus": a show
        of force toward the place's state (MOBILIZE); joint exercises of several forces ("American
        and Philippine troops held exercises", "exercises with Kazakhstan") are cooperation."""
        if verb.lemma_.lower() not in self.lex.exercise_verbs or verb.pos_ != "VERB":
            return
        drills = []
        for obj in verb.children:
            if obj.dep_ not in ("dobj", "nsubjpass"):
                continue
            if obj.lemma_.lower() in self.lex.exercise_nouns:
                drills.append(obj)
            for prep in obj.children:  # "launched two days of exercises around Taiwan"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    drills.extend(p for p in prep.children
                                  if p.dep_ == "pobj" and p.lemma_.lower() in self.lex.exercise_nouns)
        if not drills or negated_scope(verb):
            return
        sources, s_inf = (self.agents(verb) if self._is_passive(verb) else self.subjects(verb))
        if not sources:
            return
        modality = modality_of(verb)
        prior = PRIOR["phrase"] - (INFERRED_PENALTY if s_inf else 0.0)
        aimed: list[str] = []
        partners: list[str] = []
        hosts = self._hosts(verb) | self._hosts(drills[0])  # "on Moldovan territory": hosted
        for holder in (verb, drills[0]):
            more, _ = self.prep_objects(holder, tuple(self.lex.exercise_preps), exclude=sources)
            aimed.extend(m for m in more if m not in aimed and m not in sources and m not in hosts)
            more, _ = self.prep_objects(holder, ("with",), exclude=sources)
            partners.extend(m for m in more if m not in partners and m not in sources)
        if aimed:
            yield from self._emit(sources, aimed, Cue(type="MOBILIZE"), "MOBILIZE", modality, prior, verb)
        cooperate = Cue(type="COOPERATE")
        if partners:
            yield from self._emit(sources, partners, cooperate, "COOPERATE", modality, prior, verb)
        elif not aimed and not hosts and len(sources) >= 2:
            yield from self._reciprocal(sources, "COOPERATE", modality, prior, verb,
                                        self.lex.polarity("COOPERATE"))

    def mediation_relations(self, verb: Token) -> Iterator[Found]:
        """"restored relations with Tehran under a deal brokered by Beijing": the broker engages
        both parties of the clause the deal stands in (its subject and its "with" partners)."""
        if verb.lemma_.lower() not in _MEDIATION_VERBS or verb.dep_ != "acl":
            return
        brokers, b_inf = self.agents(verb)
        noun = verb.head
        if not brokers or noun.dep_ != "pobj" or noun.head.head.pos_ not in ("VERB", "AUX"):
            return
        clause = noun.head.head
        parties, p_inf = self.subjects(clause)
        holders = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        for holder in holders:
            more, more_inf = self.prep_objects(holder, ("with",))
            parties.extend(m for m in more if m not in parties)
            p_inf = p_inf or more_inf
        prior = PRIOR["passive"] - (INFERRED_PENALTY if b_inf or p_inf else 0.0)
        cue = Cue(type="CONSULT", polarity=1)
        yield from self._emit(brokers, parties, cue, "CONSULT", modality_of(clause), prior, verb)

    # ---------------------------------------------------------------- driver
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
            *lex.purchase_verbs, *lex.sale_verbs, *_MEDIATION_VERBS, *_LISTING_VERBS,
            *_LIGHT_VERBS, *_FOLLOW_LINE_VERBS, *_KEEP_VERBS, "use",
        })
        _TRIGGERS[id(lex)] = (lex, words)
        return words

    @staticmethod
    def _trigger_tokens(sdoc: Doc, triggers: frozenset[str]) -> set[int]:
        """The tokens of ``sdoc`` whose lemma (or hyphenated noun key) some pattern starts from."""
        at = set(np.flatnonzero(lemma_in(sdoc, triggers)).tolist())
        # a noun after a hyphen written without spaces ("build-up"): its key is the whole word
        for i in np.flatnonzero(sdoc.to_array(ORTH) == _HYPHEN).tolist():
            if i + 1 < len(sdoc) and i + 1 not in at and _noun_key(sdoc[i + 1]) in triggers:
                at.add(i + 1)
        return at

    def find(self, sent: SpacySpan) -> Iterator[Found]:
        self.sentence += 1
        found: list[Found] = []
        if self._triggers is None:
            self._triggers = self._trigger_words()
        if self._trigger_at is None or self._trigger_at[0] is not sent.doc:
            self._trigger_at = (sent.doc, self._trigger_tokens(sent.doc, self._triggers))
        triggers = self._trigger_at[1]
        tokens = list(sent)
        for token in tokens:
            if token.i not in triggers:
                continue
            for each in (
                *self.mediation_relations(token),
                *self.exercise_relations(token),
                *self.use_relations(token),
                *self.guidance_relations(token),
                *self.listing_relations(token),
                *self.verb_relations(token),
                *self.noun_relations(token),
                *self.circumstance_relations(token),
                *self.predicate_relations(token),
                *self.adjective_relations(token),
            ):
                found.append(each)
                self.history.append((self.sentence, each))
        found.extend(self.reported_accusations(found))
        found.extend(self.followers(tokens, found))
        found.extend(self.demands(tokens, found))
        yield from found

    def demands(self, tokens: list[Token], found: list[Found]) -> Iterator[Found]:
        """"Guo said the United States should stop arming Taiwan", “Russia must withdraw,” the
        minister said: whoever says that another actor should or must act asks it to (REQUEST,
        with the polarity of what is asked)."""
        verbs = {t.head.i: t.head for t in tokens if t.lower_ in _DEMAND_MODALS and t.dep_ == "aux"}
        for verb in verbs.values():
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _NOT_DEMANDED:
                continue
            if self._is_passive(verb) or negated(verb):
                continue
            subject = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subject or subject[0].lower_ in FIRST_PERSON:
                continue
            addressees, a_inf = self.index.phrase(subject[0])
            askers = self._sayers(verb)
            action = verb
            for child in verb.children:  # "should stop arming Taiwan": the act is "stop"
                if child.dep_ == "xcomp" and verb.lemma_.lower() not in self.lex.requested_actions:
                    action = child
            polarity = self.polarity(Cue(type="REQUEST"), "REQUEST", action)
            prior = PRIOR["verb"] - 0.1 - (INFERRED_PENALTY if a_inf else 0.0)
            done = {(f.source, f.target) for f in found if f.type == "REQUEST"}
            for asker in askers:
                for addressee in addressees:
                    if asker != addressee and (asker, addressee) not in done:
                        yield Found(asker, addressee, "REQUEST", "asserted", round(prior, 3), verb,
                                    polarity)

    def _sayers(self, verb: Token) -> list[str]:
        """Who says the clause of ``verb``: the subject of the reporting verb it depends on, else
        the speaker of the quote it stands in, as the state or body they speak for."""
        node = verb
        for _ in range(3):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in _SAYING_VERBS:
                ids, _ = self.subjects(node.head)
                return [self.index.affiliation(i) if self.index.is_person(i) else i for i in ids]
            if node.head.i == node.i:
                break
            node = node.head
        quote = self.index.quote_at(verb.idx)
        if quote is not None and quote.speaker is not None:
            return [self.index.affiliation(quote.speaker)]
        return []

    def followers(self, tokens: list[Token], found: list[Found]) -> Iterator[Found]:
        """"the EU has added new sanctions on Belarus, and Washington has followed": a joining
        verb without an object of its own repeats the act it is coordinated with, for its own
        subject."""
        for verb in tokens:
            if verb.lemma_.lower() not in _FOLLOW_VERBS or verb.dep_ != "conj" or direct_object(verb) is not None:
                continue
            followers, f_inf = self.subjects(verb)
            if not followers or negated(verb):
                continue
            for each in found:
                if each.cue.i == verb.head.i or each.cue.head.i == verb.head.i:
                    prior = each.confidence - (INFERRED_PENALTY if f_inf else 0.0) - 0.1
                    for follower in followers:
                        if follower not in (each.source, each.target):
                            yield Found(follower, each.target, each.type, modality_of(verb),
                                        round(prior, 3), verb, each.polarity)

    def reported_accusations(self, found: list[Found]) -> Iterator[Found]:
        """A state or body that says that another committed a hostile act accuses it ("Baku
        said that Armenian units had opened fire" -> Azerbaijan ACCUSE Armenia)."""
        seen: set[tuple[str, str]] = set()
        for each in found:
            if each.type not in _ACCUSABLE or each.modality != "asserted":
                continue
            node = each.cue
            for _ in range(5):
                if node.dep_ == "ccomp" and node.head.lemma_.lower() in _REPORT_VERBS:
                    break
                if node.head.i == node.i:
                    break
                node = node.head
            else:
                continue
            verb = node.head
            if node.dep_ != "ccomp" or verb.lemma_.lower() not in _REPORT_VERBS or negated(verb):
                continue
            sayers, inferred = self.subjects(verb)
            for sayer in sayers:
                if self.index.is_person(sayer) or sayer == each.source or (sayer, each.source) in seen:
                    continue
                seen.add((sayer, each.source))
                prior = PRIOR["verb"] - 0.1 - (INFERRED_PENALTY if inferred else 0.0)
                yield Found(sayer, each.source, "ACCUSE", "asserted", round(prior, 3), verb,
                            self.lex.polarity("ACCUSE"))
