"""Components: the steps of the analysis, each declaring what it reads and what it writes.

Modelled on spaCy's ``@Language.factory(name, requires=..., assigns=...)``: a component is
registered under a name with the names it ``requires`` and ``assigns``; a factory builds it once
per analyser from the analyser's ``Resources``, and the built component is called once per article
with the article's ``Analysis``. Everything components pass to each other goes through the
``Analysis`` (the ``Document`` being built, the spaCy parse, the document index): no stage reads
another's internals.

Names are ``doc.<field>`` for a field of the ``Document`` ("doc.relations") and the names of the
other ``Analysis`` slots ("sdoc", "index"). ``doc.text``, ``doc.meta`` and ``sdoc`` are there
before the first component. ``build`` refuses a list in which a component requires something no
earlier component assigns.

To add a component::

    @component("relations", requires=["doc.actors", "doc.quotes", "index"], assigns=["doc.relations"])
    def relations(resources: Resources) -> Callable[[Analysis], None]:
        def run(analysis: Analysis) -> None:
            analysis.doc.relations = extract_relations(analysis.doc, analysis.sdoc, analysis.need_index())
        return run

then name it in a profile (``profiles.py``); the module registering it must be imported before
the analyser is built (``stages.py`` holds the built-in ones).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from presslens.actors.gazetteer import Gazetteer
from presslens.encoder.article import ArticleEncodings
from presslens.index import DocumentIndex
from presslens.model import Document

if TYPE_CHECKING:
    from presslens.pipeline import AnalyzerSettings

# what every analysis holds before the first component runs
GIVEN = frozenset({"doc.text", "doc.meta", "sdoc"})
_SLOTS = frozenset({"sdoc", "index", "encodings"})


class PipelineError(ValueError):
    """A component list that cannot run: an unknown component, or a requirement that no earlier
    component assigns."""


@dataclass
class Analysis:
    """One article under analysis: what components read and assign."""

    doc: Document  # the output being built
    sdoc: Doc  # the spaCy parse of doc.text
    index: DocumentIndex | None = None  # assigned by the "index" component
    encodings: ArticleEncodings | None = None  # assigned by the "encoder" component

    def need_encodings(self) -> ArticleEncodings:
        """The encoder's output, for a component that declared ``requires=["encodings"]``."""
        if self.encodings is None:
            raise PipelineError("the sentences are not encoded: require 'encodings'")
        return self.encodings

    def need_index(self) -> DocumentIndex:
        """The document index, for a component that declared ``requires=["index"]``."""
        if self.index is None:
            raise PipelineError("the document index is not built: require 'index'")
        return self.index


@dataclass(frozen=True)
class Resources:
    """What factories build components from: the analyser's settings and loaded resources."""

    settings: AnalyzerSettings
    gazetteer: Gazetteer
    nlp: SpacyLanguage


Component = Callable[[Analysis], None]
Factory = Callable[[Resources], Component]


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    factory: Factory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _check_names(component: str, names: Iterable[str]) -> tuple[str, ...]:
    fields = set(Document.model_fields)
    out = tuple(names)
    for name in out:
        known = name in _SLOTS or (name.startswith("doc.") and name[4:] in fields)
        if not known:
            raise PipelineError(
                f"component {component!r}: {name!r} is neither 'doc.<Document field>' nor one of "
                f"{sorted(_SLOTS)}"
            )
    return out


class ComponentRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, ComponentSpec] = {}

    def factory(
        self, name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
    ) -> Callable[[Factory], Factory]:
        """Register the decorated factory as component ``name``."""

        def register(factory: Factory) -> Factory:
            if name in self._specs:
                raise PipelineError(f"a component named {name!r} is already registered")
            self._specs[name] = ComponentSpec(
                name, factory, _check_names(name, requires), _check_names(name, assigns)
            )
            return factory

        return register

    def get(self, name: str) -> ComponentSpec:
        try:
            return self._specs[name]
        except KeyError:
            raise PipelineError(
                f"no component named {name!r} (registered: {', '.join(sorted(self._specs))})"
            ) from None

    def names(self) -> list[str]:
        return sorted(self._specs)

    def check(self, names: Sequence[str]) -> list[ComponentSpec]:
        """The components of ``names`` in order, after checking that each requirement is given
        or assigned by an earlier component."""
        specs = [self.get(name) for name in names]
        available = set(GIVEN)
        seen: set[str] = set()
        for spec in specs:
            if spec.name in seen:
                raise PipelineError(f"component {spec.name!r} is listed twice")
            seen.add(spec.name)
            missing = [r for r in spec.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"component {spec.name!r} requires {', '.join(missing)}, which no earlier "
                    f"component assigns (order: {', '.join(names)})"
                )
            available.update(spec.assigns)
        return specs

    def build(self, names: Sequence[str], resources: Resources) -> Pipeline:
        """Check ``names`` and build each component once."""
        return Pipeline([(spec, spec.factory(resources)) for spec in self.check(names)])


class Pipeline:
    """Built components, run in order on each article."""

    def __init__(self, components: list[tuple[ComponentSpec, Component]]) -> None:
        self.components = components

    @property
    def names(self) -> list[str]:
        return [spec.name for spec, _ in self.components]

    def __call__(self, analysis: Analysis) -> None:
        for _, run in self.components:
            run(analysis)


REGISTRY = ComponentRegistry()
component = REGISTRY.factory
