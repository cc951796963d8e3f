"""Predicate frames: a role noun or adjective said of an actor ("Baku is a puppet of Ankara",
"X, a friend of ours", "acts as an instrument of Y", "we cannot consider X a partner", "X is
hostile to Y", "relations with X have always been hostile").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Token

from presslens.lexicon import Cue, word_set
from presslens.relations.frame_base import INFERRED_PENALTY, PRIOR, Found, FrameBase
from presslens.syntax import COPULAS, modality_of, negated

_AS_VERBS = word_set("relation_patterns", "as_verbs")
_CONSIDER_VERBS = word_set("relation_patterns", "consider_verbs")
_USE_VERBS = word_set("relation_patterns", "use_verbs")
_ROLE_PREPS = word_set("relation_patterns", "role_preps")
_AIM_PREPS = tuple(sorted(word_set("relation_patterns", "aim_preps")))
_PREDICATE_OTHER_PREPS = tuple(sorted(word_set("relation_patterns", "predicate_other_preps")))
_PLURAL_PREDICATE_PREPS = tuple(sorted(word_set("relation_patterns", "plural_predicate_preps")))
_STANCE_PREPS = tuple(sorted(word_set("relation_patterns", "stance_preps")))
_PARTY_PREPS = tuple(sorted(word_set("relation_patterns", "party_preps")))
_RELATION_NOUNS = word_set("relation_patterns", "relation_nouns")
_BECOMING_VERBS = word_set("relation_patterns", "becoming_verbs")
_BECOMING_PREPS = word_set("relation_patterns", "becoming_preps")
_ROLE_NOUNS = word_set("relation_patterns", "role_nouns")
_ROLE_HOLDER_PREPS = word_set("relation_patterns", "role_holder_preps")
_ROLE_TAKING_VERBS = word_set("relation_patterns", "role_taking_verbs")
_PREPARING_VERBS = word_set("relation_patterns", "preparing_verbs")
_PREPARING_PREPS = word_set("relation_patterns", "preparing_preps")
# "a vassal state", "a puppet regime": nouns of a polity a predicate cue can qualify
_POLITY_NOUNS = word_set("relation_patterns", "polity_nouns")
# alignments that hold between the two sides alike: who calls another an enemy or a partner is
# that one's enemy or partner ("a puppet", "a proxy" say nothing of the caller)
_MUTUAL_ALIGNMENTS = frozenset({"ALLY", "ADVERSARY"})


def _role_holding(noun: Token) -> Token | None:
    """The role noun of "the role of a bridgehead", "the status of a buffer", else None."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _ROLE_HOLDER_PREPS and head.head.lemma_.lower() in _ROLE_NOUNS:
        return head.head
    return None


def _phrase_head(cue_word: Token, cues: Mapping[str, Cue]) -> Token | None:
    """The noun whose place in the clause a predicate cue word takes: itself, or the noun it
    modifies when the parser took the cue for an adjective of a word it does not know ("the
    role of a cordon sanitaire against Russia": "cordon" an adjective of "sanitaire"), or when
    the cue qualifies a noun of a polity ("a vassal state of Russia", "a puppet regime"; not "a
    proxy war", whose head names no one)."""
    head = cue_word.head
    if cue_word.pos_ in ("NOUN", "PROPN"):
        if cue_word.dep_ == "compound" and head.i > cue_word.i and head.lemma_.lower() in _POLITY_NOUNS:
            return head
        return cue_word
    if (
        cue_word.dep_ == "amod"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i > cue_word.i
        and head.lemma_.lower() not in cues
    ):
        return head
    return None


class PredicateFrames(FrameBase):
    """Relations stated by what an actor is called or said to be."""

    # ---------------------------------------------------------------- predicates
    def _predicate_other(self, noun: Token, cue: Cue) -> tuple[list[str], bool]:
        """Y in "a puppet of Y", "Y's puppet", "our ally", "a friend of ours"."""
        ids: list[str] = []
        inferred = False
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                more, more_inferred = self.index.at(child)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
        if not ids:
            # the cue's own prepositions ("a cordon against X"), else "a puppet of/for Y"
            ids, inferred = self.prep_objects(noun, cue.preps or _PREDICATE_OTHER_PREPS)
        if not ids:
            for child in noun.children:
                if child.dep_ == "relcl":  # "the puppet that Moscow installed"
                    ids, inferred = self.subjects(child)
        return ids, inferred

    def _made(self, verb: Token) -> tuple[list[str], bool]:
        """Whom a verb of making or readying acts on: its object ("turned Kosovo into"), the
        subject of its passive ("Yerevan is being turned into"), else its subject ("Armenia is
        turning into")."""
        for dep in ("dobj", "nsubjpass"):
            found = [c for c in verb.children if c.dep_ == dep]
            if found:
                return self.index.phrase(found[0])
        return self.subjects(verb)

    def _own_other(self, noun: Token) -> list[str]:
        """The other party of a plural predicate given by a possessor or "of"/"to"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self.index.at(child)[0]
        return self.prep_objects(noun, _PLURAL_PREDICATE_PREPS)[0]

    def predicate_relations(self, cue_word: Token) -> Iterator[Found]:
        cue = self.lex.predicates.get(cue_word.lemma_.lower())
        if cue is None:
            return
        noun = _phrase_head(cue_word, self.lex.predicates)
        if noun is None:
            return
        # "the role of a bridgehead": the role noun stands where the predicate noun would
        slot = _role_holding(noun) or noun
        head = slot.head
        subject: list[str] = []
        s_inf = False
        verb: Token | None = None
        consider_subject: list[str] = []
        if slot.dep_ == "attr" and head.lemma_ in COPULAS:
            verb = head
            subject, s_inf = self.subjects(head)
        elif slot.dep_ == "appos":
            if cue.predicated_only:
                return  # "Peter Lang, the FBI agent": his occupation, not who controls him
            subject, s_inf = self.index.phrase(head)
        elif slot.dep_ == "pobj" and head.lower_ in _ROLE_PREPS and head.head.lemma_ in _AS_VERBS:
            verb = head.head
            subject, s_inf = self.subjects(verb)
        elif slot.dep_ == "pobj" and head.lower_ in _ROLE_PREPS and head.head.lemma_ in _CONSIDER_VERBS | _USE_VERBS:
            verb = head.head
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            subject, s_inf = self.index.phrase(objs[0]) if objs else ([], False)
            consider_subject, _ = self.subjects(verb)
        elif slot.dep_ == "pobj" and head.lower_ in _ROLE_PREPS and head.head.pos_ in ("NOUN", "ADJ"):
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
        elif slot.dep_ in ("oprd", "ccomp", "xcomp", "dobj") and head.lemma_ in _CONSIDER_VERBS:
            verb = head
            nsubj = [c for c in slot.children if c.dep_ == "nsubj"]
            objs = nsubj or [c for c in head.children if c.dep_ == "dobj" and c.i != slot.i]
            subject, s_inf = self.index.phrase(objs[0]) if objs else ([], False)
            consider_subject, _ = self.subjects(head)
        elif slot.dep_ == "pobj" and head.lower_ in _BECOMING_PREPS and head.head.lemma_ in _BECOMING_VERBS:
            # "turned Kosovo into an outpost of the West", "Yerevan is being turned into an
            # outpost of Paris", "Armenia is turning into a satellite of Moscow"
            verb = head.head
            subject, s_inf = self._made(verb)
        elif slot is not noun and slot.dep_ == "dobj" and head.lemma_ in _ROLE_TAKING_VERBS:
            verb = head  # "the Baltic states play the role of a sanitary cordon"
            subject, s_inf = self.subjects(head)
        elif (slot.dep_ == "pobj" and head.lower_ in _PREPARING_PREPS
              and head.head.lemma_ in _PREPARING_VERBS):
            verb = head.head  # "Chisinau is being prepared for the role of a NATO bridgehead"
            subject, s_inf = self._made(verb)
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
        other, o_inf = self._predicate_other(noun, cue)
        if verb is not None and verb.lemma_ in _USE_VERBS and not other:
            other = consider_subject  # "Y uses X as an instrument"
        if (verb is not None and verb.lemma_ in _BECOMING_VERBS | _PREPARING_VERBS and not other
                and cue.reverse and any(c.dep_ == "dobj" for c in verb.children)):
            other, o_inf = self.subjects(verb)  # "Washington turned Georgia into a springboard"
        prior = PRIOR["predicate"] - (INFERRED_PENALTY if s_inf or o_inf else 0.0)
        if not other and consider_subject and cue.type in _MUTUAL_ALIGNMENTS:
            # "Minsk calls Lithuania an enemy", "regards X as a partner": one to the other, each way
            other = [c for c in consider_subject if c not in subject]
            yield from self._emit(other, subject, cue, cue.type, modality, prior, noun)
        yield from self._emit(subject, other, cue, cue.type, modality, prior, noun)
        if cue.type == "CONTROL" and other:
            # "uses Yerevan as a tool against Russia": the user is the adversary of the one the
            # tool is aimed at
            aimed, a_inf = self.prep_objects(noun, _AIM_PREPS)
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
        # the cue's own prepositions ("critical of X"), else those of a stance toward someone
        others, o_inf = self.prep_objects(adj, cue.preps or _STANCE_PREPS)
        subj_tokens = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj_tokens:
            return
        subj = subj_tokens[0]
        subject, s_inf = self.index.phrase(subj)
        if not subject and subj.lemma_.lower() in _RELATION_NOUNS:
            # "relations between A and B", "our relations with X", "relations with X"
            partners, _ = self.prep_objects(subj, _PARTY_PREPS)
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
