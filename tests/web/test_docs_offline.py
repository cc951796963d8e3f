"""``/docs`` works offline: the Swagger UI page loads its script, style and icon from this
server's vendored files (npm ``swagger-ui-dist``), never from a CDN. (The page drawn in a real
browser: ``tests/test_web_browser.py::test_api_docs_render_offline``.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from fastapi.testclient import TestClient

from presslens.corpus.store import Store
from presslens.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("docs") / "c.duckdb"
    Store(db).close()
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_docs_load_nothing_from_another_host(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    html = page.text
    assert "cdn" not in html.lower() and "://" not in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert {"static/vendor/swagger-ui-bundle.js", "static/vendor/swagger-ui.css"} <= set(assets)
    for asset in assets:
        served = client.get(urljoin("http://testserver/docs", asset))
        assert served.status_code == 200, asset
    bundle = client.get("/static/vendor/swagger-ui-bundle.js").text
    assert "SwaggerUIBundle" in bundle
    spec = re.search(r"url: '([^']+)'", html)
    assert spec is not None
    assert "/api/analyze" in client.get(urljoin("http://testserver/docs", spec.group(1))).json()[
        "paths"
    ]


def test_redoc_which_only_a_cdn_serves_is_gone(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404


def test_the_vendored_files_carry_their_licence() -> None:
    vendor = Path(__file__).resolve().parents[2] / "src" / "presslens" / "web" / "static" / "vendor"
    assert "Apache License" in (vendor / "swagger-ui.LICENSE").read_text(encoding="utf-8")
