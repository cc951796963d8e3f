"""Direct quotes: presslens against textacy's ``extract.triples.direct_quotations`` on the devset.

Both are scored by the evaluator's own quote rules (``presslens.evaluate.metrics.score_quotes``),
restricted to direct quotes because textacy finds no other kind. Both read the same spaCy parse.
textacy names a speaker by the words of the text; to judge those words like an actor, the noun
phrase around them becomes a stand-in actor whose mention is that phrase, so "the ministry's
spokeswoman" counts where the gold lists that form. Pronouns count for neither side: "he" alone
does not say who spoke (presslens is credited only when it resolved the pronoun to the actor).

    python -m presslens.bench.quotes_peer tests/devset

textacy is an optional dependency: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from spacy.tokens import Doc, Token

from presslens.evaluate.gold import GoldArticle, find_gold_files, load_gold
from presslens.evaluate.metrics import Counts, Ratio, f1, precision, recall, score_quotes
from presslens.ingest import RawArticle
from presslens.model import Actor, Document, Mention, Quote
from presslens.nlp import load_nlp
from presslens.pipeline import Analyzer

PEER = "textacy"


def _direct_only(gold: GoldArticle) -> GoldArticle:
    return dataclasses.replace(gold, quotes=[q for q in gold.quotes if q.kind == "direct"])


def _speaker_phrase(tokens: list[Token]) -> tuple[int, int]:
    """The noun phrase that holds textacy's speaker tokens (left modifiers included)."""
    head = min(tokens, key=lambda t: len(list(t.ancestors)))
    start = min(t.idx for t in tokens)
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "case"):
            start = min(start, child.left_edge.idx)
    last = max(tokens, key=lambda t: t.i)
    return start, last.idx + len(last.text)


def textacy_document(text: str, sdoc: Doc) -> Document:
    """textacy's direct quotations as a ``Document`` with one stand-in actor per speaker."""
    from textacy.extract.triples import direct_quotations

    actors: list[Actor] = []
    quotes: list[Quote] = []
    try:
        triples = list(direct_quotations(sdoc))
    except ValueError:
        # textacy refuses texts with an odd number of quotation marks, which is what the
        # multi-paragraph convention (marks reopened on every paragraph) produces: it then
        # finds nothing in that article, and is scored so.
        triples = []
    for n, triple in enumerate(triples, start=1):
        content = triple.content
        speaker_id = None
        if triple.speaker:
            start, end = _speaker_phrase(list(triple.speaker))
            pronoun = all(t.pos_ == "PRON" for t in triple.speaker)
            speaker_id = f"textacy:{n}"
            # A pronoun names nobody: its stand-in gets a name no gold form can equal.
            name = f"<{text[start:end]}>" if pronoun else text[start:end]
            actors.append(
                Actor(
                    id=speaker_id,
                    name=name,
                    kind="person",
                    mentions=[Mention(start=start, end=end, text=text[start:end],
                                      role="pronoun" if pronoun else "name")],
                )
            )
        quotes.append(
            Quote(id=f"q{n}", kind="direct", start=content.start_char, end=content.end_char,
                  text=content.text, speaker=speaker_id)
        )
    return Document(id="textacy", text=text, actors=actors, quotes=quotes)


def _scores(counts: Counts, speaker: Ratio) -> dict[str, Any]:
    return {
        "f1": f1(counts),
        "precision": precision(counts),
        "recall": recall(counts),
        "speaker_accuracy": speaker.value,
        "gold_found": counts.tp,
        "gold_total": counts.tp + counts.fn,
        "predicted": counts.correct_predictions + counts.fp,
    }


def _accumulate(
    golds: Iterable[GoldArticle], predict: Callable[[GoldArticle], Document]
) -> tuple[Counts, Ratio]:
    counts, speaker = Counts(), Ratio()
    for gold in golds:
        doc = predict(gold)
        doc_direct = doc.model_copy(update={"quotes": [q for q in doc.quotes if q.kind == "direct"]})
        c, s = score_quotes(doc_direct, _direct_only(gold))
        counts, speaker = counts + c, speaker + s
    return counts, speaker


def run_quote_peer_comparison(devset_dir: Path | str) -> dict[str, Any]:
    """Direct-quote F1 and speaker accuracy of presslens and textacy on the annotated devset."""
    golds = [g for g in (load_gold(p) for p in find_gold_files(Path(devset_dir)))
             if "quotes" in g.layers]
    nlp = load_nlp()
    analyzer = Analyzer()
    result: dict[str, Any] = {"articles": len(golds)}
    counts, speaker = _accumulate(
        golds, lambda g: analyzer.analyze(RawArticle(text=g.text, source=str(g.path)))
    )
    result["presslens"] = _scores(counts, speaker)
    try:
        import textacy  # noqa: F401
    except ImportError as err:
        result["textacy"] = {"available": False, "reason": f"{err} (pip install -e '.[bench]')"}
        return result
    counts, speaker = _accumulate(golds, lambda g: textacy_document(g.text, nlp(g.text)))
    result["textacy"] = {"available": True, **_scores(counts, speaker)}
    return result


def print_quote_peer_table(result: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"Direct quotes on {result['articles']} devset articles")
    for column in ("extractor", "F1", "precision", "recall", "speaker acc.", "gold found"):
        table.add_column(column, justify="right")

    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.3f}"

    for name, key in (("presslens", "presslens"), (PEER, "textacy")):
        row = result.get(key, {})
        if row.get("available") is False:
            table.add_row(name, "not installed", "", "", "", "")
            continue
        table.add_row(name, pct(row["f1"]), pct(row["precision"]), pct(row["recall"]),
                      pct(row["speaker_accuracy"]), f"{row['gold_found']}/{row['gold_total']}")
    console.print(table)
    if result.get("textacy", {}).get("available") is False:
        console.print(f"[yellow]textacy not available: {result['textacy']['reason']}[/]")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens.bench.quotes_peer")
    parser.add_argument("devset", type=Path)
    args = parser.parse_args(argv)
    print_quote_peer_table(run_quote_peer_comparison(args.devset))


if __name__ == "__main__":
    main()
