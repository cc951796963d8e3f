"""Lemma-sequence matching of phrases (gazetteer labels, title and body nouns) over a Russian parse.

A phrase matches a run of word tokens when each of its words shares a key with the token
(``russian_lexicon``: lower-case form, lemma, pymorphy2 normal forms), so "Белого дома", "Белом
доме" and "Белый дом" are one label, and "Алиеву", "Алиева" are "Алиев". A capitalised phrase
word only matches a capitalised token ("Белый дом", not "белый дом"); acronyms match as written.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Generic, TypeVar

from spacy.tokens import Doc, Token

from presslens.actors.russian_lexicon import fold, label_word_keys, label_words, normal_forms

T = TypeVar("T")

# Function words never start a name: "Того" the pronoun is not Togo. (Verbs may: natasha tags
# the participle of "Соединённые Штаты" VERB.)
_FUNCTION_POS = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "ADV", "NUM",
                           "PUNCT", "SYM", "INTJ"})


@dataclass(frozen=True)
class _Word:
    keys: frozenset[str]
    capitalised: bool
    exact: str | None  # an acronym: the token's text must equal it


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """``words`` are indices into ``RussianTokens.words``; ``payload`` what the phrase stands for."""

    start: int  # index of the first word token
    end: int  # index after the last word token
    payload: T


class RussianTokens:
    """The word tokens of a parse (no whitespace tokens) with their comparison keys, built once
    per article: each stage pass reads them instead of re-deriving lemmas."""

    def __init__(self, sdoc: Doc) -> None:
        self.sdoc = sdoc
        self.words: list[Token] = [t for t in sdoc if not t.is_space]
        self.position: dict[int, int] = {t.i: n for n, t in enumerate(self.words)}
        self.keys: list[frozenset[str]] = [self._keys(t) for t in self.words]

    @staticmethod
    def _keys(token: Token) -> frozenset[str]:
        keys = {fold(token.text), fold(token.lemma_)}
        if token.text[:1].isupper():
            keys |= normal_forms(token.text)
        return frozenset(keys)

    def span_chars(self, start: int, end: int) -> tuple[int, int]:
        first, last = self.words[start], self.words[end - 1]
        return first.idx, last.idx + len(last.text)


class LemmaMatcher(Generic[T]):
    """Phrases indexed by the keys of their first word; longest match wins, then earliest added."""

    def __init__(self) -> None:
        self._phrases: dict[str, list[tuple[int, tuple[_Word, ...], T]]] = defaultdict(list)
        self._count = 0

    def add(self, phrase: str, payload: T, *, exact: bool = False) -> None:
        words = label_words(phrase)
        if not words:
            return
        pattern = tuple(
            _Word(frozenset({fold(w)}) if exact else label_word_keys(w), w[:1].isupper(),
                  w if exact else None)
            for w in words
        )
        for key in pattern[0].keys:
            self._phrases[key].append((self._count, pattern, payload))
        self._count += 1

    def find(self, tokens: RussianTokens, *, overlapping: bool = False) -> list[PhraseMatch[T]]:
        """Matches left to right; without ``overlapping`` a match consumes its tokens."""
        found: list[PhraseMatch[T]] = []
        n = 0
        while n < len(tokens.words):
            best: tuple[int, int, T] | None = None  # (length, order, payload)
            for key in tokens.keys[n]:
                for order, pattern, payload in self._phrases.get(key, ()):
                    length = len(pattern)
                    if best is not None and (length < best[0] or
                                             (length == best[0] and order >= best[1])):
                        continue
                    if self._fits(tokens, n, pattern):
                        best = (length, order, payload)
            if best is None:
                n += 1
                continue
            found.append(PhraseMatch(n, n + best[0], best[2]))
            n += 1 if overlapping else best[0]
        return found

    @staticmethod
    def _fits(tokens: RussianTokens, n: int, pattern: tuple[_Word, ...]) -> bool:
        if n + len(pattern) > len(tokens.words):
            return False
        if tokens.words[n].pos_ in _FUNCTION_POS and pattern[0].capitalised:
            return False
        for offset, word in enumerate(pattern):
            token = tokens.words[n + offset]
            if word.exact is not None:
                if token.text != word.exact:
                    return False
                continue
            if word.capitalised and not token.text[:1].isupper():
                return False
            if not (word.keys & tokens.keys[n + offset]):
                return False
        return True
