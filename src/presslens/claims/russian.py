"""Check-worthy claims of a Russian article, in the English stage's contract (``Claim``: the
segment, its score, its claimant and actors, ``loaded`` for loaded accusations) and with its
short-list rule (``presslens.claims.learned``: best first while the listed claims cover at most a
share of the text, at most a number of them, the best one always).

There is no Russian check-worthiness data, so the score is the English news adjustments alone,
read from natasha's parse with the word lists and hand-set offsets of ``data/ru/claims.yaml``:
actors, numbers, dates, past actions and acts between actors found by the relation stage raise;
future and modal verbs, evaluative words, questions, slogans, interview framing (the outlet
named), the headline restating the lede and first-person views lower. A loaded accusation (two
actors or more and an accusation word: "действует по указке Брюсселя") raises and is flagged.

Segments are the sentences' lines, cut where direct quotes begin and end; the attribution of a
direct quote ("— сказал он") is no claim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from presslens.claims.extract import EVENT_TYPES, actors_inside, claimant_of, outlet_id_of
from presslens.lexicon.russian_evaluative import russian_stance_words
from presslens.lexicon.russian_relations import plain, russian_relation_lexicon
from presslens.lexicon.words import word_data
from presslens.model import Claim, Document, Quote

__all__ = ["extract_russian_claims"]


@dataclass(frozen=True)
class _ClaimWords:
    weights: dict[str, float]
    accusations: frozenset[str]
    speech: frozenset[str]
    non_action: frozenset[str]
    dates: frozenset[str]
    numbers: frozenset[str]
    first_person: frozenset[str]
    evaluative: frozenset[str]
    modal: frozenset[str]
    min_words: int
    text_share: float
    max_claims: int
    floor: float


@cache
def _claim_words() -> _ClaimWords:
    data = word_data("claims", "ru")

    def words(*keys: str) -> frozenset[str]:
        return frozenset(plain(w) for key in keys for w in data[key])

    stance = russian_stance_words()
    relations = russian_relation_lexicon()
    return _ClaimWords(
        weights={k: float(v) for k, v in data["weights"].items()},
        accusations=words("accusation_nouns", "accusation_verbs"),
        speech=words("speech_verbs"),
        non_action=words("non_action_verbs"),
        dates=words("date_words"),
        numbers=words("number_words"),
        first_person=words("first_person"),
        evaluative=frozenset(stance.nouns) | frozenset(stance.adjectives),
        modal=relations.hypothetical_heads | relations.conditional_marks,
        min_words=int(data["min_words"]),
        text_share=float(data["text_share"]),
        max_claims=int(data["max_claims"]),
        floor=float(data["floor"]),
    )


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    tokens: SpacySpan


def _segments(doc: Document, sdoc: Doc) -> list[_Segment]:
    """Lines of sentences, cut at the edges of direct quotes, without direct quotes'
    attributions."""
    text = doc.text
    direct = [q for q in doc.quotes if q.kind == "direct"]
    cuts = sorted({o for q in direct for o in (q.start, q.end)})
    out: list[_Segment] = []
    for sent in sdoc.sents:
        bounds = [sent.start_char]
        bounds += [i + 1 for i in range(sent.start_char, sent.end_char) if text[i] == "\n"]
        bounds += [c for c in cuts if sent.start_char < c < sent.end_char]
        bounds = [*sorted(set(bounds)), sent.end_char]
        for a, b in pairwise(bounds):
            while a < b and (text[a].isspace() or text[a] in "«»\"„“”—–-,:"):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in "«»\"„“”—–-,:"):
                b -= 1
            span = sdoc.char_span(a, b, alignment_mode="expand")
            if span is None or b <= a or _is_attribution(a, b, direct):
                continue
            out.append(_Segment(a, b, span))
    return out


def _is_attribution(start: int, end: int, quotes: list[Quote]) -> bool:
    for q in quotes:
        cue = q.cue
        if cue is not None and start <= cue.start and cue.end <= end and min(end, q.end) <= max(start, q.start):
            return True
    return False


def _score(seg: _Segment, doc: Document, actors: list[str], outlet: str | None) -> tuple[float, bool]:
    words = _claim_words()
    w = words.weights
    tokens = [t for t in seg.tokens if not t.is_space and not t.is_punct]
    z = w["bias"]
    named = [a for a in actors if a != outlet]
    z += w["actor"] * min(3, len(named))
    lemmas = [plain(t.lemma_) for t in tokens]
    if any(any(ch.isdigit() for ch in t.text) or t.pos_ == "NUM" for t in tokens) or (
        any(lemma in words.numbers for lemma in lemmas) or "%" in seg.tokens.text
    ):
        z += w["number"]
    if any(lemma in words.dates for lemma in lemmas):
        z += w["date"]
    if any(
        t.pos_ == "VERB" and "Past" in t.morph.get("Tense", [])
        and plain(t.lemma_) not in words.speech and plain(t.lemma_) not in words.non_action
        for t in tokens
    ):
        z += w["past_action"]
    relations = [r for r in doc.relations if r.cue is not None and seg.start <= r.cue.start < seg.end]
    if any(r.modality == "asserted" and r.type in EVENT_TYPES for r in relations):
        z += w["event"]
    if relations:
        z += w["relation"]
    loaded = len(named) >= 2 and any(lemma in words.accusations for lemma in lemmas)
    if loaded:
        z += w["loaded"]
    if any(lemma in words.modal for lemma in lemmas) or any(
        t.pos_ in ("AUX", "VERB") and "Fut" in t.morph.get("Tense", []) for t in tokens
    ):
        z += w["modal"]
    evaluative = sum(1 for lemma in lemmas if lemma in words.evaluative and lemma not in words.accusations)
    z += w["evaluative"] * min(3, evaluative)
    text = seg.tokens.text.rstrip("»\"”“ ")
    if text.endswith("?"):
        z += w["question"]
    if len(tokens) <= 6 and ("!" in text or not any(t.pos_ in ("VERB", "AUX") for t in tokens)):
        z += w["slogan"]
    if outlet is not None and outlet in actors:
        z += w["outlet"]
    title = doc.meta.title_span
    if title is not None and seg.start < title.end and title.start < seg.end:
        z += w["headline"]
    if any(t.dep_ == "nsubj" and t.lower_ in words.first_person for t in tokens):
        z += w["first_person"]
    return 1.0 / (1.0 + math.exp(-z)), loaded


def extract_russian_claims(doc: Document, sdoc: Doc) -> list[Claim]:
    """Claims of ``doc`` ranked by check-worthiness (descending; ties by position), cut to a
    short list."""
    words = _claim_words()
    outlet = outlet_id_of(doc)
    scored: list[Claim] = []
    for seg in _segments(doc, sdoc):
        if sum(1 for t in seg.tokens if not t.is_punct and not t.is_space) < words.min_words:
            continue
        actors = actors_inside(doc, seg.start, seg.end)
        score, loaded = _score(seg, doc, actors, outlet)
        if score < words.floor:
            continue
        scored.append(Claim(
            start=seg.start, end=seg.end, text=doc.text[seg.start : seg.end], score=round(score, 4),
            claimant=claimant_of(doc.quotes, seg.start, seg.end, outlet), actors=actors,
            loaded=loaded,
        ))
    scored.sort(key=lambda c: (-c.score, c.start, c.end))
    budget = words.text_share * len(doc.text)
    listed: list[Claim] = []
    covered = 0
    for claim in scored:
        length = claim.end - claim.start
        if len(listed) == words.max_claims or (listed and covered + length > budget):
            continue
        listed.append(claim)
        covered += length
    return listed
