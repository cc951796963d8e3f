"""Quotes on PolNeAr: presslens and textacy scored against real news attributions.

    presslens eval-quotes ../shared/data/polnear/train [--limit N] [--cache DIR] [--json]

Matching, one prediction to one gold quote (greedy, largest shared stretch first), on spans
with their outer spaces, quotation marks and final punctuation stripped, and a leading "that"
dropped on both sides (PolNeAr's content starts with the complementiser, presslens's after it:
the convention is the README's, and neither is an error here):

- *overlap*: the two spans share at least one character (for precision, a prediction is right
  when it overlaps any gold quote: the pieces of a split quotation are one gold content);
- *exact*: after that normalisation the two spans are equal (for a split quotation, whose gold
  content runs around its own speaker and cue, equal to the quoted piece before or after them;
  for precision, a prediction equal to any gold quote or piece is right);
- a prediction that overlaps only an attribution outside the gold (a thought, "polls show",
  a content under five words) is not counted at all.

Speaker accuracy is over the overlap-matched gold quotes that name a source: right when the
predicted speaker words overlap the source, or the predicted speaker actor has a mention there
or a name that holds the source's words. Recall is also given per gold kind (direct, mixed,
indirect: ``polnear.gold_kind``). textacy's ``direct_quotations`` runs on the same parse.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from presslens.actors import extract_actors
from presslens.actors.gazetteer import load_gazetteer
from presslens.bench.polnear import Attribution, GoldQuote, PolnearArticle, read_split, split_gold
from presslens.metadata import extract_metadata
from presslens.model import Document, Meta, Quote
from presslens.nlp import load_nlp, parse
from presslens.quotes import extract_quotes

Span = tuple[int, int]
_STRIP = " \t\n\"“”«»„‘’`'.,;:!?"
_LEADING_THAT = re.compile(r"that\s+", re.IGNORECASE)


def normalised(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    that = _LEADING_THAT.match(text, start, end)
    if that:
        start = that.end()
        while start < end and text[start] in _STRIP:
            start += 1
    return start, end


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class QuoteScore:
    predicted: int = 0
    ignored: int = 0  # predictions on attributions outside the gold
    gold: int = 0
    overlap_tp: int = 0  # gold quotes overlapped by a prediction
    overlap_right: int = 0  # predictions that overlap a gold quote
    exact_right: int = 0  # predictions equal to a gold quote or to a piece of a split one
    exact_tp: int = 0
    speaker_right: int = 0
    speaker_total: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [found, total]
    misses: list[str] = field(default_factory=list)

    def add_kind(self, kind: str, found: bool) -> None:
        row = self.by_kind.setdefault(kind, [0, 0])
        row[0] += int(found)
        row[1] += 1

    def figures(self) -> dict[str, Any]:
        counted = self.predicted - self.ignored

        def prf(tp: int, right: int) -> dict[str, float]:
            p = right / counted if counted else 0.0
            r = tp / self.gold if self.gold else 0.0
            return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

        return {
            "gold": self.gold, "predicted": counted, "ignored": self.ignored,
            "overlap": prf(self.overlap_tp, self.overlap_right),
            "exact": prf(self.exact_tp, self.exact_right),
            "speaker_accuracy": self.speaker_right / self.speaker_total if self.speaker_total else 0.0,
            "recall_by_kind": {k: (v[0] / v[1] if v[1] else 0.0, v[1])
                               for k, v in sorted(self.by_kind.items())},
        }


def score_article(text: str, doc: Document, gold: Sequence[GoldQuote],
                  excluded: Sequence[Attribution], score: QuoteScore, keep_misses: bool) -> None:
    # A quoted piece inside a reported clause is given twice, as the clause (indirect) and the
    # words (direct: the README's convention); PolNeAr annotates the clause, so the piece is
    # not a prediction of its own here.
    clauses = [(q.start, q.end) for q in doc.quotes if q.kind == "indirect"]
    preds = [(q, normalised(text, (q.start, q.end))) for q in doc.quotes
             if q.kind == "indirect" or not any(a <= q.start and q.end <= b for a, b in clauses)]
    golds = [(g, normalised(text, g.content)) for g in gold]
    pairs = sorted(((_overlap(p[1], g[1]), pi, gi) for pi, p in enumerate(preds)
                    for gi, g in enumerate(golds)), reverse=True)
    pred_of: dict[int, int] = {}
    used: set[int] = set()
    for shared, pi, gi in pairs:
        if shared <= 0:
            break
        if pi in used or gi in pred_of:
            continue
        used.add(pi)
        pred_of[gi] = pi
    excluded_spans = [normalised(text, a.content) for a in excluded]
    score.predicted += len(preds)
    # (several pieces of one split quotation all overlap its gold content: none is false)
    score.overlap_right += sum(1 for _, span in preds if any(_overlap(span, g) > 0 for _, g in golds))
    exact_spans = {span for g, gspan in golds
                   for span in (gspan, *(normalised(text, piece) for piece in g.pieces))}
    score.exact_right += sum(1 for _, span in preds if span in exact_spans)
    score.ignored += sum(1 for _, span in preds if not any(_overlap(span, g) > 0 for _, g in golds)
                         and any(_overlap(span, e) > 0 for e in excluded_spans))
    score.gold += len(golds)
    for gi, (g, gspan) in enumerate(golds):
        matched = pred_of.get(gi)
        score.add_kind(g.kind, matched is not None)
        if matched is None:
            if keep_misses:
                cue = text[g.cue[0]:g.cue[1]] if g.cue else None
                who = text[g.source[0]:g.source[1]] if g.source else None
                score.misses.append(f"MISS {g.kind} [{who} | {cue}]: "
                                    f"{text[g.content[0]:g.content[1]]!r}")
            continue
        quote, pspan = preds[matched]
        score.overlap_tp += 1
        if pspan == gspan or pspan in (normalised(text, piece) for piece in g.pieces):
            score.exact_tp += 1
        elif keep_misses:
            score.misses.append(f"BOUND {g.kind}: gold {text[gspan[0]:gspan[1]]!r}\n"
                                f"        pred {text[pspan[0]:pspan[1]]!r}")
        if g.source is not None:
            score.speaker_total += 1
            right = speaker_right(text, doc, quote, g.source)
            score.speaker_right += right
            if not right and keep_misses:
                said = quote.speaker_span.text if quote.speaker_span else None
                actor = doc.actor(quote.speaker) if quote.speaker else None
                score.misses.append(f"SPEAKER gold {text[g.source[0]:g.source[1]]!r} pred "
                                    f"{said!r} / {actor.name if actor else None!r}: "
                                    f"{text[gspan[0]:gspan[1]][:80]!r}")
    if keep_misses:
        for _, span in preds:
            if not any(_overlap(span, e) > 0 for e in [*excluded_spans, *(g for _, g in golds)]):
                score.misses.append(f"FALSE: {text[span[0]:span[1]]!r}")


def speaker_right(text: str, doc: Document, quote: Quote, source: Span) -> bool:
    if quote.speaker_span is not None and _overlap((quote.speaker_span.start,
                                                    quote.speaker_span.end), source) > 0:
        return True
    actor = doc.actor(quote.speaker) if quote.speaker else None
    if actor is None:
        return False
    if any(_overlap((m.start, m.end), source) > 0 for m in actor.mentions):
        return True
    names = {w.lower() for w in re.findall(r"\w+", actor.name)}
    source_names = [w.lower() for w in re.findall(r"\w+", text[source[0]:source[1]]) if w[0].isupper()]
    return bool(source_names) and all(w in names for w in source_names)


@dataclass
class Extractors:
    """What both sides need: the parser, the gazetteer; textacy when it is installed."""

    nlp: Any = field(default_factory=load_nlp)
    gazetteer: Any = field(default_factory=load_gazetteer)

    def presslens(self, name: str, text: str, sdoc: Doc) -> Document:
        doc = Document(id=name, text=text, meta=extract_metadata(text, Meta(), source=name))
        doc.actors = extract_actors(doc, sdoc, self.gazetteer)
        doc.quotes = extract_quotes(doc, sdoc)
        return doc


def parsed(extractors: Extractors, articles: list[PolnearArticle], cache: Path | None) -> list[Doc]:
    """The articles' parses, each kept in ``cache`` between runs (keyed on the text's digest)."""
    docs = []
    for article in articles:
        path = None
        if cache is not None:
            digest = hashlib.sha1(article.text.encode()).hexdigest()[:16]
            path = cache / f"{article.name}-{digest}.spacy"
            if path.exists():
                docs.append(next(DocBin().from_disk(path).get_docs(extractors.nlp.vocab)))
                continue
        sdoc = parse(extractors.nlp, article.text)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=[sdoc], store_user_data=True).to_disk(path)
        docs.append(sdoc)
    return docs


def run_polnear(split: Path, limit: int | None = None, cache: Path | None = None,
                with_textacy: bool = True, keep_misses: bool = False,
                progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    articles = read_split(split, limit)
    extractors = Extractors()
    if progress:
        progress(f"parsing {len(articles)} articles")
    sdocs = parsed(extractors, articles, cache)
    sides: dict[str, Callable[[PolnearArticle, Doc], Document]] = {
        "presslens": lambda a, s: extractors.presslens(a.name, a.text, s)}
    result: dict[str, Any] = {"split": str(split), "articles": len(articles)}
    if with_textacy:
        try:
            import textacy  # noqa: F401

            from presslens.bench.quotes_peer import textacy_document
            sides["textacy"] = lambda a, s: textacy_document(a.text, s)
        except ImportError as err:
            result["textacy"] = {"available": False, "reason": str(err)}
    for side, predict in sides.items():
        score = QuoteScore()
        for article, sdoc in zip(articles, sdocs, strict=True):
            gold, excluded = split_gold(article, sdoc)
            doc = predict(article, sdoc)
            if keep_misses:
                score.misses.append(f"== {article.name}")
            score_article(article.text, doc, gold, excluded, score, keep_misses and side == "presslens")
        result[side] = score.figures()
        if keep_misses and side == "presslens":
            result["misses"] = score.misses
    return result


def table_rows(result: dict[str, Any]) -> Iterable[list[str]]:
    yield ["extractor", "overlap P/R/F1", "exact P/R/F1", "speaker acc.",
           "recall direct / mixed / indirect", "gold", "predicted"]
    for side in ("presslens", "textacy"):
        row = result.get(side)
        if row is None or row.get("available") is False:
            continue
        by_kind = row["recall_by_kind"]
        kinds = " / ".join(f"{by_kind[k][0]:.2f}" if k in by_kind else "–"
                           for k in ("direct", "mixed", "indirect"))
        yield [side,
               "{precision:.3f} / {recall:.3f} / {f1:.3f}".format(**row["overlap"]),
               "{precision:.3f} / {recall:.3f} / {f1:.3f}".format(**row["exact"]),
               f"{row['speaker_accuracy']:.3f}", kinds, str(row["gold"]), str(row["predicted"])]
