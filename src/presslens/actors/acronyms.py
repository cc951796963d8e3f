"""Acronyms a text defines for a body it names: "the Federal Open Market Committee (FOMC)
said ... the FOMC added". The acronym in brackets right after a body's name, when it is the
initials of that name's capitalised words, is a mention of that body, and so is every later
occurrence of it. A capitalised name that no stage took for an actor but that the text gives such
an acronym ("the Federation for American Immigration Reform (FAIR)") is an organisation's name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from presslens.actors.drafts import slug
from presslens.actors.organisations import org_kind
from presslens.lexicon import word_set

if TYPE_CHECKING:
    from presslens.actors.drafts import ActorDraft
    from presslens.actors.stage import _Run

_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_NOT_ACRONYM_KINDS = frozenset({"person", "country"})


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_][\w'’-]*", name) if word[0].isupper())


def add_defined_acronyms(run: _Run) -> None:
    """Claim the acronyms ``run``'s text defines for the bodies it names (see the module text)."""
    for m in _DEFINED.finditer(run.text):
        acronym = m.group(1)
        span = run.sdoc.char_span(m.start(1), m.end(1))
        if span is None or span.start < 2:
            continue
        _release_bare(run, span.start, acronym)
        if not run._free(span):
            continue
        owner = run.token_owner.get(span.start - 2)  # the token before "("
        draft = run.drafts.get(owner) if owner else None
        if draft is None:
            draft = _name_before(run, span.start - 1, acronym.replace("&", ""))
            if draft is None:
                continue
        else:
            named = [(s, e) for (s, e) in draft.mentions if s < m.start() <= e + 1]
            if (draft.kind in _NOT_ACRONYM_KINDS or not named or
                    _initials(run.text[named[-1][0] : named[-1][1]]) != acronym.replace("&", "")):
                continue
        run._claim(draft, span, "acronym")
        later = re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])")
        for found in later.finditer(run.text, m.end()):
            again = run.sdoc.char_span(found.start(), found.end())
            if again is None:
                continue
            _release_bare(run, again.start, acronym)
            if run._free(again):
                run._claim(draft, again, "acronym")


def _release_bare(run: _Run, token: int, acronym: str) -> None:
    """NER's organisation named just the acronym ("FAIR") is the body it stands for."""
    owner = run.token_owner.get(token)
    other = run.drafts.get(owner) if owner else None
    if other is not None and other.entry is None and other.name == acronym:
        run._release(other.key, token)


_NAME_GLUE = word_set("organisations", "name_glue")


def _name_before(run: _Run, bracket: int, acronym: str) -> ActorDraft | None:
    """An organisation named by the capitalised words before the bracket at token ``bracket``
    whose initials are ``acronym``; state adjectives inside the name belong to it."""
    start = bracket
    while start > 0:
        tok = run.tokens[start - 1]
        if not ((tok.is_alpha and tok.text[:1].isupper()) or tok.lower_ in _NAME_GLUE):
            break
        start -= 1
    while start < bracket and not run.tokens[start].text[:1].isupper():
        start += 1  # "the", "of" before the name are no part of it
    if bracket - start < 2:
        return None
    span = run.sdoc[start:bracket]
    if _initials(span.text) != acronym:
        return None
    owners = {run.token_owner[i] for i in range(span.start, span.end) if i in run.token_owner}
    if any(run.drafts[o].kind == "person" for o in owners):
        return None
    for i in range(span.start, span.end):
        if i in run.token_owner:
            run._release(run.token_owner[i], i)
    key = f"org:{slug(span.text)}"
    draft = run.draft_for(key, span.text, org_kind(span))
    run._claim(draft, span, "name")
    return draft
