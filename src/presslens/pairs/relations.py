"""Relations decided by the learned relation head, for every ordered pair of actors of a segment.

For each pair the relation head gives P(no relation) and a distribution over the types. A
relation is emitted when the head finds one (1 - P(none) >= the ``relation`` threshold, or the
higher ``relation_ruled`` one in a segment where the rule stage found a relation: the rules read
its construction, and what the head adds there was mostly wrong on the development articles):
its best type, with the type's own polarity (0 for CONSULT and REQUEST). Who is positive or
negative toward whom is a stance, read by the pair-sentiment head in ``pairs.sentiment`` and
emitted by the stance stage. The cue is the word where the two mentions' dependency paths meet;
a negated cue states no relation, and its modality is the relation's. A rule relation of the
same pair in the same segment is kept (the rule stage read the construction), with the head's
type where the head is sure of another (``retype`` threshold) and gives the rule's almost none.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.tokens import Doc, Token

from presslens.encoder.article import ArticleEncodings
from presslens.index import DocumentIndex
from presslens.index.segments import Mention, Segment
from presslens.lexicon import relation_lexicon
from presslens.model import Document, Relation, Span
from presslens.pairs.features import relation_features
from presslens.pairs.model import PairModel
from presslens.pairs.relation_data import NONE
from presslens.pairs.sentiment import asserts_nothing, closest, meeting, one_phrase
from presslens.syntax.modality import modality_of
from presslens.syntax.negation import negated_scope

RULE_TYPE_FLOOR = 0.05  # the head gives the rules' type less than this when it retypes


def learned_relations(
    doc: Document, sdoc: Doc, index: DocumentIndex, article: ArticleEncodings, model: PairModel,
    rule_relations: list[Relation],
) -> list[Relation]:
    lexicon = relation_lexicon()
    classes = model.relation.classes
    types = [c for c in classes if c != NONE]
    none_column = classes.index(NONE)
    retyped: dict[int, Relation] = {}
    found: list[Relation] = []

    retyping = model.threshold("retype") <= 1.0
    # every segment's pairs first, then one product of the head over all of them: a product per
    # segment read the head's whole first layer again for a handful of rows
    asked: list[tuple[Segment, float, dict[tuple[str, str], int], Mention, Mention, bool]] = []
    rows: list[np.ndarray] = []
    for segment in article.segments:
        actors = segment.actors()
        if len(actors) < 2 or asserts_nothing(index, segment):
            continue
        ruled = {(r.source, r.target): n for n, r in enumerate(rule_relations)
                 if r.start < segment.end and segment.start < r.end}
        # where the rules read a construction in this segment, the head must be surer to add
        threshold = model.threshold("relation_ruled" if ruled else "relation")
        if threshold > 1.0 and not retyping:
            continue  # the head could neither add nor retype a relation here
        # the ordered pairs whose outcome the head can change
        pairs: list[tuple[Mention, Mention, bool]] = []
        for i, first in enumerate(actors):
            for second in actors[i + 1:]:
                a, b = closest(segment, first, second)
                if a.start > b.start:
                    a, b = b, a
                if index.same_side(first, second) or one_phrase(sdoc, a, b):
                    continue
                for source, target in ((a, b), (b, a)):
                    is_ruled = (index.normal(source.actor), index.normal(target.actor)) in ruled
                    if (is_ruled and not retyping) or (not is_ruled and threshold > 1.0):
                        continue
                    pairs.append((source, target, is_ruled))
        if not pairs:
            continue
        encoding = article.of(segment)
        for source, target, is_ruled in pairs:
            row = relation_features(encoding, segment.start, segment.tokens,
                                    (source.start, source.end), (target.start, target.end),
                                    len(actors))
            if row is not None:
                asked.append((segment, threshold, ruled, source, target, is_ruled))
                rows.append(row)
    table = model.relation.probabilities(np.stack(rows)) if rows else np.zeros((0, len(classes)))
    for (segment, threshold, ruled, source, target, is_ruled), probabilities in zip(
        asked, table, strict=True
    ):
        if is_ruled:
            rule = ruled[(index.normal(source.actor), index.normal(target.actor))]
            better = _retype(rule_relations[rule], probabilities, model, lexicon.polarity)
            if better is not None:
                retyped[rule] = better
            continue
        some = 1.0 - float(probabilities[none_column])
        if some < threshold:
            continue
        type_name = max(types, key=lambda t: float(probabilities[classes.index(t)]))
        cue = meeting(sdoc, source, target)
        if cue is not None and negated_scope(cue):
            continue
        found.append(_relation(doc, index, segment, source, target, cue, type_name,
                               lexicon.polarity(type_name), round(some, 3)))
    found += [retyped.get(n, r) for n, r in enumerate(rule_relations)]
    return sorted(found, key=lambda r: (r.start, r.source, r.target, r.type))


def _retype(
    rule: Relation, probabilities: np.ndarray, model: PairModel, polarity_of: Callable[[str], int]
) -> Relation | None:
    """The rule relation with the head's type, where the head is sure of another type and gives
    the rules' type almost nothing ("halted aid to X" read as AID by a cue word is SANCTION)."""
    classes = model.relation.classes
    if rule.type not in classes:
        return None
    best = max((c for c in classes if c != NONE), key=lambda c: probabilities[classes.index(c)])
    if (best == rule.type or probabilities[classes.index(best)] < model.threshold("retype")
            or probabilities[classes.index(rule.type)] >= RULE_TYPE_FLOOR):
        return None
    return rule.model_copy(update={"type": best, "polarity": polarity_of(best)})


def _relation(
    doc: Document, index: DocumentIndex, segment: Segment, source: Mention, target: Mention,
    cue: Token | None, type_name: str, polarity: int, confidence: float,
) -> Relation:
    at = cue.idx if cue is not None else min(source.start, target.start)
    source_id, target_id = index.normal(source.actor), index.normal(target.actor)
    return Relation(
        start=segment.start, end=segment.end, text=doc.text[segment.start:segment.end],
        source=source_id, target=target_id, type=type_name,
        polarity=polarity,  # type: ignore[arg-type]
        modality=modality_of(cue) if cue is not None else "asserted",
        asserted_by=index.asserted_by(at), confidence=confidence,
        cue=Span(start=cue.idx, end=cue.idx + len(cue.text), text=cue.text) if cue is not None else None,
        source_state=index.state_of(source_id), target_state=index.state_of(target_id),
    )
