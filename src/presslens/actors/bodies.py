"""A state's bodies named by a generic noun: "the Senate", "parliament", "the House", "the
administration".

Such a noun names one body of the state the text is about. The state is the one the noun's own
words name ("the Georgian parliament", "Russia's parliament", "the Trump administration": the
state of the president), else the one the sentence is about (a state, or the state of a party,
person or body named in it), else the previous sentence's, else the state the whole text names
most. The body is then the gazetteer institution of that state known by the noun ("US Senate",
"Parliament of Georgia"), or a body without QID named after the state ("Ethiopian Parliament");
with no state at all, a capitalised noun is still a body, without QID ("Senate"). "The
administration" is the government of its state: a mention of the state itself.
The nouns are data: ``data/lexicons/state_bodies.yaml``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.actors.gazetteer import Entry, Gazetteer
from presslens.actors.lexicons import StateBodyNouns
from presslens.model import MentionRole

if TYPE_CHECKING:
    from presslens.actors.drafts import ActorDraft
    from presslens.actors.stage import _Run


class BodyIndex:
    """Gazetteer institutions by (state key, body noun): "US Senate" is the US's "senate"."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        found: dict[tuple[str, str], Entry | None] = {}
        for entry in gazetteer:
            state = gazetteer.get(entry.affiliation) if entry.affiliation else None
            if entry.kind != "institution" or state is None or state.kind != "country":
                continue
            forms = {*state.demonyms, state.name, *state.names, *state.acronyms}
            for name in {entry.name, *entry.names}:
                for noun in _body_nouns(name, forms):
                    key = (state.key, noun)
                    # two bodies known by one noun ("Foreign Ministry" twice): neither is meant
                    found[key] = entry if found.get(key, entry) is entry else None
        self._bodies = {key: entry for key, entry in found.items() if entry is not None}

    def get(self, state: str, nouns: tuple[str, ...]) -> Entry | None:
        for noun in nouns:
            entry = self._bodies.get((state, noun))
            if entry is not None:
                return entry
        return None


def _body_nouns(name: str, state_forms: set[str]) -> list[str]:
    """"Georgian parliament" -> ["parliament"], "Parliament of Georgia" -> ["parliament"]."""
    nouns = []
    for form in state_forms:
        if name.startswith(form + " "):
            nouns.append(name[len(form) + 1 :].lower())
        for tail in (f" of {form}", f" of the {form}"):
            if name.endswith(tail) and len(name) > len(tail):
                nouns.append(name[: -len(tail)].lower())
    return nouns


def add_state_bodies(run: _Run, nouns: StateBodyNouns, index: BodyIndex) -> None:
    """Claim the generic body nouns of ``run``'s text (see the module text)."""
    tokens = run.tokens
    longest = nouns.longest
    i = 0
    while i < len(tokens):
        found = None
        if i not in run.taken and tokens[i].lower_ in nouns.first_words:
            for n in range(min(longest, len(tokens) - i), 0, -1):
                phrase = " ".join(t.lower_ for t in tokens[i : i + n])
                if phrase in nouns.nouns or phrase in nouns.government_nouns:
                    if not any(j in run.taken for j in range(i, i + n)):
                        found = (n, phrase)
                    break
        if found is None:
            i += 1
            continue
        n, phrase = found
        _add_body(run, nouns, index, i, i + n, phrase)
        i += n


def _add_body(run: _Run, nouns: StateBodyNouns, index: BodyIndex, start: int, end: int,
              phrase: str) -> None:
    tokens = run.tokens
    words = tokens[start:end]
    capitalised = all(t.text[:1].isupper() for t in words if t.lower_ not in nouns.name_glue)
    if phrase in nouns.capitalised_only and not capitalised:
        return  # "the house", "a senate of elders"
    head = words[-1]
    if any(c.dep_ == "det" and c.lower_ in nouns.indefinite for c in head.children):
        return  # "a parliament", "any administration"
    after = tokens[end] if end < len(tokens) else None
    det_before = start > 0 and tokens[start - 1].lower_ in nouns.definite
    if phrase in nouns.capitalised_only and not det_before and head.dep_ == "compound" and (
            after is None or not after.text[:1].isupper()):
        return  # "House prices": only "the House", "House Speaker", "House Democrats" are bodies
    if after is not None and after.lower_ in nouns.state_preps and phrase not in nouns.government_nouns:
        state = _state_after_of(run, end)
        if state is None:
            return  # "the House of Lords", "the Senate of Canada's ...": a longer name
    else:
        state = None
    modifier = _modifier_before(run, start)
    if modifier == _OTHER_NAME:
        return  # "the Kansas House", "the state Senate": another body than the state's
    span = run.sdoc[start:end]
    # "the Senate", "Russia's parliament" name the body; a bare "parliament" refers to it
    role: MentionRole = "name" if capitalised or modifier or state else "title"
    if phrase in nouns.government_nouns:
        _add_government(run, start, end, phrase, modifier or state)
        return
    state_key = modifier or state or _context_state(run, start)
    if state_key is None:
        if not capitalised:
            return  # "parliament" with no state in sight names nothing in particular
        draft = _generic_draft(run, f"institution:{phrase.replace(' ', '_')}", span.text)
    else:
        entry = index.get(state_key, nouns.nouns[phrase])
        if entry is not None:
            draft = run._draft_for_entry(entry)
        else:
            state_draft = _state_draft(run, state_key)
            if state_draft is None:
                return
            adjective = (state_draft.entry.demonyms[0] if state_draft.entry
                         and state_draft.entry.demonyms else state_draft.name)
            draft = _generic_draft(run, f"institution:{state_key.lower()}:{phrase.replace(' ', '_')}",
                                   f"{adjective} {phrase.title()}")
    run._claim(draft, span, role)


def _add_government(run: _Run, start: int, end: int, phrase: str,
                    named_state: str | None) -> None:
    """"the administration" is the government of the state in context; "the Trump
    administration", "Obama's administration" the government of the leader's state (the name
    stays the leader's mention, as annotators mark it); a leader of no known state leads a body
    of their own ("Obama administration")."""
    leader = _leader(run, start)
    if leader is None:
        state_key = named_state or _context_state(run, start)
    else:
        state_key = _leader_state(run, leader)
    span = run.sdoc[start:end]
    state_draft = _state_draft(run, state_key) if state_key else None
    if state_draft is not None:
        run._claim(state_draft, span, "metonym")
    elif leader is not None:
        body = _generic_draft(run, f"institution:{leader.key}:{phrase}", f"{leader.name} {phrase}")
        run._claim(body, span, "name")


def _generic_draft(run: _Run, key: str, name: str) -> ActorDraft:
    return run.draft_for(key, name, "institution")


def _state_of(run: _Run, token: Token) -> str | None:
    """The state a claimed token stands for: a state's own mention, or the state of the party,
    person or body it names (gazetteer ``affiliation``)."""
    owner = run.token_owner.get(token.i)
    draft = run.drafts.get(owner) if owner else None
    if draft is None:
        return None
    if draft.kind == "country":
        return draft.key
    if draft.kind == "region":
        return None  # "the Texas Senate" is no body of the United States
    if draft.entry is not None and draft.entry.affiliation:
        state = run.x.gazetteer.get(draft.entry.affiliation)
        if state is not None and state.kind == "country":
            return state.key
    return None


def _state_draft(run: _Run, key: str) -> ActorDraft | None:
    draft = run.drafts.get(key)
    if draft is not None:
        return draft
    entry = run.x.gazetteer.get(key)
    return run._draft_for_entry(entry) if entry is not None else None


_OTHER_NAME = "-"  # _modifier_before: another name comes before the noun


def _modifier_before(run: _Run, start: int) -> str | None:
    """The state named right before the noun ("the Georgian parliament", "Russia's parliament",
    "the Republican Senate": the party's state), None when nothing is, ``_OTHER_NAME`` when
    another name or "state" is ("the Kansas House", "the state Senate")."""
    i = start - 1
    tokens = run.tokens
    if i >= 0 and tokens[i].tag_ == "POS":
        i -= 1
    if i < 0:
        return None
    before = tokens[i]
    owner = run.token_owner.get(before.i)
    if owner is not None:
        draft = run.drafts.get(owner)
        if draft is not None and draft.kind == "person":
            return None  # "the Trump administration": the leader's, see _add_government
        return _state_of(run, before) or _OTHER_NAME
    if before.lower_ in run.x.body_nouns.other_state_words or (before.pos_ == "PROPN" and before.text[:1].isupper()):
        return _OTHER_NAME
    return None


def _state_after_of(run: _Run, end: int) -> str | None:
    """"the Parliament of Canada": the state named after "of" (and "the")."""
    tokens = run.tokens
    i = end + 1
    if i < len(tokens) and tokens[i].lower_ in run.x.body_nouns.definite:
        i += 1
    return _state_of(run, tokens[i]) if i < len(tokens) else None


def _leader(run: _Run, start: int) -> ActorDraft | None:
    """The person named right before the noun ("the Trump administration", "Obama's
    administration")."""
    i = start - 1
    if i >= 0 and run.tokens[i].tag_ == "POS":
        i -= 1
    owner = run.token_owner.get(i) if i >= 0 else None
    draft = run.drafts.get(owner) if owner else None
    return draft if draft is not None and draft.kind == "person" else None


def _leader_state(run: _Run, leader: ActorDraft) -> str | None:
    """The state a person leads or serves (gazetteer ``affiliation``), if it is a country."""
    if leader.entry is None or not leader.entry.affiliation:
        return None
    state = run.x.gazetteer.get(leader.entry.affiliation)
    return state.key if state is not None and state.kind == "country" else None


def _context_state(run: _Run, start: int) -> str | None:
    """The state of the noun's sentence (the nearest before it, else the first after it), else of
    the previous sentence, else the state the text names most (when one leads)."""
    sents = list(run.sdoc.sents)
    at = next((k for k, s in enumerate(sents) if s.start <= start < s.end), None)
    if at is None:
        return None
    for k in (at, at - 1):
        if k < 0:
            continue
        sent = sents[k]
        before = [_state_of(run, t) for t in run.tokens[sent.start : min(start, sent.end)]]
        after = [_state_of(run, t) for t in run.tokens[max(start, sent.start) : sent.end]]
        for state in (*reversed(before), *after):
            if state is not None:
                return state
    counts = Counter(s for s in (_state_of(run, t) for t in run.tokens) if s is not None)
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
