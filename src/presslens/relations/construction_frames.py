"""Constructions with a frame of their own, each read from one verb: military exercises, brokered
deals, "uses X as a base against Y", following someone's line or keeping a state weak, and
sanctions lists.

Each needs more than a cue word (the drill noun, the "as ... against" phrase, the list noun), so
they are kept out of the general verb frame (``verb_frames``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from presslens.lexicon import Cue, word_set
from presslens.relations.frame_base import INFERRED_PENALTY, PRIOR, Found, FrameBase
from presslens.syntax import direct_object, modality_of, negated, negated_scope

FOLLOW_LINE_VERBS = word_set("relation_patterns", "follow_line_verbs")
_GUIDANCE_NOUNS = word_set("relation_patterns", "guidance_nouns")
KEEP_VERBS = word_set("relation_patterns", "keep_verbs")
_SUBDUED_STATES = word_set("relation_patterns", "subdued_states")
LISTING_VERBS = word_set("relation_patterns", "listing_verbs")
MEDIATION_VERBS = word_set("relation_patterns", "mediation_verbs")
VISIT_VERBS = word_set("relation_patterns", "visit_verbs")
_VISIT_PREPS = word_set("relation_patterns", "visit_preps")
_EXERCISE_PARTITIVE_PREPS = word_set("relation_patterns", "exercise_partitive_preps")
_PARTNER_PREPS = tuple(sorted(word_set("relation_patterns", "partner_preps")))
_LISTING_PREPS = word_set("relation_patterns", "listing_preps")
_BLACKLIST_NOUNS = word_set("relation_patterns", "blacklist_nouns")
_LIST_NOUNS = word_set("relation_patterns", "list_nouns")
_DESIGNATION_PREPS = word_set("relation_patterns", "designation_preps")
_SANCTION_LIST_WORDS = word_set("relation_patterns", "sanction_list_words")
_GUIDANCE_PREPS = tuple(sorted(word_set("relation_patterns", "guidance_preps")))
_GUIDANCE_PLACE_PREPS = word_set("relation_patterns", "guidance_place_preps")
_USE_VERBS = word_set("relation_patterns", "use_verbs")
JOINT_ADVERBS = word_set("relation_patterns", "joint_adverbs")
BACKING_PARTICIPLES = word_set("relation_patterns", "backing_participles")  # "Iranian-backed"
_ROLE_PREPS = word_set("relation_patterns", "role_preps")
_AIM_PREPS = tuple(sorted(word_set("relation_patterns", "aim_preps")))
REQUEST_NOUNS = word_set("relation_patterns", "request_nouns")
_REQUEST_NOUN_PREPS = tuple(sorted(word_set("relation_patterns", "request_noun_preps")))
_REQUEST_CLAUSE_MARKS = word_set("relation_patterns", "request_clause_marks")


class ConstructionFrames(FrameBase):
    """Relations read from constructions that a single cue word does not state."""

    def request_noun_relations(self, noun: Token) -> Iterator[Found]:
        """"North Korea repeated its demand that Washington lift sanctions", "renewed its call
        for Japan to withdraw", "its calls on Kyiv to negotiate": whoever makes the demand (the
        noun's possessor, else the subject of the verb it is the object of) asks the one it names
        to act (REQUEST, with the polarity of what is asked). The demand's content is the clause
        on the noun (or, as the parser may hang it, on that verb) with its own subject."""
        if noun.lemma_.lower() not in REQUEST_NOUNS or noun.pos_ != "NOUN" or noun.dep_ not in (
                "dobj", "nsubj", "nsubjpass", "pobj"):
            return
        verb = noun.head if noun.dep_ == "dobj" else None
        addressees, a_inf = self.prep_objects(noun, _REQUEST_NOUN_PREPS)
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "advcl")]
        if verb is not None:
            clauses += [c for c in verb.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _REQUEST_CLAUSE_MARKS for m in c.children)]
        action = clauses[0] if clauses else None
        if not addressees and action is not None:
            subject = [c for c in action.children if c.dep_ == "nsubj"]
            if subject:
                addressees, a_inf = self.index.phrase(subject[0])
        if not addressees or (verb is not None and negated_scope(verb)):
            return
        owner = [c for c in noun.children if c.dep_ == "poss"]
        if owner:
            askers, s_inf = self.index.phrase(owner[0])
        elif verb is not None:
            askers, s_inf = self.subjects(verb)
        else:
            return
        modality = modality_of(verb) if verb is not None else "asserted"
        cue = Cue(type="REQUEST")
        polarity = self.polarity(cue, "REQUEST", action)
        prior = PRIOR["noun"] - (INFERRED_PENALTY if s_inf or a_inf else 0.0)
        for asker in askers:
            for addressee in addressees:
                if asker != addressee and not self.index.same_side(asker, addressee):
                    yield Found(asker, addressee, "REQUEST", modality, round(prior, 3), noun,
                                polarity)

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
                if prep.dep_ == "prep" and prep.lower_ in _EXERCISE_PARTITIVE_PREPS:
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
            more, _ = self.prep_objects(holder, _PARTNER_PREPS, exclude=sources)
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
        if verb.lemma_.lower() not in MEDIATION_VERBS or verb.dep_ != "acl":
            return
        brokers, b_inf = self.agents(verb)
        noun = verb.head
        if not brokers or noun.dep_ != "pobj" or noun.head.head.pos_ not in ("VERB", "AUX"):
            return
        clause = noun.head.head
        parties, p_inf = self.subjects(clause)
        holders = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        for holder in holders:
            more, more_inf = self.prep_objects(holder, _PARTNER_PREPS)
            parties.extend(m for m in more if m not in parties)
            p_inf = p_inf or more_inf
        prior = PRIOR["passive"] - (INFERRED_PENALTY if b_inf or p_inf else 0.0)
        cue = Cue(type="CONSULT", polarity=1)
        yield from self._emit(brokers, parties, cue, "CONSULT", modality_of(clause), prior, verb)

    def listing_relations(self, verb: Token) -> Iterator[Found]:
        """"Washington put Dodik on its sanctions list", "added the firms to the blacklist",
        "designated the cartel as a terrorist organisation": a sanction on whoever is put on the
        list."""
        if verb.lemma_.lower() not in LISTING_VERBS or verb.pos_ != "VERB" or negated_scope(verb):
            return
        if self._requested_act(verb):
            return  # "calls on the Council to designate the RSF as a terrorist organisation"
        listed = False
        dobj = direct_object(verb)
        listed_objects = [dobj, *dobj.conjuncts] if dobj is not None else []
        for prep in (*verb.children, *(c for o in listed_objects for c in o.children)):
            designated = prep.lower_ in _DESIGNATION_PREPS  # "designated X (and Y) as terrorists"
            if prep.dep_ == "prep" and (prep.lower_ in _LISTING_PREPS or designated):
                for pobj in prep.children:
                    words = {pobj.lemma_.lower(), *(c.lemma_.lower() for c in pobj.children)}
                    if pobj.dep_ == "pobj" and (pobj.lemma_.lower() in _BLACKLIST_NOUNS or (
                        (designated or pobj.lemma_.lower() in _LIST_NOUNS) and words & _SANCTION_LIST_WORDS
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
            targets, t_inf = self.index.phrase(dobj) if dobj is not None else ([], False)
        prior = PRIOR["phrase"] - (INFERRED_PENALTY if s_inf or t_inf else 0.0)
        yield from self._emit(sources, targets, Cue(type="SANCTION"), "SANCTION", modality_of(verb),
                              prior, verb)

    def guidance_relations(self, verb: Token) -> Iterator[Found]:
        """"Norway follows the line that Brussels and Washington draw", "Kyiv obeys the orders of
        Washington": whoever draws the line or gives the orders controls the follower; "trying
        to keep Syria weak and divided": coercion of the one kept so."""
        lemma = verb.lemma_.lower()
        if lemma not in FOLLOW_LINE_VERBS and lemma not in KEEP_VERBS:
            return  # (before reading negation, which costs more)
        if verb.pos_ != "VERB" or negated_scope(verb):
            return
        if lemma in FOLLOW_LINE_VERBS:
            dobj = direct_object(verb)
            if dobj is None or dobj.lemma_.lower() not in _GUIDANCE_NOUNS:
                return
            guides, g_inf = self.index.modifiers_of(dobj)
            if not guides:
                guides, g_inf = self.prep_objects(dobj, _GUIDANCE_PREPS)
            for child in dobj.children:
                if not guides and child.dep_ == "relcl":
                    guides, g_inf = self.subjects(child)
                if not guides and child.dep_ == "acl" and child.tag_ == "VBN":
                    guides, g_inf = self._set_by(child)
            followers, f_inf = self.subjects(verb)
            prior = PRIOR["phrase"] - (INFERRED_PENALTY if g_inf or f_inf else 0.0)
            yield from self._emit(guides, followers, Cue(type="CONTROL"), "CONTROL", modality_of(verb),
                                  prior, verb)
        elif lemma in KEEP_VERBS:
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

    def _set_by(self, participle: Token) -> tuple[list[str], bool]:
        """Who set a task or wrote a script: the participle's agent ("written by Brussels"),
        else the state whose capital it was set in ("a task set in Washington")."""
        guides, inferred = self.agents(participle)
        if guides:
            return guides, inferred
        return self._states_as_places(participle, _GUIDANCE_PLACE_PREPS), False

    def _states_as_places(self, head: Token, preps: frozenset[str]) -> list[str]:
        """The states whose seat of government is named as a place after ``preps`` below
        ``head`` ("arrived in New Delhi", "a task set in Washington"; not another city: "fly to
        Istanbul")."""
        states: list[str] = []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    for place in self.index.seat_places.get(pobj.i, []):
                        if self.index.kinds.get(place) == "country" and place not in states:
                            states.append(place)
        return states

    def joint_relations(self, adverb: Token) -> Iterator[Found]:
        """"The decision was taken jointly by Lukashenko and Putin", "Baku and Ankara jointly
        drafted the text": the actors who act jointly (the verb's coordinated subject, or the
        agents of its passive) cooperate with each other."""
        if adverb.lemma_.lower() not in JOINT_ADVERBS or adverb.dep_ != "advmod":
            return
        verb = adverb.head
        if verb.pos_ not in ("VERB", "AUX") or negated_scope(verb):
            return
        actors, inferred = self.agents(verb)
        if not actors:
            actors, inferred = self.subjects(verb)
        if len(actors) < 2:
            return
        prior = PRIOR["verb"] - (INFERRED_PENALTY if inferred else 0.0)
        yield from self._reciprocal(actors, "COOPERATE", modality_of(verb), prior, adverb,
                                    self.lex.polarity("COOPERATE"))

    def backing_relations(self, participle: Token) -> Iterator[Found]:
        """"Iranian-backed Houthi rebels", "the Russian-funded militia": the one named before
        the hyphen backs (funds, arms, trains) the one the phrase names, as its verb's cue says."""
        lemma = participle.lemma_.lower()
        if (participle.tag_ != "VBN" or participle.dep_ not in ("amod", "compound")
                or lemma not in BACKING_PARTICIPLES or (cue := self.lex.verbs.get(lemma)) is None):
            return
        backers: list[str] = []
        for child in participle.children:
            if child.dep_ in ("npadvmod", "compound", "nmod", "amod") and child.i < participle.i:
                backers.extend(a for a in self.index.modifier(child)[0] if a not in backers)
        if not backers:
            return
        backed = [a for a in self.index.phrase(participle.head)[0] if a not in backers]
        yield from self._emit(backers, backed, cue, cue.type, "asserted", PRIOR["noun"], participle)

    def use_relations(self, verb: Token) -> Iterator[Found]:
        """"uses Côte d'Ivoire and Benin as rear bases against Burkina Faso": whatever is used,
        the user acts against Z (predicate nouns such as "tool" are read by predicate_relations)."""
        if verb.lemma_.lower() not in _USE_VERBS or verb.pos_ != "VERB" or self._is_passive(verb):
            return
        holders = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        aimed: list[str] = []
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in _ROLE_PREPS:
                    for pobj in prep.children:
                        lemma = pobj.lemma_.lower()
                        if pobj.dep_ == "pobj" and lemma not in self.lex.predicates and lemma not in self.lex.nouns:
                            aimed.extend(self.prep_objects(pobj, _AIM_PREPS)[0])
        if not aimed or negated(verb):
            return
        users, u_inf = self.subjects(verb)
        prior = PRIOR["verb"] - (INFERRED_PENALTY if u_inf else 0.0)
        yield from self._emit(users, aimed, Cue(type="ADVERSARY"), "ADVERSARY", modality_of(verb),
                              prior, verb)

    def visit_relations(self, verb: Token) -> Iterator[Found]:
        """"Muttaqi arrived in New Delhi for his first official visit", "flew to Minsk for
        talks": the visitor consults the host state (see ``visit_verbs``)."""
        if verb.lemma_.lower() not in VISIT_VERBS or verb.pos_ != "VERB" or negated_scope(verb):
            return
        if self._is_passive(verb) or any(
            c.dep_ == "nsubj" and c.lemma_.lower() in self.lex.military_nouns for c in verb.children
        ):
            return
        hosts = self._states_as_places(verb, _VISIT_PREPS)
        if not hosts:
            return
        visitors, inferred = self.subjects(verb)
        visitors = [v for v in visitors if v not in hosts and self.index.state_of(v) not in hosts]
        if not visitors:
            return
        prior = PRIOR["phrase"] - (INFERRED_PENALTY if inferred else 0.0)
        cue = Cue(type="CONSULT", polarity=1)
        yield from self._emit(visitors, hosts, cue, "CONSULT", modality_of(verb), prior, verb)
