"""Speaker resolution: from the words that name a speaker to the id of an actor.

The rule is evidence first, never proximity: an actor is the speaker when one of its mentions
covers the speaker phrase (or its appositive), when a bare name matches exactly one actor, when a
title was used for exactly one person, or, for a pronoun or title with nothing of its own, when
it can only refer back to the speaker of the previous quote. Anything else stays ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN
from spacy.tokens import Doc, Token

from presslens.lexicon import word_set
from presslens.lexicon.speech import QUESTION_LINE
from presslens.model import Document
from presslens.quotes.attribution import Candidate, Range
from presslens.quotes.lexicon import (
    INSTITUTION_NOUNS,
    OFFICIAL_NOUNS,
    PERSON_PRONOUNS,
    SPOKESPERSON_NOUNS,
    SPOKESPERSON_PREPS,
)

_NAME_DEPS = frozenset({"compound", "flat", "flat:name"})
_DEFINITE_DETERMINERS = word_set("quotes", "definite_determiners")
_THING_SPEAKER_PRONOUNS = word_set("quotes", "thing_speaker_pronouns")
_AUTHORED_TEXTS = word_set("quotes", "authored_texts")
_KIND_PREFERENCE = {"person": 0, "institution": 1, "organization": 2, "party": 3, "media": 4,
                    "group": 5, "alliance": 6, "country": 7}


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    actor_id: str
    kind: str
    role: str


@dataclass(frozen=True)
class Resolved:
    """A candidate placed in text order, with the actor it was resolved to."""

    candidate: Candidate
    speaker: str | None


def core_range(head: Token) -> Range:
    """The head token with the name parts joined to it ("Arkady" + "Telmanov")."""
    left = head
    right = head
    for child in head.lefts:
        if child.dep_ in _NAME_DEPS and child.i == left.i - 1:
            left = child
    for child in head.rights:
        if child.dep_ in _NAME_DEPS and child.i == right.i + 1:
            right = child
    return left.idx, right.idx + len(right.text)


def reach(candidate: Candidate) -> int:
    """Where a quote and its attribution end: narration after this point is new text."""
    ends = [candidate.end]
    ends.extend(r[1] for r in (candidate.cue, candidate.speaker_phrase) if r is not None)
    return max(ends)


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _is_definite_singular(noun: Token) -> bool:
    """ "the expert", "the ministry's spokeswoman": a title that can stand for one known speaker
    (unlike "many commentators" or "experts")."""
    if noun.tag_ in ("NNS", "NNPS"):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS)
               for c in noun.children)


class SpeakerResolver:
    def __init__(self, doc: Document, sdoc: Doc, quoted: list[Range]) -> None:
        self.text = doc.text
        self.sdoc = sdoc
        self.kinds = {a.id: a.kind for a in doc.actors}
        self.names = {a.id: a.name for a in doc.actors}
        self.mentions = sorted(
            (MentionRef(m.start, m.end, a.id, a.kind, m.role) for a in doc.actors for m in a.mentions),
            key=lambda m: (m.start, m.end, m.actor_id),
        )
        self.person_entities = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "PERSON"]
        self.quoted = quoted
        self._nouns: dict[str, list[int]] | None = None

    def actors_in(self, span: Range) -> list[str]:
        """Ids of actors mentioned in ``span``, in order of first mention."""
        ids: list[str] = []
        for m in self.mentions:
            if m.start >= span[0] and m.end <= span[1] and m.actor_id not in ids:
                ids.append(m.actor_id)
        return ids

    def _at(self, span: Range) -> str | None:
        hits = [m for m in self.mentions if _overlaps((m.start, m.end), span)]
        if not hits:
            return None
        hits.sort(key=lambda m: (_KIND_PREFERENCE.get(m.kind, 9), -(m.end - m.start), m.actor_id))
        return hits[0].actor_id

    def resolve(self, candidate: Candidate, history: list[Resolved]) -> str | None:
        head = candidate.speaker_head
        if head is None:
            return None
        found = self._at(core_range(head))
        if found is not None:
            return found
        for child in head.children:
            if child.dep_ == "appos":
                found = self._at(core_range(child))
                if found is not None:
                    return found
        # a body's noun written in lower case is no name, whatever the tagger says ("South
        # Korea's foreign ministry said": "ministry" tagged NNP)
        body_noun = head.is_lower and head.lower_ in INSTITUTION_NOUNS
        if head.pos_ == "PROPN" and not body_noun:
            return self._by_name(core_range(head))
        lemma = head.lemma_.lower()
        if head.lower_ in SPOKESPERSON_NOUNS or lemma in SPOKESPERSON_NOUNS:
            found = self._spoken_for(head, candidate, history)
            if found is not None:
                return found
        if body_noun or (head.pos_ == "NOUN" and (
            lemma in INSTITUTION_NOUNS or (lemma in OFFICIAL_NOUNS and head.tag_ == "NNS")
        )):
            state = self._state_of(head)
            if state is not None:
                return state
        if head.pos_ == "PRON":
            lower = head.lower_
            if lower not in PERSON_PRONOUNS and lower not in _THING_SPEAKER_PRONOUNS:
                return None
            person = lower in PERSON_PRONOUNS
            return self._sentence_antecedent(head, person) or self._previous_speaker(
                candidate, head, history, person=person
            )
        if head.pos_ == "NOUN" and head.tag_ == "NN" and not any(c.dep_ == "det" for c in head.children):
            # a bare title, as headlines have it ("..., says Turkish analyst"): the one person
            # the text introduces with it
            introduced = self.introduced_as(head)
            if introduced is not None:
                return introduced
        if head.pos_ == "NOUN" and lemma in _AUTHORED_TEXTS and _is_definite_singular(head):
            # "“...,” the statement added": its author, named as its possessor or quoted last
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            found = self._at(core_range(owner)) if owner is not None else None
            return found or self._previous_speaker(candidate, head, history, person=None)
        if head.pos_ == "NOUN" and _is_definite_singular(head):
            lemma = head.lemma_.lower()
            if lemma in INSTITUTION_NOUNS:
                return self._institution_title(lemma, candidate, history)
            introduced = self.introduced_as(head)
            if introduced is not None:
                return introduced
            return self._previous_speaker(candidate, head, history, person=True)
        return None

    def _spoken_for(self, spokesperson: Token, candidate: Candidate, history: list[Resolved]) -> str | None:
        """The body an unnamed spokesperson speaks for: the one after "for" ("a spokesperson for
        the Taiwan Affairs Office"), or the one named before with the noun before the title ("a
        department spokesperson")."""
        for prep in spokesperson.children:
            if prep.dep_ == "prep" and prep.lower_ in SPOKESPERSON_PREPS:
                for body in prep.children:
                    found = self._at(core_range(body)) if body.dep_ == "pobj" else None
                    if found is not None:
                        return found
        for body in spokesperson.children:
            if body.dep_ == "compound" and body.lemma_.lower() in INSTITUTION_NOUNS:
                found = self._institution_title(body.lemma_.lower(), candidate, history)
                if found is not None:
                    return found
        return None

    def _sentence_antecedent(self, pronoun: Token, person: bool) -> str | None:
        """The subject of the sentence before, in the same paragraph, when it is an actor of the
        pronoun's sort ("The embassy rejected the protest. ... it described ...")."""
        sent = pronoun.sent
        if sent.start == 0:
            return None
        before = self.sdoc[sent.start - 1].sent
        if "\n" in self.text[before.start_char : pronoun.idx]:
            return None
        roots = [t for t in before if t.dep_ == "ROOT"]
        if not roots:
            return None
        subjects = [c for c in roots[0].children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].pos_ == "PRON":
            return None
        found = self._at(core_range(subjects[0]))
        if found is None or (self.kinds.get(found) == "person") != person:
            return None
        return found

    def _state_of(self, head: Token) -> str | None:
        """ "Ukrainian officials", "the Russian embassy": officials of a state speak for it."""
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                found = self._at(core_range(child))
                if found is not None and self.kinds.get(found) == "country":
                    return found
        return None

    def _by_name(self, span: Range) -> str | None:
        """A name with no mention under it: the one actor whose name or mention reads the same."""
        words = self.text[span[0] : span[1]]
        hits = {
            m.actor_id
            for m in self.mentions
            if self.text[m.start : m.end] == words and m.role in ("name", "acronym")
        }
        hits |= {
            actor_id
            for actor_id, name in self.names.items()
            if name == words or name.endswith(" " + words)
        }
        return next(iter(hits)) if len(hits) == 1 else None

    def _nouns_by_lemma(self) -> dict[str, list[int]]:
        """The nouns of the document by lowercased lemma, in text order (read once)."""
        if self._nouns is None:
            self._nouns = {}
            lemmas = self.sdoc.to_array(LEMMA)
            strings = self.sdoc.vocab.strings
            for i in np.flatnonzero(self.sdoc.to_array(POS) == NOUN).tolist():
                self._nouns.setdefault(strings[int(lemmas[i])].lower(), []).append(i)
        return self._nouns

    def introduced_as(self, head: Token) -> str | None:
        """The one person the text describes with this title noun ("political scientist X")."""
        lemma = head.lemma_.lower()
        people: set[str] = set()
        for i in self._nouns_by_lemma().get(lemma, []):
            token = self.sdoc[i]
            related = [c for c in token.children if c.dep_ in ("appos", "compound")]
            if token.dep_ in ("appos", "compound"):
                related.append(token.head)
            for other in related:
                for m in self.mentions:
                    if m.kind == "person" and _overlaps((m.start, m.end), core_range(other)):
                        people.add(m.actor_id)
        return next(iter(people)) if len(people) == 1 else None

    def _institution_title(
        self, lemma: str, candidate: Candidate, history: list[Resolved]
    ) -> str | None:
        matching = sorted(
            actor_id for actor_id, name in self.names.items() if lemma in name.lower().split()
        )
        for earlier in reversed(history):
            if earlier.speaker is not None and earlier.speaker in matching:
                return earlier.speaker
        return matching[0] if len(matching) == 1 else None

    def _previous_speaker(
        self, candidate: Candidate, head: Token, history: list[Resolved], person: bool | None
    ) -> str | None:
        """The latest speaker quoted before, if a person (``person``), a body (not ``person``)
        or either (None) as asked, and no other person named since."""
        previous = next(
            (r for r in reversed(history) if r.speaker is not None and not self.in_question(r)),
            None,
        )
        if previous is None:
            return None
        speaker = previous.speaker
        assert speaker is not None
        kind = self.kinds.get(speaker)
        if person is not None and kind is not None and (kind == "person") != person:
            return None
        since = reach(previous.candidate)
        if self.other_person_between(speaker, since, head.idx):
            return None
        return speaker

    def other_person_between(self, speaker: str, start: int, end: int) -> bool:
        """Whether narration between ``start`` and ``end`` names a person other than ``speaker``
        (quoted text does not count: a person quoted about is not a new referent for "he")."""
        if end <= start:
            return False
        own = [(m.start, m.end) for m in self.mentions if m.actor_id == speaker]
        for m in self.mentions:
            if m.kind != "person" or m.actor_id == speaker or m.role == "pronoun":
                continue
            if start <= m.start < end and not self._quoted(m.start) and not self._asked(m.start):
                return True
        for e in self.person_entities:
            in_narration = start <= e[0] < end and not self._quoted(e[0]) and not self._asked(e[0])
            # A PERSON entity that is no actor's mention is still somebody else.
            if in_narration and not any(_overlaps(e, o) for o in own) and self._at(e) is None:
                return True
        return False

    def in_question(self, item: Resolved) -> bool:
        """Whether a quote stands in an interviewer's question line (it reports a third party,
        so a later "he said" does not refer back to its speaker)."""
        c = item.candidate
        pos = c.cue[0] if c.cue is not None else c.start
        line_start = self.text.rfind("\n", 0, pos) + 1
        line_end = self.text.find("\n", pos)
        line = self.text[line_start : line_end if line_end != -1 else len(self.text)]
        return bool(QUESTION_LINE.search(line))

    def _asked(self, pos: int) -> bool:
        """Whether ``pos`` is in an interviewer's question (a person named there is asked
        about; the answer's "he" is still the interviewee)."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        line_end = self.text.find("\n", pos)
        return bool(QUESTION_LINE.search(self.text[line_start : line_end if line_end != -1 else None]))

    def _quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)
