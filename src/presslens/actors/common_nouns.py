"""Whether a capitalised word is a common noun of the language in the plural ("Bishops",
"Attorneys", "Floridians"): the English pipeline's rule lemmatiser carries an index of the
language's nouns (WordNet's), so a word whose noun lemma is another indexed word is a plural
noun. Many surnames are such plurals too ("Sanders", "Woods", "Banks"), so the actor stage asks
this only with other evidence that the word is used as a common noun (see ``people``)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from presslens.nlp import load_nlp


@lru_cache(maxsize=1)
def _noun_index() -> frozenset[str]:
    lemmatizer = load_nlp().get_pipe("lemmatizer")
    return frozenset(lemmatizer.lookups.get_table("lemma_index").get("noun", []))  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def plural_common_noun(word: str) -> bool:
    """``word`` (any case) is the plural of a noun the lemmatiser's index knows."""
    nlp = load_nlp()
    lower = word.lower()
    doc = Doc(nlp.vocab, words=[lower])
    doc[0].pos_ = "NOUN"
    lemmas = nlp.get_pipe("lemmatizer").rule_lemmatize(doc[0])  # type: ignore[attr-defined]
    nouns = _noun_index()
    return any(lemma != lower and lemma in nouns for lemma in lemmas)
