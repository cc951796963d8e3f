"""Regions and cities as actors: where a subnational polity or a city stands for its government.

A region of the gazetteer (kind ``region``: a US state, a Canadian province, Crimea) is its
government where the sentence makes it act or be acted on: the subject of a verb ("Texas sued the
administration"), a possessor ("California's budget"), the object of a verb other than one of
place ("the administration sued California", not "Trump won Florida"), after "against", "with",
"by" ... ("a lawsuit against Texas"), or named with one of its bodies ("Texas officials",
"California's governor", "Indiana Gov. Mike Pence", "the governor of Ohio"). Elsewhere it is a
place ("a rally in Ohio", "Provo, Utah", "a Wisconsin high school", "the annexation of Crimea"),
and a region named only as a place is no actor. Its capital (Sacramento) follows the same rules
and then stands for the region's government.

A city is an actor only where it is named with its own government: "Chicago's mayor", "Dallas
police", "Miami officials", "the mayor of Kyiv", "the city of Chicago sued". A country's capital
before a city's own body ("London's mayor", "the Moscow police") is the city, not the state; before
"officials" or "authorities" it stays the state's ("Moscow officials"). The words are data:
``data/lexicons/local_government.yaml``.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from presslens.actors.candidate_names import clean_name
from presslens.actors.drafts import slug
from presslens.actors.gazetteer import Gazetteer
from presslens.actors.headlines import gazetteer_words
from presslens.actors.lexicons import LocalGovernmentWords
from presslens.actors.organisations import ORG_TRIGGER_WORDS
from presslens.lexicon import word_set
from presslens.model import MentionRole

if TYPE_CHECKING:
    from presslens.actors.drafts import ActorDraft
    from presslens.actors.stage import _Run

# "a trip to Texas", "moved to Ohio": "to" after a word of motion is a place
_MOTION_LEMMAS = word_set("places", "motion_words")
_MOTION_GOAL_PREPS = word_set("places", "motion_goal_preps")
# "the governor of Ohio", "the city of Chicago"
_GENITIVE_PREPS = word_set("places", "genitive_preps")
_CITY_NOUNS = word_set("places", "city_nouns")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# "New York City", "Kansas City", "Quebec City": a city's name, not the region's
_CITY_WORDS = word_set("places", "city_name_words")
# named entity labels a city or county may carry; ORG, FAC and LOC only for "X County" / "X City"
_CITY_SUFFIXES = word_set("places", "city_name_suffixes")


def government_noun_after(doc: Doc, end: int, nouns: Set[str], words: LocalGovernmentWords) -> bool:
    """Whether one of ``nouns`` comes right after the name ending at token ``end``, after its
    possessive and up to two skipped words, adjectives or lower-case noun modifiers
    ("Philadelphia's new mayor", "Texas state officials", "Indiana Gov.", "a Texas abortion
    law")."""
    i = end
    if i < len(doc) and (doc[i].tag_ == "POS" or doc[i].text in _POSSESSIVE):
        i += 1
    for _ in range(3):
        if i >= len(doc):
            return False
        for size in range(min(words.longest, len(doc) - i), 0, -1):
            phrase = " ".join(t.lower_ for t in doc[i : i + size])
            if phrase in nouns and (phrase not in words.capitalised_only or doc[i].text[:1].isupper()):
                return True
        tok = doc[i]
        modifier = tok.pos_ == "ADJ" or (tok.dep_ == "compound" and tok.text.islower())
        if not (tok.lower_ in words.skipped or modifier):
            return False  # "Texas abortion law" passes, "Texas GOP Sen." does not
        i += 1
    return False


def acts_as_polity(token: Token, words: LocalGovernmentWords) -> bool:
    """Whether a name with ``token`` as head stands where one who acts stands (``_acts``)."""
    return _acts(token, words, words.region_nouns)


def _acts(token: Token, words: LocalGovernmentWords, nouns: Set[str], depth: int = 0) -> bool:
    """Whether a polity whose name has ``token`` as head stands where a government acts (see the
    module text)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Texas and California sued": the first conjunct's place
    dep = token.dep_
    if dep == "poss" or any(c.tag_ == "POS" for c in token.children):
        return True
    if dep in ("nsubj", "nsubjpass"):
        return True
    if dep in ("dobj", "dative"):
        return token.head.lemma_.lower() not in words.place_verbs
    if dep != "pobj":
        return False
    prep = token.head
    word = prep.lower_
    if word in _GENITIVE_PREPS:
        head = prep.head
        if head.lower_ in nouns:
            return True  # "the governor of Ohio", "the mayor of Kyiv"
        if head.lower_ in words.polity_nouns and depth == 0:
            return _acts(head, words, nouns, depth + 1)  # "the state of Texas sued"
        return False
    if word in _MOTION_GOAL_PREPS and prep.head.lemma_.lower() in _MOTION_LEMMAS:
        return False
    return word in words.acting_prepositions


def _city_and_state(span: Span) -> bool:
    """"Provo, Utah", "Houston, Texas": a region named after a city and a comma is where it is."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    before = doc[span.start - 2]
    return before.pos_ == "PROPN" and before.text[:1].isupper() and span.root.dep_ != "conj"


def region_role(span: Span, words: LocalGovernmentWords, capital: bool) -> MentionRole:
    """The role of a region's name (``capital``: its capital's) at ``span``: the region's
    government ("name", or "metonym" for a capital) or a place."""
    acting: MentionRole = "metonym" if capital else "name"
    doc = span.doc
    if government_noun_after(doc, span.end, words.region_nouns, words):
        return acting
    if _city_and_state(span):
        return "place"
    return acting if _acts(span.root, words, words.region_nouns) else "place"


def city_governed(span: Span, words: LocalGovernmentWords, nouns: Set[str]) -> bool:
    """Whether the city or county named at ``span`` stands for its government: before one of
    ``nouns``, after one of them and "of" ("the mayor of Kyiv"), or as "the city of X" where the
    city acts ("the city of Chicago sued")."""
    doc = span.doc
    if government_noun_after(doc, span.end, nouns, words):
        return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _GENITIVE_PREPS:
        head = root.head.head
        if head.lower_ in nouns:
            return True
        if head.lower_ in _CITY_NOUNS:
            return _acts(head, words, nouns, depth=1)
    return False


def inside_a_citys_name(span: Span) -> bool:
    """A region's name inside a city's: "New York City", "Kansas City", "Quebec City"."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in _CITY_WORDS


def inside_an_organisations_name(span: Span, gazetteer: Gazetteer) -> bool:
    """A city's name inside an organisation's ("King's College London", "the London School of
    Economics"): the named entity around it is an organisation's, with a noun of what organisations
    are called ("college", "school") and a capitalised word of its own that no gazetteer name
    holds. Not a possessor ("Yerevan's Zvartnots airport")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return False
    outer = _entity_around(span)
    if outer is None or len(outer) <= len(span) or outer.label_ not in ("ORG", "FAC"):
        return False
    own = [t for t in outer if not span.start <= t.i < span.end]
    known = gazetteer_words(gazetteer)
    return any(t.lower_ in ORG_TRIGGER_WORDS for t in own) and any(
        t.text[:1].isupper() and t.is_alpha and t.lower_ not in known for t in own)


def _entity_around(span: Span) -> Span | None:
    """The named entity holding the whole of ``span``, read off the tokens' IOB tags (``doc.ents``
    builds every entity's span anew on each call: this is asked for hundreds of names an
    article)."""
    doc = span.doc
    first = doc[span.start]
    if first.ent_iob_ == "O" or not first.ent_type_:
        return None
    start = span.start
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = span.start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if span.end > end:
        return None
    return Span(doc, start, end, label=doc[start].ent_type_)


def city_draft(run: _Run, name: str) -> ActorDraft:
    """The draft of the city (or county) called ``name``: kind region, id ``city:<name>``."""
    return run.draft_for(f"city:{slug(name)}", name, "region")


def add_cities(run: _Run, words: LocalGovernmentWords) -> None:
    """Cities and counties the gazetteer does not know (named entities: places, or organisations
    and facilities called "X County" / "X City") where they are named with their own
    government."""
    nouns = words.city_nouns | words.local_nouns
    for ent in run.ents:
        if ent.label_ != "GPE" and not (ent.label_ in ("ORG", "FAC", "LOC")
                                        and ent[-1].text in _CITY_SUFFIXES):
            continue
        cleaned = clean_name(run, ent)
        if cleaned is None:
            continue
        span, _ = cleaned
        if not run._free(span) or not all(t.text[:1].isupper() for t in span if t.is_alpha):
            continue
        if city_governed(span, words, nouns):
            run._claim(city_draft(run, span.text), span, "name")
