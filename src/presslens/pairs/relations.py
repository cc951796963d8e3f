"""Relations decided by the learned heads, for every ordered pair of actors of a segment.

For each pair the relation head gives P(no relation) and a distribution over the types; the
pair-sentiment head (trained on public news sentences) says who is positive or negative toward
whom. A relation is emitted when
- the relation head finds one (1 - P(none) >= the ``relation`` threshold, or the higher
  ``relation_ruled`` one in a segment where the rule stage found a relation: the rules read its
  construction, and what the head adds there was mostly wrong on the development articles): its
  best type, or
- the pair-sentiment head is sure that the source is positive or negative toward the target
  (``sentiment`` threshold): the type of that sign the relation head ranks first ("praised" ->
  SUPPORT, "slammed" -> ACCUSE); asked only where neither side is a state (the head learned from
  news about people, parties and bodies; on the development articles, asking it about pairs with a
  state added mostly false relations: F1 0.670 -> 0.546 at 0.5, against -0.013 when both sides
  must be people or bodies).
Polarity is the type's own, except for the types without one (CONSULT, REQUEST), which take the
sentiment's sign when it is sure. The cue is the word where the two mentions' dependency paths
meet; a negated cue states no relation, and its modality is the relation's. A rule relation of
the same pair in the same segment is kept (the rule stage read the construction), with the head's
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
from presslens.pairs.datasets import PAIR_SENTIMENT
from presslens.pairs.features import pair_features, relation_features
from presslens.pairs.model import PairModel
from presslens.pairs.relation_data import NONE
from presslens.syntax.modality import modality_of
from presslens.syntax.negation import negated_scope


def _closest(segment: Segment, first: str, second: str) -> tuple[Mention, Mention]:
    """The mentions of the two actors that stand nearest each other."""
    pairs = [(a, b) for a in segment.mentions if a.actor == first
             for b in segment.mentions if b.actor == second]
    return min(pairs, key=lambda p: (abs(p[0].start - p[1].start), p[0].start, p[1].start))


# The pair-sentiment head learned from US political news about people, parties and
# institutions: where a state is one side it is not asked (the relation head and the rules read
# those).
SENTIMENT_KINDS = frozenset({"person", "party", "institution", "organization", "media", "group"})
RULE_TYPE_FLOOR = 0.05  # the head gives the rules' type less than this when it retypes
_NOUN_PHRASE = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nn"})


def _one_phrase(sdoc: Doc, a: Mention, b: Mention) -> bool:
    """One mention modifies the other inside a noun phrase ("Turkish Cypriot leader Ersin
    Tatar", "the Kremlin's spokesman Peskov"): one party named twice, not two."""
    for inner, outer in ((a, b), (b, a)):
        token = sdoc[inner.head]
        while token.dep_ in _NOUN_PHRASE and token.head.i != token.i:
            token = token.head
            if token.i == outer.head:
                return True
    return False


def _meeting(sdoc: Doc, a: Mention, b: Mention) -> Token | None:
    up_a = [sdoc[a.head], *sdoc[a.head].ancestors]
    on_b = {t.i for t in [sdoc[b.head], *sdoc[b.head].ancestors]}
    return next((t for t in up_a if t.i in on_b and t.i not in (a.head, b.head)), None)


def directed_sentiment(probabilities: np.ndarray, source_first: bool) -> tuple[float, float]:
    """(P source positive toward target, P source negative toward target) from the pair head's
    distribution over the corpus's five classes (pair read in text order)."""
    p = dict(zip(PAIR_SENTIMENT, probabilities, strict=True))
    if source_first:
        return float(p["first_positive"]), float(p["first_negative"])
    return float(p["second_positive"]), float(p["second_negative"])


MENTION_PAIRS = 4  # the pair-sentiment head reads at most this many mention pairs of two actors


def surest_sentiment(
    segment: Segment, article: ArticleEncodings, model: PairModel, first: str, second: str
) -> dict[str, tuple[float, float]]:
    """actor -> (P positive, P negative) toward the other actor, read on the pair of their
    mentions where the head is surest of a sign. Named mentions are read before pronouns and,
    among them, the nearest pairs first: in "Clinton slammed Trump (he responded in kind) and
    she mocked his supporters" the names carry the act, not the nearest pronouns."""
    candidates = sorted(
        ((x, y) for x in segment.mentions if x.actor == first
         for y in segment.mentions if y.actor == second),
        key=lambda p: (p[0].inferred or p[1].inferred, abs(p[0].start - p[1].start), p[0].start),
    )[:MENTION_PAIRS]
    encoding = article.of(segment)
    rows = []
    for x, y in candidates:
        a, b = (x, y) if x.start <= y.start else (y, x)
        rows.append(pair_features(encoding, (a.start - segment.start, a.end - segment.start),
                                  (b.start - segment.start, b.end - segment.start)))
    table = model.pair_sentiment.probabilities(np.stack(rows))
    best: dict[str, tuple[float, float]] = {}
    for (x, y), probabilities in zip(candidates, table, strict=True):
        x_first = x.start <= y.start
        for actor, reads_first in ((first, x_first), (second, not x_first)):
            signs = directed_sentiment(probabilities, reads_first)
            if max(signs) > max(best.get(actor, (0.0, 0.0))):
                best[actor] = signs
    return best


def learned_relations(
    doc: Document, sdoc: Doc, index: DocumentIndex, article: ArticleEncodings, model: PairModel,
    rule_relations: list[Relation],
) -> list[Relation]:
    lexicon = relation_lexicon()
    types = [c for c in model.relation.classes if c != NONE]
    none_column = model.relation.classes.index(NONE)
    retyped: dict[int, Relation] = {}
    found: list[Relation] = []

    def people_or_bodies(actor: str) -> bool:
        return index.kinds.get(actor) in SENTIMENT_KINDS

    retyping = model.threshold("retype") <= 1.0
    for segment in article.segments:
        actors = segment.actors()
        if len(actors) < 2:
            continue
        text = doc.text[segment.start:segment.end]
        if text.rstrip("\"'”’»“ ").endswith("?") and index.quote_at(segment.start) is None:
            continue  # the outlet's own question asserts nothing
        ruled = {(r.source, r.target): n for n, r in enumerate(rule_relations)
                 if r.start < segment.end and segment.start < r.end}
        # where the rules read a construction in this segment, the head must be surer to add
        threshold = model.threshold("relation_ruled" if ruled else "relation")
        # the ordered pairs whose outcome the heads can change, read in one batch per segment
        pairs: list[tuple[Mention, Mention, bool, tuple[float, float]]] = []
        for i, first in enumerate(actors):
            for second in actors[i + 1:]:
                a, b = _closest(segment, first, second)
                if a.start > b.start:
                    a, b = b, a
                if index.same_side(first, second) or _one_phrase(sdoc, a, b):
                    continue
                sentiment: dict[str, tuple[float, float]] = {}
                if people_or_bodies(a.actor) and people_or_bodies(b.actor):
                    sentiment = surest_sentiment(segment, article, model, first, second)
                for source, target in ((a, b), (b, a)):
                    is_ruled = (index.normal(source.actor), index.normal(target.actor)) in ruled
                    if is_ruled and not retyping:
                        continue
                    signs = sentiment.get(source.actor, (0.0, 0.0))
                    if not is_ruled and threshold > 1.0 and max(signs) < model.threshold("sentiment"):
                        continue  # neither head could emit a relation here
                    pairs.append((source, target, is_ruled, signs))
        if not pairs:
            continue
        encoding = article.of(segment)
        rows = [relation_features(encoding, segment.start, segment.tokens, (s.start, s.end),
                                  (t.start, t.end), len(actors)) for s, t, _, _ in pairs]
        kept = [(pair, row) for pair, row in zip(pairs, rows, strict=True) if row is not None]
        if not kept:
            continue
        table = model.relation.probabilities(np.stack([row for _, row in kept]))
        for ((source, target, is_ruled, (positive, negative)), _), probabilities in zip(
                kept, table, strict=True):
            if is_ruled:
                rule = ruled[(index.normal(source.actor), index.normal(target.actor))]
                better = _retype(rule_relations[rule], probabilities, model, lexicon.polarity)
                if better is not None:
                    retyped[rule] = better
                continue
            relation = _decide(probabilities, none_column, types, positive, negative, model,
                               lexicon.polarity, threshold)
            if relation is None:
                continue
            type_name, polarity, confidence = relation
            cue = _meeting(sdoc, source, target)
            if cue is not None and negated_scope(cue):
                continue
            found.append(_relation(doc, index, segment, source, target, cue, type_name,
                                   polarity, confidence))
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


def _decide(
    probabilities: np.ndarray, none_column: int, types: list[str], positive: float,
    negative: float, model: PairModel, polarity_of: Callable[[str], int], threshold: float,
) -> tuple[str, int, float] | None:
    classes = model.relation.classes
    some = 1.0 - float(probabilities[none_column])
    ranked = sorted(((float(probabilities[classes.index(t)]), t) for t in types), reverse=True)
    sure = model.threshold("sentiment")
    sign = 1 if positive >= sure and positive > negative else -1 if negative >= sure else 0
    if some >= threshold:
        best = ranked[0][1]
        polarity = polarity_of(best)
        if polarity == 0 and sign:
            polarity = sign
        return best, polarity, round(some, 3)
    if sign:
        best = next(t for _, t in ranked if polarity_of(t) == sign)
        return best, sign, round(max(positive, negative), 3)
    return None


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
