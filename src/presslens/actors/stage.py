"""The English actor stage: the driver that runs every pass over one parsed article, and the
state the passes share.

Each pass is a function of the run (``_Run``) in a module of its own: gazetteer matches and the
outlet (``gazetteer_mentions``), people and surnames (``people``), ministries, state bodies,
cities, organisations, acronyms, communities, role nouns and pronouns. The order matters: a pass
claims tokens, and later passes leave claimed tokens alone or refer back to what earlier ones
found ("the ministry", "the expert", "he"). The run holds the drafts and who owns each token.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import ClassVar

import numpy as np
from spacy.attrs import DEP, IS_ALPHA, IS_LOWER, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from presslens.actors.acronyms import add_defined_acronyms
from presslens.actors.bodies import BodyIndex, add_state_bodies
from presslens.actors.candidate_names import HONORIFICS
from presslens.actors.communities import add_communities
from presslens.actors.datelines import outside_dateline_places
from presslens.actors.drafts import ActorDraft
from presslens.actors.drafts import slug as _slug  # (russian*.py import it from here too)
from presslens.actors.gazetteer import Entry, Gazetteer
from presslens.actors.gazetteer_mentions import add_gazetteer_matches, add_outlet
from presslens.actors.gender import entry_gender
from presslens.actors.headlines import normalise_headlines
from presslens.actors.lexicons import (
    communities,
    local_government_words,
    lone_name_cues,
    non_actors,
    person_titles,
    state_body_nouns,
)
from presslens.actors.longer_names import trim_longer_names
from presslens.actors.matcher import GazetteerMatcher
from presslens.actors.ministries import add_ministries
from presslens.actors.offices import OfficeTerms, publication_date
from presslens.actors.organisations import add_organisations
from presslens.actors.people import add_acting_names, add_people, add_surnames
from presslens.actors.plural_names import add_plural_names
from presslens.actors.pronouns import add_pronouns
from presslens.actors.regions import add_cities
from presslens.actors.role_nouns import add_role_nouns
from presslens.actors.unlisted_places import is_unlisted_place
from presslens.model import Actor, ActorKind, Document, Mention, MentionRole
from presslens.nlp import load_nlp
from presslens.textutil import quoted_regions


class ActorExtractor:
    """Extract actors from one parsed article. Build once per gazetteer; ``extract`` is pure."""

    _cache: ClassVar[dict[int, tuple[Gazetteer, ActorExtractor]]] = {}

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = GazetteerMatcher(load_nlp(), gazetteer)
        self.titles = person_titles()
        self.non_actors = non_actors()
        self.lone_name_cues = lone_name_cues()
        self.title_words = self.titles.every_title | set(HONORIFICS)
        self.body_nouns = state_body_nouns()
        self.bodies = BodyIndex(gazetteer)
        self.local_words = local_government_words()
        self.communities = communities()
        # person entries by (role, affiliation) for "the Russian president"
        self.office_holders: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self.entries_by_name: dict[str, Entry] = {}
        self.offices = OfficeTerms(gazetteer)  # who held an office on a given day
        for entry in gazetteer:
            for role in entry.roles:
                if entry.affiliation:
                    self.office_holders[(role.lower(), entry.affiliation)].append(entry)
            for name in (entry.name, *entry.names):
                self.entries_by_name.setdefault(name.lower(), entry)

    @classmethod
    def for_gazetteer(cls, vocab: object, gazetteer: Gazetteer) -> ActorExtractor:
        cached = cls._cache.get(id(gazetteer))
        if cached is None or cached[0] is not gazetteer:
            cached = (gazetteer, cls(gazetteer))
            cls._cache[id(gazetteer)] = cached
        return cached[1]

    # ------------------------------------------------------------------ driver
    def extract(self, doc: Document, sdoc: Doc) -> list[Actor]:
        normalise_headlines(sdoc, self.gazetteer, doc.text)  # "Adam Schiff Threatens": a name and a verb
        run = _Run(self, doc, sdoc)
        add_gazetteer_matches(run, self.matcher(sdoc))
        add_outlet(run)
        add_people(run)
        trim_longer_names(run)  # "Ilhan Omar Defends Tweet" where the article names Ilhan Omar
        add_surnames(run)
        add_ministries(run)
        add_state_bodies(run, self.body_nouns, self.bodies)  # "the Senate", "the administration"
        add_cities(run, self.local_words)  # "Chicago's mayor", "Dallas police"
        add_organisations(run)
        add_defined_acronyms(run)  # "the Federation for American Immigration Reform (FAIR)"
        add_communities(run, self.communities)  # "Muslims", "the Latino community"
        add_plural_names(run)  # "the Rams are expected", "the Jets' offer"
        add_acting_names(run)  # "Picard had accused", "Rubio and Pompeo"
        add_role_nouns(run)
        add_pronouns(run)
        return run.actors()


# the dependencies by which a name modifies the noun after it ("the Oreshnik missile")
_MODIFIER_DEPS = np.array([get_string_id(d) for d in ("compound", "nmod", "amod")], dtype=np.uint64)


@cache
def _string_ids(words: frozenset[str]) -> np.ndarray:
    """The hashes spaCy's arrays hold for ``words`` (made once per word list)."""
    return np.array([get_string_id(w) for w in sorted(words)], dtype=np.uint64)


class _Run:
    """State of one extraction: drafts by key and the tokens already claimed by a mention."""

    def __init__(self, extractor: ActorExtractor, doc: Document, sdoc: Doc) -> None:
        self.x = extractor
        self.doc = doc
        self.sdoc = sdoc
        self.text = doc.text
        self.drafts: dict[str, ActorDraft] = {}
        self.taken: set[int] = set()
        self.token_owner: dict[int, str] = {}
        self.quoted = quoted_regions(doc.text)
        self.when = publication_date(doc.meta.published)  # titles resolve to the holder then
        # Iterating a Doc builds new Token objects every time; the stage walks the tokens
        # several times, so it builds them once.
        self.tokens: list[Token] = list(sdoc)
        self.name_runs: list[Span] | None = None  # runs of proper nouns (people.py), read once
        # the named entities, read by several passes: Doc.ents builds new spans on every read
        # (but for the place a dateline names: "MINSK, 12 December" is where it was filed)
        self.ents: tuple[Span, ...] = outside_dateline_places(tuple(sdoc.ents), doc.text, doc.meta)
        self._thing_names: frozenset[str] | None = None
        self._lowercase_words: frozenset[int] | None = None

    @property
    def lowercase_words(self) -> frozenset[int]:
        """The words (hashes of their lower-case form) the article writes in lower case
        somewhere: one of them capitalised only because it opens a sentence ("- Blackmail is when
        ..." after "Western politicians call this blackmail") is that common word, not a name."""
        if self._lowercase_words is None:
            lowered = self.sdoc.to_array([LOWER, IS_LOWER, IS_ALPHA])
            written = lowered[(lowered[:, 1] == 1) & (lowered[:, 2] == 1), 0]
            self._lowercase_words = frozenset(written.tolist())
        return self._lowercase_words

    @property
    def thing_names(self) -> frozenset[str]:
        """Proper nouns the article uses to name a thing: those that modify a noun of
        ``non_actors.head_nouns`` somewhere in it ("the Oreshnik missile system", "the Zangezur
        corridor"). Alone elsewhere ("In Warsaw the deployment of Oreshnik was called a
        threat", a headline's "Oreshnik cools hot heads") the word names the same thing. Not
        the nouns for what a person leads ("the Clinton campaign")."""
        if self._thing_names is None:
            heads = _string_ids(self.x.non_actors.head_nouns - self.x.lone_name_cues.led_nouns)
            arrays = self.sdoc.to_array([POS, DEP, LOWER])
            if len(arrays) < 2:
                self._thing_names = frozenset()
                return self._thing_names
            found = (
                (arrays[:-1, 0] == PROPN)
                & np.isin(arrays[:-1, 1], _MODIFIER_DEPS)
                & np.isin(arrays[1:, 2], heads)
            )
            self._thing_names = frozenset(self.tokens[i].text for i in np.flatnonzero(found).tolist())
        return self._thing_names

    # ------------------------------------------------------------- helpers
    def draft_for(self, key: str, name: str, kind: ActorKind) -> ActorDraft:
        """The draft of ``key``, made (named ``name``, of ``kind``, no QID) when first asked."""
        draft = self.drafts.get(key)
        if draft is None:
            draft = ActorDraft(key, name, kind, None)
            self.drafts[key] = draft
        return draft

    def _draft_for_entry(self, entry: Entry) -> ActorDraft:
        draft = self.drafts.get(entry.key)
        if draft is None:
            draft = ActorDraft(entry.key, entry.name, entry.kind, entry.qid, entry,
                               gender=entry_gender(entry))
            draft.roles.update(self.x.offices.roles_at(entry, self.when))
            self.drafts[entry.key] = draft
        return draft

    def _claim(self, draft: ActorDraft, span: Span, role: MentionRole) -> None:
        draft.add(span.start_char, span.end_char, role)
        for i in range(span.start, span.end):
            self.taken.add(i)
            self.token_owner[i] = draft.key

    def _free(self, span: Span) -> bool:
        return not any(i in self.taken for i in range(span.start, span.end))

    def _in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    def _release(self, owner: str, token_i: int) -> None:
        draft = self.drafts[owner]
        tok = self.sdoc[token_i]
        for key in [k for k in draft.mentions if k[0] <= tok.idx < k[1]]:
            del draft.mentions[key]
        self.taken.discard(token_i)
        self.token_owner.pop(token_i, None)

    # ------------------------------------------------------------- output
    def _id_of(self, draft: ActorDraft) -> str:
        """The draft's key, but for an unlisted person first named by surname alone ("Political
        scientist Semyonov: ..." above "Igor Semyonov said"): the id follows the full name the
        text gives later, as when the full name comes first, so that one person has one id
        whatever the order of the names (unless another actor already holds that id)."""
        if draft.kind != "person" or draft.entry is not None or not draft.key.startswith("person:"):
            return draft.key
        full = f"person:{_slug(draft.name)}"
        return full if full == draft.key or full not in self.drafts else draft.key

    def actors(self) -> list[Actor]:
        actors = []
        for draft in self.drafts.values():
            if not draft.mentions:
                continue
            # a person known only as "he" cannot be an actor; "the Russian president" can,
            # because the gazetteer says who holds the office
            if draft.entry is None and all(r in ("pronoun", "title") for r in draft.mentions.values()):
                continue
            # a region or city named only as a place ("a rally in Ohio") is no actor, nor an
            # unlisted name used only as one ("towns in Kordofan")
            if draft.kind == "region" and all(r == "place" for r in draft.mentions.values()):
                continue
            if is_unlisted_place(self, draft):
                continue
            # a title the recogniser took for an organisation ("an adviser to Iran's Supreme
            # Leader"): an office, not a body
            if draft.entry is None and draft.kind == "organization" and (
                    draft.name.lower() in self.x.titles.all):
                continue
            mentions = [
                Mention(start=s, end=e, text=self.text[s:e], role=role)
                for (s, e), role in sorted(draft.mentions.items())
            ]
            actors.append(
                Actor(id=self._id_of(draft), name=draft.name, wikidata=draft.qid, kind=draft.kind,
                      mentions=mentions)
            )
        actors.sort(key=lambda a: (a.mentions[0].start, a.id))
        return actors
