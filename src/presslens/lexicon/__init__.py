"""Language resources shared by the stages: the word lists of ``data/en/`` (``words``) and the
relation cue lexicon with its types (``relations``: ``data/relation_lexicon.yaml``,
``data/relation_types.yaml``).

They live outside any one stage because several read them: the document index and the stance
stage read the relation lexicon's relational nouns, the syntax layer and the index read the word
lists.
"""

from __future__ import annotations

from presslens.lexicon.relations import (
    Cue,
    Phrase,
    RelationLexicon,
    RelationType,
    relation_lexicon,
    relation_types,
)
from presslens.lexicon.words import LexiconError, word_set, word_table

__all__ = [
    "Cue",
    "LexiconError",
    "Phrase",
    "RelationLexicon",
    "RelationType",
    "relation_lexicon",
    "relation_types",
    "word_set",
    "word_table",
]
