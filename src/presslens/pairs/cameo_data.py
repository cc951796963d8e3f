"""Relation-head examples from CAMEO-coded news sentences (read by path, never shipped).

The ConfliBERT CAMEO data gives real news sentences with the source and target of their coded
event marked token by token (``cameo_ner-*.txt``) and, for most of the same sentences, the
event's quad class (``cameo_class-*.tsv``: verbal/material cooperation/conflict). The quad class
names no PLOVER type; a sentence becomes an example when the dependency path from source to
target holds a cue word whose type (relation lexicon) lies in that quad class
(``data/plover_quad.yaml``): the word where the paths meet if it qualifies, else the only one that
does. The reverse pair is an example of no relation. Sentences without such a word, or with a
reciprocal or a missing side, are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.language import Language

from presslens.pairs.features import head_token, span_tokens
from presslens.pairs.paths import cue_types_between
from presslens.pairs.relation_data import NONE, RelationExample


@lru_cache(maxsize=1)
def quad_of_type() -> dict[str, int]:
    text = resources.files("presslens.data").joinpath("plover_quad.yaml").read_text("utf-8")
    return {str(k): int(v) for k, v in yaml.safe_load(text)["quad"].items()}


def _tagged_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        word, _, tag = line.rpartition(" ")
        sentence.append((word, tag))
    if sentence:
        yield sentence


def _first_span(offsets: list[tuple[int, int]], tags: list[str], side: str) -> tuple[int, int] | None:
    picked = [i for i, tag in enumerate(tags) if tag in (f"B-{side}", f"I-{side}")]
    if not picked:
        return None
    run = [picked[0]]
    for i in picked[1:]:
        if i != run[-1] + 1 or tags[i] == f"B-{side}":
            break
        run.append(i)
    return offsets[run[0]][0], offsets[run[-1]][1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class CodedSentence:
    """One sentence of the CAMEO span data: its text, the character spans of the coded source
    and target (None where the sentence marks none), its quad class (None where the class file
    lacks the sentence: its text is then the tokens joined by spaces) and whether it marks a
    reciprocal side."""

    number: int
    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    quad_class: int | None
    reciprocal: bool


def coded_sentences(folder: Path, split: str = "train") -> Iterator[CodedSentence]:
    """The sentences of ``cameo_ner-{split}.txt`` with the text and quad class of
    ``cameo_class-{split}.tsv`` where it holds the same sentence."""
    classes: dict[str, tuple[str, int]] = {}
    for line in (folder / f"cameo_class-{split}.tsv").read_text(encoding="utf-8").splitlines():
        sentence, _, quad_class = line.rpartition("\t")
        if quad_class.strip().isdigit():
            classes[_squash(sentence)] = (sentence.strip(), int(quad_class))
    for number, tagged in enumerate(_tagged_sentences(folder / f"cameo_ner-{split}.txt")):
        found = classes.get(_squash("".join(word for word, _ in tagged)))
        text, label = found if found is not None else (" ".join(w for w, _ in tagged), None)
        offsets, at = [], 0
        for word, _ in tagged:
            start = text.find(word, at)
            if start < 0:
                break
            offsets.append((start, start + len(word)))
            at = start + len(word)
        if len(offsets) != len(tagged):
            continue
        tags = [tag for _, tag in tagged]
        yield CodedSentence(number, text, _first_span(offsets, tags, "S"),
                            _first_span(offsets, tags, "T"), label,
                            any(t.endswith("-R") for t in tags))


def read_cameo(folder: Path, nlp: Language, split: str = "train") -> Iterator[RelationExample]:
    quad = quad_of_type()
    for coded in coded_sentences(folder, split):
        if not coded.quad_class or coded.reciprocal:
            continue
        text, label, source, target = coded.text, coded.quad_class, coded.source, coded.target
        if source is None or target is None:
            continue
        tokens = list(nlp(text))
        source_tokens, target_tokens = span_tokens(tokens, *source), span_tokens(tokens, *target)
        if not source_tokens or not target_tokens:
            continue
        on_path, meeting = cue_types_between(head_token(source_tokens), head_token(target_tokens))
        fitting = [t for t in on_path if quad.get(t) == label]
        if meeting is not None and quad.get(meeting) == label:
            kind = meeting
        elif len(set(fitting)) == 1:
            kind = fitting[0]
        else:
            continue
        origin = f"cameo:{split}:{coded.number}"
        yield RelationExample(text, source, target, kind, 0, origin=origin, accepted=(kind,))
        yield RelationExample(text, target, source, NONE, 0, origin=origin, accepted=(NONE,))
