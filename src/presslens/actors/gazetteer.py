"""Load the curated gazetteer of actors (countries, leaders, alliances, parties, churches, media)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from presslens.model import ActorKind

GAZETTEER_PACKAGE = "presslens.data.gazetteer"


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used, with the reason."""


class ContextName(BaseModel):
    """A surface form this entry answers to only by context: ``cues`` in the same sentence make it
    this entry; with none, the entry marked ``default`` takes it, or no entry does. ``not_with``
    forms in the sentence rule the entry out ("the Greek region of Macedonia")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    cues: tuple[str, ...] = ()
    not_with: tuple[str, ...] = ()
    default: bool = False


class Entry(BaseModel):
    """One curated real-world entity."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    qid: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    name: str
    kind: ActorKind
    names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    # other cities of a state: places only, never its government ("strikes on Kharkiv" strike
    # Ukraine; "a rally in Kharkiv" is where it was)
    cities: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    affiliation: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    roles: tuple[str, ...] = ()
    # for persons: one-word forms that continue the full name once the article has named them in
    # full ("May" after "Theresa May"), never a mention on their own (unlike ``names``)
    short_names: tuple[str, ...] = ()
    # forms shared by several entries, resolved by the sentence ("Congo", "Macedonia")
    context_names: tuple[ContextName, ...] = ()
    # for persons: sex or gender as Wikidata states it (P21), which pronouns may stand for them
    gender: Literal["female", "male"] | None = None

    @property
    def key(self) -> str:
        """The actor id this entry produces."""
        return self.qid or f"{self.kind}:{self.name.lower().replace(' ', '_')}"


class Gazetteer:
    """Entries by key, plus lookups used by the actor stage."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.key] = entry  # a later entry with the same key overrides

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def extended(self, extra: Iterable[Entry]) -> Gazetteer:
        return Gazetteer([*self.entries.values(), *extra])


def _parse_entries(raw: Any, origin: str) -> list[Entry]:
    if raw is None:
        return []
    if isinstance(raw, dict) and "entries" in raw:
        raw = raw["entries"]
    if not isinstance(raw, list):
        raise GazetteerError(f"{origin}: expected a list of entries")
    entries = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise GazetteerError(f"{origin}: entry {i} is not a mapping")
        try:
            entries.append(Entry.model_validate(item))
        except ValueError as err:
            raise GazetteerError(f"{origin}: entry {i} ({item.get('name')!r}): {err}") from err
    return entries


def load_file(path: Path) -> list[Entry]:
    """Entries of one YAML file in the gazetteer format."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise GazetteerError(f"{path}: cannot read gazetteer: {err}") from err
    return _parse_entries(raw, str(path))


@lru_cache(maxsize=1)
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer shipped inside the package (all ``*.yaml`` files, in name order)."""
    entries: list[Entry] = []
    folder = resources.files(GAZETTEER_PACKAGE)
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            raw = yaml.safe_load(item.read_text(encoding="utf-8"))
            entries.extend(_parse_entries(raw, item.name))
    return Gazetteer(entries)


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The shipped gazetteer, extended or overridden by an extra file."""
    base = shipped_gazetteer()
    return base.extended(load_file(extra)) if extra is not None else base
