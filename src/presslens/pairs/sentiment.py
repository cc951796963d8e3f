"""Who is positive or negative toward whom: the pair-sentiment head read on pairs of actors.

The head learned from public news sentences in which annotators marked two entities and whether
one is positive or negative toward the other (the directed-sentiment corpus). What it reads is a
stance, a holder's attitude toward a target, not an event: it says that "X slammed Y" is
negative, not what X did. So its readings become stances (``pairs.stances``), never typed
relations: emitted as PLOVER events they were typed by whichever event of that sign the relation
head ranked first, and on real articles most of them were wrong (all 446 SemEval-2023 English
training articles: 1,840 such relations, about one in five right in a sample of 40 read by hand;
"X THREATEN Y" where the sentence only said that X would disappoint Y).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Token

from presslens.encoder.article import ArticleEncodings
from presslens.index import DocumentIndex
from presslens.index.segments import Mention, Segment
from presslens.model import Relation
from presslens.pairs.datasets import PAIR_SENTIMENT
from presslens.pairs.features import pair_features
from presslens.pairs.model import PairModel
from presslens.syntax.negation import negated_scope
from presslens.textutil import ends_in_question

# The head learned from US political news about people, parties and institutions: where a state
# is one side it is not asked (the relation head and the rules read those).
SENTIMENT_KINDS = frozenset({"person", "party", "institution", "organization", "media", "group"})
MENTION_PAIRS = 4  # the head reads at most this many mention pairs of two actors
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NOUN_PHRASE = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nn"})


def closest(segment: Segment, first: str, second: str) -> tuple[Mention, Mention]:
    """The mentions of the two actors that stand nearest each other."""
    pairs = [(a, b) for a in segment.mentions if a.actor == first
             for b in segment.mentions if b.actor == second]
    return min(pairs, key=lambda p: (abs(p[0].start - p[1].start), p[0].start, p[1].start))


def one_phrase(sdoc: Doc, a: Mention, b: Mention) -> bool:
    """One mention modifies the other inside a noun phrase ("Turkish Cypriot leader Ersin
    Tatar", "the Kremlin's spokesman Peskov"): one party named twice, not two."""
    for inner, outer in ((a, b), (b, a)):
        token = sdoc[inner.head]
        while token.dep_ in _NOUN_PHRASE and token.head.i != token.i:
            token = token.head
            if token.i == outer.head:
                return True
    return False


def listed_together(sdoc: Doc, a: Mention, b: Mention) -> bool:
    """The two mentions lie in two items of one list that is not the subject of a verb ("the
    aides named are A, his wife B and his friend C"): a list sets names side by side and says
    nothing of one toward the other. Listed subjects may act on each other ("A and B traded
    insults"), so they are not passed over."""
    items = [_list_item(sdoc[m.head]) for m in (a, b)]
    if items[0].i == items[1].i:
        return False
    firsts = [_first_item(item) for item in items]
    return firsts[0].i == firsts[1].i and firsts[0].dep_ not in _SUBJECTS


def _list_item(token: Token) -> Token:
    """The head of the noun phrase a word belongs to ("his" -> "friend" in "his friend C")."""
    while token.dep_ in _NOUN_PHRASE and token.head.i != token.i:
        token = token.head
    return token


def _first_item(item: Token) -> Token:
    """The first item of the list ``item`` belongs to (itself when it is in none)."""
    while item.dep_ == "conj" and item.head.i != item.i:
        item = _list_item(item.head)
    return item


def meeting(sdoc: Doc, a: Mention, b: Mention) -> Token | None:
    """The word where the two mentions' dependency paths meet (neither mention itself)."""
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


def asserts_nothing(index: DocumentIndex, segment: Segment) -> bool:
    """The outlet's own question asserts nothing (a quoted speaker's question may)."""
    return (ends_in_question(index.doc.text[segment.start:segment.end])
            and index.quote_at(segment.start) is None)


def sentiment_readings(
    index: DocumentIndex, article: ArticleEncodings, model: PairModel,
    relations: Sequence[Relation],
) -> dict[tuple[str, str], tuple[float, tuple[int, int]]]:
    """(holder, target) -> (signed probability, segment) of the surest sign the head gives, over
    the segments where both are people or bodies, the head is sure (``sentiment`` threshold) and
    no relation from the holder to the target overlaps the segment (the relation states what
    passed between them there). A segment gives one reading, its surest: a sentence that names
    several people mostly states one attitude, and the head, asked about every pair, reads it
    into others too (on the 446 SemEval-2023 articles the second and later readings of a
    sentence were about one in ten right, against one in four for all: README). Ids are the
    index's normal ones."""
    sure = model.threshold("sentiment")
    readings: dict[tuple[str, str], tuple[float, tuple[int, int]]] = {}
    for segment in article.segments:
        actors = [a for a in segment.actors() if index.kinds.get(a) in SENTIMENT_KINDS]
        if len(actors) < 2 or asserts_nothing(index, segment):
            continue
        related = {(r.source, r.target) for r in relations
                   if r.start < segment.end and segment.start < r.end}
        surest: tuple[float, tuple[str, str]] | None = None
        for i, first in enumerate(actors):
            for second in actors[i + 1:]:
                ends = ((index.normal(first), index.normal(second)),
                        (index.normal(second), index.normal(first)))
                if all(key in related for key in ends):
                    continue  # the relations state what passed between them here
                a, b = closest(segment, first, second)
                if index.same_side(first, second) or one_phrase(index.sdoc, a, b):
                    continue
                if listed_together(index.sdoc, a, b):
                    continue
                cue = meeting(index.sdoc, a, b)
                if cue is not None and negated_scope(cue):
                    continue  # "never criticised X": no sign the head could read
                signs = surest_sentiment(segment, article, model, first, second)
                for (source, _), key in zip(((first, second), (second, first)), ends, strict=True):
                    if key in related:
                        continue
                    positive, negative = signs.get(source, (0.0, 0.0))
                    sign = 1 if positive >= sure and positive > negative else -1 if negative >= sure else 0
                    if not sign:
                        continue
                    score = sign * max(positive, negative)
                    if surest is None or abs(score) > abs(surest[0]):
                        surest = (score, key)
        if surest is not None:
            score, key = surest
            if key not in readings or abs(score) > abs(readings[key][0]):
                readings[key] = (score, (segment.start, segment.end))
    return readings
