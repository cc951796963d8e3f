"""Actors: gazetteer and NER mentions merged per real-world entity (placeholder)."""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.actors.gazetteer import Gazetteer
from presslens.model import Actor, Document


def extract_actors(doc: Document, sdoc: Doc, gazetteer: Gazetteer) -> list[Actor]:
    return []
