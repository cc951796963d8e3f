"""PolNeAr (Political News Attribution Relations, Newell et al., LREC 2018): read a split.

A split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann`` (brat standoff:
``Source``, ``Cue`` and ``Content`` text-bound spans tied together by ``Attribution`` events).
Some articles were annotated by several annotators; the first annotation file in name order is
used, so that every article counts once.

Gold quotes are only the attributions a reader would call a quote: the cue holds a verb of
saying (``data/en/quote_eval_cues.txt``, a list kept apart from the extractor's own lexicon so
that widening the extractor never widens the gold) or is a colon, "according to" is not a cue
of speech, and the content is a clause (a finite verb) of at least five words. The other attributions (thoughts,
"polls show", short contents) are kept as *excluded*: a prediction on one of them is neither
right nor wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc

QUOTE_EVAL_CUES_FILE = "quote_eval_cues.txt"
MIN_CONTENT_WORDS = 5
GoldKind = Literal["direct", "mixed", "indirect"]

# Double quotation marks, the typewriter pairs `` and '' included (single marks are apostrophes
# as often as not, and nest inside a quotation).
_DOUBLE_MARK = re.compile(r"[\"“”«»„]|``|''")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    """One attribution of the corpus; ``source`` is None where the text names no source."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None


@dataclass(frozen=True)
class GoldQuote:
    content: tuple[int, int]
    source: tuple[int, int] | None
    kind: GoldKind
    # A split quotation ("Judge," he said, "I have never ...") is one content around its own
    # source and cue: the pieces before and after them.
    pieces: tuple[tuple[int, int], ...] = ()
    cue: tuple[int, int] | None = None


@dataclass
class PolnearArticle:
    name: str
    text: str
    attributions: list[Attribution]


@lru_cache(maxsize=1)
def eval_cue_lemmas() -> frozenset[str]:
    raw = resources.files("presslens.data.en").joinpath(QUOTE_EVAL_CUES_FILE).read_text("utf-8")
    return frozenset(w for line in raw.splitlines() if (w := line.split("#", 1)[0].strip().lower()))


def read_split(folder: Path, limit: int | None = None) -> list[PolnearArticle]:
    """The articles of one split folder, in name order; ``limit``: so many, spread evenly over
    the split (names sort by outlet, so the first N would all come from one outlet)."""
    annotations: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    texts = [p for p in sorted((folder / "text").glob("*.txt")) if p.stem in annotations]
    if limit is not None and limit < len(texts):
        texts = [texts[i * len(texts) // limit] for i in range(limit)]
    return [PolnearArticle(p.stem, p.read_text("utf-8"), _read_ann(annotations[p.stem]))
            for p in texts]


def _read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[int, int]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label_offsets = parts[1].split(" ")
            # discontinuous spans ("0 5;9 12") are taken from their first to their last character
            numbers = [int(n) for n in re.findall(r"\d+", " ".join(label_offsets[1:]))]
            spans[parts[0]] = (min(numbers), max(numbers))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split(" ") if ":" in arg))
    found = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        found.append(Attribution(content, spans.get(event.get("Cue", "")),
                                 spans.get(event.get("Source", ""))))
    return found


def split_gold(article: PolnearArticle, sdoc: Doc) -> tuple[list[GoldQuote], list[Attribution]]:
    """The article's gold quotes, and the attributions left out of the gold."""
    gold: list[GoldQuote] = []
    excluded: list[Attribution] = []
    for attribution in article.attributions:
        if _is_quote(article.text, attribution, sdoc):
            kind = gold_kind(article.text[attribution.content[0]:attribution.content[1]])
            gold.append(GoldQuote(attribution.content, attribution.source, kind,
                                  _pieces(article.text, attribution), attribution.cue))
        else:
            excluded.append(attribution)
    return gold, excluded


def _pieces(text: str, attribution: Attribution) -> tuple[tuple[int, int], ...]:
    """A split quotation's quoted pieces: up to the last closing mark before its source and cue,
    and from the first opening mark after them ("“A,” she said, turning round. “B”")."""
    start, end = attribution.content
    inside = [s for s in (attribution.source, attribution.cue)
              if s is not None and start < s[0] and s[1] < end]
    if not inside:
        return ()
    first_end = min(s[0] for s in inside)
    second_start = max(s[1] for s in inside)
    closes = [m.end() for m in _DOUBLE_MARK.finditer(text, start, first_end)]
    opens = [m.start() for m in _DOUBLE_MARK.finditer(text, second_start, end)]
    return ((start, closes[-1] if closes else first_end),
            (opens[0] if opens else second_start, end))


def _is_quote(text: str, attribution: Attribution, sdoc: Doc) -> bool:
    start, end = attribution.content
    if len(_WORD.findall(text[start:end])) < MIN_CONTENT_WORDS or attribution.cue is None:
        return False
    # A quote reports a statement: a clause with a finite verb ("his thanks to the president"
    # or "to step up the fight" after "called on ... " is not one).
    content = sdoc.char_span(start, end, alignment_mode="expand")
    if content is None or not any(t.tag_ in _FINITE_TAGS for t in content):
        return False
    cue_start, cue_end = attribution.cue
    cue_text = text[cue_start:cue_end].strip().lower()
    if cue_text == ":":
        return True
    if cue_text.startswith("according"):
        return False
    span = sdoc.char_span(cue_start, cue_end, alignment_mode="expand")
    lemmas = eval_cue_lemmas()
    return span is not None and any(t.lemma_.lower() in lemmas for t in span)


def gold_kind(content: str) -> GoldKind:
    """direct: the content is one quotation; mixed: it holds a quoted piece; else indirect."""
    inner = content.strip().rstrip(".,;:!? ")
    marks = len(_DOUBLE_MARK.findall(inner))
    if marks == 0:
        return "indirect"
    if marks == 2 and _DOUBLE_MARK.match(inner) and _DOUBLE_MARK.search(inner[-2:]):
        return "direct"
    return "mixed"
