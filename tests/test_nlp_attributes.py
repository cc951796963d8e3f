"""The table form of spaCy's attribute ruler gives the stock ruler's output, token by token."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from presslens.nlp import MODEL_PACKAGE, load_nlp
from presslens.nlp_attributes import (
    TableAttributeRuler,
    UnreadablePattern,
    replace_attribute_ruler,
    token_attributes,
)

# Our own sentences, written to reach the ruler's special rules as well as its tag map: two-token
# rules ("gonna", "ai n't", "let 's", "y' all"), dependency rules (the pronoun subject and
# object forms, "there" + a form of "be", "do"/"have" as main verbs, determiners standing alone),
# apostrophe forms, whitespace tokens, and the words after a line break.
TEXTS = [
    "Minister Okafor said the talks were gonna fail, and it ain't over yet.",
    "I told you it would happen; you saw it too, and they gave it to me and you.",
    "There are three reasons. There's no deal, and there were no talks.",
    "Let's go, y'all! C'mon, the delegation said, we've got 'em now.",
    "They did what they had to do. He has a plan and she does too.",
    "That is the question, and this was the answer: those who voted against it lost.",
    "Nothin' changes, somethin' doin' goin' on, ol' friends, 'nuff said, we'll see.",
    "The   vote  \n\n  came late.\t Both sides    left.\n",
    "But the envoy did not answer, but left. Gotta go, gonna wait.",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(MODEL_PACKAGE)


@pytest.fixture(scope="module")
def tabled() -> Language:
    nlp = spacy.load(MODEL_PACKAGE)
    assert replace_attribute_ruler(nlp)
    return nlp


def test_the_table_replaces_the_ruler_under_its_own_name(tabled: Language, stock: Language) -> None:
    assert tabled.pipe_names == stock.pipe_names
    assert isinstance(tabled.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(load_nlp().get_pipe("attribute_ruler"), TableAttributeRuler)


def test_every_token_gets_what_the_stock_ruler_gives(tabled: Language, stock: Language) -> None:
    for text, ours, theirs in zip(TEXTS, tabled.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
        assert np.array_equal(token_attributes(ours), token_attributes(theirs)), text
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def test_the_special_rules_are_reached(tabled: Language) -> None:
    # Without these the comparison above could pass on a table that only read the tag map.
    doc = tabled("It ain't over. Let's go. I saw it.")
    by_text = {t.text: t for t in doc}
    assert by_text["ai"].lemma_ == "be"  # two-token rule "ai" + "n't"
    assert by_text["'s"].lemma_ == "us"  # two-token rule, second token: "let" + "'s"
    subject, object_ = doc[-4], doc[-2]  # "I" ... "it"
    assert "Case=Nom" in str(subject.morph) and "Case=Acc" in str(object_.morph)


def test_a_second_document_reads_the_cached_rules_alike(tabled: Language, stock: Language) -> None:
    text = TEXTS[0] + " " + TEXTS[1]
    first, second = tabled(text), tabled(text)
    assert np.array_equal(token_attributes(first), token_attributes(second))
    assert np.array_equal(token_attributes(second), token_attributes(stock(text)))


def test_a_ruler_it_cannot_read_stays_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    # an operator (one or more tokens) is beyond single-token tests
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not replace_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
    with pytest.raises(UnreadablePattern):
        TableAttributeRuler(nlp.vocab).compile(ruler)


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == []
