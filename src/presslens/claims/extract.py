"""Check-worthy claims: every sentence or clause, scored for how much a fact-checker should look
at it, with its claimant and the actors it names.

The score is ``sigmoid(model logit + news adjustments)``:

- the model logit is the calibrated logistic regression trained on CheckThat! 2024 (debate
  transcripts), over features spaCy already computed (``presslens.claims.features``);
- the news adjustments are hand-set logit offsets (``RULE_WEIGHTS``, ``presslens.claims.rules``)
  for what the debate data
  cannot know about news on international politics: named actors of the actor stage, numbers
  and dates, past-tense actions raise; future and modal verbs, evaluative words and opinion
  markers, questions, imperatives and slogans lower.

Segments (``presslens.claims.segments``) are sentences cut at line breaks and semicolons, and at
", and/but" between two clauses that each have a subject. Claims are ranked by score (descending, ties by position); those under
``DEFAULT_FLOOR`` are left out.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from presslens.claims.features import DocArrays, segment_features
from presslens.claims.rules import RULE_WEIGHTS, RuleTokens, rule_offset
from presslens.claims.segments import MIN_WORDS, Segment, segments
from presslens.claims.weights import ClaimModel, load_shipped_model, sigmoid
from presslens.model import Claim, Document, Quote

__all__ = ["DEFAULT_FLOOR", "MIN_WORDS", "RULE_WEIGHTS", "Segment", "extract_claims", "segments"]

DEFAULT_FLOOR = 0.2

# Relation types that are acts someone can check (an attack, a sanction, a deal signed, aid
# sent), not attitudes (SUPPORT, ADVERSARY, ACCUSE) or talk (CONSULT, REQUEST)
EVENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "AGREE", "RETREAT",
                         "THREATEN", "REJECT", "CONCEDE"})


def outlet_id_of(doc: Document) -> str | None:
    outlet = (doc.meta.outlet or "").strip().casefold()
    if not outlet:
        return None
    for actor in doc.actors:
        if actor.kind == "media" and actor.name.casefold() == outlet:
            return actor.id
    return None


def claimant_of(quotes: list[Quote], start: int, end: int, outlet_id: str | None) -> str | None:
    """The speaker of the quote holding most of the claim (at least half), else the outlet."""
    best: Quote | None = None
    best_overlap = 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    if best is not None and best_overlap * 2 >= end - start:
        return best.speaker
    return outlet_id


def _is_attribution(seg: Segment, quotes: list[Quote]) -> bool:
    """Whether the segment holds the attribution of a direct quote it is cut from ("…," the
    spokesperson told reporters): the quote is the claim, not the fact that it was said."""
    for q in quotes:
        cue = q.cue
        if cue is None or not (seg.start <= cue.start and cue.end <= seg.end):
            continue
        if min(seg.end, q.end) <= max(seg.start, q.start):  # the quote itself is elsewhere
            return True
    return False


def states_event(doc: Document, start: int, end: int) -> bool:
    """Whether an asserted act of ``EVENT_TYPES`` found by the relation stage (its evidence is
    the sentence) overlaps the segment. Before the relation stage runs, there are none."""
    return any(
        r.modality == "asserted" and r.type in EVENT_TYPES and r.start < end and start < r.end
        for r in doc.relations
    )


def actors_inside(doc: Document, start: int, end: int) -> list[str]:
    first: dict[str, int] = {}
    for actor in doc.actors:
        for mention in actor.mentions:
            if start <= mention.start and mention.end <= end:
                first[actor.id] = min(first.get(actor.id, mention.start), mention.start)
    return sorted(first, key=lambda a: (first[a], a))


def score_segments(
    sdoc: Doc,
    segs: list[Segment],
    model: ClaimModel | None,
    actors_inside: list[list[str]],
    outlet_id: str | None = None,
    text: str | None = None,
    events: list[bool] | None = None,
    arrays: DocArrays | None = None,
) -> list[float]:
    """Check-worthiness of each segment (model logit, or 0 without a model, plus the rules)."""
    if not segs:
        return []
    arrays = DocArrays.of(sdoc) if arrays is None else arrays
    rules = RuleTokens(sdoc, arrays)
    doc_text = sdoc.text if text is None else text
    scores: list[float] = []
    flags = events if events is not None else [False] * len(segs)
    for seg, actors, event in zip(segs, actors_inside, flags, strict=True):
        logit = 0.0
        if model is not None:
            ids, dense = segment_features(arrays, seg.start_tok, seg.end_tok)
            logit = model.logit(ids, dense)
        names_outlet = outlet_id is not None and outlet_id in actors
        n_actors = len(actors) - int(names_outlet)
        features = rules.features(
            seg.start_tok, seg.end_tok, doc_text[seg.start : seg.end], n_actors, names_outlet, event
        )
        z = logit + rule_offset(features)
        scores.append(round(float(sigmoid(np.float64(z))), 4))
    return scores


def candidate_segments(doc: Document, sdoc: Doc, arrays: DocArrays) -> list[Segment]:
    """The segments that may be claims: cut where direct quotes begin and end, without the
    attributions of direct quotes."""
    direct = [q for q in doc.quotes if q.kind == "direct"]
    cuts = [offset for q in direct for offset in (q.start, q.end)]
    return [s for s in segments(sdoc, cuts, doc.text, arrays) if not _is_attribution(s, direct)]


def extract_claims(
    doc: Document,
    sdoc: Doc,
    *,
    floor: float = DEFAULT_FLOOR,
    model: ClaimModel | None = None,
) -> list[Claim]:
    """Claims of ``doc`` ranked by check-worthiness (descending; ties by position)."""
    model = model if model is not None else load_shipped_model()
    if len(sdoc) and sdoc[-1].idx + len(sdoc[-1].text_with_ws) != len(doc.text):
        raise ValueError("sdoc is not a parse of doc.text")
    arrays = DocArrays.of(sdoc)  # every token attribute the stage reads, read once
    segs = candidate_segments(doc, sdoc, arrays)
    inside = [actors_inside(doc, s.start, s.end) for s in segs]
    outlet_id = outlet_id_of(doc)
    events = [states_event(doc, s.start, s.end) for s in segs]
    scores = score_segments(sdoc, segs, model, inside, outlet_id, doc.text, events, arrays)
    claims = [
        Claim(
            start=seg.start,
            end=seg.end,
            text=doc.text[seg.start : seg.end],
            score=score,
            claimant=claimant_of(doc.quotes, seg.start, seg.end, outlet_id),
            actors=actors,
        )
        for seg, score, actors in zip(segs, scores, inside, strict=True)
        if score >= floor
    ]
    claims.sort(key=lambda c: (-c.score, c.start, c.end))
    return claims
