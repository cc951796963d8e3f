"""Role nouns: the words that introduce a person ("political scientist X", "X, a political
scientist") and "the expert", "the Russian president" standing for one later.

"The Russian president" is whoever held the office on the publication date (``offices``);
"the political scientist" is the latest person introduced so. The people named before a point
of the text (``people_before``) and the roles a name is introduced with (``introduced_roles``)
are asked by the person passes too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from presslens.actors.drafts import ActorDraft
from presslens.actors.lexicons import title_phrases
from presslens.actors.offices import office_holder

if TYPE_CHECKING:
    from presslens.actors.stage import _Run


# actors whose titles name an office: "the Russian president", "the UN secretary-general"
_TITLE_OWNERS = frozenset({"country", "alliance", "organization"})


def introduced_roles(run: _Run, name: Span) -> set[str]:
    """Role nouns introducing a person: "political scientist X", "X, a political scientist"."""
    roles: set[str] = set()
    titles = run.x.titles.all
    # before the name, inside the same noun phrase
    words: list[str] = []
    i = name.start - 1
    while i >= 0 and run.sdoc[i].dep_ in ("compound", "amod", "nmod") and \
            run.sdoc[i].head.i >= name.start and not run.sdoc[i].is_punct:
        words.insert(0, run.sdoc[i].lower_)
        i -= 1
    roles.update(title_phrases(words, titles))
    # appositive after the name: "X, a political scientist at ..."
    root = name.root
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            phrase = [t.lower_ for t in child.subtree if t.i <= child.i and t.dep_ != "det"]
            roles.update(title_phrases(phrase, titles))
    # "X is a political scientist"
    if root.dep_ == "nsubj" and root.head.lemma_ in run.x.titles.copulas:
        for child in root.head.children:
            if child.dep_ == "attr":
                phrase = [t.lower_ for t in child.subtree if t.i <= child.i and t.dep_ != "det"]
                roles.update(title_phrases(phrase, titles))
    return roles


def gender_from_roles(run: _Run, roles: set[str]) -> str:
    words = {w for r in roles for w in r.split()}
    if words & run.x.titles.feminine:
        return "f"
    if words & run.x.titles.masculine:
        return "m"
    return ""


def add_role_nouns(run: _Run) -> None:
    """Resolve "the expert", "the political scientist", "the Russian president" to people."""
    titles = run.x.titles
    longest = titles.longest
    sdoc = run.tokens  # indexing a list is cheap; Doc indexing builds a Token each time
    for tok in run.tokens:
        if tok.lower_ not in titles.determiners or tok.i in run.taken:
            continue
        # the [Demonym | Country's]? [role words] head, singular, not followed by a name
        j = tok.i + 1
        affiliation: str | None = None
        if j < len(sdoc) and sdoc[j].i in run.taken:
            owner = run.drafts.get(run.token_owner[sdoc[j].i])
            if owner is not None and owner.kind in _TITLE_OWNERS and owner.qid:
                affiliation = owner.qid
                j += 1
                while j < len(sdoc) and (sdoc[j].tag_ == "POS" or
                                         run.token_owner.get(sdoc[j].i) == owner.key):
                    j += 1
            else:
                continue
        best: tuple[int, str] | None = None
        for n in range(longest, 0, -1):
            if j + n > len(sdoc):
                continue
            phrase_tokens = sdoc[j : j + n]
            phrase = " ".join(t.lower_ for t in phrase_tokens).replace(" - ", "-")
            if phrase in titles.all and phrase_tokens[-1].tag_ not in ("NNS", "NNPS"):
                best = (j + n, phrase)
                break
        if best is None:
            continue
        end, phrase = best
        if end < len(sdoc) and (sdoc[end].pos_ == "PROPN" or (sdoc[end].tag_ == "POS"
                                and end + 1 < len(sdoc) and sdoc[end + 1].pos_ == "PROPN")):
            continue  # "the expert Davit Petrosyan": an introduction, the name is the mention
        if end < len(sdoc) and sdoc[end].lower_ in titles.owner_preps:
            continue  # "the president of France": left to the name that follows, if any
        if any(i in run.taken for i in range(j, end)):
            continue
        span = run.sdoc[tok.i : end]
        person = _resolve_role(run, phrase, affiliation, span.start_char)
        if person is not None:
            run._claim(person, span, "title")


def _resolve_role(run: _Run, phrase: str, affiliation: str | None, at: int) -> ActorDraft | None:
    titles = run.x.titles
    if affiliation is not None:
        return office_holder(run, phrase, affiliation)  # by the publication date
    candidates = people_before(run, at)
    for draft in candidates:
        if phrase in draft.roles:
            return draft
    head = phrase.split()[-1]
    for draft in candidates:
        if any(r.split()[-1] == head for r in draft.roles):
            return draft
    if phrase in titles.expert:
        for draft in candidates:
            if draft.roles & titles.expert:
                return draft
        unnamed = [d for d in candidates if d.entry is None and not (d.roles & titles.office)]
        if unnamed:
            return unnamed[0]
    return None


def people_before(run: _Run, at: int) -> list[ActorDraft]:
    """Persons mentioned before ``at``, most recently mentioned first."""
    last_seen: list[tuple[int, str]] = []
    for draft in run.drafts.values():
        if draft.kind != "person":
            continue
        before = [s for (s, _e) in draft.mentions if s < at]
        if before:
            last_seen.append((max(before), draft.key))
    last_seen.sort(reverse=True)
    return [run.drafts[k] for _, k in last_seen]
