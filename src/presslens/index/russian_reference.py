"""Who a word with no name of its own stands for, for the Russian relation, stance and claim
stages (mixed into ``russian_frames.ActorTokens``):

- a third-person pronoun ("он", "ему", "они", "тот") stands for the nearest actor named before
  it, in this or the two sentences before, whose word agrees with it in number and gender
  (Russian pronouns agree with the word they replace: "Ереван ... ему", "Армения ... ей"), and
  that is not the subject of the pronoun's own clause ("Макрон обещает ему" is not Macron);
- a first-person pronoun inside a quote ("мы", "наш") stands for the speaker's state or body;
  an expert with no state speaks for nobody;
- a subject-less third-person plural verb with "в X" before it ("В Минске назвали ...",
  "В Кремле заявили ...") is said or done by X (the state of a capital, a seat or a body).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from presslens.lexicon.russian_relations import RuLexicon, plain
from presslens.model import Quote

if TYPE_CHECKING:
    from collections.abc import Callable

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
_SENTENCES_BACK = 2
_NOUN_SENTENCES_BACK = 4
_CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
_SAME_REFERENT = frozenset({"appos", "flat:name", "flat"})


def _feature(token: Token, name: str) -> list[str]:
    return list(token.morph.get(name, []))


def _plural(token: Token) -> bool:
    return "Plur" in _feature(token, "Number") or token.dep_ == "conj" or any(
        c.dep_ == "conj" for c in token.children
    )


def _core(word: Token) -> str | None:
    """The core role of a noun (subject or object), through coordination and apposition."""
    node = word
    for _ in range(4):
        if node.dep_ in _CORE_DEPS:
            return node.dep_
        if node.dep_ not in ("conj", "appos", "flat:name", "flat") or node.head.i == node.i:
            return None
        node = node.head
    return None


class References:
    """The mixin; ``ActorTokens`` provides the attributes and methods declared here."""

    sdoc: Doc
    kinds: dict[str, str]
    by_token: dict[int, tuple[str, ...]]
    places: dict[int, tuple[str, ...]]
    lexicon: RuLexicon
    _sentence_starts: list[int]
    quote_at: Callable[[int], Quote | None]
    state_of: Callable[[str], str | None]
    group: Callable[..., list[str]]

    # ------------------------------------------------------------------ pronouns
    def stands_for(self, token: Token) -> list[str]:
        """The actors a pronoun stands for ([] for any other word)."""
        if token.pos_ not in ("PRON", "DET"):
            return []
        lemma = plain(token.lemma_)
        if lemma in self.lexicon.first_person:
            return self._speaker_side(token)
        if lemma in self.lexicon.anaphoric_pronouns:
            return self._antecedent(token)
        return []

    def named_before(self, noun: Token) -> list[str]:
        """The actor a bare singular noun of ``anaphoric_nouns`` stands for ("агентство",
        "эта страна"): the nearest one of its kinds before it, not its clause's subject."""
        kinds = self.lexicon.anaphoric_nouns.get(plain(noun.lemma_))
        if kinds is None or "Plur" in _feature(noun, "Number"):
            return []
        for child in noun.children:
            if child.dep_ in ("amod", "nmod", "nmod:poss", "appos") or (
                child.dep_ == "det" and plain(child.lemma_) not in self.lexicon.anaphoric_determiners
            ):
                return []  # "западные страны", "страны региона", "любая страна"
        own_subject = self._own_subject(noun)
        sentence = bisect_right(self._sentence_starts, noun.i) - 1
        first = self._sentence_starts[max(0, sentence - _NOUN_SENTENCES_BACK)]
        for i in range(noun.i - 1, first - 1, -1):
            for actor in self.by_token.get(i, ()):
                if self.kinds.get(actor) in kinds and actor not in own_subject:
                    return [actor]
        return []

    def _speaker_side(self, token: Token) -> list[str]:
        quote = self.quote_at(token.idx)
        if quote is None or quote.speaker is None:
            return []
        if self.kinds.get(quote.speaker) == "person":
            state = self.state_of(quote.speaker)
            return [state] if state else []
        return [quote.speaker]

    def _antecedent(self, pronoun: Token) -> list[str]:
        lemma = plain(pronoun.lemma_)
        gender = _feature(pronoun, "Gender")
        if "Neut" in gender:
            return []  # "оно", "то, чего": a thing, not an actor
        if lemma in self.lexicon.demonstratives and pronoun.dep_ not in SUBJECT_DEPS:
            return []  # only "..., что тот использует" stands for an actor
        plural = "Plur" in _feature(pronoun, "Number")
        own_subject = self._own_subject(pronoun)
        sentence = bisect_right(self._sentence_starts, pronoun.i) - 1
        first = self._sentence_starts[max(0, sentence - _SENTENCES_BACK)]
        for i in range(pronoun.i - 1, first - 1, -1):
            word = self.sdoc[i]
            # a pronoun takes up a subject or object before it, not a place or a circumstance
            # ("Пашинян ездит в Париж ..., а Макрон обещает ему": Pashinyan, not Paris)
            if word.pos_ not in ("NOUN", "PROPN") or _core(word) is None:
                continue
            if own_subject.intersection(self.by_token.get(i, ())):
                continue
            if plural != _plural(word):
                continue
            if word.dep_ in _SAME_REFERENT and not self.by_token.get(i):
                continue  # "Эрдоган — мастер торговли": the apposition is the name before it
            word_gender = _feature(word, "Gender")
            if not plural and gender and word_gender and gender[0] not in word_gender:
                continue
            if plural:
                head = word
                while head.dep_ == "conj" and head.head.i != head.i:
                    head = head.head
                return [a for a in self.group(head) if a not in own_subject]
            return [a for a in self.group(word, depth=1) if a not in own_subject][:1] or []
        return []

    def _own_subject(self, pronoun: Token) -> set[str]:
        """The actors of the subject of the pronoun's own clause (a non-reflexive pronoun never
        stands for it), looking through coordinated verbs that share it."""
        if pronoun.dep_ in SUBJECT_DEPS:
            return set()
        verb = pronoun.head
        for _ in range(3):
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS:
                    return set(self.by_token.get(child.i, ()))
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head
        return set()

    # ------------------------------------------------------------------ impersonal sources
    def impersonal(self, verb: Token) -> list[str]:
        """X of "В X заявили/назвали/пригрозили ..." for a verb without a subject."""
        if verb.pos_ not in ("VERB", "AUX") or "Plur" not in _feature(verb, "Number"):
            return []
        if set(_feature(verb, "VerbForm")) & {"Inf", "Part", "Conv"}:
            return []
        person = _feature(verb, "Person")
        if person and "3" not in person:
            return []
        for child in verb.children:
            if child.i > verb.i or child.dep_ != "obl":
                continue
            preps = [plain(c.lemma_) for c in child.children if c.dep_ == "case"]
            if not preps or preps[0] not in self.lexicon.impersonal_preps:
                continue
            ids = self.by_token.get(child.i) or self.places.get(child.i, ())
            found = [a for a in ids if self.kinds.get(a) != "person"]
            if found:
                return found
        return []
