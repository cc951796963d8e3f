"""Unlisted names used as places: "towns in Kordofan", "near Bajo de Masinloc". The parser's
entity recogniser calls many such names organisations, and a name the gazetteer does not list
becomes an actor on that alone. Over the whole text, a name that somewhere stands where a place
stands (after a preposition that puts only places after it, or tagged a place by the
recogniser) and nowhere where one who acts stands (the subject of an act, a possessor, the
object of an act, after "against", "with", "by", ...; see ``regions._acts``) names a place.
Names that say they are a body ("Institute", "Council", "Bank") are left alone: "a researcher at
the Hokuto Institute" is where the researcher works, and the institute still acts elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.actors.lexicons import local_government_words
from presslens.actors.regions import acts_as_polity
from presslens.lexicon import word_set

if TYPE_CHECKING:
    from presslens.actors.drafts import ActorDraft
    from presslens.actors.stage import _Run

# what the recogniser tags as a place: countries, cities, states; other locations; facilities
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_BODY_WORDS = word_set("organisations", "other_trigger_words") | word_set(
    "organisations", "institution_heads")
# only names taken for organisations: people the recogniser misread as places (saints, "Lucas
# Morton, 40, are charged") outnumbered places taken for people on SemEval-2023 articles
_UNLISTED_KINDS = frozenset({"organization"})
_ONLY_PLACE_PREPOSITIONS = word_set("places", "only_place_prepositions")
_COPULAS = word_set("syntax", "copulas")  # "X is part of ...", "X remains ..."


def is_unlisted_place(run: _Run, draft: ActorDraft) -> bool:
    """Whether ``draft`` is an unlisted name the text uses only as a place (module text)."""
    if draft.entry is not None or draft.kind not in _UNLISTED_KINDS:
        return False
    if any(word.lower() in _BODY_WORDS for word in draft.name.split()):
        return False
    words = local_government_words()
    placed = False
    # every time the name is written, not only the mentions kept: a name written after "in" was
    # never made a mention ("towns in Kordofan"), and that is the evidence wanted
    for start in _occurrences(run.text, draft.name):
        span = run.sdoc.char_span(start, start + len(draft.name), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        copular = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _COPULAS
        # "Bajo de Masinloc is part of ...": said of it, not done by it
        if not copular and acts_as_polity(root, words):
            return False
        placed = placed or _where(root)
    return placed


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` is written in ``text`` as a whole word."""
    found, at = [], text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            found.append(at)
        at = text.find(name, end)
    return found


def _where(root: Token) -> bool:
    """A name standing where a place stands: after a preposition that puts only places after it,
    or tagged a place."""
    if root.dep_ == "pobj" and root.head.lower_ in _ONLY_PLACE_PREPOSITIONS:
        return True
    return root.ent_type_ in _PLACE_LABELS
