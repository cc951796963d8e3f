"""Verb frames: a cue verb or multiword phrase whose subject acts on its object
("Moldova is steered by Brussels", "takes orders from", "calls on"): which arguments stand for
the two sides, in active and passive clauses. The readings that decide what the cue states at
all (phrases, light verbs, intent, requested and opposed acts, reciprocity) are in
``verb_readings``.

Kept apart from the noun and predicate frames because ``verb_relations`` is the largest frame
on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from presslens.lexicon import Cue, word_set
from presslens.relations.frame_base import (
    FALLBACK_PRIOR,
    INFERRED_PENALTY,
    LIGHT_VERBS,
    MUTUAL_TYPES,
    PRIOR,
    Found,
    takes_object,
)
from presslens.relations.verb_objects import (
    RELATIVE_TAGS,
    asks_a_question,
    each_other,
    gives_something,
    lone_predicate,
    names_its_object,
    pronoun_subject,
)
from presslens.relations.verb_readings import (
    QUANTITY_NOUNS,
    RECIPIENT_PREPS,
    VerbReadings,
    counted_noun,
)
from presslens.syntax import direct_object, infinitive, modality_of, negated_scope
from presslens.syntax.arguments import Actors
from presslens.syntax.misparse import acts_as_verb

_FALLBACK_TYPES = frozenset({"AID", "SUPPORT"})
# Speech acts whose addressee a coordinated verb shares ("summoned X and warned that ...")
_SHARED_OBJECT_TYPES = frozenset({"THREATEN", "ACCUSE", "PROTEST", "REQUEST"})
_EXPELLING_VERBS = word_set("relation_patterns", "expelling_verbs")
_ENVOY_NOUNS = word_set("relation_patterns", "envoy_nouns")
RECALLING_VERBS = word_set("relation_patterns", "recalling_verbs")
_INFORMATION_NOUNS = word_set("relation_patterns", "information_nouns")
_QUESTION_VERBS = word_set("relation_patterns", "question_verbs")
_QUESTION_PREPS = word_set("relation_patterns", "question_preps")
_DISMISSING_VERBS = word_set("relation_patterns", "dismissing_verbs")
_LOCATION_PREPS = word_set("relation_patterns", "location_preps")
_CONSIDER_VERBS = word_set("relation_patterns", "consider_verbs")
_PROMISING_VERBS = word_set("relation_patterns", "promising_verbs")
_RECOGNISING_VERBS = word_set("relation_patterns", "recognising_verbs")  # "recognised X as part of Y"
_CEDED = word_set("relation_patterns", "ceded_nouns") | word_set("relation_patterns", "compass_parts")


class VerbFrames(VerbReadings):
    """Relations stated by a verb (or a phrase built on one) between its arguments."""

    def _cue_polarity(self, verb: Token) -> int:
        """The polarity of the type of the verb's own cue; 0 where it is no cue."""
        cue = self.lex.verbs.get(verb.lemma_.lower())
        return 0 if cue is None else self.lex.polarity(cue.type)

    def _backs(self, verb: Token) -> bool:
        """Whether the verb's own cue is a cooperative act ("endorsed", "praised")."""
        return self._cue_polarity(verb) > 0

    def _patients_themselves(self, verb: Token, passive: bool) -> set[str]:
        """The actors that are themselves what the verb acts on (its object, or the subject of
        its passive) or name its people ("two Ukrainian soldiers"), not owners or names inside
        that phrase ("the ministry's records", "the Lang report")."""
        if passive:
            patients = [verb.head] if verb.dep_ == "acl" else [
                c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
        else:
            patients = [c for c in verb.children if c.dep_ == "dobj"]
            if not patients and (named := lone_predicate(verb)) is not None:
                patients = [named]
        found: set[str] = set()
        for patient in patients:
            if patient.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                patient = verb.head  # "the bloggers, who were banned by the minister": the bloggers
            if patient.lemma_.lower() in QUANTITY_NOUNS or patient.pos_ == "NUM":
                # "thousands of Russian pensioners", "two of the largest Russian companies"
                patient = counted_noun(patient) or patient
            for token in (patient, *patient.conjuncts):
                found.update(self.index.at(token)[0])
                for child in token.children:
                    # its people's demonym, or a name set beside it ("the president of Peru, Tom
                    # Baker"), or a state's name before it ("freed a US aid worker")
                    if (child.dep_ == "amod" and self.index.is_demonym_token(child.i)) or child.dep_ == "appos":
                        found.update(self.index.at(child)[0])
                    elif child.dep_ == "compound":
                        found.update(a for a in self.index.at(child)[0]
                                     if self.index.kinds.get(a) == "country")
        return found

    def _hostile(self, verb: Token) -> bool:
        """Whether the verb does harm to its object: a cue of a negative type, or a dismissal."""
        return verb.lemma_.lower() in _DISMISSING_VERBS or self._cue_polarity(verb) < 0

    def _addressee(self, verb: Token) -> Actors:
        """Who is asked: the direct object or the dative ("the heads of the CIA": through the
        object's own prepositions), never the topic of the question."""
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child.pos_ != "ADP":
                found = self.index.phrase(child)
                return found if found[0] else self.prep_objects(child, skip=_QUESTION_PREPS)
        return [], False

    def verb_relations(self, verb: Token) -> Iterator[Found]:
        if not acts_as_verb(verb) or verb.dep_ == "amod":
            return
        lemma = verb.lemma_.lower()
        phrased = self._phrase_cue(verb)
        kind = "phrase"
        light_noun = False  # the cue is the event noun the verb takes ("lodged a protest with X")
        military = lemma in self.lex.military_verbs and takes_object(verb, self.lex.military_nouns)
        pressed_for = self._pressed_for(verb)  # "pressed Congress for new funding"
        if lemma in RECALLING_VERBS and takes_object(verb, _ENVOY_NOUNS):
            # "recalled its ambassador from Budapest": a protest against the state left
            cue, prep, kind = Cue(type="PROTEST"), None, "verb"
        elif military:
            # peacekeepers, or troops sent to a peacekeeping mission ("deploying 200 troops to the
            # UN peacekeeping force in Lebanon")
            helpers = takes_object(verb, self.lex.helping_forces) or any(
                t.lemma_.lower() in self.lex.helping_missions
                for prep in verb.children if prep.dep_ == "prep" for t in prep.subtree)
            hosted = lemma in self.lex.basing_verbs  # "stationing a brigade in Lithuania"
            cue, prep, kind = Cue(type="AID" if helpers or hosted else "MOBILIZE"), None, "verb"
        elif phrased is not None and not pressed_for:  # "pushed X for": not "push for"
            cue, prep, _ = phrased
        elif (light := self._light_cue(verb)) is not None:
            # "offered Riga talks", "proposed negotiations to Baku": the noun states the act
            cue, prep, kind = light, None, "verb"
            light_noun = True
        elif (people_cue := self._cue_of_people_taken(verb) or self._cue_of_goods_received(verb)) is not None:
            cue, prep, kind = people_cue, None, "verb"  # "accepted 1,141 Iraqi refugees"
        elif lemma in self.lex.verbs:
            if lemma in _CONSIDER_VERBS and names_its_object(verb):
                return  # "called Lavrov a liar": what he is called, read as regard, no call
            cue, prep, kind = self.lex.verbs[lemma], None, "verb"
            if cue.direct and any(c.dep_ == "prt" for c in verb.children):
                return  # a particle makes another verb: "called up the militia", "left behind"
        else:
            return
        if lemma in _EXPELLING_VERBS and takes_object(verb, _ENVOY_NOUNS):
            # "expelled three Belarusian diplomats": a break with Belarus (passive: "were expelled
            # from Poland", Poland expels)
            cue = Cue(type="SANCTION", agentless_source=cue.agentless_source)
        if lemma in self.lex.purchase_verbs and takes_object(verb, self.lex.arms):
            cue = Cue(type="AID", reverse=True)  # "bought Russian weapons": Russia arms the buyer
        goods = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if verb.dep_ in ("relcl", "acl"):
            goods.append(verb.head)  # "every weapon the United States sells to the island"
        if lemma in self.lex.sale_verbs and not any(c.lemma_.lower() in self.lex.arms for c in goods):
            cue = Cue(type="COOPERATE")  # "sold its brandy in Russia", "we sell to China": trade
        # (land that stands for an actor, "provide the island with arms", is who receives)
        ceded = cue.type == "AID" and not military and any(
            c.lemma_.lower() in _CEDED and not self.index.phrase(c)[0] for c in goods)
        if ceded:
            cue = Cue(type="CONCEDE", preps=cue.preps)  # "is handing the south of Armenia to X"
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
        if light_noun and modality == "asserted" and lemma in _PROMISING_VERBS:
            modality = "future"  # "promised aid to Somalia": the aid is to come
        action = infinitive(verb)
        if cue.infinitive and action is None and not pressed_for:
            return  # "expects X to ...", not "expects growth"
        if type_name == "REJECT" and action is not None and self._hostile(action):
            return  # "refused to fire the aide": sparing someone is no rejection of them
        intended = self._intended(verb, type_name)
        if intended is not None:
            # the intent is for later; a threat is made now, as its own verb says
            cue, type_name = Cue(type=intended), intended
            modality = modality_of(verb.head) if intended == "THREATEN" else "future"
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
                    targets, t_inf = self.prep_objects(verb, RECIPIENT_PREPS)
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
            elif not sources and type_name == "AID" and subj and not informing:
                # "Turkish drones are still being supplied to Kyiv": whose the goods are supplies
                # them, to whom they go
                sources, s_inf = self.index.modifiers_of(subj[0])
                if sources:
                    targets, t_inf = self.prep_objects(verb, RECIPIENT_PREPS)
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
                dobj = direct_object(verb) or lone_predicate(verb)
                targets, t_inf = self.index.phrase(dobj) if dobj is not None else ([], False)
            else:
                targets, t_inf = [], False
                # (a verb of giving read otherwise, "sent 200 troops in Syria", moves forces)
                giving = lemma in self.lex.goods_object_verbs and cue is self.lex.verbs.get(lemma)
                if type_name == "AID" or lemma in self.lex.sale_verbs or giving or ceded:
                    # "sells howitzers to Armenia", "sold surplus US ammunition to a dealer": the
                    # buyer or recipient, not the goods or their maker, is the target;
                    # "has given the United States access": the dative is the recipient
                    for child in verb.children:
                        if child.dep_ == "dative" and child.pos_ != "ADP":
                            targets, t_inf = self.index.phrase(child)
                    if not targets:
                        targets, t_inf = self.prep_objects(verb, RECIPIENT_PREPS)
                # (what is sent or returned is no recipient: only a dative or a recipient
                # preposition names one; with nothing given, "returned to Moscow" is a journey)
                if giving and not targets:
                    targets, t_inf = self._misread_recipient(verb)
                if lemma in self.lex.object_required_verbs and not gives_something(verb):
                    targets, t_inf = [], False
                if not targets and not informing and not giving:
                    # (a place after "in" is where aid is given, not who receives it)
                    targets, t_inf = self.objects(verb, skip=_LOCATION_PREPS if type_name == "AID" else frozenset())
                    if not targets and type_name == "AID":
                        targets, t_inf = self._misread_recipient(verb)
                if not targets and type_name == "AID" and not informing:
                    targets = self._aided_place(verb, sources)  # "gave 35 million to rebuild schools in X"
                if military and targets:
                    # whose forces are moved ("units of the Guard") is on the mover's side
                    own = self._force_owners(verb)
                    if own & set(targets):
                        targets, t_inf = self.prep_objects(verb, exclude=[*sources, *own])
            if lemma in _RECOGNISING_VERBS:
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
        if cue.object_itself:
            # "released the hostages", not "released the ministry's records" or "the Lang report"
            themselves = self._patients_themselves(verb, passive)
            targets = [t for t in targets if t in themselves]
        if sources and not targets and type_name == "RETREAT" and not cue.object_itself:
            targets, t_inf = self._agreement_parties(verb, sources)  # "left the pact with Tehran"
        if informing:
            if passive or not targets:
                return
            cue, type_name = Cue(type="CONSULT"), "CONSULT"
        if type_name == "REQUEST" and lemma in _QUESTION_VERBS and asks_a_question(verb):
            if passive:
                return  # "Asked about the envoy's claim, the minister said": the one asked speaks
            targets, t_inf = self._addressee(verb)
            cue, type_name = Cue(type="CONSULT"), "CONSULT"
        if sources and not targets and not passive:
            # "Turkey invaded the north", "killed 75 people in eastern Syria"
            targets = self._region_owner(verb, sources) or self._located_victims(verb, sources, type_name)
        victims = self._victims_of_opposed_act(verb, type_name) if not (passive or light_noun) else []
        if sources and victims:
            # "they oppose any aggression against Venezuela": support for its target
            yield from self._emit(sources, victims, Cue(type="SUPPORT"), "SUPPORT", modality,
                                  prior - (INFERRED_PENALTY if s_inf else 0.0), verb)
            return
        if (
            sources and not targets and type_name in _SHARED_OBJECT_TYPES and verb.dep_ == "conj"
            and not self._backs(verb.head)
        ):
            # "summoned the Norwegian ambassador and warned that ...": the warning is to the
            # one summoned (not to one just praised: "endorsed Clinton and warned that Trump ...")
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
            and (lemma in self.lex.reciprocal or each_other(verb)
                 or (kind == "verb" and type_name in MUTUAL_TYPES and direct_object(verb) is not None
                     and lemma in LIGHT_VERBS))
            and not pronoun_subject(verb)  # "they signed": whom "they" spans is a guess
        ):
            yield from self._reciprocal(sources, type_name, modality, prior, verb,
                                        self.polarity(cue, type_name, action))
            return
        yield from self._emit(sources, targets, cue, type_name, modality, prior, verb, action)

