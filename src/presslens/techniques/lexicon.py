"""Cue patterns and structural detectors for rare or structural techniques.

Patterns live in ``data/techniques_lexicon.yaml`` (the structural detectors' words in
``data/en/techniques.yaml``); Repetition, Slogans and "either ... or" are
found here from the parse. Every hit is ``(start, end, label, rule)`` in character offsets of the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import yaml
from spacy.attrs import ENT_IOB
from spacy.symbols import PROPN
from spacy.tokens import Doc

from presslens.lexicon import word_set
from presslens.metadata_dates import alternatives
from presslens.techniques.features import DocFeatures, _key
from presslens.techniques.prefilter import PatternSet

_WORD = r"[\w'’-]+"

# Cues that split the two merged SemEval-2020 classes into SemEval-2023 labels (word starts, any
# case; data/en/techniques.yaml).
_GUILT_CUE = re.compile(rf"\b(?:{alternatives(word_set('techniques', 'guilt_cues'))})", re.IGNORECASE)
_STRAW_CUE = re.compile(rf"\b(?:{alternatives(word_set('techniques', 'straw_man_cues'))})", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    prior: float
    patterns: tuple[re.Pattern[str], ...]  # on lowercased text; leading \\b checked in code
    bounded: tuple[bool, ...]  # whether the pattern must start at a word boundary
    # Written for a construction of the presslens genre: its confidence is its prior, never
    # re-measured on ptc-train (another genre, where such hits are rare and mostly unmarked).
    genre: bool = False


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
        # A leading \b defeats the regex engine's first-character scan, so it is checked in code.
        sources = [str(p).replace("{W}", _WORD) for p in entry["patterns"]]
        bounded = tuple(p.startswith(r"\b") for p in sources)
        pats = tuple(
            re.compile(p[2:] if b else p, re.MULTILINE)
            for p, b in zip(sources, bounded, strict=True)
        )
        rules.append(
            Rule(
                str(entry["name"]),
                str(entry["label"]),
                float(entry["prior"]),
                pats,
                bounded,
                bool(entry.get("genre", False)),
            )
        )
    return tuple(rules)


STRUCTURAL_PRIORS = {"repetition": 0.4, "slogan": 0.45, "either_or": 0.5}

# A paragraph led by a dash or "Q:" in an interview: the interviewer's turn (the labels are
# ``interview_labels`` of data/en/quotes.yaml).
_TURN_LABELS = word_set("quotes", "interview_labels")
_TURN = re.compile(rf"^[ \t]*(?:[–—-][ \t]|(?:{alternatives(_TURN_LABELS)}):)[^\n]*", re.MULTILINE)
_LABELLED_TURN = tuple(sorted(f"{label}:" for label in _TURN_LABELS))
# "– We will not give in, – the general said.": a dash after the words closes a quoted reply
_ATTRIBUTION_DASH = re.compile(r"[,.!?…][ \t]*[–—][ \t]")


def interviewer_turns(text: str) -> list[tuple[int, int]]:
    """Character ranges of an interviewer's questions ("– Is Georgia turning towards Russia?",
    "Q: ...") in an article laid out as an interview.

    A "Q:" paragraph is always one. Dash-led paragraphs are when the article has two or more of
    them and one ends in a question mark (a lone dash-led lede or a list of tweet attributions is
    not an interview), and not when a second dash closes the words as a quote ("– We will not
    give in, – he said.").
    """
    qa: list[tuple[int, int]] = []
    dashed: list[tuple[int, int]] = []
    for m in _TURN.finditer(text):
        line = m.group().strip()
        if line.startswith(_LABELLED_TURN):
            qa.append(m.span())
        elif not _ATTRIBUTION_DASH.search(line):
            dashed.append(m.span())
    if len(dashed) >= 2 and any(text[s:e].rstrip().endswith("?") for s, e in dashed):
        qa.extend(dashed)
    return sorted(qa)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def _all_patterns() -> tuple[tuple[tuple[Rule, bool], ...], PatternSet]:
    """Every pattern of every rule in order, with its rule and whether it is bounded, and the
    patterns as one ``PatternSet``."""
    rules = load_rules()
    owners = tuple((rule, bounded) for rule in rules for bounded in rule.bounded)
    return owners, PatternSet([pat for rule in rules for pat in rule.patterns])


def pattern_hits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowercased
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    owners, patterns = _all_patterns()
    for index, matches in patterns.finditer(low):
        rule, bounded = owners[index]
        for m in matches:
            if (
                bounded
                and m.start() > 0
                and (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_")
            ):
                continue
            s, e = m.span("span") if "span" in m.re.groupindex else m.span()
            s, e = _trim(text, s, e)
            if e > s:
                hits.append(Hit(s, e, rule.label, rule.name))
    return hits


def repetition_hits(sdoc: Doc, f: DocFeatures, *, max_n: int = 10) -> list[Hit]:
    """Phrases of three to ``max_n`` tokens with at least two content words, said twice or more,
    whose content words are not mostly names (a news story names its actors again and again:
    "the home secretary", "the European Union" are not Repetition).

    The longest repeated phrase wins; every occurrence after the first is a span, and so is the
    first when the phrase comes three times or more.
    """
    n = len(f.lower)
    if n < 4:
        return []
    content = f.is_alpha & ~f.is_stop & (f.length > 1)
    iob = sdoc.to_array([ENT_IOB]).reshape(-1) if n else np.zeros(0, dtype=np.uint64)
    named = content & ((f.pos == PROPN) | ((iob != 0) & (iob != 2)))
    breaks = f.is_punct | f.is_space

    def prefix(a: np.ndarray) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(a, dtype=np.int64)])

    c_content, c_named, c_breaks = prefix(content), prefix(named), prefix(breaks)
    # key of the phrase of ``size`` tokens starting at each token, extended one token at a time
    keys: dict[int, np.ndarray] = {}
    key = np.zeros(n, dtype=np.uint64)
    for size in range(1, max_n + 1):
        m = n - size + 1
        if m <= 0:
            break
        key = _key(200 + size - 1, key[:m], f.lower[size - 1 : size - 1 + m])
        keys[size] = key
    covered = np.zeros(n, dtype=bool)
    hits: list[Hit] = []
    for size in range(max_n, 2, -1):
        if size not in keys:
            continue
        key = keys[size]
        m = len(key)
        n_content = c_content[size : size + m] - c_content[:m]
        n_named = c_named[size : size + m] - c_named[:m]
        has_break = (c_breaks[size : size + m] - c_breaks[:m]) > 0
        ok = (n_content >= 2) & ~has_break & (2 * n_named < n_content)
        if not ok.any():
            continue
        cand = np.flatnonzero(ok)
        _, inverse, counts = np.unique(key[cand], return_inverse=True, return_counts=True)
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
    return hits


_HASHTAG = re.compile(r"#\w{3,}")
_CAPS = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){1,6}\b")


_IMPERATIVE_OPENERS = word_set("techniques", "imperative_openers")


def slogan_hits(sdoc: Doc, f: DocFeatures) -> list[Hit]:
    """Short exclamations and imperatives, hashtags and all-capitals phrases."""
    text = f.text
    hits: list[Hit] = [
        Hit(m.start(), m.end(), "Slogans", "slogan") for m in _HASHTAG.finditer(text)
    ]
    for m in _CAPS.finditer(text):
        if len(m.group()) >= 8:
            hits.append(Hit(m.start(), m.end(), "Slogans", "slogan"))
    words = ~(f.is_punct | f.is_space)
    for first, last in zip(f.sent_first.tolist(), f.sent_last.tolist(), strict=True):
        if text[int(f.idx[last]) : int(f.idx[last] + f.length[last])] != "!":
            continue
        inner = np.flatnonzero(words[first : last + 1])
        if not 2 <= len(inner) <= 8:
            continue
        w0 = sdoc[first + int(inner[0])]
        if w0.tag_ == "VB" or w0.lower_ in _IMPERATIVE_OPENERS or len(inner) <= 5:
            s, e = _trim(text, int(f.idx[first]), int(f.idx[last] + f.length[last]))
            hits.append(Hit(s, e, "Slogans", "slogan"))
    return hits


_EITHER_OR = re.compile(
    rf"\b(?:{alternatives(word_set('techniques', 'dilemma_either'))}) (?:{_WORD}[,]? ){{1,12}}"
    rf"(?:{alternatives(word_set('techniques', 'dilemma_or'))}) (?:{_WORD} ){{0,8}}{_WORD}",
    re.IGNORECASE,
)
_CLAUSE_OPENERS = word_set("techniques", "clause_openers")
_CHOOSERS = word_set("techniques", "choosers")


def dilemma_hits(sdoc: Doc, f: DocFeatures) -> list[Hit]:
    """False dilemmas: "either ... or" offering two courses or outcomes, not two items.

    "Either" opens its clause ("Either Brussels lifts the embargo or Europe freezes", "the choice
    is simple: either ..."), or is followed by a subject pronoun ("either we defend ...") or a
    bare verb ("must either accept the offer or lose the region"). "Either directly or
    indirectly" is not one.
    """
    text = f.text
    hits: list[Hit] = []
    for m in _EITHER_OR.finditer(text):
        k = int(np.searchsorted(f.idx, m.start()))
        if k >= len(f.idx) or int(f.idx[k]) != m.start():
            continue
        first = int(f.sent_first[f.sent[k]])
        before = [t for t in range(first, k) if not (f.is_space[t] or f.is_punct[t])]
        prev_char = text[: m.start()].rstrip()[-1:] if m.start() else ""
        opens = (
            not before
            or prev_char in ':;—–-("“'
            or (len(before) <= 2 and all(sdoc[t].lower_ in _CLAUSE_OPENERS for t in before))
        )
        nxt = k + 1
        while nxt < len(f.idx) and f.is_space[nxt]:
            nxt += 1
        chooses = nxt < len(f.idx) and (sdoc[nxt].tag_ == "VB" or sdoc[nxt].lower_ in _CHOOSERS)
        if opens or chooses:
            s, e = _trim(text, m.start(), m.end())
            hits.append(Hit(s, e, "False_Dilemma-No_Choice", "either_or"))
    return hits


_TO_HEAD = {"doubt_marker", "doubt_hedge"}


def _end_at_head(sdoc: Doc, f: DocFeatures, hit: Hit) -> Hit:
    """A qualifier's span ends at the noun it qualifies ("so-called reformers", not "so-called
    reformers fled"); hits that are a single word, or whose noun is not found, are kept."""
    k = int(np.searchsorted(f.idx, hit.start))
    if k >= len(f.idx) or int(f.idx[k]) != hit.start:
        return hit
    head = sdoc[k].head
    while head.i > k and head.dep_ in ("amod", "compound") and head.head.i > head.i:
        head = head.head
    if head.i <= k or head.pos_ not in ("NOUN", "PROPN"):
        return hit
    end = head.idx + len(head.text)
    if end >= hit.end:
        return hit
    if end < len(f.text) and f.text[end] in "\"”'’":
        end += 1
    return Hit(hit.start, end, hit.label, hit.rule)


def all_hits(sdoc: Doc, f: DocFeatures) -> list[Hit]:
    patterns = [_end_at_head(sdoc, f, h) if h.rule in _TO_HEAD else h for h in pattern_hits(f.text)]
    return patterns + dilemma_hits(sdoc, f) + repetition_hits(sdoc, f) + slogan_hits(sdoc, f)


def resolve_merged(label: str, text: str, start: int, end: int) -> str:
    """A SemEval-2023 label for a model prediction in one of the merged 2020 classes."""
    if label == "Bandwagon,Reductio_ad_hitlerum":
        window = text[max(0, start - 80) : end + 80]
        return "Guilt_by_Association" if _GUILT_CUE.search(window) else "Appeal_to_Popularity"
    if label == "Whataboutism,Straw_Men,Red_Herring":
        return "Straw_Man" if _STRAW_CUE.search(text[start:end]) else "Whataboutism"
    return label
