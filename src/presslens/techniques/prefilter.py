"""Where a cue pattern can match: a literal-prefix prefilter for many regular expressions.

Running each of the ~70 cue patterns over an article costs a pass of the regex engine over every
character, and most patterns open with a long alternation of words ("barbaric|barbarous|
brutal|..."), which the engine tries alternative by alternative at every position. Yet every match
of such a pattern starts with one of a few literal strings read off the pattern itself
(``first_literals``). ``PatternSet`` finds, in one vectorised pass over the text, the positions
whose first three characters can open one of those strings, and tries each pattern only there, in
the order ``re.finditer`` would: the matches are exactly those of ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import numpy as np

# Literal prefixes are read up to this many characters: longer ones only multiply the number of
# prefixes (every alternative of every group), while the lookup keys on three characters.
_PREFIX_CHARS = 4
_MAX_PREFIXES = 400
_KEY_CHARS = 3

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

# (prefix, open): open while the prefix may still grow with what the pattern reads next
_Prefixes = set[tuple[str, bool]]


def _extend(prefixes: _Prefixes, items: Sequence[tuple[Any, Any]]) -> _Prefixes | None:
    """The prefixes after reading ``items`` (a parsed pattern sequence); None when too many."""
    for op, av in items:
        grow = {p for p, is_open in prefixes if is_open}
        if not grow:
            break
        done = {(p, False) for p, is_open in prefixes if not is_open}
        new: _Prefixes | None
        if op is sre.LITERAL:
            new = {(p + chr(av), True) for p in grow}
        elif op is sre.SUBPATTERN and not (av[1] or av[2]):
            new = _extend({(p, True) for p in grow}, av[3].data)
        elif op is sre.BRANCH:
            new = set()
            for alternative in av[1]:
                branch = _extend({(p, True) for p in grow}, alternative.data)
                if branch is None:
                    return None
                new |= branch
        elif op in _REPEATS:
            low, _, body = av
            once = _extend({(p, True) for p in grow}, body.data)
            if once is None:
                return None
            # after one round the body may repeat or the pattern go on: stop there
            new = {(p, False) for p, _ in once}
            if low == 0:
                new |= {(p, True) for p in grow}
        elif op in _ZERO_WIDTH:
            new = {(p, True) for p in grow}
        else:  # a character class, any character, a group with its own flags...: stop
            new = {(p, False) for p in grow}
        if new is None:
            return None
        prefixes = {(p, is_open and len(p) < _PREFIX_CHARS) for p, is_open in new | done}
        if len(prefixes) > _MAX_PREFIXES:
            return None
    return prefixes


def first_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Non-empty strings one of which starts every match of ``pattern``, or None when the
    pattern has no such small set (it may start with a character class, or match nothing)."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = _extend({("", True)}, sre_parse.parse(pattern.pattern, pattern.flags).data)
    if found is None:
        return None
    literals = {p for p, _ in found}
    if "" in literals:
        return None
    # a literal that extends another adds no position
    return tuple(
        sorted(p for p in literals if not any(q != p and p.startswith(q) for q in literals))
    )


class PatternSet:
    """Regular expressions run together over one text, each tried only where one of its first
    literals starts (patterns without such literals are run in full)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        literals = [first_literals(p) for p in self.patterns]
        self._unfiltered = {i for i, found in enumerate(literals) if found is None}
        chars = sorted({ch for found in literals for lit in found or () for ch in lit[:_KEY_CHARS]})
        self._n_ids = len(chars) + 1  # 0: every other character, and past the end of the text
        self._char_id = np.zeros(max((ord(ch) for ch in chars), default=0) + 1, dtype=np.intp)
        for number, ch in enumerate(chars, start=1):
            self._char_id[ord(ch)] = number
        # key of the next three characters -> the patterns one of whose literals they can open
        keys: dict[int, list[int]] = {}
        for index, found in enumerate(literals):
            for lit in found or ():
                for key in self._keys(lit[:_KEY_CHARS]):
                    if index not in keys.setdefault(key, []):
                        keys[key].append(index)
        self._patterns_at = keys
        self._any_at = np.zeros(self._n_ids**_KEY_CHARS, dtype=bool)
        self._any_at[list(keys)] = True

    def _keys(self, head: str) -> list[int]:
        """Keys of every three characters that start with ``head``."""
        keys = [0]
        for k in range(_KEY_CHARS):
            if k < len(head):
                code = int(self._char_id[ord(head[k])])
                keys = [key * self._n_ids + code for key in keys]
            else:
                keys = [key * self._n_ids + code for key in keys for code in range(self._n_ids)]
        return keys

    def candidates(self, text: str) -> list[list[int]]:
        """For each pattern, the positions of ``text`` where one of its literals may start."""
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.intp)
        known = codes < len(self._char_id)
        ids = np.where(known, self._char_id[np.where(known, codes, 0)], 0)
        ids = np.concatenate([ids, np.zeros(_KEY_CHARS - 1, dtype=np.intp)])
        key = np.zeros(len(text), dtype=np.intp)
        for k in range(_KEY_CHARS):
            key = key * self._n_ids + ids[k : k + len(text)]
        at: list[list[int]] = [[] for _ in self.patterns]
        hot = np.flatnonzero(self._any_at[key])
        for position, k in zip(hot.tolist(), key[hot].tolist(), strict=True):
            for index in self._patterns_at[k]:
                at[index].append(position)
        return at

    def finditer(self, text: str) -> Iterator[tuple[int, Iterator[re.Match[str]]]]:
        """``(index, pattern.finditer(text))`` for each pattern in order, the same matches."""
        at = self.candidates(text)
        for index, pattern in enumerate(self.patterns):
            if index in self._unfiltered:
                yield index, pattern.finditer(text)
            else:
                yield index, _matches_from(pattern, text, at[index])


def _matches_from(
    pattern: re.Pattern[str], text: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, given every position a match can start at: the
    first match at or after the end of the previous one (no match is empty: each has a literal)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            end = m.end()
