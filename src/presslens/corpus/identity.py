"""One identity per real entity across a corpus, for actors without a Wikidata QID.

Inside an article the actor stage gives each actor an id (``person:barr``, ``person:bill_barr``);
across articles the same person comes under many ids, and one id under different people. Here
each actor of an article gets an *identity key*, a pure function of the article's own actors:

* an actor linked to Wikidata: its QID;
* a person: ``person:<given>_<surname>`` from the full name, with honorifics and titles before
  it, suffixes after it (Jr, III), middle names and initials, possessives and trailing lowercase
  words dropped, and the given name's hypocorism replaced by the formal name (Bob -> robert;
  ``data/en/hypocorisms.yaml``, ``data/en/name_parts.yaml``);
* a person named by surname alone (or initial and surname) takes the key of the one full name of
  the same article with that surname; with none (or several), it keeps to its article
  (``person:barr@<article>``): a bare surname is never merged across articles;
* any other actor: its kind and its name, case-folded, without a leading 'the', a possessive or
  trailing punctuation.

The store keeps the key and the reason with each actor row; the canonical id of a row is its
actor id when that id stands for one identity only and is no other identity's key (so a corpus
whose actors each come under one id keeps its ids), else the identity key (``store``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from presslens.lexicon import word_set, word_table
from presslens.metadata_dates import alternatives

SCOPE = "@"  # an id with it is kept to one article
SCOPE_CHARS = 12  # characters of the article id in an article-scoped identity
_QID = re.compile(r"^Q[0-9]+$")
# "The Kremlin": the article before an actor's name that is no person's (data/en/name_parts.yaml)
_LEADING_ARTICLE = re.compile(rf"^(?:{alternatives(word_set('name_parts', 'leading_articles'))})\s+", re.IGNORECASE)


@dataclass(frozen=True)
class ActorInfo:
    """What the identity of an actor is read from: its row, and the names its mentions use."""

    actor_id: str
    name: str
    kind: str
    wikidata: str | None = None
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Identity:
    key: str
    reason: str


@dataclass(frozen=True)
class PersonName:
    given: str | None  # lowercase, formal; None for a bare surname
    surname: str
    initial: bool  # the given name is only an initial
    dropped: tuple[str, ...]  # what was left out or replaced, for the reason

    @property
    def full(self) -> bool:
        return self.given is not None and not self.initial

    @property
    def key(self) -> str:
        return f"person:{_slug(self.given or '')}_{_slug(self.surname)}"


@cache
def _hypocorisms() -> dict[str, str]:
    return {k: str(v) for k, v in word_table("hypocorisms", "hypocorisms").items()}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _plain(text).casefold()).strip("_")


def _bare(token: str) -> str:
    return token.casefold().replace(".", "")


def parse_person(name: str) -> PersonName | None:
    """A person's name as (given, surname), or None when nothing of a name is left."""
    dropped: list[str] = []
    text = _plain(name).strip()
    tokens = [t.strip(",;:()[]\"") for t in text.split()]
    tokens = [t for t in tokens if any(ch.isalpha() for ch in t)]
    if tokens and re.search(r"'s?$", tokens[-1]):
        tokens[-1] = re.sub(r"'s?$", "", tokens[-1])
        dropped.append("possessive")
    while tokens and not tokens[-1][0].isupper():
        dropped.append(f"trailing {tokens.pop()!r}")
    honorifics = word_set("name_parts", "honorifics")
    while len(tokens) > 1 and _bare(tokens[0]) in honorifics:
        dropped.append(f"title {tokens.pop(0)!r}")
    suffixes = word_set("name_parts", "suffixes")
    while len(tokens) > 1 and _bare(tokens[-1]) in suffixes:
        dropped.append(f"suffix {tokens.pop()!r}")
    if not tokens:
        return None
    if len(tokens) == 1:
        return PersonName(None, tokens[0].casefold(), False, tuple(dropped))
    particles = word_set("name_parts", "particles")
    first_particle = next(
        (i for i in range(1, len(tokens) - 1) if _bare(tokens[i]) in particles), len(tokens) - 1
    )
    surname = " ".join(tokens[first_particle:]).casefold()
    middle = tokens[1:first_particle]
    if middle:
        dropped.append(f"middle {' '.join(middle)!r}")
    given = _bare(tokens[0]).replace("'", "")
    initial = len(given) <= 2 and tokens[0].replace(".", "").isupper()
    formal = _hypocorisms().get(given)
    if formal is not None and not initial:
        dropped.append(f"hypocorism {tokens[0]!r} -> {formal!r}")
        given = formal
    return PersonName(given, surname, initial, tuple(dropped))


def _is_person(actor: ActorInfo) -> bool:
    return actor.kind == "person" or actor.actor_id.startswith("person:")


def _full_name(actor: ActorInfo) -> tuple[PersonName, str] | None:
    """The full name the actor is best known by in its article: its own name's, else the most
    frequent among its mentions' (ties: the first in order of the name)."""
    own = parse_person(actor.name)
    if own is not None and own.full:
        return own, actor.name
    found: Counter[str] = Counter()
    parsed: dict[str, tuple[PersonName, str]] = {}
    for form in actor.forms:
        person = parse_person(form)
        if person is not None and person.full:
            found[person.key] += 1
            parsed.setdefault(person.key, (person, form))
    if not found:
        return None
    best = sorted(found, key=lambda k: (-found[k], k))[0]
    return parsed[best]


def _explain(person: PersonName, form: str) -> str:
    steps = f" ({'; '.join(person.dropped)})" if person.dropped else ""
    return f"full name {form!r} -> {person.given} {person.surname}{steps}"


def identities(article_id: str, actors: Iterable[ActorInfo]) -> dict[str, Identity]:
    """The identity of each actor of one article, by actor id."""
    actors = list(actors)
    result: dict[str, Identity] = {}
    full: dict[str, tuple[PersonName, str]] = {}
    for actor in actors:
        if actor.wikidata or _QID.match(actor.actor_id):
            result[actor.actor_id] = Identity(actor.wikidata or actor.actor_id, "Wikidata QID")
        elif _is_person(actor):
            best = _full_name(actor)
            if best is not None:
                full[actor.actor_id] = best
                result[actor.actor_id] = Identity(best[0].key, _explain(*best))
        else:
            prefix = actor.actor_id.split(":", 1)[0] if ":" in actor.actor_id else actor.kind
            name = _LEADING_ARTICLE.sub("", _plain(actor.name).strip())
            name = re.sub(r"'s?$", "", name).rstrip(" .,;:")
            result[actor.actor_id] = Identity(
                f"{prefix}:{_slug(name) or _slug(actor.actor_id)}", f"name {actor.name!r}"
            )
    for actor in actors:
        if actor.actor_id in result:
            continue
        person = parse_person(actor.name) or PersonName(None, _slug(actor.name), False, ())
        # the one full name of this article with this surname (and this initial)
        keys = {
            named.key: (named, form)
            for named, form in full.values()
            if named.surname == person.surname
            and (not person.initial or (named.given or "")[:1] == (person.given or "")[:1])
        }
        if len(keys) == 1:
            named, form = next(iter(keys.values()))
            result[actor.actor_id] = Identity(
                named.key, f"surname {actor.name!r} of {form!r} in the same article"
            )
        else:
            why = "several full names" if keys else "no full name"
            result[actor.actor_id] = Identity(
                f"{actor.actor_id}{SCOPE}{article_id[:SCOPE_CHARS]}",
                f"surname only ({actor.name!r}), {why} with it in the article: kept to its "
                "article, never merged across articles by surname",
            )
    return result
