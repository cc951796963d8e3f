"""Scoring one predicted ``Document`` against one ``GoldArticle``, one function per component.

Every function returns counts, never ratios, so that totals are micro-averaged: counts are summed
over articles first and P/R/F1 are computed once from the sums.

For span-overlap components (quotes, techniques, claims) a gold item and a prediction are not
paired one-to-one, so the number of gold items found (``tp``, used by recall) and the number of
correct predictions (``pred_tp``, used by precision) are counted separately.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from presslens.evaluate.gold import GoldActor, GoldArticle, GoldMeta, ResolvedRelation, SpanRef
from presslens.model import Actor, Document, Meta, Relation

QUOTE_RECALL_COVERAGE = (4, 5)  # a gold quote is found when >= 4/5 of it is covered
QUOTE_PRECISION_OVERLAP = (1, 2)  # a predicted quote is correct when >= 1/2 of it is gold
CLAIMS_TOP_K = 5
META_FIELDS = ("title", "published", "outlet")


@dataclass(frozen=True)
class Counts:
    """tp: gold items found; fn: gold items missed; fp: wrong predictions.

    ``pred_tp`` counts correct predictions where that differs from ``tp`` (overlap metrics);
    None means the matching is one-to-one and it equals ``tp``.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    pred_tp: int | None = None

    @property
    def correct_predictions(self) -> int:
        return self.tp if self.pred_tp is None else self.pred_tp

    def __add__(self, other: Counts) -> Counts:
        one_to_one = self.pred_tp is None and other.pred_tp is None
        return Counts(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            pred_tp=None if one_to_one else self.correct_predictions + other.correct_predictions,
        )


@dataclass(frozen=True)
class Ratio:
    """``correct`` out of ``total`` (an accuracy among items that qualified)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)


def precision(counts: Counts) -> float | None:
    """None when nothing was predicted: undefined rather than a flattering or damning 0/1."""
    denominator = counts.correct_predictions + counts.fp
    return counts.correct_predictions / denominator if denominator else None


def recall(counts: Counts) -> float | None:
    denominator = counts.tp + counts.fn
    return counts.tp / denominator if denominator else None


def f1(counts: Counts) -> float | None:
    p, r = precision(counts), recall(counts)
    if p is None or r is None:
        # One side undefined: with gold but no predictions F1 is 0, with neither it is undefined.
        return 0.0 if (p is None) != (r is None) else None
    return 2 * p * r / (p + r) if p + r else 0.0


# --- spans -------------------------------------------------------------------------------------


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def covered_length(start: int, end: int, others: Iterable[tuple[int, int]]) -> int:
    """How many characters of [start, end) lie inside the union of ``others``."""
    clipped = sorted((max(s, start), min(e, end)) for s, e in others if s < end and e > start)
    total, reach = 0, start
    for s, e in clipped:
        s = max(s, reach)
        if e > s:
            total += e - s
            reach = e
    return total


def _at_least(part: int, whole: int, fraction: tuple[int, int]) -> bool:
    # Integer arithmetic: exactly 80% must count as covered, with no float rounding in the way.
    numerator, denominator = fraction
    return whole > 0 and part * denominator >= whole * numerator


# --- actors ------------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def normalise_name(text: str) -> str:
    """Case, spacing and a leading 'the' do not make a different name ('The Kremlin')."""
    name = _SPACES.sub(" ", text).strip().casefold()
    return name[4:] if name.startswith("the ") else name


def predicted_forms(actor: Actor, *, with_pronouns: bool = True) -> set[str]:
    """The predicted actor's name and mention texts, normalised."""
    mentions = (m.text for m in actor.mentions if with_pronouns or m.role != "pronoun")
    return {normalise_name(actor.name)} | {normalise_name(text) for text in mentions}


def gold_forms(actor: GoldActor) -> set[str]:
    return {normalise_name(form) for form in [actor.name, *actor.aliases]}


def same_actor(predicted: Actor | None, gold: GoldActor | None) -> bool:
    """By QID when both sides have one; otherwise by name/mention equal to a gold alias."""
    if predicted is None or gold is None:
        return False
    if predicted.wikidata and gold.wikidata:
        return predicted.wikidata == gold.wikidata
    return bool(predicted_forms(predicted) & gold_forms(gold))


def score_actors(doc: Document, gold: GoldArticle) -> tuple[Counts, Ratio]:
    """Set match of actors (one-to-one), and QID accuracy over matched gold actors with a QID.

    QID-identical pairs are taken first so that an alias match cannot steal the prediction that
    links the entity correctly.
    """
    gold_actors = gold.actors
    pairs: dict[int, Actor] = {}
    used: set[int] = set()
    for gi, gactor in enumerate(gold_actors):
        if gactor.wikidata is None:
            continue
        for pi, pactor in enumerate(doc.actors):
            if pi not in used and pactor.wikidata == gactor.wikidata:
                pairs[gi] = pactor
                used.add(pi)
                break
    for gi, gactor in enumerate(gold_actors):
        if gi in pairs:
            continue
        for pi, pactor in enumerate(doc.actors):
            if pi not in used and same_actor(pactor, gactor):
                pairs[gi] = pactor
                used.add(pi)
                break
    counts = Counts(tp=len(pairs), fp=len(doc.actors) - len(pairs), fn=len(gold_actors) - len(pairs))
    linked = [(gold_actors[gi], pactor) for gi, pactor in pairs.items() if gold_actors[gi].wikidata]
    qid = Ratio(sum(1 for g, p in linked if p.wikidata == g.wikidata), len(linked))
    return counts, qid


# --- speakers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerIdentity:
    """Everything that identifies one gold speaker: the ways the text names them, their QIDs."""

    forms: frozenset[str]
    qids: frozenset[str]


def speaker_identity(gold: GoldArticle, key: str) -> SpeakerIdentity:
    """The ``speakers[key]`` forms, widened by the gold actor entries that share one of them or
    whose name is the key (an institution's key is its name; a stance holder may be an actor)."""
    forms = {normalise_name(form) for form in gold.speakers.get(key, [])}
    entries = [a for a in gold.actors if a.name == key or gold_forms(a) & forms]
    for entry in entries:
        forms |= gold_forms(entry)
    qids = frozenset(a.wikidata for a in entries if a.wikidata)
    return SpeakerIdentity(frozenset(forms), qids)


def is_speaker(predicted: Actor | None, identity: SpeakerIdentity) -> bool:
    """Pronoun mentions are left out: 'he' names every male speaker at once."""
    if predicted is None:
        return False
    if predicted.wikidata and identity.qids:
        return predicted.wikidata in identity.qids
    return bool(predicted_forms(predicted, with_pronouns=False) & identity.forms)


# --- metadata ----------------------------------------------------------------------------------


def _same_title(predicted: str, gold: str) -> bool:
    return _SPACES.sub(" ", predicted).strip() == _SPACES.sub(" ", gold).strip()


def _split_datetime(value: str) -> tuple[str, str | None]:
    date, _, time = value.strip().replace(" ", "T", 1).partition("T")
    return date, (time[:5] or None)


def _same_published(predicted: str, gold: str) -> bool:
    """Date part equal; the time only counts where the gold has one."""
    pdate, ptime = _split_datetime(predicted)
    gdate, gtime = _split_datetime(gold)
    return pdate == gdate and (gtime is None or ptime == gtime)


def _same_outlet(predicted: str, gold: str) -> bool:
    return normalise_name(predicted) == normalise_name(gold)


_META_EQUAL: dict[str, Callable[[str, str], bool]] = {
    "title": _same_title,
    "published": _same_published,
    "outlet": _same_outlet,
}


def score_metadata(predicted: Meta, gold: GoldMeta) -> dict[str, Counts]:
    """Per field: tp when equal; fn when gold is set and the prediction missing or wrong;
    fp when the prediction is set and wrong or the gold is null. A field that the gold JSON does
    not mention at all is not scored."""
    scores: dict[str, Counts] = {}
    for name in META_FIELDS:
        if name not in gold.model_fields_set:
            continue
        gvalue: str | None = getattr(gold, name)
        pvalue: str | None = getattr(predicted, name)
        if gvalue is None:
            scores[name] = Counts(fp=int(pvalue is not None))
        elif pvalue is None:
            scores[name] = Counts(fn=1)
        elif _META_EQUAL[name](pvalue, gvalue):
            scores[name] = Counts(tp=1)
        else:
            scores[name] = Counts(fp=1, fn=1)
    return scores


# --- quotes ------------------------------------------------------------------------------------


def score_quotes(doc: Document, gold: GoldArticle) -> tuple[Counts, Ratio]:
    """Span F1 by coverage (kind must agree), and speaker accuracy over the gold quotes found."""
    found = 0
    speaker = Ratio()
    for gquote in gold.quotes:
        same_kind = [q for q in doc.quotes if q.kind == gquote.kind]
        gs, ge = gquote.span.start, gquote.span.end
        covered = covered_length(gs, ge, ((q.start, q.end) for q in same_kind))
        if not _at_least(covered, ge - gs, QUOTE_RECALL_COVERAGE):
            continue
        found += 1
        best = max(same_kind, key=lambda q: covered_length(gs, ge, [(q.start, q.end)]))
        predicted = doc.actor(best.speaker) if best.speaker else None
        correct = gquote.speaker is not None and is_speaker(
            predicted, speaker_identity(gold, gquote.speaker)
        )
        speaker += Ratio(int(correct), 1)
    correct_predictions = 0
    for pquote in doc.quotes:
        gold_spans = ((g.span.start, g.span.end) for g in gold.quotes if g.kind == pquote.kind)
        overlap = covered_length(pquote.start, pquote.end, gold_spans)
        correct_predictions += _at_least(overlap, pquote.end - pquote.start, QUOTE_PRECISION_OVERLAP)
    counts = Counts(
        tp=found,
        fn=len(gold.quotes) - found,
        pred_tp=correct_predictions,
        fp=len(doc.quotes) - correct_predictions,
    )
    return counts, speaker


# --- one-to-one matching -----------------------------------------------------------------------

G = TypeVar("G")
P = TypeVar("P")


def match_greedy(golds: Sequence[G], preds: Sequence[P], fits: Callable[[G, P], bool]) -> Counts:
    """Each gold item, in order, takes the first unused prediction that fits it."""
    used: set[int] = set()
    for gitem in golds:
        for pi, pitem in enumerate(preds):
            if pi not in used and fits(gitem, pitem):
                used.add(pi)
                break
    return Counts(tp=len(used), fp=len(preds) - len(used), fn=len(golds) - len(used))


# --- relations ---------------------------------------------------------------------------------


def score_relations(doc: Document, gold: GoldArticle) -> tuple[Counts, Counts]:
    """(full match, pair-only match). Full: same source and target actors (direction matters),
    equal polarity, type accepted, evidence overlapping the anchor's sentence. Pair-only drops
    type and polarity."""

    def side_fits(actor: str, state: str | None, gold_name: str) -> bool:
        # a relation drawn at person or body level matches gold drawn at state level through
        # the state it names for that side ("British Defence Secretary X" acts for the UK)
        gold_actor = gold.actor_named(gold_name)
        if same_actor(doc.actor(actor), gold_actor):
            return True
        return state is not None and state != actor and same_actor(doc.actor(state), gold_actor)

    def pair_fits(gitem: ResolvedRelation, pred: Relation) -> bool:
        grel = gitem.relation
        return (
            side_fits(pred.source, pred.source_state, grel.source)
            and side_fits(pred.target, pred.target_state, grel.target)
            and overlaps(pred.start, pred.end, gitem.sentence.start, gitem.sentence.end)
        )

    def full_fits(gitem: ResolvedRelation, pred: Relation) -> bool:
        grel = gitem.relation
        return pred.polarity == grel.polarity and pred.type in grel.types and pair_fits(gitem, pred)

    return (
        match_greedy(gold.relations, doc.relations, full_fits),
        match_greedy(gold.relations, doc.relations, pair_fits),
    )


# --- stances -----------------------------------------------------------------------------------


def score_stances(doc: Document, gold: GoldArticle) -> Counts:
    """(holder, target, sign) triples; the holder 'outlet' only matches 'outlet'."""
    gold_stances = gold.annotation.stances or []
    identities = {
        s.holder: speaker_identity(gold, s.holder) for s in gold_stances if s.holder != "outlet"
    }

    def holder_fits(gold_holder: str, pred_holder: str) -> bool:
        if gold_holder == "outlet" or pred_holder == "outlet":
            return gold_holder == pred_holder
        return is_speaker(doc.actor(pred_holder), identities[gold_holder])

    return match_greedy(
        gold_stances,
        doc.stances,
        lambda g, p: g.sign == p.sign
        and holder_fits(g.holder, p.holder)
        and same_actor(doc.actor(p.target), gold.actor_named(g.target)),
    )


# --- techniques and claims ---------------------------------------------------------------------


def score_techniques(doc: Document, gold: GoldArticle) -> Counts:
    """Gold span found: an overlapping prediction with an accepted label. Prediction correct:
    it overlaps a gold span that accepts its label."""

    def accepted(span: SpanRef, labels: frozenset[str], start: int, end: int, label: str) -> bool:
        return label in labels and overlaps(span.start, span.end, start, end)

    found = sum(
        any(accepted(g.span, g.labels, p.start, p.end, p.label) for p in doc.techniques)
        for g in gold.techniques
    )
    correct = sum(
        any(accepted(g.span, g.labels, p.start, p.end, p.label) for g in gold.techniques)
        for p in doc.techniques
    )
    return Counts(
        tp=found, fn=len(gold.techniques) - found, pred_tp=correct, fp=len(doc.techniques) - correct
    )


def top_claims(doc: Document, k: int = CLAIMS_TOP_K) -> list[tuple[int, int]]:
    """The k best-scored claims; ties broken by position so that the cut is deterministic."""
    ranked = sorted(doc.claims, key=lambda c: (-c.score, c.start, c.end))
    return [(c.start, c.end) for c in ranked[:k]]


def score_claims(doc: Document, gold: GoldArticle) -> Counts:
    """Recall: a gold claim is found when a top-five prediction overlaps it. Precision: over the
    top five predictions (or fewer), those that overlap a gold claim."""
    top = top_claims(doc)
    found = sum(any(overlaps(g.start, g.end, s, e) for s, e in top) for g in gold.claims)
    correct = sum(any(overlaps(g.start, g.end, s, e) for g in gold.claims) for s, e in top)
    return Counts(tp=found, fn=len(gold.claims) - found, pred_tp=correct, fp=len(top) - correct)
