"""Verb frames: a cue verb or multiword phrase whose subject acts on its object
("Moldova is steered by Brussels", "takes orders from", "calls on"), with the readings that
decide whether the verb states a relation at all (requested acts, opposed acts, reciprocity).

Kept apart from the noun and predicate frames because ``verb_relations`` and its helpers are the
largest family on their own.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from presslens.lexicon import Cue, word_set
from presslens.relations.frame_base import (
    FALLBACK_PRIOR,
    INFERRED_PENALTY,
    LIGHT_VERBS,
    PRIOR,
    THREAT_WORDS,
    Found,
    FrameBase,
    noun_key,
    stated_intent,
)
from presslens.syntax import direct_object, infinitive, modality_of, negated_scope

_FALLBACK_TYPES = frozenset({"AID", "SUPPORT"})
_DISCOURSE_WINDOW = 4
# Speech acts whose addressee a coordinated verb shares ("summoned X and warned that ...")
_SHARED_OBJECT_TYPES = frozenset({"THREATEN", "ACCUSE", "PROTEST", "REQUEST"})
_COMPASS_PARTS = word_set("relation_patterns", "compass_parts")
_QUANTITY_NOUNS = word_set("relation_patterns", "quantity_nouns")
STOP_VERBS = word_set("relation_patterns", "stop_verbs")
MUTUAL_TYPES = word_set("relation_patterns", "mutual_types")
_EXPELLING_VERBS = word_set("relation_patterns", "expelling_verbs")
_ENVOY_NOUNS = word_set("relation_patterns", "envoy_nouns")
RECALLING_VERBS = word_set("relation_patterns", "recalling_verbs")
# Standing against an act: "condemn/oppose/reject the attack on X" sides with X
_OPPOSING_TYPES = frozenset({"ADVERSARY", "ACCUSE", "REJECT", "PROTEST"})
_RECIPIENT_PREPS = tuple(sorted(word_set("relation_patterns", "recipient_preps")))
_INFORMATION_NOUNS = word_set("relation_patterns", "information_nouns")
_LOCATION_PREPS = word_set("relation_patterns", "location_preps")


class VerbFrames(FrameBase):
    """Relations stated by a verb (or a phrase built on one) between its arguments."""

    def _phrase_cue(self, verb: Token) -> tuple[Cue, Token | None, bool] | None:
        """A multiword cue on this verb: (cue, the preposition holding the other actor or None
        for a particle, whether it was matched)."""
        # the longer phrase first: "pull out of X" before "pull out"
        for phrase in sorted(self.lex.phrases_by_verb.get(verb.lemma_.lower(), ()), key=lambda p: p.obj is None):
            anchor = verb
            if phrase.obj is not None:
                # ("said no to X": the parser makes "no" an interjection); the middle word may
                # be a particle instead ("cracked down on X", "lashed out at X")
                objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "intj")
                        and c.lemma_.lower() == phrase.obj]
                objs = objs or [c for c in verb.children if c.dep_ in ("prt", "advmod", "prep")
                                and c.lower_ == phrase.obj and c.i > verb.i]
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
        light_noun = False  # the cue is the event noun the verb takes ("lodged a protest with X")
        military = lemma in self.lex.military_verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.lex.military_nouns
            for c in verb.children
        )
        recalled = lemma in RECALLING_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _ENVOY_NOUNS for c in verb.children
        )
        if recalled:
            # "recalled its ambassador from Budapest": a protest against the state left
            cue, prep, kind = Cue(type="PROTEST"), None, "verb"
        elif military:
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
            light_noun = True
        elif lemma in self.lex.verbs:
            cue, prep, kind = self.lex.verbs[lemma], None, "verb"
        else:
            return
        if lemma in _EXPELLING_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _ENVOY_NOUNS for c in verb.children
        ):
            cue = Cue(type="SANCTION")  # "expelled three Belarusian diplomats": a break with Belarus
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
        victims = self._victims_of_opposed_act(verb, type_name) if not (passive or light_noun) else []
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
            and (lemma in self.lex.reciprocal or self._each_other(verb)
                 or (kind == "verb" and type_name in MUTUAL_TYPES and direct_object(verb) is not None
                     and lemma in LIGHT_VERBS))
            and not self._pronoun_subject(verb)  # "they signed": whom "they" spans is a guess
        ):
            yield from self._reciprocal(sources, type_name, modality, prior, verb,
                                        self.polarity(cue, type_name, action))
            return
        yield from self._emit(sources, targets, cue, type_name, modality, prior, verb, action)

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
        if verb.lemma_.lower() not in LIGHT_VERBS:
            return None
        dobj = direct_object(verb)
        if dobj is None:
            return None
        if dobj.lemma_.lower() in _QUANTITY_NOUNS:  # "carried out hundreds of air strikes"
            for prep in dobj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self.lex.nouns.get(noun_key(pobj))
        cue = self.lex.nouns.get(noun_key(dobj))
        if cue is None:
            # "announced a new military aid package for Taiwan": the event noun modifies the object
            for child in dobj.children:
                if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i == dobj.i - 1:
                    cue = self.lex.nouns.get(noun_key(child))
        if cue is not None and verb.lemma_.lower() in STOP_VERBS:
            # "halted economic aid to Niger": stopping help or engagement is a sanction; stopping
            # a hostile act ("halted the strikes") states nothing here
            if self.lex.polarity(cue.type) < 0 or cue.type in ("SANCTION", "THREATEN"):
                return None
            return Cue(type="SANCTION", preps=cue.preps)
        return cue

    def _intended(self, verb: Token, type_name: str) -> str | None:
        """The type an act takes when the clause only states the will to do it ("X is ready to
        send engineers to Y", "offered to mediate", "vowed to strike"): AGREE, or THREATEN for a
        hostile act; None when ``verb`` is not the complement of a word of intent."""
        if stated_intent(verb, THREAT_WORDS):
            return "THREATEN"
        if not stated_intent(verb):
            return None
        if self.lex.polarity(type_name) < 0 and type_name not in ("REJECT", "PROTEST", "ACCUSE"):
            return "THREATEN"
        return "AGREE"

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
