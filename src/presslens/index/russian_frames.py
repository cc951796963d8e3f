"""What the Russian relation, stance and claim stages read around a cue word in natasha's UD
parse: which actors a token or a phrase stands for (``ActorTokens``), who the subject of a verb
is, what its complements are, and whether it is negated, future or hypothetical.

Actors come only from the actor stage's mentions (any role except ``place``): a token stands for
the actors of the shortest mention that covers it, so that "России" in the mention "МИД России"
is Russia while "МИД" is the ministry. A phrase whose head names nobody stands for the actors of
its bare genitive, demonym adjective or possessive ("руководство Армении", "его министры").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from presslens.actors.gazetteer import load_gazetteer
from presslens.index.russian_reference import SUBJECT_DEPS, References
from presslens.lexicon.russian_relations import RuLexicon, plain, russian_relation_lexicon
from presslens.model import Document, Modality, Quote

# dependents of a nominal that name its owner or kind ("руководство Армении", "французские
# поставки", "его министры"); "nmod" only without a preposition (a genitive)
_OWNER_DEPS = frozenset({"nmod", "amod", "det", "nmod:poss", "appos", "flat:name", "flat"})
_NAME_DEPS = frozenset({"appos", "flat:name", "flat"})
_INSTITUTION_STATE = re.compile(r"^institution:(q[0-9]+):")


def feature(token: Token, name: str) -> list[str]:
    """The values of one morphological feature of a token ("Case" -> ["Gen"])."""
    return list(token.morph.get(name, []))


def case_of(token: Token) -> str | None:
    cases = feature(token, "Case")
    return cases[0] if cases else None


def preposition(token: Token) -> str | None:
    """The lemma of the preposition heading a nominal ("против России" -> "против"); compound
    prepositions ("в отношении") are joined with "_"."""
    parts = [plain(c.lemma_) for c in token.children if c.dep_ in ("case", "fixed") and c.i < token.i]
    for child in token.children:
        if child.dep_ == "case":
            parts.extend(plain(f.lemma_) for f in child.children if f.dep_ == "fixed")
    return "_".join(parts) if parts else None


class ActorTokens(References):
    """Actor ids per token of one document, and the facts about actors the stages need."""

    def __init__(self, doc: Document, sdoc: Doc) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.lexicon = russian_relation_lexicon()
        self.kinds = {a.id: a.kind for a in doc.actors}
        self.by_token = self._index(doc, sdoc, places=False)
        # a capital or country named as the place of an act ("в Минске назвали", "размещение
        # бригады в Литве"): read only where a frame asks for a place
        self.places = self._index(doc, sdoc, places=True)
        self._sentence_starts = [s.start for s in sdoc.sents]
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.outlet_id = self._outlet()
        self._states: dict[str, str | None] = {}

    @staticmethod
    def _index(doc: Document, sdoc: Doc, places: bool) -> dict[int, tuple[str, ...]]:
        """The actors of the shortest mention covering each token; a word holding several
        mentions ("российско-белорусскими") stands for all of them in text order."""
        starts = [t.idx for t in sdoc]
        best: dict[int, tuple[int, list[str]]] = {}
        parts: dict[int, list[tuple[int, str]]] = {}
        for actor in doc.actors:
            for m in actor.mentions:
                if (m.role == "place") != places or m.end <= m.start:
                    continue
                length = m.end - m.start
                first = max(0, bisect_right(starts, m.start) - 1)
                for i in range(first, bisect_right(starts, m.end - 1)):
                    token = sdoc[i]
                    if m.start > token.idx or m.end < token.idx + len(token.text):
                        if m.start < token.idx + len(token.text):
                            parts.setdefault(i, []).append((m.start, actor.id))
                        continue
                    current = best.get(i)
                    if current is None or length < current[0]:
                        best[i] = (length, [actor.id])
                    elif length == current[0] and actor.id not in current[1]:
                        current[1].append(actor.id)
        found = {i: tuple(ids) for i, (_, ids) in best.items()}
        for i, inside in parts.items():
            if i not in found:
                found[i] = tuple(dict.fromkeys(a for _, a in sorted(inside)))
        return found

    # ------------------------------------------------------------------ actors of tokens
    def at(self, token: Token) -> tuple[str, ...]:
        return self.by_token.get(token.i, ())

    def phrase(self, token: Token, places: bool = False, depth: int = 2) -> list[str]:
        """The actors a nominal phrase headed by ``token`` stands for: its own mention (a place
        too where ``places``), a pronoun's antecedent, a relative pronoun's noun, else the
        owners named in its genitive (two levels deep: "визиты российских делегаций"), demonym
        adjective, possessive or origin ("делегации из Москвы")."""
        own = self.at(token) or (self.places.get(token.i, ()) if places else ())
        if own:
            return list(own)
        if token.pos_ in ("PRON", "DET"):
            if plain(token.lemma_) in self.lexicon.relative_pronouns:
                clause = token.head
                if clause.dep_ == "acl:relcl" and clause.head.i != clause.i:
                    return self.phrase(clause.head, places, depth)
                return []
            meant = self.stands_for(token)
            if meant:
                return meant
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "X"):
            return []
        found: list[str] = []
        for child in token.children:
            if child.dep_ not in _OWNER_DEPS:
                continue
            prep = preposition(child)
            if prep is None:
                owners = list(self.at(child)) or self.stands_for(child)
                if not owners and depth > 1 and child.dep_ == "nmod":
                    owners = self.group(child, depth=depth - 1)
            elif child.dep_ == "nmod" and prep in self.lexicon.origin_preps and child.pos_ == "PROPN":
                owners = self.group(child, places=True, depth=1)
            else:
                continue
            found.extend(a for a in owners if a not in found)
        # "представитель МИД России Мария Захарова": the named one, not the body she speaks for
        named = [
            a for c in token.children if c.dep_ in _NAME_DEPS for a in self.at(c)
            if self.kinds.get(a) == "person"
        ]
        return named or found or self.named_before(token)

    def group(self, token: Token, places: bool = False, depth: int = 2) -> list[str]:
        """``phrase`` of the token and of the phrases coordinated with it ("Турция и
        Азербайджан", "из Парижа и Брюсселя")."""
        found = self.phrase(token, places, depth)
        for child in token.children:
            if child.dep_ == "conj":
                found.extend(a for a in self.phrase(child, places, depth) if a not in found)
        return found

    # ------------------------------------------------------------------ speech
    def quote_at(self, char: int) -> Quote | None:
        for quote in self.quotes:
            if quote.start <= char < quote.end:
                return quote
            if quote.start > char:
                break
        return None

    def asserted_by(self, char: int) -> str | None:
        quote = self.quote_at(char)
        return quote.speaker if quote is not None else self.outlet_id

    def _outlet(self) -> str | None:
        outlet = (self.doc.meta.outlet or "").strip().casefold()
        for actor in self.doc.actors:
            if outlet and actor.kind == "media" and actor.name.casefold() == outlet:
                return actor.id
        return None

    # ------------------------------------------------------------------ states
    def state_of(self, actor_id: str) -> str | None:
        """The country an actor acts for: a country itself; a body or office-holder whose
        gazetteer entry or id names its state; else a country named inside one of its mentions
        ("МИД России", "президент Азербайджана"). None when unknown."""
        if actor_id not in self._states:
            self._states[actor_id] = self._find_state(actor_id)
        return self._states[actor_id]

    def acting_id(self, actor_id: str) -> str:
        """The id an actor acts under in relations, as in English (``DocumentIndex.normal``): a
        state's body (a ministry, an embassy, its government) acts for its state. People,
        spokespeople included, act as themselves (English draws a spokesperson's acts as the
        state's: measured here, that lost the development gold's "Zakharova accused Baku")."""
        if self.kinds.get(actor_id) != "institution":
            return actor_id
        state = self.state_of(actor_id)
        return state if state is not None and self.kinds.get(state) == "country" else actor_id

    def _find_state(self, actor_id: str) -> str | None:
        kind = self.kinds.get(actor_id)
        if kind == "country":
            return actor_id
        if kind not in ("person", "institution", "party"):
            return None
        match = _INSTITUTION_STATE.match(actor_id)
        if match:
            return match.group(1).upper()
        entry = load_gazetteer().get(actor_id)
        if entry is not None and entry.affiliation and self.kinds.get(entry.affiliation) == "country":
            return str(entry.affiliation)
        actor = self.doc.actor(actor_id)
        for mention in actor.mentions if actor is not None else ():
            span = self.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                for other in self.at(token):
                    if other != actor_id and self.kinds.get(other) == "country":
                        return other
        return None


# ---------------------------------------------------------------------- syntax around a cue
def subjects(verb: Token, actors: ActorTokens, depth: int = 3) -> list[str]:
    """The actors of a verb's (or predicate's) subject; a coordinated or complement verb without
    its own subject shares its head's ("Турция ... действуют и согласуют", "намерена навязывать"),
    and so does a "что"-clause of a verb of saying ("заявили, что поддерживают"); a participle
    or relative clause acts for the noun it qualifies; a relative clause with no subject of its
    own, for the subject of the clause its noun stands in ("превращает его в инструмент, с
    помощью которого пытается ..."); "В X заявили" is said by X."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if plain(child.lemma_) in actors.lexicon.relative_pronouns and verb.dep_ == "acl:relcl":
                return actors.group(verb.head)
            return actors.group(child)
    impersonal = actors.impersonal(verb)
    if impersonal:
        return impersonal
    if depth == 0 or verb.head.i == verb.i:
        return []
    if any(c.dep_ == "cc" for c in verb.children):
        # "... решает само и выполняет ...": the parser may hang the second verb of a pair on
        # the first one's head instead of on the first verb; it shares the nearest one's subject
        for sibling in sorted(verb.head.children, key=lambda t: -t.i):
            if sibling.i < verb.i and sibling.dep_ == verb.dep_ and sibling.pos_ == "VERB":
                return subjects(sibling, actors, depth - 1)
    head_lemma = plain(verb.head.lemma_)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
        return subjects(verb.head, actors, depth - 1)
    if verb.dep_ == "ccomp" and head_lemma in actors.lexicon.report_verbs:
        return subjects(verb.head, actors, depth - 1)
    if verb.dep_ == "acl":
        return actors.group(verb.head)
    if (
        verb.dep_ == "acl:relcl" and "Sing" in feature(verb, "Number")
        and verb.head.head.i != verb.head.i and verb.head.head.pos_ == "VERB"
    ):
        # (a plural verb with no subject is indefinite: "в США, где им обещают субсидии")
        return subjects(verb.head.head, actors, depth - 1)
    return []


def _bare_fits(dep: str, case: str | None, wanted: set[str]) -> bool:
    """Whether a dependent without a preposition fills one of the wanted slots."""
    if dep == "obj":
        return "obj" in wanted or ("gen" in wanted and case == "Gen")
    if dep == "iobj":
        return "iobj" in wanted or "dat" in wanted
    slot = {"Dat": "dat", "Gen": "gen", "Ins": "ins"}.get(case or "")
    return dep in ("obl", "nmod") and slot is not None and slot in wanted


def complements(head: Token, args: Iterable[str]) -> Iterator[Token]:
    """The dependents of ``head`` in one of the argument slots ``args``: "obj", "iobj", "dat"
    (a bare dative), "gen" (a bare genitive), "ins" (a bare instrumental), or a preposition."""
    wanted = set(args)
    for child in head.children:
        dep = child.dep_
        if dep in ("conj", "punct", "cc", "case", "mark"):
            continue
        prep = preposition(child)
        if prep is not None:
            if prep in wanted and dep in ("obl", "nmod", "obj", "iobj", "xcomp"):
                yield child
        elif _bare_fits(dep, case_of(child), wanted):
            yield child


def _chain(token: Token, depth: int = 3) -> Iterator[Token]:
    """The token and the heads it complements ("не намерена навязывать": навязывать, намерена)."""
    node = token
    yield node
    for _ in range(depth):
        if node.dep_ not in ("xcomp", "csubj") or node.head.i == node.i:
            return
        node = node.head
        yield node


def _negates(particle: Token, lexicon: RuLexicon) -> bool:
    """A negation particle that is not part of an idiom ("не раз" is "many times")."""
    if plain(particle.lemma_) not in lexicon.negation:
        return False
    following = particle.nbor(1) if particle.i + 1 < len(particle.doc) else None
    return following is None or plain(following.lemma_) not in lexicon.not_negating


def negated(token: Token, lexicon: RuLexicon) -> bool:
    return any(
        c.dep_ in ("advmod", "discourse", "aux", "det") and _negates(c, lexicon)
        for node in _chain(token) for c in node.children
    )


def modality(token: Token, lexicon: RuLexicon) -> Modality:
    """hypothetical (a modal or intent head, "если", "бы"), future ("будет", a perfective
    non-past) or asserted."""
    future = False
    for node in _chain(token):
        if node.i != token.i and plain(node.lemma_) in lexicon.hypothetical_heads:
            return "hypothetical"
        for child in node.children:
            lemma = plain(child.lemma_)
            if child.dep_ in ("mark", "aux", "advmod", "discourse") and lemma in lexicon.conditional_marks:
                return "hypothetical"
            if child.dep_ == "aux" and lemma in lexicon.future_auxiliaries and "Past" not in feature(child, "Tense"):
                future = True  # "будет поддерживать" (the tagger reads "будет" as present)
        if "Fut" in feature(node, "Tense"):
            future = True
    return "future" if future else "asserted"


QUOTE_MARKS = "\"'“”«»„‘’–—-"  # trimmed off an evidence line


def evidence_of(text: str, sent: SpacySpan, char: int) -> tuple[int, int]:
    """The line of the sentence holding ``char``, trimmed of space, dashes and dangling
    quotation marks."""
    start, end = sent.start_char, sent.end_char
    line_start = text.rfind("\n", start, char) + 1 or start
    line_end = text.find("\n", char, end)
    start, end = max(start, line_start), end if line_end < 0 else line_end
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
