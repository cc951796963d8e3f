"""Relations: who does what to whom, as the text states it (directed, typed, signed).

``extract_relations`` is deterministic and rule based over the existing spaCy parse: cue words
from ``data/relation_lexicon.yaml`` are read with dependency patterns (``extract``), arguments
become actor ids through the document index (``presslens.index``), and each relation carries its
sentence as evidence, its cue word, its modality, who asserts it (a quote's speaker, else the
outlet), a pattern-specific confidence and the states its two ends act for.

Negated cues state no relation unless the lexicon gives a type for the negated form ("will not
abandon X" is SUPPORT); "has not once acted as an ally" yields nothing.

``naive_baseline`` is the reference point: every co-occurring actor pair of a sentence, typed
with one (the most frequent) type.
"""

from __future__ import annotations

from itertools import permutations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from presslens.actors.gazetteer import Gazetteer
from presslens.index import DocumentIndex
from presslens.lexicon import relation_lexicon, relation_types
from presslens.model import Document, Relation
from presslens.relations.assemble import BestRelations
from presslens.relations.extract import Patterns
from presslens.relations.frame_base import UNARMED_KINDS
from presslens.syntax.modality import in_reported_question
from presslens.textutil import ends_in_question

__all__ = ["extract_relations", "naive_baseline", "relation_types"]

_OWN_SIDE_TYPES = frozenset({"CONSULT"})  # acts that take two sides
# acts of force or pressure, which a state's own office-holder or body does not direct at the
# state itself: such a reading comes from the state's name modifying what is acted on
# ("threatening to pull Peruvian funding" said of Peru's president)
_HOSTILE_DEEDS = frozenset({"THREATEN", "COERCE", "SANCTION", "MOBILIZE", "ASSAULT"})


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\"'“”«»„‘’–-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _evidence(text: str, sent: SpacySpan, char: int) -> tuple[int, int]:
    """The line of the sentence holding ``char`` (a parsed sentence can run over a headline,
    a dateline and a paragraph break), trimmed of space and dangling quotation marks."""
    start, end = sent.start_char, sent.end_char
    line_start = text.rfind("\n", start, char) + 1 or start
    line_end = text.find("\n", char, end)
    return _trim(text, max(start, line_start), end if line_end < 0 else line_end)


def extract_relations(doc: Document, sdoc: Doc, index: DocumentIndex) -> list[Relation]:
    """Relations of ``doc`` in text order, at most one per directed actor pair, type and sentence."""
    lexicon = relation_lexicon()
    patterns = Patterns(index, lexicon)
    best = BestRelations()
    for sent in sdoc.sents:
        for found in patterns.find(sent):
            start, end = _evidence(doc.text, sent, found.cue.idx)
            if ends_in_question(doc.text[start:end]) and index.quote_at(found.cue.idx) is None:
                # the outlet's own question ("Can Russia and China help Serbia?") asserts nothing
                continue
            if in_reported_question(found.cue):
                continue  # "asked whether Ankara regarded France as an adversary"
            best.add(found, start, end)
    relations = best.relations(doc, index.asserted_by, index.state_of,
                               order=lambda item: (item[1], item[0].cue.i))
    # an office-holder or body does not meet or consult the state it acts for ("Lukashenko
    # told a meeting with members of the government" is no consultation of Belarus); what it
    # says of its own state ("the senator criticised the United States") stays
    return [_in_words(r, sdoc, index, lexicon.verbal_attacks) for r in relations
            if not _against_own_side(r, index)]


def _in_words(relation: Relation, sdoc: Doc, index: DocumentIndex, verbal: frozenset[str]) -> Relation:
    """An attack between two sides who bear no arms is an accusation (``verbal_attacks`` in the
    lexicon): "the senator attacked the Democrats", "his attacks on the press secretary"."""
    if relation.type != "ASSAULT" or relation.cue is None or not (
            index.kinds.get(relation.source) in UNARMED_KINDS and index.kinds.get(relation.target) in UNARMED_KINDS):
        return relation
    cue = sdoc.char_span(relation.cue.start, relation.cue.end)
    if cue is None or cue.root.lemma_.lower() not in verbal:
        return relation
    return relation.model_copy(update={"type": "ACCUSE"})


def _against_own_side(relation: Relation, index: DocumentIndex) -> bool:
    """A consultation between one side's parts, or a hostile deed of a state's own office-holder
    or body against the state itself (see ``_OWN_SIDE_TYPES``, ``_HOSTILE_DEEDS``)."""
    if relation.type in _OWN_SIDE_TYPES:
        return index.same_side(relation.source, relation.target)
    return relation.type in _HOSTILE_DEEDS and index.state_of(relation.source) == relation.target


def naive_baseline(
    doc: Document, sdoc: Doc, type_name: str = "SUPPORT", gazetteer: Gazetteer | None = None
) -> list[Relation]:
    """Every ordered pair of distinct actors mentioned in one sentence, all of ``type_name``."""
    index = DocumentIndex(doc, sdoc, gazetteer)
    relations: list[Relation] = []
    for sent in sdoc.sents:
        present: dict[tuple[int, int], list[str]] = {}
        for token in sent:
            segment = present.setdefault(_evidence(doc.text, sent, token.idx), [])
            for actor_id in index.by_token.get(token.i, []):
                if actor_id not in segment and not index.is_person(actor_id):
                    segment.append(actor_id)
        for (start, end), actors in present.items():
            if start < end:
                relations.extend(_pairs(doc, index, start, end, actors, type_name))
    return relations


def _pairs(
    doc: Document, index: DocumentIndex, start: int, end: int, actors: list[str], type_name: str
) -> list[Relation]:
    polarity = relation_lexicon().polarity(type_name)
    return [
        Relation(
            start=start, end=end, text=doc.text[start:end], source=source, target=target,
            type=type_name, polarity=polarity,  # type: ignore[arg-type]
            asserted_by=index.asserted_by(start), confidence=0.1,
        )
        for source, target in permutations(actors, 2)
    ]
