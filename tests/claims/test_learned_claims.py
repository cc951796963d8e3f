"""The default profile's learned claims: the head over the shared encoder, the news features and
the short list (the article below was written for these tests)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from presslens.claims.extract import extract_claims
from presslens.claims.learned import (
    MAX_CLAIMS,
    SHORT_TEXT,
    TEXT_SHARE,
    LearnedClaimModel,
    learned_claims,
    load_learned_model,
    score_all,
    short_list,
)
from presslens.encoder import load_encoder
from presslens.encoder.article import ArticleEncodings, encode_article
from presslens.ingest import RawArticle
from presslens.model import Claim
from presslens.pipeline import Analysis, Analyzer

ARTICLE = """Slovakia is being turned into a Western depot, says Czech analyst
12 May 2025

Talking to Harbour Review, the Czech political scientist Tomas Marek described how he thinks Bratislava lost control over its own foreign policy.

– Mr Marek, the government says it wants good relations with everyone. Is that possible?

"I have gone on to found two research institutes in Prague, and I have seen this before. Bratislava and Budapest now act on the orders of Brussels and punish their own citizens for it.

Slovakia sent 13 MiG-29 fighter jets to Ukraine in April 2023, and Poland delivered 14 Leopard tanks in February 2023," Marek said.

According to Marek, the European Union has paid Slovakia 2.1 billion euros in compensation since 2022. He noted that the Slovak parliament ratified the defence agreement with the United States in February 2022 by 79 votes to 60.

– And what comes next?

"Nobody can say. We should all be more humble about the future," he concluded.
"""


@pytest.fixture(scope="module")
def analysis() -> tuple[Analysis, ArticleEncodings]:
    result = Analyzer(profile="fast").analysis(RawArticle(text=ARTICLE, source="test"))
    index = result.need_index()
    return result, encode_article(result.doc, result.sdoc, index, load_encoder())


def _containing(claims: list[Claim], fragment: str) -> Claim:
    return next(c for c in claims if fragment in c.text)


def test_the_short_list_is_short_ranked_and_anchored(analysis) -> None:
    result, encodings = analysis
    doc = result.doc
    listed = learned_claims(doc, result.sdoc, encodings)
    assert 1 <= len(listed) <= MAX_CLAIMS
    covered = sum(c.end - c.start for c in listed)
    assert covered <= TEXT_SHARE * len(doc.text)
    keys = [(-c.score, c.start) for c in listed]
    assert keys == sorted(keys)
    threshold = load_learned_model().threshold
    for claim in listed:
        assert doc.text[claim.start : claim.end] == claim.text
        assert claim.score >= threshold
    # the fast profile's rule-era claims cover most of the text: the short list does not
    every = extract_claims(doc, result.sdoc)
    assert sum(c.end - c.start for c in every) > 3 * covered


def test_counted_acts_and_the_loaded_accusation_lead_framing_and_biography_trail(analysis) -> None:
    result, encodings = analysis
    scored = score_all(result.doc, result.sdoc, encodings, load_learned_model())
    framing = _containing(scored, "described how he thinks")
    biography = _containing(scored, "I have gone on to found")
    headline = _containing(scored, "Western depot")
    accusation = _containing(scored, "act on the orders of Brussels")
    jets = _containing(scored, "13 MiG-29 fighter jets")
    assert accusation.loaded and not jets.loaded and not framing.loaded
    for low in (framing, biography, headline):
        assert low.score < accusation.score, low.text
        assert low.score < jets.score, low.text
    listed = learned_claims(result.doc, result.sdoc, encodings)
    assert not any(c.start in (framing.start, biography.start, headline.start) for c in listed)
    assert any(c.loaded for c in listed) or accusation.score < listed[-1].score


def test_claimants_and_actors_as_in_the_rule_stage(analysis) -> None:
    result, encodings = analysis
    scored = score_all(result.doc, result.sdoc, encodings, load_learned_model())
    ids = {a.name: a.id for a in result.doc.actors}
    jets = _containing(scored, "13 MiG-29 fighter jets")
    assert jets.claimant == ids["Tomas Marek"]
    assert ids["Slovakia"] in jets.actors and ids["Ukraine"] in jets.actors


def test_deterministic(analysis) -> None:
    result, encodings = analysis
    first = [c.model_dump() for c in learned_claims(result.doc, result.sdoc, encodings)]
    again = encode_article(result.doc, result.sdoc, result.need_index(), load_encoder())
    assert first == [c.model_dump() for c in learned_claims(result.doc, result.sdoc, again)]


def _claim(start: int, length: int, score: float) -> Claim:
    return Claim(start=start, end=start + length, text="x" * length, score=score)


def test_short_list_threshold_budget_and_count() -> None:
    claims = [_claim(0, 30, 0.9), _claim(100, 60, 0.8), _claim(200, 20, 0.7), _claim(300, 10, 0.2)]
    # budget 15% of 400 = 60 characters: 30, then 60 does not fit, 20 does; 0.2 is under 0.5
    assert [c.start for c in short_list(claims, 400, 0.5)] == [0, 200]
    # in a short text the best claim is listed even where it alone is over the budget; in a
    # longer one not
    assert [c.start for c in short_list([_claim(0, 90, 0.9)], SHORT_TEXT - 1, 0.5)] == [0]
    assert short_list([_claim(0, 90, 0.9)], 500, 0.5) == []
    many = [_claim(10 * i, 1, 0.9) for i in range(20)]
    assert len(short_list(many, 10_000, 0.5)) == MAX_CLAIMS


def test_shipped_model_loads_offline_with_its_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    load_learned_model.cache_clear()
    model = load_learned_model()
    assert isinstance(model, LearnedClaimModel)
    assert 0.0 < model.threshold < 1.0
    figures = model.meta["figures"]
    assert figures["latest_debates"]["sentences"] > 2000
    assert figures["latest_debates"]["yes"]["f1"] > figures["latest_debates_ngram_alone"]["yes"]["f1"] - 0.02
    assert "29101" in str(model.meta["split"])
    assert model.head.width == 384


def test_the_default_profile_lists_the_learned_claims_and_fast_keeps_the_rules() -> None:
    from presslens.pipeline.profiles import LEARNED, RULE_BASED

    assert "learned_claims" in LEARNED and "claims" not in LEARNED
    assert LEARNED.index("learned_claims") > LEARNED.index("encoder")
    assert "claims" in RULE_BASED and "learned_claims" not in RULE_BASED


def test_meta_records_command_data_and_versions() -> None:
    from presslens.claims.learned import MODEL_DIR

    meta = json.loads((Path(MODEL_DIR) / "meta.json").read_text(encoding="utf-8"))
    assert meta["command"].startswith("presslens train claims-learned --data ")
    assert len(meta["data"]["train_sha256"]) == 64
    assert meta["versions"]["scikit-learn"] != "missing"


def test_sample_articles_list_at_most_15_percent_of_their_text() -> None:
    root = Path(__file__).resolve().parents[2]
    analyzer = Analyzer()
    for path in sorted((root / "examples").glob("*.txt")):
        doc = analyzer.analyze(RawArticle(text=path.read_text(encoding="utf-8"), source=str(path)))
        assert doc.claims, path.name
        covered = set()
        for claim in doc.claims:
            covered.update(range(claim.start, claim.end))
        assert len(covered) <= TEXT_SHARE * len(doc.text), path.name
