"""Third-person pronouns of people inside quotes ("he/his/she/her"), which the actor stage
leaves alone: part of the one reference resolver (``references``), kept apart for its size."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy as np

from presslens.actors.gazetteer import shipped_gazetteer
from presslens.actors.gender import (
    entry_gender,
    fits,
    gender_from_pronouns,
    generic_pronoun,
    given_name_gender,
    pronoun_gender,
)
from presslens.syntax.lookup import lower_in
from presslens.syntax.pronouns import PERSONAL, binding_subjects

if TYPE_CHECKING:
    from presslens.index.document import DocumentIndex


def resolve_quoted_persons(index: DocumentIndex) -> None:
    """"he/his/she/her" inside a quote (which the actor stage leaves alone): the latest
    person the quote names before it, within two sentences, not its speaker nor a subject an
    object pronoun is bound away from ("Trump agreed to meet him"), whose known gender fits
    ("Pashinyan understands this. He has given away Karabakh")."""
    starts = [sent.start for sent in index.sdoc.sents]
    genders = person_genders(index)
    for i in np.flatnonzero(lower_in(index.sdoc, PERSONAL)).tolist():
        if i in index.by_token:
            continue
        token = index.sdoc[i]
        if generic_pronoun(token):
            continue
        sentence = bisect_right(starts, i) - 1
        quote = index.quote_at(token.idx)
        if quote is None:
            continue
        first = starts[max(0, sentence - 2)]
        bound = {a for t in binding_subjects(token) for a in index.by_token.get(t.i, [])}
        for i in range(token.i - 1, first - 1, -1):
            other = index.sdoc[i]
            if other.idx < quote.start:
                break
            named = [a for a in index.by_token.get(i, []) if index.is_person(a) and a != quote.speaker
                     and a not in bound and fits(genders.get(a, ""), pronoun_gender(token.lower_) or "")]
            if named:
                index.by_token[token.i] = named[:1]
                break


def person_genders(index: DocumentIndex) -> dict[str, str]:
    """Each person's known gender: the gazetteer's or their given name's, else the one the actor
    stage's pronouns for them agree on."""
    gazetteer = index.gazetteer if index.gazetteer is not None else shipped_gazetteer()
    genders: dict[str, str] = {}
    for actor in index.doc.actors:
        if actor.kind != "person":
            continue
        known = entry_gender(gazetteer.get(actor.id)) or given_name_gender(actor.name.split())
        genders[actor.id] = known or gender_from_pronouns(
            m.text for m in actor.mentions if m.role == "pronoun"
        )
    return genders
