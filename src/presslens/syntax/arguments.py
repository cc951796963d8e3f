"""Which actors stand in a verb's argument positions: subject, agent, objects, prepositional
objects, the subject of its infinitive.

``ArgumentReader`` reads them over any ``ActorLookup`` (the document index, or the stance stage's
wider reading of it), through the parser's misreadings the stages have met: a verb without a
subject of its own takes the subject of the verb it depends on, a control noun's agent does its
infinitive ("X's decision to close"), the object of a control verb does its infinitive ("forced X
to cut its ties"), "call on X to ..." asks X, a verb hung under its subject (``misparse``).
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from presslens.lexicon import word_set
from presslens.syntax.heads import direct_object, infinitive, is_to_infinitive
from presslens.syntax.misparse import misparsed_subject

_CONTROL_NOUNS = word_set("syntax", "control_nouns")
_CONTROL_AGENT_PREPS = tuple(sorted(word_set("syntax", "control_agent_preps")))
_AGENT_TAKING_VERBS = word_set("syntax", "agent_taking_verbs")
_OBJECT_CONTROL = word_set("syntax", "object_control_verbs")
_CALLING_VERBS = word_set("syntax", "calling_verbs")
_VENUE_PREPS = word_set("syntax", "venue_preps")
_BENEFICIARY_NOUNS = word_set("syntax", "beneficiary_nouns")
_UNDONE_GERUND_PREPS = word_set("syntax", "undone_gerund_preps")
_SPEECH_NOUNS = word_set("syntax", "speech_nouns")
_ISSUING_VERBS = word_set("syntax", "issuing_verbs")
_PLACE_TARGET_PREPS = word_set("syntax", "place_target_preps")
_CLAUSE_TARGET_VERBS = word_set("syntax", "clause_target_verbs")
_COMPLEMENT_TARGET_VERBS = word_set("syntax", "complement_target_verbs")
_COMPLEMENTIZERS = word_set("syntax", "complementizers")
_CALLING_PREPS = tuple(sorted(word_set("syntax", "calling_preps")))
_AGENT_PREPS = word_set("syntax", "agent_preps")
_AGENT_PREP_ORDER = tuple(sorted(_AGENT_PREPS))  # prep_objects reads them in a fixed order
_WIELDING_VERBS = word_set("syntax", "wielding_verbs")
_MISSION_RECIPIENT_PREPS = word_set("syntax", "mission_recipient_preps")

Actors = tuple[list[str], bool]  # actor ids, and whether they were inferred (through a pronoun)


class ActorLookup(Protocol):
    """What the argument readers need to know of a document: which actors a noun phrase, a
    modifier or a clause's subject stands for, and which places a token names."""

    places: dict[int, list[str]]

    def phrase(self, head: Token, *, depth: int = 0) -> Actors: ...

    def modifier(self, token: Token) -> Actors: ...

    def modifiers_of(self, head: Token) -> Actors: ...

    def mission_host(self, noun: Token) -> list[str]: ...

    def doer(self, head: Token) -> Actors: ...

    def clause_subject(self, verb: Token) -> Actors: ...


def _gerund_done_by_subject(gerund: Token) -> bool:
    """Whether the subject of the word a gerund's preposition hangs on does the gerund's act:
    after an adjective ("X is open to resuming talks"), or after a verb with no object of its own
    ("Moscow responded by expelling diplomats", "went back to condemning") unless the preposition
    says the act is not done ("warned against attacking"); after a verb's object the object may
    be the doer ("accused Y of violating")."""
    governor = gerund.head.head
    if governor.pos_ == "ADJ":
        return True
    return (
        governor.pos_ == "VERB"
        and gerund.head.lower_ not in _UNDONE_GERUND_PREPS
        and direct_object(governor) is None
    )


# Penn tags of finite verbs by tense: coordinated verbs share their tense.
_FINITE_TENSE = {"VBZ": "present", "VBP": "present", "VBD": "past"}


def _stranded_complement(verb: Token) -> Token | None:
    """The complement clause a coordinated verb belongs to when the parser hung it on the verb
    that introduces the clause: in "X told an outlet that Armenia's leadership decides less on
    its own and increasingly carries out instructions", "carries" is read as a conjunct of
    "told". Coordinated verbs agree in tense: a present conjunct of a past verb, after a
    present complement clause with a subject and a complementizer of its own, continues that
    clause and shares its subject."""
    head = verb.head
    tense = _FINITE_TENSE.get(verb.tag_)
    if tense is None or _FINITE_TENSE.get(head.tag_) in (None, tense):
        return None
    for candidate in reversed(head.doc[head.i + 1 : verb.i]):
        if (
            _FINITE_TENSE.get(candidate.tag_) == tense
            and not candidate.is_ancestor(verb)
            and head.is_ancestor(candidate)
            and any(c.dep_ == "nsubj" for c in candidate.children)
            and any(c.dep_ == "mark" and c.lower_ in _COMPLEMENTIZERS for c in candidate.children)
        ):
            return candidate
    return None


class ArgumentReader:
    """Reads the actors of a verb's arguments through ``index``."""

    def __init__(self, index: ActorLookup) -> None:
        self.index = index

    def subjects(self, verb: Token, depth: int = 0) -> Actors:
        ids, inferred = self.index.clause_subject(verb)
        if ids:
            return ids, inferred
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:  # an opening name read as an adverb ("Armenia proposed talks")
            subject = next((c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
                            and c.i < verb.i and c.i == c.sent.start), None)
            if subject is not None:
                ids, inferred = self.index.phrase(subject)
                if ids:
                    return ids, inferred
                subject = None
        if subject is not None:
            # "a car bombing by the Islamic State killed 75 people": the act's agent does it;
            # "the missiles fired by the Israeli army struck ...": so does the one who used them
            # (but "thousands of Serbs protested" is no act of Serbia: people counted by their
            # demonym act for nobody)
            ids, inferred = self.prep_objects(subject, _AGENT_PREP_ORDER)
            for clause in subject.children:
                if (not ids and clause.dep_ == "acl" and clause.tag_ == "VBN"
                        and clause.lemma_.lower() in _WIELDING_VERBS):
                    ids, inferred = self.agents(clause)
            return ids, inferred
        if (misread := misparsed_subject(verb)) is not None:
            return self.index.phrase(misread)  # "The Iraqi air force carried out strikes"
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in _CONTROL_NOUNS:  # "X's decision to"
            agent = self.noun_agent(verb.head)  # (or "a decision by X", "the decision of X")
            if not agent[0]:
                agent = self.prep_objects(verb.head, _CONTROL_AGENT_PREPS)
            if not agent[0] and depth < 3 and verb.head.dep_ == "dobj" and (
                    verb.head.head.lemma_.lower() in _AGENT_TAKING_VERBS):
                agent = self.subjects(verb.head.head, depth + 1)  # "X expressed readiness to"
            return agent
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _SPEECH_NOUNS:
            # "Moscow's statement accusing Kyiv", "NATO ministers issued a statement accusing
            # Syria": the author says it
            said = verb.head
            ids, inferred = self.noun_agent(said)
            issued = said.head
            if not ids and depth < 3 and said.dep_ == "dobj" and issued.lemma_.lower() in _ISSUING_VERBS:
                ids, inferred = self.subjects(issued, depth + 1)
            return ids, inferred
        if (
            depth < 3
            and verb.dep_ == "acl"
            and verb.head.dep_ == "dobj"
            and is_to_infinitive(verb)
        ):
            # "Estonia is amending its constitution to strip Russian citizens of the vote"
            return self.subjects(verb.head.head, depth + 1)
        if depth < 3 and verb.dep_ == "acomp" and verb.head.i != verb.i:
            return self.subjects(verb.head, depth + 1)  # "X is ready to send": ready's subject
        if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and _gerund_done_by_subject(verb):
            return self.subjects(verb.head.head, depth + 1)
        if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
                return [], False
            if verb.dep_ == "xcomp":
                head = verb.head
                if head.lemma_.lower() in _OBJECT_CONTROL:
                    # "forced the Latvian church to cut its ties": the object does the infinitive
                    dobj = direct_object(head)
                    if dobj is not None:
                        ids, inferred = self.index.phrase(dobj)
                        if ids:
                            return ids, inferred
                if head.lemma_.lower() in _CALLING_VERBS:
                    # "call on Russia to withdraw its troops": Russia is to withdraw
                    asked, inferred = self.prep_objects(head, _CALLING_PREPS)
                    if asked:
                        return asked, inferred
                for child in head.children:
                    if child.dep_ == "nsubjpass":  # "the US is bound by law to provide"
                        ids, inferred = self.index.phrase(child)
                        if ids:
                            return ids, inferred
            if verb.dep_ == "conj":
                stranded = _stranded_complement(verb)
                if stranded is not None:
                    return self.subjects(stranded, depth + 1)
            return self.subjects(verb.head, depth + 1)
        return [], False

    def noun_agent(self, noun: Token) -> Actors:
        """The possessor, adjective or "by" object of an action noun."""
        ids: list[str] = []
        inferred = False
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                more, more_inf = self.index.modifier(child)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inf
            elif child.dep_ == "prep" and child.lower_ in _AGENT_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        more, more_inf = self.index.phrase(pobj)
                        ids.extend(m for m in more if m not in ids)
                        inferred = inferred or more_inf
        return ids, inferred

    def agents(self, verb: Token) -> Actors:
        ids: list[str] = []
        inferred = False
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        more, more_inferred = self.index.doer(pobj)
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

    def prep_objects(
        self, head: Token, preps: tuple[str, ...] = (), depth: int = 0, exclude: list[str] | None = None,
        skip: frozenset[str] = frozenset(),
    ) -> Actors:
        """Actors of the prepositional objects below ``head`` (through prep chains). Without a
        list of prepositions, a venue ("initialled the text at the White House") is no target,
        nor is the object of a preposition in ``skip``."""
        ids: list[str] = []
        inferred = False
        for child in head.children:
            if child.dep_ not in ("prep", "dative") or (preps and child.lower_ not in preps):
                continue
            if not preps and (child.lower_ in _VENUE_PREPS or child.lower_ in skip):
                continue
            if child.dep_ == "dative" and child.pos_ != "ADP":
                more, more_inferred = self.index.phrase(child)
                ids.extend(m for m in more if m not in ids)
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                more, more_inferred = self.index.phrase(pobj)
                if child.lower_ in _MISSION_RECIPIENT_PREPS and (host := self.index.mission_host(pobj)):
                    more, more_inferred = host, False  # "engineers to the UN mission in Cyprus"
                if exclude:
                    # "crossing points on its border with Belarus": not the source's own border
                    more = [m for m in more if m not in exclude]
                if not more and child.lower_ in _PLACE_TARGET_PREPS:
                    more = list(self.index.places.get(pobj.i, []))  # "march on Kyiv"
                if not more and depth < 2 and pobj.lemma_.lower() not in _BENEFICIARY_NOUNS:
                    # (not through "in support of X": whom an act is for is not its target)
                    more, more_inferred = self.prep_objects(
                        pobj, preps if not exclude else (), depth + 1, exclude, skip
                    )
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
            for conj in child.conjuncts:  # "to Tehran and to Riyadh"
                for pobj in conj.children:
                    if pobj.dep_ == "pobj":
                        more, _ = self.index.phrase(pobj)
                        ids.extend(m for m in more if m not in ids)
        return ids, inferred

    def objects(self, verb: Token, skip: frozenset[str] = frozenset()) -> Actors:
        """Actors of a verb's objects, else of what they lead to (``skip``: prepositions whose
        object is no target here)."""
        ids: list[str] = []
        inferred = False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"]
        for child in objects:
            more, more_inferred = self.index.phrase(child)
            ids.extend(m for m in more if m not in ids)
            inferred = inferred or more_inferred
        if not ids:
            # "condemns the atrocities committed by the RSF", "praised the reforms Ethiopia
            # has made": the doer of the deed
            for child in objects:
                for clause in child.children:
                    if clause.dep_ == "acl" and clause.tag_ == "VBN":
                        more, more_inferred = self.agents(clause)
                    elif clause.dep_ == "relcl" and clause.i > child.i:
                        more, more_inferred = self.index.clause_subject(clause)
                    else:
                        continue
                    ids.extend(m for m in more if m not in ids)
                    inferred = inferred or more_inferred
        if not ids:
            # a city named only as a place is its state as the object ("shelled Kharkiv and
            # Odesa"), as after "on"/"into" ("strikes on Kharkiv")
            for child in objects:
                for each in (child, *child.conjuncts):
                    ids.extend(i for i in self.index.places.get(each.i, []) if i not in ids)
        if not ids:
            # an object that names no actor may lead to one ("sanctions on Belarusian potash")
            for child in objects:
                more, more_inferred = self.prep_objects(child, skip=skip)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
        if not ids:
            ids, inferred = self.prep_objects(verb, skip=skip)
        if not ids:
            ids, inferred = self.infinitive_subjects(verb)
        if not ids and verb.lemma_.lower() in _CLAUSE_TARGET_VERBS:
            # "demanded that Kabul return the air base": the one the clause asks to act
            for clause in verb.children:
                if clause.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in _COMPLEMENTIZERS for c in clause.children):
                    for subject in clause.children:
                        if subject.dep_ == "nsubj":
                            ids, inferred = self.index.phrase(subject)
        if not ids and verb.lemma_.lower() in _COMPLEMENT_TARGET_VERBS:
            # "would not agree to open accession negotiations with Ukraine"
            complement = infinitive(verb)
            if complement is not None:
                for child in complement.children:
                    if not ids and child.dep_ == "dobj" and child.pos_ == "PROPN":
                        ids, inferred = self.index.phrase(child)  # "refused to meet Armenia in Brussels"
                if not ids:
                    ids, inferred = self.prep_objects(complement)
                if not ids:
                    for child in complement.children:
                        if child.dep_ == "dobj":
                            ids, inferred = self.index.phrase(child)
                            if not ids:
                                ids, inferred = self.prep_objects(child)
        return ids, inferred

    def infinitive_subjects(self, verb: Token) -> Actors:
        """X in "urged X to refrain", "expects X to remove" when the parser makes X the subject
        of the infinitive clause."""
        complement = infinitive(verb)
        if complement is None:
            return [], False
        for child in complement.children:
            if child.dep_ == "nsubj":
                return self.index.phrase(child)
        return [], False
