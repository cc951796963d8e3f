"""A small bilingual corpus for the web tests, built by hand (no analysis runs): two Russian
articles and one English one about Azerbaijan, Turkey and Russia, with the actors' mentions as a
Russian actor stage writes them (the forms as written, inflected: "Азербайджана",
"Азербайджану"; metonyms: "Баку", "Кремле"; a title), a quote, relations and a stance.
"""

from __future__ import annotations

import re
from pathlib import Path

from presslens.corpus.store import Store
from presslens.model import Actor, Document, Mention, Meta, Offsets, Quote, Relation, Stance
from presslens.textutil import document_id

RU_PACT = (
    "Азербайджан и Турция подписали соглашение о союзе\n10 мая 2025\n\n"
    "Президент Азербайджана Ильхам Алиев заявил, что Баку и Анкара будут вместе защищать регион. "
    "«Мы не позволим Москве диктовать нам условия», — сказал Алиев.\n\n"
    "В Кремле назвали соглашение угрозой. Россия и Азербайджан ранее подписали декларацию.\n"
)
RU_EXPERT = (
    "Эксперт: влияние России на Кавказе слабеет\n12 мая 2025\n\n"
    "Политолог Виктор Лебедев считает, что России всё труднее противостоять Анкаре. "
    "По его словам, Турция предложила Азербайджану больше, чем Москва.\n"
)
EN_PACT = (
    "Azerbaijan and Turkey sign defence pact\n11 May 2025\n\n"
    "Azerbaijan and Turkey signed a defence pact on Saturday. Baku said the pact threatens "
    "no one. Russia criticised the pact, and the political scientist Viktor Lebedev said "
    "Moscow had lost the South Caucasus.\n"
)

# id: (English canonical name, kind, QID)
ACTORS: dict[str, tuple[str, str, str | None]] = {
    "Q227": ("Azerbaijan", "country", "Q227"),
    "Q43": ("Turkey", "country", "Q43"),
    "Q159": ("Russia", "country", "Q159"),
    "person:ilham_aliyev": ("Ilham Aliyev", "person", None),
    "person:viktor_lebedev": ("Viktor Lebedev", "person", None),
}

# Per article: actor id -> [(words as written, role)], every whole-word occurrence a mention.
MENTIONS: dict[str, dict[str, list[tuple[str, str]]]] = {
    RU_PACT: {
        "Q227": [("Азербайджан", "name"), ("Азербайджана", "name"), ("Баку", "metonym")],
        "Q43": [("Турция", "name"), ("Анкара", "metonym")],
        "Q159": [("Москве", "metonym"), ("Кремле", "metonym"), ("Россия", "name")],
        "person:ilham_aliyev": [("Президент Азербайджана", "title"), ("Ильхам Алиев", "name"),
                                ("Алиев", "name")],
    },
    RU_EXPERT: {
        "Q159": [("России", "name"), ("Москва", "metonym")],
        "Q43": [("Анкаре", "metonym"), ("Турция", "name")],
        "Q227": [("Азербайджану", "name")],
        "person:viktor_lebedev": [("Виктор Лебедев", "name"), ("Политолог", "title")],
    },
    EN_PACT: {
        "Q227": [("Azerbaijan", "name"), ("Baku", "metonym")],
        "Q43": [("Turkey", "name")],
        "Q159": [("Russia", "name"), ("Moscow", "metonym")],
        "person:viktor_lebedev": [("Viktor Lebedev", "name")],
    },
}

QUOTE = "«Мы не позволим Москве диктовать нам условия»"


def _mentions(text: str, forms: list[tuple[str, str]]) -> list[Mention]:
    found: list[Mention] = []
    for words, role in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):  # "Алиев" alone
                found.append(Mention(start=m.start(), end=m.end(), text=words, role=role))  # type: ignore[arg-type]
    return sorted(found, key=lambda m: (m.start, m.end))


def _relation(text: str, sentence: str, source: str, target: str, rtype: str,
              polarity: int) -> Relation:
    start = text.index(sentence)
    return Relation(start=start, end=start + len(sentence), text=sentence, source=source,
                    target=target, type=rtype, polarity=polarity, confidence=0.8)  # type: ignore[arg-type]


def _document(text: str, meta: Meta) -> Document:
    actors = [
        Actor(id=aid, name=ACTORS[aid][0], kind=ACTORS[aid][1], wikidata=ACTORS[aid][2],  # type: ignore[arg-type]
              mentions=_mentions(text, forms))
        for aid, forms in MENTIONS[text].items()
    ]
    meta.title = text.split("\n", 1)[0]
    return Document(id=document_id(text), text=text, meta=meta, actors=actors)


def documents() -> list[Document]:
    """The three articles: the Russian pact story, the Russian interview, the English story."""
    pact = _document(RU_PACT, Meta(outlet="Вестник Кавказа", published="2025-05-10",
                                   language="ru"))
    at = RU_PACT.index(QUOTE)
    pact.quotes.append(Quote(id="q0", kind="direct", speaker="person:ilham_aliyev", start=at,
                             end=at + len(QUOTE), text=QUOTE, actors=["Q159"]))
    pact.relations.append(_relation(
        RU_PACT, "Азербайджан и Турция подписали соглашение о союзе", "Q227", "Q43", "ALLY", 1))
    sentence = "В Кремле назвали соглашение угрозой."
    pact.relations.append(_relation(RU_PACT, sentence, "Q159", "Q227", "ACCUSE", -1))
    begin = RU_PACT.index(sentence)
    pact.stances.append(Stance(holder="outlet", target="Q159", sign=-1, score=-0.5,
                               evidence=[Offsets(start=begin, end=begin + len(sentence))]))
    expert = _document(RU_EXPERT, Meta(outlet="Вестник Кавказа", published="2025-05-12",
                                       language="ru"))
    # an unlisted person the Russian stage names as written: the store's label is the most used
    # name, ties to the Latin one
    expert.actor("person:viktor_lebedev").name = "Виктор Лебедев"  # type: ignore[union-attr]
    expert.relations.append(_relation(
        RU_EXPERT, "Турция предложила Азербайджану больше, чем Москва.", "Q43", "Q227",
        "COOPERATE", 1))
    english = _document(EN_PACT, Meta(outlet="Meridian Wire", published="2025-05-11",
                                      language="en"))
    english.relations.append(_relation(
        EN_PACT, "Russia criticised the pact", "Q159", "Q43", "DISAPPROVE", -1))
    return [Document.model_validate(d.model_dump()) for d in (pact, expert, english)]


def build_store(path: Path) -> list[Document]:
    """Write the corpus to a new DuckDB file at ``path``; returns the stored documents."""
    docs = documents()
    with Store(path) as store:
        store.add(docs)
    return docs
