"""Office-holders by date: "the British prime minister" is whoever held the office on the day the
article was published (gazetteer/terms/offices.yaml), not today's holder.

A title with a state or body ("the US president", "the UN secretary-general") resolves:
- for an office with recorded terms: in a dated article, to the holder on the publication date
  (nobody on a day no recorded term covers); in an undated one, to the one holder of the office
  the article itself names, else to nobody;
- for an office without recorded terms (the entries' ``roles``, which hold for 2025): in a dated
  article, to the role's holder as before; in an undated one, only to a holder the article names.
A person's own role nouns follow the same dates: in a 2006 article Donald Trump is no "president".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from presslens.actors.gazetteer import GAZETTEER_PACKAGE, Entry, Gazetteer
from presslens.actors.lone_names import short_forms

if TYPE_CHECKING:
    from presslens.actors.drafts import ActorDraft
    from presslens.actors.stage import _Run

TERMS_FILE = "terms/offices.yaml"


@dataclass(frozen=True)
class Term:
    """One holder's term of one office: ``start`` inclusive, ``end`` exclusive (None: in office)."""

    holder: str  # the holder's canonical gazetteer name
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Office:
    label: str
    of: str  # QID of the state or body
    titles: tuple[str, ...]
    terms: tuple[Term, ...]
    abolished: dt.date | None = None  # the day the office ended (West Germany's chancellor)


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise ValueError(f"{TERMS_FILE}: {where}: not a date: {value!r}") from err


def parse_offices(raw: Any) -> list[Office]:
    offices = []
    for item in raw or []:
        terms = []
        for holder in item["holders"]:
            name, start, end = holder
            first = _date(start, f"{item['office']}, {name}")
            if first is None:
                raise ValueError(f"{TERMS_FILE}: {item['office']}, {name}: no start date")
            terms.append(Term(name, first, _date(end, f"{item['office']}, {name}")))
        offices.append(Office(item["office"], item["of"], tuple(item["titles"]), tuple(terms),
                              _date(item.get("abolished"), item["office"])))
    return offices


@lru_cache(maxsize=1)
def shipped_offices() -> tuple[Office, ...]:
    text = resources.files(GAZETTEER_PACKAGE).joinpath(TERMS_FILE).read_text(encoding="utf-8")
    return tuple(parse_offices(yaml.safe_load(text)))


def publication_date(published: str | None) -> dt.date | None:
    """The day an ISO 8601 ``published`` value names (a month alone: its 15th), else None."""
    if not published:
        return None
    text = published.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:7] + "-15")
    except ValueError:
        return None


class OfficeTerms:
    """The recorded terms, by (title, state) and by holder, for one gazetteer."""

    def __init__(self, gazetteer: Gazetteer, offices: tuple[Office, ...] | None = None) -> None:
        by_name = {e.name: e for e in gazetteer if e.kind == "person"}
        self.terms: dict[tuple[str, str], list[tuple[Term, Entry]]] = defaultdict(list)
        self.by_holder: dict[str, list[tuple[str, str, Term]]] = defaultdict(list)
        for office in shipped_offices() if offices is None else offices:
            for term in office.terms:
                entry = by_name.get(term.holder)
                if entry is None:
                    continue  # a holder the gazetteer lacks (tests check there is none)
                for title in office.titles:
                    self.terms[(title, office.of)].append((term, entry))
                    self.by_holder[entry.key].append((title, office.of, term))

    def tracked(self, title: str, of: str) -> bool:
        return (title, of) in self.terms

    def holders_at(self, title: str, of: str, day: dt.date) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for term, entry in self.terms.get((title, of), []):
            if term.covers(day):
                seen.setdefault(entry.key, entry)
        return list(seen.values())

    def holders(self, title: str, of: str) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for _term, entry in self.terms.get((title, of), []):
            seen.setdefault(entry.key, entry)
        return list(seen.values())

    def roles_at(self, entry: Entry, day: dt.date | None) -> set[str]:
        """The role nouns of ``entry`` on ``day``: its listed roles, less the titles of recorded
        offices it did not hold that day, plus those it did (undated: the listed roles)."""
        roles = {r.lower() for r in entry.roles}
        if day is None:
            return roles
        terms = self.by_holder.get(entry.key, [])
        held = {title for title, _of, term in terms if term.covers(day)}
        ever = {title for title, _of, _term in terms}
        tracked_here = {r for r in roles if entry.affiliation and self.tracked(r, entry.affiliation)}
        return (roles - ever - tracked_here) | held
        return roles


def office_holder(run: _Run, title: str, of: str) -> ActorDraft | None:
    """The person "the <state's> <title>" stands for in this article (see the module doc)."""
    offices: OfficeTerms = run.x.offices
    day = run.when
    if offices.tracked(title, of):
        if day is not None:
            holders = offices.holders_at(title, of, day)
        else:
            holders = [e for e in offices.holders(title, of) if e.key in run.drafts]
        if len(holders) == 1:
            return run._draft_for_entry(holders[0])
        named = [run.drafts[e.key] for e in holders if e.key in run.drafts]
        return named[0] if len(named) == 1 else None
    listed = run.x.office_holders.get((title, of), [])
    if day is not None and len(listed) == 1:
        return run._draft_for_entry(listed[0])
    named = [run.drafts[e.key] for e in listed if e.key in run.drafts]
    return named[0] if len(named) == 1 else None



def continuing_forms(draft: ActorDraft) -> set[str]:
    """The one-word forms that continue this person's full name in the article: the short forms
    of the name, its last word included (for a listed person only once the article has named
    them: an entry lists among its ``names`` only the bare surnames that point to it anywhere, so
    "Petro" is not one of Gustavo Petro's, but after "Gustavo Petro" it is him), plus the entry's
    ``short_names`` then ("Johnson" after "Boris Johnson", not before)."""
    if draft.entry is None:
        return short_forms(draft.name)
    forms = short_forms(draft.name, last_word=False)
    if "name" in draft.mentions.values():
        forms.update(short_forms(draft.name))
        forms.update(draft.entry.short_names)
    return forms
