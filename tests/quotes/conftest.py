"""Shared helpers for the quote-stage tests: a parser, and documents with actors given by hand."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from spacy.language import Language

import presslens.quotes as quote_stage
from presslens.model import Actor, ActorKind, Document, Mention, Quote
from presslens.nlp import load_nlp

ActorSpec = tuple[str, str, str, list[str]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _mentions(text: str, forms: list[str]) -> list[Mention]:
    found: list[Mention] = []
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if all(m.end() <= x.start or m.start() >= x.end for x in found):
                found.append(Mention(start=m.start(), end=m.end(), text=m.group(), role="name"))
    return sorted(found, key=lambda x: x.start)


Extract = Callable[..., list[Quote]]


@pytest.fixture(scope="module")
def quotes_of(nlp: Language) -> Extract:
    """``quotes_of(text, *actor_specs)``: the quotes of ``text`` with those actors."""
    return lambda text, *specs: _quotes(nlp, text, *specs)


def _quotes(nlp: Language, text: str, *specs: ActorSpec) -> list[Quote]:
    actors = []
    for actor_id, kind, name, forms in specs:
        kind_literal: ActorKind = kind  # type: ignore[assignment]
        actors.append(Actor(id=actor_id, name=name, kind=kind_literal, mentions=_mentions(text, forms)))
    doc = Document(id="test", text=text, actors=actors)
    quotes = quote_stage.extract_quotes(doc, nlp(text))
    Document(id="test", text=text, actors=actors, quotes=quotes)  # offsets valid
    return quotes
