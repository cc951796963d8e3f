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
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
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
_QUESTION = COUNT_NAMES.index("question")
_EXCLAMATION = COUNT_NAMES.index("exclamation")
_IMPERATIVE = COUNT_NAMES.index("imperative")
_QMARK = _U(_h("?"))
_EXCL = _U(_h("!"))
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


def _among(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """``np.isin(values, wanted)`` for a handful of ``wanted`` values, without its set-up cost."""
    found = np.zeros(values.shape, dtype=bool)
    for value in wanted:
        found |= values == value
    return found


def _buckets(keys: np.ndarray) -> np.ndarray:
    return (keys >> _U(64 - BITS)).astype(np.int64)


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
    is_alpha: np.ndarray
    idx: np.ndarray  # character offset of each token (int64)
    length: np.ndarray  # characters of each token (int64)
    head: np.ndarray  # absolute index of the head (int64)
    norm: np.ndarray  # lower form, numbers folded into one symbol
    abstract: np.ndarray  # entity type for entity tokens, <num>, <propn>, else lower form
    tensor: np.ndarray  # (n, 96) float32, zeros when the pipeline has no tensor
    token_counts: np.ndarray  # (n, N_COUNTS) float32: what each token adds to the counts
    # Hashed feature buckets over the non-space tokens ("content" order), computed once per doc
    # (a segment's ids are slices of these):
    content: np.ndarray  # (m,) doc indices of the non-space tokens
    position: np.ndarray  # (n + 1,) non-space tokens before each token (m at the end)
    uni_ids: np.ndarray  # (m, 3) templates 0 (word), 2 (lemma), 6 (first word)
    pair_ids: np.ndarray  # (m - 1, 3) templates 1, 3, 4 over consecutive content tokens
    tri_ids: np.ndarray  # (m - 2,) template 7
    edge_ids: np.ndarray  # (m, 6) templates 1, 3, 4 as (<s>, token) then (token, </s>)
    root_ids: np.ndarray  # (n,) template 5 (lemma + tag), read for the roots of a segment
    is_root: np.ndarray  # (n,) bool: heads itself or is labelled ROOT
    is_subject: np.ndarray  # (n,) bool: a subject dependency

    @classmethod
    def of(cls, sdoc: Doc) -> DocArrays:
        attrs = [LOWER, LEMMA, TAG, POS, DEP, ENT_TYPE, ENT_IOB, LIKE_NUM, IS_PUNCT, IS_SPACE]
        attrs += [HEAD, IS_ALPHA, IDX, LENGTH]
        raw = sdoc.to_array(attrs)
        n = len(sdoc)
        arr = np.asarray(raw, dtype=np.uint64).reshape(n, len(attrs))
        lower, lemma, tag, pos, dep, ent_type = (arr[:, i] for i in range(6))
        ent_iob = arr[:, 6]
        is_num = (arr[:, 7] > 0) | (tag == _U(_TAG_CD))
        head = np.arange(n, dtype=np.int64) + arr[:, 10].view(np.int64)
        norm = np.where(is_num, _NUM, lower)
        abstract = np.where(
            ent_type != 0, ent_type, np.where(pos == _U(_POS_PROPN), _PROPN_SENT, norm)
        )
        tensor = np.asarray(sdoc.tensor, dtype=np.float32)
        if tensor.ndim != 2 or tensor.shape != (n, TENSOR_DIM):
            tensor = np.zeros((n, TENSOR_DIM), dtype=np.float32)
        begins = ent_iob == 3

        def ents(types: np.ndarray) -> np.ndarray:
            return begins & _among(ent_type, types)

        def tags(*names: int) -> np.ndarray:
            return _among(tag, np.array(names, dtype=np.uint64))

        columns = {
            "numbers": is_num,
            "dates": ents(_DATE_TYPES),
            "quantities": ents(_QUANT_TYPES),
            "persons": ents(_PERSON_TYPES),
            "places": ents(_PLACE_TYPES),
            "orgs": ents(_ORG_TYPES),
            "other_ents": ents(_OTHER_TYPES),
            "past": tags(_TAG_VBD),
            "participle": tags(_TAG_VBN),
            "present": tags(_TAG_VBZ, _TAG_VBP),
            "future": _among(lower, _FUTURE),
            "hedge_modal": _among(lower, _HEDGE_MODAL) & tags(_TAG_MD),
            "first_sg": _among(lower, _FIRST_SG),
            "first_pl": _among(lower, _FIRST_PL),
            "second": _among(lower, _SECOND),
            "adjectives": tags(_TAG_JJ),
            "superlatives": tags(_TAG_JJS, _TAG_RBS),
            "comparatives": tags(_TAG_JJR, _TAG_RBR),
            "negations": dep == _U(_DEP_NEG),
            "opinion_verbs": _among(lemma, _OPINION_LEMMAS),
            "propn": pos == _U(_POS_PROPN),
            "interjections": tags(_TAG_UH),
        }
        token_counts = np.zeros((n, N_COUNTS), dtype=np.float32)
        for name, column in columns.items():
            token_counts[:, COUNT_NAMES.index(name)] = column
        is_space = arr[:, 9] > 0
        content = np.flatnonzero(~is_space)
        position = np.concatenate([[0], np.cumsum(~is_space)])
        c_norm, c_tag, c_abs = norm[content], tag[content], abstract[content]
        uni_keys = np.stack([_key(0, c_norm), _key(2, lemma[content]), _key(6, c_norm)], axis=1)
        pair_keys = np.stack(
            [
                _key(1, c_norm[:-1], c_norm[1:]),
                _key(3, c_tag[:-1], c_tag[1:]),
                _key(4, c_abs[:-1], c_abs[1:]),
            ],
            axis=1,
        ).reshape(-1, 3)
        tri_keys = _key(7, c_tag[:-2], c_tag[1:-1], c_tag[2:])
        bos = np.full(len(content), _BOS, dtype=np.uint64)
        eos = np.full(len(content), _EOS, dtype=np.uint64)
        edge_keys = np.stack(
            [_key(t, bos, seq) for t, seq in ((1, c_norm), (3, c_tag), (4, c_abs))]
            + [_key(t, seq, eos) for t, seq in ((1, c_norm), (3, c_tag), (4, c_abs))],
            axis=1,
        ).reshape(-1, 6)
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
            is_space=is_space,
            is_alpha=arr[:, 11] > 0,
            idx=arr[:, 12].astype(np.int64),
            length=arr[:, 13].astype(np.int64),
            head=head,
            norm=norm,
            abstract=abstract,
            tensor=tensor,
            token_counts=token_counts,
            content=content,
            position=position,
            uni_ids=_buckets(uni_keys),
            pair_ids=_buckets(pair_keys),
            tri_ids=_buckets(tri_keys),
            edge_ids=_buckets(edge_keys),
            root_ids=_buckets(_key(5, lemma, tag)),
            is_root=(head == np.arange(n)) | (dep == _ROOT),
            is_subject=_among(dep, _SUBJ_DEPS),
        )


def _bigrams(template: int, seq: np.ndarray) -> np.ndarray:
    left = np.concatenate([[_BOS], seq])
    right = np.concatenate([seq, [_EOS]])
    return _key(template, left, right)


def _sorted_unique(ids: np.ndarray) -> np.ndarray:
    """``np.unique(ids)`` for a short array, without its set-up cost."""
    ids = np.sort(ids)
    keep = np.empty(len(ids), dtype=bool)
    keep[:1] = True
    np.not_equal(ids[1:], ids[:-1], out=keep[1:])
    return ids[keep]


def segment_features(arrays: DocArrays, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """Sparse ids (sorted unique bucket indices, int64) and dense values (``N_DENSE``) of the
    tokens ``start:end`` of the doc (whitespace tokens are skipped)."""
    dense = np.zeros(N_DENSE, dtype=np.float32)
    a = int(arrays.position[start])
    b = int(arrays.position[end])  # content positions a:b are the non-space tokens of start:end
    if b == a:
        return np.zeros(0, dtype=np.int64), dense
    idx = arrays.content[a:b]
    words = ~arrays.is_punct[idx]
    roots = idx[arrays.is_root[idx]]
    ids = _sorted_unique(
        np.concatenate(
            [
                arrays.uni_ids[a:b, 0],
                arrays.pair_ids[a : b - 1].ravel(),
                arrays.edge_ids[a, :3],
                arrays.edge_ids[b - 1, 3:],
                arrays.uni_ids[a:b, 1][words],
                arrays.root_ids[roots],
                arrays.uni_ids[a : a + 1, 2],
                arrays.tri_ids[a : b - 2],
            ]
        )
    )

    # imperative: a bare-verb root with no subject among its dependents
    imperative = 0
    for r in roots.tolist():
        if arrays.tag[r] == _U(_TAG_VB) and not arrays.is_subject[idx[arrays.head[idx] == r]].any():
            imperative = 1
    last = idx[words] if words.any() else idx
    tail = arrays.lower[idx[-3:]]
    values = arrays.token_counts[idx].sum(axis=0)
    values[0] = np.log1p(np.count_nonzero(words))
    values[_QUESTION] = float((tail == _QMARK).any())
    values[_EXCLAMATION] = float((tail == _EXCL).any())
    values[_IMPERATIVE] = imperative
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
