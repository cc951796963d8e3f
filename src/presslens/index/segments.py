"""The stretches of text the learned stages read, and the actor mentions in each.

A segment is a parsed sentence cut at line breaks (the small parser runs a headline or a
dateline into the next line). Its mentions come from the document index: runs of tokens that
stand for the same actor, pronouns and first person inside quotes resolved (``index.at``).
Capitals named as plain places are not mentions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from presslens.index import DocumentIndex


@dataclass(frozen=True)
class Mention:
    actor: str
    start: int  # character offsets in the document
    end: int
    head: int  # index of the mention's syntactic head token in the parse
    inferred: bool  # a pronoun or first person resolved by the index


@dataclass
class Segment:
    start: int
    end: int
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)

    def actors(self) -> list[str]:
        """Distinct actors in order of first mention."""
        return list(dict.fromkeys(m.actor for m in self.mentions))

    def first_mention(self, actor: str) -> Mention:
        return next(m for m in self.mentions if m.actor == actor)


def segments(text: str, sdoc: Doc) -> Iterator[Segment]:
    """Every sentence of the parse, cut at line breaks, without surrounding space."""
    for sent in sdoc.sents:
        run: list[Token] = []
        for token in sent:
            if token.is_space and "\n" in token.text:
                yield from _segment(text, run)
                run = []
                continue
            run.append(token)
            if "\n" in token.whitespace_:
                yield from _segment(text, run)
                run = []
        yield from _segment(text, run)


def _segment(text: str, run: list[Token]) -> Iterator[Segment]:
    words = [t for t in run if not t.is_space]
    while words and words[0].is_quote:  # a quotation mark opening the line is no evidence
        words = words[1:]
    if words:
        yield Segment(words[0].idx, words[-1].idx + len(words[-1].text), words)


def _head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def find_mentions(segment: Segment, index: DocumentIndex) -> Segment:
    """Fill ``segment.mentions``: consecutive tokens standing for one actor make one mention."""
    current: tuple[str, bool] | None = None
    run: list[Token] = []

    def close() -> None:
        if current is not None and run:
            segment.mentions.append(Mention(
                current[0], run[0].idx, run[-1].idx + len(run[-1].text), _head(run).i, current[1]
            ))

    for token in segment.tokens:
        ids, inferred = index.at(token)
        actor = ids[0] if len(ids) == 1 else None  # a token standing for a group is no one mention
        if actor is not None and current is not None and actor == current[0] and run \
                and run[-1].i == token.i - 1:
            run.append(token)
            continue
        close()
        current, run = ((actor, inferred), [token]) if actor is not None else (None, [])
    close()
    return segment
