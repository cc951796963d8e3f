"""The names the gazetteer knows, found in the text: each match becomes a mention of its entry,
and the publishing outlet's own name a mention of the outlet.

A match's role depends on how the text uses it: a capital is the state's government ("Moscow
insisted", "the Moscow leadership") or a place ("a conference in Moscow", "a trip to Moscow");
a capital inside another name is neither ("the Budapest Memorandum", "King's College London"),
nor is a region or organisation inside a person's name ("Virginia Foxx").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from presslens.actors.candidate_names import PLACE_PREPOSITIONS
from presslens.actors.drafts import slug
from presslens.actors.gazetteer import Entry
from presslens.actors.lone_names import inside_another_name, inside_person_entity
from presslens.actors.matcher import GazetteerMatch
from presslens.actors.regions import (
    city_draft,
    city_governed,
    inside_a_citys_name,
    inside_an_organisations_name,
    region_role,
)
from presslens.lexicon import word_set
from presslens.model import MentionRole

if TYPE_CHECKING:
    from presslens.actors.stage import _Run


# A capital naming a document or a negotiating format ("the Minsk accords") is not the state.
_DOCUMENT_NOUNS = word_set("places", "capital_document_nouns")
# "to"/"from" a capital are places after motion words ("a trip to Moscow", "returned from Baku").
_MOTION_LEMMAS = word_set("places", "motion_words")
_MOTION_PREPS = word_set("places", "motion_preps")
# A capital modifying these nouns stands for its government ("the Moscow leadership").
_GOVERNMENT_NOUNS = word_set("places", "capital_government_nouns")
# "a Moscow-based think tank": a place
_ORIGIN_PARTICIPLES = word_set("places", "origin_participles")
# "the Gulf of Aden": a body of water's name
_WATER_NAMES = word_set("places", "water_names")
_GENITIVE_PREPS = word_set("places", "genitive_preps")


def add_gazetteer_matches(run: _Run, matches: list[GazetteerMatch]) -> None:
    countries = {(side, at): m.entry for m in matches if m.entry.kind == "country"
                 for side, at in (("start", m.start), ("end", m.end))}
    for match in matches:
        span = run.sdoc[match.start : match.end]
        if _another_states_body(run, match, countries):
            continue  # "the Congress of Peru": a body of Peru (actors/bodies.py), not the US one
        region = match.entry.kind == "region"
        city = match.surface in ("capital", "city")  # a city of the state, its seat or another
        if match.entry.kind not in ("country", "region") and city:
            continue
        if region and inside_a_citys_name(span):
            continue  # "New York City", "Kansas City": the city's name
        if _inside_a_waters_name(span):
            continue  # "the Gulf of Aden", "the Gulf of Finland": a sea's name
        if (match.entry.kind in ("region", "organization") or match.surface == "city") and inside_person_entity(span):
            continue  # "Virginia Foxx", "Stanford Franklin": a person's name
        if city and city_governed(span, run.x.local_words, run.x.local_words.city_nouns):
            # "London's mayor", "the Moscow police": the city's own government
            run._claim(city_draft(run, span.text), span, "name")
            continue
        after = run.sdoc[match.end] if match.end < len(run.sdoc) else None
        if city and after is not None and after.lower_ in _DOCUMENT_NOUNS:
            continue  # "the Budapest Memorandum", "the Minsk accords": a document's name
        if city and inside_an_organisations_name(span, run.x.gazetteer):
            continue  # "King's College London": the organisation's name, not the city
        if match.entry.kind == "person" and inside_another_name(span, run.x.title_words):
            continue  # "Melania Trump", "Donald Trump Jr.": left to the person stage
        role: MentionRole
        if region and match.surface in ("name", "capital"):
            role = region_role(span, run.x.local_words, capital=match.surface == "capital")
        elif match.surface == "capital":
            role = _capital_role(span)
        elif match.surface == "city":
            role = "place"  # a city that is not the seat of government never stands for it
        elif match.surface == "seat":
            role = "metonym"
        elif match.surface in ("demonym", "acronym"):
            role = match.surface
        else:
            role = "name"
        run._claim(run._draft_for_entry(match.entry), span, role)


def _another_states_body(run: _Run, match: GazetteerMatch,
                         countries: dict[tuple[str, int], Entry]) -> bool:
    """A state's institution named by a bare word of its own ("Congress") with another country
    before it ("Brazil's Congress", "the Brazilian Congress") or after "of" or "in" ("the
    Congress of Peru", "the Congress in Japan"): that country's body (``countries``: the
    gazetteer's country matches by ("start", first token) and ("end", token after))."""
    entry = match.entry
    if entry.kind != "institution" or not entry.affiliation or match.end - match.start != 1:
        return False
    tokens = run.tokens
    before = match.start - 1
    if before >= 0 and tokens[before].tag_ == "POS":
        before -= 1
    other = countries.get(("end", before + 1)) if before >= 0 else None
    i = match.end
    nouns = run.x.body_nouns
    if other is None and i < len(tokens) and tokens[i].lower_ in nouns.state_preps | nouns.seat_preps:
        i += 1
        if i < len(tokens) and tokens[i].lower_ in nouns.definite:
            i += 1
        other = countries.get(("start", i))
    return other is not None and other.qid != entry.affiliation


def add_outlet(run: _Run) -> None:
    outlet = (run.doc.meta.outlet or "").strip()
    if not outlet:
        return
    entry = run.x.entries_by_name.get(outlet.lower())
    if entry is not None and entry.kind != "media":
        return
    if entry is not None:
        draft = run._draft_for_entry(entry)
    else:
        key = f"media:{slug(outlet)}"
        draft = run.draft_for(key, outlet, "media")
    pattern = re.compile(r"(?<!\w)" + re.escape(outlet) + r"(?!\w)")
    for m in pattern.finditer(run.text):
        span = run.sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and run._free(span):
            run._claim(draft, span, "name")


def _capital_role(span: Span) -> MentionRole:
    """Is a capital the state's government ("Moscow insisted") or a place ("in Moscow")?"""
    root = span.root
    if any(child.tag_ == "POS" for child in root.children):
        return "metonym"  # "Moscow's position"
    dep = root.dep_
    if dep == "conj":
        first = root
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first is not root:
            dep, root = first.dep_, first
    if dep == "pobj":
        prep = root.head
        word = prep.lower_
        if word in PLACE_PREPOSITIONS:
            return "place"
        if word in _MOTION_PREPS and prep.head.lemma_.lower() in _MOTION_LEMMAS:
            return "place"
        return "metonym"
    if dep == "compound":
        return "metonym" if root.head.lemma_.lower() in _GOVERNMENT_NOUNS else "place"
    if dep in ("npadvmod", "nmod") and root.head.lower_ in _ORIGIN_PARTICIPLES:
        return "place"
    return "metonym"


def _inside_a_waters_name(span: Span) -> bool:
    """A name after "Gulf of", "Bay of", "Sea of", "Strait of": part of a body of water's name."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ in _GENITIVE_PREPS and (
        doc[span.start - 2].text in _WATER_NAMES)
