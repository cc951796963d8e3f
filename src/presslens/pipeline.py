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
from presslens.techniques import LabelSet, detect_techniques, to_label_set
from presslens.textutil import document_id, normalise_newlines

LABEL_SETS: tuple[LabelSet, ...] = ("semeval2023", "semeval2020")


@dataclass(frozen=True)
class AnalyzerSettings:
    """What an ``Analyzer`` is built from: small and picklable, so worker processes (the pool of
    ``presslens analyze --workers``, Dask workers) build the same analyser as the parent."""

    gazetteer_path: Path | None = None
    technique_threshold: float = DEFAULT_TECHNIQUE_THRESHOLD
    label_set: LabelSet = "semeval2023"

    def build(self) -> Analyzer:
        return Analyzer(
            gazetteer_path=self.gazetteer_path,
            technique_threshold=self.technique_threshold,
            label_set=self.label_set,
        )


@dataclass
class Analyzer:
    """Holds the loaded resources; ``analyze`` is deterministic for a given input.

    ``technique_threshold``: techniques below this calibrated confidence are left out.
    ``label_set``: ``semeval2023`` (the 23 labels of SemEval-2023 Task 3) or ``semeval2020``
    (the 14 labels of SemEval-2020 Task 11; techniques without a 2020 class are dropped).
    """

    gazetteer_path: Path | None = None
    technique_threshold: float = DEFAULT_TECHNIQUE_THRESHOLD
    label_set: LabelSet = "semeval2023"
    gazetteer: Gazetteer = field(init=False)

    def __post_init__(self) -> None:
        if not 0.0 <= self.technique_threshold <= 1.0:
            raise ValueError(
                f"technique_threshold must be between 0 and 1, not {self.technique_threshold}"
            )
        if self.label_set not in LABEL_SETS:
            raise ValueError(f"label_set must be one of {LABEL_SETS}, not {self.label_set!r}")
        self.nlp = load_nlp()
        self.gazetteer = load_gazetteer(self.gazetteer_path)

    @property
    def settings(self) -> AnalyzerSettings:
        return AnalyzerSettings(self.gazetteer_path, self.technique_threshold, self.label_set)

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
        index = relation_stage.ActorIndex(doc, sdoc, self.gazetteer)
        found = relation_stage.find_relations(doc, sdoc, self.gazetteer, index)
        doc.relations = [relation for relation, _ in found]
        doc.claims = extract_claims(doc, sdoc)
        doc.stances = stance_stage.extract_stances(doc, sdoc, found, index)
        doc.techniques = to_label_set(
            detect_techniques(doc, sdoc, threshold=self.technique_threshold), self.label_set
        )
        return doc
