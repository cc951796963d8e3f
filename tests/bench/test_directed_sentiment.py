"""The directed-sentiment scorer, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.bench.directed_sentiment import (
    Outcome,
    confusion_matrix,
    coverage,
    label_from_scores,
    macro_f1,
    per_class,
    polar_micro,
    predict,
    resolve_span,
)
from presslens.model import Actor, Document, Mention, Relation, Stance
from presslens.pairs.datasets import (
    CorpusError,
    Example,
    load_examples,
    parse_line,
    strip_brackets,
)

# Written for these tests, in the corpus's format: sentence, p, q, label.
_TSV = (
    "[Ruritania] praised [Freedonia] for its patience.\tRuritania\tFreedonia\t1\n"
    "A delegate from [the Northern Alliance]s met [Mr. Grey] today.\tthe Northern Alliance\t"
    "Mr. Grey\t0\n"
    '"The ""deal"" was signed by [Lena Holm] and [the Senate]."\tLena Holm\tthe Senate\t3\n'
)


def test_strip_brackets_gives_offsets_in_the_clean_sentence() -> None:
    text, p, q = strip_brackets("[Ruritania] praised [Freedonia].")
    assert text == "Ruritania praised Freedonia."
    assert text[p[0] : p[1]] == "Ruritania" and text[q[0] : q[1]] == "Freedonia"


def test_strip_brackets_keeps_a_cut_word_whole() -> None:
    text, p, q = strip_brackets("Troops of [the United State]s and [Iran’]s allies.")
    assert text == "Troops of the United States and Iran’s allies."
    assert text[p[0] : p[1]] == "the United State"
    assert text[q[0] : q[1]] == "Iran’"


def test_strip_brackets_leaves_out_spaces_inside_a_bracket() -> None:
    text, p, q = strip_brackets("[ Jurors] heard [Ann Lee ] speak.")
    assert text == " Jurors heard Ann Lee  speak."
    assert text[p[0] : p[1]] == "Jurors" and text[q[0] : q[1]] == "Ann Lee"


def test_strip_brackets_wants_two_entities() -> None:
    with pytest.raises(CorpusError):
        strip_brackets("Only [one] entity here.")


def test_load_examples_reads_tsv_with_csv_quoting(tmp_path: Path) -> None:
    path = tmp_path / "sample.txt"
    path.write_text(_TSV, encoding="utf-8")
    examples = load_examples(path)
    assert [e.label for e in examples] == [1, 0, 3]
    second, third = examples[1], examples[2]
    assert second.text == "A delegate from the Northern Alliances met Mr. Grey today."
    assert second.text[second.p[0] : second.p[1]] == "the Northern Alliance"
    assert third.text == 'The "deal" was signed by Lena Holm and the Senate.'
    assert third.text[third.q[0] : third.q[1]] == "the Senate"
    assert len(load_examples(path, limit=2)) == 2
    assert [e.label for e in load_examples(path, sample=2)] == [1, 0]  # lines 1 and 2 of 3
    assert [e.line for e in load_examples(path, sample=5)] == [1, 2, 3]


def test_parse_line_refuses_a_bad_label() -> None:
    with pytest.raises(CorpusError):
        parse_line("[A] met [B].\tA\tB\t7\n", 1)


@pytest.mark.parametrize(
    ("p_to_q", "q_to_p", "label"),
    [
        (0, 0, 0),
        (1, 0, 1),
        (-2, 0, 3),
        (0, 0.5, 2),
        (0, -1, 4),
        (1, -1, 1),  # a tie goes to p -> q
        (-1, 1, 3),
        (0.4, -0.9, 4),
        (-0.2, 0.3, 2),
    ],
)
def test_label_from_scores(p_to_q: float, q_to_p: float, label: int) -> None:
    assert label_from_scores(p_to_q, q_to_p) == label


def _doc() -> Document:
    text = "Ruritania praised Freedonia in Ruritania."
    return Document(
        id="x", text=text,
        actors=[
            Actor(id="Q1", name="Ruritania", kind="country", mentions=[
                Mention(start=0, end=9, text="Ruritania"),
                Mention(start=31, end=40, text="Ruritania", role="place")]),
            Actor(id="Q2", name="Freedonia", kind="country", mentions=[
                Mention(start=18, end=27, text="Freedonia")]),
        ],
        relations=[
            Relation(start=0, end=27, text=text[:27], source="Q1", target="Q2", type="PRAISE",
                     polarity=1, confidence=0.9),
            Relation(start=0, end=27, text=text[:27], source="Q2", target="Q1", type="ACCUSE",
                     polarity=-1, modality="hypothetical", confidence=0.9),
        ],
        stances=[Stance(holder="Q2", target="Q1", sign=-1, score=-0.5)],
    )


def test_resolve_span_skips_places_and_prefers_the_largest_overlap() -> None:
    doc = _doc()
    assert resolve_span(doc, (0, 9)) == "Q1"
    assert resolve_span(doc, (18, 26)) == "Q2"  # a cut word still overlaps
    assert resolve_span(doc, (31, 40)) is None  # only a place mention there
    assert resolve_span(doc, (5, 20)) == "Q1"  # 4 characters of Ruritania, 2 of Freedonia


def test_predict_from_relations_and_stances() -> None:
    doc = _doc()
    example = Example(text=doc.text, p=(0, 9), q=(18, 27), label=1)
    # p -> q: the praise (+1); q -> p: the hypothetical accusation does not count, the stance -0.5
    assert predict(doc, example) == Outcome(1, "Q1", "Q2")
    reversed_ = Example(text=doc.text, p=(18, 27), q=(0, 9), label=2)
    assert predict(doc, reversed_) == Outcome(2, "Q2", "Q1")


def test_predict_unresolved_or_same_actor_is_neutral_and_not_covered() -> None:
    doc = _doc()
    unresolved = predict(doc, Example(text=doc.text, p=(0, 9), q=(31, 40), label=1))
    assert unresolved == Outcome(0, "Q1", None) and not unresolved.covered
    same = predict(doc, Example(text=doc.text, p=(0, 9), q=(0, 4), label=1))
    assert same.label == 0 and not same.covered
    refused = predict(None, Example(text=doc.text, p=(0, 9), q=(18, 27), label=1))
    assert refused == Outcome(0, None, None)
    assert coverage([unresolved, same, refused, Outcome(1, "Q1", "Q2")]) == {
        "both": 0.25, "p": 0.75, "q": 0.5}


def test_metrics_on_hand_made_predictions() -> None:
    gold = [0, 0, 1, 1, 3, 3, 4, 2]
    pred = [0, 1, 1, 0, 3, 4, 4, 0]
    matrix = confusion_matrix(gold, pred)
    assert matrix[0] == [1, 1, 0, 0, 0]
    assert matrix[3] == [0, 0, 0, 1, 1]
    assert sum(map(sum, matrix)) == len(gold)
    scores = per_class(gold, pred)
    assert scores[0]["precision"] == pytest.approx(1 / 3) and scores[0]["recall"] == 0.5
    assert scores[1]["f1"] == pytest.approx(0.5)  # P 1/2, R 1/2
    assert scores[2] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1.0}
    assert scores[3]["f1"] == pytest.approx(2 / 3)  # P 1, R 1/2
    assert scores[4]["f1"] == pytest.approx(2 / 3)  # P 1/2, R 1
    assert macro_f1(gold, pred) == pytest.approx((0.4 + 0.5 + 0 + 2 / 3 + 2 / 3) / 5)
    polar = polar_micro(gold, pred)
    # polar predictions 1, 1, 3, 4, 4: right 3 times; polar gold 1, 1, 3, 3, 4, 2: found 3
    assert (polar["tp"], polar["fp"], polar["fn"]) == (3, 2, 3)
    assert polar["precision"] == pytest.approx(0.6) and polar["recall"] == pytest.approx(0.5)
    assert polar["f1"] == pytest.approx(6 / 11)


def test_metrics_of_nothing_are_zero() -> None:
    assert macro_f1([], []) == 0.0
    assert polar_micro([0, 0], [0, 0])["f1"] == 0.0


def test_main_scores_a_small_file_and_writes_json(tmp_path: Path) -> None:
    import json

    from presslens.bench.directed_sentiment import main

    data = tmp_path / "sample.txt"
    data.write_text(
        "[Russia] condemned [Ukraine] for the strike on the bridge.\tRussia\tUkraine\t3\n"
        "[France] and [Germany] met in Paris.\tFrance\tGermany\t0\n"
        "The [blue] door and the [red] one.\tblue\tred\t0\n",
        encoding="utf-8",
    )
    out = tmp_path / "figures.json"
    main(["--data", str(data), "--json", str(out)])
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["all"]["sentences"] == 3
    assert result["coverage"]["both"] == pytest.approx(2 / 3)
    assert result["covered"]["sentences"] == 2
    assert sum(map(sum, result["all"]["confusion"])) == 3
