"""Training examples for the relation head: ordered pairs of actor spans in a sentence, labelled
with the event the sentence states from the first toward the second, or ``NONE``.

Two sources, both written by the presslens developers (no public corpus codes PLOVER events at
span level in this genre):
- ``corpora/plover_train/sentences.jsonl``: sentences written from the PLOVER codebook's
  definitions, every actor marked and every event between them listed (unlisted pairs: NONE);
- annotated articles (``NAME.txt`` + ``NAME.gold.json``, the format of
  ``shared/annotations/FORMAT.md``): each gold relation's sentence, the actors' aliases found in
  it, and the pairs of gold actors named in the same sentence with no relation as NONE.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

NONE = "NONE"


@dataclass(frozen=True)
class RelationExample:
    text: str  # the sentence
    source: tuple[int, int]
    target: tuple[int, int]
    label: str  # a relation type or NONE
    polarity: int = 0
    origin: str = ""  # where it came from, for cross-validation by document
    accepted: tuple[str, ...] = ()  # every type an annotator accepts (``label`` is the first)
    actors: int = 2  # distinct actors (states and bodies acting alone) the sentence names


def read_written_sentences(path: Path) -> Iterator[RelationExample]:
    """Every ordered pair of marked actors of every sentence of the written corpus."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            text = record["text"]
            spans = []
            for actor in record["actors"]:
                start = text.find(actor["anchor"])
                spans.append((start, start + len(actor["anchor"])))
            states = [actor.get("state") for actor in record["actors"]]
            distinct = len(set(states))
            events = {(e["source"], e["target"]): e for e in record["events"]
                      if e.get("modality", "asserted") != "negated"}
            for i, source in enumerate(spans):
                for j, target in enumerate(spans):
                    if i == j or states[i] == states[j] or source[0] < 0 or target[0] < 0:
                        continue
                    event = events.get((i, j))
                    yield RelationExample(
                        text, source, target,
                        event["type"] if event else NONE,
                        int(event["polarity"]) if event else 0,
                        origin=str(record["id"]),
                        accepted=(event["type"] if event else NONE,),
                        actors=distinct,
                    )


def _occurrences(sentence: str, aliases: Iterable[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        if not alias.strip():
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", sentence):
            span = (match.start(), match.end())
            if not any(s < span[1] and span[0] < e for s, e in found):
                found.append(span)
    return sorted(found)


def _sentences(text: str, nlp: Language) -> list[tuple[int, int]]:
    """Sentence spans, cut at line breaks too."""
    spans = []
    for sent in nlp(text).sents:
        start = sent.start_char
        for part in re.split(r"(\n+)", text[sent.start_char:sent.end_char]):
            if part and not part.startswith("\n") and part.strip():
                spans.append((start, start + len(part)))
            start += len(part)
    return spans


def read_annotated_articles(folders: Iterable[Path], nlp: Language) -> Iterator[RelationExample]:
    """Pairs of gold actors named in one sentence of the annotated articles of ``folders``."""
    for folder in folders:
        for gold_path in sorted(folder.glob("*.gold.json")):
            text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
            text = text_path.read_text(encoding="utf-8")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            yield from _article_examples(text, gold, _sentences(text, nlp), gold_path.stem)


def _article_examples(text: str, gold: dict, sentences: list[tuple[int, int]],
                      origin: str) -> Iterator[RelationExample]:
    aliases = {a["name"]: [a["name"], *a.get("aliases", [])] for a in gold.get("actors", [])}
    labelled: dict[tuple[int, str, str], tuple[tuple[str, ...], int]] = {}
    for relation in gold.get("relations", []):
        at = text.find(relation["anchor"])
        sentence = next((i for i, (s, e) in enumerate(sentences) if s <= at < e), None)
        if at < 0 or sentence is None:
            continue
        key = (sentence, relation["source"], relation["target"])
        labelled.setdefault(key, (tuple(relation["types"]), int(relation["polarity"])))
    for number, (start, end) in enumerate(sentences):
        sentence_text = text[start:end]
        present = {name: spans for name, names in aliases.items()
                   if (spans := _occurrences(sentence_text, names))}
        for source, source_spans in present.items():
            for target, target_spans in present.items():
                if source == target:
                    continue
                types, polarity = labelled.get((number, source, target), ((NONE,), 0))
                yield RelationExample(sentence_text, source_spans[0], target_spans[0], types[0],
                                      polarity, origin=origin, accepted=types,
                                      actors=len(present))
