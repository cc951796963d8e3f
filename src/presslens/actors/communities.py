"""Religious and ethnic communities as group actors: "Muslims", "Jews", "Hispanics", "Kurds".

A community is an actor where the text names it by a plural noun that heads its noun phrase
("Trump's ban on Muslims", "Many Kurds have been critical", "Sunni Muslims"), or by its adjective
before "community" ("the Latino community"), in the text's own words: inside quotation marks a
speaker's appeal ("all Christians of good will") or generalisation names no group that acts. An
adjective alone ("Islamic", "Christian values", "the Jewish state", "a Muslim teenager") is no
actor. The actor is a ``group`` with the id ``group:<name>`` and no QID. The forms are data:
``data/lexicons/communities.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from presslens.actors.drafts import slug
from presslens.actors.lexicons import Communities

if TYPE_CHECKING:
    from presslens.actors.drafts import ActorDraft
    from presslens.actors.stage import _Run

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_MAX_TOKENS = 4  # "African - Americans": hyphenated forms are three tokens


def add_communities(run: _Run, lexicon: Communities) -> None:
    """Claim the communities ``run``'s text names (see the module text)."""
    tokens = run.tokens
    i = 0
    while i < len(tokens):
        found = _community_at(run, lexicon, i)
        if found is None:
            i += 1
            continue
        end, name = found
        if _claimable(run, i, end):
            for j in range(i, end):
                if j in run.taken:
                    run._release(run.token_owner[j], j)
            run._claim(_draft(run, name), run.sdoc[i:end], "name")
        i = end


def _community_at(run: _Run, lexicon: Communities, i: int) -> tuple[int, str] | None:
    """(end token, community name) of a community named from token ``i``, else None."""
    tokens = run.tokens
    if tokens[i].text not in lexicon.openings:
        return None  # most tokens open no form
    if run._in_quote(tokens[i].idx) or not tokens[i].text[:1].isalpha():
        return None
    for size in range(min(_MAX_TOKENS, len(tokens) - i), 0, -1):
        last = tokens[i + size - 1]
        form = run.text[tokens[i].idx : last.idx + len(last.text)]
        name = lexicon.nouns.get(form)
        if name is not None:
            if last.pos_ in ("NOUN", "PROPN") and last.dep_ not in _MODIFIER_DEPS:
                return i + size, name
            return None  # "Muslims groups": a modifier, not the group
        name = lexicon.adjectives.get(form)
        after = tokens[i + size] if i + size < len(tokens) else None
        if name is not None and after is not None and after.lower_ in lexicon.community_nouns:
            return i + size + 1, name  # "the Latino community"
    return None


def _claimable(run: _Run, start: int, end: int) -> bool:
    """Whether no other actor holds the tokens, but for a country's demonym inside the
    community's noun ("African Americans", "Native Americans": no mention of the US)."""
    for i in range(start, end):
        owner = run.token_owner.get(i)
        if owner is None:
            continue
        draft = run.drafts[owner]
        roles = [role for (s, e), role in draft.mentions.items() if s <= run.tokens[i].idx < e]
        if draft.kind != "country" or not roles or any(role != "demonym" for role in roles):
            return False
    return True


def _draft(run: _Run, name: str) -> ActorDraft:
    return run.draft_for(f"group:{slug(name)}", name, "group")
