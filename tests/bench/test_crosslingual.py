"""The cross-lingual agreement measure and the language filter of the benchmark's samples."""

from __future__ import annotations

from pathlib import Path

from presslens.bench.crosslingual import Agreement
from presslens.bench.throughput import sample_texts


def test_agreement_pools_items_over_articles() -> None:
    counts = Agreement()
    counts.add("r01", {"Q227", "Q43", "person:igor_semenov"}, {"Q227", "Q43"})
    counts.add("r02", {"Q30"}, {"Q30", "Q159"})
    assert (counts.both, counts.russian_only, counts.english_only) == (3, 1, 1)
    assert counts.agreement == 3 / 5
    assert counts.russian_in_english == 3 / 4
    assert counts.disagreements == [
        "r01: only in Russian: person:igor_semenov", "r02: only in English: Q159",
    ]


def test_no_items_on_either_side_is_full_agreement() -> None:
    assert Agreement().agreement == 1.0


def test_samples_are_kept_by_language(tmp_path: Path) -> None:
    (tmp_path / "ru").mkdir()
    (tmp_path / "a.txt").write_text(
        "Moldova's government said on Monday that it would not extend the gas contract with the "
        "supplier, and the opposition called the decision reckless.\n", encoding="utf-8")
    (tmp_path / "ru" / "b.txt").write_text(
        "Правительство Молдавии заявило в понедельник, что не будет продлевать контракт на "
        "поставку газа, а оппозиция назвала это решение безрассудным.\n", encoding="utf-8")
    assert [t[:7] for t in sample_texts([tmp_path])] == ["Moldova"]
    assert [t[:7] for t in sample_texts([tmp_path], language="ru")] == ["Правите"]
