"""The readings of a verb frame that decide what a cue states before its arguments are read:
multiword phrases, an event noun after a light verb, stated intent and threats, requested and
opposed acts, reciprocity, and the author of a rejected speech act (``VerbReadings``, the base of
``verb_frames.VerbFrames``); and the other side where the arguments name none: a recipient the
parser hung on the goods, the state where victims are, the state a purpose of help lies in.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from presslens.lexicon import Cue, word_set
from presslens.relations.frame_base import (
    LIGHT_VERBS,
    STOP_VERBS,
    THREAT_WORDS,
    UNARMED_KINDS,
    FrameBase,
    noun_key,
    stated_intent,
    takes_object,
)
from presslens.syntax import (
    coordination_head,
    direct_object,
    heads,
    infinitive,
    is_to_infinitive,
    phrase_tokens,
)
from presslens.syntax.arguments import Actors
from presslens.syntax.modality import bare_clause

_DISCOURSE_WINDOW = 4
_COMPASS_PARTS = word_set("relation_patterns", "compass_parts")
QUANTITY_NOUNS = word_set("relation_patterns", "quantity_nouns")
_QUANTITY_PREPS = word_set("relation_patterns", "quantity_preps")  # "hundreds of strikes"
# "fought each other", "talk to one another"
# "recognised the region as part of Y"
_RECOGNISED_AS_PREPS = word_set("relation_patterns", "recognised_as_preps")
_PART_NOUNS = word_set("relation_patterns", "part_nouns")
_PART_OF_PREPS = tuple(sorted(word_set("relation_patterns", "part_of_preps")))
# "accusations that the Kremlin denies"
_SPEECH_ACT_RELATIVES = word_set("relation_patterns", "speech_act_relatives")
# Standing against an act: "condemn/oppose/reject the attack on X" sides with X
_OPPOSING_TYPES = frozenset({"ADVERSARY", "ACCUSE", "REJECT", "PROTEST"})
# Acts of force whose victims may be named by where they are ("killed 75 people in Syria")
_LOCATED_TYPES = frozenset({"ASSAULT", "COERCE"})
_VICTIM_LOCATION_PREPS = word_set("relation_patterns", "victim_location_preps")
_AID_PURPOSE_PREPS = word_set("relation_patterns", "aid_purpose_preps")
RECIPIENT_PREPS = tuple(sorted(word_set("relation_patterns", "recipient_preps")))
_DEEP_RECIPIENT_PREPS = tuple(sorted(word_set("relation_patterns", "deep_recipient_preps")))
SHELTERING_VERBS = word_set("relation_patterns", "sheltering_verbs")  # "accepted Syrian refugees"
_REFUGEE_NOUNS = word_set("relation_patterns", "refugee_nouns")
_GOODS_RECEIVING_VERBS = word_set("relation_patterns", "goods_receiving_verbs")
_TRADED_GOODS = word_set("relation_patterns", "traded_goods")
SHIELDING_VERBS = word_set("relation_patterns", "shielding_verbs")  # "used civilians as human shields"
_SHIELDING_PREPS = word_set("relation_patterns", "shielding_preps")
_SHIELD_NOUNS = word_set("relation_patterns", "shield_nouns")
ADMITTING_VERBS = word_set("relation_patterns", "admitting_verbs")  # "allowed inspectors into"
_ADMISSION_PREPS = word_set("relation_patterns", "admission_preps")
_ADMITTED_ACTS = word_set("relation_patterns", "admitted_acts")
_PRESSING_VERBS = word_set("relation_patterns", "pressing_verbs")  # "pressed X for Y"
_PRESSED_FOR_PREPS = word_set("relation_patterns", "pressed_for_preps")
_EVENT_OF_PREPS = word_set("relation_patterns", "event_of_preps")  # "a note of protest"
_CARRIER_NOUNS = word_set("relation_patterns", "carrier_nouns")
# whose forces they are: "units of the Guard", "Wagner fighters", "Russia's troops"
_OWNER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
_GENITIVE_PREPS = word_set("places", "genitive_preps")


def counted_noun(quantity: Token) -> Token | None:
    """What a quantity counts: "strikes" in "hundreds of strikes", "companies" in "two of the
    largest companies"; None without such an object."""
    return heads.counted_noun(quantity, _QUANTITY_PREPS)


def counted_or_itself(noun: Token) -> Token:
    """What a quantity word counts ("thousands of North Korean soldiers", "hundreds of air
    strikes"), else the noun itself."""
    if noun.lemma_.lower() in QUANTITY_NOUNS and (counted := counted_noun(noun)) is not None:
        return counted
    return noun


class VerbReadings(FrameBase):
    """What a verb's cue reads as, apart from where its arguments stand."""

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
                    if child.lower_ == phrase.last and child.dep_ in ("prep", "dative") and not (
                            _names_a_time(child)):
                        return phrase.cue, child, True  # ("called Lavrov on Tuesday": no call on)
        return None

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

    def _pressed_for(self, verb: Token) -> bool:
        """"pressed Congress for new funding", "pushed Iraq for a constitution": a verb of
        pressing whose object names an actor (not "pushed the Polish proposal aside for a year")
        and a "for" of what is wanted asks that actor for it, as its to-infinitive would
        ("pressed Baku to reopen the road")."""
        if verb.lemma_.lower() not in _PRESSING_VERBS:
            return False
        pressed = direct_object(verb)
        if pressed is None or not self.index.at(pressed)[0]:
            return False
        return any(c.dep_ == "prep" and c.lower_ in _PRESSED_FOR_PREPS
                   and any(p.dep_ == "pobj" for p in c.children) for c in verb.children)

    def _misread_recipient(self, verb: Token) -> Actors:
        """The recipient of what is sent where the parser hung it on the goods: a recipient
        preposition after them ("sending peacekeepers to Ukraine"), or the first object of a
        double object taken for their modifier ("sent Armenia three radar stations", "send Kyiv
        shells"; not a demonym: "sent Syrian fighters" sends no one to Syria)."""
        dobj = direct_object(verb)
        if dobj is None:
            return [], False
        found = self.prep_objects(dobj, RECIPIENT_PREPS)
        if found[0]:
            return found
        # "to" may hang a little deeper in the goods' phrase: "gives 5 million dollars in aid to
        # the Somalis", "returned a gold pendant to Peruvian authorities", or in the last of
        # several goods ("sent 100 vehicles and a team of paratroopers to Lebanon")
        for goods in (dobj, *dobj.conjuncts):
            for token in phrase_tokens(goods, depth=2):
                if token.i == dobj.i:
                    continue  # its own "to" was read above
                found = self.prep_objects(token, _DEEP_RECIPIENT_PREPS)
                if found[0]:
                    return found
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if (after is None or after.head.i != dobj.i or after.dep_ not in ("nmod", "compound", "amod")
                or self.index.is_demonym_token(after.i)):
            return [], False
        return self.index.phrase(after)

    def _cue_of_people_taken(self, verb: Token) -> Cue | None:
        """What a verb states by the people it takes: refugees taken in are aided ("accepted
        1,141 Iraqi refugees": CAMEO grant asylum), people used or held as shields are attacked
        ("used Lebanese civilians as human shields"), another's people let in are granted
        access ("allowed IAEA inspectors into the plant": RETREAT toward the one let in); None
        otherwise."""
        lemma = verb.lemma_.lower()
        dobj = direct_object(verb)
        if lemma in ADMITTING_VERBS and dobj is not None and self.index.phrase(dobj)[0] and any(
                c.dep_ in ("prep", "prt") and c.lower_ in _ADMISSION_PREPS
                for holder in (verb, dobj) for c in holder.children):
            return Cue(type="RETREAT", direct=True, polarity=1)
        admitted = infinitive(verb) if lemma in ADMITTING_VERBS else None
        if admitted is not None and admitted.lemma_.lower() in _ADMITTED_ACTS:
            # "allowed IAEA inspectors to rotate at the plant": the ones let do it
            return Cue(type="RETREAT", infinitive=True, polarity=1)
        if lemma in SHELTERING_VERBS and takes_object(verb, _REFUGEE_NOUNS):
            return Cue(type="AID")
        if lemma in SHIELDING_VERBS and any(
                c.dep_ == "prep" and c.lower_ in _SHIELDING_PREPS and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in _SHIELD_NOUNS for o in c.children)
                for c in verb.children):
            return Cue(type="ASSAULT")
        return None

    def _cue_of_goods_received(self, verb: Token) -> Cue | None:
        """Goods, forces or an act of another received ("Armenia received Russian weapons",
        "Hungary receives Russian gas", "Ukraine received American aid"): the giver's AID (arms,
        forces), COOPERATE (traded goods) or the act's own type toward the receiver; None when the
        object is anything else or names no giver."""
        dobj = direct_object(verb)
        if verb.lemma_.lower() not in _GOODS_RECEIVING_VERBS or dobj is None:
            return None
        dobj = counted_or_itself(dobj)  # "thousands of North Korean soldiers"
        goods = dobj.lemma_.lower()
        if goods in self.lex.arms or goods in self.lex.military_nouns:
            type_name = "AID"
        elif goods in _TRADED_GOODS:
            type_name = "COOPERATE"
        elif (act := self.lex.nouns.get(noun_key(dobj))) is not None:
            type_name = act.type  # "Ukraine received American aid": an act received, its giver's
        else:
            return None
        return Cue(type=type_name, reverse=True) if self.index.modifiers_of(dobj)[0] else None

    def _located_victims(self, verb: Token, sources: list[str], type_name: str) -> list[str]:
        """"killed 75 displaced people in eastern Syria", "struck positions in Saudi Arabia's
        Asir region", "bombed targets at an airport in Syria": force used on people or things that
        name no actor is used on the state they are in (PLOVER and CAMEO code that state), the
        first one named after a preposition of place on the object or on the verb; never the
        source's own state. Only a side that bears arms does it: what a person or a party
        "attacks" in a country is mostly words ("attacking the credibility of victims in X")."""
        dobj = direct_object(verb)
        if type_name not in _LOCATED_TYPES or dobj is None or not sources or any(
                self.index.kinds.get(source) in UNARMED_KINDS for source in sources):
            return []
        return self._state_placed((*dobj.conjuncts, dobj, verb), sources)

    def _aided_place(self, verb: Token, sources: list[str]) -> list[str]:
        """"gave 35 million euros to promote development in Ethiopia", "provided 28 million for
        aid to those affected in Yemen": help given for a purpose in a state, with no recipient
        named, goes to that state (the recipient PLOVER and CAMEO code). The place is read in
        the purpose only (a to-infinitive or a "for" phrase), never where the giving happens
        ("pledged aid at a conference in Brussels")."""
        dobj = direct_object(verb)
        if dobj is None or self.index.phrase(dobj)[0]:
            # nothing given ("returned to Moscow to meet ..." is a journey), or someone sent
            # ("sent his envoy to explain what happened in Singapore")
            return []
        holders = [verb, *phrase_tokens(dobj, depth=2)]
        purposes = [c for holder in holders for c in holder.children
                    if (c.dep_ in ("advcl", "xcomp", "acl") and is_to_infinitive(c))
                    or (c.dep_ == "prep" and c.lower_ in _AID_PURPOSE_PREPS)]
        return self._state_placed([t for purpose in purposes for t in purpose.subtree], sources)

    def _state_placed(self, holders: Iterable[Token], sources: list[str]) -> list[str]:
        """The first state named after a preposition of place on one of ``holders`` (a place
        of the state counts as the state), unless the sources act for it."""
        for token in sorted({t.i: t for holder in holders for prep in holder.children
                             if prep.dep_ == "prep" and prep.lower_ in _VICTIM_LOCATION_PREPS
                             for t in prep.subtree}.values(), key=lambda t: t.i):
            for actor_id in (*self.index.by_token.get(token.i, []), *self.index.places.get(token.i, [])):
                if self.index.kinds.get(actor_id) != "country":
                    continue
                if actor_id in sources or any(self.index.same_side(s, actor_id) for s in sources):
                    return []
                return [actor_id]
        return []

    def _force_owners(self, verb: Token) -> set[str]:
        """The actors named inside the forces a verb moves ("units of the Revolutionary Guard")."""
        force = direct_object(verb)
        owners = [c for c in force.children if c.dep_ in _OWNER_DEPS or c.lower_ in _GENITIVE_PREPS] if force else []
        return {a for owner in owners for token in owner.subtree for a in self.index.by_token.get(token.i, [])}

    def _light_cue(self, verb: Token) -> Cue | None:
        if verb.lemma_.lower() not in LIGHT_VERBS:
            return None
        dobj = direct_object(verb)
        if dobj is None:
            return None
        if (counted := counted_or_itself(dobj)) is not dobj:
            return self.lex.nouns.get(noun_key(counted))  # "carried out hundreds of air strikes"
        cue = self.lex.nouns.get(noun_key(dobj))
        if cue is None:
            # "announced a new military aid package for Taiwan": the event noun modifies the
            # object; "delivered a note of protest", "committed an act of aggression against X":
            # it follows the "of" of an object that carries an act
            for child in dobj.children:
                if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i == dobj.i - 1:
                    cue = self.lex.nouns.get(noun_key(child))
                elif (child.dep_ == "prep" and child.lower_ in _EVENT_OF_PREPS and cue is None
                      and dobj.lemma_.lower() in _CARRIER_NOUNS):
                    cue = next((self.lex.nouns[noun_key(p)] for p in child.children
                                if p.dep_ == "pobj" and noun_key(p) in self.lex.nouns), None)
        if cue is not None and verb.lemma_.lower() in STOP_VERBS:
            # stopping a hostile act ("halted the strikes") states nothing here
            return self.stopped_help(cue)
        return cue

    def _intended(self, verb: Token, type_name: str) -> str | None:
        """The type an act takes when the clause only states the will to do it ("X is ready to
        send engineers to Y", "offered to mediate", "vowed to strike"): AGREE, THREATEN for a
        hostile act, the act itself for a refusal, protest or accusation; None when ``verb`` is not
        the complement of a word of intent."""
        if stated_intent(verb, THREAT_WORDS):
            return "THREATEN"
        if not stated_intent(verb):
            return None
        if type_name in ("REJECT", "PROTEST", "ACCUSE"):
            return type_name  # "proclaimed its intention not to allow Iran to ...": a refusal to come
        if self.lex.polarity(type_name) < 0:
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
        "urged Kyiv to withdraw") or the that-clause of a demand ("demanded that Kabul return the
        base"): the request is the relation, not the act asked for."""
        verb = coordination_head(verb)  # "... to sanction X, to recognise Y"
        if verb.dep_ not in ("xcomp", "ccomp", "advcl"):
            return False
        if not is_to_infinitive(verb):
            return self._demanded_clause(verb)
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

    def _demanded_clause(self, verb: Token) -> bool:
        """A that-clause in the mandative of a verb of request ("demanded that Kabul return the
        base": a subject, no auxiliary)."""
        if not bare_clause(verb):
            return False
        cue = self.lex.verbs.get(verb.head.lemma_.lower())
        return (cue is not None and cue.type == "REQUEST"
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))

    def _recognised_as_part_of(self, verb: Token) -> list[str]:
        """Y in "recognised [the region] as part of Y"."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in _RECOGNISED_AS_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _PART_NOUNS:
                        return self.prep_objects(pobj, _PART_OF_PREPS)[0]
        return []

    def _speech_act_authors(self, verb: Token, rejectors: list[str]) -> list[str]:
        """Who made the accusation, claim or protest that ``verb`` rejects ("Ukraine rejected the
        accusations", "accusations that the Kremlin denies"): the source of the latest relation
        of a matching type aimed at the rejector in this or the few sentences before, else the
        latest quoted speaker there who is not the rejector."""
        noun = direct_object(verb)
        if noun is not None and noun.lower_ in _SPEECH_ACT_RELATIVES and verb.dep_ == "relcl":
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


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _names_a_time(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Tuesday", "on 3 March")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTITIES for c in prep.children)
