"""Which actor a token stands for, as the relation and stance stages need it.

Actor mentions come from the actor stage; on top of them this module
- normalises ids for relations: a ministry or embassy acts for its state ("Russia's Foreign
  Ministry condemned" is Russia acting), a seat that stands for an alliance ("Brussels") is the
  alliance when the alliance is an actor of the article;
- resolves "it"/"its"/"they"/"their" left unresolved by the actor stage to the nearest earlier
  subject that names an organisation or state (same or previous sentence);
- resolves first person inside quotes: "I/me/my" is the speaker, "we/our/us/ours" the speaker's
  affiliation when the article gives evidence for one (see ``Affiliations``), else the speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from presslens.actors.gazetteer import Gazetteer
from presslens.model import Actor, Document, Quote
from presslens.relations.lexicon import relation_lexicon

# Nouns that stand for the actor that modifies them ("the Moldovan government", "NATO
# instructors", "Russia's ambassador", "Belarusian soil").
PROXY_NOUNS = frozenset(
    {"government", "authorities", "authority", "regime", "leadership", "administration", "troops",
     "forces", "force", "army", "military", "units", "unit", "soldiers", "servicemen", "instructors",
     "officials", "official", "diplomats", "diplomacy", "ambassador", "embassy", "ministry", "side",
     "command", "state", "territory", "soil", "border", "frontier", "cities", "city", "positions",
     "refineries", "people", "economy", "exporters", "politicians", "parliament", "elites",
     "capital", "president", "leader", "leaders", "media", "press", "television", "navy",
     "contingent", "battalion", "battalions", "brigade", "police", "services", "intelligence",
     "hierarchy", "structures", "potash", "companies", "oil", "courts", "guards", "coast",
     "air", "airspace", "waters", "sovereignty", "independence", "interests", "position",
     "envoy", "envoys", "emissaries", "representatives", "delegation", "negotiators",
     # members of a body stand for it ("two archbishops of the Church", "inspectors of the IAEA")
     "members", "member", "bishops", "archbishops", "priests", "clergy", "clergymen", "monks",
     "inspectors", "observers", "monitors", "delegates", "deputies", "lawmakers", "staff",
     "officers", "activists", "supporters",
     # "the breakaway region of Somaliland"
     "region", "republic",
     # what a body decides or says stands for it: "welcomed the ruling of the Court"
     "ruling", "decision", "verdict", "statement", "policy", "proposal", "plan",
     "demands", "demand", "actions", "measures", "move", "step", "initiative"}
)
# People who act on someone else's behalf or over someone ("its patrons in Washington", "advisers
# from Paris"): the possessor is the client, the place or modifier names who they stand for.
RELATIONAL_PROXIES = frozenset(
    {"patrons", "patron", "curators", "curator", "masters", "handlers", "sponsors", "backers",
     "paymasters", "advisers", "advisors", "adviser", "advisor", "instructors", "minders"}
)
# "the government in Kyiv", "advisers from Paris", "the army of X"
_PROXY_PREPS = frozenset({"of", "in", "from"})
_STATE_INSTITUTION = re.compile(
    r"\b(ministry|embassy|government|cabinet|armed forces|army|foreign office|presidency|kremlin|"
    r"department)\b",
    re.IGNORECASE,
)
# bodies that are a state's when no state is named with them (place in the sentence decides)
# ("OSCE Permanent Council" meets in Vienna but is no Austrian body: a national qualifier is needed)
_STATE_BODY = re.compile(
    r"\b(national|state|security|supreme|federal|presidential|central)\b.*"
    r"\b(committee|council|commission|office|agency|service|directorate)\b",
    re.IGNORECASE,
)
_INSTITUTION_STATE_ID = re.compile(r"^institution:(q[0-9]+):")
THIRD_PERSON = frozenset({"it", "its", "they", "their", "them", "itself", "themselves"})
_SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
# "both countries", "the two sides", "the three governments"
# ("both sides" is left alone: which two sides is too often a guess)
_GROUP_NOUNS = frozenset({"countries", "states", "governments", "neighbours", "neighbors",
                          "capitals", "nations"})
_COUNTS = {"two": 2, "three": 3, "four": 4}
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_PRONOUNS = frozenset({"it", "them"})
# "institutions linked to X" stand for X
_BELONGING = frozenset({"link", "affiliate", "belong", "tie", "subordinate", "attach"})
# Definite descriptions that refer back to the latest actor of a kind ("the organisation")
_DEFINITE_KINDS: dict[str, frozenset[str]] = {
    "organisation": frozenset({"alliance", "organization"}),
    "organization": frozenset({"alliance", "organization"}),
    "bloc": frozenset({"alliance"}),
    "alliance": frozenset({"alliance"}),
    "country": frozenset({"country"}),
    "church": frozenset({"group"}),
    "government": frozenset({"country"}),
    "island": frozenset({"country"}),  # "a sale of missiles to the island" (Taiwan, Cyprus)
    # "The National Security Committee met ... the Committee closed the airspace"
    "committee": frozenset({"institution", "organization"}),
    "commission": frozenset({"institution", "organization"}),
    "council": frozenset({"institution", "organization"}),
    "authorities": frozenset({"country"}),
}
_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "stay"})
# bodies named after their leader act for the leader's state
_LEADER_BODIES = frozenset({"administration", "government", "cabinet", "regime", "authorities"})
_MENTION_ROLES = frozenset({"name", "metonym", "demonym", "title", "pronoun", "acronym"})


@dataclass
class ActorIndex:
    """Token-level view of one document's actors, for relations and stances."""

    doc: Document
    sdoc: Doc
    gazetteer: Gazetteer | None = None
    by_token: dict[int, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    quote_spans: list[Quote] = field(default_factory=list)
    outlet_id: str | None = None
    places: dict[int, list[str]] = field(default_factory=dict)
    _pronouns: dict[int, list[str]] = field(default_factory=dict)
    _affiliation: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._relational_nouns = frozenset(relation_lexicon().predicates)
        self._islands = relation_lexicon().island_states
        self.kinds = {a.id: a.kind for a in self.doc.actors}
        self._normal = {a.id: self._normalise(a) for a in self.doc.actors}
        seats = relation_lexicon().seat_metonyms
        by_token: dict[int, list[str]] = defaultdict(list)
        self._body_tokens: set[int] = set()  # tokens of bodies, also where they act for a state
        # places first: a body named without its state takes the state of a place beside it
        for actor in self.doc.actors:
            for mention in actor.mentions:
                if mention.role == "place":
                    span = self.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
                    for token in span or []:
                        self.places.setdefault(token.i, [self._normal[actor.id]])
        for actor in self.doc.actors:
            for mention in actor.mentions:
                if mention.role not in _MENTION_ROLES:
                    continue
                actor_id = self._normal[actor.id]
                seat = seats.get(mention.text)
                if seat and mention.role == "metonym" and seat in self.kinds:
                    actor_id = seat
                span = self.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                if actor_id == actor.id and self._stateless_body(actor):
                    actor_id = self._state_by_place(span) or actor_id
                if actor.kind in ("institution", "organization"):
                    self._body_tokens.update(t.i for t in span)
                for token in span:
                    if actor_id not in by_token[token.i]:
                        by_token[token.i].append(actor_id)
        self._drop_headline_attribution(by_token)
        self.by_token = dict(by_token)
        self._spokespeople_act_for_their_state()
        self.quote_spans = sorted(self.doc.quotes, key=lambda q: q.start)
        outlet = self.doc.meta.outlet
        if outlet:
            for actor in self.doc.actors:
                if actor.kind == "media" and actor.name.casefold() == outlet.casefold():
                    self.outlet_id = actor.id
        self._resolve_third_person()
        self._resolve_quoted_persons()

    def _spokespeople_act_for_their_state(self) -> None:
        """A spokesperson's acts are their state's ("Zakharova criticised the law" is Russia
        criticising it), when the gazetteer or a title in the text says they are one and their
        state is known."""
        for actor in self.doc.actors:
            if actor.kind != "person":
                continue
            entry = self.gazetteer.get(actor.id) if self.gazetteer is not None else None
            spokes = any("spokes" in role or "press secretary" in role for role in (entry.roles if entry else ()))
            spokes = spokes or any(m.role == "title" and "spokes" in m.text.lower() for m in actor.mentions)
            if not spokes:
                continue
            state = self.affiliation(actor.id)
            if state == actor.id or self.kinds.get(state) != "country":
                continue
            for ids in self.by_token.values():
                for k, actor_id in enumerate(ids):
                    if actor_id == actor.id:
                        ids[k] = state

    def _drop_headline_attribution(self, by_token: dict[int, list[str]]) -> None:
        """"Islamabad is fighting the wrong war – Kharlamov": the name after the headline's dash
        says who is quoted, it takes part in nothing the headline states."""
        span = self.doc.meta.title_span
        if span is None:
            return
        title = self.doc.text[span.start : span.end]
        dash = max(title.rfind(" – "), title.rfind(" — "), title.rfind(" - "))
        if dash < 0:
            return
        tail = self.sdoc.char_span(span.start + dash, span.end, alignment_mode="expand")
        for token in tail or []:
            ids = by_token.get(token.i, [])
            if ids and all(self.kinds.get(i) == "person" for i in ids):
                del by_token[token.i]

    # ------------------------------------------------------------------ ids
    def _normalise(self, actor: Actor) -> str:
        """The id an actor acts under in relations (a state's ministry acts for the state)."""
        if actor.kind != "institution":
            return actor.id
        match = _INSTITUTION_STATE_ID.match(actor.id)
        if match and match.group(1).upper() in self.kinds:
            return match.group(1).upper()
        if _STATE_INSTITUTION.search(actor.name) or any(
            _STATE_INSTITUTION.search(m.text) for m in actor.mentions if m.role == "name"
        ):
            for other in self.doc.actors:
                if other.kind == "country" and re.search(rf"\b{re.escape(other.name)}\b", actor.name):
                    return other.id
        return actor.id

    def _stateless_body(self, actor: Actor) -> bool:
        """"the Foreign Ministry", "the National Security Committee": a state body named
        without its state (not a gazetteer entry, which knows its own)."""
        if actor.kind not in ("institution", "organization"):
            return False
        if self.gazetteer is not None and self.gazetteer.get(actor.id) is not None:
            return False
        return bool(_STATE_INSTITUTION.search(actor.name) or _STATE_BODY.search(actor.name))

    def _state_by_place(self, span: Span) -> str | None:
        """The state whose capital is the one place named in the sentence ("In Paris, the
        Foreign Ministry said ..." is the French ministry)."""
        states = {
            state
            for token in span.sent
            for state in self.places.get(token.i, [])
            if self.kinds.get(state) == "country"
        }
        return states.pop() if len(states) == 1 else None

    def normal(self, actor_id: str) -> str:
        return self._normal.get(actor_id, actor_id)

    def is_person(self, actor_id: str) -> bool:
        return self.kinds.get(actor_id) == "person"

    # ------------------------------------------------------------------ quotes
    def quote_at(self, char: int) -> Quote | None:
        for quote in self.quote_spans:
            if quote.start <= char < quote.end:
                return quote
        return None

    def asserted_by(self, char: int) -> str | None:
        quote = self.quote_at(char)
        if quote is not None:
            return quote.speaker
        return self.outlet_id

    # ------------------------------------------------------------------ tokens
    def at(self, token: Token) -> tuple[list[str], bool]:
        """Actor ids a single token stands for, and whether they were inferred (pronoun)."""
        ids = self.by_token.get(token.i)
        if ids:
            return list(ids), self.kinds.get(ids[0]) == "person" and token.pos_ == "PRON"
        lower = token.lower_
        if lower in FIRST_SINGULAR or lower in FIRST_PLURAL:
            quote = self.quote_at(token.idx)
            if quote is None or quote.speaker is None:
                return [], False
            if lower in FIRST_SINGULAR:
                return [quote.speaker], True
            return [self.affiliation(quote.speaker, token)], True
        if lower in THIRD_PERSON and token.i in self._pronouns:
            return list(self._pronouns[token.i]), True
        return [], False

    def modifier(self, token: Token) -> tuple[list[str], bool]:
        """Actors of a modifier; through a compound ("Ukrainian drone strikes")."""
        ids, inferred = self.at(token)
        if not ids and token.lower_ in _DEFINITE_KINDS and self._definite(token):
            return self._definite_antecedent(token), True  # "the bloc's budget"
        if not ids and token.dep_ in ("compound", "poss") and token.pos_ in ("NOUN", "PROPN"):
            # "Ukrainian drone strikes", "a French nuclear group's licence"
            for child in token.children:
                if child.dep_ in _MODIFIER_DEPS:
                    more, more_inferred = self.at(child)
                    ids.extend(m for m in more if m not in ids)
                    inferred = inferred or more_inferred
        return ids, inferred

    def modifiers_of(self, head: Token) -> tuple[list[str], bool]:
        """Actors of a noun's possessor and modifiers ("Russian weapons" -> Russia)."""
        ids: list[str] = []
        inferred = False
        for child in head.children:
            if child.dep_ in _MODIFIER_DEPS:
                more, more_inferred = self.modifier(child)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
        return ids, inferred

    def phrase(self, head: Token, *, depth: int = 0) -> tuple[list[str], bool]:
        """Actor ids a noun phrase headed by ``head`` stands for (with coordination)."""
        ids, inferred = self._single(head)
        if depth == 0:
            for conj in head.conjuncts:
                more, more_inferred = self._single(conj)
                for actor_id in more:
                    if actor_id not in ids:
                        ids.append(actor_id)
                inferred = inferred or more_inferred
        return ids, inferred

    def _single(self, head: Token) -> tuple[list[str], bool]:
        if head.lower_ in ("which", "who", "that") and head.head.dep_ == "relcl":
            antecedent = head.head.head
            if antecedent.dep_ == "attr" and antecedent.head.lemma_ in _COPULAS:
                # "Moscow and Beijing remain the only members that block X": the members are the
                # copula's subject
                ids, inferred = self.clause_subject(antecedent.head)
                if ids:
                    return ids, inferred
            return self.phrase(antecedent, depth=1)
        ids, inferred = self.at(head)
        if ids:
            return ids, inferred
        if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return [], False
        if head.lemma_.lower() in self._relational_nouns:
            # "our ally the Philippines", "its closest partner, Azerbaijan": the apposition is
            # the one meant, not the possessor
            for child in head.children:
                if child.dep_ == "appos":
                    ids, inferred = self.phrase(child, depth=1)
                    if ids:
                        return ids, inferred
        found: list[str] = []
        relational = head.lower_ in RELATIONAL_PROXIES
        for child in head.children:
            if child.dep_ in _MODIFIER_DEPS and not (relational and child.dep_ == "poss"):
                for each in (child, *child.conjuncts):  # "Armenian and French officials"
                    more, more_inferred = self.modifier(each)
                    found.extend(m for m in more if m not in found)
                    inferred = inferred or more_inferred
        if found and head.lower_ in _LEADER_BODIES:
            # "the Trump administration", "the Orbán government": the leader's state acts
            found = [self._leader_state(i) or i for i in found]
        if not found and (relational or head.lower_ in PROXY_NOUNS):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in _PROXY_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            for each in (pobj, *pobj.conjuncts):  # "from Washington and Paris"
                                more, more_inferred = self.at(each)
                                more = more or self.places.get(each.i, [])
                                if not more and each.lower_ in PROXY_NOUNS and each.i != head.i:
                                    # "the ambassadors of the members of the Council"
                                    more, more_inferred = self._single(each)
                                found.extend(m for m in more if m not in found)
                                inferred = inferred or more_inferred
        if not found:
            for child in head.children:  # "monasteries linked to the Moscow Patriarchate"
                if child.dep_ == "acl" and child.lemma_.lower() in _BELONGING and child.tag_ in ("VBN", "VBG"):
                    for prep in child.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                            for pobj in prep.children:
                                if pobj.dep_ == "pobj":
                                    more, more_inferred = self.at(pobj)
                                    found.extend(m for m in more if m not in found)
                                    inferred = inferred or more_inferred
        if not found and head.lower_ in _DEFINITE_KINDS and self._definite(head):
            found = self._definite_antecedent(head)
            inferred = bool(found)
        if not found and head.lower_ in _GROUP_NOUNS:
            found = self._counted_group(head)
            inferred = bool(found)
        return found, inferred

    def _counted_group(self, head: Token) -> list[str]:
        """"both countries", "the two governments", "the three states": the last that many
        states named before, in this or the three sentences before."""
        size = 0
        for child in head.children:
            if child.lower_ == "both" and child.dep_ in ("det", "predet", "preconj"):
                size = 2
            elif child.dep_ == "nummod" and child.lower_ in _COUNTS:
                size = _COUNTS[child.lower_]
        if size < 2 or any(c.dep_ in ("poss", "compound", "amod") for c in head.children):
            return []
        first = head.sent.start
        for _ in range(3):
            if first == 0:
                break
            first = self.sdoc[first - 1].sent.start
        found: list[str] = []
        for i in range(head.i - 1, first - 1, -1):
            for actor_id in self.by_token.get(i, []):
                if self.kinds.get(actor_id) == "country" and actor_id not in found:
                    found.append(actor_id)
            if len(found) == size:
                return list(reversed(found))
        return []

    def _leader_state(self, actor_id: str) -> str | None:
        if not self.is_person(actor_id) or self.gazetteer is None:
            return None
        entry = self.gazetteer.get(actor_id)
        if entry is not None and entry.affiliation and self.kinds.get(entry.affiliation) == "country":
            return entry.affiliation
        return None

    def clause_subject(self, verb: Token) -> tuple[list[str], bool]:
        """Actors of the subject of ``verb``. The parser often reads "According to X, A and B
        remain ..." as if A and B were conjuncts of (or in apposition to) X; then they are the
        subject."""
        # two subjects are a misparse of an address ("– Mr Halmágyi, the Commission is ..."):
        # the one naming an actor comes first
        subjects = [(c, *self.phrase(c)) for c in verb.children if c.dep_ == "nsubj"]
        for child, named_ids, inferred in sorted(subjects, key=lambda s: not s[1]):
            if len(named_ids) == 1 and self.is_person(named_ids[0]):
                # "– Mr Halmágyi, the European Commission is still withholding ...": the
                # person is addressed; the body in apposition is the subject
                for appos in child.children:
                    if appos.dep_ == "appos":
                        named = [i for i in self.phrase(appos)[0] if not self.is_person(i)]
                        if named:
                            return named, False
            return named_ids, inferred
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in child.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            ids: list[str] = []
                            misread = [*pobj.conjuncts]  # "According to X, A and B remain"
                            for appos in pobj.children:  # "According to the analyst, A and B"
                                if appos.dep_ == "appos":
                                    misread.extend((appos, *appos.conjuncts))
                            for token in misread:
                                more, _ = self.at(token)
                                ids.extend(i for i in more if i not in ids and not self.is_person(i))
                            if ids:
                                return ids, False
        return [], False

    @staticmethod
    def _definite(head: Token) -> bool:
        """"the organisation", with no modifier of its own."""
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
            c.dep_ in ("amod", "compound", "poss", "relcl", "acl") for c in head.children
        )

    def _definite_antecedent(self, head: Token) -> list[str]:
        """"the organisation", "the bloc", "the country": the latest actor of that kind named in
        this or the two sentences before."""
        kinds = _DEFINITE_KINDS[head.lower_]
        sent = head.sent
        first = sent.start
        # not a co-argument: in "Every weapon the United States sells to the island" the island
        # is not the United States
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        co_arguments = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        for _ in range(2):
            if first == 0:
                break
            first = self.sdoc[first - 1].sent.start
        for i in range(head.i - 1, first - 1, -1):
            if i in co_arguments:
                continue
            for actor_id in self.by_token.get(i, []):
                if head.lower_ == "island" and actor_id not in self._islands:
                    continue
                if self.kinds.get(actor_id) in kinds:
                    return [actor_id]
                if i in self._body_tokens and kinds & {"institution", "organization"}:
                    return [actor_id]  # "the Committee": the body named before, as its state
                # "the Armenian parliament ... the country's accession": the body's state
                state = self._state_of(actor_id) if "country" in kinds else None
                if state is not None:
                    return [state]
        return []

    # ------------------------------------------------------------------ pronouns
    def _resolve_third_person(self) -> None:
        """'it', 'its', 'they', 'their': the nearest earlier subject naming a non-person actor."""
        recent: list[tuple[int, list[str], Token]] = []  # (sentence index, ids, subject token)
        for s_index, sent in enumerate(self.sdoc.sents):
            for token in sent:
                if token.lower_ in THIRD_PERSON and token.i not in self.by_token and token.dep_ != "expl":
                    found = self._addressee(token) or self._antecedent(token, s_index, recent)
                    if found is not None:
                        if token.lower_ in _SINGULAR_PRONOUNS:
                            found = found[:1]  # "it" is one of a coordination at most
                        self._pronouns[token.i] = found
                if token.dep_ in _SUBJECT_DEPS:
                    # the whole coordination: "Russia, China and Iran said that they oppose ..."
                    ids, _ = self.phrase(token)
                    ids = [i for i in ids if not self.is_person(i)]
                    if ids or (token.pos_ == "NOUN" and not self.by_token.get(token.i)):
                        # a subject naming no actor ("The people who run this protectorate say
                        # they ...") stands between a pronoun and an earlier actor
                        recent.append((s_index, ids, token))
                        del recent[:-4]

    def _resolve_quoted_persons(self) -> None:
        """"he/his/she/her" inside a quote (which the actor stage leaves alone): the latest
        person the quote names before it, within two sentences, who is not its speaker
        ("Pashinyan understands this. He has given away Karabakh")."""
        starts = [sent.start for sent in self.sdoc.sents]
        sentence = 0
        for token in self.sdoc:
            while sentence + 1 < len(starts) and starts[sentence + 1] <= token.i:
                sentence += 1
            if token.lower_ not in _PERSONAL_PRONOUNS or token.i in self.by_token:
                continue
            quote = self.quote_at(token.idx)
            if quote is None:
                continue
            first = starts[max(0, sentence - 2)]
            for i in range(token.i - 1, first - 1, -1):
                other = self.sdoc[i]
                if other.idx < quote.start:
                    break
                named = [a for a in self.by_token.get(i, []) if self.is_person(a) and a != quote.speaker]
                if named:
                    self.by_token[token.i] = named[:1]
                    break

    def _addressee(self, token: Token) -> list[str] | None:
        """A possessive in the infinitive of a request belongs to the one asked ("called on
        Beijing to end its military pressure": its = Beijing)."""
        if token.dep_ != "poss":
            return None
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.i < token.i:
                named = [i for i in self.by_token.get(obj.i, []) if not self.is_person(i)]
                if named:
                    return named  # "lobbying the EU to punish Georgia for its course": Georgia's
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ not in ("xcomp", "advcl", "ccomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            return None
        asker = verb.head
        for child in asker.children:
            objects = [child] if child.dep_ == "dobj" else []
            if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
            for obj in objects:
                ids = [i for i in self.by_token.get(obj.i, []) if not self.is_person(i)]
                if ids:
                    return ids
        return None

    @staticmethod
    def _antecedent(
        token: Token, s_index: int, recent: list[tuple[int, list[str], Token]]
    ) -> list[str] | None:
        """The latest subject in the same sentence that is not the pronoun's co-argument (a plain
        object pronoun does not stand for the subject of its own verb: "Yerevan decided that
        Paris would protect it", it = Yerevan); across a sentence boundary, the main-clause
        subject of the previous sentence first ("Yerevan decided that Paris would protect it.
        It froze ...": It = Yerevan), else its latest subject."""
        previous: list[tuple[list[str], Token]] = []
        plural = token.lower_ in ("they", "their", "them", "themselves")
        for index, ids, subject in reversed(recent):
            if not ids:
                # a plain noun subject agreeing in number with the pronoun is its antecedent, and
                # it names no actor: the pronoun stands for none
                if index == s_index and (subject.tag_ == "NNS") == plural and subject.i < token.i:
                    return None
                continue
            if index == s_index:
                if token.lower_ in _OBJECT_PRONOUNS and subject.head.i == token.head.i:
                    continue
                return list(ids)
            if s_index - index == 1:
                previous.append((ids, subject))
        for ids, subject in previous:
            if subject.head.dep_ == "ROOT":
                return list(ids)
        return list(previous[0][0]) if previous else None

    # ------------------------------------------------------------------ affiliation
    def affiliation(self, speaker: str, token: Token | None = None) -> str:
        """Whom a speaker's "we" stands for: their state or organisation on evidence, else them."""
        if token is not None:
            headline = self._headline_subject(token)
            if headline is not None:
                return headline
        if speaker in self._affiliation:
            return self._affiliation[speaker]
        found = self._find_affiliation(speaker) or speaker
        self._affiliation[speaker] = found
        return found

    def _headline_subject(self, token: Token) -> str | None:
        """The headline restates the quote with a country as subject of the same verb."""
        span = self.doc.meta.title_span
        if span is None or token.idx < span.end:
            return None
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        for htoken in self.sdoc.char_span(span.start, span.end, alignment_mode="expand") or []:
            if htoken.lemma_ == verb.lemma_ and htoken.pos_ == verb.pos_:
                for child in htoken.children:
                    if child.dep_ in _SUBJECT_DEPS:
                        ids = [i for i in self.by_token.get(child.i, []) if self.kinds.get(i) == "country"]
                        if len(ids) == 1:
                            return ids[0]
        return None

    def _state_of(self, actor_id: str) -> str | None:
        """The state an actor named beside a speaker places them in: a state, a state's ministry,
        or a body whose gazetteer affiliation is a state of the article ("deputy chair of the
        Armenian parliament's committee" speaks for Armenia)."""
        state = self.normal(actor_id)
        if self.kinds.get(state) == "country":
            return state
        if self.kinds.get(actor_id) == "institution" and self.gazetteer is not None:
            entry = self.gazetteer.get(actor_id)
            if entry is not None and entry.affiliation and self.kinds.get(entry.affiliation) == "country":
                return entry.affiliation
        return None

    def _find_affiliation(self, speaker: str) -> str | None:
        normal = self.normal(speaker)
        if normal != speaker or self.kinds.get(speaker) in ("country", "alliance"):
            return normal
        if self.gazetteer is not None:
            entry = self.gazetteer.get(speaker)
            if entry is not None and entry.affiliation and entry.affiliation in self.kinds:
                return entry.affiliation
        actor = self.doc.actor(speaker)
        if actor is None or actor.kind != "person":
            return None
        best: tuple[int, int, str] | None = None
        for mention in actor.mentions:
            if mention.role not in ("name", "title"):
                continue
            span = self.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            while root.dep_ in ("compound", "appos", "flat") and root.head.i != root.i:
                root = root.head
            for tok in root.subtree:
                if abs(tok.i - span.start) > 10 or span.start <= tok.i < span.end:
                    continue
                for other in self.doc.actors:
                    if other.id == speaker:
                        continue
                    for om in other.mentions:
                        # a demonym or state named beside the speaker, or a body naming them
                        # ("the ministry's spokeswoman, X": "the ministry" refers back to one)
                        named = om.role in ("demonym", "name", "metonym")
                        body = om.role == "title" and other.kind == "institution"
                        if om.start <= tok.idx < om.end and (named or body):
                            state = self._state_of(other.id)
                            if state is None and body:
                                state = self.normal(other.id)  # the body itself, its state unnamed
                            if state is None:
                                continue
                            kind_rank = 0 if om.role == "demonym" else 1 if named else 2
                            rank = (kind_rank, abs(tok.i - span.start), state)
                            if best is None or rank < best:
                                best = rank
        return best[2] if best else None
