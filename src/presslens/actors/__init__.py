"""Actors: who the article is about, merged per real-world entity and linked to Wikidata.

spaCy's small English NER alone is unreliable on this genre (it tags "Armenia" as PERSON and
"pro-Azerbaijani" as a person), so the curated gazetteer decides first; NER adds the people and
organisations the gazetteer does not know, and role nouns and pronouns are resolved to people.
"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.actors.gazetteer import Gazetteer
from presslens.actors.stage import ActorExtractor
from presslens.model import Actor, Document

__all__ = ["ActorExtractor", "extract_actors"]


def extract_actors(doc: Document, sdoc: Doc, gazetteer: Gazetteer) -> list[Actor]:
    """The actors of ``doc`` with all their mentions, in order of first mention."""
    return ActorExtractor.for_gazetteer(sdoc.vocab, gazetteer).extract(doc, sdoc)
