"""The name an interviewer's turn opens with ("– Gennady Petrovich, Vilnius insists ..."): the
one the question is put to, whom the parser makes the subject of what follows. Read by the index
(such a name is no side of what the turn states) and by the quote stage (nor its speaker, and the
answers after the turn are that person's)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span

from presslens.model import Actor, Document, Mention
from presslens.textutil import DASHES


def addressed(name: Span) -> bool:
    """``name`` opens a line after a dash and a comma closes it; not when the comma opens a
    common noun's apposition to it ("– Anna Berzina, the Latvian foreign minister, criticised
    ...", a bulleted list of reactions, where the name is the subject it looks like)."""
    doc = name.doc
    if name.start == 0 or name.end >= len(doc) or doc[name.end].text != ",":
        return False
    dash = doc[name.start - 1]
    if dash.text not in DASHES or (dash.i > 0 and "\n" not in doc[dash.i - 1].text):
        return False
    return not any(child.dep_ == "appos" and child.pos_ == "NOUN" and child.left_edge.i == name.end + 1
                   for token in name for child in token.children)


def addressed_mentions(
    doc: Document, sdoc: Doc, keep: Callable[[Actor], bool]
) -> Iterator[tuple[Actor, Mention, Span]]:
    """Every mention of a kept actor that an interviewer's turn opens with (``addressed``), with
    its span in ``sdoc``."""
    for actor in doc.actors:
        if not keep(actor):
            continue
        for mention in actor.mentions:
            if not doc.text.startswith(",", mention.end):
                continue  # (the cheap test first: most mentions are no address)
            span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and addressed(span):
                yield actor, mention, span
