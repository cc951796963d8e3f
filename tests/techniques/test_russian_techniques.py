"""The Russian technique model as shipped, on Russian sentences written for these tests (the
shared data is never read and nothing is retrained here), and the task's paragraph measure as the
Russian evaluation calls it, on a hand-built example."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from presslens.model import Technique
from presslens.techniques.labels import labels_2023
from presslens.techniques.russian import (
    SHIPPED,
    load_russian_technique_model,
    paragraph_bounds,
    russian_techniques,
    sentence_bounds,
)
from presslens.techniques.semeval2023 import Article2023
from presslens.techniques.training2023 import score_articles

LOADED = ("Эти продажные предатели и лживые марионетки Запада снова устроили позорный цирк, "
          "растоптав всё святое, что было у нашего народа!")
NEUTRAL = "Министерство финансов в среду опубликовало данные об исполнении бюджета за первый квартал."
ARTICLE = (
    "Политолог: Запад снова лжёт\n\n"
    "Как заявил в интервью радиостанции политолог Иван Петров, западные политики давно "
    "потеряли всякий стыд. «Они говорят о демократии, а сами поддерживают бандитов», — сказал он.\n\n"
    f"{LOADED}\n\n"
    f"{NEUTRAL} Заседание правительства состоится в четверг.\n"
)


def test_offsets_are_evidence_and_labels_are_the_2023_names() -> None:
    found = russian_techniques(ARTICLE)
    assert found
    labels = set(labels_2023())
    for t in found:
        assert isinstance(t, Technique)
        assert ARTICLE[t.start:t.end] == t.text
        assert t.label in labels
        assert 0.0 <= t.confidence <= 1.0
        assert "\n" not in t.text  # a span never crosses a paragraph


def test_an_obviously_loaded_sentence_is_loaded_language_or_name_calling() -> None:
    found = russian_techniques(LOADED)
    assert {t.label for t in found} & {"Loaded_Language", "Name_Calling-Labeling"}


def test_a_neutral_wire_sentence_gets_no_technique() -> None:
    assert russian_techniques(NEUTRAL) == []
    start = ARTICLE.index(NEUTRAL)
    assert not [t for t in russian_techniques(ARTICLE) if t.start >= start]


def test_deterministic_and_the_model_is_loaded_once() -> None:
    assert load_russian_technique_model() is load_russian_technique_model()
    first = [t.model_dump() for t in russian_techniques(ARTICLE)]
    assert first == [t.model_dump() for t in russian_techniques(ARTICLE)]


def test_threshold_keeps_only_confident_techniques() -> None:
    every = russian_techniques(ARTICLE)
    some = russian_techniques(ARTICLE, threshold=0.5)
    assert all(t.confidence >= 0.5 for t in some)
    assert {(t.start, t.label) for t in some} <= {(t.start, t.label) for t in every}


def test_sentences_never_cross_lines() -> None:
    bounds = sentence_bounds(ARTICLE)
    assert len(bounds) == 6
    for s, e in bounds:
        assert "\n" not in ARTICLE[s:e] and ARTICLE[s:e].strip() == ARTICLE[s:e]
    start, end = paragraph_bounds(ARTICLE)[0]
    assert ARTICLE[start:end] == "Политолог: Запад снова лжёт"
    assert len(paragraph_bounds(ARTICLE)) == 4


def test_an_article_of_600_words_takes_well_under_50_ms() -> None:
    text = "\n\n".join([ARTICLE] * 9)
    assert 550 <= len(text.split()) <= 700
    model = load_russian_technique_model()
    russian_techniques(text, model)  # warm: word caches and the embedding loaded
    best = min(_timed(text) for _ in range(3))
    assert best < 0.05


def _timed(text: str) -> float:
    start = time.perf_counter()
    russian_techniques(text)
    return time.perf_counter() - start


def test_the_shipped_model_records_its_training() -> None:
    meta = load_russian_technique_model().meta
    assert "train techniques-ru" in str(meta["command"])
    versions = meta["versions"]
    assert isinstance(versions, dict) and set(versions) >= {"natasha", "numpy", "scikit-learn"}
    assert "sha1" in str(meta["heldout_rule"])
    assert sum(p.stat().st_size for p in SHIPPED.iterdir()) < 15_000_000


def _technique(text: str, label: str, phrase: str) -> Technique:
    start = text.index(phrase)
    return Technique(start=start, end=start + len(phrase), text=phrase, label=label, confidence=0.9)


def test_the_paragraph_measure_on_a_hand_built_example() -> None:
    text = "Заголовок\n\nПервый абзац. Лживые марионетки.\n\nВторой абзац.\n"
    gold = Article2023("1", text, [("Name_Calling-Labeling", 25, 42)],
                       {1: set(), 3: {"Name_Calling-Labeling", "Loaded_Language"}, 5: {"Doubt"}})
    predicted = {"1": [_technique(text, "Name_Calling-Labeling", "Лживые марионетки."),
                       _technique(text, "Loaded_Language", "Второй абзац.")]}
    report = score_articles([gold], predicted, labels_2023())
    # gold pairs: (3, NC), (3, LL), (5, Doubt); predicted: (3, NC) right, (5, LL) wrong
    assert report["paragraphs"] == 3
    assert report["paragraph_micro_precision"] == pytest.approx(0.5)
    assert report["paragraph_micro_recall"] == pytest.approx(round(1 / 3, 4))
    assert report["paragraph_micro_f1"] == pytest.approx(0.4)
    # only Name_Calling-Labeling scores (F1 1): macro over the 23 labels
    assert report["paragraph_macro_f1"] == pytest.approx(round(1 / 23, 4))
    # span F1 regardless of label: the first predicted span covers the gold one and the full stop
    assert text[25:42] == "Лживые марионетки"
    assert report["span_recall"] == pytest.approx(1.0)
    assert report["span_precision"] == pytest.approx(round(17 / 18 / 2, 4))


def test_the_russian_evaluation_reads_a_folder(tmp_path: Path) -> None:
    from presslens.techniques.russian_training import evaluate_ru

    (tmp_path / "train-articles-subtask-3").mkdir()
    (tmp_path / "train-labels-subtask-3-spans").mkdir()
    (tmp_path / "train-articles-subtask-3" / "article7.txt").write_text(ARTICLE, encoding="utf-8")
    start = ARTICLE.index("продажные предатели")
    (tmp_path / "train-labels-subtask-3-spans" / "article7-labels-subtask-3.txt").write_text(
        f"7\tName_Calling-Labeling\t{start}\t{start + 19}\n", encoding="utf-8")
    (tmp_path / "train-labels-subtask-3.txt").write_text(
        "7\t1\t\n7\t3\t\n7\t5\tName_Calling-Labeling\n7\t7\t\n", encoding="utf-8")
    report = evaluate_ru(tmp_path, "all")
    assert report["articles"] == 1 and report["paragraphs"] == 4
    assert 0.0 <= float(report["paragraph_micro_f1"]) <= 1.0  # type: ignore[arg-type]


def test_dense_rows_hold_the_mean_and_the_maximum_of_the_word_vectors() -> None:
    from presslens.techniques.russian import DENSE_WIDTH, EMBEDDING_WIDTH, article_rows

    rows = article_rows(LOADED, [(0, len(LOADED))])
    assert rows.dense.shape == (1, DENSE_WIDTH)
    mean, maximum = rows.dense[0, :EMBEDDING_WIDTH], rows.dense[0, EMBEDDING_WIDTH : 2 * EMBEDDING_WIDTH]
    assert (maximum >= mean - 1e-6).all() and (maximum > mean + 1e-3).any()
    model = load_russian_technique_model()
    recorded = model.meta["dense"]
    assert isinstance(recorded, dict) and recorded["width"] == DENSE_WIDTH == model.sentence.dense.shape[0]
