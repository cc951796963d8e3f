"""Phrasal cues at a sentence's edge: "According to X, ...", "..., according to X", "In X's
view, ...", "In the opinion of X, ...", "As X put it, ...".

"According to" reports a speaker, a person or a body ("according to the ministry"), not a
document or a count: "according to a poll / the report / official figures" gives no quote
(``according_not_speakers`` in ``data/en/quotes.yaml``) unless the text names who gave it
("according to figures cited by the Commission": the Commission's).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presslens.quotes.attribution import (
    OPENING_MARKS,
    QUOTE_MARK_CHARS,
    Candidate,
    Range,
    is_speech_verb,
    phrase_range,
    subject_of,
)
from presslens.quotes.lexicon import (
    ACCORDING_NOT_SPEAKERS,
    AS_MARKS,
    AS_VERBS,
    OPINION_NOUNS,
    SOURCE_PHRASES,
    VIEW_OWNER_PREPS,
    VIEW_PREPS,
)

_LEADS = VIEW_PREPS | AS_MARKS  # "In X's view, ...", "As X put it, ..."


def content_end(sent: Span, text: str, after: int) -> int:
    """End of the reported content: the sentence end, before a line break or final punctuation."""
    end = sent.end_char
    newline = text.find("\n", after, end)
    if newline != -1:
        end = newline
    while end > after and (text[end - 1] in " .;:!?" or text[end - 1] in QUOTE_MARK_CHARS):
        if text[end - 1] in "”»\"" and text[:end - 1].rfind("“") > text[:end - 1].rfind("”"):
            break
        end -= 1
    return end


def _main_clause_after(doc: Doc, text: str, cue_end_token: Token) -> Range | None:
    """Content after a sentence-initial cue phrase ("According to X, ..."): to the sentence end."""
    sent = cue_end_token.sent
    i = cue_end_token.i + 1
    if i < sent.end and doc[i].text == ",":
        i += 1
    if i >= sent.end:
        return None
    start = doc[i].idx
    return start, content_end(sent, text, start)


def according_cue(doc: Doc, text: str, token: Token, direct: list[Range]) -> Candidate | None:
    if token.i + 1 >= len(doc) or (token.lower_, doc[token.i + 1].lower_) not in SOURCE_PHRASES:
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    speaker = objects[0]
    if speaker.lemma_.lower() in ACCORDING_NOT_SPEAKERS:
        # ("according to a poll", "according to the report": no one speaks, unless the text
        # names who gave the document: "according to figures cited by the Commission")
        agent = next((g for a in speaker.children if a.dep_ == "acl" for c in a.children
                      if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is None:
            return None
        speaker = agent
    sent = token.sent
    cue = (token.idx, to.idx + len(to.text))
    before = [t for t in doc[sent.start : token.i] if not (t.is_punct or t.is_space)]
    if not before:
        content = _main_clause_after(doc, text, speaker.right_edge)
        if content is None:
            return None
        return Candidate("indirect", content[0], content[1], cue, speaker, phrase_range(speaker),
                         "according")
    after = [t for t in doc[speaker.right_edge.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if after:
        return None
    start = before[0].idx
    last = before[-1]
    return Candidate("indirect", start, last.idx + len(last.text), cue, speaker,
                     phrase_range(speaker), "according")


def opinion_cue(doc: Doc, text: str, token: Token, direct: list[Range]) -> Candidate | None:
    """`In X's view, ...`, `In the opinion of X, ...`, `As X put it, ...` at a sentence start."""
    if token.lower_ not in OPINION_NOUNS and not is_speech_verb(token) and token.lemma_ not in AS_VERBS:
        return None
    sent = token.sent
    lead = [t for t in doc[sent.start : token.i + 1] if not (t.is_punct or t.is_space)]
    if not lead or lead[0].lower_ not in _LEADS:
        return None
    speaker: Token | None = None
    if lead[0].lower_ in VIEW_PREPS and token.lower_ in OPINION_NOUNS and len(lead) <= 5:
        owners = [c for c in token.children if c.dep_ == "poss"]
        if owners:
            speaker = owners[0]
        else:
            of_objects = [g for c in token.children if c.lower_ in VIEW_OWNER_PREPS
                          for g in c.children if g.dep_ == "pobj"]
            if of_objects:
                speaker = of_objects[0]
        end_token = speaker.right_edge if speaker is not None and speaker.i > token.i else token
    elif (lead[0].lower_ in AS_MARKS and is_speech_verb(token)) or (
        lead[0].lower_ in AS_MARKS and token.lemma_ in AS_VERBS
    ):
        speaker = subject_of(token)
        end_token = token
        for child in token.rights:
            if child.dep_ in ("dobj", "prt"):
                end_token = child
    else:
        return None
    if speaker is None:
        return None
    after = doc[end_token.i + 1] if end_token.i + 1 < sent.end else None
    if after is None or after.text != ",":
        return None
    start_token = doc[after.i + 1] if after.i + 1 < sent.end else None
    if start_token is None or start_token.text in OPENING_MARKS:
        return None
    start = start_token.idx
    cue = (lead[0].idx, end_token.idx + len(end_token.text))
    return Candidate("indirect", start, content_end(sent, text, start), cue, speaker,
                     phrase_range(speaker), "opinion")
