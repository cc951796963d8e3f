"""Relations of a Russian article: who does what to whom, read from natasha's UD parse with the
cue lexicon ``data/ru/relations.yaml`` (frames in ``presslens.index.russian_patterns``, shared with the stance stage), in the same contract as
the English stage (``presslens.relations``): source and target actor ids of the actor stage, a
type of ``data/relation_types.yaml``, polarity, modality, the quote speaker (else the outlet) as
``asserted_by``, the cue word and the sentence's line as evidence, and the states both ends act
for.

As in English, a negated cue states nothing unless the lexicon gives a negated type ("не
оставит X" is SUPPORT), the outlet's own questions assert nothing, at most one relation is kept
per directed pair, type and sentence, and a headline pair the body states again is left to the
body.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from presslens.index.russian_acts import in_reported_question
from presslens.index.russian_frames import QUOTE_MARKS, ActorTokens, evidence_of
from presslens.index.russian_patterns import RussianPatterns
from presslens.lexicon.russian_relations import russian_relation_lexicon
from presslens.model import Document, Relation
from presslens.relations.assemble import BestRelations

__all__ = ["extract_russian_relations"]

# verbal acts that only a state, a body or someone acting for one performs toward another actor
_SPEECH_TYPES = frozenset({"ACCUSE", "PROTEST", "REQUEST"})


def extract_russian_relations(doc: Document, sdoc: Doc) -> list[Relation]:
    """Relations of ``doc`` in text order."""
    actors = ActorTokens(doc, sdoc)
    if not actors.by_token:
        return []
    lexicon = russian_relation_lexicon()
    patterns = RussianPatterns(actors, lexicon)
    best = BestRelations()
    for sent in sdoc.sents:
        if not any(t.i in actors.by_token for t in sent):
            continue
        for found in patterns.find(sent):
            if found.type in _SPEECH_TYPES and actors.kinds.get(found.source) == "person" and (
                actors.state_of(found.source) is None
            ):
                continue  # an expert's accusation or appeal is an opinion (a stance), not an act
            if in_reported_question(found.cue, lexicon):
                continue  # "спросили, считает ли Анкара ...": a question reported states nothing
            source, target = actors.acting_id(found.source), actors.acting_id(found.target)
            if source == target:
                continue
            if (source, target) != (found.source, found.target):
                found = replace(found, source=source, target=target)
            start, end = evidence_of(doc.text, sent, found.cue.idx)
            if doc.text[start:end].rstrip(QUOTE_MARKS + " ").endswith("?") and actors.quote_at(found.cue.idx) is None:
                continue  # the outlet's own question (an interview prompt) asserts nothing
            best.add(found, start, end)
    return best.relations(
        doc, actors.asserted_by, actors.state_of,
        order=lambda item: (item[1], item[0].cue.i, item[0].source, item[0].target),
    )
