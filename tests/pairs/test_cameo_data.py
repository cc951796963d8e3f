"""CAMEO-coded sentences become relation-head examples only where a cue word on the path lies in
the sentence's quad class (files written for this test, in the corpus's format)."""

from __future__ import annotations

from presslens.nlp import load_nlp
from presslens.pairs.cameo_data import quad_of_type, read_cameo
from presslens.pairs.relation_data import NONE


def _write(folder, rows: list[tuple[str, list[tuple[str, str]], int]]) -> None:
    (folder / "cameo_class-train.tsv").write_text(
        "".join(f"{text}\t{label}\n" for text, _, label in rows), encoding="utf-8")
    (folder / "cameo_ner-train.txt").write_text(
        "\n".join("".join(f"{w} {t}\n" for w, t in tagged) for _, tagged, _ in rows),
        encoding="utf-8")


def test_a_cue_of_the_quad_class_labels_the_pair_and_its_reverse_is_none(tmp_path) -> None:
    text = "Ruritanian troops attacked Freedonia on Monday."
    tagged = [("Ruritanian", "B-S"), ("troops", "I-S"), ("attacked", "O"), ("Freedonia", "B-T"),
              ("on", "O"), ("Monday", "O"), (".", "O")]
    _write(tmp_path, [(text, tagged, 4)])
    forward, backward = read_cameo(tmp_path, load_nlp())
    assert forward.label == "ASSAULT"
    assert text[forward.source[0]:forward.source[1]] == "Ruritanian troops"
    assert text[forward.target[0]:forward.target[1]] == "Freedonia"
    assert (backward.source, backward.target, backward.label) == (forward.target, forward.source, NONE)


def test_a_cue_outside_the_quad_class_or_a_neutral_statement_gives_nothing(tmp_path) -> None:
    tagged = [("Ruritania", "B-S"), ("attacked", "O"), ("Freedonia", "B-T"), (".", "O")]
    # coded as verbal cooperation: "attacked" (material conflict) does not fit it
    _write(tmp_path, [("Ruritania attacked Freedonia.", tagged, 1),
                      ("Ruritania attacked Freedonia .", tagged, 0)])
    assert list(read_cameo(tmp_path, load_nlp())) == []


def test_every_plover_event_type_has_a_quad_class() -> None:
    quad = quad_of_type()
    assert len(quad) == 16 and set(quad.values()) == {1, 2, 3, 4}
