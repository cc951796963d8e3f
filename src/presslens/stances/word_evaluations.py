"""Evaluative words and verbs: nouns and adjectives predicated of an actor or modifying it,
participles read as passives, evaluative action nouns done by an actor, verbs and verb phrases
whose subject (or passive agent) the holder portrays, and verbs whose object the holder itself
judges (``WordEvaluations.words_said``). Negation flips a sign at half strength.

A mixin over ``EvaluationBase``; ``EvaluativeLanguage`` (``language``) combines it with the
marked evaluations.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from presslens.lexicon import LexiconError, word_set, word_table
from presslens.stances.evaluation_base import (
    ANAPHOR_VERBS,
    BLAME_VERBS,
    CHARACTERISING_PREPS,
    EvaluationBase,
    Said,
    is_so_called,
    reporter,
)
from presslens.syntax import COPULAS, FIRST_PERSON, negated, negated_scope

_DOING_VERBS = word_set("evaluation", "doing_verbs")
_BLAME_PREPS = word_set("evaluation", "blame_preps")
_ROUTINE_OBJECTS = word_set("evaluation", "routine_objects")
_DENYING_DETERMINERS = word_set("evaluation", "denying_determiners")  # "X is no threat"
_ANAPHOR_ADVERBS = word_set("evaluation", "anaphor_adverbs")  # "have done so"
_CONTRAST_CONJUNCTIONS = word_set("evaluation", "contrast_conjunctions")  # "not A but B"


def _object_idioms() -> dict[tuple[str, str], str]:
    """"has nothing to do with": (the object, the lemma under it) -> the phrase's name in the
    stance lexicon's phrases."""
    idioms = {}
    for name, words in word_table("evaluation", "object_idioms").items():
        if not (isinstance(words, list) and len(words) == 2 and all(isinstance(w, str) for w in words)):
            raise LexiconError(f"data/en/evaluation.yaml: object_idioms: {name}: expected [object, lemma]")
        idioms[(words[0], words[1])] = name
    return idioms


_OBJECT_IDIOMS = _object_idioms()


class WordEvaluations(EvaluationBase):
    """Evaluative nouns, adjectives and verbs in one parsed document."""

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
            if head.dep_ in ("attr", "appos") or (head.dep_ == "pobj" and head.head.lower_ in CHARACTERISING_PREPS):
                return self._targets_of_word(head)  # "X is a trustworthy neighbour"
            ids, _ = self.index.modifiers_of(head)  # "its hypocritical policy"
            return ids, None
        if token.dep_ == "pobj" and head.lower_ in CHARACTERISING_PREPS and head.head.pos_ == "VERB":
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
            elif is_so_called(token):
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
            denied = token.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in _DENYING_DETERMINERS for c in token.children
            )
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
            lemma in ANAPHOR_VERBS
            and any(c.dep_ == "advmod" and c.lower_ in _ANAPHOR_ADVERBS for c in token.children)
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
            c.dep_ == "cc" and c.lower_ in _CONTRAST_CONJUNCTIONS for c in token.head.children
        )

    @staticmethod
    def _adjective_role(token: Token) -> Token:
        """The first of coordinated adjectives stands where they all stand ("sincere but weak")."""
        while token.dep_ == "conj" and token.head.pos_ == "ADJ" and token.head.i != token.i:
            token = token.head
        return token

    def _blame(self, verb: Token) -> tuple[float, list[str], Token | None, str] | None:
        """"the responsibility will lie with Brussels, not with Tbilisi": Brussels."""
        if verb.lemma_.lower() not in BLAME_VERBS or negated(verb):
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
            idiom = next((_OBJECT_IDIOMS[(child.lower_, g.lemma_)] for g in child.children
                          if (child.lower_, g.lemma_) in _OBJECT_IDIOMS), None) if child.dep_ == "dobj" else None
            if idiom is not None:
                key = (lemma, idiom)  # "X's presence has nothing to do with peacekeeping"
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
