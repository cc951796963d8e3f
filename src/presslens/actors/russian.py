"""The Russian actor stage: gazetteer labels by lemma, metonyms, adjectives and demonyms,
ministries and state bodies, organisations and outlets, then people, titles and pronouns
(``russian_people``). Same ids as the English stage: the entry's QID or key, ``person:<slug>`` of
the Latin transliteration for unlisted people, so a Russian article and its English translation
share actors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import ClassVar

from spacy.tokens import Doc, Token

from presslens.actors.gazetteer import Entry, Gazetteer
from presslens.actors.offices import OfficeTerms, publication_date
from presslens.actors.russian_lexicon import (
    ActorWords,
    actor_words,
    fold,
    latin,
    russian_labels,
)
from presslens.actors.russian_matcher import LemmaMatcher, PhraseMatch, RussianTokens
from presslens.actors.stage import _slug
from presslens.model import Actor, ActorKind, Document, Mention, MentionRole
from presslens.textutil import quoted_regions

# When two labels cover the same words, the earlier kind in this order wins.
_SURFACES = ("name", "seat", "acronym", "capital", "demonym")
_STATE_KINDS = frozenset({"country", "alliance", "organization", "region"})


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= len(letters) - 1 \
        and " " not in form


@dataclass
class Draft:
    key: str
    name: str
    kind: ActorKind
    qid: str | None
    entry: Entry | None = None
    mentions: dict[tuple[int, int], MentionRole] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)  # role phrases (lemmas) that introduced it
    gender: str = ""  # "m", "f" or "" when unknown
    surname_keys: frozenset[str] = frozenset()  # an unlisted person's surname, as matcher keys
    affiliation: str | None = None  # a body's state (its id): "глава МИД России" is Russia's

    def add(self, start: int, end: int, role: MentionRole) -> None:
        self.mentions.setdefault((start, end), role)


class RussianActorIndex:
    """Everything built once per gazetteer: the label matcher, the word-list matcher, offices."""

    _cache: ClassVar[dict[int, tuple[Gazetteer, RussianActorIndex]]] = {}

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.words: ActorWords = actor_words()
        by_name = {e.name: e for e in gazetteer}
        self.labels: LemmaMatcher[tuple[Entry, str]] = LemmaMatcher()
        self.references: LemmaMatcher[Entry] = LemmaMatcher()
        for surface in _SURFACES:  # earlier surfaces are added first and win ties
            for labels in russian_labels():
                entry = gazetteer.get(labels.key) or by_name.get(labels.key)
                if entry is None:
                    continue
                forms = {"name": labels.names, "seat": labels.seats, "acronym": labels.acronyms,
                         "capital": labels.capitals,
                         "demonym": (*labels.demonyms, *labels.adjectives)}[surface]
                for form in forms:
                    # an all-capitals name ("США", "КНР") is an acronym: matched as written
                    kind = "acronym" if surface == "name" and _is_acronym(form) else surface
                    self.labels.add(form, (entry, kind), exact=kind == "acronym")
                if surface == "name":
                    for form in labels.references:
                        self.references.add(form, entry)
        # ministries and bodies, and role phrases, in two matchers: "представитель МИД
        # Белоруссии" is a role phrase and a ministry at once. Payload: (kind, lemma key)
        self.bodies: LemmaMatcher[tuple[str, str]] = LemmaMatcher()
        self.titles: LemmaMatcher[tuple[str, str]] = LemmaMatcher()
        for kind, phrases in (("ministry", self.words.ministries), ("body", self.words.bodies)):
            for phrase in phrases:
                self.bodies.add(phrase, (kind, phrase))
        for phrase in self.words.titles:
            self.titles.add(phrase, ("title", phrase))
        self.offices = OfficeTerms(gazetteer)
        self.office_holders: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self.ministries: dict[tuple[str, str], Entry] = {}
        for entry in gazetteer:
            if entry.affiliation:
                for role in entry.roles:
                    self.office_holders[(role.lower(), entry.affiliation)].append(entry)
                if entry.kind == "institution":
                    for department in set(self.words.ministries.values()):
                        if department.lower()[:5] in entry.name.lower():
                            self.ministries.setdefault((entry.affiliation, department), entry)

    @classmethod
    def for_gazetteer(cls, gazetteer: Gazetteer) -> RussianActorIndex:
        cached = cls._cache.get(id(gazetteer))
        if cached is None or cached[0] is not gazetteer:
            cached = (gazetteer, cls(gazetteer))
            cls._cache[id(gazetteer)] = cached
        return cached[1]


def extract_russian_actors(doc: Document, sdoc: Doc, gazetteer: Gazetteer) -> list[Actor]:
    """The actors of a Russian article, mentions ordered by offset, one actor per entity."""
    from presslens.actors.russian_people import add_people, add_pronouns, add_titles

    run = RussianRun(RussianActorIndex.for_gazetteer(gazetteer), doc, sdoc)
    run.add_gazetteer_labels()
    run.add_outlets()
    run.add_state_bodies()
    add_people(run)
    run.add_organisations()
    run.add_references()
    add_titles(run)
    add_pronouns(run)
    return run.actors()


class RussianRun:
    """One article's extraction: drafts by key and which word tokens a mention has taken."""

    def __init__(self, index: RussianActorIndex, doc: Document, sdoc: Doc) -> None:
        self.x = index
        self.words = index.words
        self.doc = doc
        self.text = doc.text
        self.tokens = RussianTokens(sdoc)
        self.drafts: dict[str, Draft] = {}
        self.owner: dict[int, str] = {}  # word index -> key of the draft whose mention took it
        self.quoted = quoted_regions(doc.text)
        self.when = publication_date(doc.meta.published)
        self.bodies = index.bodies.find(self.tokens)
        self.phrases = index.titles.find(self.tokens)
        self.entity_of: dict[int, tuple[int, int, str]] = {}  # word -> its NER entity span
        for ent in sdoc.ents:
            words = [self.tokens.position[t.i] for t in ent if t.i in self.tokens.position]
            if words:
                for n in words:
                    self.entity_of[n] = (words[0], words[-1] + 1, ent.label_)

    # ------------------------------------------------------------------ helpers
    def draft_for_entry(self, entry: Entry) -> Draft:
        draft = self.drafts.get(entry.key)
        if draft is None:
            gender = {"female": "f", "male": "m"}.get(entry.gender or "", "")
            draft = Draft(entry.key, entry.name, entry.kind, entry.qid, entry, gender=gender,
                          affiliation=entry.affiliation)
            draft.roles.update(r.lower() for r in self.x.offices.roles_at(entry, self.when))
            self.drafts[entry.key] = draft
        return draft

    def draft_for(self, key: str, name: str, kind: ActorKind) -> Draft:
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = Draft(key, name, kind, None)
        return draft

    def claim(self, draft: Draft, start: int, end: int, role: MentionRole) -> None:
        """Give words ``start:end`` to ``draft`` as one mention."""
        s, e = self.tokens.span_chars(start, end)
        draft.add(s, e, role)
        for n in range(start, end):
            self.owner.setdefault(n, draft.key)

    def free(self, start: int, end: int) -> bool:
        return all(n not in self.owner for n in range(start, end))

    def in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    def lemma(self, n: int) -> str:
        return fold(self.tokens.words[n].lemma_)

    def owner_draft(self, n: int) -> Draft | None:
        key = self.owner.get(n)
        return self.drafts.get(key) if key is not None else None

    def state_at(self, n: int, roles: tuple[str, ...] = ("name", "acronym", "metonym", "place")
                 ) -> Draft | None:
        """The state or union whose mention (of one of ``roles``) takes word ``n``."""
        draft = self.owner_draft(n) if 0 <= n < len(self.tokens.words) else None
        if draft is None or draft.kind not in _STATE_KINDS:
            return None
        s, _ = self.tokens.span_chars(n, n + 1)
        return draft if any(a <= s < b and r in roles for (a, b), r in draft.mentions.items()) \
            else None

    # ------------------------------------------------------------------ gazetteer labels
    def add_gazetteer_labels(self) -> None:
        for match in self.x.labels.find(self.tokens):
            entry, surface = match.payload
            role = self._label_role(match, entry, surface)
            if role is not None:
                self.claim(self.draft_for_entry(entry), match.start, match.end, role)

    def _label_role(self, match: PhraseMatch[tuple[Entry, str]], entry: Entry, surface: str
                    ) -> MentionRole | None:
        """The mention's role, or None where the label is no mention of the entity."""
        root = self._root(match.start, match.end)
        ent = self.entity_of.get(match.start)
        if ent is not None and ent[2] == "PER" and entry.kind != "person" and ent[1] - ent[0] > 1:
            return None  # "Джордж Вашингтон": a person's name
        if entry.kind == "person" and ent is not None and ent[2] == "PER" and (
                ent[0] < match.start or ent[1] > match.end):
            return None  # "Гейдар Алиев" is not "Алиев" the entry: left to the person pass
        if any(c.dep_ == "amod" and fold(c.lemma_) in self.words.compass_adjectives
               for c in root.children):
            return None  # "Западная Европа", "Центральная Азия": a region
        if surface == "demonym":
            head = root.head
            if root.dep_ == "amod" and fold(head.lemma_) in self.words.adjective_not_state:
                return None  # "русский язык"
            if ent is not None and ent[2] == "ORG" and ent[1] - ent[0] > 1:
                return None  # "Институт приднестровских исследований": an organisation's name
            return "demonym"
        if surface == "acronym":
            return "acronym"
        if surface == "seat":
            return "metonym"
        if surface == "capital":
            return self._capital_role(root)
        return "name"

    def _root(self, start: int, end: int) -> Token:
        words = self.tokens.words[start:end]
        for token in words:
            if not (words[0].i <= token.head.i <= words[-1].i) or token.head.i == token.i:
                return token
        return words[-1]

    def _capital_role(self, root: Token) -> MentionRole | None:
        """A capital is its state when it acts ("Баку заявил", "позиция Москвы"), a place when
        it is where something happens ("в Баку", "жители Москвы"), nothing in a document's name."""
        while root.dep_ == "conj" and root.head.i != root.i and root.head.i < root.i:
            root = root.head  # "из Парижа и Брюсселя": the first conjunct's preposition
        head = fold(root.head.lemma_)
        if root.dep_ == "nmod" and head in self.words.document_nouns:
            return None  # "формат Астаны"
        preposition = next((c for c in root.children if c.dep_ == "case"), None)
        if preposition is not None and fold(preposition.lemma_) in self.words.place_prepositions:
            return "metonym" if head in self.words.government_nouns else "place"
        if root.dep_ == "nmod" and head in self.words.place_nouns:
            return "place"
        return "metonym"

    # ------------------------------------------------------------------ outlets
    def add_outlets(self) -> None:
        """The outlet the metadata names, and a quoted name after a media noun ("изданию
        «Восточный рубеж»"), wherever the text names them."""
        names: list[str] = []
        if self.doc.meta.outlet:
            names.append(self.doc.meta.outlet.strip())
        words = self.tokens.words
        for n in range(len(words) - 2):
            if self.lemma(n) in self.words.media_nouns and words[n + 1].text in ("«", "„", '"'):
                close = next((m for m in range(n + 2, min(n + 8, len(words)))
                              if words[m].text in ("»", "“", '"')), None)
                if close is not None and close > n + 2:
                    s, e = self.tokens.span_chars(n + 2, close)
                    names.append(self.text[s:e])
        for name in dict.fromkeys(n for n in names if n):
            self._add_outlet(name)

    def _add_outlet(self, name: str) -> None:
        draft: Draft | None = None
        start = self.text.find(name)
        while start != -1:
            end = start + len(name)
            words = [n for n, t in enumerate(self.tokens.words) if start <= t.idx < end]
            if words and self.free(words[0], words[-1] + 1) and self._whole_words(start, end):
                if draft is None:
                    draft = self.draft_for(f"media:{_slug(latin(name))}", name, "media")
                self.claim(draft, words[0], words[-1] + 1, "name")
            start = self.text.find(name, end)

    def _whole_words(self, start: int, end: int) -> bool:
        before = self.text[start - 1] if start > 0 else " "
        after = self.text[end] if end < len(self.text) else " "
        return not before.isalnum() and not after.isalnum()

    # ------------------------------------------------------------------ ministries and bodies
    def add_state_bodies(self) -> None:
        """"МИД России", "российский МИД" (the English stage's ministry ids), "правительство
        Молдавии", "Пограничная служба Польши": a state's body named by a generic noun."""
        for match in self.bodies:
            kind, phrase = match.payload
            if not self.free(match.start, match.end):
                continue
            start, end = match.start, match.end
            state = self.state_at(end)
            if state is not None:
                end += 1
            else:
                state = self.state_at(start - 1, ("demonym",))
                if state is None or state.kind != "country":
                    continue
                start -= 1
            draft = (self._ministry(state, self.words.ministries[phrase]) if kind == "ministry"
                     else self._body(state, self.words.bodies[phrase]))
            draft.affiliation = draft.affiliation or state.qid or state.key
            s, e = self.tokens.span_chars(start, end)
            draft.add(s, e, "name")
            for n in range(match.start, match.end):
                self.owner.setdefault(n, draft.key)

    def _ministry(self, state: Draft, department: str) -> Draft:
        entry = self.x.ministries.get((state.qid or state.key, department))
        if entry is not None:
            return self.draft_for_entry(entry)
        adjective = state.entry.demonyms[0] if state.entry and state.entry.demonyms else state.name
        key = f"institution:{(state.qid or state.key).lower()}:{department.lower()}"
        return self.draft_for(key, f"{adjective} {department} Ministry", "institution")

    def _body(self, state: Draft, noun: str) -> Draft:
        key = f"institution:{(state.qid or state.key).lower()}:{noun.replace(' ', '_')}"
        return self.draft_for(key, f"{state.name} {noun}", "institution")

    # ------------------------------------------------------------------ organisations
    def add_organisations(self) -> None:
        """NER organisations headed by an organisation noun ("Центр евразийских исследований"):
        only those, since natasha's ORG also tags bodies, events and stray capitals."""
        seen: set[tuple[int, int]] = set()
        for start, end, label in self.entity_of.values():
            if label != "ORG" or (start, end) in seen or not self.free(start, end):
                continue
            seen.add((start, end))
            root = self._root(start, end)
            kind = self.words.organisation_heads.get(fold(root.lemma_))
            if kind is None or end - start < 2:
                continue
            # the id and name from the lemmas up to the head ("Тегеранского университета" ->
            # "тегеранский университет"), so every case of the name is one organisation
            head = self.tokens.position[root.i]
            lemmas = [self.tokens.words[n].lemma_ for n in range(start, head + 1)]
            _s, e = self.tokens.span_chars(start, end)
            rest = self.text[root.idx + len(root.text) : e]
            name = (" ".join(lemmas) + rest).strip()
            name = name[:1].upper() + name[1:]
            # "org:" whatever the kind, as the English stage keys NER organisations
            draft = self.draft_for(f"org:{_slug(latin(name))}", name, kind)  # type: ignore[arg-type]
            self.claim(draft, start, end, "name")

    # ------------------------------------------------------------------ back references
    def add_references(self) -> None:
        """Generic nouns for an entity the article has named ("альянс" after "НАТО")."""
        for match in self.x.references.find(self.tokens):
            draft = self.drafts.get(match.payload.key)
            s, _ = self.tokens.span_chars(match.start, match.end)
            if draft is None or not self.free(match.start, match.end) or not any(
                    a < s for a, _b in draft.mentions):
                continue
            if self.tokens.words[match.end - 1].morph.get("Number", []) == ["Plur"]:
                continue
            self.claim(draft, match.start, match.end, "name")

    # ------------------------------------------------------------------ output
    def actors(self) -> list[Actor]:
        actors = []
        for draft in self.drafts.values():
            if not draft.mentions:
                continue
            roles = set(draft.mentions.values())
            if draft.entry is None and roles <= {"pronoun", "title"}:
                continue  # someone known only as "он" or "эксперт" is no actor
            mentions = [Mention(start=s, end=e, text=self.text[s:e], role=role)
                        for (s, e), role in sorted(draft.mentions.items())]
            actors.append(Actor(id=draft.key, name=draft.name, wikidata=draft.qid,
                                kind=draft.kind, mentions=mentions))
        actors.sort(key=lambda a: (a.mentions[0].start, a.id))
        return actors
