"""The encoder's output for one article: the segments it was run on, by where they start."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from presslens.encoder import Encoder, Encoding
from presslens.index import DocumentIndex
from presslens.model import Document
from presslens.pairs.segments import Segment, find_mentions, segments


@dataclass
class ArticleEncodings:
    """Segments holding at least one actor mention, each with its encoding (offsets in the
    encoding are relative to the segment's start)."""

    segments: list[Segment] = field(default_factory=list)
    encodings: dict[int, Encoding] = field(default_factory=dict)

    def of(self, segment: Segment) -> Encoding:
        return self.encodings[segment.start]


def encode_article(doc: Document, sdoc: Doc, index: DocumentIndex, encoder: Encoder) -> ArticleEncodings:
    found = [find_mentions(s, index) for s in segments(doc.text, sdoc)]
    wanted = [s for s in found if s.mentions]
    vectors = encoder.encode([doc.text[s.start:s.end] for s in wanted])
    return ArticleEncodings(wanted, {s.start: v for s, v in zip(wanted, vectors, strict=True)})
