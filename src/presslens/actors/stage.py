"""The actor stage: gazetteer matches, NER people and organisations, role nouns and pronouns."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import ClassVar

from spacy.tokens import Doc, Span, Token

from presslens.actors.acronyms import add_defined_acronyms
from presslens.actors.bodies import BodyIndex, add_state_bodies
from presslens.actors.communities import add_communities
from presslens.actors.gazetteer import Entry, Gazetteer
from presslens.actors.gender import entry_gender, fits, pronoun_gender
from presslens.actors.headlines import normalise_headlines
from presslens.actors.lexicons import (
    communities,
    local_government_words,
    lone_name_cues,
    non_actors,
    person_titles,
    state_body_nouns,
    title_phrases,
)
from presslens.actors.lone_names import (
    inside_another_name,
    inside_person_entity,
    lone_name_is_person,
    looks_like_surname,
)
from presslens.actors.matcher import GazetteerMatch, GazetteerMatcher
from presslens.actors.offices import (
    OfficeTerms,
    continuing_forms,
    office_holder,
    publication_date,
)
from presslens.actors.regions import (
    add_cities,
    city_draft,
    city_governed,
    inside_a_citys_name,
    inside_an_organisations_name,
    region_role,
)
from presslens.lexicon import word_set
from presslens.lexicon.speech import QUESTION_LINE, speech_verbs
from presslens.model import Actor, ActorKind, Document, Mention, MentionRole
from presslens.nlp import load_nlp
from presslens.textutil import quoted_regions

# A capital after these prepositions is a place ("a conference in Moscow"), not the government.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "into", "throughout", "within",
     "via", "over", "beyond", "downtown"}
)
# A capital naming a document or a negotiating format ("the Minsk accords") is not the state.
_DOCUMENT_NOUNS = frozenset({"memorandum", "accord", "accords", "agreement", "agreements", "protocol",
                             "protocols", "format", "process", "declaration", "treaty", "charter",
                             "pact", "communique", "statement", "principles", "group"})
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "outskirts", "centre", "center"})
# "to"/"from" a capital are places after motion words ("a trip to Moscow", "returned from Baku").
_MOTION_LEMMAS = word_set("places", "motion_words")
# A capital modifying these nouns stands for its government ("the Moscow leadership").
_GOVERNMENT_NOUNS = frozenset(
    {"government", "regime", "authorities", "authority", "leadership", "side", "official",
     "officials", "administration", "elite", "elites", "establishment", "policy", "line",
     "position", "narrative", "propaganda", "diplomacy", "loyalist", "loyalists"}
)
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "madam": "f",
               "dr": "", "dr.": "", "prof": "", "prof.": "", "sir": "m", "lady": "f"}
# Russian and Ukrainian patronymics ("Yegor Viktorovich", "Inna Pavlovna") and honorifics used
# with a first name ("Batono Levan", Georgian): forms of address in translated interviews
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna", "inichna", "ich")
_ADDRESS_HONORIFICS = frozenset({"batono", "kalbatono", "pan", "pani", "gospodin", "gospozha"})
_NAME_PARTICLES = frozenset({"de", "da", "di", "von", "van", "der", "den", "bin", "ibn", "al", "el",
                             "la", "le", "du", "dos", "ben", "abu"})
_ORG_KIND_WORDS: list[tuple[ActorKind, frozenset[str]]] = [
    ("party", frozenset({"party", "front", "bloc", "movement"})),
    ("media", frozenset({"agency", "news", "tv", "television", "radio", "times", "post", "herald",
                         "gazette", "daily", "journal", "tribune", "channel", "media", "press",
                         "review", "observer", "telegraph", "monitor", "weekly", "courier",
                         "chronicle", "broadcasting", "broadcaster", "bulletin", "dispatch",
                         "wire", "express", "mirror", "voice", "magazine", "newspaper"})),
    ("institution", frozenset({"ministry", "parliament", "assembly", "council", "court", "army",
                               "forces", "navy", "guard", "service", "committee", "duma",
                               "senate", "congress", "government", "cabinet", "office",
                               "prosecutor", "police", "presidency", "administration",
                               "commission", "department", "bureau", "directorate"})),
    ("group", frozenset({"church", "patriarchate", "diocese", "synod", "brigade", "battalion",
                         "militia", "diaspora", "community", "taliban", "hamas", "hezbollah"})),
]
# actors whose titles name an office: "the Russian president", "the UN secretary-general"
_TITLE_OWNERS = frozenset({"country", "alliance", "organization"})
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _slug(name: str) -> str:
    return "_".join(w.lower() for w in _WORD_RE.findall(name)) or "unnamed"


@dataclass
class _ActorDraft:
    key: str
    name: str
    kind: ActorKind
    qid: str | None
    entry: Entry | None = None
    mentions: dict[tuple[int, int], MentionRole] = field(default_factory=dict)
    roles: set[str] = field(default_factory=set)  # role nouns from introductions
    gender: str = ""  # "m", "f" or "" when unknown

    def add(self, start: int, end: int, role: MentionRole) -> None:
        self.mentions.setdefault((start, end), role)


class ActorExtractor:
    """Extract actors from one parsed article. Build once per gazetteer; ``extract`` is pure."""

    _cache: ClassVar[dict[int, tuple[Gazetteer, ActorExtractor]]] = {}

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = GazetteerMatcher(load_nlp(), gazetteer)
        self.titles = person_titles()
        self.non_actors = non_actors()
        self.lone_name_cues = lone_name_cues()
        self.title_words = self.titles.all | self.titles.before_names | set(_HONORIFICS)
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
        normalise_headlines(sdoc, self.gazetteer)  # "Adam Schiff Threatens": a name and a verb
        run = _Run(self, doc, sdoc)
        run.add_gazetteer_matches(self.matcher(sdoc))
        run.add_outlet()
        run.add_people()
        run.add_surnames()
        run.add_ministries()
        add_state_bodies(run, self.body_nouns, self.bodies)  # "the Senate", "the administration"
        add_cities(run, self.local_words)  # "Chicago's mayor", "Dallas police"
        run.add_organisations()
        add_defined_acronyms(run)  # "the Federation for American Immigration Reform (FAIR)"
        add_communities(run, self.communities)  # "Muslims", "the Latino community"
        run.add_acting_names()  # "Picard had accused", "Rubio and Pompeo"
        run.add_role_nouns()
        run.add_pronouns()
        return run.actors()


class _Run:
    """State of one extraction: drafts by key and the tokens already claimed by a mention."""

    def __init__(self, extractor: ActorExtractor, doc: Document, sdoc: Doc) -> None:
        self.x = extractor
        self.doc = doc
        self.sdoc = sdoc
        self.text = doc.text
        self.drafts: dict[str, _ActorDraft] = {}
        self.taken: set[int] = set()
        self.token_owner: dict[int, str] = {}
        self.quoted = quoted_regions(doc.text)
        self.when = publication_date(doc.meta.published)  # titles resolve to the holder then
        # Iterating a Doc builds new Token objects every time; the stage walks the tokens
        # several times, so it builds them once.
        self.tokens: list[Token] = list(sdoc)

    # ------------------------------------------------------------- helpers
    def draft_for(self, key: str, name: str, kind: ActorKind) -> _ActorDraft:
        """The draft of ``key``, made (named ``name``, of ``kind``, no QID) when first asked."""
        draft = self.drafts.get(key)
        if draft is None:
            draft = _ActorDraft(key, name, kind, None)
            self.drafts[key] = draft
        return draft

    def _draft_for_entry(self, entry: Entry) -> _ActorDraft:
        draft = self.drafts.get(entry.key)
        if draft is None:
            draft = _ActorDraft(entry.key, entry.name, entry.kind, entry.qid, entry,
                                gender=entry_gender(entry))
            draft.roles.update(self.x.offices.roles_at(entry, self.when))
            self.drafts[entry.key] = draft
        return draft

    def _claim(self, draft: _ActorDraft, span: Span, role: MentionRole) -> None:
        draft.add(span.start_char, span.end_char, role)
        for i in range(span.start, span.end):
            self.taken.add(i)
            self.token_owner[i] = draft.key

    def _free(self, span: Span) -> bool:
        return not any(i in self.taken for i in range(span.start, span.end))

    def _in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    # ------------------------------------------------------------- gazetteer
    def add_gazetteer_matches(self, matches: list[GazetteerMatch]) -> None:
        for match in matches:
            span = self.sdoc[match.start : match.end]
            region = match.entry.kind == "region"
            if match.entry.kind not in ("country", "region") and match.surface == "capital":
                continue
            if region and inside_a_citys_name(span):
                continue  # "New York City", "Kansas City": the city's name
            if match.entry.kind in ("region", "organization") and inside_person_entity(span):
                continue  # "Virginia Foxx", "Stanford Franklin": a person's name
            if match.surface == "capital" and city_governed(span, self.x.local_words,
                                                            self.x.local_words.city_nouns):
                # "London's mayor", "the Moscow police": the city's own government
                self._claim(city_draft(self, span.text), span, "name")
                continue
            after = self.sdoc[match.end] if match.end < len(self.sdoc) else None
            if match.surface == "capital" and after is not None and after.lower_ in _DOCUMENT_NOUNS:
                continue  # "the Budapest Memorandum", "the Minsk accords": a document's name
            if match.surface == "capital" and inside_an_organisations_name(span, self.x.gazetteer):
                continue  # "King's College London": the organisation's name, not the city
            if match.entry.kind == "person" and inside_another_name(span, self.x.title_words):
                continue  # "Melania Trump", "Donald Trump Jr.": left to the person stage
            role: MentionRole
            if region and match.surface in ("name", "capital"):
                role = region_role(span, self.x.local_words, capital=match.surface == "capital")
            elif match.surface == "capital":
                role = _capital_role(span)
            elif match.surface == "seat":
                role = "metonym"
            elif match.surface in ("demonym", "acronym"):
                role = match.surface
            else:
                role = "name"
            self._claim(self._draft_for_entry(match.entry), span, role)

    # ------------------------------------------------------------- outlet
    def add_outlet(self) -> None:
        outlet = (self.doc.meta.outlet or "").strip()
        if not outlet:
            return
        entry = self.x.entries_by_name.get(outlet.lower())
        if entry is not None and entry.kind != "media":
            return
        if entry is not None:
            draft = self._draft_for_entry(entry)
        else:
            key = f"media:{_slug(outlet)}"
            draft = self.draft_for(key, outlet, "media")
        pattern = re.compile(r"(?<!\w)" + re.escape(outlet) + r"(?!\w)")
        for m in pattern.finditer(self.text):
            span = self.sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and self._free(span):
                self._claim(draft, span, "name")

    # ------------------------------------------------------------- NER
    def add_people(self) -> None:
        for ent in self.sdoc.ents:
            if ent.label_ == "PERSON":
                self._add_person_entity(ent)
        for run in self._name_runs():
            if self._free(run) and self._is_person_by_context(run):
                self._add_person_entity(run)

    def add_acting_names(self) -> None:
        """Lone names left over once people, surnames and bodies are found, that act as people
        do (``_acts_as_person``): after the others, so that a surname joins the full name it
        continues."""
        for run in self._name_runs():
            if not (self._free(run) and self._acts_as_person(run)):
                continue
            named = next((d for d in self._people_before(run.start_char)
                          if d.name.split()[-1] == run.text), None)
            if named is not None:  # "Tatar told a rally" after "Ersin Tatar"
                self._claim(named, run, "name")
            else:
                self._add_person_entity(run, acting=True)

    def _name_runs(self) -> list[Span]:
        """Maximal runs of capitalised proper nouns (names NER may have missed or mislabelled)."""
        runs: list[Span] = []
        start: int | None = None
        for tok in self.tokens:
            is_name = tok.pos_ == "PROPN" and tok.is_alpha and tok.text[0].isupper()
            if is_name and start is None:
                start = tok.i
            elif not is_name and start is not None:
                runs.append(self.sdoc[start : tok.i])
                start = None
        if start is not None:
            runs.append(self.sdoc[start:])
        return [r for r in runs if 1 <= len(r) <= 3]

    def _single_name_is_person(self, span: Span) -> bool:
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in speech_verbs():
            return True  # "Karimov said", "Karimov believes"
        if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lemma_ == "according":
            return True  # "according to Karimov"
        if self._is_person_by_context(span) or self._has_surname_suffix(span):
            return True
        # "Cruz offered", "Kasich's": in the text's own words only; an interviewee's answer
        # names places as casually as people ("Barentsburg has lived under this pressure")
        return not self._in_quote(span.start_char) and lone_name_is_person(
            span, self.x.lone_name_cues)

    def _acts_as_person(self, run: Span) -> bool:
        """A lone name NER did not take for a person, or took for a place or body it cannot
        name, that does what people do: the subject of a speech verb or a doer verb in the
        text's own words ("Picard had accused", "Schneiderman has been suing"), or joined to a
        person named beside it ("Rubio and Pompeo")."""
        if len(run) != 1 or self._in_quote(run.start_char):
            return False
        token = run[0]
        if not looks_like_surname(token.text) or token.ent_type_ == "ORG":
            return False
        before = self.sdoc[token.i - 1] if token.i > 0 else None
        if before is not None and before.lower_ in self.x.lone_name_cues.determiners:
            return False  # "The Ministry rejects": a body's title-case noun, not a name
        if token.ent_type_ and self.x.entries_by_name.get(token.text.lower()) is not None:
            return False  # a place or body the gazetteer knows by this word
        if token.dep_ == "conj":
            owner = self.token_owner.get(token.head.i)
            return owner is not None and self.drafts[owner].kind == "person"
        head = token.head
        return (token.dep_ == "nsubj" and head.pos_ == "VERB"
                and (head.lemma_ in speech_verbs() or head.lemma_ in self.x.lone_name_cues.doer_verbs))

    def _has_surname_suffix(self, span: Span) -> bool:
        last = span[-1].lower_
        return any(last.endswith(sfx) and len(last) > len(sfx) + 2
                   for sfx in self.x.titles.surname_suffixes)

    def _is_person_by_context(self, run: Span) -> bool:
        """A proper-noun run is a person when a role noun introduces it or its surname says so."""
        titles = self.x.titles
        before = self.sdoc[run.start - 1] if run.start > 0 else None
        if before is not None and before.lower_ in titles.all and before.pos_ == "NOUN":
            return True  # "political scientist Davit Petrosyan", "spokeswoman Irina Kovaleva"
        if before is not None and before.lower_ in titles.before_names:
            return True  # "Sen. Cruz", "Gov. Kasich"
        if len(run) >= 2 and run[0].lower_ in titles.before_names:
            return True  # "Judge Gorsuch"
        if self._introduced_roles(run):
            return True  # "Davit Petrosyan, a political scientist"
        return len(run) >= 2 and self._has_surname_suffix(run)

    def add_organisations(self) -> None:
        for ent in self.sdoc.ents:
            # the small model tags some institute names as facilities ("the Centre for Arctic
            # Policy"): an institution's name makes them organisations
            if ent.label_ == "ORG" or (ent.label_ == "FAC" and _is_institution_name(ent)):
                self._add_org_entity(ent)

    def _clean(self, ent: Span) -> tuple[Span, str] | None:
        """Strip determiners, honorifics and possessives; return the span and a gender hint."""
        start, end = ent.start, ent.end
        gender = ""
        while start < end and (self.sdoc[start].pos_ in ("DET", "PUNCT") or
                               self.sdoc[start].lower_ in _HONORIFICS):
            gender = _HONORIFICS.get(self.sdoc[start].lower_, gender)
            start += 1
        while end > start and (self.sdoc[end - 1].tag_ == "POS" or self.sdoc[end - 1].is_punct):
            end -= 1
        if start >= end:
            return None
        if start > 0 and self.sdoc[start - 1].lower_ in _HONORIFICS:
            gender = _HONORIFICS[self.sdoc[start - 1].lower_] or gender
        return self.sdoc[start:end], gender

    def _is_non_actor(self, span: Span, person: bool = False) -> bool:
        """Whether ``span`` names a document, event, route, region or place. For a ``person``
        candidate, a following noun for what a person leads is no sign ("the Clinton campaign")."""
        na = self.x.non_actors
        if span.text in na.regions or span.text in na.events:  # "Brexit": an event, never an actor
            return True
        if _is_institution_name(span):
            return False  # "the Institute of Caucasian Strategy", "a fellow at the Centre for ..."
        last = span[-1].lower_
        if last in na.head_nouns:
            return True
        # "Zangezur corridor": the name only modifies a non-actor noun
        after = self.sdoc[span.end] if span.end < len(self.sdoc) else None
        if after is not None and after.lower_ in na.head_nouns and not (
                person and after.lower_ in self.x.lone_name_cues.led_nouns):
            return True
        # "the village of Cobasna", "north of Kharkiv", "near Tiraspol": a place; also the later
        # items of a list ("at Hmeimim and Tartus", "the ports of Tromsø, Kirkenes and Båtsfjord")
        root = span.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ == "pobj":
            prep = root.head
            if prep.lower_ in _PLACE_PREPOSITIONS:
                return True
            if prep.lower_ == "of" and (prep.head.lower_ in na.place_nouns or
                                        prep.head.lower_ in _COMPASS):
                return True
        return False

    def _looks_like_name(self, span: Span) -> bool:
        words = [t for t in span if t.is_alpha]
        if not words:
            return False
        for t in words:
            if t.lower_ in _NAME_PARTICLES:
                continue
            if not t.text[0].isupper():
                return False
        return True

    def _add_person_entity(self, ent: Span, acting: bool = False) -> None:
        cleaned = self._clean(ent)
        if cleaned is None:
            return
        span, gender = cleaned
        if (not self._free(span) or not self._looks_like_name(span)
                or self._is_non_actor(span, person=True)):
            return
        if len(span) > 5 or any(t.like_num for t in span):
            return
        if span.text.lower() in self.x.titles.all:
            return  # "The Chairman of the Council": a title, not a name
        known = self._person_known_as(span) if len(span) == 1 else None
        if known is not None:
            self._claim(known, span, "name")  # "Assad" after "Bashar al-Assad"
            return
        if len(span) == 1 and not gender and not acting and not self._single_name_is_person(span):
            return  # "Dniester", "Brussels": a lone capitalised word needs more evidence
        # The title words of a role noun ("Prime Minister X") are not part of the name.
        while len(span) > 1 and (span[0].lower_ in self.x.titles.all
                                 or span[0].lower_ in self.x.titles.before_names):
            span = span[1:]
        entry = self.x.entries_by_name.get(span.text.lower())
        if entry is not None:
            self._claim(self._draft_for_entry(entry), span, "name")
            return
        draft = self._person_draft(span)
        if gender:
            draft.gender = draft.gender or gender
        self._claim(draft, span, "name")
        draft.roles.update(self._introduced_roles(span))
        draft.gender = draft.gender or self._gender_from_roles(draft.roles)

    def _person_known_as(self, span: Span) -> _ActorDraft | None:
        """The person named before ``span`` whose short form it is ("Assad", "Lee")."""
        for draft in self._people_before(span.start_char):
            if span.text in continuing_forms(draft):
                return draft
        return None

    def _person_draft(self, span: Span) -> _ActorDraft:
        """The person this name belongs to: full names merge with their bare surname, and the
        interviewer's address by first name and patronymic ("Yegor Viktorovich, ...") or by
        honorific and first name ("Batono Levan") with the person of that first name."""
        addressed = self._addressed_person(span)
        if addressed is not None:
            return addressed
        surname = span[-1].text
        full = span.text
        for draft in self.drafts.values():
            if draft.kind != "person":
                continue
            if draft.entry is not None:  # a listed person: a bare surname its entry gives
                if len(span) == 1 and surname in continuing_forms(draft):
                    return draft
                continue
            known = draft.name.split()
            if known[-1] != surname:
                continue
            if len(span) == 1 or len(known) == 1 or draft.name == full:
                if len(span) > len(known):
                    draft.name = full
                return draft
        key = f"person:{_slug(full)}"
        draft = _ActorDraft(key, full, "person", None)
        self.drafts[key] = draft
        return draft

    def _addressed_person(self, span: Span) -> _ActorDraft | None:
        words = [t.text for t in span]
        if len(words) == 2 and words[1].lower().endswith(_PATRONYMIC_ENDINGS):
            first = words[0]
        elif len(words) == 2 and words[0].lower() in _ADDRESS_HONORIFICS:
            first = words[1]
        else:
            return None
        matches = [d for d in self.drafts.values()
                   if d.kind == "person" and len(d.name.split()) >= 2 and d.name.split()[0] == first]
        return matches[0] if len(matches) == 1 else None

    def _add_org_entity(self, ent: Span) -> None:
        cleaned = self._clean(ent)
        if cleaned is None:
            return
        span, _ = cleaned
        if self._is_non_actor(span) or len(span) > 8:
            return
        if not any(t.pos_ == "PROPN" or (t.is_upper and len(t) > 1) for t in span):
            return
        if not span[-1].is_alpha and not span[-1].is_digit:
            return
        if len(span) == 1 and span[0].lower_ in _ORG_TRIGGER_WORDS:
            return  # a bare "Council" or "Ministry" names nothing by itself
        after = self.sdoc[span.end] if span.end < len(self.sdoc) else None
        if after is not None and after.lower_ in self.x.titles.all and after.text[:1].isupper():
            return  # "Supreme Leader Ali Khamenei": the start of a title, not an organisation
        # a lower-case role noun after the name is a post in it: "a Google spokesman", "Deutsche
        # Bank economist Gilles Moec", "Knicks president Phil Jackson"
        owners = {self.token_owner[i] for i in range(span.start, span.end) if i in self.taken}
        # The whole name is known ("the European Union", "Kremlin"), or a person's surname
        # that NER mislabels: the gazetteer or person mention stands. A region's name inside an
        # organisation's belongs to it ("the University of Texas", "Texas Instruments").
        if owners and (len(owners) > 1 or not self._org_absorbs(span)) and not (
                self._region_inside(owners, span)):
            return
        entry = self.x.entries_by_name.get(span.text.lower())
        if entry is not None:
            self._claim(self._draft_for_entry(entry), span, "name")
            return
        key = f"org:{_slug(span.text)}"
        draft = self.drafts.get(key)
        if draft is None:
            draft = _ActorDraft(key, span.text, _org_kind(span), None)
            self.drafts[key] = draft
        # adjectives inside the name belong to it ("Armenian Foreign Ministry")
        for i in range(span.start, span.end):
            owner = self.token_owner.get(i)
            if owner is not None and owner != key:
                self._release(owner, i)
        self._claim(draft, span, "name")

    def _region_inside(self, owners: set[str], span: Span) -> bool:
        """An organisation's name around a region's ("the University of Texas"): a capitalised
        word of the name that no one has taken ("Texas officials" is no organisation)."""
        return (len(owners) == 1 and self.drafts[next(iter(owners))].kind == "region"
                and any(i not in self.taken and self.sdoc[i].text[:1].isupper()
                        for i in range(span.start, span.end)))

    def _org_absorbs(self, span: Span) -> bool:
        """An organisation name that contains a state's adjective or name as a modifier only."""
        last = span[-1]
        if last.i in self.taken:
            return False
        head_words = [t for t in span if t.i not in self.taken]
        return any(t.lower_ in _ORG_TRIGGER_WORDS for t in head_words)

    def _release(self, owner: str, token_i: int) -> None:
        draft = self.drafts[owner]
        tok = self.sdoc[token_i]
        for key in [k for k in draft.mentions if k[0] <= tok.idx < k[1]]:
            del draft.mentions[key]
        self.taken.discard(token_i)
        self.token_owner.pop(token_i, None)

    # ------------------------------------------------------------- ministries
    def add_ministries(self) -> None:
        """Ministries named through their state ("Russia's Foreign Ministry", "the Ministry of
        Defence of Armenia"), and "the Foreign Ministry" / "the ministry" referring back to one."""
        if "inistry" not in self.text:
            return  # every match holds the word; the pattern is slow to rule out elsewhere
        last_by_department: dict[str, _ActorDraft] = {}
        last_any: _ActorDraft | None = None
        named: Counter[str] = Counter()  # how often each ministry has been referred to so far
        for m in _MINISTRY_RE.finditer(self.text):
            department = _normalise_department(m.group("dept") or m.group("dept2") or "")
            span = self.sdoc.char_span(m.start("ministry"), m.end("ministry"), alignment_mode="expand")
            if span is None:
                continue
            if not self._free(span):
                # A ministry the gazetteer named whole ("the Russian Foreign Ministry"): a later
                # "the Foreign Ministry" refers back to it.
                known = self._gazetteer_institution(span)
                if known is not None:
                    last_any = known
                    named[known.key] += 1
                    if department:
                        last_by_department[department] = known
                continue
            state = self._state_at(m.start("pre"), m.end("pre")) if m.group("pre") else None
            if state is None and m.group("post"):
                state = self._state_at(m.start("post"), m.end("post"))
            if state is not None and department:
                draft = self._ministry_draft(state, department)
                first = m.start("pre") if m.group("pre") else m.start("ministry")
                last = m.end("post") if m.group("post") else m.end("ministry")
                owner_span = self.sdoc.char_span(first, last, alignment_mode="expand") or span
                for i in range(owner_span.start, owner_span.end):
                    owner = self.token_owner.get(i)
                    if owner is not None and owner != draft.key:
                        self._release(owner, i)
                self._claim(draft, owner_span, "name")
            else:
                referent = last_by_department.get(department) if department else last_any
                if not department and named:
                    # a bare "the Ministry" is the ministry the text is about (a statement's
                    # author), the one referred to most so far, not one named in passing
                    top = max(named.values())
                    if named.get(referent.key if referent else "", 0) < top:
                        referent = next(self.drafts[k] for k, n in named.items() if n == top)
                if referent is None or not m.group("det"):
                    continue
                self._claim(referent, span, "title")
                draft = referent
            last_any = draft
            named[draft.key] += 1
            if department:
                last_by_department[department] = draft

    def _gazetteer_institution(self, span: Span) -> _ActorDraft | None:
        """The gazetteer institution that owns every token of ``span``, if one does."""
        owners = {self.token_owner.get(i) for i in range(span.start, span.end)}
        if len(owners) != 1:
            return None
        draft = self.drafts.get(owners.pop() or "")
        if draft is None or draft.entry is None or draft.kind != "institution":
            return None
        return draft

    def _state_at(self, start: int, end: int) -> _ActorDraft | None:
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        owners = {self.token_owner.get(i) for i in range(span.start, span.end)}
        for owner in owners:
            draft = self.drafts.get(owner) if owner else None
            if draft is not None and draft.kind == "country":
                return draft
        return None

    def _ministry_draft(self, state: _ActorDraft, department: str) -> _ActorDraft:
        adjective = state.entry.demonyms[0] if state.entry and state.entry.demonyms else state.name
        name = f"{adjective} {department} Ministry"
        # The gazetteer's ministry of that state, under any of the state's adjectives or its name
        # ("the Philippines' Foreign Ministry" -> "Philippine Foreign Ministry").
        adjectives = [*(state.entry.demonyms if state.entry else ()), state.name]
        for candidate in adjectives:
            entry = self.x.entries_by_name.get(f"{candidate} {department} Ministry".lower())
            if entry is not None and entry.kind == "institution" and (
                    entry.affiliation is None or entry.affiliation == state.qid):
                return self._draft_for_entry(entry)
        key = f"institution:{(state.qid or state.key).lower()}:{department.lower()}"
        draft = self.drafts.get(key)
        if draft is None:
            draft = _ActorDraft(key, name, "institution", None)
            self.drafts[key] = draft
        return draft

    # ------------------------------------------------------------- surnames
    def add_surnames(self) -> None:
        """Bare surnames that NER missed or mislabelled ("Petrosyan added", tagged NORP)."""
        surnames: dict[str, str] = {}
        for draft in self.drafts.values():
            if draft.kind == "person" and draft.entry is None:
                surnames.setdefault(draft.name.split()[-1], draft.key)
        for draft in self.drafts.values():
            if draft.kind == "person":  # "Assad" for "Bashar al-Assad", "Lai" for "Lai Ching-te"
                for form in continuing_forms(draft):
                    surnames.setdefault(form, draft.key)
        if not surnames:
            return
        for tok in self.tokens:
            if tok.i in self.taken or tok.text not in surnames:
                continue
            draft = self.drafts[surnames[tok.text]]
            self._claim(draft, self.sdoc[tok.i : tok.i + 1], "name")

    # ------------------------------------------------------------- role nouns
    def _introduced_roles(self, name: Span) -> set[str]:
        """Role nouns introducing a person: "political scientist X", "X, a political scientist"."""
        roles: set[str] = set()
        titles = self.x.titles.all
        # before the name, inside the same noun phrase
        words: list[str] = []
        i = name.start - 1
        while i >= 0 and self.sdoc[i].dep_ in ("compound", "amod", "nmod") and \
                self.sdoc[i].head.i >= name.start and not self.sdoc[i].is_punct:
            words.insert(0, self.sdoc[i].lower_)
            i -= 1
        roles.update(title_phrases(words, titles))
        # appositive after the name: "X, a political scientist at ..."
        root = name.root
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                phrase = [t.lower_ for t in child.subtree if t.i <= child.i and t.dep_ != "det"]
                roles.update(title_phrases(phrase, titles))
        # "X is a political scientist"
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            for child in root.head.children:
                if child.dep_ == "attr":
                    phrase = [t.lower_ for t in child.subtree if t.i <= child.i and t.dep_ != "det"]
                    roles.update(title_phrases(phrase, titles))
        return roles

    def _gender_from_roles(self, roles: set[str]) -> str:
        words = {w for r in roles for w in r.split()}
        if words & self.x.titles.feminine:
            return "f"
        if words & self.x.titles.masculine:
            return "m"
        return ""

    def add_role_nouns(self) -> None:
        """Resolve "the expert", "the political scientist", "the Russian president" to people."""
        titles = self.x.titles
        longest = titles.longest
        sdoc = self.tokens  # indexing a list is cheap; Doc indexing builds a Token each time
        for tok in self.tokens:
            if tok.lower_ != "the" or tok.i in self.taken:
                continue
            # the [Demonym | Country's]? [role words] head, singular, not followed by a name
            j = tok.i + 1
            affiliation: str | None = None
            if j < len(sdoc) and sdoc[j].i in self.taken:
                owner = self.drafts.get(self.token_owner[sdoc[j].i])
                if owner is not None and owner.kind in _TITLE_OWNERS and owner.qid:
                    affiliation = owner.qid
                    j += 1
                    while j < len(sdoc) and (sdoc[j].tag_ == "POS" or
                                             self.token_owner.get(sdoc[j].i) == owner.key):
                        j += 1
                else:
                    continue
            best: tuple[int, str] | None = None
            for n in range(longest, 0, -1):
                if j + n > len(sdoc):
                    continue
                phrase_tokens = sdoc[j : j + n]
                phrase = " ".join(t.lower_ for t in phrase_tokens).replace(" - ", "-")
                if phrase in titles.all and phrase_tokens[-1].tag_ not in ("NNS", "NNPS"):
                    best = (j + n, phrase)
                    break
            if best is None:
                continue
            end, phrase = best
            if end < len(sdoc) and (sdoc[end].pos_ == "PROPN" or (sdoc[end].tag_ == "POS"
                                    and end + 1 < len(sdoc) and sdoc[end + 1].pos_ == "PROPN")):
                continue  # "the expert Davit Petrosyan": an introduction, the name is the mention
            if end < len(sdoc) and sdoc[end].lower_ == "of":
                continue  # "the president of France": left to the name that follows, if any
            if any(i in self.taken for i in range(j, end)):
                continue
            span = self.sdoc[tok.i : end]
            person = self._resolve_role(phrase, affiliation, span.start_char)
            if person is not None:
                self._claim(person, span, "title")

    def _resolve_role(self, phrase: str, affiliation: str | None, at: int) -> _ActorDraft | None:
        titles = self.x.titles
        if affiliation is not None:
            return office_holder(self, phrase, affiliation)  # by the publication date
        candidates = self._people_before(at)
        for draft in candidates:
            if phrase in draft.roles:
                return draft
        head = phrase.split()[-1]
        for draft in candidates:
            if any(r.split()[-1] == head for r in draft.roles):
                return draft
        if phrase in titles.expert:
            for draft in candidates:
                if draft.roles & titles.expert:
                    return draft
            unnamed = [d for d in candidates if d.entry is None and not (d.roles & titles.office)]
            if unnamed:
                return unnamed[0]
        return None

    def _people_before(self, at: int) -> list[_ActorDraft]:
        """Persons mentioned before ``at``, most recently mentioned first."""
        last_seen: list[tuple[int, str]] = []
        for draft in self.drafts.values():
            if draft.kind != "person":
                continue
            before = [s for (s, _e) in draft.mentions if s < at]
            if before:
                last_seen.append((max(before), draft.key))
        last_seen.sort(reverse=True)
        return [self.drafts[k] for _, k in last_seen]

    # ------------------------------------------------------------- pronouns
    def add_pronouns(self) -> None:
        for tok in self.tokens:
            gender = pronoun_gender(tok.lower_)
            if gender is None or tok.i in self.taken or self._in_quote(tok.idx):
                continue
            person = self._resolve_pronoun(tok, gender)
            if person is not None:
                if not person.gender:
                    person.gender = gender
                self._claim(person, self.sdoc[tok.i : tok.i + 1], "pronoun")

    def _resolve_pronoun(self, tok: Token, gender: str) -> _ActorDraft | None:
        """The latest person named before the pronoun (outside quotes) whose gender fits. The
        subject of a speech verb ("he noted", "she said") is the latest person who spoke, not a
        person spoken about in between ("... for Maduro's arrest is a bounty. He noted ...")."""
        if tok.dep_ == "nsubj" and tok.head.lemma_ in speech_verbs():
            speaker = self._latest_person(tok, gender, speakers_only=True)
            if speaker is not None:
                return speaker
        return self._latest_person(tok, gender, speakers_only=False)

    def _latest_person(self, tok: Token, gender: str, speakers_only: bool) -> _ActorDraft | None:
        best: tuple[int, _ActorDraft] | None = None
        for draft in self.drafts.values():
            if draft.kind != "person" or not fits(draft.gender, gender):
                continue
            before = [s for (s, _e) in draft.mentions if s < tok.idx and not self._in_quote(s)]
            if speakers_only:
                before = [s for s in before if self._speaks_at(s) and not self._asked_at(s)]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), draft)
        return best[1] if best else None

    def _asked_at(self, char: int) -> bool:
        """Inside an interviewer's question line: a person named there is asked about."""
        line_start = self.text.rfind("\n", 0, char) + 1
        line_end = self.text.find("\n", char)
        return bool(QUESTION_LINE.search(self.text[line_start : line_end if line_end != -1 else None]))

    def _speaks_at(self, char: int) -> bool:
        """Whether the mention at ``char`` is a speaker: subject of a speech verb, "according to
        X", or a name introduced with a role noun ("the political scientist X")."""
        span = self.sdoc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return False
        token = span[0]
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        if token.dep_ == "appos":
            token = token.head
        if token.dep_ == "nsubj" and token.head.lemma_ in speech_verbs():
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lemma_ == "accord":
            return True
        return any(c.lower_ in self.x.titles.all for c in token.children if c.dep_ in ("compound", "appos"))

    # ------------------------------------------------------------- output
    def actors(self) -> list[Actor]:
        actors = []
        for draft in self.drafts.values():
            if not draft.mentions:
                continue
            # a person known only as "he" cannot be an actor; "the Russian president" can,
            # because the gazetteer says who holds the office
            if draft.entry is None and all(r in ("pronoun", "title") for r in draft.mentions.values()):
                continue
            # a region or city named only as a place ("a rally in Ohio") is no actor
            if draft.kind == "region" and all(r == "place" for r in draft.mentions.values()):
                continue
            mentions = [
                Mention(start=s, end=e, text=self.text[s:e], role=role)
                for (s, e), role in sorted(draft.mentions.items())
            ]
            actors.append(
                Actor(id=draft.key, name=draft.name, wikidata=draft.qid, kind=draft.kind,
                      mentions=mentions)
            )
        actors.sort(key=lambda a: (a.mentions[0].start, a.id))
        return actors


_DEPARTMENTS = (r"Foreign|Defen[cs]e|Interior|Justice|Finance|Economy|Energy|Culture|Health|"
                r"Education|Agriculture|Emergency Situations")
_MINISTRY_RE = re.compile(
    r"(?P<det>\b[Tt]he\s+)?"
    r"(?:(?!(?:" + _DEPARTMENTS + r")\b)(?P<pre>[A-Z][\w-]+(?:\s(?!(?:" + _DEPARTMENTS + r")\b)[A-Z][\w-]+)?)"
    r"(?:'s|’s|'|’)?\s+)?"
    r"(?P<ministry>(?:(?P<dept>" + _DEPARTMENTS + r")\s+)?[Mm]inistry"
    r"(?:\s+of\s+(?P<dept2>Foreign\s+Affairs|External\s+Affairs|Internal\s+Affairs|"
    + _DEPARTMENTS + r"))?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<post>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?))?"
)


_INSTITUTION_HEADS = frozenset({"institute", "centre", "center", "academy", "foundation", "forum",
                                "council", "university", "school", "fund", "society",
                                "association", "observatory", "initiative", "bureau"})


def _is_institution_name(span: Span) -> bool:
    """"(the) Institute of Caucasian Strategy", "Anatolian Security Forum": a capitalised name
    headed by an institution noun, whatever its other words (regions, ideas) are."""
    words = [t for t in span if t.pos_ != "DET" and t.text not in ("-", "–")]
    if len(words) < 2 or not all(t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "on", "the")
                                 for t in words):
        return False
    if words[0].lower_ in _INSTITUTION_HEADS and len(words) >= 3 and words[1].lower_ in ("of", "for", "on"):
        return True
    return words[-1].lower_ in _INSTITUTION_HEADS and words[-1].text[:1].isupper()


def _normalise_department(department: str) -> str:
    department = " ".join(department.split())
    return {"Foreign Affairs": "Foreign", "External Affairs": "Foreign", "Internal Affairs": "Interior",
            "Defense": "Defence"}.get(department, department)


_ORG_TRIGGER_WORDS = frozenset(w for _, words in _ORG_KIND_WORDS for w in words) | {
    "university", "institute", "centre", "center", "foundation", "fund", "academy", "union",
    "organization", "organisation", "association", "club", "society", "company", "corporation",
    "bank", "group", "school", "college", "council", "church",
}


def _org_kind(span: Span) -> ActorKind:
    words = {t.lower_ for t in span}
    for kind, triggers in _ORG_KIND_WORDS:
        if words & triggers:
            return kind
    return "organization"


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
        if word in _PLACE_PREPOSITIONS:
            return "place"
        if word in ("to", "from") and prep.head.lemma_.lower() in _MOTION_LEMMAS:
            return "place"
        return "metonym"
    if dep == "compound":
        return "metonym" if root.head.lemma_.lower() in _GOVERNMENT_NOUNS else "place"
    if dep in ("npadvmod", "nmod") and root.head.lower_ in ("based", "born"):
        return "place"
    return "metonym"
