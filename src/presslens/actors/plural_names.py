"""Teams, bands and clubs named by a plural proper name after "the" ("the Rams are expected",
"leaving the Dolphins", "the Jets' offer", "more runs than the Dodgers").

News names a sports team or a band by the plural of its emblem; the small English model tags
such names as people, nationalities, organisations or nothing at all, and the people pass
refuses them (a word after a determiner is no person's name). A capitalised plural after "the",
standing where an actor stands (a subject, an object, a possessor, the object of a preposition
that is not a place's), that no earlier pass has claimed and that names no known country,
region or person ("the Obamas", "the Clintons" are families) is an organisation. Mountain
ranges and island groups ("the Alps", "the Falklands") are tagged as places and stay places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.actors.candidate_names import PLACE_PREPOSITIONS
from presslens.actors.drafts import ActorDraft, slug
from presslens.actors.lone_names import is_possessor
from presslens.lexicon import word_set

if TYPE_CHECKING:
    from presslens.actors.stage import _Run

# NER labels under which a team's plural name turns up; places ("the Alps") are left alone, and
# so are plurals the model does not take for a name ("the Games", "plowed the Plains")
_TEAM_LABELS = frozenset({"PERSON", "NORP", "ORG"})
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "conj", "appos"})
_TEAM_DETERMINERS = word_set("organisations", "team_determiners")  # "the Rams"


def add_plural_names(run: _Run) -> None:
    """Claim the teams and bands ``run``'s text names by a plural after "the"."""
    for tok in run.tokens:
        if tok.i in run.taken or not _is_plural_name(run, tok):
            continue
        key = f"org:{slug(tok.text)}"
        draft = run.drafts.get(key)
        if draft is None:
            draft = ActorDraft(key, tok.text, "organization", None)
            run.drafts[key] = draft
        run._claim(draft, run.sdoc[tok.i : tok.i + 1], "name")


def _is_plural_name(run: _Run, tok: Token) -> bool:
    text = tok.text
    if not (len(text) >= 4 and text[0].isupper() and text[1:].islower() and text.isalpha()
            and text.endswith("s") and not text.endswith("ss")):
        return False
    if tok.i == 0 or run.sdoc[tok.i - 1].lower_ not in _TEAM_DETERMINERS or tok.ent_type_ not in _TEAM_LABELS:
        return False
    if tok.tag_ not in ("NNPS", "NNS") or run._in_quote(tok.idx):
        return False
    after = run.sdoc[tok.i + 1] if tok.i + 1 < len(run.sdoc) else None
    if after is not None and after.pos_ == "PROPN":
        return False  # "the Blues Brothers": part of a longer name
    if _known(run, text) or _known(run, text[:-1]):
        return False  # "the Saudis", "the Obamas": a country's people, a known person's family
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS:
        return False  # "in the Hamptons", "at the Oscars"
    return tok.dep_ in _ACTING_DEPS or is_possessor(tok)


def _known(run: _Run, word: str) -> bool:
    """A word the gazetteer or an earlier person's name gives ("Saudi", "Obama", "Clinton")."""
    if run.x.entries_by_name.get(word.lower()) is not None:
        return True
    return any(d.kind == "person" and d.name.split()[-1] == word for d in run.drafts.values())
