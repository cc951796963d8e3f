"""The one loader of the word lists in ``data/<language>/<file>.yaml``.

Each file is a YAML mapping: ``note`` says where the words come from, every other key names a
list of words or a table. Words are quoted in the files where YAML would read them as something
else (``"no"`` is a boolean to YAML); an entry that is not a string is refused, not converted.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA_PACKAGE = "presslens.data"
DEFAULT_LANGUAGE = "en"


class LexiconError(ValueError):
    """A word list, table or cue lexicon that cannot be used, with the reason."""


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader refusing a key given twice in one mapping (YAML keeps the last one
    silently, so a second list under an existing name would replace the first)."""


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise LexiconError(f"line {key_node.start_mark.line + 1}: the key {key!r} is given twice")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def load_yaml(text: str, where: str) -> Any:
    """``text`` read as YAML, refusing duplicate keys (``where`` names the file in the error)."""
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except LexiconError as err:
        raise LexiconError(f"{where}: {err}") from err


@cache
def _read(language: str, file: str) -> dict[str, Any]:
    where = f"data/{language}/{file}.yaml"
    try:
        text = resources.files(DATA_PACKAGE).joinpath(language, f"{file}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise LexiconError(f"{where}: no such word list file") from err
    data = load_yaml(text, where)
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: expected a mapping at the top level")
    if not isinstance(data.get("note"), str) or not data["note"].strip():
        raise LexiconError(f"{where}: a 'note' saying where the words come from is required")
    return data


def word_data(file: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The whole checked mapping of ``data/<language>/<file>.yaml`` (a ``note`` and named lists
    or tables), for stages whose files hold nested tables that ``word_set`` and ``word_table``
    do not describe. The mapping is cached and shared: callers read it, never change it."""
    return _read(language, file)


def _entry(language: str, file: str, key: str) -> Any:
    data = _read(language, file)
    if key not in data or key == "note":
        raise LexiconError(f"data/{language}/{file}.yaml: no list named {key!r}")
    return data[key]


def _word(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise LexiconError(f"{where}: {value!r} is not a word (quote it in the YAML file)")
    return value


@cache
def word_set(file: str, key: str, language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """The words listed under ``key`` in ``data/<language>/<file>.yaml``."""
    where = f"data/{language}/{file}.yaml: {key}"
    value = _entry(language, file, key)
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list of words")
    return frozenset(_word(item, where) for item in value)


def word_table(file: str, key: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The table (word -> value) under ``key``; keys are checked to be words, values are left to
    the caller."""
    where = f"data/{language}/{file}.yaml: {key}"
    value = _entry(language, file, key)
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: expected a table of words")
    return {_word(word, where): item for word, item in value.items()}
