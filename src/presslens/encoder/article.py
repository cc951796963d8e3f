"""The encoder's output for one article, computed for the segments later stages ask about.

The segments (sentences cut at line breaks) that name an actor are found once, with their
mentions; a segment is encoded the first time a stage asks for it and kept for the next one.
Each sentence is encoded on its own, so what a stage asks for never changes another's vectors:
the output stays deterministic whichever stages run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from presslens.encoder import Encoder, Encoding
from presslens.index import DocumentIndex
from presslens.index.segments import Segment, find_mentions, segments
from presslens.model import Document


@dataclass
class ArticleEncodings:
    """The article's sentences (``every_segment``) and those holding at least one actor mention
    (``segments``); ``of`` gives a segment's encoding (offsets in it are relative to the
    segment's start). Every stage that reads the encoder goes through ``of``, so a sentence is
    encoded once per article whichever stages ask."""

    text: str
    encoder: Encoder
    segments: list[Segment] = field(default_factory=list)
    every_segment: list[Segment] = field(default_factory=list)
    _encodings: dict[int, Encoding] = field(default_factory=dict)

    def of(self, segment: Segment) -> Encoding:
        encoding = self._encodings.get(segment.start)
        if encoding is None:
            (encoding,) = self.encoder.encode([self.text[segment.start:segment.end]])
            self._encodings[segment.start] = encoding
        return encoding

    @property
    def encoded(self) -> int:
        """How many segments have been encoded so far."""
        return len(self._encodings)


def encode_article(doc: Document, sdoc: Doc, index: DocumentIndex, encoder: Encoder) -> ArticleEncodings:
    found = [find_mentions(s, index) for s in segments(doc.text, sdoc)]
    return ArticleEncodings(doc.text, encoder, [s for s in found if s.mentions], found)
