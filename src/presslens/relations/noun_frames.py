"""Noun frames: event nouns whose modifiers or clause name the actor and whose prepositions name
the one acted on ("Russia's incursion into X", "strikes on X", "talks between Baku and
Yerevan"), and circumstance nouns ("at the request of Y", "on the orders of Y").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from presslens.lexicon import Cue, word_set
from presslens.model import Modality
from presslens.relations.frame_base import (
    INFERRED_PENALTY,
    LIGHT_VERBS,
    MUTUAL_TYPES,
    PRIOR,
    STOP_VERBS,
    THREAT_WORDS,
    Found,
    FrameBase,
    noun_key,
    stated_intent,
)
from presslens.syntax import (
    coordination_head,
    direct_object,
    is_to_infinitive,
    modality_of,
    negated_scope,
)

_ASPECT_END = word_set("relation_patterns", "aspect_end")
_WITNESS_VERBS = word_set("relation_patterns", "witness_verbs")
_INSTRUMENT_PREPS = word_set("relation_patterns", "instrument_preps")
_PURPOSE_PREPS = word_set("relation_patterns", "purpose_preps")
_MEETING_TIME_PREPS = word_set("relation_patterns", "meeting_time_preps")
_IMPOSING_VERBS = word_set("relation_patterns", "imposing_verbs")
_PREVENTING_VERBS = word_set("relation_patterns", "preventing_verbs")
_FUTURE_MODIFIERS = word_set("relation_patterns", "future_modifiers")
_HYPOTHETICAL_MODIFIERS = word_set("relation_patterns", "hypothetical_modifiers") | word_set(
    "relation_patterns", "distancing_modifiers")
_DENYING_MODIFIERS = word_set("relation_patterns", "denying_modifiers")
_MENACE_VERBS = word_set("relation_patterns", "menace_verbs")
_UNDO_VERBS = word_set("relation_patterns", "undo_verbs")
_DECISION_VERBS = word_set("relation_patterns", "decision_verbs")
_READY_VERBS = word_set("relation_patterns", "ready_verbs")
_READIED_PARTY_PREPS = tuple(sorted(word_set("relation_patterns", "readied_party_preps")))
_FORCE_TYPES = frozenset({"ASSAULT"})  # an act of force, which readying for holds out as a threat
_BETWEEN_PREPS = tuple(sorted(word_set("relation_patterns", "between_preps")))
_CIRCUMSTANCE_PREPS = word_set("relation_patterns", "circumstance_preps")
_FORCE_PREPS = word_set("relation_patterns", "force_preps")
_RECEIVING_VERBS = word_set("relation_patterns", "receiving_verbs")
_GIVER_PREPS = tuple(sorted(word_set("relation_patterns", "giver_preps")))
_CIRCUMSTANCE_AGENT_PREPS = tuple(sorted(word_set("relation_patterns", "circumstance_agent_preps")))


class NounFrames(FrameBase):
    """Relations stated by an event or circumstance noun."""

    def noun_relations(self, noun: Token) -> Iterator[Found]:
        if noun.pos_ not in ("NOUN", "PROPN"):
            return
        cue = self.lex.nouns.get(noun_key(noun))
        if cue is None:
            return
        head = noun.head
        received = self._received(noun, cue)  # "drew sharp criticism from Mexico"
        if received:
            yield from received
            return
        governed = noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.lex.verbs
        sources, inferred = self.noun_agent(noun)
        if governed and not sources:
            return  # "suspended all trade with X": the verb states the relation
        if noun.dep_ == "dobj" and head.lemma_.lower() in LIGHT_VERBS and (
            stated_intent(head) or stated_intent(head, THREAT_WORDS)
        ):
            # "is willing to reopen negotiations with X", "threatened to cut gas supplies to X":
            # the verb states the intent or the threat, not the act
            return
        root = coordination_head(noun)
        governing = root.head.lemma_.lower() if root.dep_ in ("dobj", "nsubjpass") else ""
        # an infinitive undoing is asked for or meant, unless it was decided ("decided to ease
        # the sanctions on X": done by the decision)
        meant = is_to_infinitive(root.head) and root.head.head.lemma_.lower() not in _DECISION_VERBS
        undoing = governing in _UNDO_VERBS
        refused = undoing and negated_scope(root.head)
        if undoing and meant and not refused:
            return  # "asked Trump to lift the tariffs and the sanctions": their end, asked for
        # a measure undone ("lifted its blockade of Oman", "eased restrictions on X") ends as
        # a stopped act does
        stopping = governing in STOP_VERBS or undoing
        if stopping and (sanction := self.stopped_help(cue)) is not None:
            cue = sanction  # "halted economic aid to Niger", "ended cooperation with X"
        elif refused:
            # "will not lift the ban on the LTTE", "refused to ease sanctions on Iran": a refusal
            # toward those the measure weighs on (PLOVER REJECT: refuse to ease sanctions)
            cue = Cue(type="RETREAT", preps=cue.preps, polarity=1, negated="REJECT")
        elif stopping and not meant:
            # "Seoul stopped the broadcasts aimed at the North", "halted its strikes on X": a
            # retreat (PLOVER: de-escalation carried out); asked or meant ("to end its pressure
            # on Taiwan") it still names the act, which goes on
            cue = Cue(type="RETREAT", preps=cue.preps, polarity=1)
        force = self._moved_force(noun) if cue.type == "MOBILIZE" else None
        if not sources and force is not None:
            sources, inferred = self.noun_agent(force)  # "the deployment of Russian troops"
        if not sources:
            for child in noun.children:  # "every tariff that Washington imposes"
                if child.dep_ == "relcl" and child.lemma_.lower() in _IMPOSING_VERBS:
                    subject = [c for c in child.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                    if subject:
                        sources, inferred = self.index.phrase(subject[0])
        base = root  # "wants open borders and trade with X": the list's place in the clause
        from_subjects = False  # the sources are the clause's subjects ("X and Y renewed talks")
        if (not sources and base.dep_ == "dobj"
                and base.head.lemma_.lower() not in _WITNESS_VERBS | _PREVENTING_VERBS):
            # (who prevents an act is not its doer: "a campaign to prevent the deportation of X")
            sources, inferred = self.subjects(base.head)
            from_subjects = True
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
            and cue.type == "CONSULT"
            and base.dep_ == "pobj"
            and base.head.lower_ in _MEETING_TIME_PREPS
            and base.head.head.pos_ in ("VERB", "AUX")
            and self.prep_objects(noun, cue.preps)[0]
        ):
            # "Abdelatty said after talks with Burhan": the speaker took part in the talks (a
            # meeting "between" others names its own sides)
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
                yield from self._reciprocal(sources, cue.type, _modified_modality(noun, "asserted"),
                                            PRIOR["noun"] - (INFERRED_PENALTY if inferred else 0.0),
                                            noun, self.polarity(cue, cue.type))
            return
        if not sources:
            return
        targets, t_inf = self.prep_objects(noun, cue.preps)
        # readied for by the sources ("preparing for war with Belarus and Russia")
        readied = (
            base.dep_ == "pobj"
            and base.head.lower_ in _PURPOSE_PREPS
            and base.head.head.lemma_.lower() in _READY_VERBS
        )
        if not targets and readied and cue.type in _FORCE_TYPES:
            # a war one side readies for "with" the other is aimed at it
            targets, t_inf = self.prep_objects(noun, _READIED_PARTY_PREPS)
        if not targets and cue.type == "SANCTION":
            # "a suspension of air links with Russia", "a ban on exports to Russia": the party
            # stands one phrase further down
            targets, t_inf = self._deeper_objects(noun, cue.preps)
            targets = [t for t in targets if t not in sources]
        if not targets and force is not None:
            targets, t_inf = self.prep_objects(force, cue.preps, exclude=sources)
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
            # "every tariff that Washington imposes on Brazil", "the sanctions imposed on Libya"
            for child in noun.children:
                if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB":
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
        if noun.dep_ == "dobj" and head.lemma_.lower() in _PREVENTING_VERBS:
            modality = "hypothetical"  # "to prevent a US attack on X": feared, not done
        modality = _modified_modality(noun, modality)
        if not targets and len(sources) >= 2 and type_name in MUTUAL_TYPES and from_subjects and not inferred:
            # "India and China renewed negotiations", "France and Morocco restored cooperation"
            yield from self._reciprocal(sources, type_name, modality, prior, noun,
                                        self.polarity(cue, type_name))
            return
        if (
            base.dep_ == "dobj"
            and base.head.lemma_.lower() in _MENACE_VERBS
            and self.lex.polarity(type_name) < 0
        ):
            # "is rehearsing an attack on North Korea", "threatened a military intervention":
            # an act of force held out, not carried out
            cue, type_name = Cue(type="THREATEN"), "THREATEN"
        elif readied and type_name in _FORCE_TYPES:
            # "Warsaw is preparing for war against Belarus": force readied, not used
            cue, type_name = Cue(type="THREATEN"), "THREATEN"
        yield from self._emit(sources, targets, cue, type_name, modality, prior, noun)

    def _received(self, noun: Token, cue: Cue) -> list[Found]:
        """An act received from someone ("Trump drew sharp criticism from Mexico", "Ukraine
        received support from Poland", "Hungary faced condemnation from the EU"): the one after
        "from" does it to the subject of the verb whose object the noun is; empty where the
        noun is no such object or no one stands after "from"."""
        base = coordination_head(noun)
        verb = base.head
        if base.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVING_VERBS or negated_scope(verb):
            return []
        givers, g_inf = self.prep_objects(noun, _GIVER_PREPS)
        if not givers:
            givers, g_inf = self.prep_objects(verb, _GIVER_PREPS)
        receivers, r_inf = self.subjects(verb)
        receivers = [r for r in receivers if r not in givers]
        if not givers or not receivers:
            return []
        prior = PRIOR["noun"] - (INFERRED_PENALTY if g_inf or r_inf else 0.0)
        return list(self._emit(givers, receivers, cue, cue.type, modality_of(verb), prior, noun))

    def _moved_force(self, noun: Token) -> Token | None:
        """The forces a deployment noun names ("the deployment of a German brigade in
        Lithuania", "a build-up of Russian troops near X"): their owner moves them, and the
        parser often hangs the place on them."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in _FORCE_PREPS:
                for force in prep.children:
                    if force.dep_ == "pobj" and force.lemma_.lower() in self.lex.military_nouns | self.lex.arms:
                        return force
        return None

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
        return self.prep_objects(noun, _BETWEEN_PREPS)

    def circumstance_relations(self, noun: Token) -> Iterator[Found]:
        """"X came at the request of Y", "acts on the orders of Y": Y acts on X."""
        cue = self.lex.circumstance_nouns.get(noun.lemma_.lower())
        if cue is None or noun.dep_ != "pobj" or noun.head.lower_ not in _CIRCUMSTANCE_PREPS:
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
            others, o_inf = self.prep_objects(noun, cue.preps or _CIRCUMSTANCE_AGENT_PREPS)
        subjects, s_inf = self.subjects(verb)
        if not subjects:
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    subjects, s_inf = self.index.phrase(child)
        prior = PRIOR["noun"] - (INFERRED_PENALTY if s_inf or o_inf else 0.0)
        yield from self._emit(others, subjects, cue, cue.type, modality_of(verb), prior, noun, verb)


def _modified_modality(noun: Token, modality: Modality) -> Modality:
    """The modality an adjective of the event noun sets: "a planned meeting" is future, "a
    possible attack" and "the alleged hack" hypothetical, "the non-existent hack" negated; else
    ``modality``."""
    for child in noun.children:
        if child.dep_ == "amod":
            # the hyphenated whole ("so-called", "non-existent") and the last word alone
            # ("long-planned" is planned)
            words = {_hyphenated(child), child.lower_}
            if words & _DENYING_MODIFIERS:
                return "negated"
            if words & _HYPOTHETICAL_MODIFIERS:
                return "hypothetical"
            if words & _FUTURE_MODIFIERS and modality == "asserted":
                return "future"
    return modality


def _hyphenated(word: Token) -> str:
    """The word with the part before its hyphen when the parser split them ("so - called",
    "non - existent"), in lower case; else the word."""
    doc = word.doc
    if word.i >= 2 and doc[word.i - 1].text == "-":
        before = doc[word.i - 2]
        if before.head.i in (word.i, word.head.i):
            return f"{before.lower_}-{word.lower_}"
    return word.lower_
