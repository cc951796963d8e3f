"""Word lists are data (``data/<lang>/``), not code: no module holds a set, tuple or list literal
of three or more strings that are all lower-case English words (or clitics, "'ll"), except the
model's own vocabulary (dependency labels, actor kinds, mention roles, modalities, relation
types, component, slot and field names) and a few identifiers that are no vocabulary (split
names, evaluation selections, class names).

Two more scans find English in code that is no list literal:

- a single word compared in a stage package (``prep.lower_ == "of"``, ``lower != "our"``,
  ``c.lower_ in ("but", "rather")``, ``"if" in marks``), where the word is not the model's
  vocabulary or an identifier of ``COMPARED_IDENTIFIERS``; a word compared with what reads a
  token's words (``lower_``, ``lemma_``, ``text``, ``self.lowers[i]``) is English even where it
  spells an identifier too ("according"). The English ones read a data file instead
  (``prep.lower_ in _GENITIVE_PREPS``);
- a regular expression (the first argument of ``re.compile``) whose alternation joins two or more
  lower-case words of three letters or more (``nazi|hitler``, ``view|opinion``): the words are
  data, the pattern is built from them (``presslens.metadata_dates.alternatives``).

Not scanned: ``presslens.web``, ``presslens.bench`` and ``presslens.cli``, whose word literals
are table and column headers, API parameter locations and command choices, not words the analysis
reads in a text. Before the English lists moved to ``data/en/`` this test found 27 literals
(actors, quotes, relations, claims, the document index, the argument layer, techniques). On the
code before the compared words and the patterns' words of the quote, stance, claims and technique
stages and of the document index's phrases moved (6af0d06), the two new scans found 95 compared
words and 11 alternations; 48 of the words and 4 of the alternations, in modules that move did
not reach (the actor stage, the verb readings, the syntax layer, the index's references, posts
and states, the claims model's features, the metadata stage), were listed as pending until they
moved too. None is left.
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


# ---------------------------------------------------------------- words compared in code

# The stage packages: a word compared there is a word read in a text.
STAGES = ("actors", "quotes", "index", "relations", "stances", "claims", "techniques", "syntax", "pairs")
# a compared word: a word, an English clitic ("'s") or a hyphenated word ("so-called")
COMPARED_WORD = re.compile(r"['’]?[a-z][a-z'’ -]*")
# what reads a token's words: ``token.lower_``, ``lemma_.lower()``, ``span.text``,
# ``self.lowers[i]``, a loop's ``lower`` or ``lemma``
TOKEN_TEXT = re.compile(r"(?:^|[._])(?:lower_?|lowers|lemma_?|lemmas|norm_|orth_|text)\b")

# Values compared in the stage packages that are identifiers, not words read in a text, and
# have no declared type to collect them from (each for the reason given):
COMPARED_IDENTIFIERS = frozenset({
    # how a quote's attribution was found (quotes.candidates.Candidate.source,
    # quotes/russian_direct.py)
    "headline", "fragment", "dash",
    # the kinds of an evaluation (stances.evaluation_base.Said.kind) and of the entries of the
    # stance and relation lexicons (stances/russian.py, stances/word_evaluations.py,
    # relations/verb_frames.py)
    "word", "scare", "victim", "verb", "adjective",
    # the kind of an institution of the Russian actor lexicon (actors/russian.py)
    "ministry",
    # grammemes of pymorphy2's OpenCorpora tag set (nominative, animate, common gender), the
    # actor model's gender code and the genitive slot of data/ru/relations.yaml ``args``
    "nomn", "anim", "ms-f", "f", "gen",
    # a regex group name (techniques/lexicon.py) and a YAML key (actors/gazetteer.py)
    "span", "entries",
    # training options: the loss, the class weighting, the calibration split and the unit of
    # the Russian techniques' training rows
    "sigmoid", "sqrt", "calib", "sentence",
})


def _compared_word(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        word = node.value.strip()
        if COMPARED_WORD.fullmatch(word):
            return word
    return None


def word_comparisons(source: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, word) of each lower-case word compared in ``source`` (``==``, ``!=``, ``in`` or
    ``not in`` a tuple, list or set of strings, or a word ``in`` a value) that is not in
    ``allowed``, or that is compared with what reads a token's words."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            pairs: list[tuple[ast.expr, ast.expr]] = []
            if isinstance(op, (ast.Eq, ast.NotEq)):
                pairs = [(left, right), (right, left)]
            elif isinstance(op, (ast.In, ast.NotIn)):
                pairs = [(left, right)]
                if isinstance(right, (ast.Tuple, ast.List, ast.Set)) and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) for e in right.elts
                ):
                    pairs.extend((element, left) for element in right.elts)
            for constant, other in pairs:
                word = _compared_word(constant)
                if word is None or isinstance(other, ast.Constant):
                    continue
                if word not in allowed or TOKEN_TEXT.search(ast.unparse(other)):
                    found.add((node.lineno, word))
            left = right
    return sorted(found)


def test_the_comparison_scan_finds_compared_words_but_not_identifiers_labels_or_marks() -> None:
    source = (
        'if token.lower_ == "according" and token.dep_ == "prep":\n'
        '    ok = c.lower_ in ("but", "rather") or said.kind != "word"\n'
        'x = lower in ("called", "so-called") or "if" in marks\n'
        'y = candidate.source in ("before", "according") and c.dep_ != "nsubj"\n'
        'z = text[i] in ",.;" and ent.label_ == "GPE" and doc[i].text in ("-", "–")\n'
        'w = "nsubj" == c.dep_ or c.lemma_.lower() != "nsubj"\n'
    )
    allowed = frozenset({"according", "before", "word", "nsubj", "prep"})
    assert word_comparisons(source, allowed) == [
        (1, "according"), (2, "but"), (2, "rather"), (3, "called"), (3, "if"), (3, "so-called"),
        (6, "nsubj"),
    ]


def test_no_stage_compares_english_words() -> None:
    allowed = model_vocabulary() | NOT_VOCABULARY | COMPARED_IDENTIFIERS
    found = [
        f"{module.as_posix()}:{line}: {word!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (module := path.relative_to(PACKAGE)).parts[0] in STAGES
        for line, word in word_comparisons(path.read_text(encoding="utf-8"), allowed)
    ]
    assert not found, f"English words compared in code (move them to data/en/): {found}"


# ---------------------------------------------------------------- words in regular expressions

_ESCAPE = re.compile(r"\\.", re.DOTALL)
_ALTERNATION = re.compile(r"[a-z][a-z' -]*(?:\|[a-z][a-z' -]*)+")
_LONG_WORD = re.compile(r"[a-z]{3,}")


def _pattern_text(node: ast.expr) -> str:
    """The literal text of a pattern: a string, the constant parts of an f-string, or a sum of
    them (each part apart, so that no word spans two)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "\0".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pattern_text(node.left) + "\0" + _pattern_text(node.right)
    return ""


def regex_word_alternations(source: str) -> list[tuple[int, str]]:
    """(line, alternation) of each regular expression literal (the first argument of
    ``re.compile``) that joins two or more lower-case words of three letters or more with
    ``|``; escapes (``\\b``, ``\\s``) are no letters."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args and isinstance(node.func, ast.Attribute)
                and node.func.attr == "compile" and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"):
            continue
        pattern = _ESCAPE.sub("\0", _pattern_text(node.args[0]))
        for run in _ALTERNATION.findall(pattern):
            words = [alternative.strip() for alternative in run.split("|") if _LONG_WORD.search(alternative)]
            if len(words) >= 2:
                found.append((node.lineno, "|".join(words)))
    return sorted(found)


def test_the_regex_scan_finds_word_alternations_but_not_classes_escapes_or_short_words() -> None:
    source = (
        'import re\n'
        'A = re.compile(r"\\b(?:nazi|hitler|third reich|al-qaeda)", re.IGNORECASE)\n'
        'B = re.compile(r"\\b(?:is|are|am) going to\\b")\n'
        'C = re.compile(r"\\s+|\\w+|[a-z]+|[^\\W\\d_a-z]")\n'
        'D = re.compile(rf"(?:{WORDS})\\s|\\bnot|never")\n'
        'E = re.compile("(?:" + WORDS + ")|(Q|Question)")\n'
        'F = re.search(r"view|opinion", text)\n'
    )
    assert regex_word_alternations(source) == [(2, "nazi|hitler|third reich|al-qaeda"), (5, "not|never")]


def test_no_regular_expression_spells_english_words() -> None:
    found = [
        f"{module.as_posix()}:{line}: {words}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (module := path.relative_to(PACKAGE)).parts[0] not in SKIPPED
        for line, words in regex_word_alternations(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"English words in regular expressions (move them to data/en/): {found}"
