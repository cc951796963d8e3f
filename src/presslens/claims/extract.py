"""Check-worthy claims: every sentence or clause, scored for how much a fact-checker should look
at it, with its claimant and the actors it names.

The score is ``sigmoid(model logit + news adjustments)``:

- the model logit is the calibrated logistic regression trained on CheckThat! 2024 (debate
  transcripts), over features spaCy already computed (``presslens.claims.features``);
- the news adjustments are hand-set logit offsets (``RULE_WEIGHTS``) for what the debate data
  cannot know about news on international politics: named actors of the actor stage, numbers and
  dates, past-tense actions raise; future and modal verbs, evaluative words and opinion markers,
  questions, imperatives and slogans lower.

Segments are sentences cut at line breaks and semicolons, and at ", and/but" between two clauses
that each have a subject. Claims are ranked by score (descending, ties by position); those under
``DEFAULT_FLOOR`` are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Token

from presslens.claims.features import DocArrays, segment_features
from presslens.claims.weights import ClaimModel, load_shipped_model, sigmoid
from presslens.model import Claim, Document, Quote
from presslens.quotes.lexicon import speech_verbs

DEFAULT_FLOOR = 0.2
MIN_WORDS = 3

# Logit offsets added to the model's calibrated logit (set by hand, not fitted: there is no
# news training data; see the README section "Check-worthy claims").
RULE_WEIGHTS: dict[str, float] = {
    "actor": 0.35,  # per distinct actor of the actor stage named in the segment, up to 3
    "number": 0.4,  # a number, amount or percentage
    "date": 0.3,  # a date or period
    "past_action": 0.5,  # a past-tense or perfect verb that is not speech, thought or "be"
    "modal": -0.8,  # a future or modal auxiliary (will, would, could, should, may, must ...)
    "evaluative": -0.45,  # per evaluative word or opinion marker, up to 3
    "question": -2.0,
    "imperative": -1.2,
    "slogan": -1.5,  # six words or fewer with "!" or without any verb
    "outlet": -1.0,  # names the publishing outlet: interview framing ("X told <outlet> that")
    "event": 0.6,  # the relation stage found an asserted act between actors in the sentence
}
# Relation types that are acts someone can check (an attack, a sanction, a deal signed, aid
# sent), not attitudes (SUPPORT, ADVERSARY, ACCUSE) or talk (CONSULT, REQUEST)
_EVENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "AGREE", "RETREAT",
                          "THREATEN", "REJECT", "CONCEDE"})

_MODALS = frozenset(
    {
        "will",
        "'ll",
        "shall",
        "would",
        "could",
        "might",
        "may",
        "should",
        "must",
        "ought",
        "can",
        "ca",
        "wo",
        "gonna",
    }
)
_NON_ACTION = frozenset(
    {
        "be",
        "have",
        "do",
        "seem",
        "appear",
        "become",
        "remain",
        "feel",
        "know",
        "think",
        "believe",
        "want",
        "like",
        "love",
        "hate",
        "hope",
        "mean",
        "understand",
        "need",
    }
)
_OPINION_PHRASES = re.compile(
    r"\b(?:I|we) (?:think|believe|feel|suppose|am sure|am convinced|are convinced|have no doubt)\b"
    r"|\bin (?:my|our) (?:view|opinion)\b|\bno doubt\b|\bit is clear\b|\bof course\b"
    r"|\bthe truth is\b|\bthe fact is\b|\bthe question is\b",
    re.IGNORECASE,
)
EVALUATIVE_FILE = "claims_evaluative.txt"


@lru_cache(maxsize=1)
def evaluative_words() -> frozenset[str]:
    """Evaluative adjectives/adverbs and labels that mark an opinion (shipped word list)."""
    text = resources.files("presslens.data").joinpath(EVALUATIVE_FILE).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


_LEAD_TRIM = " \t\n“”\"«»„‘’'–—-:,;"
_TAIL_TRIM = ' \t\n“”"«»„‘’,'
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_DATE_LABELS = frozenset({"DATE", "TIME"})
_NUMBER_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})


@dataclass(frozen=True)
class Segment:
    start_tok: int
    end_tok: int  # exclusive
    start: int  # characters, trimmed
    end: int


def _breaks_line(token: Token) -> bool:
    return "\n" in token.text


def _clause_cut(tokens: list[Token]) -> int | None:
    """Index (into ``tokens``) of a ", and/but" that joins two clauses with their own subjects."""
    for k in range(1, len(tokens) - 1):
        tok = tokens[k]
        if tok.dep_ != "cc" or tok.lower_ not in ("and", "but", "while", "whereas", "yet"):
            continue
        if tokens[k - 1].text != ",":
            continue
        head = tok.head
        conj = next((c for c in head.children if c.dep_ == "conj" and c.i > tok.i), None)
        if conj is None or conj.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ in _SUBJECT_DEPS for c in conj.children):
            continue
        if not any(c.dep_ in _SUBJECT_DEPS for c in head.children):
            continue
        left = sum(1 for t in tokens[: k - 1] if t.is_alpha)
        right = sum(1 for t in tokens[k:] if t.is_alpha)
        if left >= 4 and right >= 4:
            return k
    return None


def segments(
    sdoc: Doc,
    toks: list[Token] | None = None,
    cuts: Iterable[int] = (),
    text: str | None = None,
) -> list[Segment]:
    """Sentences cut at line breaks, semicolons and clause-joining ", and/but", and before the
    first token at or after each character offset of ``cuts`` (where direct quotes begin and
    end, so that a quoted clause and its attribution are apart)."""
    toks = list(sdoc) if toks is None else toks  # Token objects are costly: make them once
    starts = [t.idx for t in toks]
    cut_at = {bisect_left(starts, c) for c in cuts}
    pieces: list[list[Token]] = []
    for sent in sdoc.sents:
        current: list[Token] = []
        for tok in toks[sent.start : sent.end]:
            if _breaks_line(tok):
                pieces.append(current)
                current = []
                continue
            if tok.i in cut_at and current:
                pieces.append(current)
                current = []
            current.append(tok)
            if tok.text == ";":
                pieces.append(current)
                current = []
        pieces.append(current)
    out: list[Segment] = []
    if text is None:
        text = sdoc.text  # built from the tokens on every access: read it once
    stack = [p for p in pieces if p]
    stack.reverse()
    while stack:
        piece = stack.pop()
        cut = _clause_cut(piece)
        if cut is not None:
            stack.append(piece[cut:])
            stack.append(piece[: cut - 1])
            continue
        words = sum(1 for t in piece if t.is_alpha)
        if words < MIN_WORDS:
            continue
        start = piece[0].idx
        end = piece[-1].idx + len(piece[-1].text)
        while start < end and text[start] in _LEAD_TRIM:
            start += 1
        while end > start and text[end - 1] in _TAIL_TRIM:
            end -= 1
        if end > start:
            out.append(Segment(piece[0].i, piece[-1].i + 1, start, end))
    return out


def rule_features(
    sdoc: Doc,
    seg: Segment,
    n_actors: int,
    names_outlet: bool = False,
    doc_text: str | None = None,
    toks: list[Token] | None = None,
    event: bool = False,
) -> dict[str, float]:
    """Counts behind ``RULE_WEIGHTS`` for one segment (``n_actors``: distinct actors named in it,
    the outlet excepted; ``names_outlet``: it names the publishing outlet; ``event``: an asserted
    act between actors stands in its sentence)."""
    span = sdoc[seg.start_tok : seg.end_tok] if toks is None else toks[seg.start_tok : seg.end_tok]
    tokens = [t for t in span if not t.is_space]
    text = (sdoc.text if doc_text is None else doc_text)[seg.start : seg.end]
    speech = speech_verbs()
    words = [t for t in tokens if not t.is_punct]
    number = any(
        ((t.like_num or t.tag_ == "CD") and t.ent_type_ not in _DATE_LABELS)
        or t.ent_type_ in _NUMBER_LABELS
        for t in tokens
    )
    date = any(t.ent_type_ in _DATE_LABELS for t in tokens)
    past_action = any(
        t.tag_ in ("VBD", "VBN")
        and t.pos_ == "VERB"
        and t.lemma_.lower() not in speech
        and t.lemma_.lower() not in _NON_ACTION
        for t in tokens
    )
    modal = any(t.tag_ == "MD" or (t.lower_ in _MODALS and t.dep_ == "aux") for t in tokens)
    if not modal:
        modal = bool(re.search(r"\b(?:is|are|am) going to\b", text, re.IGNORECASE))
    evaluative = sum(1 for t in words if t.lower_ in evaluative_words())
    evaluative += len(_OPINION_PHRASES.findall(text))
    trailing = [t for t in tokens[-3:] if t.is_punct]
    question = any(t.text == "?" for t in trailing) or text.rstrip().endswith("?")
    exclamation = any(t.text == "!" for t in trailing)
    # imperative: the segment opens with a bare-verb root that has no subject ("Let us ...")
    opener = words[0] if words else None
    imperative = (
        opener is not None
        and opener.dep_ == "ROOT"
        and opener.tag_ == "VB"
        and not any(c.dep_ in _SUBJECT_DEPS for c in opener.children)
    )
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in tokens)
    slogan = len(words) <= 6 and (exclamation or not has_verb)
    return {
        "actor": float(min(n_actors, 3)),
        "number": float(number),
        "date": float(date),
        "past_action": float(past_action),
        "modal": float(modal),
        "evaluative": float(min(evaluative, 3)),
        "question": float(question),
        "imperative": float(imperative),
        "slogan": float(slogan),
        "outlet": float(names_outlet),
        "event": float(event),
    }


def rule_offset(features: dict[str, float]) -> float:
    return sum(RULE_WEIGHTS[name] * value for name, value in features.items())


def _outlet_id(doc: Document) -> str | None:
    outlet = (doc.meta.outlet or "").strip().casefold()
    if not outlet:
        return None
    for actor in doc.actors:
        if actor.kind == "media" and actor.name.casefold() == outlet:
            return actor.id
    return None


def _claimant(quotes: list[Quote], start: int, end: int, outlet_id: str | None) -> str | None:
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


def _states_event(doc: Document, start: int, end: int) -> bool:
    """Whether an asserted act of ``_EVENT_TYPES`` found by the relation stage (its evidence is
    the sentence) overlaps the segment. Before the relation stage runs, there are none."""
    return any(
        r.modality == "asserted" and r.type in _EVENT_TYPES and r.start < end and start < r.end
        for r in doc.relations
    )


def _actors_inside(doc: Document, start: int, end: int) -> list[str]:
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
    toks: list[Token] | None = None,
    text: str | None = None,
    events: list[bool] | None = None,
) -> list[float]:
    """Check-worthiness of each segment (model logit, or 0 without a model, plus the rules)."""
    arrays = DocArrays.of(sdoc) if model is not None and segs else None
    doc_text = sdoc.text if text is None else text
    scores: list[float] = []
    flags = events if events is not None else [False] * len(segs)
    for seg, actors, event in zip(segs, actors_inside, flags, strict=True):
        logit = 0.0
        if model is not None and arrays is not None:
            ids, dense = segment_features(arrays, seg.start_tok, seg.end_tok)
            logit = model.logit(ids, dense)
        names_outlet = outlet_id is not None and outlet_id in actors
        n_actors = len(actors) - int(names_outlet)
        z = logit + rule_offset(rule_features(sdoc, seg, n_actors, names_outlet, doc_text, toks, event))
        scores.append(round(float(sigmoid(np.float64(z))), 4))
    return scores


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
    toks = list(sdoc)
    direct = [q for q in doc.quotes if q.kind == "direct"]
    cuts = [offset for q in direct for offset in (q.start, q.end)]
    segs = [s for s in segments(sdoc, toks, cuts, doc.text) if not _is_attribution(s, direct)]
    inside = [_actors_inside(doc, s.start, s.end) for s in segs]
    outlet_id = _outlet_id(doc)
    events = [_states_event(doc, s.start, s.end) for s in segs]
    scores = score_segments(sdoc, segs, model, inside, outlet_id, toks, doc.text, events)
    claims = [
        Claim(
            start=seg.start,
            end=seg.end,
            text=doc.text[seg.start : seg.end],
            score=score,
            claimant=_claimant(doc.quotes, seg.start, seg.end, outlet_id),
            actors=actors,
        )
        for seg, score, actors in zip(segs, scores, inside, strict=True)
        if score >= floor
    ]
    claims.sort(key=lambda c: (-c.score, c.start, c.end))
    return claims
