"""Pronouns ("he", "she") outside quotes, resolved to the latest person named before them whose
gender fits.

Two readings of salience and syntax go before recency: a pronoun that opens a sentence as its
main subject continues the previous sentence's main subject, or its owner ("President X, who
toppled Y, said ... He rejected ...": X, not Y; "X's budget passed ... He thanked ...": X); an
object pronoun is never the subject of its own verb or of the verb that controls it ("Trump
agreed to meet him": not Trump), and a reflexive one is that subject ("Ruiz says X embarrassed
himself": X). Otherwise the subject of a speech verb ("he noted") is the latest person who spoke,
not a person spoken about in between, and so is the owner of a view that frames what follows ("In
his view, ..."); a person named in an interviewer's question line is asked about, not speaking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.actors.drafts import ActorDraft
from presslens.actors.gender import fits, generic_pronoun, pronoun_gender
from presslens.lexicon import word_set
from presslens.lexicon.speech import QUESTION_LINE, speech_verbs
from presslens.syntax.pronouns import binding_subjects, is_main_subject, previous_main_subject

if TYPE_CHECKING:
    from presslens.actors.stage import _Run

# "according to X": the lemma of the word before the preposition, then the preposition
_SPEAKER_SOURCE_PHRASES = word_set("name_parts", "speaker_source_phrases")
_REFLEXIVE = word_set("pronouns", "reflexive")
# "in his view", "in her opinion" (data/en/quotes.yaml: the quote stage's opinion frames)
_OPINION_NOUNS = word_set("quotes", "opinion_nouns")
_VIEW_PREPS = word_set("quotes", "view_preps")


def add_pronouns(run: _Run) -> None:
    for tok in run.tokens:
        gender = pronoun_gender(tok.lower_)
        if gender is None or tok.i in run.taken or run._in_quote(tok.idx) or generic_pronoun(tok):
            continue
        person = _resolve_pronoun(run, tok, gender)
        if person is not None:
            if not person.gender:
                person.gender = gender
            run._claim(person, run.sdoc[tok.i : tok.i + 1], "pronoun")


def _resolve_pronoun(run: _Run, tok: Token, gender: str) -> ActorDraft | None:
    """The latest person named before the pronoun (outside quotes) whose gender fits. A main
    subject continues the previous sentence's main subject (or its owner) where that is a
    person; else the subject of a speech verb ("he noted", "she said") is the latest person who
    spoke, not a person spoken about in between ("... for Maduro's arrest is a bounty. He noted
    ..."). An object pronoun skips the subjects it is bound away from; a reflexive one is bound
    to them."""
    if tok.lower_ in _REFLEXIVE:
        bound = _persons_at(run, _chars(binding_subjects(tok)), gender)
        if len(bound) == 1:
            return bound[0]
    if is_main_subject(tok):
        topic = _previous_main_subject(run, tok, gender)
        if topic is not None:
            return topic
    if (tok.dep_ == "nsubj" and tok.head.lemma_ in speech_verbs()) or _owns_a_view(tok):
        speaker = _latest_person(run, tok, gender, speakers_only=True)
        if speaker is not None:
            return speaker
    return _latest_person(run, tok, gender, speakers_only=False, excluded=_co_arguments(run, tok))


def _owns_a_view(tok: Token) -> bool:
    """The owner of an opinion that frames what follows ("In his view, ...", "in her opinion"):
    like the subject of a speech verb, the latest person who spoke."""
    noun = tok.head
    return (tok.dep_ == "poss" and noun.lower_ in _OPINION_NOUNS
            and noun.head.lower_ in _VIEW_PREPS and noun.dep_ == "pobj")


def _persons_at(run: _Run, stretches: list[tuple[int, int]], gender: str) -> list[ActorDraft]:
    """The persons of fitting gender with a mention (outside quotes) overlapping one of the
    character ``stretches``."""
    found = []
    for draft in run.drafts.values():
        if draft.kind != "person" or not fits(draft.gender, gender):
            continue
        if any(s < end and start < e and not run._in_quote(s)
               for (s, e) in draft.mentions for (start, end) in stretches):
            found.append(draft)
    return found


def _chars(tokens: list[Token]) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t)) for t in tokens]


def _previous_main_subject(run: _Run, tok: Token, gender: str) -> ActorDraft | None:
    """For a pronoun that is its sentence's main subject with no person of its gender named
    before it in the sentence: the one person who is the previous sentence's main subject."""
    if _persons_at(run, [(tok.sent.start_char, tok.idx)], gender):
        return None
    persons = _persons_at(run, _chars(previous_main_subject(tok)), gender)
    return persons[0] if len(persons) == 1 else None


def _co_arguments(run: _Run, tok: Token) -> frozenset[str]:
    """The persons an object pronoun cannot stand for (``binding_subjects``)."""
    bound = binding_subjects(tok)
    if not bound:
        return frozenset()
    gender = pronoun_gender(tok.lower_) or ""
    return frozenset(d.key for d in _persons_at(run, _chars(bound), gender))


def _latest_person(run: _Run, tok: Token, gender: str, speakers_only: bool,
                   excluded: frozenset[str] = frozenset()) -> ActorDraft | None:
    best: tuple[int, ActorDraft] | None = None
    for draft in run.drafts.values():
        if draft.kind != "person" or not fits(draft.gender, gender) or draft.key in excluded:
            continue
        before = [s for (s, _e) in draft.mentions if s < tok.idx and not run._in_quote(s)]
        if speakers_only:
            before = [s for s in before if _speaks_at(run, s) and not _asked_at(run, s)]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), draft)
    return best[1] if best else None


def _asked_at(run: _Run, char: int) -> bool:
    """Inside an interviewer's question line: a person named there is asked about."""
    line_start = run.text.rfind("\n", 0, char) + 1
    line_end = run.text.find("\n", char)
    return bool(QUESTION_LINE.search(run.text[line_start : line_end if line_end != -1 else None]))


def _speaks_at(run: _Run, char: int) -> bool:
    """Whether the mention at ``char`` is a speaker: subject of a speech verb, "according to
    X", or a name introduced with a role noun ("the political scientist X")."""
    span = run.sdoc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ == "nsubj" and token.head.lemma_ in speech_verbs():
        return True
    if token.dep_ == "pobj" and f"{token.head.head.lemma_} {token.head.lower_}" in _SPEAKER_SOURCE_PHRASES:
        return True
    return any(c.lower_ in run.x.titles.all for c in token.children if c.dep_ in ("compound", "appos"))
