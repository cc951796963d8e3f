"""Mention <-> token alignment: which actor each token of the parse stands for.

Actor mentions come from the actor stage; on top of them the alignment
- normalises ids: a ministry or embassy acts for its state ("Russia's Foreign Ministry
  condemned" is Russia acting); a seat that stands for an alliance ("Brussels") is the alliance
  when the alliance is an actor of the article; a state body named without its state ("the
  Foreign Ministry") is the state of the one place the sentence names;
- keeps places apart (``places``): a capital named as a plain place is a target only after some
  prepositions ("strikes on Kharkiv"), and gives a stateless body its state;
- drops the name after a headline's dash ("... – Kharlamov"): it says who is quoted;
- drops the name an interviewer's question opens with ("– Timur Rashidovich, in August ..."):
  it says who is asked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from presslens.actors.gazetteer import Gazetteer
from presslens.lexicon import word_set
from presslens.model import Actor, Document
from presslens.syntax.vocatives import addressed_mentions
from presslens.textutil import DASHES


def _any_of(words: frozenset[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words))


# a state's own institutions ("ministry", "embassy", "armed forces")
STATE_INSTITUTION = re.compile(rf"\b({_any_of(word_set('states', 'state_institutions'))})\b", re.IGNORECASE)
# bodies that are a state's when no state is named with them, after a national qualifier
_STATE_BODY = re.compile(
    rf"\b({_any_of(word_set('states', 'state_body_qualifiers'))})\b.*"
    rf"\b({_any_of(word_set('states', 'state_body_nouns'))})\b",
    re.IGNORECASE,
)
INSTITUTION_STATE_ID = re.compile(r"^institution:(q[0-9]+):")  # the actor stage's ids
# mention roles that name the actor in the text (a "place" is aligned apart)
_MENTION_ROLES = frozenset({"name", "metonym", "demonym", "title", "pronoun", "acronym"})


@dataclass
class Alignment:
    kinds: dict[str, str]  # actor id -> kind
    normal: dict[str, str]  # actor id -> the id it acts under
    by_token: dict[int, list[str]]  # token index -> actor ids (mentions other than places)
    places: dict[int, list[str]]  # token index -> actor ids of places named there
    seat_places: dict[int, list[str]]  # the same, for seats of government only (not ``cities``)
    body_tokens: set[int]  # tokens of bodies' mentions, also where they act for a state
    demonym_tokens: set[int]  # tokens of demonym mentions ("Iranians", "Serbian")


def align(doc: Document, sdoc: Doc, gazetteer: Gazetteer | None, seats: dict[str, str]) -> Alignment:
    kinds: dict[str, str] = {a.id: a.kind for a in doc.actors}
    normal = {a.id: normalise(a, doc, kinds) for a in doc.actors}
    places: dict[int, list[str]] = {}
    seat_places: dict[int, list[str]] = {}
    by_token: dict[int, list[str]] = defaultdict(list)
    body_tokens: set[int] = set()
    demonym_tokens: set[int] = set()
    # places first: a body named without its state takes the state of a place beside it
    for actor in doc.actors:
        for mention in actor.mentions:
            if mention.role == "place":
                span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
                entry = gazetteer.get(actor.id) if gazetteer is not None else None
                city = entry is not None and mention.text in entry.cities
                for token in span or []:
                    places.setdefault(token.i, [normal[actor.id]])
                    if not city:
                        seat_places.setdefault(token.i, [normal[actor.id]])
    for actor in doc.actors:
        for mention in actor.mentions:
            if mention.role not in _MENTION_ROLES:
                continue
            actor_id = normal[actor.id]
            seat = seats.get(mention.text)
            if seat and mention.role == "metonym" and seat in kinds:
                actor_id = seat
            span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            if actor_id == actor.id and _stateless_body(actor, gazetteer):
                actor_id = _state_by_place(span, places, kinds) or actor_id
            if actor.kind in ("institution", "organization"):
                body_tokens.update(t.i for t in span)
            if mention.role == "demonym":
                demonym_tokens.update(t.i for t in span)
            for token in span:
                if actor_id not in by_token[token.i]:
                    by_token[token.i].append(actor_id)
    _drop_headline_attribution(doc, sdoc, by_token, kinds)
    _drop_dateline_outlet(doc, sdoc, by_token)
    _drop_vocatives(doc, sdoc, by_token, kinds)
    return Alignment(kinds, normal, dict(by_token), places, seat_places, body_tokens, demonym_tokens)


def normalise(actor: Actor, doc: Document, kinds: dict[str, str]) -> str:
    """The id an actor acts under in relations (a state's ministry acts for the state)."""
    if actor.kind != "institution":
        return actor.id
    match = INSTITUTION_STATE_ID.match(actor.id)
    if match and match.group(1).upper() in kinds:
        return match.group(1).upper()
    if STATE_INSTITUTION.search(actor.name) or any(
        STATE_INSTITUTION.search(m.text) for m in actor.mentions if m.role == "name"
    ):
        for other in doc.actors:
            if other.kind == "country" and re.search(rf"\b{re.escape(other.name)}\b", actor.name):
                return other.id
    return actor.id


def _stateless_body(actor: Actor, gazetteer: Gazetteer | None) -> bool:
    """"the Foreign Ministry", "the National Security Committee": a state body named
    without its state (not a gazetteer entry, which knows its own)."""
    if actor.kind not in ("institution", "organization"):
        return False
    if gazetteer is not None and gazetteer.get(actor.id) is not None:
        return False
    return bool(STATE_INSTITUTION.search(actor.name) or _STATE_BODY.search(actor.name))


def _state_by_place(span: Span, places: dict[int, list[str]], kinds: dict[str, str]) -> str | None:
    """The state whose capital is the one place named in the sentence ("In Paris, the
    Foreign Ministry said ..." is the French ministry)."""
    states = {
        state
        for token in span.sent
        for state in places.get(token.i, [])
        if kinds.get(state) == "country"
    }
    return states.pop() if len(states) == 1 else None


def _drop_headline_attribution(
    doc: Document, sdoc: Doc, by_token: dict[int, list[str]], kinds: dict[str, str]
) -> None:
    """"Islamabad is fighting the wrong war – Kharlamov": the name after the headline's dash
    says who is quoted, it takes part in nothing the headline states."""
    span = doc.meta.title_span
    if span is None:
        return
    title = doc.text[span.start : span.end]
    dash = max(title.rfind(" – "), title.rfind(" — "), title.rfind(" - "))
    if dash < 0:
        return
    tail = sdoc.char_span(span.start + dash, span.end, alignment_mode="expand")
    for token in tail or []:
        ids = by_token.get(token.i, [])
        if ids and all(kinds.get(i) == "person" for i in ids):
            del by_token[token.i]


def _drop_dateline_outlet(doc: Document, sdoc: Doc, by_token: dict[int, list[str]]) -> None:
    """"BEIRUT (Coastline News) – Israeli drone strikes killed ...": the agency in the lede's
    dateline says who reports, it takes part in nothing the lede states (the parser may make it
    the subject)."""
    span = doc.meta.outlet_span
    if span is None:
        return
    after = doc.text[span.end : span.end + 6].lstrip()
    if not after.startswith(")") or after[1:].lstrip()[:1] not in DASHES:
        return
    for token in sdoc.char_span(span.start, span.end, alignment_mode="expand") or []:
        by_token.pop(token.i, None)


def _drop_vocatives(
    doc: Document, sdoc: Doc, by_token: dict[int, list[str]], kinds: dict[str, str]
) -> None:
    """"– Timur Rashidovich, in August Pashinyan and Aliyev signed ...": the one an
    interviewer's question is put to (``syntax.vocatives.addressed``) takes part in nothing it
    states, though the parser makes them its subject."""
    # (a name the recogniser took for an organisation is addressed too: "Vadim Sergeyevich")
    people = ("person", "organization")
    for actor, _, span in addressed_mentions(doc, sdoc, lambda a: kinds.get(a.id) in people):
        for token in span:
            ids = by_token.get(token.i, [])
            if actor.id in ids:
                ids.remove(actor.id)
                if not ids:
                    del by_token[token.i]
