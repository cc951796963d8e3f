"""Reported speech that is not built as "X said (that) ...": a cue set in the middle of the
reported sentence ("That culture, they said, emphasizes loyalty").

A parenthetical cue is a speech verb the parser hangs off the main verb of the sentence
(``parataxis``), set off by commas on both sides. Its quote is the main clause with the cue
inside it: the one stretch of text that holds all the reported words.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from presslens.lexicon.speech import speech_verbs
from presslens.quotes.attribution import (
    Candidate,
    Range,
    is_potential_speaker,
    is_speech_verb,
    phrase_range,
    same_line,
    set_content_stats,
    subject_of,
)
from presslens.quotes.indirect import cue_range
from presslens.quotes.lexicon import AS_MARKS, COMPLEMENTIZERS


def _between_commas(verb: Token, subject: Token) -> bool:
    doc = verb.doc
    # (a clause the parser coordinated with the cue, "the police added, and had passed ...",
    # and words it hung on the cue before its subject, "Voters, she said, ...", belong to the
    # framed sentence, not to the cue)
    own = [t for c in verb.children if c.dep_ not in ("conj", "cc")
           and c.i >= subject.left_edge.i for t in c.subtree]
    words = [t.i for t in (*subject.subtree, verb, *own) if not t.is_punct]
    first, last = min(words), max(words)
    return (first > 0 and doc[first - 1].text == ","
            and last + 1 < len(doc) and doc[last + 1].text == ",")


def parenthetical_candidate(doc: Doc, verb: Token) -> Candidate | None:
    """`The plan, an aide said, is to vote in spring.`: the sentence around a framed cue."""
    main = verb.head
    # (the framed cue may follow the main verb: "He had no ties, the airline added, and had
    # passed every check")
    if verb.dep_ != "parataxis" or main.i == verb.i or not is_speech_verb(verb):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = subject_of(verb)
    if subject is None or not is_potential_speaker(subject):
        return None
    if not _between_commas(verb, subject) or not same_line(main.left_edge, main.right_edge):
        return None
    first, last = main.left_edge, main.right_edge
    # a report nested at the end ("..., which he said would be its lowest") is its own quote
    nested = [t.left_edge.i for t in doc[verb.right_edge.i + 1 : last.i + 1]
              if t.dep_ == "relcl" and is_speech_verb(t)]
    if nested:
        last = doc[min(nested) - 1]
    while first.i < last.i and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    while last.i > first.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    if first.i >= min(subject.left_edge.i, verb.i):
        return None  # nothing reported before the cue: not a parenthetical
    candidate = Candidate("indirect", first.idx, last.idx + len(last.text), cue_range(verb),
                          subject, phrase_range(subject), "verb")
    return set_content_stats(candidate, doc)


def _as_speaker(verb: Token) -> Token | None:
    """Who reports in "as X noted" (the subject) or "as reported by X" (the agent)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if subjects:
        return subjects[0] if is_potential_speaker(subjects[0]) else None
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    return agents[0] if agents and is_potential_speaker(agents[0]) else None


def as_candidate(doc: Doc, verb: Token) -> Candidate | None:
    """`Turnout fell, as the agency reported.`, `As X noted, ...`, `That, as X points out, is
    ...`: a speech verb in an "as"-clause reports the clause it hangs on. The content is that
    clause without the "as"-clause where it stands at either end, and with it (the cue inside,
    as for a parenthetical cue) where it stands in the middle."""
    if verb.dep_ != "advcl" or not is_speech_verb(verb) or verb.head.i == verb.i:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in AS_MARKS), None)
    if mark is None or mark.i > verb.i or mark.i != verb.left_edge.i:
        return None
    if any(c.dep_ in ("neg", "ccomp", "dobj", "xcomp") for c in verb.children):
        return None  # "as he said that ...", "as she put it": other readings
    speaker = _as_speaker(verb)
    if speaker is None:
        return None
    main = verb.head
    if not same_line(main.left_edge, main.right_edge):
        return None
    first, last = main.left_edge, main.right_edge
    if mark.i <= first.i:
        first = doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(doc) else last
    while first.i < last.i and (first.is_punct or first.is_space or first.dep_ == "cc"):
        first = doc[first.i + 1]
    while last.i > first.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    if verb.right_edge.i >= last.i:
        last = doc[mark.i - 1]
        while last.i > first.i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
    if first.i >= last.i or (mark.i <= first.i <= verb.right_edge.i):
        return None
    candidate = Candidate("indirect", first.idx, last.idx + len(last.text), cue_range(verb),
                          speaker, phrase_range(speaker), "verb")
    candidate = set_content_stats(candidate, doc)
    return candidate if candidate.words >= 3 and candidate.has_verb else None


def parenthetical_candidates(doc: Doc, taken: list[Range]) -> list[Candidate]:
    """Every parenthetical cue's quote that no other reading of the text has claimed."""
    found = []
    # (the dependency labels read as one array: a Python loop over every token costs more than
    # the rest of the quote stage)
    parataxis = np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings["parataxis"]).tolist()
    for i in parataxis:
        candidate = parenthetical_candidate(doc, doc[i])
        if candidate is None:
            continue
        # (a quoted piece inside the framed sentence, "Trump, she said, has built a “zone”",
        # makes it a mixed quote, not a conflict)
        if any(a < candidate.end and candidate.start < b
               and not (candidate.start <= a and b <= candidate.end) for a, b in taken):
            continue
        found.append(candidate)
        taken.append((candidate.start, candidate.end))
    return found


def reported_by_candidate(doc: Doc, verb: Token) -> Candidate | None:
    """`The campaign, first reported by the Post, is a key part of ...`: a passive speech verb
    on a noun, with its agent, between commas; the framed sentence is the quote, cue inside."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or not is_speech_verb(verb):
        return None
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    if not agents or not is_potential_speaker(agents[0]):
        return None
    first_word, last_word = verb.left_edge.i, verb.right_edge.i
    if not (first_word > 0 and last_word + 1 < len(doc) and doc[first_word - 1].text == ","
            and doc[last_word + 1].text == ","):
        return None
    main = verb.head
    while main.dep_ not in ("ROOT",) and main.head.i != main.i and same_line(main.head, verb):
        main = main.head
    first, last = main.left_edge, main.right_edge
    while first.i < last.i and (first.is_punct or first.is_space or first.dep_ == "cc"):
        first = doc[first.i + 1]
    while last.i > first.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    if not (first.i < first_word and last_word < last.i) or not same_line(first, last):
        return None
    candidate = set_content_stats(
        Candidate("indirect", first.idx, last.idx + len(last.text), cue_range(verb), agents[0],
                  phrase_range(agents[0]), "verb"), doc)
    return candidate if candidate.has_verb else None


def as_candidates(doc: Doc, taken: list[Range]) -> list[Candidate]:
    """Every "as"-clause or "reported by" cue's quote that overlaps no quote found otherwise (a sentence that
    already has its cue, "According to X, ... , as critics claim, ...", keeps that one)."""
    found = []
    deps = doc.to_array(DEP)
    clauses = np.flatnonzero((deps == doc.vocab.strings["advcl"])
                             | (deps == doc.vocab.strings["acl"])).tolist()
    verbs = speech_verbs()
    for i in clauses:
        token = doc[i]
        if token.lemma_.lower() not in verbs:
            continue
        candidate = as_candidate(doc, token) or reported_by_candidate(doc, token)
        if candidate is None or any(a < candidate.end and candidate.start < b for a, b in taken):
            continue
        found.append(candidate)
        taken.append((candidate.start, candidate.end))
    return found


_HEADLINE_MIN_WORDS = 3


def headline_speech_candidate(doc: Doc, text: str, headline: Range | None) -> Candidate | None:
    """`Obama says Trump modelling policies on Putin`: a headline whose main verb is a verb of
    saying reports what follows it, however the parser reads the telegraphic rest."""
    if headline is None:
        return None
    line = doc.char_span(headline[0], headline[1], alignment_mode="contract")
    if line is None:
        return None
    verbs = [t for t in line if t.dep_ == "ROOT" and is_speech_verb(t)]
    if not verbs:
        return None
    verb = verbs[0]
    if any(c.i > verb.i and c.dep_ in ("prep", "advcl", "dative", "agent") for c in verb.children):
        # "Russia accuses Kyiv of persecution", "Moscow warns Yerevan after the drills": the verb
        # takes a person and a charge or an occasion, not reported words
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i or not is_potential_speaker(subject):
        return None
    rest = [t for t in line if t.i > verb.i]
    while rest and (rest[0].is_punct or (rest[0].lower_ in COMPLEMENTIZERS and rest[0].dep_ == "mark")):
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if len(rest) < _HEADLINE_MIN_WORDS:
        return None
    candidate = Candidate("indirect", rest[0].idx, rest[-1].idx + len(rest[-1].text),
                          cue_range(verb), subject, phrase_range(subject), "verb")
    return set_content_stats(candidate, doc)


_LABEL_MAX_WORDS = 6
_LINE_MIN_WORDS = 4
_SPEAKER_LABEL = re.compile(r"^(?P<label>[^\s:“\"«„][^:\n“\"«„]{0,80}?):[ \t]+(?P<body>\S[^\n]*)$",
                            re.MULTILINE)


def speaker_label_candidates(doc: Doc, text: str, taken: list[Range]) -> list[Candidate]:
    """Transcript and panel lines, `TAPPER: Do you think ...` or `Joel Pollak, Breitbart: the
    clear winner was ...`: a short label that names a person, a colon, and that person's words
    to the end of the line (verbatim, so direct, though unmarked)."""
    found = []
    matches = list(_SPEAKER_LABEL.finditer(text))
    # a transcript names its speakers in capitals, each more than once ("TAPPER: ...")
    label_counts = Counter(m.group("label") for m in matches)
    for match in matches:
        body_start, body_end = match.start("body"), match.end("body")
        if text[body_start] in "“\"«„" or any(a < body_end and body_start < b for a, b in taken):
            continue  # a quotation after the colon is read as such (direct_candidates)
        label = doc.char_span(match.start("label"), match.end("label"), alignment_mode="contract")
        body = doc.char_span(body_start, body_end, alignment_mode="contract")
        if label is None or body is None:
            continue
        words = [t for t in label if not t.is_punct]
        if not words or len(words) > _LABEL_MAX_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
            continue
        people = [e for e in doc.ents if e.label_ == "PERSON"
                  and label.start <= e.start and e.end <= label.end]
        transcript = label_counts[match.group("label")] > 1 and all(
            t.text.isupper() for t in words if t.is_alpha)
        if not people and not transcript:
            continue
        body_words = [t for t in body if not (t.is_punct or t.is_space)]
        if len(body_words) < _LINE_MIN_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in body):
            continue
        speaker = people[0].root if people else words[-1]
        end = body_end
        while end > body_start and text[end - 1] in " \t":
            end -= 1
        candidate = Candidate("direct", body_start, end, (match.end("label"), match.end("label") + 1),
                              speaker, phrase_range(speaker), "before")
        found.append(set_content_stats(candidate, doc))
    return found
