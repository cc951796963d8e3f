"""Readers of the training corpora, on lines written for these tests."""

from __future__ import annotations

import json

from presslens.pairs.datasets import read_directed_sentiment, read_newsmtsc, strip_brackets
from presslens.pairs.relation_data import NONE, read_written_sentences


def test_brackets_are_stripped_and_their_spans_kept() -> None:
    text, p, q = strip_brackets("[the Senat]e rebuked [Governor Alden] on Friday.")
    assert text == "the Senate rebuked Governor Alden on Friday."
    assert [text[s:e] for s, e in (p, q)] == ["the Senat", "Governor Alden"]


def test_directed_sentiment_lines_become_pairs_in_text_order(tmp_path) -> None:
    path = tmp_path / "train.txt"
    path.write_text(
        "[Mayor Quill] praised [the council] for its budget.\tMayor Quill\tthe council\t1\n"
        '"[Quill] was mocked by [Brandt] as ""weak""."\tQuill\tBrandt\t4\n',
        encoding="utf-8",
    )
    examples = list(read_directed_sentiment(path))
    assert [e.label for e in examples] == ["first_positive", "second_negative"]
    first, second = examples
    assert first.text[first.first[0]:first.first[1]] == "Mayor Quill"
    assert second.text == 'Quill was mocked by Brandt as "weak".'  # CSV quoting undone


def test_newsmtsc_records_keep_the_mention_span(tmp_path) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps({"sentence": "Critics said Okafor misled voters.", "mention": "Okafor",
                                "from": 13, "to": 19, "polarity": -1, "id": "x"}) + "\n",
                    encoding="utf-8")
    (example,) = read_newsmtsc(path)
    assert example.label == "negative"
    assert example.text[example.span[0]:example.span[1]] == "Okafor"


def test_written_sentences_give_every_ordered_pair_of_different_states(tmp_path) -> None:
    path = tmp_path / "sentences.jsonl"
    record = {
        "id": "w1",
        "text": "Peru's navy seized a Chilean trawler, and Bolivia's minister condemned Lima.",
        "actors": [
            {"anchor": "Peru's navy", "state": "Peru"},
            {"anchor": "Chilean", "state": "Chile"},
            {"anchor": "Bolivia's minister", "state": "Bolivia"},
            {"anchor": "Lima", "state": "Peru"},
        ],
        "events": [
            {"source": 0, "target": 1, "type": "COERCE", "polarity": -1, "modality": "asserted"},
            {"source": 2, "target": 3, "type": "ACCUSE", "polarity": -1, "modality": "asserted"},
        ],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    examples = list(read_written_sentences(path))
    # 4 actors, 12 ordered pairs, minus the two between Peru's navy and Lima (one state)
    assert len(examples) == 10
    labelled = {(e.text[e.source[0]:e.source[1]], e.text[e.target[0]:e.target[1]]): e.label
                for e in examples}
    assert labelled[("Peru's navy", "Chilean")] == "COERCE"
    assert labelled[("Bolivia's minister", "Lima")] == "ACCUSE"
    assert labelled[("Chilean", "Peru's navy")] == NONE
