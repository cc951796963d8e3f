"""The REST API of ``presslens serve``, through FastAPI's TestClient: every endpoint, the filters
shared with the ``network`` command, the body limit, and every refusal as a JSON 4xx."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from _web_corpus import INJECTION, analyzer, build_store
from presslens.cli import app as cli_app
from presslens.model import Document
from presslens.web.app import create_app

STATIC = Path(__file__).resolve().parents[1] / "src" / "presslens" / "web" / "static"

ARTICLE = (
    "Moldova signs energy deal with Romania\n3 June 2025\n\nMoldova and Romania signed an "
    "agreement on Tuesday to link their power grids, the Moldovan government said. \"This ends "
    "our dependence on a single supplier,\" Moldovan President Maia Sandu told reporters in "
    "Chisinau.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    db = tmp_path_factory.mktemp("web-api") / "corpus.duckdb"
    return db, build_store(db)


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, list[Document]]) -> Iterator[TestClient]:
    with TestClient(create_app(corpus[0], analyzer_factory=analyzer)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def docs(corpus: tuple[Path, list[Document]]) -> dict[str, Document]:
    return {d.meta.title or d.id: d for d in corpus[1]}


def _doc(docs: dict[str, Document], words: str) -> Document:
    return next(d for title, d in docs.items() if words in title)


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    return detail


# --- corpus views ----------------------------------------------------------------------------


def test_facets(client: TestClient) -> None:
    data = client.get("/api/facets").json()
    assert data["articles"] == 4
    assert (data["first"], data["last"]) == ("2025-02-10", "2025-04-20")
    assert {o["value"] for o in data["outlets"]} == {
        "Meridian Wire", "Northern Herald", "Continental Review"
    }
    assert "Loaded_Language" in {t["value"] for t in data["techniques"]}
    assert {"AGREE", "ACCUSE", "ALLY"} <= {t["value"] for t in data["types"]}
    assert "person:viktor_lebedev" in {s["value"] for s in data["speakers"]}


def test_articles_newest_first_with_counts_and_paging(
    client: TestClient, docs: dict[str, Document]
) -> None:
    data = client.get("/api/articles").json()
    assert data["total"] == 4
    assert [a["published"] for a in data["items"]] == [
        "2025-04-20", "2025-04-12", "2025-03-05", "2025-02-10"
    ]
    for item in data["items"]:
        doc = docs[item["title"]]
        assert item["id"] == doc.id
        assert item["counts"] == {
            "actors": len(doc.actors),
            "mentions": sum(len(a.mentions) for a in doc.actors),
            "quotes": len(doc.quotes),
            "relations": len(doc.relations),
            "stances": len(doc.stances),
            "techniques": len(doc.techniques),
            "claims": len(doc.claims),
        }
    first = client.get("/api/articles", params={"limit": 3}).json()
    second = client.get("/api/articles", params={"limit": 3, "offset": 3}).json()
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    assert [a["id"] for a in first["items"] + second["items"]] == [a["id"] for a in data["items"]]


def test_article_filters(client: TestClient, docs: dict[str, Document]) -> None:
    def titles(**params: Any) -> set[str]:
        response = client.get("/api/articles", params=params)
        assert response.status_code == 200, response.text
        return {a["title"] for a in response.json()["items"]}

    assert titles(outlet="meridian wire") == {
        _doc(docs, "gas accord").meta.title, _doc(docs, "Baltic exercise").meta.title
    }
    assert titles(since="2025-03-05", until="2025-04-12") == {
        _doc(docs, "sanctions").meta.title, _doc(docs, "appeasing").meta.title
    }
    assert titles(actor="Q7184") == {
        title for title, d in docs.items() if d.actor("Q7184") is not None
    }
    assert titles(actor="Hungary") == {_doc(docs, "sanctions").meta.title}  # a name will do
    labelled = {title for title, d in docs.items() if any(
        t.label == "Loaded_Language" for t in d.techniques)}
    assert titles(technique="loaded_language") == labelled
    assert _doc(docs, "sanctions").meta.title in labelled


def test_article_detail(client: TestClient, docs: dict[str, Document]) -> None:
    doc = _doc(docs, "sanctions")
    data = client.get(f"/api/articles/{doc.id}").json()
    assert data["document"]["text"] == doc.text
    assert INJECTION in data["document"]["text"]
    assert Document.model_validate(data["document"]) == doc
    assert data["article"]["counts"]["quotes"] == len(doc.quotes)
    assert data["names"]["person:viktor_lebedev"] == "Viktor Lebedev"
    assert data["names"]["Q30"] == "United States"


def test_actors(client: TestClient) -> None:
    data = client.get("/api/actors").json()
    ids = [a["id"] for a in data["items"]]
    assert ids[0] == "Q159"  # Russia: the most mentioned
    russia = data["items"][0]
    assert russia["articles"] == 4 and russia["stances"] >= 1
    assert [a["id"] for a in client.get("/api/actors", params={"q": "lebed"}).json()["items"]] == [
        "person:viktor_lebedev"
    ]
    kinds = {a["kind"] for a in client.get("/api/actors", params={"kind": "alliance"}).json()["items"]}
    assert kinds == {"alliance"}
    meridian = client.get("/api/actors", params={"outlet": "Meridian Wire"}).json()["items"]
    assert "person:viktor_lebedev" not in {a["id"] for a in meridian}


def test_actor_detail(client: TestClient) -> None:
    data = client.get("/api/actors/Q30").json()
    assert data["actor"]["name"] == "United States"
    assert data["mentioned_by_outlet"][0]["outlet"] == "Northern Herald"
    by_speaker = {r["holder"]: r for r in data["stances_by_speaker"]}
    assert by_speaker["person:viktor_lebedev"]["holder_name"] == "Viktor Lebedev"
    assert by_speaker["person:viktor_lebedev"]["mean"] < 0
    assert any("Americans" in e["text"] for s in data["stances"] for e in s["evidence"])
    assert any(q["speaker"] == "person:viktor_lebedev" for q in data["quotes_about"])
    assert [r["month"] for r in data["over_time"]] == ["2025-03"]
    speaker = client.get("/api/actors/person:viktor_lebedev").json()
    assert speaker["quotes_by"] and all(
        q["speaker"] == "person:viktor_lebedev" for q in speaker["quotes_by"]
    )
    assert client.get("/api/actors/Hungary").json()["actor"]["id"] == "Q28"


def test_network_with_the_cli_filters(client: TestClient) -> None:
    data = client.get("/api/network").json()
    assert data["directed"] is True
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges[("Q159", "Q148")]["sign"] == 1 and edges[("Q159", "Q148")]["weight"] >= 2
    assert edges[("Q159", "Q212")]["sign"] == -1
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert names["Q7184"] == "NATO"

    accuse = client.get("/api/network", params={"type": "accuse"}).json()
    assert accuse["edges"] and all(set(e["types"].split(";")) == {
        t for t in e["types"].split(";") if t.startswith("ACCUSE:")} for e in accuse["edges"])
    lebedev = client.get("/api/network", params={"speaker": "person:viktor_lebedev"}).json()
    assert {(e["source"], e["target"]) for e in lebedev["edges"]} >= {
        ("Q458", "Q30"), ("Q159", "Q148")
    }
    heavy = client.get("/api/network", params={"min_weight": 2}).json()
    assert heavy["edges"] and all(e["weight"] >= 2 for e in heavy["edges"])
    april = client.get("/api/network", params={"since": "2025-04-13"}).json()
    assert ("Q159", "Q7184") in {(e["source"], e["target"]) for e in april["edges"]}
    assert ("Q159", "Q148") not in {(e["source"], e["target"]) for e in april["edges"]}
    herald = client.get("/api/network", params={"outlet": "Northern Herald"}).json()
    assert all(set(e["articles"]) <= {herald_id(client)} for e in herald["edges"])


def herald_id(client: TestClient) -> str:
    items = client.get("/api/articles", params={"outlet": "Northern Herald"}).json()["items"]
    return str(items[0]["id"])


def test_network_edge_evidence(client: TestClient) -> None:
    data = client.get("/api/network/evidence", params={"source": "Q159", "target": "Q148"}).json()
    assert (data["source_name"], data["target_name"]) == ("Russia", "China")
    texts = [item["text"] for item in data["items"]]
    assert any(t.startswith("Russia and China signed") for t in texts)
    assert all(item["article_id"] and item["title"] for item in data["items"])
    only = client.get("/api/network/evidence", params={
        "source": "Q159", "target": "Q148", "speaker": "person:viktor_lebedev"}).json()
    assert only["items"] and {i["asserted_by_name"] for i in only["items"]} == {"Viktor Lebedev"}


def test_timeline(client: TestClient) -> None:
    data = client.get("/api/timeline", params={"a": "Russia", "b": "China"}).json()
    assert (data["a"]["id"], data["b"]["id"], data["by"]) == ("Q159", "Q148", "month")
    assert {r["bucket"] for r in data["rows"]} >= {"2025-02-01", "2025-03-01"}
    weekly = client.get("/api/timeline", params={"a": "Q159", "b": "Q148", "by": "week"}).json()
    assert weekly["by"] == "week" and weekly["rows"]


# --- refusals -------------------------------------------------------------------------------


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert "no article" in _error(client.get("/api/articles/0000000000000000"), 404)
    _error(client.get("/api/actors/Q999999999"), 404)
    _error(client.get("/api/timeline", params={"a": "Q159", "b": "Atlantis"}), 404)
    _error(client.get("/api/no-such-endpoint"), 404)


@pytest.mark.parametrize(
    ("path", "params", "words"),
    [
        ("/api/articles", {"since": "2025-13-45"}, "since"),
        ("/api/articles", {"until": "yesterday"}, "until"),
        ("/api/articles", {"since": "2025-05-01", "until": "2025-04-01"}, "before"),
        ("/api/network", {"since": "not-a-date"}, "since"),
        ("/api/network", {"min_weight": "heavy"}, "min_weight"),
        ("/api/network", {"speaker": "Atlantis"}, "speaker"),
        ("/api/articles", {"limit": 0}, "limit"),
        ("/api/articles", {"actor": "Atlantis"}, "actor"),
        ("/api/timeline", {"a": "Q159", "b": "Q148", "by": "year"}, "by"),
        ("/api/timeline", {"a": "Q159"}, "b"),
    ],
)
def test_bad_query_is_422(client: TestClient, path: str, params: dict[str, Any], words: str) -> None:
    assert words in _error(client.get(path, params=params), 422)


def test_analyze_plain_text(client: TestClient) -> None:
    response = client.post("/api/analyze", content=ARTICLE.encode(),
                           headers={"content-type": "text/plain; charset=utf-8"})
    assert response.status_code == 200, response.text
    assert response.headers["x-presslens-stored"] == "no"
    doc = Document.model_validate(response.json())
    assert doc.text == ARTICLE
    assert doc.meta.published == "2025-06-03"
    assert {"Q217", "Q218"} <= {a.id for a in doc.actors}  # Moldova, Romania
    assert any("single supplier" in q.text for q in doc.quotes)
    # Read-only: nothing was added to the corpus.
    assert client.get("/api/facets").json()["articles"] == 4


def test_analyze_json_and_html(client: TestClient) -> None:
    record = {"text": ARTICLE, "outlet": "Danube Daily", "authors": "Ana Popescu", "extra": 1}
    doc = client.post("/api/analyze", json=record).json()
    assert (doc["meta"]["outlet"], doc["meta"]["authors"]) == ("Danube Daily", ["Ana Popescu"])
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n") if p)
    html = f"<html><head><title>Energy</title></head><body><article>{paragraphs}</article></body></html>"
    response = client.post("/api/analyze", content=html.encode(), headers={"content-type": "text/html"})
    assert response.status_code == 200, response.text
    assert "Maia Sandu" in response.json()["text"]


@pytest.mark.parametrize(
    ("body", "content_type", "status", "words"),
    [
        (b"", "text/plain", 400, "empty"),
        (b"   \n ", "text/plain", 400, "empty"),
        (bytes(range(256)) * 8, "text/plain", 422, "binary"),
        (b"\x00\x01\x02PK\x03\x04" * 50, "application/json", 400, "JSON"),
        (b"{\"text\": ", "application/json", 400, "invalid JSON"),
        (b"[1, 2]", "application/json", 422, "object"),
        (b"{\"title\": \"no text\"}", "application/json", 422, "text"),
        (b"{\"text\": 42}", "application/json", 422, "text"),
        (b"{\"text\": \"x\", \"authors\": [1]}", "application/json", 422, "authors"),
        (b"{\"text\": \"   \"}", "application/json", 422, "empty"),
        (b"<html><body><nav>Home</nav></body></html>", "text/html", 422, "no article"),
        (ARTICLE.encode(), "application/pdf", 415, "content type"),
    ],
)
def test_analyze_refuses_bad_bodies(
    client: TestClient, body: bytes, content_type: str, status: int, words: str
) -> None:
    response = client.post("/api/analyze", content=body, headers={"content-type": content_type})
    assert words in _error(response, status)


def test_analyze_refuses_storing_without_allow_ingest(client: TestClient) -> None:
    response = client.post("/api/analyze?store=true", content=ARTICLE.encode(),
                           headers={"content-type": "text/plain"})
    assert "--allow-ingest" in _error(response, 403)


def test_oversized_body_is_413(client: TestClient) -> None:
    big = b"a" * 2_000_001
    assert "limit" in _error(client.post("/api/analyze", content=big,
                                         headers={"content-type": "text/plain"}), 413)


def test_allow_ingest_stores_and_limits(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    app = create_app(db, allow_ingest=True, max_body_bytes=5_000, analyzer_factory=analyzer)
    with TestClient(app) as writer:
        response = writer.post("/api/analyze", content=ARTICLE.encode(),
                               headers={"content-type": "text/plain"})
        assert response.status_code == 200 and response.headers["x-presslens-stored"] == "new"
        again = writer.post("/api/analyze", content=ARTICLE.encode(),
                            headers={"content-type": "text/plain"})
        assert again.headers["x-presslens-stored"] == "known"
        listed = writer.get("/api/articles").json()
        assert listed["total"] == 1 and listed["items"][0]["id"] == response.json()["id"]
        dry = writer.post("/api/analyze?store=false", json={"text": ARTICLE + "More.\n"})
        assert dry.headers["x-presslens-stored"] == "no"
        assert writer.get("/api/articles").json()["total"] == 1
        _error(writer.post("/api/analyze", content=b"b" * 5_001,
                           headers={"content-type": "text/plain"}), 413)
        # A body sent in chunks, with no Content-Length, is counted as it arrives.
        chunks = (b"c" * 1_000 for _ in range(6))
        _error(writer.post("/api/analyze", content=chunks,
                           headers={"content-type": "text/plain"}), 413)


# --- page, docs and command -----------------------------------------------------------------


def test_page_docs_and_static_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert 'src="static/vendor/cytoscape.min.js"' in page.text
    for path in ("js/main.js", "js/article.js", "js/network.js", "style.css"):
        assert client.get(f"/static/{path}").status_code == 200
    vendored = client.get("/static/vendor/cytoscape.min.js")
    assert vendored.status_code == 200 and "cytoscape" in vendored.text[:2000].lower()
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/actors",
            "/api/actors/{actor_id}", "/api/network", "/api/timeline"} <= set(spec["paths"])


def test_page_never_puts_text_through_html_parsing() -> None:
    """Article text is inserted with textContent and text nodes only."""
    for source in sorted((STATIC / "js").glob("*.js")):
        code = source.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, f"{source.name} uses {sink}"
    assert (STATIC / "vendor" / "cytoscape.LICENSE").is_file()


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no corpus database" in result.output


def test_errors_are_json_documents(client: TestClient) -> None:
    body = client.get("/api/articles", params={"since": "2025-02-30"}).json()
    assert json.loads(json.dumps(body))["errors"][0]["loc"] == ["query", "since"]
