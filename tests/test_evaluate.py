"""The evaluator: gold loading, each metric on hand-made gold and predictions, and ``presslens eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.evaluate.convert import GoldOracle, gold_to_document
from presslens.evaluate.gold import GoldArticle, GoldError, SpanRef, load_gold, sentence_around
from presslens.evaluate.metrics import (
    Counts,
    covered_length,
    f1,
    precision,
    recall,
    score_actors,
    score_claims,
    score_metadata,
    score_quotes,
    score_relations,
    score_stances,
    score_techniques,
)
from presslens.evaluate.runner import evaluate_dir, score_article
from presslens.ingest import RawArticle
from presslens.model import (
    Actor,
    Claim,
    Document,
    Mention,
    Meta,
    Quote,
    QuoteKind,
    Relation,
    Stance,
    Technique,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


# --- helpers -----------------------------------------------------------------------------------


def write_gold(tmp_path: Path, text: str, gold: dict[str, Any], name: str = "art") -> GoldArticle:
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return load_gold(tmp_path / f"{name}.gold.json")


def at(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the n-th occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def actor(text: str, actor_id: str, name: str, *forms: str, qid: str | None = None) -> Actor:
    mentions = [Mention(start=s, end=e, text=text[s:e]) for s, e in (at(text, f) for f in forms)]
    return Actor(id=actor_id, name=name, wikidata=qid, kind="country", mentions=mentions)


def quote(
    text: str, start: int, end: int, kind: QuoteKind = "direct", speaker: str | None = None
) -> Quote:
    return Quote(id=f"q{start}", start=start, end=end, text=text[start:end], kind=kind, speaker=speaker)


def relation(
    text: str, words: str, source: str, target: str, type_: str, polarity: Literal[-1, 0, 1]
) -> Relation:
    s, e = at(text, words)
    return Relation(
        start=s, end=e, text=text[s:e], source=source, target=target, type=type_,
        polarity=polarity, confidence=0.9,
    )


# A short article of our own with two sentences of relations and a quote.
TEXT = (
    "Oslo signed a fishing pact with Helsinki on Monday. "
    "Moscow condemned the pact the next day.\n"
    "\"The north will stay calm and the ships will keep sailing,\" Marta Lindqvist said."
)

ACTORS_GOLD = [
    {"name": "Norway", "aliases": ["Norway", "Oslo"], "wikidata": "Q20", "kind": "country"},
    {"name": "Finland", "aliases": ["Finland", "Helsinki"], "wikidata": "Q33", "kind": "country"},
    {"name": "Russia", "aliases": ["Moscow"], "wikidata": "Q159", "kind": "country"},
    {"name": "Marta Lindqvist", "aliases": ["Marta Lindqvist", "Lindqvist"], "wikidata": None, "kind": "person"},
]


@pytest.fixture
def gold(tmp_path: Path) -> GoldArticle:
    return write_gold(
        tmp_path,
        TEXT,
        {
            "speakers": {"Lindqvist": ["Marta Lindqvist", "Lindqvist", "she"]},
            "quotes": [
                {"kind": "direct", "from": "The north", "to": "keep sailing", "speaker": "Lindqvist"}
            ],
            "actors": ACTORS_GOLD,
            "relations": [
                {"source": "Norway", "target": "Finland", "polarity": 1,
                 "types": ["AGREE", "COOPERATE"], "anchor": "signed a fishing pact"},
                {"source": "Russia", "target": "Norway", "polarity": -1,
                 "types": ["PROTEST", "ACCUSE"], "anchor": "condemned the pact"},
            ],
            "stances": [
                {"holder": "Lindqvist", "target": "Norway", "sign": 1},
                {"holder": "outlet", "target": "Russia", "sign": -1},
            ],
            "techniques": [
                {"anchor": "The north will stay calm", "labels": ["Slogans", "Loaded_Language"]},
            ],
            "claims_checkworthy": ["signed a fishing pact with Helsinki on Monday"],
        },
    )


def predicted(gold: GoldArticle, **layers: Any) -> Document:
    return Document(id="x", text=gold.text, **layers)


def pred_actors(text: str = TEXT) -> list[Actor]:
    return [
        actor(text, "Q20", "Norway", "Oslo", qid="Q20"),
        actor(text, "Q33", "Finland", "Helsinki", qid="Q33"),
        actor(text, "Q159", "Russia", "Moscow", qid="Q159"),
        actor(text, "p:lindqvist", "Marta Lindqvist", "Marta Lindqvist"),
    ]


# --- anchors -----------------------------------------------------------------------------------


def test_anchor_resolves_to_first_occurrence(tmp_path: Path) -> None:
    text = "Kyiv spoke. Then Kyiv spoke again."
    g = write_gold(tmp_path, text, {"claims_checkworthy": ["Kyiv spoke"]})
    assert (g.claims[0].start, g.claims[0].end) == (0, 10)


def test_quote_to_is_searched_after_from(tmp_path: Path) -> None:
    # "end" occurs before "start": the quote must run to the "end" that follows "start".
    text = "the end came. start of the speech and its end."
    g = write_gold(tmp_path, text, {"speakers": {"X": ["X"]},
                                    "quotes": [{"kind": "direct", "from": "start", "to": "end", "speaker": "X"}]})
    span = g.quotes[0].span
    assert text[span.start : span.end] == "start of the speech and its end"


def test_missing_anchor_names_file_and_anchor(tmp_path: Path) -> None:
    with pytest.raises(GoldError) as err:
        write_gold(tmp_path, "Baku said nothing.", {"techniques": [{"anchor": "Yerevan", "labels": ["Doubt"]}]}, name="bad")
    assert "bad.gold.json" in str(err.value) and "'Yerevan'" in str(err.value)


def test_missing_to_after_from_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="'calm'"):
        write_gold(tmp_path, "calm now. Then a storm.", {"speakers": {"X": ["X"]},
                   "quotes": [{"kind": "direct", "from": "Then", "to": "calm", "speaker": "X"}]})


def test_unknown_relation_actor_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="'Chad'"):
        write_gold(tmp_path, "Oslo met Rome.", {"actors": ACTORS_GOLD[:1], "relations": [
            {"source": "Norway", "target": "Chad", "polarity": 0, "types": ["CONSULT"], "anchor": "met"}]})


def test_absent_layers_are_not_scored(tmp_path: Path) -> None:
    g = write_gold(tmp_path, TEXT, {"actors": ACTORS_GOLD})
    result = score_article(Document(id="x", text=TEXT), g)
    assert set(result.components) == {"actors"}


def test_sentence_around_stops_at_punctuation_and_newline() -> None:
    text = "First one. Second has the anchor here! Third.\nFourth"
    s, e = at(text, "the anchor")
    sentence = sentence_around(text, SpanRef(s, e))
    assert text[sentence.start : sentence.end] == "Second has the anchor here!"
    s, e = at(text, "Fourth")
    assert text[slice(*_pair(sentence_around(text, SpanRef(s, e))))] == "Fourth"


def _pair(span: SpanRef) -> tuple[int, int]:
    return span.start, span.end


# --- P/R/F1 ------------------------------------------------------------------------------------


def test_prf_helpers_and_micro_sum() -> None:
    total = Counts(tp=1, fp=1, fn=0) + Counts(tp=1, fp=0, fn=2)
    assert (total.tp, total.fp, total.fn) == (2, 1, 2)
    assert precision(total) == pytest.approx(2 / 3)
    assert recall(total) == pytest.approx(0.5)
    assert f1(total) == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert f1(Counts(fn=3)) == 0.0 and precision(Counts(fn=3)) is None
    assert f1(Counts()) is None
    # overlap counts keep the correct-prediction count apart from the gold hits
    mixed = Counts(tp=1, fn=0, pred_tp=3, fp=1) + Counts(tp=0, fn=1, fp=0)
    assert precision(mixed) == pytest.approx(0.75) and recall(mixed) == pytest.approx(0.5)


def test_covered_length_merges_overlapping_spans() -> None:
    assert covered_length(0, 10, [(2, 5), (4, 8), (9, 20)]) == 7


# --- metadata ----------------------------------------------------------------------------------


def test_metadata_fields(tmp_path: Path) -> None:
    g = write_gold(tmp_path, "x", {"meta": {"title": "Talks  in Baku", "published": "2025-03-14T09:05",
                                             "outlet": None}})
    meta = g.annotation.meta
    assert meta is not None
    scores = score_metadata(Meta(title="Talks in Baku ", published="2025-03-14T09:05", outlet=None), meta)
    assert scores == {"title": Counts(tp=1), "published": Counts(tp=1), "outlet": Counts()}
    wrong = score_metadata(Meta(title="Talks", published="2025-03-14", outlet="Wire"), meta)
    # published: time missing where gold has one -> wrong; outlet set where gold is null -> fp
    assert wrong == {"title": Counts(fp=1, fn=1), "published": Counts(fp=1, fn=1), "outlet": Counts(fp=1)}
    assert score_metadata(Meta(), meta)["title"] == Counts(fn=1)


def test_published_time_ignored_when_gold_has_none(tmp_path: Path) -> None:
    g = write_gold(tmp_path, "x", {"meta": {"published": "2025-06-02", "outlet": "Northern Wire"}})
    assert g.annotation.meta is not None
    scores = score_metadata(Meta(published="2025-06-02T11:30", outlet="NORTHERN WIRE"), g.annotation.meta)
    assert scores == {"published": Counts(tp=1), "outlet": Counts(tp=1)}  # title not in gold: not scored


# --- actors ------------------------------------------------------------------------------------


def test_actors_all_found(gold: GoldArticle) -> None:
    counts, qid = score_actors(predicted(gold, actors=pred_actors()), gold)
    assert counts == Counts(tp=4, fp=0, fn=0)
    assert (qid.correct, qid.total) == (3, 3)


def test_actor_without_qid_matches_by_alias_and_costs_qid_accuracy(gold: GoldArticle) -> None:
    actors = [
        actor(TEXT, "a1", "Oslo government", "Oslo"),  # no QID: its mention "Oslo" is an alias
        actor(TEXT, "a2", "Finland", "Helsinki", qid="Q999"),  # wrong QID: no match
        actor(TEXT, "a3", "LINDQVIST", "Lindqvist"),  # person without QID: by name, any case
    ]
    counts, qid = score_actors(predicted(gold, actors=actors), gold)
    assert counts == Counts(tp=2, fp=1, fn=2)
    assert (qid.correct, qid.total) == (0, 1)  # Norway matched, but not linked


def test_qid_match_preferred_over_alias(gold: GoldArticle) -> None:
    # An unlinked "Oslo" listed first must not take the Norway slot from the linked prediction.
    actors = [actor(TEXT, "a1", "Oslo", "Oslo"), actor(TEXT, "Q20", "Norway", "Oslo", qid="Q20")]
    counts, qid = score_actors(predicted(gold, actors=actors), gold)
    assert counts == Counts(tp=1, fp=1, fn=3)
    assert (qid.correct, qid.total) == (1, 1)


# --- quotes ------------------------------------------------------------------------------------


def _gold_quote_span(gold: GoldArticle) -> tuple[int, int]:
    return gold.quotes[0].span.start, gold.quotes[0].span.end


def test_quote_coverage_threshold_exactly_80_percent(tmp_path: Path) -> None:
    # 20 characters: 16 covered is exactly 80%, 15 (75%) is not enough.
    text = "He said: " + "a" * 20 + " after"
    g = write_gold(tmp_path, text, {"speakers": {"X": ["X"]},
                                    "quotes": [{"kind": "direct", "from": "a" * 20, "to": "a" * 20, "speaker": "X"}]})
    s, e = g.quotes[0].span.start, g.quotes[0].span.end
    assert e - s == 20
    at_80 = score_quotes(Document(id="x", text=text, quotes=[quote(text, s, s + 16)]), g)[0]
    below = score_quotes(Document(id="x", text=text, quotes=[quote(text, s, s + 15)]), g)[0]
    assert (at_80.tp, at_80.fn) == (1, 0)
    assert (below.tp, below.fn) == (0, 1)
    # two partial predictions together cover 80%
    split = [quote(text, s, s + 8), quote(text, s + 12, s + 20)]
    assert score_quotes(Document(id="x", text=text, quotes=split), g)[0].tp == 1


def test_quote_precision_needs_half_inside_gold(gold: GoldArticle) -> None:
    s, _ = _gold_quote_span(gold)
    half = 10
    exactly_half = quote(TEXT, s - half, s + half)
    just_below_half = quote(TEXT, s - half - 1, s + half)
    counts, _ = score_quotes(predicted(gold, quotes=[exactly_half, just_below_half]), gold)
    assert counts.correct_predictions == 1 and counts.fp == 1
    assert counts.tp == 0  # 10 characters cover far less than 80% of the gold quote


def test_quote_of_wrong_kind_is_not_found(gold: GoldArticle) -> None:
    s, e = _gold_quote_span(gold)
    counts, speaker = score_quotes(predicted(gold, quotes=[quote(TEXT, s, e, kind="indirect")]), gold)
    assert counts == Counts(tp=0, fn=1, pred_tp=0, fp=1)
    assert speaker.total == 0


def test_quote_speaker_right_and_wrong(gold: GoldArticle) -> None:
    s, e = _gold_quote_span(gold)
    actors = pred_actors()
    right = predicted(gold, actors=actors, quotes=[quote(TEXT, s, e, speaker="p:lindqvist")])
    wrong = predicted(gold, actors=actors, quotes=[quote(TEXT, s, e, speaker="Q159")])
    missing = predicted(gold, actors=actors, quotes=[quote(TEXT, s, e)])
    assert score_quotes(right, gold)[1].value == 1.0
    assert score_quotes(wrong, gold)[1].value == 0.0
    assert score_quotes(missing, gold)[1].value == 0.0
    # the quote itself is still found when the speaker is wrong: both figures are reported
    assert score_quotes(wrong, gold)[0].tp == 1


def test_speaker_judged_by_largest_overlapping_prediction(gold: GoldArticle) -> None:
    s, e = _gold_quote_span(gold)
    quotes = [quote(TEXT, s, s + 3, speaker="Q159"), quote(TEXT, s + 3, e, speaker="p:lindqvist")]
    _, speaker = score_quotes(predicted(gold, actors=pred_actors(), quotes=quotes), gold)
    assert (speaker.correct, speaker.total) == (1, 1)


# --- relations ---------------------------------------------------------------------------------


def test_relation_full_match(gold: GoldArticle) -> None:
    rel = relation(TEXT, "Oslo signed a fishing pact with Helsinki", "Q20", "Q33", "COOPERATE", 1)
    full, pair = score_relations(predicted(gold, actors=pred_actors(), relations=[rel]), gold)
    assert full == Counts(tp=1, fp=0, fn=1)
    assert pair == Counts(tp=1, fp=0, fn=1)


def test_relation_direction_swapped_does_not_match(gold: GoldArticle) -> None:
    rel = relation(TEXT, "signed a fishing pact", "Q33", "Q20", "AGREE", 1)
    full, pair = score_relations(predicted(gold, actors=pred_actors(), relations=[rel]), gold)
    assert full.tp == 0 and pair.tp == 0


def test_relation_wrong_polarity_or_type_counts_only_as_pair(gold: GoldArticle) -> None:
    wrong_polarity = relation(TEXT, "signed", "Q20", "Q33", "AGREE", -1)
    wrong_type = relation(TEXT, "condemned", "Q159", "Q20", "ASSAULT", -1)
    doc = predicted(gold, actors=pred_actors(), relations=[wrong_polarity, wrong_type])
    full, pair = score_relations(doc, gold)
    assert full == Counts(tp=0, fp=2, fn=2)
    assert pair == Counts(tp=2, fp=0, fn=0)


def test_relation_evidence_in_another_sentence_does_not_match(gold: GoldArticle) -> None:
    # The Norway-Finland relation, evidenced by the Moscow sentence.
    rel = relation(TEXT, "Moscow condemned the pact", "Q20", "Q33", "AGREE", 1)
    full, pair = score_relations(predicted(gold, actors=pred_actors(), relations=[rel]), gold)
    assert full.tp == 0 and pair.tp == 0


def test_relation_actor_matched_by_alias_and_one_to_one(gold: GoldArticle) -> None:
    actors = [actor(TEXT, "oslo", "Oslo", "Oslo"), actor(TEXT, "hel", "Helsinki", "Helsinki")]
    twice = [relation(TEXT, "signed", "oslo", "hel", "AGREE", 1)] * 2
    full, _ = score_relations(predicted(gold, actors=actors, relations=twice), gold)
    assert full == Counts(tp=1, fp=1, fn=1)


# --- stances -----------------------------------------------------------------------------------


def test_stances(gold: GoldArticle) -> None:
    actors = pred_actors()
    right = [
        Stance(holder="p:lindqvist", target="Q20", sign=1, score=0.7),
        Stance(holder="outlet", target="Q159", sign=-1, score=-0.5),
    ]
    assert score_stances(predicted(gold, actors=actors, stances=right), gold) == Counts(tp=2)
    wrong = [
        Stance(holder="p:lindqvist", target="Q20", sign=-1, score=-0.7),  # sign
        Stance(holder="p:lindqvist", target="Q159", sign=-1, score=-0.5),  # holder: not the outlet
        Stance(holder="outlet", target="Q20", sign=1, score=0.5),  # holder: not Lindqvist
    ]
    assert score_stances(predicted(gold, actors=actors, stances=wrong), gold) == Counts(fp=3, fn=2)


# --- techniques --------------------------------------------------------------------------------


def _technique(text: str, words: str, label: str) -> Technique:
    s, e = at(text, words)
    return Technique(start=s, end=e, text=text[s:e], label=label, confidence=0.8)


def test_techniques(gold: GoldArticle) -> None:
    accepted = _technique(TEXT, "stay calm and the ships", "Loaded_Language")
    unaccepted = _technique(TEXT, "The north will", "Doubt")
    elsewhere = _technique(TEXT, "Moscow condemned", "Loaded_Language")
    counts = score_techniques(predicted(gold, techniques=[accepted, unaccepted, elsewhere]), gold)
    assert counts == Counts(tp=1, fn=0, pred_tp=1, fp=2)
    only_unaccepted = score_techniques(predicted(gold, techniques=[unaccepted]), gold)
    assert only_unaccepted == Counts(tp=0, fn=1, pred_tp=0, fp=1)


# --- claims ------------------------------------------------------------------------------------


def _claim(text: str, start: int, end: int, score: float) -> Claim:
    return Claim(start=start, end=end, text=text[start:end], score=score)


def test_claims_only_top_five_count(gold: GoldArticle) -> None:
    hit_s, hit_e = at(TEXT, "fishing pact with Helsinki")
    misses = [_claim(TEXT, 60 + i, 61 + i, 0.9) for i in range(5)]
    low_hit = _claim(TEXT, hit_s, hit_e, 0.5)
    counts = score_claims(predicted(gold, claims=[*misses, low_hit]), gold)
    assert counts == Counts(tp=0, fn=1, pred_tp=0, fp=5)  # the hit is sixth: not counted at all
    high_hit = _claim(TEXT, hit_s, hit_e, 0.95)
    counts = score_claims(predicted(gold, claims=[*misses, high_hit]), gold)
    assert counts == Counts(tp=1, fn=0, pred_tp=1, fp=4)
    counts = score_claims(predicted(gold, claims=[high_hit]), gold)  # fewer than five predicted
    assert counts == Counts(tp=1, fn=0, pred_tp=1, fp=0)


# --- gold_to_document and the runner -----------------------------------------------------------


def test_gold_to_document_scores_perfectly(gold: GoldArticle) -> None:
    result = score_article(gold_to_document(gold), gold)
    assert set(result.components) == {
        "actors", "quotes", "relations", "relations_pair", "stances", "techniques", "claims"
    }
    for name, counts in result.components.items():
        assert f1(counts) == 1.0, name
    assert result.speaker is not None and result.speaker.value == 1.0
    assert result.qid is not None and result.qid.value == 1.0


class _EmptyAnalyzer:
    """Predicts nothing at all: every gold item becomes a miss (takes the Analyzer's settings,
    such as ``profile``, and ignores them)."""

    def __init__(self, **settings: object) -> None:
        self.settings = settings

    def analyze(self, article: RawArticle) -> Document:
        return Document(id="x", text=article.text.replace("\r\n", "\n"))


def test_evaluate_dir_with_oracle_and_with_empty_predictions() -> None:
    perfect = evaluate_dir(FIXTURES, GoldOracle())
    assert perfect.articles_scored == 2
    assert all(s.f1 == 1.0 for s in perfect.overall.values())
    empty = evaluate_dir(FIXTURES, _EmptyAnalyzer())
    assert empty.overall["quotes"].recall == 0.0 and empty.overall["quotes"].fn == 5
    assert empty.overall["actors"].tp == 0 and empty.overall["actors"].fn == 8


def _run_eval(*args: str) -> Any:
    return CliRunner().invoke(app, ["eval", *args])


def test_cli_eval_json_self_check_scores_one() -> None:
    result = _run_eval(str(FIXTURES), "--json", "--per-article", "--self-check")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) >= {"directory", "articles_scored", "overall", "speaker_accuracy",
                           "qid_accuracy", "articles", "unannotated"}
    assert [a["name"] for a in report["articles"]] == ["border_shelling", "icebreaker_deal"]
    assert list(report["overall"]) == [
        "metadata", "metadata.title", "metadata.published", "metadata.outlet", "actors", "quotes",
        "relations", "relations_pair", "stances", "techniques", "claims",
    ]
    for name, score in report["overall"].items():
        assert set(score) == {"tp", "fp", "fn", "pred_tp", "precision", "recall", "f1"}
        assert (score["precision"], score["recall"], score["f1"]) == (1.0, 1.0, 1.0), name
    assert report["speaker_accuracy"] == {"correct": 5, "total": 5, "value": 1.0}
    assert report["qid_accuracy"]["value"] == 1.0


def test_cli_eval_low_scores_exit_zero_and_component_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("presslens.pipeline.Analyzer", _EmptyAnalyzer)
    result = _run_eval(str(FIXTURES), "--json", "--component", "quotes")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert list(report["overall"]) == ["quotes"]
    assert report["overall"]["quotes"]["f1"] == 0.0
    assert report["qid_accuracy"] is None and report["articles"] == []
    table = _run_eval(str(FIXTURES), "--per-article")
    assert table.exit_code == 0 and "relations_pair" in table.stdout and "icebreaker_deal" in table.stdout


def test_cli_eval_unusable_gold_exits_nonzero_naming_file(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_text("Nothing here.", encoding="utf-8")
    (tmp_path / "broken.gold.json").write_text(json.dumps({"claims_checkworthy": ["absent words"]}))
    result = _run_eval(str(tmp_path), "--self-check")
    assert result.exit_code == 1
    assert "broken.gold.json" in result.stderr and "absent words" in result.stderr


def test_gold_to_document_adds_an_undeclared_speaker_once(tmp_path: Path) -> None:
    # The speaker is missing from "actors": the self-check must show it as one extra actor.
    text = '"We will build it," the port authority said. "And soon," the port authority added.'
    g = write_gold(tmp_path, text, {
        "speakers": {"Port authority": ["the port authority"]},
        "quotes": [
            {"kind": "direct", "from": "We will build it", "to": "it", "speaker": "Port authority"},
            {"kind": "direct", "from": "And soon", "to": "soon", "speaker": "Port authority"},
        ],
        "actors": [],
    })
    doc = gold_to_document(g)
    assert [a.name for a in doc.actors] == ["Port authority"]
    assert {q.speaker for q in doc.quotes} == {doc.actors[0].id}
    result = score_article(doc, g)
    assert result.components["actors"] == Counts(fp=1)
    assert result.speaker is not None and result.speaker.value == 1.0
