"""Speaker syntax: speech verbs, their subjects and the words that name a speaker, read from the
spaCy parse.

These readings are shared by every finder of the package (direct quotations, reported and
indirect speech, headlines), so they stand apart from any one of them. They work on tokens only
and know nothing of quotation marks or candidates.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set
from presslens.lexicon.speech import speech_verbs
from presslens.quotes.candidates import Range
from presslens.quotes.lexicon import GROUP_SPEAKERS, QUESTION_VERBS, SPEAKER_PRONOUNS
from presslens.syntax.lookup import line_breaks_before
from presslens.syntax.vocatives import addressed

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NAME_DEPS = frozenset({"compound", "flat", "flat:name"})
_SUBJECT_RELATIVES = word_set("quotes", "subject_relative_pronouns")


def is_speech_verb(token: Token, *, next_to_quote: bool = False) -> bool:
    """A verb of the lexicon; next to quotation marks also "asked" ("“Who benefits?” he asked"),
    which never introduces reported statements."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in speech_verbs() or (next_to_quote and lemma in QUESTION_VERBS)


def same_line(a: Token, b: Token) -> bool:
    """Whether two tokens stand in one paragraph line (no line break between them)."""
    lo, hi = (a.i, b.i) if a.i <= b.i else (b.i, a.i)
    # Line breaks are whitespace tokens of their own, counted once per document
    breaks = line_breaks_before(a.doc)
    return bool(breaks[hi] == breaks[lo])


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb``, inherited through coordination and control.

    The small English parser often runs a headline and dateline into the first paragraph and
    attaches words across the line break; a subject found across a line break is not trusted, and
    the phrase that the parser detached from the verb's own line is used instead."""
    current: Token | None = verb
    for _ in range(4):
        if current is None or not same_line(current, verb):
            break
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and same_line(c, verb)]
        if subjects:
            child = min(subjects, key=lambda c: abs(c.i - verb.i))
            if _addressed(child):
                # "– Gennady Petrovich, Vilnius insists ...": the one asked, not the speaker;
                # the parser may take the real subject for a second item of a list with it, or
                # for its apposition
                listed = [c for c in child.children
                          if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN" and c.i < verb.i]
                if not listed:
                    return None
                child = listed[0]
            if child.lower_ in _SUBJECT_RELATIVES and current.dep_ == "relcl":
                return current.head
            if child.dep_ == "nsubjpass":
                # "This was stated by X": the speaker is the agent.
                agents = [g for c in current.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"]
                if agents:
                    return agents[0]
            return child
        if (current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current) or current.dep_ == "acomp" or (current.pos_ == "ADJ" and current.head is not current):
            current = current.head
        else:
            break
    return _detached_subject(verb)


def _addressed(subject: Token) -> bool:
    """A proper name an interviewer's turn opens with ("– Gennady Petrovich, ..."): the one the
    question is put to (``syntax.vocatives.addressed``)."""
    return subject.pos_ == "PROPN" and addressed(subject.doc[subject.left_edge.i : subject.i + 1])


def _line_start(token: Token) -> int:
    """Offset where the line holding ``token`` begins."""
    for i in range(token.i - 1, -1, -1):
        before = token.doc[i]
        if "\n" in before.text:
            return before.idx + before.text.rfind("\n") + 1
    return 0


def _detached_subject(verb: Token) -> Token | None:
    """The first noun phrase of the verb's line that the parser attached outside the line."""
    line_start = _line_start(verb)
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.idx < line_start or token.is_space or token.is_punct:
            continue
        if token.head.idx < line_start and token.pos_ in ("PROPN", "NOUN", "PRON"):
            return token
        if token.pos_ in ("VERB", "AUX") and token.head.idx >= line_start:
            return None
    return None


def name_head(token: Token) -> Token:
    """Climb from a word inside a name or noun phrase to the phrase's head noun."""
    current = token
    while (
        current.dep_ in _NAME_DEPS | {"amod", "det", "poss", "case"}
        and current.head is not current
        and same_line(current, current.head)
    ):
        current = current.head
    return current


def phrase_range(head: Token) -> Range:
    """The words that name a speaker: the head noun with what stands before it in its phrase."""
    left = head
    for child in head.lefts:
        if child.dep_ in ("punct", "prep", "cc"):
            continue
        if child.left_edge.i < left.i:
            left = child.left_edge
    right = head
    for child in head.rights:
        if child.dep_ in _NAME_DEPS and child.i == right.i + 1:
            right = child
    while left.i < head.i and (left.is_punct or left.is_space or not same_line(left, head)):
        left = left.doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


def is_potential_speaker(token: Token) -> bool:
    if token.lower_ in GROUP_SPEAKERS and token.pos_ in ("PRON", "DET", "ADJ", "NUM", "NOUN"):
        # ("some argue ...", "most of them said ...", "those surveyed say ...": a group or a
        # share of people)
        return True
    if token.pos_ == "PRON":
        return token.lower_ in SPEAKER_PRONOUNS
    # ("two in three said ...": a number stands for the people counted)
    return token.pos_ in ("PROPN", "NOUN", "NUM")
