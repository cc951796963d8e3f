"""A small corpus for the web tests: four short articles written for these tests, analysed by
the real pipeline, with hand-made relations, stances and claims added where the pipeline has no
stage for them yet, stored in a DuckDB file through the corpus store.

One article carries ``<script>window.__pwned = 1</script>`` in its text: the page must show it
as text and never run it. The analyzer is loaded once per test session and shared.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from presslens.corpus.store import Store
from presslens.ingest import RawArticle
from presslens.model import (
    Actor,
    Claim,
    Document,
    Mention,
    Meta,
    Offsets,
    Relation,
    Stance,
    Technique,
)
from presslens.pipeline import Analyzer

INJECTION = "<script>window.__pwned = 1</script>"

WIRE_GAS = """Russia and China sign gas accord as Ukraine warns of leverage
10 February 2025

MOSCOW (Meridian Wire) - Russia and China signed a thirty-year gas supply accord on Monday, the Kremlin said, deepening ties that both governments describe as a partnership without limits.

"This agreement serves the long-term interests of both our peoples," Russian Deputy Prime Minister Alexander Novak told reporters after the ceremony.

Ukraine warned that the deal would hand Moscow fresh leverage over its neighbours. Ukrainian Foreign Minister Andrii Sybiha said Kyiv would ask the European Union to tighten sanctions on Russian energy.

China said the accord was purely commercial and aimed at no third country.
"""

INTERVIEW = f"""Expert: Western sanctions against Russia have failed
5 March 2025

The political scientist Viktor Lebedev told Northern Herald that Washington is losing its grip on Europe and that the sanctions against Russia have already failed.

– Why do you think the sanctions have failed?

"The Americans promised that the Russian economy would collapse within months. Instead, Russia and China trade more than ever, and it is Europe that pays the bill. Brussels simply obeys orders from Washington," Lebedev said.

– Some readers sent us a comment in which they typed {INJECTION} into the form. What do you make of such online campaigns?

"These are cheap provocations. Every honest person can see who profits from this war," he said.

Lebedev added that Hungary had shown more courage than the rest of the European Union combined.
"""

OPED = """Europe must stop appeasing the Kremlin
12 April 2025

By Maria Kowalski, Continental Review

Every winter the same story repeats itself. Moscow threatens, Berlin hesitates, and Brussels drafts another statement of deep concern. This is not diplomacy; it is surrender dressed up as prudence.

Russia has attacked Ukraine's power grid for three winters in a row. Poland and the Baltic states warned for years that the Kremlin would never stop at Crimea, and they were right.

"We will not let Moscow blackmail Europe with gas or with missiles," Polish Prime Minister Donald Tusk said in Warsaw last week.

The European Union should seize frozen Russian assets and hand them to Ukraine. Anything less would be a betrayal of everything Europe claims to stand for.
"""

WIRE_DRILL = """NATO begins Baltic exercise; Moscow calls it a provocation
20 April 2025

VILNIUS (Meridian Wire) - NATO began a two-week naval exercise in the Baltic Sea on Sunday with ships from Germany, Poland and Lithuania, the alliance said.

Russia condemned the exercise as a provocation. "NATO is rehearsing an attack on our borders," Kremlin spokesman Dmitry Peskov told reporters in Moscow.

Lithuania said the drill was defensive and that NATO would protect every ally.
"""

ARTICLES: list[tuple[str, Meta]] = [
    (WIRE_GAS, Meta(outlet="Meridian Wire", published="2025-02-10")),
    (INTERVIEW, Meta(outlet="Northern Herald", published="2025-03-05")),
    (OPED, Meta(outlet="Continental Review", published="2025-04-12", authors=["Maria Kowalski"])),
    (WIRE_DRILL, Meta(outlet="Meridian Wire", published="2025-04-20")),
]

# Actors the hand-made items refer to: id, name, kind, QID.
KNOWN: dict[str, tuple[str, str, str | None]] = {
    "Q159": ("Russia", "country", "Q159"),
    "Q148": ("China", "country", "Q148"),
    "Q212": ("Ukraine", "country", "Q212"),
    "Q30": ("United States", "country", "Q30"),
    "Q458": ("European Union", "alliance", "Q458"),
    "Q7184": ("NATO", "alliance", "Q7184"),
    "Q37": ("Lithuania", "country", "Q37"),
    "Q36": ("Poland", "country", "Q36"),
    "Q28": ("Hungary", "country", "Q28"),
    "person:viktor_lebedev": ("Viktor Lebedev", "person", None),
}

# (article, source, target, type, polarity, evidence sentence start, asserted by)
RELATIONS: list[tuple[int, str, str, str, int, str, str | None]] = [
    (0, "Q159", "Q148", "AGREE", 1, "Russia and China signed", None),
    (0, "Q148", "Q159", "AGREE", 1, "Russia and China signed", None),
    (0, "Q212", "Q159", "ACCUSE", -1, "Ukraine warned that", None),
    (1, "Q458", "Q30", "ALLY", 1, "Brussels simply obeys", "person:viktor_lebedev"),
    (1, "Q159", "Q148", "COOPERATE", 1, "Instead, Russia and China trade", "person:viktor_lebedev"),
    (2, "Q159", "Q212", "ASSAULT", -1, "Russia has attacked", None),
    (2, "Q36", "Q159", "ACCUSE", -1, "Poland and the Baltic states warned", None),
    (3, "Q159", "Q7184", "ACCUSE", -1, "Russia condemned the exercise", None),
    (3, "Q7184", "Q37", "ALLY", 1, "Lithuania said the drill", None),
]

# (article, holder, target, score, evidence sentence start)
STANCES: list[tuple[int, str, str, float, str]] = [
    (1, "person:viktor_lebedev", "Q30", -0.8, "The Americans promised"),
    (1, "person:viktor_lebedev", "Q458", -0.6, "Brussels simply obeys"),
    (1, "person:viktor_lebedev", "Q28", 0.7, "Lebedev added that Hungary"),
    (2, "outlet", "Q159", -0.9, "Russia has attacked"),
    (3, "outlet", "Q7184", 0.2, "Lithuania said the drill"),
]

# (article, label, words): techniques the technique stage may or may not find on its own.
TECHNIQUES: list[tuple[int, str, str]] = [
    (1, "Loaded_Language", "cheap provocations"),
    (2, "Loaded_Language", "surrender dressed up as prudence"),
]

# (article, score, sentence start)
CLAIMS: list[tuple[int, float, str]] = [
    (0, 0.62, "Russia and China signed"),
    (1, 0.71, "Instead, Russia and China trade"),
    (2, 0.88, "Russia has attacked"),
    (2, 0.41, "Poland and the Baltic states warned"),
]


@functools.lru_cache(maxsize=1)
def analyzer() -> Analyzer:
    return Analyzer()


def _sentence(text: str, start: str) -> tuple[int, int]:
    begin = text.index(start)
    match = re.search(r"[.!?][\"”]?(\s|$)", text[begin:])
    end = begin + (match.end(0) if match else len(text) - begin)
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


def _ensure_actor(doc: Document, actor_id: str) -> None:
    """Add a known actor the pipeline did not find, with a mention at its first name match."""
    if actor_id not in KNOWN or doc.actor(actor_id) is not None:
        return
    name, kind, qid = KNOWN[actor_id]
    at = doc.text.find(name)
    mentions = [Mention(start=at, end=at + len(name), text=name)] if at >= 0 else []
    doc.actors.append(Actor(id=actor_id, name=name, wikidata=qid, kind=kind, mentions=mentions))  # type: ignore[arg-type]


def documents() -> list[Document]:
    """The four articles, analysed, with the hand-made items added."""
    nlp = analyzer()
    docs = [
        nlp.analyze(RawArticle(text=text, source=f"web-test-{i}.txt", source_path=f"web-test-{i}.txt", meta=meta))
        for i, (text, meta) in enumerate(ARTICLES)
    ]
    for number, source, target, rtype, polarity, start, by in RELATIONS:
        doc = docs[number]
        begin, end = _sentence(doc.text, start)
        _ensure_actor(doc, source)
        _ensure_actor(doc, target)
        doc.relations.append(
            Relation(start=begin, end=end, text=doc.text[begin:end], source=source, target=target,
                     type=rtype, polarity=polarity, asserted_by=by, confidence=0.8)  # type: ignore[arg-type]
        )
    for number, holder, target, score, start in STANCES:
        doc = docs[number]
        begin, end = _sentence(doc.text, start)
        _ensure_actor(doc, target)
        # the hand-made stance stands for the pair: the page tests read its exact score whatever
        # the stance stage finds on its own
        doc.stances = [s for s in doc.stances if (s.holder, s.target) != (holder, target)]
        doc.stances.append(
            Stance(holder=holder, target=target, sign=1 if score > 0 else -1, score=score,
                   evidence=[Offsets(start=begin, end=end)])
        )
    for number, score, start in CLAIMS:
        doc = docs[number]
        begin, end = _sentence(doc.text, start)
        doc.claims.append(Claim(start=begin, end=end, text=doc.text[begin:end], score=score))
    for number, label, words in TECHNIQUES:
        doc = docs[number]
        begin = doc.text.index(words)
        end = begin + len(words)
        if not any((t.start, t.end, t.label) == (begin, end, label) for t in doc.techniques):
            doc.techniques.append(
                Technique(start=begin, end=end, text=words, label=label, confidence=0.9)
            )
    return [Document.model_validate(d.model_dump()) for d in docs]


def build_store(path: Path) -> list[Document]:
    """Write the corpus to a new DuckDB file at ``path``; returns the stored documents."""
    docs = documents()
    with Store(path) as store:
        store.add(docs)
    return docs


def summary(docs: list[Document]) -> dict[str, Any]:
    return {d.meta.title: (len(d.actors), len(d.quotes), len(d.techniques)) for d in docs}
