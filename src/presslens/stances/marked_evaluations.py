"""Marked evaluations, each weighed by a marker of the stance lexicon: actors suffering an act
of force named by a noun (victims), sarcasm ("so-called", "as if") and scare quotes around
someone's words ("what X calls the 'Turkic world'", "X's 'strategic patience'").

A mixin over ``EvaluationBase``; ``EvaluativeLanguage`` (``language``) combines it with the
evaluative words and verbs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from presslens.lexicon import word_set
from presslens.stances.evaluation_base import (
    SO_CALLED_FORMS,
    EvaluationBase,
    Said,
    is_so_called,
    reporter,
)

_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_OWNER_PREPS = word_set("evaluation", "owner_preps")
_SPEECH_VERBS = word_set("evaluation", "speech_verbs")
# "as if" clauses: the two words, in order
_AS_IF = frozenset((first, last) for first, last in (w.split() for w in word_set("evaluation", "as_if")))
# Quotation marks that may open / close a scare quote, with their partners.
_SCARE = re.compile(r"(?<![\w’'])([“\"‘«„])([^“”\"‘’«»„\n]{1,60}?)([”\"’»“])(?![\w])")
_SCARE_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»", "„": "“”"}
_SCARE_MAX_WORDS = 5


class MarkedEvaluations(EvaluationBase):
    """Victims, sarcasm and scare quotes in one parsed document."""

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
            if lower in SO_CALLED_FORMS and is_so_called(self.tokens[i]):
                token = self.tokens[i]
                head = token.head
                if head.i == token.i:
                    continue
                span = range(head.i, head.i + 1)
                # (the one who reports a clause with "so-called" in it uses the words: the
                # owner is looked for inside the clause only)
                ids = self.index.phrase(head)[0] or self._owner(head, span, reported=False)
                if ids:
                    yield Said(token, tuple(ids), markers["so_called"], "sarcasm", reporter(token))
            elif i > 0 and (self.lowers[i - 1], lower) in _AS_IF:
                clause = self.tokens[i].head
                verb = clause.head
                if clause.dep_ == "advcl" and verb.i != clause.i and verb.pos_ in ("VERB", "AUX") and self._as_if(clause):
                    ids = self._subjects(verb)
                    if ids:
                        yield Said(verb, tuple(ids), markers["as_if"], "sarcasm", reporter(verb))

    @staticmethod
    def _as_if(clause: Token) -> bool:
        marks = [c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i]
        return any(first in marks and last in marks for first, last in _AS_IF)

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
            if any(is_so_called(t) for t in self.sdoc[max(0, span.start - 3) : span.start]):
                continue  # "so-called 'X'" counts once, as "so-called"
            root = span.root
            ids = self._owner(root, range(span.start, span.end))
            if ids:
                yield Said(root, tuple(ids), weight, "scare")

    def _owner(self, node: Token, inside: range, reported: bool = True) -> list[str]:
        """Whose words or deed a marked phrase is: an actor it modifies, its possessor or "of/
        from" phrase, else the subject of its clause (of the saying verb for a reported
        clause, unless ``reported`` is False). Modifiers inside the marked words belong to the
        words."""
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
                    return self._subjects(current.head) if reported else []
                return self._subjects(current)
            if current.head.i == current.i:
                return []
            current = current.head
        return []
