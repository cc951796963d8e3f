"""An actor while the stage still collects its mentions, and the slug its id is made of.

Its own module so that every pass module can make drafts without importing the stage that runs
the passes, and so that the Russian stage makes the same ids (``person:<slug>``) as the English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presslens.actors.gazetteer import Entry
from presslens.model import ActorKind, MentionRole

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def slug(name: str) -> str:
    return "_".join(w.lower() for w in _WORD_RE.findall(name)) or "unnamed"


@dataclass
class ActorDraft:
    key: str
    name: str
    kind: ActorKind
    qid: str | None
    entry: Entry | None = None
    mentions: dict[tuple[int, int], MentionRole] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)  # role nouns from introductions
    gender: str = ""  # "m", "f" or "" when unknown

    def add(self, start: int, end: int, role: MentionRole) -> None:
        self.mentions.setdefault((start, end), role)

