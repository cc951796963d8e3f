"""Relation-head examples from the rule stage's labels on unlabelled news (weak supervision).

The articles are read by path (the SemEval propaganda articles are news and opinion about
international politics, the genre presslens is for, with no relation labels). The fast profile
(rules only) analyses each article; every sentence where the rules state a relation between two
actors becomes examples: each rule relation's ordered pair (first named mentions, places left
out) with its type, and the other ordered pairs of that sentence's actors as no relation. Where
the rules state nothing the sentence is left out: the rules miss more than they say, so silence
is no label.

Not in the shipped head: measured with ``scripts/tune_pairs_written.py --weak DIR`` (five-fold
cross-validation on the written sentences), these examples lowered F1 from 0.326 to 0.313 at the
shipped threshold (relations and their reverse pairs only, ``--weak-positive-only``: 0.321); of a
sample of 40 rule relations on the SemEval articles read by hand, 28 were right (0.70).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.progress import track

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pairs.relation_data import NONE, RelationExample
from presslens.pipeline import Analyzer


def _first_mentions(doc: Document, start: int, end: int) -> dict[str, tuple[int, int]]:
    """actor id -> its first mention inside ``start:end`` (relative offsets), places left out."""
    found: dict[str, tuple[int, int]] = {}
    for actor in doc.actors:
        spans = sorted((m.start, m.end) for m in actor.mentions
                       if m.role != "place" and start <= m.start and m.end <= end)
        if spans:
            found[actor.id] = (spans[0][0] - start, spans[0][1] - start)
    return found


def weak_examples(doc: Document, origin: str) -> Iterator[RelationExample]:
    """The examples of one analysed article (see the module text)."""
    by_sentence: dict[tuple[int, int], dict[tuple[str, str], tuple[str, int]]] = {}
    for relation in doc.relations:
        if relation.modality == "negated":
            continue
        pairs = by_sentence.setdefault((relation.start, relation.end), {})
        pairs.setdefault((relation.source, relation.target), (relation.type, relation.polarity))
    for (start, end), labelled in sorted(by_sentence.items()):
        mentions = _first_mentions(doc, start, end)
        if not all(s in mentions and t in mentions for s, t in labelled):
            continue  # a side resolved outside the sentence (a pronoun's antecedent): no span
        text = doc.text[start:end]
        for source, source_span in mentions.items():
            for target, target_span in mentions.items():
                if source == target:
                    continue
                label, polarity = labelled.get((source, target), (NONE, 0))
                yield RelationExample(text, source_span, target_span, label, polarity,
                                      origin=f"weak:{origin}", accepted=(label,),
                                      actors=len(mentions))


def read_weak_articles(folder: Path, analyzer: Analyzer | None = None) -> Iterator[RelationExample]:
    """Weak examples from every ``*.txt`` article of ``folder``, in file order."""
    analyzer = analyzer or Analyzer(profile="fast")
    for path in track(sorted(folder.glob("*.txt")), description="rule labels on unlabelled news"):
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            continue
        yield from weak_examples(analyzer.analyze(RawArticle(text=text, source=path.name)), path.stem)


def weak_positives(examples: list[RelationExample]) -> list[RelationExample]:
    """The rules' relations and, as no relation, their reverse pairs (unless also related): the
    pairs the rules leave unlabelled in a sentence may hold relations the rules missed."""
    related = {(e.text, e.source, e.target) for e in examples if e.label != NONE}
    return [e for e in examples
            if e.label != NONE or (e.text, e.target, e.source) in related]
