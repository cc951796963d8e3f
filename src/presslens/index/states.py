"""Whom an actor speaks and acts for: its affiliation (whom a speaker's "we" stands for) and its
state (``state_of``: the country a leader, minister, ministry, army, parliament, embassy,
spokesperson or party acts for, for a state-level network).

Facts come first from the gazetteer (an entry's ``affiliation``, a person's roles, the state in an
institution's id ``institution:q159:...``), then from the text: a demonym or a state's name beside
a person's office ("British Defence Secretary Tom King") or in a body's name ("the Azerbaijani
parliament").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.actors.gazetteer import Gazetteer
from presslens.index.alignment import INSTITUTION_STATE_ID
from presslens.lexicon import word_set

if TYPE_CHECKING:
    from presslens.index.document import DocumentIndex

_OFFICES = word_set("states", "offices")
_FORMER = word_set("states", "former_markers")
# parts of a spokesperson's roles and titles ("spokes" of spokeswoman, "press secretary")
_SPOKESPERSON_ROLES = word_set("states", "spokesperson_roles")
_SPOKESPERSON_TITLES = word_set("states", "spokesperson_titles")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_GENITIVE_PREPS = word_set("places", "genitive_preps")  # "the Ministry ... of Cambodia"
# kinds that act for a state when a state is known for them (media, churches and armed groups
# are located in a state, they do not act for it)
_STATE_AGENTS = frozenset({"person", "institution", "party"})


# ---------------------------------------------------------------------- affiliation
def affiliation(index: DocumentIndex, speaker: str, token: Token | None = None) -> str:
    """Whom a speaker's "we" stands for: their state or organisation on evidence, else them."""
    if token is not None:
        headline = _headline_subject(index, token)
        if headline is not None:
            return headline
    if speaker in index._affiliation:
        return index._affiliation[speaker]
    found = _find_affiliation(index, speaker) or speaker
    index._affiliation[speaker] = found
    return found


def _headline_subject(index: DocumentIndex, token: Token) -> str | None:
    """The headline restates the quote with a country as subject of the same verb."""
    span = index.doc.meta.title_span
    if span is None or token.idx < span.end:
        return None
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for htoken in index.sdoc.char_span(span.start, span.end, alignment_mode="expand") or []:
        if htoken.lemma_ == verb.lemma_ and htoken.pos_ == verb.pos_:
            for child in htoken.children:
                if child.dep_ in _SUBJECT_DEPS:
                    ids = [i for i in index.by_token.get(child.i, []) if index.kinds.get(i) == "country"]
                    if len(ids) == 1:
                        return ids[0]
    return None


def named_state(index: DocumentIndex, actor_id: str) -> str | None:
    """The state an actor named beside a speaker places them in: a state, a state's ministry,
    or a body whose gazetteer affiliation is a state of the article ("deputy chair of the
    Armenian parliament's committee" speaks for Armenia)."""
    state = index.normal(actor_id)
    if index.kinds.get(state) == "country":
        return state
    if index.kinds.get(actor_id) == "institution" and index.gazetteer is not None:
        entry = index.gazetteer.get(actor_id)
        if entry is not None and entry.affiliation and index.kinds.get(entry.affiliation) == "country":
            return entry.affiliation
    return None


def leader_state(index: DocumentIndex, actor_id: str) -> str | None:
    """The state of a leader the gazetteer knows ("the Trump administration" is the US's)."""
    if not index.is_person(actor_id) or index.gazetteer is None:
        return None
    entry = index.gazetteer.get(actor_id)
    if entry is not None and entry.affiliation and index.kinds.get(entry.affiliation) == "country":
        return entry.affiliation
    return None


def _find_affiliation(index: DocumentIndex, speaker: str) -> str | None:
    normal = index.normal(speaker)
    if normal != speaker or index.kinds.get(speaker) in ("country", "alliance"):
        return normal
    if index.gazetteer is not None:
        entry = index.gazetteer.get(speaker)
        if entry is not None and entry.affiliation and entry.affiliation in index.kinds:
            return entry.affiliation
    actor = index.doc.actor(speaker)
    if actor is None or actor.kind != "person":
        return None
    best: tuple[int, int, str] | None = None
    for mention in actor.mentions:
        if mention.role not in ("name", "title"):
            continue
        span = index.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        while root.dep_ in ("compound", "appos", "flat") and root.head.i != root.i:
            root = root.head
        for tok in root.subtree:
            if abs(tok.i - span.start) > 10 or span.start <= tok.i < span.end:
                continue
            for other in index.doc.actors:
                if other.id == speaker:
                    continue
                for om in other.mentions:
                    # a demonym or state named beside the speaker, or a body naming them
                    # ("the ministry's spokeswoman, X": "the ministry" refers back to one)
                    named = om.role in ("demonym", "name", "metonym", "acronym")
                    body = om.role == "title" and other.kind == "institution"
                    if om.start <= tok.idx < om.end and (named or body):
                        state = named_state(index, other.id)
                        if state is None and body:
                            state = index.normal(other.id)  # the body itself, its state unnamed
                        if state is None:
                            continue
                        kind_rank = 0 if om.role == "demonym" else 1 if named else 2
                        rank = (kind_rank, abs(tok.i - span.start), state)
                        if best is None or rank < best:
                            best = rank
    return best[2] if best else _office_state_elsewhere(index, actor.id)


def _office_state_elsewhere(index: DocumentIndex, person: str) -> str | None:
    """The state the person's office is given elsewhere in the text without a name: wire copy
    names "Kosovo's interior minister" in its first sentence and "Interior Minister Xhelal
    Sveçla" in the next. The office is the person's title words ("Interior Minister"); the
    state is the country written just before the same words elsewhere ("Kosovo's", "the
    Kosovar"), where no name follows them; one state only."""
    actor = index.doc.actor(person)
    if actor is None:
        return None
    sdoc = index.sdoc
    titles: set[tuple[str, ...]] = set()  # the title words, lower case
    for mention in actor.mentions:
        if mention.role != "name":
            continue
        span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for noun in _role_nouns(span.root):
            if _office(noun) and noun.i < span.start:
                words = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i < noun.i]
                titles.add(tuple(t.lower_ for t in [*words, noun]))
    states: set[str] = set()
    for title in titles:
        # the text searched for the title, not every token made a Token (most have none); case
        # ignored in the pattern, not by lowering the text (lowering may change its length)
        pattern = r"\b" + r"\s+".join(map(re.escape, title)) + r"\b"
        for match in re.finditer(pattern, sdoc.text, flags=re.IGNORECASE):
            found = sdoc.char_span(match.start(), match.end())
            if found is None:
                continue
            i = found.start
            after = found.end
            if after < len(sdoc) and sdoc[after].pos_ == "PROPN":
                continue  # "Foreign Minister Yván Gil": another person named with the office
            before = i - 1
            if before >= 0 and sdoc[before].tag_ == "POS":
                before -= 1  # "Kosovo's interior minister"
            for actor_id in index.by_token.get(before, []) if before >= 0 else []:
                if index.kinds.get(actor_id) == "country":
                    states.add(actor_id)
    return states.pop() if len(states) == 1 else None


def spokespeople_act_for_their_state(index: DocumentIndex) -> None:
    """A spokesperson's acts are their state's ("Zakharova criticised the law" is Russia
    criticising it), when the gazetteer or a title in the text says they are one and their
    state is known."""
    for actor in index.doc.actors:
        if actor.kind != "person":
            continue
        entry = index.gazetteer.get(actor.id) if index.gazetteer is not None else None
        spokes = any(part in role for role in (entry.roles if entry else ()) for part in _SPOKESPERSON_ROLES)
        spokes = spokes or any(
            m.role == "title" and any(part in m.text.lower() for part in _SPOKESPERSON_TITLES) for m in actor.mentions
        )
        if not spokes:
            continue
        state = affiliation(index, actor.id)
        if state == actor.id or index.kinds.get(state) != "country":
            continue
        for ids in index.by_token.values():
            for k, actor_id in enumerate(ids):
                if actor_id == actor.id:
                    ids[k] = state


# ---------------------------------------------------------------------- office
def holds_office(index: DocumentIndex, person: str) -> bool:
    """Whether a person speaks for a state by office: a gazetteer entry with an affiliation
    (heads of state and government, ministers), or an office noun in their title or beside their
    name ("spokeswoman Sona X", "X, deputy chair of ..."), not a former one."""
    if person not in index._offices:
        index._offices[person] = _find_office(index, person)
    return index._offices[person]


def _find_office(index: DocumentIndex, person: str) -> bool:
    if index.gazetteer is not None:
        entry = index.gazetteer.get(person)
        if entry is not None and entry.affiliation:
            return True
    actor = index.doc.actor(person)
    if actor is None:
        return False
    for mention in actor.mentions:
        if mention.role not in ("name", "title"):
            continue
        span = index.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        if mention.role == "title" and any(_office(t) for t in span):
            return True
        if any(_office(t) for t in _role_nouns(span.root)):
            return True
    return False


def _role_nouns(name: Token) -> list[Token]:
    """The nouns that say what a named person is: "spokeswoman Sona X", "X, deputy chair of
    ...", "The ministry's spokeswoman, X" — not the titles of other people nearby."""
    root = name
    while root.dep_ in ("compound", "flat") and root.head.i != root.i:
        root = root.head
    nouns = [c for c in root.children if c.dep_ in ("compound", "appos")]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return nouns


def _office(token: Token) -> bool:
    if token.lemma_.lower() not in _OFFICES and token.lower_ not in _OFFICES:
        return False
    return not no_longer_in_office(token)


def no_longer_in_office(token: Token) -> bool:
    """An office noun marked as held no more ("former minister", "a retired ambassador",
    "ex-president")."""
    return any(c.lower_ in _FORMER for c in token.children) or (
        token.i > 0 and token.doc[token.i - 1].lower_ in _FORMER
    )


# ---------------------------------------------------------------------- state
def state_of(index: DocumentIndex, actor_id: str) -> str | None:
    """The country id the actor acts for: a country itself; a ministry, army, parliament,
    embassy or party of a state; a leader, minister or spokesperson in office. None when no
    state is known (alliances, organisations, media, armed groups, experts, former officials).
    The id may be a country the article does not name (a minister's state)."""
    if actor_id not in index._states:
        index._states[actor_id] = _find_state(index, actor_id)
    return index._states[actor_id]


def _is_state(index: DocumentIndex, actor_id: str | None) -> bool:
    if actor_id is None:
        return False
    if actor_id in index.kinds:
        return index.kinds[actor_id] == "country"
    entry = index.gazetteer.get(actor_id) if index.gazetteer is not None else None
    return entry is not None and entry.kind == "country"


def _find_state(index: DocumentIndex, actor_id: str) -> str | None:
    if _is_state(index, actor_id):
        return actor_id
    normal = index.normal(actor_id)
    if normal != actor_id and _is_state(index, normal):
        return normal  # "Russia's Foreign Ministry"
    entry = index.gazetteer.get(actor_id) if index.gazetteer is not None else None
    kind = index.kinds.get(actor_id) or (entry.kind if entry is not None else None)
    if kind not in _STATE_AGENTS:
        return None
    if entry is not None and entry.affiliation:
        # a gazetteer fact; a former office-holder acts for nobody now
        if entry.roles and all(role.startswith("former") for role in entry.roles):
            return None
        return entry.affiliation if _is_state(index, entry.affiliation) else None
    if kind == "person":
        if not holds_office(index, actor_id):
            return None  # an analyst's nationality is not a state they act for
        found = affiliation(index, actor_id)
        return found if _is_state(index, found) else None
    match = INSTITUTION_STATE_ID.match(actor_id)
    if match and _is_state(index, match.group(1).upper()):
        return match.group(1).upper()
    return _state_in_name(index, actor_id) or _state_after_name(index, actor_id)


def _state_in_name(index: DocumentIndex, actor_id: str) -> str | None:
    """The one state a body's name names by demonym or name ("the Azerbaijani parliament")."""
    actor = index.doc.actor(actor_id)
    if actor is None or index.gazetteer is None:
        return None
    pattern, states = _state_names(index.gazetteer)
    found = {
        states[match.group(0)]
        for text in (actor.name, *(m.text for m in actor.mentions if m.role == "name"))
        for match in pattern.finditer(text)
    }
    return found.pop() if len(found) == 1 else None


# the dependencies along which a body's full name runs on past the words NER took ("Ministry of
# Foreign Affairs | and International Cooperation of the Kingdom of Cambodia")
_NAME_RUN_DEPS = frozenset({"prep", "pobj", "conj", "cc", "compound", "det", "amod"})


def _state_after_name(index: DocumentIndex, actor_id: str) -> str | None:
    """The one state the rest of a body's noun phrase names through "of" when its own name does
    not ("the Ministry of Foreign Affairs and International Cooperation of the Kingdom of
    Cambodia", where NER stops at "and")."""
    actor = index.doc.actor(actor_id)
    if actor is None:
        return None
    found: set[str] = set()
    for mention in actor.mentions:
        if mention.role != "name":
            continue
        span = index.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        # (what stands before the name, "the U.S.-based ...", is no part of this)
        stack = [c for c in span.root.children if c.i > span.root.i]
        while stack:
            token = stack.pop()
            if token.dep_ not in _NAME_RUN_DEPS or (
                    token.dep_ == "prep" and token.lower_ not in _GENITIVE_PREPS):
                continue
            if token.i >= span.end:
                found.update(a for a in index.by_token.get(token.i, []) if _is_state(index, a))
            stack.extend(token.children)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=4)
def _state_names(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, str]]:
    """Every name and demonym of the gazetteer's countries (as written: capitalised), as one
    pattern and a table."""
    states: dict[str, str] = {}
    for entry in gazetteer:
        if entry.kind == "country":
            for word in (entry.name, *entry.names, *entry.demonyms):
                states.setdefault(word, entry.key)
    # longest first: "South Korean" before "Korean"
    words = sorted(states, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b")
    return pattern, states
