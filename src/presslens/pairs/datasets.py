"""Readers of the public corpora the pair heads learn from (used by path, never copied).

- directed sentiment (Park, Pan and Joo 2021): TSV of a sentence with its two entities in
  [brackets] (a bracket may cut a word: "[the United State]s"), entity p, entity q, label (0
  neutral, 1 p positive toward q, 2 q positive toward p, 3 p negative toward q, 4 q negative
  toward p); fields may be CSV-quoted ("..." with "" for a quotation mark). The scorer
  (``presslens.bench.directed_sentiment``) reads it with the same functions.
- NewsMTSC (Hamborg and Donnay 2021): a sentence, one mention, how the sentence portrays it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
_CSV_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
LABELS = (0, 1, 2, 3, 4)
# the five classes of the directed-sentiment corpus, for a pair read in text order
PAIR_SENTIMENT = ("none", "first_positive", "second_positive", "first_negative", "second_negative")
PORTRAYAL = ("negative", "neutral", "positive")


class CorpusError(ValueError):
    """A line of the corpus that does not have the expected form."""


@dataclass(frozen=True)
class Example:
    """One sentence with its two entity spans (offsets into ``text``) and its gold label."""

    text: str
    p: tuple[int, int]
    q: tuple[int, int]
    label: int
    line: int = 0


@dataclass(frozen=True)
class PairExample:
    text: str
    first: tuple[int, int]  # character span of the entity named first
    second: tuple[int, int]
    label: str


@dataclass(frozen=True)
class MentionExample:
    text: str
    span: tuple[int, int]
    label: str


def strip_brackets(sentence: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """The sentence without its two bracket pairs, and the p and q spans in it (offsets of the
    bracketed text, surrounding spaces left out). Raises ``CorpusError`` unless there are
    exactly two bracketed spans."""
    found = list(_BRACKETED.finditer(sentence))
    if len(found) != 2:
        raise CorpusError(f"expected two [bracketed] entities, found {len(found)}")
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    length = 0
    for m in found:
        parts.append(sentence[at : m.start()])
        length += m.start() - at
        inner = m.group(1)
        lead = len(inner) - len(inner.lstrip())
        start = length + lead
        spans.append((start, max(start, length + len(inner.rstrip()))))
        parts.append(inner)
        length += len(inner)
        at = m.end()
    parts.append(sentence[at:])
    return "".join(parts), spans[0], spans[1]


def _unquote(field: str) -> str:
    """A CSV-quoted field without its quoting; any other field as it is."""
    m = _CSV_QUOTED.fullmatch(field)
    return m.group(1).replace('""', '"') if m else field


def parse_line(line: str, number: int = 0) -> Example:
    fields = [_unquote(f) for f in line.rstrip("\r\n").split("\t")]
    if len(fields) != 4:
        raise CorpusError(f"line {number}: expected 4 tab-separated fields, found {len(fields)}")
    sentence, _p, _q, label = fields
    if label.strip() not in {str(n) for n in LABELS}:
        raise CorpusError(f"line {number}: label {label!r} is not one of {LABELS}")
    try:
        text, p, q = strip_brackets(sentence)
    except CorpusError as err:
        raise CorpusError(f"line {number}: {err}") from err
    return Example(text=text, p=p, q=q, label=int(label), line=number)


def load_examples(path: Path, limit: int | None = None, sample: int | None = None) -> list[Example]:
    """The examples of ``path``: the first ``limit``, or ``sample`` of them evenly spaced
    through the file (a file sorted by label is then still sampled across its labels)."""
    examples: list[Example] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if limit is not None and len(examples) >= limit:
                break
            examples.append(parse_line(line, number))
    if sample is not None and 0 < sample < len(examples):
        step = len(examples) / sample
        examples = [examples[int(i * step)] for i in range(sample)]
    return examples


def read_directed_sentiment(path: Path) -> Iterator[PairExample]:
    """One example per line (p is named first: the corpus's labels 1-4 say p/q is positive or
    negative toward the other)."""
    for example in load_examples(path):
        yield PairExample(example.text, example.p, example.q, PAIR_SENTIMENT[example.label])


def read_newsmtsc(path: Path) -> Iterator[MentionExample]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            polarity = int(record["polarity"])
            yield MentionExample(
                record["sentence"], (int(record["from"]), int(record["to"])), PORTRAYAL[polarity + 1]
            )
