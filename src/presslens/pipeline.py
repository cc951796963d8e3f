"""The analysis pipeline: one raw article in, one ``Document`` out.

Stages are functions of the document (and the spaCy parse of its text); this module only wires
them together in order and owns the loaded resources (spaCy pipeline, gazetteer).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from presslens import actors as actor_stage
from presslens import metadata as metadata_stage
from presslens import quotes as quote_stage
from presslens import relations as relation_stage
from presslens import stances as stance_stage
from presslens.actors.gazetteer import Gazetteer, load_gazetteer
from presslens.claims import extract_claims
from presslens.ingest import RawArticle
from presslens.model import Document, Meta
from presslens.nlp import load_nlp
from presslens.techniques import DEFAULT_THRESHOLD as DEFAULT_TECHNIQUE_THRESHOLD
from presslens.techniques import detect_techniques
from presslens.textutil import document_id, normalise_newlines


@dataclass
class Analyzer:
    """Holds the loaded resources; ``analyze`` is deterministic for a given input."""

    gazetteer_path: Path | None = None
    technique_threshold: float = DEFAULT_TECHNIQUE_THRESHOLD
    gazetteer: Gazetteer = field(init=False)

    def __post_init__(self) -> None:
        self.nlp = load_nlp()
        self.gazetteer = load_gazetteer(self.gazetteer_path)

    def analyze(self, article: RawArticle) -> Document:
        """Analyse one article (raises ``InputError`` for text that cannot be analysed)."""
        text, meta = self._prepare(article)
        return self._run_stages(article, text, meta, self.nlp(text))

    def analyze_many(self, articles: Iterable[RawArticle], batch_size: int = 16) -> Iterator[Document]:
        """Analyse a stream of articles, parsing with ``nlp.pipe`` for speed."""
        prepared = ((a, *self._prepare(a)) for a in articles)
        pairs = ((item[1], item) for item in prepared)
        for sdoc, (article, text, meta) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._run_stages(article, text, meta, sdoc)

    def _prepare(self, article: RawArticle) -> tuple[str, Meta]:
        text = normalise_newlines(article.text)
        meta = metadata_stage.extract_metadata(text, article.meta, source=article.source)
        return text, meta

    def _run_stages(self, article: RawArticle, text: str, meta: Meta, sdoc: Doc) -> Document:
        doc = Document(id=document_id(text), source_path=article.source_path, text=text, meta=meta)
        doc.actors = actor_stage.extract_actors(doc, sdoc, self.gazetteer)
        doc.quotes = quote_stage.extract_quotes(doc, sdoc)
        doc.claims = extract_claims(doc, sdoc)
        index = relation_stage.ActorIndex(doc, sdoc, self.gazetteer)
        found = relation_stage.find_relations(doc, sdoc, self.gazetteer, index)
        doc.relations = [relation for relation, _ in found]
        doc.stances = stance_stage.extract_stances(doc, sdoc, found, index)
        doc.techniques = detect_techniques(doc, sdoc, threshold=self.technique_threshold)
        return doc
