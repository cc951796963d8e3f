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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from presslens.actors.gazetteer import load_gazetteer
from presslens.model import Document, Modality, Quote
from presslens.relations.russian_lexicon import RuLexicon, plain

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
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


class ActorTokens:
    """Actor ids per token of one document, and the facts about actors the stages need."""

    def __init__(self, doc: Document, sdoc: Doc) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.kinds = {a.id: a.kind for a in doc.actors}
        starts = [t.idx for t in sdoc]
        best: dict[int, tuple[int, list[str]]] = {}
        for actor in doc.actors:
            for m in actor.mentions:
                if m.role == "place" or m.end <= m.start:
                    continue
                length = m.end - m.start
                for i in range(bisect_left(starts, m.start), bisect_right(starts, m.end - 1)):
                    current = best.get(i)
                    if current is None or length < current[0]:
                        best[i] = (length, [actor.id])
                    elif length == current[0] and actor.id not in current[1]:
                        current[1].append(actor.id)
        self.by_token: dict[int, tuple[str, ...]] = {i: tuple(ids) for i, (_, ids) in best.items()}
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.outlet_id = self._outlet()
        self._states: dict[str, str | None] = {}

    # ------------------------------------------------------------------ actors of tokens
    def at(self, token: Token) -> tuple[str, ...]:
        return self.by_token.get(token.i, ())

    def phrase(self, token: Token) -> list[str]:
        """The actors a nominal phrase headed by ``token`` stands for."""
        own = self.at(token)
        if own:
            return list(own)
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "X"):
            return []
        found: list[str] = []
        for child in token.children:
            if child.dep_ in _OWNER_DEPS and preposition(child) is None:
                found.extend(a for a in self.at(child) if a not in found)
        # "представитель МИД России Мария Захарова": the named one, not the body she speaks for
        named = [
            a for c in token.children if c.dep_ in _NAME_DEPS for a in self.at(c)
            if self.kinds.get(a) == "person"
        ]
        return named or found

    def group(self, token: Token) -> list[str]:
        """``phrase`` of the token and of the phrases coordinated with it ("Турция и
        Азербайджан", "из Парижа и Брюсселя")."""
        found = self.phrase(token)
        for child in token.children:
            if child.dep_ == "conj":
                found.extend(a for a in self.phrase(child) if a not in found)
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
    its own subject shares its head's ("Турция ... действуют и согласуют", "намерена навязывать");
    a participle or relative clause acts for the noun it qualifies."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if plain(child.lemma_) == "который" and verb.dep_ == "acl:relcl":
                return actors.group(verb.head)
            return actors.group(child)
    if depth == 0 or verb.head.i == verb.i:
        return []
    if any(c.dep_ == "cc" for c in verb.children):
        # "... решает само и выполняет ...": the parser may hang the second verb of a pair on
        # the first one's head instead of on the first verb; it shares the nearest one's subject
        for sibling in sorted(verb.head.children, key=lambda t: -t.i):
            if sibling.i < verb.i and sibling.dep_ == verb.dep_ and sibling.pos_ == "VERB":
                return subjects(sibling, actors, depth - 1)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
        return subjects(verb.head, actors, depth - 1)
    if verb.dep_ == "acl":
        return actors.group(verb.head)
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
