"""Word lists are data (``data/<lang>/``), not code: no module holds a set, tuple or list literal
of three or more strings that are all lower-case English words (or clitics, "'ll"), except the
model's own vocabulary (dependency labels, actor kinds, mention roles, modalities, relation
types, component, slot and field names) and a few identifiers that are no vocabulary (split
names, evaluation selections, class names).

Not scanned: ``presslens.web``, ``presslens.bench`` and ``presslens.cli``, whose word literals
are table and column headers, API parameter locations and command choices, not words the analysis
reads in a text. Single words compared in code (``prep.lower_ == "of"``) are not found by this
scan; the English ones the stages read are in the data files all the same
(``prep.lower_ in _GENITIVE_PREPS``). Before the English lists moved to ``data/en/`` this test
found 27 literals (actors, quotes, relations, claims, the document index, the argument layer,
techniques).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import typing
from functools import cache
from pathlib import Path

import pydantic
import spacy

import presslens
import presslens.model
from presslens.actors.matcher import SurfaceKind
from presslens.corpus.network import NetworkFormat
from presslens.lexicon import relation_types
from presslens.nlp import MODEL_PACKAGE
from presslens.nlp_ru import load_russian
from presslens.pipeline.components import REGISTRY, Analysis

PACKAGE = Path(presslens.__file__).parent
SKIPPED = ("web", "bench", "cli")
# a word, or an English clitic ("'ll", "n't")
WORD = re.compile(r"'?[a-z][a-z' ]*")

# Identifiers that are no vocabulary and have no declared type to collect them from:
NOT_VOCABULARY = frozenset({
    # how a quote's attribution was found (quotes.candidates.Candidate.source)
    "before", "after", "according",
    # the argument slots of the Russian cue lexicon (data/ru/relations.yaml ``args``)
    "dat",
    # the Stanford scheme's noun compound label, in parses the pair model was trained on
    "nn",
    # data splits and the evaluation's selections of emitted techniques
    "all", "train", "heldout", "emitted", "model", "rules",
    # the portrayal classes of the pair model's data sets
    "negative", "neutral", "positive",
})


@cache
def model_vocabulary() -> frozenset[str]:
    """The values that are the model's own vocabulary, not English: the dependency labels of
    both parsers (spaCy's English scheme, natasha's Universal Dependencies), the values of the
    model's Literal types (actor kinds, quote kinds, modalities, mention roles, gazetteer
    surface kinds, network formats), the relation type names, the pipeline's component and slot
    names and the document model's field names."""
    english = spacy.util.get_model_meta(spacy.util.get_package_path(MODEL_PACKAGE))
    parser = load_russian().syntax_parser
    universal = parser.infer.decoder.rels_vocab.items  # slovnet's relation vocabulary
    literals = [
        *(value for value in vars(presslens.model).values()
          if typing.get_origin(value) is typing.Literal),
        SurfaceKind,
        NetworkFormat,
    ]
    fields = {
        name
        for value in vars(presslens.model).values()
        if inspect.isclass(value) and issubclass(value, pydantic.BaseModel)
        for name in value.model_fields
    }
    return frozenset({
        *english["labels"]["parser"],
        *universal,
        *(arg for literal in literals for arg in typing.get_args(literal)),
        *relation_types(),
        *REGISTRY.names(),
        *(field.name for field in dataclasses.fields(Analysis)),
        *fields,
    })


def word_lists(source: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, list[str]]]:
    """(line, words) of each set, tuple or list literal of three or more string constants that
    are all lower-case words, one of them at least not in ``allowed``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.Set, ast.Tuple, ast.List)) or len(node.elts) < 3:
            continue
        words = [
            element.value
            for element in node.elts
            if isinstance(element, ast.Constant) and isinstance(element.value, str)
            and WORD.fullmatch(element.value)
        ]
        if len(words) == len(node.elts) and any(word not in allowed for word in words):
            found.append((node.lineno, words))
    return sorted(found)


def test_the_scan_finds_a_word_list_but_not_labels_prose_or_pairs() -> None:
    source = (
        '"""The words "of", "the" and "and"."""\n'
        '# ("of", "the", "and")\n'
        'GLUE = frozenset({"of", "the", "and"})\n'
        'DEPS = ("nsubj", "dobj", "pobj")\n'
        'PAIR = ("by", "from")\n'
        'MIXED = ("nsubj", "dobj", "of")\n'
        'MARKS = ("-", "–", ",")\n'
        'NAMES = ("log_words", "numbers", "dates")\n'
    )
    allowed = frozenset({"nsubj", "dobj", "pobj"})
    assert word_lists(source, allowed) == [(3, ["of", "the", "and"]), (6, ["nsubj", "dobj", "of"])]


def test_the_model_vocabulary_is_not_english() -> None:
    vocabulary = model_vocabulary()
    assert {"nsubj", "pobj", "predet", "obl", "iobj"} <= vocabulary  # both parsers' labels
    assert {"country", "metonym", "hypothetical", "capital", "actors", "sdoc"} <= vocabulary
    assert not {"of", "the", "and", "will", "government"} & vocabulary


def test_no_module_holds_english_word_lists() -> None:
    allowed = model_vocabulary() | NOT_VOCABULARY
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {words}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in SKIPPED
        for line, words in word_lists(path.read_text(encoding="utf-8"), allowed)
    ]
    assert not found, found
