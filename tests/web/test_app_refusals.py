"""The web API on input it used to answer badly: a text longer than spaCy takes in one piece
(was a 500), a text over the limit (413), an analysis that fails (422, never 500), a
``published`` that is not a date (said in a header), an edge of an unknown actor (404).

The corpus is one hand-made document (no analysis); the analyses use the fast profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from presslens import nlp as nlp_module
from presslens.corpus.store import Store
from presslens.ingest import RawArticle
from presslens.model import Actor, Document, Mention, Meta, Relation
from presslens.pipeline import Analyzer
from presslens.textutil import document_id
from presslens.web.app import create_app

ARTICLE = (
    "Moldova signs energy deal with Romania\n\n"
    "Moldova and Romania signed an agreement on Tuesday to link their power grids, the Moldovan "
    "government said.\n"
)
PARAGRAPH = (
    "Russia accused Ukraine of provocations near the border on day {i}, the foreign ministry "
    "said. “We will not accept threats,” the minister told reporters in Moscow.\n\n"
)


def _stored_document() -> Document:
    text = "Russia threatened Ukraine."
    return Document(
        id=document_id(text),
        text=text,
        meta=Meta(title="Threat", published="2025-01-10"),
        actors=[
            Actor(id="Q159", name="Russia", kind="country",
                  mentions=[Mention(start=0, end=6, text="Russia")]),
            Actor(id="Q212", name="Ukraine", kind="country",
                  mentions=[Mention(start=18, end=25, text="Ukraine")]),
        ],
        relations=[
            Relation(start=0, end=26, text=text, source="Q159", target="Q212",
                     type="THREATEN", polarity=-1, confidence=0.9),
        ],
    )


@pytest.fixture(scope="module")
def fast_analyzer() -> Analyzer:
    return Analyzer(profile="fast")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, fast_analyzer: Analyzer) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web-refusals") / "corpus.duckdb"
    with Store(db) as store:
        store.add([_stored_document()])
    with TestClient(create_app(db, analyzer_factory=lambda: fast_analyzer)) as test_client:
        yield test_client


def _detail(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and "\n" not in detail
    return detail


def test_a_text_longer_than_spacy_takes_is_analysed(
    client: TestClient, fast_analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy's limit lowered to 20,000 characters and the chunks to 8,000: the path a 1.3 MB
    # article takes under the real 1,000,000 and 100,000 (tests/test_nlp.py checks the cuts).
    monkeypatch.setattr(fast_analyzer.nlp, "max_length", 20_000)
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 8_000)
    text = "Border report\n\n" + "".join(PARAGRAPH.format(i=i) for i in range(200))
    assert len(text) > 20_000
    response = client.post("/api/analyze", content=text.encode(),
                           headers={"content-type": "text/plain"})
    assert response.status_code == 200, response.text
    doc = Document.model_validate(response.json())
    assert doc.text == text and len(doc.quotes) >= 150
    assert all(text[q.start : q.end] == q.text for q in doc.quotes)


def test_a_text_over_the_limit_is_413_with_one_line(tmp_path: Path, fast_analyzer: Analyzer) -> None:
    db = tmp_path / "c.duckdb"
    Store(db).close()
    app = create_app(db, max_body_bytes=3_000_000, analyzer_factory=lambda: fast_analyzer)
    with TestClient(app) as big_client:
        body = {"text": "Russia warned Moldova. " * 90_000}  # 2.07 MB of text in a 3 MB body
        detail = _detail(big_client.post("/api/analyze", json=body), 413)
        assert "limit" in detail


def test_an_analysis_that_fails_is_422_not_500(tmp_path: Path) -> None:
    class Broken:
        def analyze(self, article: RawArticle) -> Document:
            raise ValueError("[E088] Text of length 1300000 exceeds maximum of 1000000.")

    db = tmp_path / "c.duckdb"
    Store(db).close()
    app = create_app(db, analyzer_factory=lambda: Broken())  # type: ignore[arg-type, return-value]
    with TestClient(app, raise_server_exceptions=False) as broken_client:
        response = broken_client.post("/api/analyze", content=ARTICLE.encode(),
                                      headers={"content-type": "text/plain"})
        assert "could not be analysed" in _detail(response, 422)
        assert response.json()["code"] == "internal"


def test_a_published_that_is_not_a_date_is_said(client: TestClient) -> None:
    response = client.post("/api/analyze", json={"text": ARTICLE, "published": "yesterday"})
    assert response.status_code == 200, response.text
    warning = response.headers["x-presslens-warning"]
    assert "'published'" in warning and "yesterday" in warning and "left out" in warning
    assert response.json()["meta"]["published"] is None
    dated = client.post("/api/analyze", json={"text": ARTICLE, "published": "2025-06-03"})
    assert "x-presslens-warning" not in dated.headers
    assert dated.json()["meta"]["published"] == "2025-06-03"


def test_edge_evidence_of_an_unknown_actor_is_404(client: TestClient) -> None:
    known = client.get("/api/network/evidence", params={"source": "Q159", "target": "Q212"})
    assert known.status_code == 200 and len(known.json()["items"]) == 1
    assert "Atlantis" in _detail(
        client.get("/api/network/evidence", params={"source": "Atlantis", "target": "Q212"}), 404
    )
    _detail(client.get("/api/network/evidence", params={"source": "Q159", "target": "Q999999"}),
            404)
    # Known actors with no relation between them: an empty edge, not an error.
    empty = client.get("/api/network/evidence", params={"source": "Q212", "target": "Q159"})
    assert empty.status_code == 200 and empty.json()["items"] == []
