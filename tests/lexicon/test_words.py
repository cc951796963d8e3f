"""The word-list loader of data/en/: every file has a note and holds words; errors are clear."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

from presslens.lexicon import LexiconError, word_set, word_table
from presslens.lexicon import words as words_module
from presslens.lexicon.words import load_yaml


def test_every_shipped_list_loads() -> None:
    folder = resources.files("presslens.data").joinpath("en")
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    assert files
    for name in files:
        stem = name.removesuffix(".yaml")
        data = yaml.safe_load(folder.joinpath(name).read_text(encoding="utf-8"))
        assert data["note"] == "written by the presslens developers"
        for key, value in data.items():
            if isinstance(value, list):
                assert word_set(stem, key)
            elif isinstance(value, dict):
                assert word_table(stem, key)


def test_words_yaml_would_misread_are_quoted() -> None:
    assert "no" in word_set("syntax", "negators")
    assert "on" in word_set("syntax", "place_target_preps")


def test_unknown_files_and_lists_are_refused() -> None:
    with pytest.raises(LexiconError, match="no such word list file"):
        word_set("no_such_file", "words")
    with pytest.raises(LexiconError, match="no list named 'no_such_list'"):
        word_set("syntax", "no_such_list")


def test_entries_that_are_not_words_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(language: str, file: str) -> dict[str, Any]:
        return {"note": "test", "booleans": [True], "table": ["a"]}

    monkeypatch.setattr(words_module, "_read", fake)
    with pytest.raises(LexiconError, match="is not a word"):
        word_set("fake", "booleans")
    with pytest.raises(LexiconError, match="expected a table"):
        word_table("fake", "table")


def test_no_data_file_gives_a_key_twice() -> None:
    # YAML keeps the last of two equal keys silently: a list added under a name that already
    # exists would replace the first one (it happened: "asking_verbs" in syntax.yaml)
    root = resources.files("presslens.data")
    pending = [root]
    checked = 0
    while pending:
        folder = pending.pop()
        for item in folder.iterdir():
            if item.is_dir():
                pending.append(item)
            elif item.name.endswith((".yaml", ".yml")):
                load_yaml(item.read_text(encoding="utf-8"), item.name)
                checked += 1
    assert checked > 20


def test_a_key_given_twice_is_refused_with_its_line() -> None:
    with pytest.raises(LexiconError, match=r"syntax.yaml: line 3: the key 'verbs' is given twice"):
        load_yaml("note: x\nverbs: [a]\nverbs: [b]\n", "syntax.yaml")
    # nested mappings too
    with pytest.raises(LexiconError, match="given twice"):
        load_yaml("note: x\ntable:\n  a: 1\n  a: 2\n", "t.yaml")
