"""What the dependency parse says about a pair of mentions, as numbers for the relation head.

The dependency constructions the rule stage reads one by one become general features here: the
words on the path between the two mentions' heads (their mean vector from the encoder: "imposed
sanctions on", "called on ... to", "was attacked by"), the word where the two paths meet, the
role of each mention (subject, object, object of which preposition, possessor, ...), the path's
length, and which relation types the relation lexicon gives the words on the path.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.tokens import Token

from presslens.encoder import Encoding
from presslens.lexicon import relation_lexicon, word_set

MAX_PATH = 6


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    roles = tuple(sorted(word_set("pair_syntax", "roles")))
    preps = tuple(sorted(word_set("pair_syntax", "prepositions")))
    types = tuple(sorted(relation_lexicon().types))
    return roles, preps, types


def path_width(width: int) -> int:
    roles, preps, types = _vocabulary()
    return 2 * width + 2 * (len(roles) + 1) + 2 * (len(preps) + 1) + (MAX_PATH + 1) + len(types)


def _path(source: Token, target: Token) -> tuple[list[Token], Token | None]:
    """Tokens between the two heads on the dependency tree, and where the paths meet."""
    up_source = [source, *source.ancestors]
    up_target = [target, *target.ancestors]
    on_target = {t.i for t in up_target}
    meet = next((t for t in up_source if t.i in on_target), None)
    if meet is None:
        return [], None
    target_index = [t.i for t in up_target].index(meet.i)
    return up_source[1:up_source.index(meet) + 1] + up_target[1:target_index], meet


def _role(token: Token, roles: tuple[str, ...], preps: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    role = np.zeros(len(roles) + 1, dtype=np.float32)
    role[roles.index(token.dep_) if token.dep_ in roles else -1] = 1.0
    prep = np.zeros(len(preps) + 1, dtype=np.float32)
    if token.dep_ == "pobj":
        word = token.head.lower_
        prep[preps.index(word) if word in preps else -1] = 1.0
    return role, prep


def cue_types_between(source: Token, target: Token) -> tuple[list[str], str | None]:
    """The relation types the lexicon gives the words on the dependency path between two
    mentions' heads (in path order), and the type of the word where the paths meet."""
    lexicon = relation_lexicon()
    path, meet = _path(source, target)
    found: list[str] = []
    meeting_type = None
    for token in path:
        for table in (lexicon.verbs, lexicon.nouns, lexicon.predicates, lexicon.adjectives):
            cue = table.get(token.lemma_.lower())
            if cue is not None:
                found.append(cue.type)
                if meet is not None and token.i == meet.i and meeting_type is None:
                    meeting_type = cue.type
    return found, meeting_type


def _cue_types(path: list[Token], types: tuple[str, ...]) -> np.ndarray:
    lexicon = relation_lexicon()
    found = np.zeros(len(types), dtype=np.float32)
    for token in path:
        for table in (lexicon.verbs, lexicon.nouns, lexicon.predicates, lexicon.adjectives):
            cue = table.get(token.lemma_.lower())
            if cue is not None and cue.type in types:
                found[types.index(cue.type)] = 1.0
    return found


def _mean(encoding: Encoding, tokens: list[Token], offset: int) -> np.ndarray:
    index = [i for t in tokens for i in encoding.pieces(t.idx - offset, t.idx - offset + len(t))]
    if not index:
        return np.zeros(encoding.vectors.shape[1], dtype=np.float32)
    return np.asarray(encoding.vectors[sorted(set(index))].mean(axis=0), dtype=np.float32)


def path_features(
    encoding: Encoding, offset: int, source: Token, target: Token, inside: set[int]
) -> np.ndarray:
    """``offset``: where the encoded text starts in the parsed one; ``inside``: token indices of
    the two mentions (left out of the path)."""
    roles, preps, types = _vocabulary()
    path, meet = _path(source, target)
    path = [t for t in path if t.i not in inside and not t.is_punct]
    meeting = [meet] if meet is not None and meet.i not in inside else []
    source_role, source_prep = _role(source, roles, preps)
    target_role, target_prep = _role(target, roles, preps)
    length = np.zeros(MAX_PATH + 1, dtype=np.float32)
    length[min(len(path), MAX_PATH)] = 1.0
    return np.concatenate([
        _mean(encoding, path, offset), _mean(encoding, meeting, offset),
        source_role, target_role, source_prep, target_prep, length, _cue_types(path, types),
    ])
