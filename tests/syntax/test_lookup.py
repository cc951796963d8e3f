"""Word-list lookups read off spaCy's arrays answer exactly what asking token by token does."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from presslens.nlp import load_nlp
from presslens.syntax.lookup import exact_lemma_in, lemma_in, lower_in

TEXT = (
    "The Minister said on Tuesday that Armenia had signed the deal. "
    "Critics SAID the ministers were saying nothing, and Put it plainly: he put it off."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def test_lemma_in_folds_case_like_token_lemma_lower(nlp: Language) -> None:
    doc = nlp(TEXT)
    words = {"say", "minister"}
    expected = [t.lemma_.lower() in words for t in doc]
    assert lemma_in(doc, words).tolist() == expected
    assert sum(expected) >= 4  # said, SAID, saying, Minister, ministers


def test_exact_lemma_in_keeps_case(nlp: Language) -> None:
    doc = nlp(TEXT)
    expected = [t.lemma_ in {"put"} for t in doc]
    assert exact_lemma_in(doc, {"put"}).tolist() == expected
    assert any(expected)


def test_lower_in_reads_the_lower_form(nlp: Language) -> None:
    doc = nlp(TEXT)
    found = np.flatnonzero(lower_in(doc, {"said", "armenia"})).tolist()
    assert [doc[i].text for i in found] == ["said", "Armenia", "SAID"]


def test_no_word_of_the_list_in_the_document(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert not lower_in(doc, {"zanzibar"}).any()
    assert not lemma_in(doc, set()).any()


def test_lower_forms_and_folded_lemmas_are_what_each_token_gives(nlp: Language) -> None:
    from presslens.syntax.lookup import folded_lemmas, lower_forms

    doc = nlp(TEXT)
    assert lower_forms(doc) == [t.lower_ for t in doc]
    assert folded_lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert "said" in lower_forms(doc) and "say" in folded_lemmas(doc)


def test_line_breaks_before_counts_the_breaks_before_each_token(nlp: Language) -> None:
    from presslens.syntax.lookup import line_breaks_before

    doc = nlp("Headline here\n\nFirst line of text.\nSecond line.")
    breaks = line_breaks_before(doc)
    assert len(breaks) == len(doc) + 1
    expected = [0]
    for t in doc:
        expected.append(expected[-1] + int("\n" in t.text))
    assert breaks.tolist() == expected and expected[-1] == 2


def test_sentence_firsts_and_line_break_tokens_are_what_each_token_gives(nlp: Language) -> None:
    from presslens.syntax.lookup import line_break_tokens, sentence_firsts

    doc = nlp("Headline here\n\nFirst line of text. Another sentence.\nSecond line.")
    assert sentence_firsts(doc).tolist() == [t.i == 0 or bool(t.is_sent_start) for t in doc]
    assert sum(sentence_firsts(doc)) >= 3
    assert line_break_tokens(doc).tolist() == ["\n" in t.text for t in doc]
