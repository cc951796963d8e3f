"""The Russian base pipeline: one spaCy ``Doc`` for a Russian text, built from natasha's models.

English articles are parsed by the spaCy pipeline of ``nlp.py``. For Russian, spaCy has no small
offline pipeline on PyPI, while ``natasha`` ships in its wheel what this needs: ``razdel``
(tokens and sentences, rule-based), slovnet's morphology tagger, dependency parser (Universal
Dependencies labels: nsubj, obj, obl, nmod, parataxis, ...) and NER tagger (PER, LOC, ORG) over
navec word embeddings, and pymorphy2's dictionary for lemmas ("Азербайджана", "Азербайджану" ->
"азербайджан"). ``parse_russian`` runs them and packs the result into a spaCy ``Doc`` whose text is
the input text, so every later stage reads tokens, lemmas (``lemma_``, lower case), parts of speech
(``pos_``, UD), morphological features (``morph``: "Case=Gen|Number=Sing"), heads and labels
(``dep_``, UD), sentences and entities (``ents``: PER, LOC, ORG) with the same API and the same
character offsets as in an English parse.

Whitespace other than one space between two tokens (line breaks, runs of spaces) becomes a token of
its own, with part of speech SPACE, as spaCy's own tokenizer does. A sentence starts at every line
start (articles put the headline, the dateline and each paragraph on lines of their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class RussianModels:
    """natasha's models, loaded once per process (about half a second)."""

    vocab: Vocab
    morph_vocab: Any  # natasha.MorphVocab (pymorphy2's analyser with a lemma cache)
    embedding: Any  # natasha.NewsEmbedding (navec, 250K words x 300)
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any


@lru_cache(maxsize=1)
def load_russian() -> RussianModels:
    """The Russian models, shipped in the ``natasha`` wheel (installed from PyPI; no download)."""
    try:
        import spacy
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
        )
    except ImportError as err:  # pragma: no cover - only when the install is broken
        raise RuntimeError(
            "the Russian pipeline needs the 'natasha' package; run `make install`"
        ) from err
    from presslens.encoder import default_threads, limit_blas_threads

    # slovnet's models are numpy products: one BLAS thread per process, as for the encoder
    # (parallelism is by processes; several threads made a parse slower on a busy machine)
    limit_blas_threads(default_threads())
    embedding = NewsEmbedding()
    return RussianModels(
        vocab=spacy.blank("ru").vocab,
        morph_vocab=MorphVocab(),
        embedding=embedding,
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
        ner_tagger=NewsNERTagger(embedding),
    )


@dataclass
class _Token:
    start: int
    end: int
    text: str
    pos: str = "SPACE"
    feats: str = ""
    lemma: str = ""
    head: int = -1  # index into the article's tokens; -1 for itself
    dep: str = ""
    sent_start: bool = False


def parse_russian(text: str, models: RussianModels | None = None) -> Doc:
    """A spaCy ``Doc`` of ``text`` (``doc.text == text``) with natasha's analysis."""
    from razdel import sentenize, tokenize

    models = models or load_russian()
    tokens: list[_Token] = []
    sentences: list[list[int]] = []  # token indices of each sentence (no whitespace tokens)
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    for line_start, line in lines:
        for sentence in sentenize(line):
            members: list[int] = []
            for token in tokenize(sentence.text):
                start = line_start + sentence.start + token.start
                members.append(len(tokens))
                tokens.append(_Token(start, start + len(token.text), token.text))
            if members:
                tokens[members[0]].sent_start = True
                sentences.append(members)

    words = [[tokens[i].text for i in sentence] for sentence in sentences]
    for sentence, markup in zip(sentences, _by_length(models.morph_tagger, words), strict=True):
        for i, tagged in zip(sentence, markup.tokens, strict=True):
            token = tokens[i]
            token.pos = tagged.pos
            token.feats = "|".join(f"{k}={v}" for k, v in sorted(tagged.feats.items()))
            token.lemma = models.morph_vocab.lemmatize(token.text, tagged.pos, tagged.feats)
    for sentence, markup in zip(sentences, _by_length(models.syntax_parser, words), strict=True):
        heads = [int(parsed.head_id) - 1 for parsed in markup.tokens]  # -1: the root
        for i, parsed in zip(sentence, markup.tokens, strict=True):
            tokens[i].dep = parsed.rel
        for position, head in enumerate(one_tree(heads)):
            i = sentence[position]
            tokens[i].head = sentence[head] if head >= 0 else i
            if head < 0:
                tokens[i].dep = "ROOT"

    doc = _to_doc(text, tokens, models.vocab)
    doc.ents = _entities(doc, lines, models)
    return doc


def _by_length(model: Any, sentences: list[list[str]]) -> list[Any]:
    """``model.map(sentences)``, in the sentences' order, with the sentences batched by length:
    slovnet pads every sentence of a batch to the longest, so batches of similar lengths do
    less work for the same output."""
    order = sorted(range(len(sentences)), key=lambda i: (len(sentences[i]), i))
    markups = list(model.map([sentences[i] for i in order]))
    out: list[Any] = [None] * len(sentences)
    for i, markup in zip(order, markups, strict=True):
        out[i] = markup
    return out


def one_tree(heads: list[int]) -> list[int]:
    """``heads`` (position of each token's head in its sentence, -1 for a root) made one tree.

    slovnet's parser picks each token's head on its own, so a sentence may come out with no root,
    several, or a cycle; spaCy needs a tree. The first root stays the root (or, with none, the
    first token on a cycle); other roots and each cycle hang from it.
    """
    heads = [h if 0 <= h < len(heads) and h != i else -1 for i, h in enumerate(heads)]
    roots = [i for i, h in enumerate(heads) if h < 0]
    root = roots[0] if roots else 0
    heads[root] = -1
    for i in roots[1:]:
        heads[i] = root
    for i in range(len(heads)):
        seen: set[int] = set()
        node = i
        while heads[node] >= 0 and node not in seen:
            seen.add(node)
            node = heads[node]
        if heads[node] >= 0:  # came back to a node already seen: a cycle through ``node``
            heads[node] = root
    return heads


def _to_doc(text: str, tokens: list[_Token], vocab: Vocab) -> Doc:
    """Pack the tokens into a ``Doc``, with the whitespace between them as tokens of their own
    where it is not one space."""
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    doc_index: list[int] = []  # article token -> Doc token
    cursor = 0

    def add(word: str, tag: str, feats: str, lemma: str, dep: str, starts: bool) -> None:
        words.append(word)
        spaces.append(False)
        pos.append(tag)
        morphs.append(feats)
        lemmas.append(lemma)
        deps.append(dep)
        sent_starts.append(starts)

    for token in tokens:
        gap = text[cursor:token.start]
        if gap == " " and words:
            spaces[-1] = True
        elif gap:
            add(gap, "SPACE", "", gap, "dep", not words)
        doc_index.append(len(words))
        add(token.text, token.pos, token.feats, token.lemma.lower(), token.dep, token.sent_start)
        cursor = token.end
    if cursor < len(text):
        add(text[cursor:], "SPACE", "", text[cursor:], "dep", not words)

    if not words:
        return Doc(vocab, words=[], spaces=[])
    heads = list(range(len(words)))
    roots = [-1] * len(words)  # the root of each token's sentence, as a Doc index
    for article_i, token in enumerate(tokens):
        heads[doc_index[article_i]] = doc_index[token.head if token.head >= 0 else article_i]
    for i in range(len(words)):
        root = i
        while heads[root] != root:
            root = heads[root]
        roots[i] = root
    # whitespace belongs to the sentence before it (the first sentence for leading whitespace),
    # as in an English parse, so a run of spaces never cuts a sentence in two
    first_word = doc_index[0] if doc_index else 0
    for i, tag in enumerate(pos):
        if tag == "SPACE" and (i, i) != (first_word, first_word):
            heads[i] = roots[i - 1] if i > 0 else roots[first_word]
            sent_starts[i] = False
    starts: list[bool | int | None] = [bool(s) for s in sent_starts]
    starts[0] = True
    return Doc(
        vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas,
        heads=heads, deps=deps, sent_starts=starts,
    )


def _entities(doc: Doc, lines: list[tuple[int, str]], models: RussianModels) -> list[Span]:
    """natasha's named entities, as ``Doc`` spans (PER, LOC, ORG) on token boundaries."""
    spans: list[Span] = []
    markups = models.ner_tagger.map([line for _, line in lines])
    for (line_start, _), markup in zip(lines, markups, strict=True):
        for found in markup.spans:
            span = doc.char_span(
                line_start + found.start, line_start + found.stop, label=found.type,
                alignment_mode="expand",
            )
            if span is not None and (not spans or span.start >= spans[-1].end):
                spans.append(span)
    return spans
