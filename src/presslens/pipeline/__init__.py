"""The analysis pipeline: one raw article in, one ``Document`` out.

The metadata stage reads the raw text before it is parsed; then the components of the chosen
profile run in order on the article's ``Analysis`` (the ``Document``, the spaCy parse, the
document index): ``components`` says how components are declared and checked, ``stages`` holds
the built-in ones, ``profiles`` the component lists. This module owns the loaded resources (spaCy
pipeline, gazetteer) and the built components.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from presslens import metadata as metadata_stage
from presslens.actors.gazetteer import Gazetteer, load_gazetteer
from presslens.ingest import RawArticle
from presslens.model import Document, Meta
from presslens.nlp import CHUNK_CHARS, load_nlp, parse
from presslens.pipeline import stages as _stages  # noqa: F401  (registers the built-in components)
from presslens.pipeline import stages_ru as _stages_ru  # noqa: F401  (the Russian ones)
from presslens.pipeline.components import REGISTRY, Analysis, Pipeline, PipelineError, Resources
from presslens.pipeline.profiles import DEFAULT_PROFILE, LANGUAGE_PROFILES, PROFILES
from presslens.techniques import DEFAULT_THRESHOLD as DEFAULT_TECHNIQUE_THRESHOLD
from presslens.techniques import LabelSet
from presslens.textutil import document_id, normalise_newlines

__all__ = [
    "DEFAULT_PROFILE",
    "LABEL_SETS",
    "PROFILES",
    "Analysis",
    "Analyzer",
    "AnalyzerSettings",
    "PipelineError",
]

LABEL_SETS: tuple[LabelSet, ...] = ("semeval2023", "semeval2020")


@dataclass(frozen=True)
class AnalyzerSettings:
    """What an ``Analyzer`` is built from: small and picklable, so worker processes (the pool of
    ``presslens analyze --workers``, Dask workers) build the same analyser as the parent."""

    gazetteer_path: Path | None = None
    technique_threshold: float = DEFAULT_TECHNIQUE_THRESHOLD
    label_set: LabelSet = "semeval2023"
    profile: str = DEFAULT_PROFILE

    def build(self) -> Analyzer:
        return Analyzer(
            gazetteer_path=self.gazetteer_path,
            technique_threshold=self.technique_threshold,
            label_set=self.label_set,
            profile=self.profile,
        )


@dataclass
class Analyzer:
    """Holds the loaded resources and built components; ``analyze`` is deterministic for a given
    input.

    ``technique_threshold``: techniques below this calibrated confidence are left out.
    ``label_set``: ``semeval2023`` (the 23 labels of SemEval-2023 Task 3) or ``semeval2020``
    (the 14 labels of SemEval-2020 Task 11; techniques without a 2020 class are dropped).
    ``profile``: which component list runs (``PROFILES``: "default" or "fast").

    The article's language (``meta.language``) picks the pipeline: English articles (and those
    whose language is left open) go through spaCy's English parse and ``components``; Russian
    ones through natasha's parse (``nlp_ru``) and the Russian components of the same profile,
    built when the first Russian article arrives.
    """

    gazetteer_path: Path | None = None
    technique_threshold: float = DEFAULT_TECHNIQUE_THRESHOLD
    label_set: LabelSet = "semeval2023"
    profile: str = DEFAULT_PROFILE
    gazetteer: Gazetteer = field(init=False)
    components: Pipeline = field(init=False)
    _other_languages: dict[str, Pipeline] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.technique_threshold <= 1.0:
            raise ValueError(
                f"technique_threshold must be between 0 and 1, not {self.technique_threshold}"
            )
        if self.label_set not in LABEL_SETS:
            raise ValueError(f"label_set must be one of {LABEL_SETS}, not {self.label_set!r}")
        if self.profile not in PROFILES:
            raise ValueError(f"profile must be one of {tuple(PROFILES)}, not {self.profile!r}")
        names = PROFILES[self.profile]
        for profiles in LANGUAGE_PROFILES.values():
            REGISTRY.check(profiles[self.profile])  # a wrong list fails before the models load
        self.nlp = load_nlp()
        self.gazetteer = load_gazetteer(self.gazetteer_path)
        self.components = REGISTRY.build(names, Resources(self.settings, self.gazetteer, self.nlp))

    @property
    def settings(self) -> AnalyzerSettings:
        return AnalyzerSettings(
            self.gazetteer_path, self.technique_threshold, self.label_set, self.profile
        )

    def analyze(self, article: RawArticle) -> Document:
        """Analyse one article (raises ``InputError`` for text that cannot be analysed)."""
        return self.analysis(article).doc

    def analysis(self, article: RawArticle) -> Analysis:
        """Analyse one article, keeping what the components handed each other (the spaCy parse,
        the document index) beside the ``Document``: for tests and inspection."""
        text, meta = self._prepare(article)
        return self._run_components(article, text, meta, self._parse(text, meta))

    def analyze_many(self, articles: Iterable[RawArticle], batch_size: int = 16) -> Iterator[Document]:
        """Analyse a stream of articles, parsing with ``nlp.pipe`` for speed."""
        prepared = ((a, *self._prepare(a)) for a in articles)
        # A long text goes through the pipe as "" and is parsed in chunks (``nlp.parse``); so
        # does a Russian one, parsed by its own pipeline.
        pairs = ((item[1] if self._piped(*item[1:]) else "", item) for item in prepared)
        for sdoc, (article, text, meta) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            if not self._piped(text, meta):
                sdoc = self._parse(text, meta)
            yield self._run_components(article, text, meta, sdoc).doc

    @staticmethod
    def _piped(text: str, meta: Meta) -> bool:
        return meta.language != "ru" and len(text) <= CHUNK_CHARS

    def _parse(self, text: str, meta: Meta) -> Doc:
        if meta.language == "ru":
            from presslens.nlp_ru import parse_russian

            return parse_russian(text)
        return parse(self.nlp, text)

    def _pipeline(self, language: str | None) -> Pipeline:
        if language is None or language == "en":
            return self.components
        if language not in self._other_languages:
            names = LANGUAGE_PROFILES[language][self.profile]
            self._other_languages[language] = REGISTRY.build(
                names, Resources(self.settings, self.gazetteer, self.nlp)
            )
        return self._other_languages[language]

    def _prepare(self, article: RawArticle) -> tuple[str, Meta]:
        text = normalise_newlines(article.text)
        meta = metadata_stage.extract_metadata(text, article.meta, source=article.source)
        return text, meta

    def _run_components(self, article: RawArticle, text: str, meta: Meta, sdoc: Doc) -> Analysis:
        doc = Document(id=document_id(text), source_path=article.source_path, text=text, meta=meta)
        analysis = Analysis(doc, sdoc)
        self._pipeline(meta.language)(analysis)
        return analysis
