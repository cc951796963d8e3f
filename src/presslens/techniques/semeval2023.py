"""The SemEval-2023 Task 3 (subtask 3) English corpus, its held-out fifth, and its official measure.

Folder layout (``../shared/data/semeval2023-en-train``): ``train-articles-subtask-3/article<ID>.txt``
(title, blank line, body), ``train-labels-subtask-3-spans/article<ID>-labels-subtask-3.txt``
(article, technique, start, end: character offsets into the .txt) and
``train-labels-subtask-3.txt`` (article, paragraph line number from 1, comma-separated
techniques; blank lines are no paragraphs).

The held-out fifth (``is_heldout``): an article is held out when the SHA-1 of its id, read as an
integer, is 0 or 1 modulo 10 -- the rule by which the 2020-trained detector kept its own test
articles (``train.split_of``), so the baseline is scored on articles it never saw either.

The measure (``paragraph_scores``): each paragraph carries a set of labels, gold and predicted;
micro-F1 counts every (paragraph, label) decision over the 23 labels; macro-F1 averages the 23
per-label F1, a label with no gold and no predicted paragraph counting 0 (``macro_f1``, strict)
or 1 (``macro_f1_official``: the task's scorer calls scikit-learn's ``f1_score(average="macro",
zero_division=1)``), and over the labels with gold only (``macro_f1_gold``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ARTICLES = "train-articles-subtask-3"
SPANS = "train-labels-subtask-3-spans"
PARAGRAPHS = "train-labels-subtask-3.txt"
HELDOUT_RULE = "int(sha1(article_id).hexdigest(), 16) % 10 < 2"

ParagraphKey = tuple[str, int]  # (article id, line number from 1)


def is_heldout(article_id: str) -> bool:
    """Whether the article is in the held-out fifth (``HELDOUT_RULE``); never trained on."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 10 < 2


@dataclass
class Article2023:
    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (label, start, end)
    paragraphs: dict[int, set[str]] = field(default_factory=dict)  # line number -> labels


def paragraph_lines(text: str) -> list[tuple[int, int, int]]:
    """``(line number from 1, start, end)`` of every non-blank line of ``text``."""
    out = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            out.append((number, start, start + len(line)))
        start += len(line) + 1
    return out


def read_semeval2023(folder: Path, split: str = "all",
                     labels: Sequence[str] | None = None) -> list[Article2023]:
    """The articles of ``folder`` (``split``: "all", "train" or "heldout"), sorted by id.

    Labels outside ``labels`` (a typo in the paragraph file, "Appeal_to_Fear-Prejudi-čce") are
    dropped when ``labels`` is given."""
    if split not in ("all", "train", "heldout"):
        raise ValueError(f"split must be all, train or heldout, not {split!r}")
    known = set(labels) if labels is not None else None
    articles: dict[str, Article2023] = {}
    for path in sorted((folder / ARTICLES).glob("article*.txt")):
        art_id = path.stem.removeprefix("article")
        if split != "all" and is_heldout(art_id) != (split == "heldout"):
            continue
        articles[art_id] = Article2023(art_id, path.read_text(encoding="utf-8"))
    for art in articles.values():
        span_file = folder / SPANS / f"article{art.id}-labels-subtask-3.txt"
        if span_file.is_file():
            for line in span_file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    _, label, start, end = line.split("\t")
                    if known is None or label in known:
                        art.spans.append((label, int(start), int(end)))
        art.spans.sort(key=lambda x: (x[1], x[2], x[0]))
        art.paragraphs = {number: set() for number, _, _ in paragraph_lines(art.text)}
    paragraph_file = folder / PARAGRAPHS
    if paragraph_file.is_file():
        for line in paragraph_file.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or parts[0] not in articles:
                continue
            found = {x for x in (parts[2].split(",") if len(parts) > 2 else []) if x}
            if known is not None:
                found &= known
            articles[parts[0]].paragraphs.setdefault(int(parts[1]), set()).update(found)
    return [articles[k] for k in sorted(articles)]


def paragraphs_of_spans(text: str, spans: Iterable[tuple[str, int, int]]) -> dict[int, set[str]]:
    """Paragraph labels that follow from labelled spans: a paragraph carries a label when a span
    of that label overlaps it."""
    lines = paragraph_lines(text)
    out: dict[int, set[str]] = {number: set() for number, _, _ in lines}
    for label, start, end in spans:
        for number, s, e in lines:
            if s < end and start < e:
                out[number].add(label)
    return out


@dataclass(frozen=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    n_gold: int
    n_pred: int


@dataclass(frozen=True)
class ParagraphScores:
    micro_f1: float
    macro_f1: float  # over all the labels given, 0 for a label never gold nor predicted
    macro_f1_gold: float  # over the labels with at least one gold paragraph
    # The task's own scorer (scikit-learn's f1_score, average="macro", zero_division=1): a label
    # neither gold nor predicted in any paragraph scores 1, as if it were found without error.
    # On a split where some labels never occur (four of the 23 have no English span at all)
    # that adds 1/23 per such label left unpredicted, so it is reported beside the strict count.
    macro_f1_official: float
    micro_precision: float
    micro_recall: float
    paragraphs: int
    per_label: dict[str, LabelScore]


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def paragraph_scores(gold: Mapping[ParagraphKey, set[str]], predicted: Mapping[ParagraphKey, set[str]],
                     labels: Sequence[str]) -> ParagraphScores:
    """The task's measure over the paragraphs of ``gold`` (predicted ones elsewhere are ignored;
    a paragraph without a prediction has none)."""
    tp = dict.fromkeys(labels, 0)
    n_gold = dict.fromkeys(labels, 0)
    n_pred = dict.fromkeys(labels, 0)
    for key, want in gold.items():
        got = predicted.get(key, set())
        for label in labels:
            in_gold, in_pred = label in want, label in got
            n_gold[label] += in_gold
            n_pred[label] += in_pred
            tp[label] += in_gold and in_pred
    per_label = {}
    for label in labels:
        p, r, f = _f1(tp[label], n_pred[label], n_gold[label])
        per_label[label] = LabelScore(p, r, f, n_gold[label], n_pred[label])
    mp, mr, mf = _f1(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    with_gold = [s.f1 for s in per_label.values() if s.n_gold]
    return ParagraphScores(
        micro_f1=mf, macro_f1=sum(s.f1 for s in per_label.values()) / len(labels) if labels else 0.0,
        macro_f1_gold=sum(with_gold) / len(with_gold) if with_gold else 0.0,
        macro_f1_official=(
            sum(1.0 if not (s.n_gold or s.n_pred) else s.f1 for s in per_label.values()) / len(labels)
            if labels else 0.0
        ),
        micro_precision=mp, micro_recall=mr, paragraphs=len(gold), per_label=per_label,
    )
