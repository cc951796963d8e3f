"""Cue patterns and structural detectors for rare or structural techniques.

Patterns live in ``data/techniques_lexicon.yaml``; Repetition and Slogans are found here from the
parse. Every hit is ``(start, end, label, rule)`` in character offsets of the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import yaml
from spacy.tokens import Doc

from presslens.techniques.features import DocFeatures, _key

_WORD = r"[\w'’-]+"

# Cues that split the two merged SemEval-2020 classes into SemEval-2023 labels.
_GUILT_CUE = re.compile(
    r"\b(?:nazi|hitler|goebbels|fascis|stalin|gestapo|third reich|mussolini|pol pot|khmer|isis|"
    r"al-qaeda|taliban|kgb|mccarthy|terroris|apartheid|kkk|ku klux)",
    re.IGNORECASE,
)
_STRAW_CUE = re.compile(
    r"\b(?:want (?:us|you) to believe|by their logic|according to them|in other words|"
    r"would have us)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    prior: float
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str
    rule: str


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("presslens.data")
        .joinpath("techniques_lexicon.yaml")
        .read_text(encoding="utf-8")
    )
    rules = []
    for entry in raw["rules"]:
        pats = tuple(
            re.compile(p.replace("{W}", _WORD), re.IGNORECASE | re.MULTILINE)
            for p in entry["patterns"]
        )
        rules.append(Rule(str(entry["name"]), str(entry["label"]), float(entry["prior"]), pats))
    return tuple(rules)


STRUCTURAL_PRIORS = {"repetition": 0.4, "slogan": 0.45}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def pattern_hits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for rule in load_rules():
        for pat in rule.patterns:
            for m in pat.finditer(text):
                s, e = m.span("span") if "span" in pat.groupindex else m.span()
                s, e = _trim(text, s, e)
                if e > s:
                    hits.append(Hit(s, e, rule.label, rule.name))
    return hits


def repetition_hits(sdoc: Doc, f: DocFeatures, *, max_n: int = 6) -> list[Hit]:
    """Phrases of three to ``max_n`` tokens with at least two content words, said twice or more.

    The longest repeated phrase wins; every occurrence after the first is a span, and so is the
    first when the phrase comes three times or more.
    """
    n = len(f.lower)
    if n < 4:
        return []
    content = np.fromiter(
        (t.is_alpha and not t.is_stop and len(t) > 1 for t in sdoc), dtype=bool, count=n
    )
    breaks = f.is_punct | np.fromiter((t.is_space for t in sdoc), dtype=bool, count=n)
    covered = np.zeros(n, dtype=bool)
    hits: list[Hit] = []
    text = sdoc.text
    for size in range(max_n, 2, -1):
        m = n - size + 1
        if m <= 0:
            continue
        key = np.zeros(m, dtype=np.uint64)
        n_content = np.zeros(m, dtype=np.int64)
        has_break = np.zeros(m, dtype=bool)
        for k in range(size):
            key = _key(200 + k, key, f.lower[k : k + m])
            n_content += content[k : k + m]
            has_break |= breaks[k : k + m]
        ok = (n_content >= 2) & ~has_break
        if not ok.any():
            continue
        cand = np.flatnonzero(ok)
        uniq, inverse, counts = np.unique(key[cand], return_inverse=True, return_counts=True)
        for group in np.flatnonzero(counts >= 2):
            starts = cand[inverse == group]
            if any(covered[s : s + size].any() for s in starts):
                continue
            chosen = starts if len(starts) >= 3 else starts[1:]
            for s in starts:
                covered[s : s + size] = True
            for s in chosen:
                cs = int(f.idx[s])
                ce = int(f.idx[s + size - 1] + f.length[s + size - 1])
                hits.append(Hit(cs, ce, "Repetition", "repetition"))
        del uniq
    del text
    return hits


_HASHTAG = re.compile(r"#\w{3,}")
_CAPS = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){1,6}\b")


def slogan_hits(sdoc: Doc) -> list[Hit]:
    """Short exclamations and imperatives, hashtags and all-capitals phrases."""
    text = sdoc.text
    hits: list[Hit] = [
        Hit(m.start(), m.end(), "Slogans", "slogan") for m in _HASHTAG.finditer(text)
    ]
    for m in _CAPS.finditer(text):
        if len(m.group()) >= 8:
            hits.append(Hit(m.start(), m.end(), "Slogans", "slogan"))
    for sent in sdoc.sents:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not 2 <= len(words) <= 8:
            continue
        last = sent[-1]
        while last.is_space and last.i > sent.start:
            last = sdoc[last.i - 1]
        if last.text != "!":
            continue
        first = words[0]
        imperative = first.tag_ == "VB" or first.lower_ in {
            "no",
            "never",
            "long",
            "death",
            "glory",
            "down",
        }
        if imperative or len(words) <= 5:
            s, e = _trim(text, sent.start_char, last.idx + len(last))
            hits.append(Hit(s, e, "Slogans", "slogan"))
    return hits


def all_hits(sdoc: Doc, f: DocFeatures) -> list[Hit]:
    return pattern_hits(sdoc.text) + repetition_hits(sdoc, f) + slogan_hits(sdoc)


def resolve_merged(label: str, text: str, start: int, end: int) -> str:
    """A SemEval-2023 label for a model prediction in one of the merged 2020 classes."""
    if label == "Bandwagon,Reductio_ad_hitlerum":
        window = text[max(0, start - 80) : end + 80]
        return "Guilt_by_Association" if _GUILT_CUE.search(window) else "Appeal_to_Popularity"
    if label == "Whataboutism,Straw_Men,Red_Herring":
        return "Straw_Man" if _STRAW_CUE.search(text[start:end]) else "Whataboutism"
    return label
