"""Hand-annotated gold articles: the JSON format of ``shared/annotations/FORMAT.md``.

A gold article is ``NAME.txt`` plus ``NAME.gold.json``. Spans are written as anchors (exact
substrings of the text); here they are resolved to character offsets once, so that the metrics
work on offsets only. A layer that is absent from the JSON is "not annotated" and is not scored;
a layer present but empty means "there is nothing to find" and every prediction counts against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from presslens.textutil import normalise_newlines

GOLD_SUFFIX = ".gold.json"

# Keys of the gold JSON that hold one scored layer each.
LAYERS = ("meta", "actors", "quotes", "relations", "stances", "techniques", "claims_checkworthy")


class GoldError(Exception):
    """Gold that cannot be used (bad JSON, missing anchor, unknown name); names the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class _Gold(BaseModel):
    # Annotators add helpful extra keys (authors, asserted_by, notes): accept and ignore them.
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class GoldMeta(_Gold):
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: list[str] = Field(default_factory=list)


class GoldQuote(_Gold):
    kind: Literal["direct", "indirect"]
    start_anchor: str = Field(alias="from", min_length=1)
    end_anchor: str = Field(alias="to", min_length=1)
    speaker: str | None = None


class GoldActor(_Gold):
    name: str
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = None
    kind: str | None = None


class GoldRelation(_Gold):
    source: str
    target: str
    polarity: Literal[-1, 0, 1]
    types: list[str] = Field(min_length=1)
    anchor: str = Field(min_length=1)
    asserted_by: str | None = None


class GoldStance(_Gold):
    holder: str
    target: str
    sign: Literal[-1, 1]


class GoldTechnique(_Gold):
    anchor: str = Field(min_length=1)
    labels: list[str] = Field(min_length=1)


class GoldFile(_Gold):
    """The JSON as written; every layer optional."""

    meta: GoldMeta | None = None
    speakers: dict[str, list[str]] = Field(default_factory=dict)
    quotes: list[GoldQuote] | None = None
    actors: list[GoldActor] | None = None
    not_actors: list[str] = Field(default_factory=list)
    relations: list[GoldRelation] | None = None
    stances: list[GoldStance] | None = None
    techniques: list[GoldTechnique] | None = None
    claims_checkworthy: list[str] | None = None


@dataclass(frozen=True)
class SpanRef:
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class ResolvedQuote:
    kind: Literal["direct", "indirect"]
    span: SpanRef
    speaker: str | None  # a key of ``GoldArticle.speakers``


@dataclass(frozen=True)
class ResolvedRelation:
    relation: GoldRelation
    anchor: SpanRef
    sentence: SpanRef  # the sentence holding the anchor: predicted evidence must overlap it


@dataclass(frozen=True)
class ResolvedTechnique:
    span: SpanRef
    labels: frozenset[str]


@dataclass
class GoldArticle:
    """One gold article with every anchor resolved to offsets into ``text``."""

    name: str
    path: Path  # the gold JSON, for messages
    text: str  # the article text with ``\\n`` line endings: the text predictions index
    annotation: GoldFile
    layers: frozenset[str]  # the LAYERS keys present in the JSON
    quotes: list[ResolvedQuote] = field(default_factory=list)
    relations: list[ResolvedRelation] = field(default_factory=list)
    techniques: list[ResolvedTechnique] = field(default_factory=list)
    claims: list[SpanRef] = field(default_factory=list)

    @property
    def actors(self) -> list[GoldActor]:
        return self.annotation.actors or []

    @property
    def speakers(self) -> dict[str, list[str]]:
        return self.annotation.speakers

    def actor_named(self, name: str) -> GoldActor | None:
        return next((a for a in self.actors if a.name == name), None)


def resolve_anchor(text: str, anchor: str, *, path: Path | str, what: str, start: int = 0) -> SpanRef:
    """Offsets of the first occurrence of ``anchor`` at or after ``start``; GoldError if absent."""
    found = text.find(anchor, start)
    if found < 0:
        where = "" if start == 0 else f" at or after offset {start}"
        raise GoldError(path, f"{what} anchor {anchor!r} not found in the text{where}")
    return SpanRef(found, found + len(anchor))


def resolve_quote(text: str, quote: GoldQuote, *, path: Path | str) -> SpanRef:
    """From the start of ``from`` to the end of the first ``to`` at or after that start."""
    begin = resolve_anchor(text, quote.start_anchor, path=path, what="quote 'from'")
    end = resolve_anchor(text, quote.end_anchor, path=path, what="quote 'to'", start=begin.start)
    return SpanRef(begin.start, end.end)


_SENTENCE_ENDS = ".!?\n"


def sentence_around(text: str, span: SpanRef) -> SpanRef:
    """The sentence holding ``span``: between the nearest sentence end before and after it.

    A plain punctuation scan (no parser) so that the evaluator stays fast and its notion of a
    sentence cannot drift with the analyser's. Surrounding whitespace is trimmed.
    """
    begin = max(text.rfind(ch, 0, span.start) for ch in _SENTENCE_ENDS) + 1
    ends = [pos for pos in (text.find(ch, span.end) for ch in _SENTENCE_ENDS) if pos >= 0]
    end = min(ends) + 1 if ends else len(text)
    while begin < span.start and text[begin].isspace():
        begin += 1
    while end > span.end and text[end - 1].isspace():
        end -= 1
    return SpanRef(begin, end)


def gold_path_for(text_path: Path) -> Path:
    return text_path.with_name(text_path.name.removesuffix(".txt") + GOLD_SUFFIX)


def load_gold(gold_path: Path) -> GoldArticle:
    """Read ``NAME.gold.json`` and its ``NAME.txt``; resolve anchors; check names used."""
    name = gold_path.name.removesuffix(GOLD_SUFFIX)
    text_path = gold_path.with_name(name + ".txt")
    if not text_path.is_file():
        raise GoldError(gold_path, f"the article text {text_path.name} is missing")
    try:
        raw = json.loads(gold_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(gold_path, f"not valid UTF-8 JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise GoldError(gold_path, "the gold JSON must be an object")
    try:
        annotation = GoldFile.model_validate(raw)
    except ValidationError as exc:
        raise GoldError(gold_path, f"does not follow the gold format:\n{exc}") from exc
    text = normalise_newlines(text_path.read_text(encoding="utf-8"))
    layers = frozenset(key for key in LAYERS if raw.get(key) is not None)
    article = GoldArticle(
        name=name, path=gold_path, text=text, annotation=annotation, layers=layers
    )
    _resolve(article)
    _check_names(article)
    return article


def _resolve(article: GoldArticle) -> None:
    text, path, gold = article.text, article.path, article.annotation
    article.quotes = [
        ResolvedQuote(q.kind, resolve_quote(text, q, path=path), q.speaker) for q in gold.quotes or []
    ]
    for rel in gold.relations or []:
        anchor = resolve_anchor(text, rel.anchor, path=path, what="relation")
        article.relations.append(ResolvedRelation(rel, anchor, sentence_around(text, anchor)))
    article.techniques = [
        ResolvedTechnique(resolve_anchor(text, t.anchor, path=path, what="technique"), frozenset(t.labels))
        for t in gold.techniques or []
    ]
    article.claims = [
        resolve_anchor(text, claim, path=path, what="claim") for claim in gold.claims_checkworthy or []
    ]


def _check_names(article: GoldArticle) -> None:
    """Every speaker key and actor name used must be defined, or scores would silently drop."""
    gold, path = article.annotation, article.path
    actor_names = {a.name for a in article.actors}
    for quote in gold.quotes or []:
        if quote.speaker is not None and quote.speaker not in gold.speakers:
            raise GoldError(path, f"quote speaker {quote.speaker!r} is not a key of 'speakers'")
    if "relations" in article.layers or "stances" in article.layers:
        checks = [(r.source, "relation source") for r in gold.relations or []]
        checks += [(r.target, "relation target") for r in gold.relations or []]
        checks += [(s.target, "stance target") for s in gold.stances or []]
        for name, what in checks:
            if name not in actor_names:
                raise GoldError(path, f"{what} {name!r} is not the name of an entry in 'actors'")
    for stance in gold.stances or []:
        holder = stance.holder
        if holder != "outlet" and holder not in gold.speakers and holder not in actor_names:
            raise GoldError(
                path, f"stance holder {holder!r} is neither 'outlet', a speaker key nor an actor name"
            )


def find_gold_files(directory: Path) -> list[Path]:
    """The gold JSON files of a directory, in name order (texts without gold are not scored)."""
    return sorted(directory.glob("*" + GOLD_SUFFIX))
