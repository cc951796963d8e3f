"""The reference resolver: "they/their/them" after a singular name and a plural noun that names
actors ("Kenya hosted the BRICS leaders, and their declaration ...") stands for that plural noun's
actors, which agree with it in number, not for the singular subject. A plural subject keeps the
pronoun. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _pronoun_actors(analyzer: Analyzer, text: str, pronoun: str) -> list[str]:
    analysis = analyzer.analysis(RawArticle(text=text, source="test"))
    index = analysis.need_index()
    (token,) = [t for t in analysis.sdoc if t.lower_ == pronoun]
    ids, inferred = index.at(token)
    assert inferred or not ids  # a resolved pronoun is inferred
    return sorted(ids)


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("In May Kenya hosted the BRICS leaders, and their declaration called for a reform of "
         "the IMF.", "their", ["alliance:brics"]),
        ("Russia expelled the Estonian diplomats, and their embassy protested.", "their", ["Q191"]),
        # a plural subject is the antecedent, whatever follows it (here one naming no actor:
        # the pronoun stands for none)
        ("The Baltic states expelled the Russian diplomats, and their governments protested.",
         "their", []),
    ],
)
def test_a_plural_pronoun_agrees_with_a_plural_noun(
    analyzer: Analyzer, text: str, pronoun: str, expected: list[str]
) -> None:
    assert _pronoun_actors(analyzer, text, pronoun) == expected


def test_a_singular_pronoun_keeps_the_subject(analyzer: Analyzer) -> None:
    text = "In May Kenya hosted the BRICS leaders, and its president called for a reform of the IMF."
    assert _pronoun_actors(analyzer, text, "its") == ["Q114"]
