"""Check-worthy claims: ranking, claimants, actors, offsets, the shipped model and training.

Every text here was written for these tests.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _claims_data import synthetic_rows, write_split
from presslens.claims import extract_claims
from presslens.claims.extract import segments
from presslens.claims.train import read_tsv
from presslens.claims.weights import load_model_dir, load_shipped_model
from presslens.model import Actor, Claim, Document, Mention, Meta, Quote
from presslens.nlp import load_nlp
from presslens.pipeline import Analysis

ATTACK = (
    "Russian forces fired 42 cruise missiles at the port of Odesa on 3 March, killing 12 civilians."
)
OPINION = "The policy of the Western capitals is shameful, cynical and deeply foolish."
PREDICTION = "The sanctions regime will probably collapse within a year or two."
QUESTION = "Who could seriously believe the promises of such partners?"
SLOGAN = "Glory to the heroes!"

RANKING_TEXT = "\n\n".join([OPINION, PREDICTION, ATTACK, QUESTION, SLOGAN])

# A wire report with one quote: the quoted sentence is claimed by its speaker, the rest by the outlet.
QUOTE_SENTENCE = "Azerbaijani troops shelled three villages in the Syunik region on Monday night."
WIRE_TEXT = (
    "Yerevan protests over border shelling\n\n"
    "Armenia summoned the Azerbaijani ambassador on Tuesday, the Northern Wire agency learned.\n\n"
    f"“{QUOTE_SENTENCE}” Foreign Minister Ararat Mirzoyan told reporters in Yerevan."
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _mention(text: str, part: str, within: str | None = None) -> Mention:
    """A mention of ``part``, at its first occurrence inside ``within`` (default: anywhere)."""
    base = text.index(within) if within else 0
    start = text.index(part, base)
    return Mention(start=start, end=start + len(part), text=part)


def _wire_document() -> Document:
    text = WIRE_TEXT
    q_start, q_end = _span(text, QUOTE_SENTENCE)
    return Document(
        id="wire",
        text=text,
        meta=Meta(outlet="Northern Wire"),
        actors=[
            Actor(
                id="Q399",
                name="Armenia",
                wikidata="Q399",
                kind="country",
                mentions=[_mention(text, "Armenia")],
            ),
            Actor(
                id="Q227",
                name="Azerbaijan",
                wikidata="Q227",
                kind="country",
                mentions=[
                    _mention(text, "Azerbaijani", "Azerbaijani ambassador"),
                    _mention(text, "Azerbaijani", "Azerbaijani troops"),
                ],
            ),
            Actor(
                id="person:mirzoyan",
                name="Ararat Mirzoyan",
                kind="person",
                mentions=[_mention(text, "Ararat Mirzoyan")],
            ),
            Actor(
                id="media:northern-wire",
                name="Northern Wire",
                kind="media",
                mentions=[_mention(text, "Northern Wire")],
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                kind="direct",
                start=q_start,
                end=q_end,
                text=QUOTE_SENTENCE,
                speaker="person:mirzoyan",
            ),
        ],
    )


def _claims_of(text: str, **kwargs: object) -> list[Claim]:
    doc = Document(id="t", text=text, **kwargs)  # type: ignore[arg-type]
    return extract_claims(doc, load_nlp()(text))


def _by_text(claims: list[Claim]) -> dict[str, Claim]:
    return {c.text: c for c in claims}


def _score(claims: list[Claim], sentence: str) -> float:
    """The score of the claim covering ``sentence`` (0 when it fell under the floor)."""
    for claim in claims:
        if claim.text in sentence or sentence in claim.text:
            return claim.score
    return 0.0


def test_concrete_attack_outranks_opinion_prediction_question_and_slogan() -> None:
    claims = _claims_of(RANKING_TEXT)
    assert claims, "no claims at all"
    assert claims[0].text == ATTACK
    attack = _score(claims, ATTACK)
    assert attack >= 0.8
    for other in (OPINION, PREDICTION, QUESTION, SLOGAN):
        assert _score(claims, other) < attack - 0.2, other
    assert _score(claims, QUESTION) < 0.5
    assert _score(claims, SLOGAN) < 0.3


def test_ranked_by_score_then_position_and_above_the_floor() -> None:
    claims = _claims_of(RANKING_TEXT)
    keys = [(-c.score, c.start) for c in claims]
    assert keys == sorted(keys)
    assert all(0.2 <= c.score <= 1.0 for c in claims)


def test_offsets_are_exact_and_trimmed() -> None:
    doc = _wire_document()
    claims = extract_claims(doc, load_nlp()(doc.text))
    assert claims
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip(' \n“”"')
    # the quoted sentence is one claim, without its quotation marks
    assert QUOTE_SENTENCE in _by_text(claims)
    Document.model_validate({**doc.model_dump(), "claims": [c.model_dump() for c in claims]})


def test_claimant_is_the_speaker_inside_a_quote_and_the_outlet_outside() -> None:
    doc = _wire_document()
    claims = _by_text(extract_claims(doc, load_nlp()(doc.text)))
    assert claims[QUOTE_SENTENCE].claimant == "person:mirzoyan"
    summoned = next(c for t, c in claims.items() if t.startswith("Armenia summoned"))
    assert summoned.claimant == "media:northern-wire"


def test_claimant_is_null_without_quote_or_outlet_actor() -> None:
    claims = _claims_of(ATTACK)
    assert claims and claims[0].claimant is None


def test_actors_are_those_mentioned_inside_the_claim() -> None:
    doc = _wire_document()
    claims = _by_text(extract_claims(doc, load_nlp()(doc.text)))
    assert claims[QUOTE_SENTENCE].actors == ["Q227"]
    summoned = next(c for t, c in claims.items() if t.startswith("Armenia summoned"))
    assert summoned.actors[:2] == ["Q399", "Q227"]
    assert "person:mirzoyan" not in summoned.actors


def test_segments_split_lines_and_skip_fragments() -> None:
    text = "2025-03-14 09:05\n\nBaku closed the crossing on Monday; Yerevan protested the same day."
    sdoc = load_nlp()(text)
    parts = [text[s.start : s.end] for s in segments(sdoc)]
    assert parts == ["Baku closed the crossing on Monday;", "Yerevan protested the same day."]


def test_deterministic() -> None:
    first = [c.model_dump() for c in _claims_of(RANKING_TEXT)]
    second = [c.model_dump() for c in _claims_of(RANKING_TEXT)]
    assert first == second


def test_pipeline_fills_claims() -> None:
    from presslens.ingest import RawArticle
    from presslens.pipeline import Analyzer

    # fast: every claim ranked; default: the short list (in a text this short, its best claim)
    fast = Analyzer(profile="fast").analyze(RawArticle(text=WIRE_TEXT, source="test"))
    assert any(QUOTE_SENTENCE in c.text for c in fast.claims[:3])
    analysis = Analyzer().analysis(RawArticle(text=WIRE_TEXT, source="test"))
    assert len(analysis.doc.claims) == 1
    ranked = _default_ranking(analysis)
    assert analysis.doc.claims[0] == ranked[0]
    assert any(QUOTE_SENTENCE in c.text for c in ranked[:3])


def test_shipped_model_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    load_shipped_model.cache_clear()
    model = load_shipped_model()
    assert model is not None
    assert model.meta["feature_config"]["bits"] == 18
    assert (
        model.meta["metrics"]["dev"]["model"]["f1"]
        > (model.meta["metrics"]["dev"]["baseline_number_or_entity"]["f1"])
    )
    assert 0.0 < model.threshold < 1.0


# --- training on a synthetic mini-dataset (_claims_data.py) ----------------------------------

def test_tiny_training_run_is_deterministic_and_learns(tmp_path: Path) -> None:
    from presslens.claims.train import DEV_FILE, TRAIN_FILE
    from presslens.cli import app

    data = tmp_path / "data"
    data.mkdir()
    write_split(data / TRAIN_FILE, synthetic_rows(150, 1000), glue=True)
    write_split(data / DEV_FILE, synthetic_rows(30, 5000))
    assert len(read_tsv(data / TRAIN_FILE)) == 150

    runner = CliRunner()
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        result = runner.invoke(app, ["train", "claims", "--data", str(data), "--out", str(out)])
        assert result.exit_code == 0, result.output
    metas = [json.loads((o / "meta.json").read_text(encoding="utf-8")) for o in outs]
    assert metas[0]["weights_sha256"] == metas[1]["weights_sha256"]
    assert metas[0]["training_data_sha256"]
    assert metas[0]["metrics"]["dev"]["model"]["f1"] >= 0.9

    model = load_model_dir(outs[0])
    text = "Serbia moved 420 soldiers to the border in 2011.\n\nI think this is a disgrace for all of us."
    doc = Document(id="x", text=text)
    claims = extract_claims(doc, load_nlp()(text), model=model, floor=0.0)
    assert claims[0].text.startswith("Serbia moved")

    evaluated = runner.invoke(
        app, ["train", "claims", "--data", str(data), "--out", str(outs[0]), "--eval-only"]
    )
    assert evaluated.exit_code == 0, evaluated.output
    assert "baseline: has a number or a named entity" in evaluated.output


INTERVIEW = """Baku is a puppet of Ankara, says Armenian expert
14 March 2025

Speaking with Sevan Observer, the Armenian political scientist Hrant Sahakyan explained why he believes Azerbaijan no longer decides its own policy.

"Turkish officers have commanded Azerbaijani units since 2020, and Ankara delivered 120 drones to Baku last year," Sahakyan said. "Will anyone in Europe dare to say it? Peace will come only when the puppet masters are stopped."

The European Union opened a monitoring mission in Armenia in February 2023.

"No Turkish officer has ever commanded our army," the Azerbaijani Foreign Ministry spokesperson Aykhan Hajizada told reporters in Baku on Friday.
"""


def _default_ranking(analysis: Analysis) -> list[Claim]:
    """Every candidate of the default profile's learned claims, ranked (before the short list)."""
    from presslens.claims.learned import load_learned_model, score_all

    scored = score_all(analysis.doc, analysis.sdoc, analysis.need_encodings(), load_learned_model())
    return sorted(scored, key=lambda c: (-c.score, c.start, c.end))


@pytest.mark.parametrize("profile", ["fast", "default"])
def test_interview_claims_ranked_with_their_claimants(profile: str) -> None:
    from presslens.ingest import RawArticle
    from presslens.pipeline import Analyzer

    analysis = Analyzer(profile=profile).analysis(RawArticle(text=INTERVIEW, source="test"))
    doc = analysis.doc
    ids = {a.name: a.id for a in doc.actors}
    expert, spokesperson = ids["Hrant Sahakyan"], ids["Aykhan Hajizada"]
    outlet = ids["Sevan Observer"]
    # fast: every claim is listed; default: a short list, the best of the same ranking
    claims = doc.claims if profile == "fast" else _default_ranking(analysis)
    if profile == "default":
        listed = doc.claims
        # in the ranking's order, the best first; a longer claim may give way to a shorter one
        assert listed[0] == claims[0] and listed == [c for c in claims if c in listed]
        assert sum(c.end - c.start for c in listed) <= 0.15 * len(doc.text)
        assert all(c in claims[:4] for c in listed)
    keys = [(-c.score, c.start) for c in claims]
    assert keys == sorted(keys)

    def claim(fragment: str) -> Claim:
        return next(c for c in claims if fragment in c.text)

    drones = claim("delivered 120 drones")
    officers = claim("Turkish officers have commanded")
    mission = claim("monitoring mission")
    denial = claim("No Turkish officer has ever commanded")
    # the concrete, checkable statements lead, whoever makes them
    top = {c.start for c in claims[:4]}
    assert {drones.start, officers.start, mission.start, denial.start} == top
    # a quoted clause is claimed by its speaker, without its attribution; the outlet's own
    # sentence by the outlet
    assert drones.claimant == officers.claimant == expert
    assert denial.claimant == spokesperson
    assert mission.claimant == outlet
    for quoted in (drones, officers, denial):
        assert "said" not in quoted.text and "told" not in quoted.text
        assert quoted.claimant not in quoted.actors
    assert ids["Turkey"] in drones.actors and ids["Azerbaijan"] in drones.actors
    assert mission.actors == [ids["European Union"], ids["Armenia"]]
    # the attribution is not a claim of its own; the rhetorical question and the prediction
    # score low
    assert not any(c.text.startswith("the Azerbaijani Foreign Ministry") for c in claims)
    for low in ("Will anyone in Europe dare", "Peace will come only"):
        assert all(c.score < 0.3 for c in claims if low in c.text), low
    for c in claims:
        assert doc.text[c.start : c.end] == c.text


def test_an_asserted_act_found_by_the_relation_stage_raises_a_claim() -> None:
    from presslens.model import Relation

    nlp = load_nlp()
    text = "Moldova expelled two Russian diplomats in May, the ministry said."
    actors = [
        Actor(id="Q217", name="Moldova", kind="country", mentions=[Mention(start=0, end=7, text="Moldova")]),
        Actor(id="Q159", name="Russia", kind="country", mentions=[Mention(start=21, end=28, text="Russian")]),
    ]
    plain = Document(id="t", text=text, actors=actors)
    act = Relation(start=0, end=len(text), text=text, source="Q217", target="Q159", type="COERCE",
                   polarity=-1, modality="asserted", asserted_by=None, confidence=0.7)
    with_act = Document(id="t", text=text, actors=actors, relations=[act])
    hedged = Document(id="t", text=text, actors=actors,
                      relations=[act.model_copy(update={"modality": "hypothetical"})])
    sdoc = nlp(text)
    score = {name: max(c.score for c in extract_claims(d, sdoc)) for name, d in
             (("plain", plain), ("act", with_act), ("hedged", hedged))}
    assert score["act"] > score["plain"]
    assert score["hedged"] == score["plain"]  # only asserted acts count
