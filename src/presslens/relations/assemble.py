"""From the frames a relation stage finds to its ``Relation`` items, the same in every language.

Both stages (``extract_relations``, ``extract_russian_relations``) keep at most one relation per
directed pair, type and sentence (the surest), leave a pair the headline states to the body when
the body states it again (a headline restates its article: "Moscow accuses Kyiv of ..."), and
give each relation its sentence as evidence, its cue, who asserts it and the states its ends act
for. Only how frames are found, and who asserts what, differ by language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from spacy.tokens import Token

from presslens.model import Document, Modality, Relation, Span


class FoundRelation(Protocol):
    """A relation a stage found in the parse, before it becomes a ``Relation``."""

    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def polarity(self) -> int: ...
    @property
    def modality(self) -> Modality: ...
    @property
    def cue(self) -> Token: ...
    @property
    def confidence(self) -> float: ...


Candidate = tuple[FoundRelation, int, int]  # the relation and its evidence (start, end)


class BestRelations:
    """The surest relation of each directed pair, type and evidence sentence."""

    def __init__(self) -> None:
        self.best: dict[tuple[str, str, int, str], Candidate] = {}

    def add(self, found: FoundRelation, start: int, end: int) -> None:
        key = (found.source, found.target, start, found.type)
        current = self.best.get(key)
        if current is None or found.confidence > current[0].confidence:
            self.best[key] = (found, start, end)

    def relations(
        self,
        doc: Document,
        asserted_by: Callable[[int], str | None],
        state_of: Callable[[str], str | None],
        order: Callable[[Candidate], tuple[object, ...]],
    ) -> list[Relation]:
        """The kept relations in ``order``, a headline's pairs the body states again left out."""
        best = self.best
        title = doc.meta.title_span
        if title is not None:
            in_body = {(f.source, f.target) for f, start, _ in best.values() if start >= title.end}
            best = {
                key: item for key, item in best.items()
                if item[1] >= title.end or (item[0].source, item[0].target) not in in_body
            }
        relations: list[Relation] = []
        for found, start, end in sorted(best.values(), key=order):
            cue = found.cue
            relations.append(
                Relation(
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    source=found.source,
                    target=found.target,
                    type=found.type,
                    polarity=found.polarity,  # type: ignore[arg-type]
                    modality=found.modality,
                    asserted_by=asserted_by(cue.idx),
                    confidence=found.confidence,
                    cue=Span(start=cue.idx, end=cue.idx + len(cue.text), text=cue.text),
                    source_state=state_of(found.source),
                    target_state=state_of(found.target),
                )
            )
        return relations
