"""Hand-made analysed documents for the corpus tests: relations and stances written by hand, so
that the network, timeline and ranking code is tested whatever the analysis stages find."""

from __future__ import annotations

from presslens.model import Actor, Document, Mention, Meta, Offsets, Relation, Stance
from presslens.textutil import document_id

ACTORS = {
    "Q159": ("Russia", "country"),
    "Q212": ("Ukraine", "country"),
    "Q7184": ("NATO", "alliance"),
    "Q217": ("Moldova", "country"),
    "person:telmanov": ("Viktor Telmanov", "person"),
}


def make_doc(
    text: str,
    *,
    published: str | None,
    outlet: str | None,
    relations: list[tuple[str, str, str, int, str]] = (),  # type: ignore[assignment]
    stances: list[tuple[str, str, float]] = (),  # type: ignore[assignment]
    asserted_by: str | None = None,
    modality: str = "asserted",
) -> Document:
    """A document over ``text``: every actor of ACTORS whose name occurs is an actor with its
    mentions; a relation is (source, target, type, polarity, evidence words in the text), all of
    one ``modality``."""
    actors = []
    for actor_id, (name, kind) in ACTORS.items():
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start=start, end=start + len(name), text=name))
            start = text.find(name, start + 1)
        if mentions:
            qid = actor_id if actor_id.startswith("Q") else None
            actors.append(Actor(id=actor_id, name=name, wikidata=qid, kind=kind, mentions=mentions))
    rels = []
    for source, target, rtype, polarity, evidence in relations:
        start = text.index(evidence)
        rels.append(
            Relation(start=start, end=start + len(evidence), text=evidence, source=source,
                     target=target, type=rtype, polarity=polarity,  # type: ignore[arg-type]
                     modality=modality,  # type: ignore[arg-type]
                     asserted_by=asserted_by, confidence=0.9)
        )
    sts = [
        Stance(holder=holder, target=target, sign=1 if score > 0 else -1, score=score,
               evidence=[Offsets(start=0, end=min(10, len(text)))])
        for holder, target, score in stances
    ]
    return Document(
        id=document_id(text),
        source_path=f"hand/{document_id(text)}.txt",
        text=text,
        meta=Meta(title=text.split(".")[0], published=published, outlet=outlet, language="en"),
        actors=actors,
        relations=rels,
        stances=sts,
    )


def corpus() -> list[Document]:
    """Five articles from two outlets over three months."""
    return [
        make_doc(
            "Russia threatened Ukraine with new strikes. NATO condemned Russia.",
            published="2025-01-10", outlet="Eurasia Courier",
            relations=[("Q159", "Q212", "THREATEN", -1, "threatened"),
                       ("Q7184", "Q159", "DISAPPROVE", -1, "condemned")],
            stances=[("outlet", "Q7184", -0.6), ("outlet", "Q159", 0.4)],
        ),
        make_doc(
            "Russia attacked Ukraine near Kharkiv, and Russia again threatened Ukraine.",
            published="2025-01-24T09:30", outlet="Eurasia Courier",
            relations=[("Q159", "Q212", "ASSAULT", -1, "attacked"),
                       ("Q159", "Q212", "THREATEN", -1, "threatened")],
            stances=[("outlet", "Q212", -0.8)],
        ),
        make_doc(
            "Russia offered talks to Ukraine, Viktor Telmanov said.",
            published="2025-03-02", outlet="Baltic Wire",
            relations=[("Q159", "Q212", "COOPERATE", 1, "offered talks")],
            stances=[("person:telmanov", "Q159", 0.5)],
            asserted_by="person:telmanov",
        ),
        make_doc(
            "Ukraine accused Russia of shelling. NATO backed Moldova.",
            published="2025-03-20", outlet="Baltic Wire",
            relations=[("Q212", "Q159", "ACCUSE", -1, "accused"),
                       ("Q7184", "Q217", "SUPPORT", 1, "backed")],
            stances=[("outlet", "Q159", -0.7)],
        ),
        make_doc(
            "Russia and Ukraine exchanged prisoners, an undated wire said.",
            published=None, outlet="Baltic Wire",
            relations=[("Q159", "Q212", "COOPERATE", 1, "exchanged prisoners")],
        ),
    ]


def modality_corpus() -> list[Document]:
    """Russia's attacks on Ukraine as done, feared and denied, one article each."""
    return [
        make_doc("Russia attacked Ukraine near Kharkiv.", published="2025-02-10",
                 outlet="Eurasia Courier", relations=[("Q159", "Q212", "ASSAULT", -1, "attacked")]),
        make_doc("Russia may attack Ukraine again, NATO warned.", published="2025-02-12",
                 outlet="Eurasia Courier", relations=[("Q159", "Q212", "ASSAULT", -1, "may attack")],
                 modality="hypothetical"),
        make_doc("The non-existent attack by Russia on Ukraine was a fiction.",
                 published="2025-02-14", outlet="Eurasia Courier",
                 relations=[("Q159", "Q212", "ASSAULT", -1, "attack")], modality="negated"),
    ]
