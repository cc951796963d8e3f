"""Sentence features for check-worthiness, computed from what spaCy already produced.

One ``DocArrays`` holds the token attributes of a parsed ``Doc`` as numpy arrays (spaCy stores
strings as 64-bit hashes that are the same in every process, so hashed feature ids are
arithmetic on those arrays, never Python's randomised ``hash``). ``segment_features`` turns a
stretch of tokens into

- sparse ids: hashed word, lemma, tag and entity-abstracted n-grams, each counted once;
- dense values: counts of numbers, dates, entities, tenses, modals, persons, questions,
  imperatives, adjectives and the mean of ``Doc.tensor`` (the 96-dim tok2vec output).

The same function featurises a CheckThat! sentence at training time and a news sentence at run
time, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    POS,
    TAG,
)
from spacy.strings import StringStore
from spacy.tokens import Doc

FEATURE_VERSION = 1
BITS = 18
TENSOR_DIM = 96

_U = np.uint64
_MASK = (1 << 64) - 1
_C1 = _U(0xFF51AFD7ED558CCD)
_C2 = _U(0xC4CEB9FE1A85EC53)


_STRINGS = StringStore()


def _h(text: str) -> int:
    """spaCy's 64-bit hash of a string (the value ``Doc.to_array`` gives for it)."""
    return int(_STRINGS.add(text))


def _hs(*words: str) -> np.ndarray:
    return np.array([_h(w) for w in words], dtype=np.uint64)


_NUM = _U(_h("<num>"))
_PROPN_SENT = _U(_h("<propn>"))
_BOS = _U(_h("<s>"))
_EOS = _U(_h("</s>"))
_ROOT = _U(_h("ROOT"))

_TAG_CD = _h("CD")
_TAG_VBD = _h("VBD")
_TAG_VBN = _h("VBN")
_TAG_VBZ = _h("VBZ")
_TAG_VBP = _h("VBP")
_TAG_VB = _h("VB")
_TAG_MD = _h("MD")
_TAG_JJ = _h("JJ")
_TAG_JJR = _h("JJR")
_TAG_JJS = _h("JJS")
_TAG_RBR = _h("RBR")
_TAG_RBS = _h("RBS")
_TAG_UH = _h("UH")
_POS_PROPN = _h("PROPN")
_DEP_NEG = _h("neg")
_SUBJ_DEPS = _hs("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")

_FUTURE = _hs("will", "'ll", "shall", "wo", "gonna")
_HEDGE_MODAL = _hs("would", "could", "might", "may", "should", "must", "ought", "can", "ca")
_FIRST_SG = _hs("i", "me", "my", "mine", "myself")
_FIRST_PL = _hs("we", "us", "our", "ours", "ourselves")
_SECOND = _hs("you", "your", "yours", "yourself", "yourselves")
_OPINION_LEMMAS = _hs(
    "think",
    "believe",
    "feel",
    "hope",
    "guess",
    "want",
    "wish",
    "love",
    "hate",
    "seem",
    "suppose",
    "doubt",
    "agree",
    "disagree",
    "prefer",
    "fear",
)
_DATE_TYPES = _hs("DATE", "TIME")
_QUANT_TYPES = _hs("PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL")
_PERSON_TYPES = _hs("PERSON")
_PLACE_TYPES = _hs("GPE", "LOC", "NORP", "FAC")
_ORG_TYPES = _hs("ORG")
_OTHER_TYPES = _hs("EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE")

COUNT_NAMES: tuple[str, ...] = (
    "log_words",
    "numbers",
    "dates",
    "quantities",
    "persons",
    "places",
    "orgs",
    "other_ents",
    "past",
    "participle",
    "present",
    "future",
    "hedge_modal",
    "question",
    "exclamation",
    "first_sg",
    "first_pl",
    "second",
    "imperative",
    "adjectives",
    "superlatives",
    "comparatives",
    "negations",
    "opinion_verbs",
    "propn",
    "interjections",
)
N_COUNTS = len(COUNT_NAMES)
N_DENSE = N_COUNTS + TENSOR_DIM
DENSE_NAMES: tuple[str, ...] = COUNT_NAMES + tuple(f"tensor_{i}" for i in range(TENSOR_DIM))


def _salt(template: int) -> np.uint64:
    return _U((template * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & _MASK)


def _mix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> _U(33))
    h = h * _C1
    h = h ^ (h >> _U(33))
    h = h * _C2
    return h ^ (h >> _U(33))


def _key(template: int, *parts: np.ndarray) -> np.ndarray:
    h = np.full(parts[0].shape, _salt(template), dtype=np.uint64)
    for part in parts:
        h = _mix(h ^ part)
    return h


@dataclass
class DocArrays:
    """Token attributes of one parsed ``Doc`` (hash-valued columns are uint64)."""

    lower: np.ndarray
    lemma: np.ndarray
    tag: np.ndarray
    pos: np.ndarray
    dep: np.ndarray
    ent_type: np.ndarray
    ent_begin: np.ndarray  # bool: the token starts a named entity
    is_num: np.ndarray
    is_punct: np.ndarray
    is_space: np.ndarray
    head: np.ndarray  # absolute index of the head (int64)
    norm: np.ndarray  # lower form, numbers folded into one symbol
    abstract: np.ndarray  # entity type for entity tokens, <num>, <propn>, else lower form
    tensor: np.ndarray  # (n, 96) float32, zeros when the pipeline has no tensor

    @classmethod
    def of(cls, sdoc: Doc) -> DocArrays:
        raw = sdoc.to_array(
            [LOWER, LEMMA, TAG, POS, DEP, ENT_TYPE, ENT_IOB, LIKE_NUM, IS_PUNCT, IS_SPACE, HEAD]
        )
        arr = np.asarray(raw, dtype=np.uint64).reshape(len(sdoc), 11)
        lower, lemma, tag, pos, dep, ent_type = (arr[:, i] for i in range(6))
        ent_iob = arr[:, 6]
        is_num = (arr[:, 7] > 0) | (tag == _U(_TAG_CD))
        head = np.arange(len(sdoc), dtype=np.int64) + arr[:, 10].view(np.int64)
        norm = np.where(is_num, _NUM, lower)
        abstract = np.where(
            ent_type != 0, ent_type, np.where(pos == _U(_POS_PROPN), _PROPN_SENT, norm)
        )
        tensor = np.asarray(sdoc.tensor, dtype=np.float32)
        if tensor.ndim != 2 or tensor.shape != (len(sdoc), TENSOR_DIM):
            tensor = np.zeros((len(sdoc), TENSOR_DIM), dtype=np.float32)
        return cls(
            lower=lower,
            lemma=lemma,
            tag=tag,
            pos=pos,
            dep=dep,
            ent_type=ent_type,
            ent_begin=ent_iob == 3,
            is_num=is_num,
            is_punct=arr[:, 8] > 0,
            is_space=arr[:, 9] > 0,
            head=head,
            norm=norm,
            abstract=abstract,
            tensor=tensor,
        )


def _bigrams(template: int, seq: np.ndarray) -> np.ndarray:
    left = np.concatenate([[_BOS], seq])
    right = np.concatenate([seq, [_EOS]])
    return _key(template, left, right)


def segment_features(arrays: DocArrays, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """Sparse ids (sorted unique bucket indices, int64) and dense values (``N_DENSE``) of the
    tokens ``start:end`` of the doc (whitespace tokens are skipped)."""
    idx = np.arange(start, end)
    idx = idx[~arrays.is_space[idx]]
    dense = np.zeros(N_DENSE, dtype=np.float32)
    if len(idx) == 0:
        return np.zeros(0, dtype=np.int64), dense
    norm = arrays.norm[idx]
    lemma = arrays.lemma[idx]
    tag = arrays.tag[idx]
    abstract = arrays.abstract[idx]
    words = ~arrays.is_punct[idx]
    roots = idx[(arrays.head[idx] == idx) | (arrays.dep[idx] == _ROOT)]
    root_keys = (
        _key(5, arrays.lemma[roots], arrays.tag[roots]) if len(roots) else np.zeros(0, np.uint64)
    )
    first = norm[:1]
    keys = np.concatenate(
        [
            _key(0, norm),
            _bigrams(1, norm),
            _key(2, lemma[words]),
            _bigrams(3, tag),
            _bigrams(4, abstract),
            root_keys,
            _key(6, first),
            _key(7, tag[:-2], tag[1:-1], tag[2:]) if len(tag) > 2 else np.zeros(0, np.uint64),
        ]
    )
    ids = np.unique((keys >> _U(64 - BITS)).astype(np.int64))

    lower = arrays.lower[idx]
    ent_type = arrays.ent_type[idx]
    begins = arrays.ent_begin[idx]

    def ents(types: np.ndarray) -> int:
        return int(np.count_nonzero(begins & np.isin(ent_type, types)))

    # imperative: a bare-verb root with no subject among its dependents
    imperative = 0
    for r in roots:
        if arrays.tag[r] == _U(_TAG_VB):
            kids = idx[arrays.head[idx] == r]
            if not np.isin(arrays.dep[kids], _SUBJ_DEPS).any():
                imperative = 1
    last = idx[words] if words.any() else idx
    tail = arrays.lower[idx[-3:]]
    counts = [
        float(np.log1p(np.count_nonzero(words))),
        int(np.count_nonzero(arrays.is_num[idx])),
        ents(_DATE_TYPES),
        ents(_QUANT_TYPES),
        ents(_PERSON_TYPES),
        ents(_PLACE_TYPES),
        ents(_ORG_TYPES),
        ents(_OTHER_TYPES),
        int(np.count_nonzero(tag == _U(_TAG_VBD))),
        int(np.count_nonzero(tag == _U(_TAG_VBN))),
        int(np.count_nonzero((tag == _U(_TAG_VBZ)) | (tag == _U(_TAG_VBP)))),
        int(np.count_nonzero(np.isin(lower, _FUTURE))),
        int(np.count_nonzero(np.isin(lower, _HEDGE_MODAL) & (tag == _U(_TAG_MD)))),
        int(np.isin(tail, _hs("?")).any()),
        int(np.isin(tail, _hs("!")).any()),
        int(np.count_nonzero(np.isin(lower, _FIRST_SG))),
        int(np.count_nonzero(np.isin(lower, _FIRST_PL))),
        int(np.count_nonzero(np.isin(lower, _SECOND))),
        imperative,
        int(np.count_nonzero(tag == _U(_TAG_JJ))),
        int(np.count_nonzero((tag == _U(_TAG_JJS)) | (tag == _U(_TAG_RBS)))),
        int(np.count_nonzero((tag == _U(_TAG_JJR)) | (tag == _U(_TAG_RBR)))),
        int(np.count_nonzero(arrays.dep[idx] == _U(_DEP_NEG))),
        int(np.count_nonzero(np.isin(lemma, _OPINION_LEMMAS))),
        int(np.count_nonzero(arrays.pos[idx] == _U(_POS_PROPN))),
        int(np.count_nonzero(tag == _U(_TAG_UH))),
    ]
    values = np.asarray(counts, dtype=np.float32)
    values[1:] = np.log1p(values[1:])
    dense[:N_COUNTS] = values
    dense[N_COUNTS:] = arrays.tensor[last].mean(axis=0)
    return ids, dense


def feature_config() -> dict[str, object]:
    """What the shipped weights were trained with (kept in the model's meta.json)."""
    return {
        "version": FEATURE_VERSION,
        "bits": BITS,
        "sparse_templates": [
            "word (numbers folded)",
            "word bigram",
            "lemma",
            "tag bigram",
            "entity-type/number/proper-noun abstracted bigram",
            "root lemma+tag",
            "first word",
            "tag trigram",
        ],
        "dense": [*COUNT_NAMES, f"mean tok2vec tensor ({TENSOR_DIM})"],
        "dense_transform": "log1p of counts; standardised with the training mean and scale",
    }
