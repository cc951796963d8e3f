"""spaCy's attribute ruler, read as a table: the same rules, the same output, a fifth of the time.

The English pipeline's ``attribute_ruler`` maps each fine-grained tag to its part of speech and
morphology and fixes a few dozen words ("gonna", "ai n't", "I" as a subject) with Matcher
patterns of one or two tokens. spaCy runs all 179 patterns through its general Matcher over every
token of every article: about an eighth of the whole parse on this machine, more than the tagger
and the lemmatizer together. Every pattern tests only attributes of single tokens (tag, lower
form, dependency label, whitespace), so which rules match a token follows from those four values,
and a document holds few distinct combinations: ``TableAttributeRuler`` works the rules out once
per combination, then applies them exactly as the ruler does (matches in rule order, later rules
winning; spaCy's own ``set_token_attrs``). A ruler with a pattern it cannot read this way (an
operator, another attribute) is left in place: ``replace_attribute_ruler`` then changes nothing.
``tests/test_nlp_attributes.py`` checks the output token by token against spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

FACTORY = "presslens_attribute_table"
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_CACHE_LIMIT = 200_000  # distinct token keys (and words) kept between documents before a restart
_OTHER_WORD = -1  # the lower form of every word no rule names (no string hashes to -1)

TokenKey = tuple[int, int, int, int]  # tag, lower, dep (string hashes), is_space (0/1)
TokenTest = Callable[[TokenKey], bool]


class UnreadablePattern(ValueError):
    """A pattern uses something beyond single-token tests of tag, lower form, dependency and
    whitespace."""


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's rule number: later rules win
    tests: tuple[TokenTest, ...]  # one per token of the pattern
    index: int  # which token of the match gets the attributes
    attrs: dict[int, int]


class TableAttributeRuler:
    """Applies an ``AttributeRuler``'s rules by token key (see the module docstring)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.single: list[_Rule] = []
        self.multi: list[_Rule] = []
        self.attrs: dict[int, dict[int, int]] = {}  # rule number -> attributes it sets
        self._cache: dict[TokenKey, tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = {}
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}
        self._lower_class: dict[int, int] = {}
        self._named_lowers: set[int] = set()  # lower forms the rules test for
        self._lower_patterns: list[re.Pattern[str]] = []  # patterns the rules test lower forms on

    def compile(self, ruler: AttributeRuler) -> None:
        """Read the rules of ``ruler`` (raises ``UnreadablePattern`` for one it cannot read)."""
        single: list[_Rule] = []
        multi: list[_Rule] = []
        self._named_lowers, self._lower_patterns = set(), []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            _, patterns = ruler.matcher.get(self.vocab.strings[str(order)])
            for pattern in patterns:
                rule = _Rule(order, tuple(self._test(spec) for spec in pattern), index, dict(attrs))
                (single if len(pattern) == 1 else multi).append(rule)
        self.single, self.multi = single, multi
        self.attrs = {rule.order: rule.attrs for rule in (*single, *multi)}
        self._cache.clear()
        self._merged.clear()
        self._lower_class.clear()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        lower_class = self._lower_class
        for row in rows:
            lower = row[1]
            row[1] = lower_class[lower] if lower in lower_class else self._classify_lower(lower)
        found = [self._lookup((row[0], row[1], row[2], row[3])) for row in rows]
        extra: dict[int, list[int]] = {}  # token -> rules of more than one token matching it
        for start, (_, passed) in enumerate(found):
            for number, position in passed:
                rule = self.multi[number]
                width = len(rule.tests)
                if position == 0 and start + width <= len(found) and all(
                    (number, j) in found[start + j][1] for j in range(1, width)
                ):
                    target = range(start, start + width)[rule.index]
                    extra.setdefault(target, []).append(rule.order)
        for i, (orders, _) in enumerate(found):
            if i in extra:
                attrs: dict[int, int] = {}
                for order in sorted((*orders, *extra[i])):
                    attrs.update(self.attrs[order])
            elif orders:
                attrs = self._merged[orders]
            else:
                continue
            set_token_attrs(doc[i], attrs)
        return doc

    def _classify_lower(self, lower: int) -> int:
        """``lower`` itself when a rule names it or one of their patterns matches it, else
        ``_OTHER_WORD``: all other words pass the same tests, so they share one key."""
        if len(self._lower_class) >= _CACHE_LIMIT:
            self._lower_class.clear()
        named = lower in self._named_lowers or any(
            pattern.search(self.vocab.strings[lower]) for pattern in self._lower_patterns
        )
        self._lower_class[lower] = lower if named else _OTHER_WORD
        return self._lower_class[lower]

    def _lookup(self, key: TokenKey) -> tuple[tuple[int, ...], frozenset[tuple[int, int]]]:
        """The single-token rules matching a token of this key, in rule order, and which token
        tests of the longer rules it passes (rule, position)."""
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            orders = tuple(rule.order for rule in self.single if rule.tests[0](key))
            passed = frozenset(
                (number, j)
                for number, rule in enumerate(self.multi)
                for j, test in enumerate(rule.tests)
                if test(key)
            )
            found = self._cache[key] = (orders, passed)
            if orders not in self._merged:
                # later rules win: one dict applied at once is the rules applied in turn
                merged: dict[int, int] = {}
                for order in orders:
                    merged.update(self.attrs[order])
                self._merged[orders] = merged
        return found

    def _test(self, spec: dict[str, object]) -> TokenTest:
        tests = [self._attribute_test(name, value) for name, value in spec.items()]
        return lambda key: all(test(key) for test in tests)

    def _attribute_test(self, name: str, value: object) -> TokenTest:
        column = _COLUMNS.get(name)
        if column is None:
            raise UnreadablePattern(f"attribute {name!r}")
        strings = self.vocab.strings
        if name == "IS_SPACE":
            if not isinstance(value, bool):
                raise UnreadablePattern(f"IS_SPACE {value!r}")
            wanted_flag = int(value)
            return lambda key: key[column] == wanted_flag
        if isinstance(value, str):
            wanted = strings.add(value)
            if name == "LOWER":
                self._named_lowers.add(wanted)
            return lambda key: key[column] == wanted
        if isinstance(value, dict) and len(value) == 1:
            ((operator, operand),) = value.items()
            if operator in ("IN", "NOT_IN") and isinstance(operand, Sequence):
                members = {strings.add(str(item)) for item in operand}
                if name == "LOWER":
                    self._named_lowers.update(members)
                if operator == "IN":
                    return lambda key: key[column] in members
                return lambda key: key[column] not in members
            if operator == "REGEX" and isinstance(operand, str):
                pattern = re.compile(operand)
                if name == "LOWER":
                    self._lower_patterns.append(pattern)
                return lambda key: key[column] != _OTHER_WORD and bool(
                    pattern.search(strings[key[column]])
                )
        raise UnreadablePattern(f"{name}: {value!r}")


@Language.factory(FACTORY)
def make_attribute_table(nlp: Language, name: str) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a ``TableAttributeRuler`` with the rules of ``nlp``'s attribute ruler in its place;
    False (nothing changed) when there is none or one of its patterns cannot be read."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    table = nlp.add_pipe(FACTORY, name=f"{name}_table", before=name)
    assert isinstance(table, TableAttributeRuler)
    try:
        table.compile(ruler)
    except UnreadablePattern:
        nlp.remove_pipe(f"{name}_table")
        return False
    nlp.remove_pipe(name)
    # the same name as before: the pipe list recorded beside trained models stays as it was
    nlp.rename_pipe(f"{name}_table", name)
    return True


def token_attributes(doc: Doc) -> np.ndarray:
    """What an attribute ruler may change on each token, for comparing two rulers' output."""
    return doc.to_array([POS, TAG, MORPH, LEMMA, DEP])
