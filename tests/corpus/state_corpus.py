"""Hand-made documents whose relations carry cues and the states their ends act for: a Russian
minister and ministry acting on Ukraine, the minister praising his own ministry (a self-loop at
state level), a Ukrainian president accusing Russia, NATO (no state) backing Ukraine, and Russia
itself attacking Ukraine (no cue)."""

from __future__ import annotations

import re

from presslens.model import Actor, Document, Mention, Meta, Relation, Span
from presslens.textutil import document_id

ACTORS = {
    "Q159": ("Russia", "country"),
    "Q212": ("Ukraine", "country"),
    "Q7184": ("NATO", "alliance"),
    "person:lavrov": ("Sergei Lavrov", "person"),
    "org:russian_mfa": ("Russian Foreign Ministry", "organization"),
    "person:zelensky": ("Volodymyr Zelensky", "person"),
}

# (source, target, type, polarity, evidence, cue or None, source_state, target_state)
RelationRow = tuple[str, str, str, int, str, str | None, str | None, str | None]

ARTICLES: list[tuple[str, str, str, list[RelationRow]]] = [
    (
        "Sergei Lavrov threatened Ukraine. The Russian Foreign Ministry condemned Ukraine.",
        "2025-01-10",
        "Eurasia Courier",
        [
            ("person:lavrov", "Q212", "THREATEN", -1, "Sergei Lavrov threatened Ukraine",
             "threatened", "Q159", "Q212"),
            ("org:russian_mfa", "Q212", "DISAPPROVE", -1, "Ministry condemned Ukraine",
             "condemned", "Q159", "Q212"),
        ],
    ),
    (
        "Sergei Lavrov praised the Russian Foreign Ministry. Volodymyr Zelensky accused Russia. "
        "NATO backed Ukraine.",
        "2025-02-03",
        "Baltic Wire",
        [
            ("person:lavrov", "org:russian_mfa", "PRAISE", 1, "Lavrov praised the Russian",
             "praised", "Q159", "Q159"),
            ("person:zelensky", "Q159", "ACCUSE", -1, "Zelensky accused Russia", "accused",
             "Q212", "Q159"),
            ("Q7184", "Q212", "SUPPORT", 1, "NATO backed Ukraine", "backed", None, "Q212"),
        ],
    ),
    (
        "Russia attacked Ukraine near Kharkiv.",
        "2025-02-20",
        "Baltic Wire",
        [("Q159", "Q212", "ASSAULT", -1, "Russia attacked Ukraine", None, "Q159", "Q212")],
    ),
]


def make_doc(text: str, published: str, outlet: str, relations: list[RelationRow]) -> Document:
    actors = []
    for actor_id, (name, kind) in ACTORS.items():
        starts = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        if starts:
            actors.append(Actor(
                id=actor_id, name=name, kind=kind,  # type: ignore[arg-type]
                wikidata=actor_id if actor_id.startswith("Q") else None,
                mentions=[Mention(start=s, end=s + len(name), text=name) for s in starts],
            ))
    rels = []
    for source, target, rtype, polarity, evidence, cue, source_state, target_state in relations:
        start = text.index(evidence)
        cue_span = None
        if cue is not None:
            at = text.index(cue, start)
            cue_span = Span(start=at, end=at + len(cue), text=cue)
        rels.append(Relation(
            start=start, end=start + len(evidence), text=evidence, source=source, target=target,
            type=rtype, polarity=polarity, confidence=0.8, cue=cue_span,  # type: ignore[arg-type]
            source_state=source_state, target_state=target_state,
        ))
    return Document(
        id=document_id(text), source_path=f"states/{document_id(text)}.txt", text=text,
        meta=Meta(title=text.split(".")[0], published=published, outlet=outlet, language="en"),
        actors=actors, relations=rels,
    )


def documents() -> list[Document]:
    return [make_doc(*article) for article in ARTICLES]
