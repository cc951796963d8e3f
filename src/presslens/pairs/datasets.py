"""Readers of the public corpora the pair heads learn from (used by path, never copied).

- directed sentiment (Park, Pan and Joo 2021): a sentence with two entities in brackets and who is
  positive or negative toward whom; read as an unordered pair in text order, five classes.
- NewsMTSC (Hamborg and Donnay 2021): a sentence, one mention, how the sentence portrays it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_BRACKET = re.compile(r"\[([^\[\]]*)\]")

# the five classes of the directed-sentiment corpus, for a pair read in text order
PAIR_SENTIMENT = ("none", "first_positive", "second_positive", "first_negative", "second_negative")
PORTRAYAL = ("negative", "neutral", "positive")


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


def strip_brackets(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence without its [brackets] and the character spans they enclosed."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    last = 0
    for match in _BRACKET.finditer(marked):
        before = marked[last:match.start()]
        parts.append(before)
        length += len(before)
        inner = match.group(1)
        spans.append((length, length + len(inner)))
        parts.append(inner)
        length += len(inner)
        last = match.end()
    parts.append(marked[last:])
    return "".join(parts), spans


def read_directed_sentiment(path: Path) -> Iterator[PairExample]:
    """One example per line with exactly two bracketed entities (p named first: the corpus's
    labels 1-4 say p/q is positive/negative toward the other)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4:
                continue
            text, spans = strip_brackets(fields[0])
            if len(spans) != 2 or not fields[3].strip().isdigit():
                continue
            label = int(fields[3])
            if 0 <= label < len(PAIR_SENTIMENT):
                yield PairExample(text, spans[0], spans[1], PAIR_SENTIMENT[label])


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
