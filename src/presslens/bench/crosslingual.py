"""A Russian article and its English translation should give the same actors and relation pairs.

``python -m presslens.bench.crosslingual --russian tests/devset_ru --english tests/devset_ru_en``
analyses each Russian article and the English article of the same file name, and counts, pooled
over the articles, how many of the actors (by id: the QID, or ``person:<latin slug>``) and of the
directed relation pairs (source id, target id) found on either side are found on both. Agreement
is the share of the union found in both (1.0 when both sides give the same set); "Russian in
English" is the share of the Russian side's items that the English side also gives.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import DEFAULT_PROFILE, PROFILES, Analyzer


@dataclass
class Agreement:
    """Pooled counts of one kind of item over the article pairs."""

    both: int = 0
    russian_only: int = 0
    english_only: int = 0
    disagreements: list[str] = field(default_factory=list)

    def add(self, article: str, russian: set[str], english: set[str]) -> None:
        self.both += len(russian & english)
        self.russian_only += len(russian - english)
        self.english_only += len(english - russian)
        for item in sorted(russian - english):
            self.disagreements.append(f"{article}: only in Russian: {item}")
        for item in sorted(english - russian):
            self.disagreements.append(f"{article}: only in English: {item}")

    @property
    def agreement(self) -> float:
        union = self.both + self.russian_only + self.english_only
        return self.both / union if union else 1.0

    @property
    def russian_in_english(self) -> float:
        russian = self.both + self.russian_only
        return self.both / russian if russian else 1.0


def actor_ids(doc: Document) -> set[str]:
    return {actor.id for actor in doc.actors}


def relation_pairs(doc: Document) -> set[str]:
    return {f"{r.source} -> {r.target}" for r in doc.relations if r.source != r.target}


def compare(russian_dir: Path, english_dir: Path, analyzer: Analyzer) -> tuple[Agreement, Agreement, int]:
    actors, pairs, count = Agreement(), Agreement(), 0
    for russian_path in sorted(russian_dir.glob("*.txt")):
        english_path = english_dir / russian_path.name
        if not english_path.is_file():
            continue
        russian = analyzer.analyze(RawArticle(text=russian_path.read_text(encoding="utf-8"),
                                              source=str(russian_path)))
        english = analyzer.analyze(RawArticle(text=english_path.read_text(encoding="utf-8"),
                                              source=str(english_path)))
        actors.add(russian_path.stem, actor_ids(russian), actor_ids(english))
        pairs.add(russian_path.stem, relation_pairs(russian), relation_pairs(english))
        count += 1
    return actors, pairs, count


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens.bench.crosslingual")
    parser.add_argument("--russian", type=Path, required=True, help="folder of Russian articles")
    parser.add_argument("--english", type=Path, required=True,
                        help="folder of their English translations, under the same file names")
    parser.add_argument("--profile", choices=sorted(PROFILES), default=DEFAULT_PROFILE)
    parser.add_argument("--show", action="store_true", help="list the items found on one side only")
    args = parser.parse_args()
    console = Console(width=120)
    actors, pairs, count = compare(args.russian, args.english, Analyzer(profile=args.profile))
    table = Table(title=f"Russian articles and their translations ({count} pairs, {args.profile})")
    for column in ("items", "on both sides", "Russian only", "English only", "agreement",
                   "Russian found in English"):
        table.add_column(column, justify="right")
    for name, counts in (("actors (ids)", actors), ("relation pairs", pairs)):
        table.add_row(name, str(counts.both), str(counts.russian_only), str(counts.english_only),
                      f"{counts.agreement:.3f}", f"{counts.russian_in_english:.3f}")
    console.print(table)
    if args.show:
        for line in (*actors.disagreements, *pairs.disagreements):
            console.print(line, markup=False)


if __name__ == "__main__":
    main()
