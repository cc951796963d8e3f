"""Discourse frames: relations read from the relations already found in a sentence and the
speech around them (reported accusations, followers "and Washington has followed", demands "Y
said X should ...").

They run after the token patterns of a sentence (``Patterns.find``), over what those found.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.tokens import Doc, Span, Token

from presslens.lexicon import Cue, word_set
from presslens.relations.frame_base import INFERRED_PENALTY, PRIOR, Found, FrameBase
from presslens.syntax import FIRST_PERSON, direct_object, modality_of, negated
from presslens.syntax.lookup import lemma_in, lower_in
from presslens.syntax.pronouns import subject_tokens

_REPORT_VERBS = word_set("relation_patterns", "report_verbs")
_ACCUSABLE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
_DEMAND_MODALS = word_set("relation_patterns", "demand_modals")
_NOT_DEMANDED = word_set("relation_patterns", "not_demanded")
_SAYING_VERBS = _REPORT_VERBS | word_set("relation_patterns", "other_saying_verbs")
_FOLLOW_VERBS = word_set("relation_patterns", "follow_verbs")
_POINTING = word_set("relation_patterns", "pointing_determiners")
_ANSWERED_NOUNS = word_set("relation_patterns", "answered_nouns")
_DEFINITE = word_set("relation_patterns", "definite_determiners")
# reactions to what somebody said or did: they answer it, so its sayer or doer is their other side
_REACTION_TYPES = frozenset({"REJECT", "ACCUSE", "PROTEST", "SUPPORT", "AGREE"})


class DiscourseFrames(FrameBase):
    """Relations inferred from the relations a sentence states and who reports them."""

    _joining_at: tuple[Doc, list[int]] | None = None  # the joining verbs of the latest document
    _modals_at: tuple[Doc, list[int]] | None = None  # its modals of demand ("should", "must")
    _reacting_at: tuple[Doc, list[int]] | None = None  # its verbs of reaction ("rejects")

    def demands(self, sent: Span, found: list[Found]) -> Iterator[Found]:
        """"Guo said the United States should stop arming Taiwan", “Russia must withdraw,” the
        minister said: whoever says that another actor should or must act asks it to (REQUEST,
        with the polarity of what is asked)."""
        doc = sent.doc
        if self._modals_at is None or self._modals_at[0] is not doc:
            self._modals_at = (doc, np.flatnonzero(lower_in(doc, _DEMAND_MODALS)).tolist())
        modals = [doc[i] for i in self._modals_at[1] if sent.start <= i < sent.end]
        verbs = {t.head.i: t.head for t in modals if t.dep_ == "aux"}
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

    def followers(self, sent: Span, found: list[Found]) -> Iterator[Found]:
        """"the EU has added new sanctions on Belarus, and Washington has followed": a joining
        verb without an object of its own repeats the act it is coordinated with, for its own
        subject."""
        if not len(sent):
            return
        doc = sent.doc
        if self._joining_at is None or self._joining_at[0] is not doc:
            # only a joining verb can repeat an act: found once per document, the others skipped
            self._joining_at = (doc, np.flatnonzero(lemma_in(doc, _FOLLOW_VERBS)).tolist())
        first, end = sent.start, sent.end
        for i in self._joining_at[1]:
            if not first <= i < end:
                continue
            verb = doc[i]
            if verb.dep_ != "conj" or direct_object(verb) is not None:
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

    def reactions(self, sent: Span, found: list[Found]) -> Iterator[Found]:
        """"Abiy Ahmed declared: '... it will not take a single drop from Egypt.' The Ministry
        rejects these assurances.": a reaction (``_REACTION_TYPES``) whose object points back
        ("these", "this distortion", "the complaint") and names no actor answers the previous
        sentence; its other side is that sentence's main actor (the subject of its main verb, or
        the speaker of the quotation it ends in), when that actor is on another side than the one
        reacting."""
        doc = sent.doc
        if self._reacting_at is None or self._reacting_at[0] is not doc:
            # only a verb of reaction can react: found once per document, the others skipped
            # (as the joining verbs and the modals of demand are)
            lemmas = frozenset(w for w, c in self.lex.verbs.items() if c.type in _REACTION_TYPES)
            self._reacting_at = (doc, np.flatnonzero(lemma_in(doc, lemmas)).tolist())
        for i in self._reacting_at[1]:
            if not sent.start <= i < sent.end:
                continue
            verb = doc[i]
            if verb.pos_ != "VERB" or negated(verb):
                continue
            cue = self.lex.verbs[verb.lemma_.lower()]
            if any(f.cue.i == verb.i for f in found):
                continue
            pointed = direct_object(verb)
            if pointed is None or not _points_back(pointed):
                continue
            if self.index.phrase(pointed)[0]:
                continue  # "rejects this Turkish proposal": the object names its actor
            subject = [c for c in verb.children if c.dep_ == "nsubj"]
            sources = self.index.phrase(subject[0])[0] if subject else []
            answered = self._previous_main_actors(sent)
            targets = [t for t in answered if not any(
                t == s or self.index.same_side(t, s) for s in sources)]
            if sources and targets:
                yield from self._emit(sources, targets, cue, cue.type, modality_of(verb),
                                      PRIOR["verb"] - INFERRED_PENALTY, verb)

    def _previous_main_actors(self, sent: Span) -> list[str]:
        """The actors the subject of the previous sentence's main verb names, or the speaker of
        the quotation the previous sentence ends in ("X declared: '...'")."""
        previous, at = None, sent.start
        while previous is None and at > 0:  # (a sentence of a closing mark alone is none)
            candidate = sent.doc[at - 1].sent
            previous = candidate if any(t.is_alpha for t in candidate) else None
            at = candidate.start
        if previous is None:
            return []
        last = next((t for t in reversed(previous) if not (t.is_punct or t.is_space)), None)
        quote = self.index.quote_at(last.idx) if last is not None else None
        if quote is not None and quote.speaker is not None:
            return [quote.speaker]
        subject = subject_tokens(previous.root)
        return self.index.phrase(subject[0])[0] if subject else []

    def _report_verb(self, cue: Token) -> Token | None:
        """The reporting verb whose that-clause holds ``cue`` ("Baku said that ..."), if any."""
        node = cue
        for _ in range(5):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in _REPORT_VERBS:
                return None if negated(node.head) else node.head
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def own_threats(self, found: list[Found]) -> list[Found]:
        """A hostile act a side says it will or would do is a threat it makes now ("Hezbollah's
        leader said his fighters would strike deep inside Israel if ...": THREATEN, asserted),
        coded as the threat only, as PLOVER codes threats."""
        kept: list[Found] = []
        for each in found:
            verb = None
            if each.type in _ACCUSABLE and each.type != "THREATEN" and each.modality in ("future", "hypothetical"):
                verb = self._report_verb(each.cue)
            sayers = self.subjects(verb)[0] if verb is not None else []
            own = {self.index.affiliation(s) if self.index.is_person(s) else s for s in sayers}
            own |= {state for s in own if (state := self.index.state_of(s)) is not None}
            if own and (each.source in own or self.index.state_of(each.source) in own):
                each = Found(each.source, each.target, "THREATEN", "asserted", each.confidence,
                             each.cue, self.lex.polarity("THREATEN"))
            kept.append(each)
        return kept

    def reported_accusations(self, found: list[Found]) -> Iterator[Found]:
        """A state or body that says that another committed a hostile act accuses it ("Baku
        said that Armenian units had opened fire" -> Azerbaijan ACCUSE Armenia)."""
        seen: set[tuple[str, str]] = set()
        for each in found:
            if each.type not in _ACCUSABLE or each.modality != "asserted":
                continue
            verb = self._report_verb(each.cue)
            if verb is None:
                continue
            sayers, inferred = self.subjects(verb)
            for sayer in sayers:
                if self.index.is_person(sayer) or sayer == each.source or (sayer, each.source) in seen:
                    continue
                seen.add((sayer, each.source))
                prior = PRIOR["verb"] - 0.1 - (INFERRED_PENALTY if inferred else 0.0)
                yield Found(sayer, each.source, "ACCUSE", "asserted", round(prior, 3), verb,
                            self.lex.polarity("ACCUSE"))


def _points_back(noun: Token) -> bool:
    """"these assurances", "this distortion", "the complaint" (a statement or an act named with
    "the"): an object that refers back to what was said or done before."""
    if any(c.dep_ in ("prep", "acl", "relcl") for c in noun.children):
        return False  # "that kind of injustice", "the decision to leave": says what it is
    determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
    return any(d in _POINTING for d in determiners) or (
        any(d in _DEFINITE for d in determiners) and noun.lemma_.lower() in _ANSWERED_NOUNS)

