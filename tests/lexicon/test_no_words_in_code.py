"""Word lists are data (``data/<lang>/``), not code: no module holds a Cyrillic string outside
its docstrings and comments, except the orthography every Russian reader needs (the "ё"/"е"
folding, the Cyrillic letter range of a pattern)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import presslens

PACKAGE = Path(presslens.__file__).parent
CYRILLIC = re.compile("[\u0400-\u04ff]")
# spelling, not vocabulary: a pattern's letter class, "ё" read as "е", the bounds of the
# Cyrillic block (U+0400, U+04FF)
LETTER_CLASS = re.compile(r"\[[^\]]*\]")
ORTHOGRAPHY = re.compile("[ёе\u0400\u04ff]")


# English prose (an API parameter's description) may quote a Russian example
PROSE = re.compile(r"[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}")


def holds_words(value: str) -> bool:
    return not PROSE.search(value) and bool(CYRILLIC.search(ORTHOGRAPHY.sub("", LETTER_CLASS.sub("", value))))


def cyrillic_literals(source: str) -> list[tuple[int, str]]:
    """(line, value) of each string constant with a Cyrillic letter that is not a docstring."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings and CYRILLIC.search(node.value)
    ]


def test_the_scan_finds_a_word_but_not_a_docstring_or_comment() -> None:
    source = '"""Россия."""\n# Россия\nWORDS = ("как", "ё")\n'
    assert [value for _, value in cyrillic_literals(source)] == ["как", "ё"]


def test_spelling_is_not_a_word() -> None:
    assert not holds_words("ё") and not holds_words("[а-яё]+") and not holds_words("\u0400")
    assert not holds_words("Words the text holds, in any case: 'Россия' finds 'России'")
    assert holds_words("как") and holds_words(" и")


def test_no_module_holds_russian_words() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {value!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, value in cyrillic_literals(path.read_text(encoding="utf-8"))
        if holds_words(value)
    ]
    assert not found, found
