"""The SemEval-2023 articles as the pipeline sees them: spaCy sentences cut at line breaks
(``pairs.segments``), each encoded on its own by the shared encoder, kept in a cache folder
outside the repo so the 446 articles are parsed and encoded once."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.progress import Progress

from presslens.encoder import EncoderSpec, Encoding, load_encoder
from presslens.index.segments import segments
from presslens.nlp import load_nlp
from presslens.techniques.semeval2023 import Article2023


@dataclass(frozen=True)
class EncodedArticle:
    id: str
    bounds: list[tuple[int, int]]  # the sentences, character offsets in the article
    encodings: list[Encoding]


def _key(article: Article2023) -> str:
    blob = repr((EncoderSpec().file_name(), article.id, article.text)).encode()
    return hashlib.sha256(blob).hexdigest()[:20]


def encode_articles(articles: Sequence[Article2023], cache: Path | None = None) -> list[EncodedArticle]:
    """Every article's sentences and their encodings, in the order of ``articles``."""
    nlp = load_nlp()
    encoder = load_encoder()
    out: list[EncodedArticle] = []
    with Progress(transient=True) as progress:
        task = progress.add_task("parsing and encoding articles", total=len(articles))
        for article in articles:
            path = cache / f"semeval2023-{_key(article)}.pickle" if cache else None
            if path is not None and path.is_file():
                out.append(pickle.loads(path.read_bytes()))
            else:
                sdoc = nlp(article.text)
                bounds = [(s.start, s.end) for s in segments(article.text, sdoc)]
                encodings = encoder.encode([article.text[s:e] for s, e in bounds])
                encoded = EncodedArticle(article.id, bounds, encodings)
                if path is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(pickle.dumps(encoded))
                out.append(encoded)
            progress.advance(task)
    return out


def sentence_targets(article: Article2023, bounds: Sequence[tuple[int, int]],
                     labels: Sequence[str]) -> np.ndarray:
    """[sentences, labels] 0/1: a sentence holds a label when a gold span of it overlaps the
    sentence."""
    col = {label: i for i, label in enumerate(labels)}
    y = np.zeros((len(bounds), len(labels)), dtype=np.int8)
    for label, start, end in article.spans:
        if label not in col:
            continue
        for row, (s, e) in enumerate(bounds):
            if s < end and start < e:
                y[row, col[label]] = 1
    return y
