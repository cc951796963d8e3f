"""Evaluative language: which words portray which actor, and how strongly.

Every finder yields ``Said`` items: the token where the evaluation is said (its holder is the
speaker of the quote around it, or the outlet), the actors it is about, and a signed weight.
Kinds of evidence (word lists and weights in ``data/stance_lexicon.yaml``):

- evaluative nouns and adjectives predicated of an actor or modifying it ("the Kyiv regime",
  "X is a mere instrument", "a reliable partner"), participles read as passives ("X is
  paralysed"), and evaluative action nouns done by an actor ("Brussels has chosen blackmail");
- verbs and verb phrases whose subject (or passive agent) the holder portrays ("X lectures",
  "a deal brokered by X", "X has lost the trust of", "X did nothing", "X keeps its word"; "have
  done so" repeats the verb phrase before it);
- verbs whose object the holder itself judges ("I blame X", "we respect X");
- sarcasm markers: "so-called", scare quotes around someone's words ("what X calls the 'Turkic
  world'", "X's 'strategic patience'") and "as if" ("X behaves as if it had a blank cheque").

Negation flips a sign at half strength, also in a purpose clause of a negated verb ("has never
sent a soldier to protect X"). Evaluation inside what somebody is asked, expected or pretends to
do is not asserted ("expects X to honour", "pretends to be neutral") and is left out. A relational
noun predicated of two coordinated actors ("A and B are allies") says how they stand to each
other, not how the holder sees them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.index import DocumentIndex
from presslens.lexicon import word_set
from presslens.stances.lexicon import StanceWords
from presslens.syntax import (
    COPULAS,
    FIRST_PERSON,
    ArgumentReader,
    hypothetical,
    negated,
    negated_scope,
)

_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_OWNER_PREPS = word_set("evaluation", "owner_preps")
_SPEECH_VERBS = word_set("evaluation", "speech_verbs")
_REPORTING_VERBS = word_set("evaluation", "reporting_verbs")
_DOING_VERBS = word_set("evaluation", "doing_verbs")
_PEOPLE_WORDS = word_set("evaluation", "people_words")
_BLAME_VERBS = word_set("evaluation", "blame_verbs")
_BLAME_PREPS = word_set("evaluation", "blame_preps")
_ROUTINE_OBJECTS = word_set("evaluation", "routine_objects")
_DENIAL_VERBS = word_set("evaluation", "denial_verbs")
_ALLEGATION_VERBS = word_set("evaluation", "allegation_verbs")
_ALLEGATION_PREPS = word_set("evaluation", "allegation_preps")
# Quotation marks that may open / close a scare quote, with their partners.
_SCARE = re.compile(r"(?<![\w’'])([“\"‘«„])([^“”\"‘’«»„\n]{1,60}?)([”\"’»“])(?![\w])")
_SCARE_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»", "„": "“”"}
_SCARE_MAX_WORDS = 5


@dataclass(frozen=True)
class Tokens:
    """The document's tokens and the strings every pass asks of them, made once per article."""

    tokens: list[Token]
    lowers: list[str]
    lemmas: list[str]

    @classmethod
    def of(cls, sdoc: Doc) -> Tokens:
        tokens = list(sdoc)
        return cls(tokens, [t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens])


@dataclass(frozen=True)
class Said:
    """An evaluation of ``targets`` said at ``token`` with a signed ``weight``; ``reporter`` is
    the subject of a verb of saying or thinking whose complement holds it, if any (then it is
    that subject's view, unless the subject is the holder)."""

    token: Token
    targets: tuple[str, ...]
    weight: float
    kind: str  # "word", "verb", "holder", "anaphor", "sarcasm", "scare"
    reporter: Token | None = None


def reporter(token: Token) -> Token | None:
    """The subject of the nearest verb of saying or thinking whose clausal complement holds
    ``token`` ("they say that X is a puppet": they)."""
    node = token
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "ccomp" and head.lemma_.lower() in _REPORTING_VERBS:
            for child in head.children:
                if child.dep_ == "nsubj":
                    return child
            return None
        node = head
    return None


def _is_so_called(token: Token) -> bool:
    """"so-called" (one token, or "so" "-" "called")."""
    if token.lower_ == "so-called":
        return True
    if token.lower_ != "called" or token.i < 2:
        return False
    doc = token.doc
    return doc[token.i - 1].text in ("-", "‑", "–") and doc[token.i - 2].lower_ == "so"


class EvaluativeLanguage:
    """Finds evaluative language in one parsed document."""

    def __init__(self, sdoc: Doc, index: DocumentIndex, arguments: ArgumentReader, words: StanceWords,
                 relational: frozenset[str], quoted: list[tuple[int, int]], tokens: Tokens) -> None:
        self.sdoc = sdoc
        self.tokens = tokens.tokens
        self.lowers = tokens.lowers
        self.lemmas = tokens.lemmas
        # every word some finder looks up: a token outside it is passed over at once
        self.vocabulary = frozenset(
            {*words.nouns, *words.adjectives, *words.predicate_adjectives, *words.subject_verbs,
             *words.holder_verbs, *words.failure_verbs, *(verb for verb, _ in words.phrases),
             *_BLAME_VERBS, "do", "called", "so-called"}
        )
        self.index = index
        self.arguments = arguments
        self.words = words
        self.relational = relational
        self.quoted = quoted  # spans of the document's quotes: their marks are no scare quotes

    # ------------------------------------------------------------------ helpers
    def unasserted(self, verb: Token) -> bool:
        """The verb (or copula) states what someone is asked, expected or pretends to do
        ("expects X to honour", "wants us to sanction X and to recognise Y"), or what is denied
        or alleged ("denied interfering", "was charged with obstructing")."""
        node = verb
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return False
            if node.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in _DENIAL_VERBS:
                return True
            if (
                node.dep_ in ("pcomp", "pobj")
                and head.lower_ in _ALLEGATION_PREPS
                and head.head.lemma_.lower() in _ALLEGATION_VERBS
            ):
                # (unless the holder makes the charge: "we condemn X for lying")
                return not any(
                    c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in head.head.children
                )
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if (
                node.dep_ in ("xcomp", "ccomp")
                and head.lemma_.lower() in self.words.unasserting_verbs
                and (node.dep_ == "xcomp" or infinitive)
            ):
                return True
            if node.dep_ in ("conj", "xcomp", "ccomp") or (node.dep_ == "advcl" and infinitive):
                node = head
                continue
            return False
        return False

    def _hypothetical(self, verb: Token) -> bool:
        """"would protect", "if X lectures": not asserted of anyone. In reported speech "would"
        is the future ("said that X would protect")."""
        quote = self.index.quote_at(verb.idx)
        return hypothetical(verb, reported=quote is not None and quote.kind == "indirect")

    def _relational_referent(self, noun: Token) -> list[str]:
        """Who a relational noun names, beside its possessor (the other party: "its closest ally"
        says nothing of "it"): a demonym or compound next to a possessor ("our Armenian friends"
        are Armenia). Without a possessor the demonym may be either party ("American allies")."""
        ids: list[str] = []
        if not any(c.dep_ == "poss" for c in noun.children):
            return ids
        for child in noun.children:
            if child.dep_ in ("amod", "compound"):
                ids.extend(i for i in self.index.modifier(child)[0] if i not in ids)
        return ids

    def _people_in(self, token: Token) -> list[str]:
        """"those in Paris, in Moscow or in Tehran", "people in Brussels": the places' states."""
        if token.lower_ not in _PEOPLE_WORDS and token.lemma_.lower() not in _PEOPLE_WORDS:
            return []
        ids: list[str] = []
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            for each in (prep, *prep.conjuncts):
                for pobj in each.children:
                    if pobj.dep_ == "pobj":
                        more = self.index.phrase(pobj)[0] or self.index.places.get(pobj.i, [])
                        ids.extend(i for i in more if i not in ids)
        return ids

    def _subjects(self, verb: Token) -> list[str]:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and (people := self._people_in(subjects[0])):
            return people
        if (
            subjects
            and subjects[0].lower_ in ("that", "which", "who")
            and verb.dep_ == "relcl"
            and verb.head.dep_ == "attr"
            and verb.head.head.lemma_ in COPULAS
            and not self.index.phrase(verb.head)[0]
        ):
            # "X has been the one institution that survived every empire": X survived
            return self.arguments.subjects(verb.head.head)[0]
        ids, _ = self.arguments.subjects(verb)
        if not ids and (any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "acl"):
            ids, _ = self.arguments.agents(verb)  # "a deal brokered by Beijing"
        return ids

    def _coordinated_subject(self, verb: Token) -> bool:
        return any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in verb.children)

    def _lookup(self, table: dict[str, float], token: Token) -> float | None:
        lemma = token.lemma_.lower()
        if lemma in table:
            return table[lemma]
        return table.get(token.lower_)

    # ------------------------------------------------------------------ words
    def _targets_of_word(self, token: Token) -> tuple[list[str], Token | None]:
        """Actors a noun or adjective is said of, and the verb whose negation flips it."""
        head = token.head
        if token.dep_ in ("attr", "acomp", "oprd") and head.lemma_ in COPULAS:
            if self.unasserted(head) or self._hypothetical(head):
                return [], None
            if token.lemma_.lower() in self.relational and self._coordinated_subject(head):
                return [], None  # "Turkey and France are allies": how they stand to each other
            ids, _ = self.arguments.subjects(head)
            return ids, head
        if token.dep_ == "appos":
            ids, _ = self.index.phrase(head)
            return ids, None
        if token.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN"):
            ids, _ = self.index.phrase(head)
            if ids:
                return ids, None
            if head.dep_ in ("attr", "appos") or (head.dep_ == "pobj" and head.head.lower_ == "as"):
                return self._targets_of_word(head)  # "X is a trustworthy neighbour"
            ids, _ = self.index.modifiers_of(head)  # "its hypocritical policy"
            return ids, None
        if token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
            verb = head.head
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if objs:
                return self.index.phrase(objs[0])[0], verb
            return self.arguments.subjects(verb)[0], verb
        if token.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
            ids, _ = self.index.phrase(head)  # "the puppet government in Chisinau"
            if ids:
                return ids, None
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.relational:
            return self._relational_referent(token), None
        if token.pos_ in ("NOUN", "PROPN"):
            # opinion about an actor's action counts toward the actor ("Russian propaganda",
            # "the regime in Tehran"); not for relational nouns, whose possessor is the other
            # party ("its closest ally", "their enemies" say nothing about "it" or "them")
            ids, _ = self.index.modifiers_of(token)
            if not ids:
                ids, _ = self.index.phrase(token)
            if not ids:
                ids = self._people_in(token)  # "bureaucrats in Brussels"
            if (
                not ids
                and token.dep_ == "dobj"
                and head.lemma_.lower() in _DOING_VERBS
                and not self.unasserted(head)
            ):
                return self.arguments.subjects(head)[0], head  # "X has chosen blackmail"
            return ids, None
        return [], None

    def words_said(self) -> Iterator[Said]:
        lex = self.words
        last_phrase: tuple[int, float] | None = None  # (sentence start, weight) for "done so"
        vocabulary = self.vocabulary
        for i, token in enumerate(self.tokens):
            if self.lemmas[i] not in vocabulary and self.lowers[i] not in vocabulary:
                continue
            weight: float | None = None
            targets: list[str] = []
            negator: Token | None = None
            kind = "word"
            if token.pos_ in ("NOUN", "PROPN") and (noun := self._lookup(lex.nouns, token)) is not None:
                weight = noun
                targets, negator = self._targets_of_word(self._predicate_role(token))
            elif _is_so_called(token):
                continue  # a sarcasm marker, read by ``sarcasm``
            elif token.pos_ == "ADJ" and token.dep_ == "acomp" and (
                adjective := self._lookup(lex.predicate_adjectives, token)
            ) is not None:
                weight = adjective  # "President X has been very clear"
                targets, negator = self._targets_of_word(token)
            elif token.pos_ in ("ADJ", "VERB") and self._adjective_role(token).dep_ in ("amod", "acomp", "oprd") and (
                adjective := self._lookup(lex.adjectives, token)
            ) is not None:
                weight = adjective
                targets, negator = self._targets_of_word(self._predicate_role(self._adjective_role(token)))
            elif token.tag_ == "VBN" and token.lower_ in lex.adjectives and any(
                c.dep_ == "auxpass" for c in token.children
            ):
                # an evaluative participle read as a passive: "the Council is paralysed"
                weight = lex.adjectives[token.lower_]
                targets = [i for c in token.children if c.dep_ == "nsubjpass" for i in self.index.phrase(c)[0]]
                negator = token
            elif token.pos_ in ("VERB", "AUX"):
                weight, targets, negator, kind = self._verb(token, last_phrase)
                if weight is not None and kind == "verb":
                    last_phrase = (token.sent.start, weight)
            if weight is None or weight == 0.0 or not targets:
                continue
            denied = token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
            if self._contrasted(token):
                negator = None  # "X is not a state but a project": the negation is the state's
            if denied or (negator is not None and negated_scope(negator)):  # "X is no threat"
                if kind == "holder" and weight < 0:
                    continue  # "I do not blame them" is no praise
                if kind == "verb" and any(
                    c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in token.children
                ):
                    continue  # "we will not pretend that ...": an assurance, not a portrait
                weight = -weight / 2
            yield Said(token, tuple(targets), weight, kind, reporter(token))

    def _verb(
        self, token: Token, last_phrase: tuple[int, float] | None
    ) -> tuple[float | None, list[str], Token | None, str]:
        lex = self.words
        lemma = token.lemma_.lower()
        if self.unasserted(token) or self._hypothetical(token):
            return None, [], None, "verb"
        blame = self._blame(token)
        if blame is not None:
            return blame
        if lemma in lex.failure_verbs and token.pos_ == "VERB":
            if not negated_scope(token) or self._routine(token):
                return None, [], None, "verb"
            return lex.failure_verbs[lemma], self._subjects(token), None, "verb"  # "did not respond"
        phrase = self._phrase_weight(token)
        if phrase is not None:
            return phrase, self._subjects(token), token, "verb"
        if lemma in lex.subject_verbs and token.pos_ == "VERB":
            return lex.subject_verbs[lemma], self._subjects(token), token, "verb"
        if lemma in lex.holder_verbs and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].lower_ in FIRST_PERSON:
                return lex.holder_verbs[lemma], self.arguments.objects(token)[0], token, "holder"
            return None, [], None, "holder"
        if (
            lemma == "do"
            and any(c.dep_ == "advmod" and c.lower_ == "so" for c in token.children)
            and last_phrase is not None
            and last_phrase[0] == token.sent.start
        ):
            return last_phrase[1], self._subjects(token), token, "anaphor"  # "have done so"
        return None, [], None, "verb"

    @staticmethod
    def _predicate_role(token: Token) -> Token:
        """A predicate noun or adjective coordinated with another stands where that one stands
        ("X is not a state but a project")."""
        if (
            token.dep_ == "conj"
            and token.head.dep_ in ("attr", "acomp", "appos")
            and token.head.pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            return token.head
        return token

    @staticmethod
    def _contrasted(token: Token) -> bool:
        """The second of "not A but B"."""
        return token.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ in ("but", "rather") for c in token.head.children
        )

    @staticmethod
    def _adjective_role(token: Token) -> Token:
        """The first of coordinated adjectives stands where they all stand ("sincere but weak")."""
        while token.dep_ == "conj" and token.head.pos_ == "ADJ" and token.head.i != token.i:
            token = token.head
        return token

    def _blame(self, verb: Token) -> tuple[float, list[str], Token | None, str] | None:
        """"the responsibility will lie with Brussels, not with Tbilisi": Brussels."""
        if verb.lemma_.lower() not in _BLAME_VERBS or negated(verb):
            return None
        nouns = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in self.words.blame_nouns]
        if not nouns:
            return None
        targets: list[str] = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _BLAME_PREPS:
                continue
            for each in (prep, *prep.conjuncts):
                if negated(each):
                    continue
                for pobj in each.children:
                    if pobj.dep_ == "pobj":
                        targets.extend(i for i in self.index.phrase(pobj)[0] if i not in targets)
        return self.words.blame_nouns[nouns[0].lemma_.lower()], targets, None, "verb"

    @staticmethod
    def _routine(verb: Token) -> bool:
        return any(
            t.lemma_.lower() in _ROUTINE_OBJECTS for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree
        )

    def _phrase_weight(self, verb: Token) -> float | None:
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if child.dep_ == "dobj" and child.lower_ == "nothing" and any(g.lemma_ == "do" for g in child.children):
                key = (lemma, "nothing-to-do")  # "X's presence has nothing to do with peacekeeping"
            elif child.dep_ in ("dobj", "prt", "acomp") or (child.dep_ == "advmod" and child.i == verb.i + 1):
                key = (lemma, child.lemma_.lower())  # "move away" (the parser's advmod or prt)
            elif child.dep_ == "prep":
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
                key = (lemma, pobjs[0].lemma_.lower() if pobjs else child.lower_)
            else:
                continue
            if key in self.words.phrases:
                if child.dep_ == "prt" and any(c.dep_ == "prep" for c in verb.children if c.lower_ == child.lower_):
                    continue
                return self.words.phrases[key]
        return None

    # ------------------------------------------------------------------ victims
    def victims(self, nouns: dict[str, tuple[str, ...]]) -> Iterator[Said]:
        """Actors suffering an act of force or coercion named by a noun ("the occupation of our
        lands", "the campaign against the Church"): portrayed as victims."""
        weight = self.words.markers.get("victim", 0.0)
        for i, lemma in enumerate(self.lemmas):
            preps = nouns.get(lemma)
            token = self.tokens[i]
            if not preps or weight == 0.0 or token.pos_ != "NOUN":
                continue
            ids, _ = self.arguments.prep_objects(token, preps)
            if ids:
                yield Said(token, tuple(ids), weight, "victim", reporter(token))

    # ------------------------------------------------------------------ sarcasm
    def sarcasm(self) -> Iterator[Said]:
        """"so-called X", "as if" clauses."""
        markers = self.words.markers
        for i, lower in enumerate(self.lowers):
            if lower in ("called", "so-called") and _is_so_called(self.tokens[i]):
                token = self.tokens[i]
                head = token.head
                if head.i == token.i:
                    continue
                span = range(head.i, head.i + 1)
                ids = self.index.phrase(head)[0] or self._owner(head, span)
                if ids:
                    yield Said(token, tuple(ids), markers["so_called"], "sarcasm", reporter(token))
            elif lower == "if" and i > 0 and self.lowers[i - 1] == "as":
                clause = self.tokens[i].head
                verb = clause.head
                if clause.dep_ == "advcl" and verb.i != clause.i and verb.pos_ in ("VERB", "AUX") and self._as_if(clause):
                    ids = self._subjects(verb)
                    if ids:
                        yield Said(verb, tuple(ids), markers["as_if"], "sarcasm", reporter(verb))

    @staticmethod
    def _as_if(clause: Token) -> bool:
        marks = [c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i]
        return "as" in marks and "if" in marks

    def scare_quotes(self, text: str) -> Iterator[Said]:
        """Words in quotation marks that no quote holds: somebody else's words, held up to
        ridicule ("what Ankara calls the 'Turkic world'", "X's 'strategic patience'")."""
        weight = self.words.markers["scare_quotes"]
        for match in _SCARE.finditer(text):
            opening, inner, closing = match.group(1), match.group(2), match.group(3)
            if closing not in _SCARE_PAIRS[opening]:
                continue
            if len(inner.split()) > _SCARE_MAX_WORDS or inner.rstrip()[-1:] in ".?!,":
                continue
            start, end = match.start(2), match.end(2)
            if any(start - 1 <= qs and qe <= end + 1 for qs, qe in self.quoted):
                continue  # a quote of its own (the marks open a real quote)
            span = self.sdoc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if all(self.index.by_token.get(t.i) for t in span if t.is_alpha):
                continue  # a name in quotation marks
            if any(_is_so_called(t) for t in self.sdoc[max(0, span.start - 3) : span.start]):
                continue  # "so-called 'X'" counts once, as "so-called"
            root = span.root
            ids = self._owner(root, range(span.start, span.end))
            if ids:
                yield Said(root, tuple(ids), weight, "scare")

    def _owner(self, node: Token, inside: range) -> list[str]:
        """Whose words or deed a marked phrase is: an actor it modifies, its possessor or "of/
        from" phrase, else the subject of its clause (of the saying verb for a reported
        clause). Modifiers inside the marked words belong to the words."""
        current = node
        for _ in range(6):
            ids: list[str] = []
            if current.i not in inside and current.pos_ in ("NOUN", "PROPN", "PRON"):
                ids, _ = self.index.phrase(current)
                if ids:
                    return ids
            for child in current.children:
                if child.i in inside:
                    continue
                if child.dep_ in _MODIFIER_DEPS:
                    ids.extend(i for i in self.index.modifier(child)[0] if i not in ids)
                elif child.dep_ in ("prep", "agent") and child.lower_ in _OWNER_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and pobj.i not in inside:
                            ids.extend(i for i in self.index.phrase(pobj)[0] if i not in ids)
            if ids:
                return ids
            if current.pos_ in ("VERB", "AUX") and current.i not in inside:
                if current.dep_ == "ccomp" and current.head.lemma_.lower() in _SPEECH_VERBS:
                    return self._subjects(current.head)
                return self._subjects(current)
            if current.head.i == current.i:
                return []
            current = current.head
        return []
