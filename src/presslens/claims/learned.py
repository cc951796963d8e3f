"""The default profile's check-worthy claims: the claim segments of the rule stage, scored by the
check-worthiness head over the shared encoder, adjusted for news, and cut to a short list.

The score of a segment is ``sigmoid(z)``, with ``z`` the sum of

- the mean of two logits, Platt-calibrated on CheckThat!'s latest debates (``learned_train``):
  the head's over the mean word-piece vector of the segment's characters inside its sentence's
  encoding (the one encoding of each sentence that every stage of the default profile shares),
  and the rule-era n-gram model's, refitted on the same debates as the head;
- the rule stage's news adjustments (``RULE_WEIGHTS``: actors, numbers, dates, past actions,
  modals, evaluative words, questions, imperatives, slogans, the outlet, asserted acts);
- the parse-read news features (``news``: interview framing, the speaker's biography, the
  headline lower; a loaded accusation raises and is flagged on the claim).

Listed: the segments whose score reaches the threshold chosen on the latest debates, best first,
while the characters they cover stay within ``TEXT_SHARE`` of the text (in a text under
``SHORT_TEXT`` characters, the best one always) and at most ``MAX_CLAIMS`` of them: a short list a fact-checker reads, not most of the article.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from presslens.claims.extract import (
    actors_inside,
    candidate_segments,
    claimant_of,
    outlet_id_of,
    states_event,
)
from presslens.claims.features import DocArrays, segment_features
from presslens.claims.learned_train import HEAD_NAME, NGRAM_DIR, head_logit
from presslens.claims.news import NewsTokens
from presslens.claims.rules import RuleTokens, rule_offset
from presslens.claims.segments import Segment
from presslens.claims.weights import ClaimModel, load_model_dir, sigmoid
from presslens.encoder.article import ArticleEncodings
from presslens.encoder.heads import MODELS, Head, read_meta
from presslens.model import Claim, Document

MODEL_DIR = MODELS / "claims_learned"
TEXT_SHARE = 0.15  # the listed claims cover at most this share of the text's characters
MAX_CLAIMS = 8
# In a text shorter than this (a paragraph: a wire snippet, a post) the best claim is listed
# whatever share of it it covers: there the share says nothing about how much is listed.
SHORT_TEXT = 400


@dataclass(frozen=True)
class LearnedClaimModel:
    head: Head
    ngram: ClaimModel  # the rule-era recipe fitted on the same rows as the head
    head_weight: float
    platt: tuple[float, float]  # calibrated logit = platt[0] * mixed logit + platt[1]
    threshold: float  # calibrated probability from which a segment is listed
    meta: dict[str, Any] = field(default_factory=dict)

    def logits(self, vectors: np.ndarray, ngram_logits: np.ndarray) -> np.ndarray:
        """Calibrated logits of P(check-worthy) from the encoder vectors of the segments and
        the n-gram model's raw logits."""
        if len(vectors) == 0:
            return np.zeros(0)
        mixed = self.head_weight * head_logit(self.head, vectors) + (
            1 - self.head_weight) * ngram_logits
        return np.asarray(self.platt[0] * mixed + self.platt[1])


def load_learned_model_dir(folder: Path) -> LearnedClaimModel:
    meta = read_meta(folder)
    platt, threshold, weight = meta["platt"], meta["threshold"], meta["head_weight"]
    assert isinstance(platt, list) and isinstance(threshold, float) and isinstance(weight, float)
    return LearnedClaimModel(Head.load(folder, HEAD_NAME), load_model_dir(folder / NGRAM_DIR),
                             weight, (float(platt[0]), float(platt[1])), threshold, meta)


@lru_cache(maxsize=1)
def load_learned_model() -> LearnedClaimModel:
    """The head shipped in ``data/models/claims_learned``."""
    return load_learned_model_dir(MODEL_DIR)


def _vectors(segs: list[Segment], encodings: ArticleEncodings) -> np.ndarray:
    """The mean word-piece vector of each claim segment inside the encoding of the sentence
    holding its start (the sentence's mean vector where the piece fell beyond the encoder's
    length limit)."""
    sentences = encodings.every_segment
    starts = [s.start for s in sentences]
    rows = []
    for seg in segs:
        at = max(bisect_right(starts, seg.start) - 1, 0)
        sentence = sentences[at]
        encoding = encodings.of(sentence)
        vector = encoding.span(seg.start - sentence.start, seg.end - sentence.start)
        rows.append(encoding.sentence if vector is None else vector)
    return np.asarray(np.stack(rows), dtype=np.float32)


def _in_title(doc: Document, seg: Segment) -> bool:
    title = doc.meta.title_span
    return title is not None and title.start <= seg.start and seg.end <= title.end


def short_list(claims: list[Claim], text_length: int, threshold: float) -> list[Claim]:
    """The claims at or above ``threshold``, best first, while they cover at most
    ``TEXT_SHARE`` of the text (in a text under ``SHORT_TEXT`` characters the best one always)
    and number at most ``MAX_CLAIMS``."""
    budget = TEXT_SHARE * text_length
    listed: list[Claim] = []
    used = 0
    for claim in sorted(claims, key=lambda c: (-c.score, c.start, c.end)):
        if claim.score < threshold or len(listed) == MAX_CLAIMS:
            break
        length = claim.end - claim.start
        if used + length > budget and (listed or text_length >= SHORT_TEXT):
            continue  # a shorter claim further down may still fit
        listed.append(claim)
        used += length
    return listed


def score_all(doc: Document, sdoc: Doc, encodings: ArticleEncodings,
              model: LearnedClaimModel) -> list[Claim]:
    """Every candidate segment as a claim with its score (not yet cut to the short list)."""
    if len(sdoc) and sdoc[-1].idx + len(sdoc[-1].text_with_ws) != len(doc.text):
        raise ValueError("sdoc is not a parse of doc.text")
    arrays = DocArrays.of(sdoc)
    segs = candidate_segments(doc, sdoc, arrays)
    if not segs:
        return []
    ngram = np.array([model.ngram.raw_logit(*segment_features(arrays, s.start_tok, s.end_tok))
                      for s in segs])
    logits = model.logits(_vectors(segs, encodings), ngram)
    rules = RuleTokens(sdoc, arrays)
    news_tokens = NewsTokens(arrays)
    outlet = outlet_id_of(doc)
    claims = []
    for seg, logit in zip(segs, logits.tolist(), strict=True):
        actors = actors_inside(doc, seg.start, seg.end)
        names_outlet = outlet is not None and outlet in actors
        n_actors = len(actors) - int(names_outlet)
        text = doc.text[seg.start : seg.end]
        ruled = rules.features(seg.start_tok, seg.end_tok, text, n_actors, names_outlet,
                               states_event(doc, seg.start, seg.end))
        news = news_tokens.features(
            sdoc[seg.start_tok : seg.end_tok], n_actors, bool(ruled["question"]),
            bool(ruled["number"] or ruled["date"]), _in_title(doc, seg))
        z = logit + rule_offset(ruled) + news.offset()
        claims.append(Claim(
            start=seg.start, end=seg.end, text=text,
            score=round(float(sigmoid(np.float64(z))), 4),
            claimant=claimant_of(doc.quotes, seg.start, seg.end, outlet),
            actors=actors, loaded=news.loaded,
        ))
    return claims


def learned_claims(doc: Document, sdoc: Doc, encodings: ArticleEncodings,
                   model: LearnedClaimModel | None = None) -> list[Claim]:
    """The short list of ``doc``'s check-worthy claims, best first (ties by position)."""
    model = model if model is not None else load_learned_model()
    return short_list(score_all(doc, sdoc, encodings, model), len(doc.text), model.threshold)
