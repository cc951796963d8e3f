"""Ministries named through their state ("Russia's Foreign Ministry", "the Ministry of Defence
of Armenia"), and "the Foreign Ministry" / "the ministry" referring back to one.

A ministry without its own gazetteer entry is still an actor: named after its state's adjective
("Armenian Defence Ministry") with an id from the state's QID and the department, so that every
mention of it, however worded, is the same actor.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span

from presslens.actors.drafts import ActorDraft
from presslens.lexicon import word_set, word_table
from presslens.metadata_dates import alternatives

if TYPE_CHECKING:
    from presslens.actors.stage import _Run


# The words of a ministry's name (data/en/organisations.yaml): the noun, its first letter in either
# case ("Ministry", "ministry"), longest first; the departments, as written; the further names of
# a department written only after "Ministry of", tried before the departments ("Foreign Affairs"
# before "Foreign"); the one name of a department under two names.
_MINISTRY_NOUNS = sorted(word_set("organisations", "ministry_nouns"), key=lambda w: (-len(w), w))
_MINISTRY = "(?:" + "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in _MINISTRY_NOUNS) + ")"
_DEPARTMENTS = alternatives(word_set("organisations", "ministry_departments"))
_OF_DEPARTMENTS = alternatives(word_set("organisations", "ministry_of_departments"), any_space=True)
_DEPARTMENT_NAMES: dict[str, str] = {
    name: str(one) for name, one in word_table("organisations", "department_names").items()
}
_MINISTRY_RE = re.compile(
    r"(?P<det>\b[Tt]he\s+)?"
    r"(?:(?!(?:" + _DEPARTMENTS + r")\b)(?P<pre>[A-Z][\w-]+(?:\s(?!(?:" + _DEPARTMENTS + r")\b)[A-Z][\w-]+)?)"
    r"(?:'s|’s|'|’)?\s+)?"
    r"(?P<ministry>(?:(?P<dept>" + _DEPARTMENTS + r")\s+)?" + _MINISTRY
    + r"(?:\s+of\s+(?P<dept2>" + _OF_DEPARTMENTS + "|" + _DEPARTMENTS + r"))?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<post>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?))?"
)


def _normalise_department(department: str) -> str:
    department = " ".join(department.split())
    return _DEPARTMENT_NAMES.get(department, department)



def add_ministries(run: _Run) -> None:
    """Ministries named through their state ("Russia's Foreign Ministry", "the Ministry of
    Defence of Armenia"), and "the Foreign Ministry" / "the ministry" referring back to one."""
    if not any(noun[1:] in run.text for noun in _MINISTRY_NOUNS):
        return  # every match holds the noun after its first letter; the pattern is slow to rule out elsewhere
    last_by_department: dict[str, ActorDraft] = {}
    last_any: ActorDraft | None = None
    named: Counter[str] = Counter()  # how often each ministry has been referred to so far
    for m in _MINISTRY_RE.finditer(run.text):
        department = _normalise_department(m.group("dept") or m.group("dept2") or "")
        span = run.sdoc.char_span(m.start("ministry"), m.end("ministry"), alignment_mode="expand")
        if span is None:
            continue
        if not run._free(span):
            # A ministry the gazetteer named whole ("the Russian Foreign Ministry"): a later
            # "the Foreign Ministry" refers back to it.
            known = _gazetteer_institution(run, span)
            if known is not None:
                last_any = known
                named[known.key] += 1
                if department:
                    last_by_department[department] = known
            continue
        state = _state_at(run, m.start("pre"), m.end("pre")) if m.group("pre") else None
        if state is None and m.group("post"):
            state = _state_at(run, m.start("post"), m.end("post"))
        if state is not None and department:
            draft = _ministry_draft(run, state, department)
            first = m.start("pre") if m.group("pre") else m.start("ministry")
            last = m.end("post") if m.group("post") else m.end("ministry")
            owner_span = run.sdoc.char_span(first, last, alignment_mode="expand") or span
            for i in range(owner_span.start, owner_span.end):
                owner = run.token_owner.get(i)
                if owner is not None and owner != draft.key:
                    run._release(owner, i)
            run._claim(draft, owner_span, "name")
        else:
            referent = last_by_department.get(department) if department else last_any
            if not department and named:
                # a bare "the Ministry" is the ministry the text is about (a statement's
                # author), the one referred to most so far, not one named in passing
                top = max(named.values())
                if named.get(referent.key if referent else "", 0) < top:
                    referent = next(run.drafts[k] for k, n in named.items() if n == top)
            if referent is None or not m.group("det"):
                continue
            run._claim(referent, span, "title")
            draft = referent
        last_any = draft
        named[draft.key] += 1
        if department:
            last_by_department[department] = draft


def _gazetteer_institution(run: _Run, span: Span) -> ActorDraft | None:
    """The gazetteer institution that owns every token of ``span``, if one does."""
    owners = {run.token_owner.get(i) for i in range(span.start, span.end)}
    if len(owners) != 1:
        return None
    draft = run.drafts.get(owners.pop() or "")
    if draft is None or draft.entry is None or draft.kind != "institution":
        return None
    return draft


def _state_at(run: _Run, start: int, end: int) -> ActorDraft | None:
    span = run.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    owners = {run.token_owner.get(i) for i in range(span.start, span.end)}
    for owner in owners:
        draft = run.drafts.get(owner) if owner else None
        if draft is not None and draft.kind == "country":
            return draft
    return None


def _ministry_draft(run: _Run, state: ActorDraft, department: str) -> ActorDraft:
    adjective = state.entry.demonyms[0] if state.entry and state.entry.demonyms else state.name
    name = f"{adjective} {department} Ministry"
    # The gazetteer's ministry of that state, under any of the state's adjectives or its name
    # ("the Philippines' Foreign Ministry" -> "Philippine Foreign Ministry").
    adjectives = [*(state.entry.demonyms if state.entry else ()), state.name]
    for candidate in adjectives:
        entry = run.x.entries_by_name.get(f"{candidate} {department} Ministry".lower())
        if entry is not None and entry.kind == "institution" and (
                entry.affiliation is None or entry.affiliation == state.qid):
            return run._draft_for_entry(entry)
    key = f"institution:{(state.qid or state.key).lower()}:{department.lower()}"
    draft = run.drafts.get(key)
    if draft is None:
        draft = ActorDraft(key, name, "institution", None)
        run.drafts[key] = draft
    return draft
