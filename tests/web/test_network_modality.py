"""The ``modality`` parameter of the web API's network and edge evidence: ``asserted`` keeps what
the text says was done; a denied relation never counts; a value that is no modality is a 422.
The documents are made by hand (no analysis runs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from corpus_docs import modality_corpus
from presslens.corpus.store import Store
from presslens.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web-modality") / "corpus.duckdb"
    with Store(db) as store:
        store.add(modality_corpus())
    with TestClient(create_app(db)) as test_client:
        yield test_client


def _weight(data: dict[str, Any]) -> int:
    (edge,) = [e for e in data["edges"] if (e["source"], e["target"]) == ("Q159", "Q212")]
    return int(edge["weight"])


def test_the_network_by_modality(client: TestClient) -> None:
    assert _weight(client.get("/api/network").json()) == 2  # the denied attack never counts
    assert _weight(client.get("/api/network", params={"modality": "asserted"}).json()) == 1
    both = client.get("/api/network", params=[("modality", "asserted"), ("modality", "hypothetical")])
    assert _weight(both.json()) == 2


def test_the_evidence_by_modality(client: TestClient) -> None:
    params = {"source": "Q159", "target": "Q212", "modality": "hypothetical"}
    items = client.get("/api/network/evidence", params=params).json()["items"]
    assert [(i["text"], i["modality"]) for i in items] == [("may attack", "hypothetical")]


def test_a_value_that_is_no_modality_is_refused(client: TestClient) -> None:
    response = client.get("/api/network", params={"modality": "maybe"})
    assert response.status_code == 422
    assert "asserted" in response.text
