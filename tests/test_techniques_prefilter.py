"""The cue patterns' prefilter finds exactly what ``re.finditer`` finds."""

from __future__ import annotations

import random
import re

import pytest

from presslens.techniques.prefilter import PatternSet, first_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"x?y", ("x", "y")),
        (r"(?<=a )backyard", ("back",)),  # a lookbehind reads nothing
        (r"^(?:so )?is it", ("is i", "so ")),
        (r"\bfoo(?:bar)*baz", ("foob",)),
        (r"[ab]c", None),  # a character class: no literal
        (r"a*", None),  # may match the empty string
        (r"(?i)abc", None),
    ],
)
def test_first_literals(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert first_literals(re.compile(pattern)) == literals


def test_pattern_set_matches_finditer_on_cue_patterns() -> None:
    from presslens.techniques.lexicon import _all_patterns

    _, patterns = _all_patterns()
    words = sorted({w for p in patterns.patterns for w in re.findall(r"[a-z'’-]+", p.pattern)})
    words += ["x", "the", "said", ".", "!", "?", "\n", "”", '"', "’s"]
    joins = [" ", " ", " ", "", ", ", ". ", "\n", ' "', "-"]
    rng = random.Random(7)
    found = 0
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(5, 80)))
        for expected_index, (index, matches) in enumerate(patterns.finditer(text)):
            assert index == expected_index
            pattern = patterns.patterns[index]
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in matches] == expected, (pattern.pattern, text)
            found += len(expected)
    assert found > 1000  # the texts do exercise the patterns


def test_pattern_set_runs_patterns_without_literals_in_full() -> None:
    patterns = PatternSet([re.compile(r"[0-9]+"), re.compile(r"ab|cd")])
    out = {i: [m.group() for m in ms] for i, ms in patterns.finditer("ab 12 cd ’ 3")}
    assert out == {0: ["12", "3"], 1: ["ab", "cd"]}
