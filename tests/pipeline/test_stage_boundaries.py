"""The stages after actors share the document model and the document index only: none imports
another stage's modules (issue 12: "no stage reads another stage's internals"). Readings two
stages need (the Russian act frames read by relations and stances alike) live in
``presslens.index``, ``presslens.syntax`` or ``presslens.lexicon``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import presslens

PACKAGE = Path(presslens.__file__).parent
STAGES = ("quotes", "relations", "stances", "claims", "techniques")


def imported_packages(path: Path) -> set[str]:
    """The presslens subpackages a module imports (top-level or inside a function)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "presslens" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_the_scan_sees_imports_of_every_kind(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import presslens.claims.news\nfrom presslens.index import DocumentIndex\n"
        "def f():\n    from presslens.relations.extract import Patterns\n",
        encoding="utf-8",
    )
    assert imported_packages(module) == {"claims", "index", "relations"}


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_other_stage(stage: str) -> None:
    others = set(STAGES) - {stage}
    crossings = {
        f"{path.relative_to(PACKAGE)} imports presslens.{other}"
        for path in sorted((PACKAGE / stage).rglob("*.py"))
        for other in imported_packages(path) & others
    }
    assert not crossings, sorted(crossings)
