"""A bilingual corpus through the web API: Cyrillic text round-trips, every search finds Cyrillic
in any case and any grammatical case, an actor is found by any of its forms in either script,
is labelled with its English name and shown with its names in the other script, and articles
are filtered by language. The store is built from hand-made documents (``_ru_corpus``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _ru_corpus import EN_PACT, QUOTE, RU_EXPERT, RU_PACT, build_store
from fastapi.testclient import TestClient

from presslens.model import Document
from presslens.web import forms
from presslens.web.app import STATIC, create_app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    db = tmp_path_factory.mktemp("web-cyrillic") / "corpus.duckdb"
    return db, build_store(db)


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, list[Document]]) -> Iterator[TestClient]:
    with TestClient(create_app(corpus[0])) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ids(corpus: tuple[Path, list[Document]]) -> dict[str, str]:
    return {d.text: d.id for d in corpus[1]}


def _titles(client: TestClient, **params: Any) -> set[str]:
    response = client.get("/api/articles", params=params)
    assert response.status_code == 200, response.text
    return {a["title"] for a in response.json()["items"]}


def _title(text: str) -> str:
    return text.split("\n", 1)[0]


def _actors(client: TestClient, q: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/actors", params={"q": q, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


# --- text, fonts, charset ----------------------------------------------------------------------


def test_cyrillic_text_round_trips_as_utf8(client: TestClient, ids: dict[str, str]) -> None:
    response = client.get(f"/api/articles/{ids[RU_PACT]}")
    assert response.headers["content-type"] == "application/json"  # JSON is UTF-8 by definition
    data = response.json()
    assert data["document"]["text"] == RU_PACT
    assert data["article"]["language"] == "ru"
    assert data["article"]["title"] == _title(RU_PACT)
    quote = data["document"]["quotes"][0]
    assert RU_PACT[quote["start"]:quote["end"]] == QUOTE == quote["text"]


def test_page_declares_utf8_and_language_and_fetches_no_font(client: TestClient) -> None:
    page = client.get("/")
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<meta charset="utf-8">' in page.text and '<html lang="en">' in page.text
    css = (STATIC / "style.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "@import" not in css and "url(" not in css
    stack = css.split("--font:", 1)[1].split(";", 1)[0]
    for family in ('"Segoe UI"', '"Noto Sans"', '"DejaVu Sans"', "Arial", "sans-serif"):
        assert family in stack  # fonts with Cyrillic on Windows, Linux and macOS
    assert ":lang(ru)" in css


# --- language --------------------------------------------------------------------------------


def test_language_facet_and_filter(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert facets["languages"] == [{"value": "ru", "count": 2}, {"value": "en", "count": 1}]
    assert _titles(client, language="ru") == {_title(RU_PACT), _title(RU_EXPERT)}
    assert _titles(client, language="RU") == _titles(client, language="ru")
    assert _titles(client, language="en") == {_title(EN_PACT)}
    assert _titles(client, language=["en", "ru"]) == _titles(client)
    assert _titles(client, language="de") == set()
    # the actors of English articles only: the Russian interview's expert is there by his
    # English mention, Ilham Aliyev (named in Russian only) is not
    english = {a["id"] for a in _actors(client, "", language="en")}
    assert english == {"Q227", "Q43", "Q159", "person:viktor_lebedev"}
    network = client.get("/api/network", params={"language": "en"}).json()
    assert [(e["source"], e["target"]) for e in network["edges"]] == [("Q159", "Q43")]


# --- search ----------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["азербайджан", "АЗЕРБАЙДЖАН", "Азербайджан", "азербайджану"])
def test_article_text_search_reads_cyrillic_in_any_case(client: TestClient, q: str) -> None:
    assert _titles(client, q=q) == {_title(RU_PACT), _title(RU_EXPERT)}


def test_article_text_search_by_word_in_any_grammatical_case(client: TestClient) -> None:
    assert _titles(client, q="Россия") == {_title(RU_PACT), _title(RU_EXPERT)}  # России
    assert _titles(client, q="кремль") == {_title(RU_PACT)}  # "В Кремле"
    assert _titles(client, q="всё труднее") == {_title(RU_EXPERT)}
    assert _titles(client, q="все труднее") == {_title(RU_EXPERT)}  # ё read as е
    assert _titles(client, q="Турция Москва") == {_title(RU_PACT), _title(RU_EXPERT)}
    assert _titles(client, q="azerbaijan baku") == {_title(EN_PACT)}
    assert _titles(client, q="100%") == set()  # taken literally, no wildcard


@pytest.mark.parametrize(
    ("q", "matched"),
    [("Азербайджан", "Азербайджан"), ("азербайджан", "Азербайджан"),
     ("АЗЕРБАЙДЖАНА", "Азербайджана"), ("Азербайджану", "Азербайджану"),
     ("Баку", "Баку"), ("Azerbaijan", None), ("azer", None), ("Q227", None)],
)
def test_actor_search_by_any_form_in_either_script(
    client: TestClient, q: str, matched: str | None
) -> None:
    items = _actors(client, q)
    assert [a["id"] for a in items] == ["Q227"]
    assert items[0]["name"] == "Azerbaijan"  # the label is the English canonical name
    assert items[0]["also"] == ["Азербайджан"]
    assert items[0]["matched"] == matched  # the form that holds the query, when the name does not


def test_actor_search_leaves_titles_out_and_finds_metonyms(client: TestClient) -> None:
    # "Президент Азербайджана" is a title of Ilham Aliyev, not his name
    assert "person:ilham_aliyev" not in {a["id"] for a in _actors(client, "Азербайджан")}
    assert [a["id"] for a in _actors(client, "Кремль")] == ["Q159"]  # В Кремле
    assert [a["id"] for a in _actors(client, "Россия")] == ["Q159"]  # России
    assert [a["id"] for a in _actors(client, "Виктор")] == ["person:viktor_lebedev"]
    assert _actors(client, "Политолог") == []


@pytest.mark.parametrize("form", ["Азербайджан", "азербайджана", "Azerbaijan", "Баку", "Q227"])
def test_an_actor_is_named_by_any_form_everywhere(client: TestClient, form: str) -> None:
    assert len(_titles(client, actor=form)) == 3
    detail = client.get(f"/api/actors/{form}")
    assert detail.status_code == 200, detail.text
    assert detail.json()["actor"]["id"] == "Q227"
    timeline = client.get("/api/timeline", params={"a": form, "b": "Турция"}).json()
    assert (timeline["a"]["id"], timeline["b"]["id"]) == ("Q227", "Q43")


def test_an_unknown_form_is_still_refused(client: TestClient) -> None:
    response = client.get("/api/articles", params={"actor": "Армения"})
    assert response.status_code == 422
    assert "Армения" in response.json()["detail"]
    assert client.get("/api/actors/Армения").status_code == 404


# --- names in both scripts ---------------------------------------------------------------------


def test_actor_view_shows_the_forms_in_both_scripts(client: TestClient) -> None:
    actor = client.get("/api/actors/Q227").json()["actor"]
    assert (actor["name"], actor["also"]) == ("Azerbaijan", ["Азербайджан"])
    shown = {(f["text"], f["role"], f["script"]) for f in actor["forms"]}
    assert shown == {
        ("Azerbaijan", "name", "latn"), ("Baku", "metonym", "latn"),
        ("Азербайджан", "name", "cyrl"), ("Азербайджана", "name", "cyrl"),
        ("Азербайджану", "name", "cyrl"), ("Баку", "metonym", "cyrl"),
    }
    lebedev = client.get("/api/actors/person:viktor_lebedev").json()["actor"]
    assert (lebedev["name"], lebedev["also"]) == ("Viktor Lebedev", ["Виктор Лебедев"])


def test_article_names_come_with_their_other_script(client: TestClient, ids: dict[str, str]) -> None:
    data = client.get(f"/api/articles/{ids[RU_PACT]}").json()
    assert data["names"]["Q227"] == "Azerbaijan"
    assert data["also"] == {
        "Q227": ["Азербайджан"], "Q43": ["Турция"], "Q159": ["Россия"],
        "person:ilham_aliyev": ["Ильхам Алиев"],  # "Алиев" alone is part of the name
    }
    english = client.get(f"/api/articles/{ids[EN_PACT]}").json()
    assert english["also"]["Q227"] == ["Азербайджан"]  # from the corpus, not this article


def test_network_nodes_carry_names_and_forms(client: TestClient) -> None:
    nodes = {n["id"]: n for n in client.get("/api/network").json()["nodes"]}
    assert nodes["Q227"]["name"] == "Azerbaijan" and nodes["Q227"]["also"] == ["Азербайджан"]
    assert {"баку", "азербайджана", "azerbaijan"} <= set(nodes["Q227"]["forms"])


def test_quotes_and_stances_carry_their_language(client: TestClient) -> None:
    aliyev = client.get("/api/actors/person:ilham_aliyev").json()
    assert [(q["text"], q["language"]) for q in aliyev["quotes_by"]] == [(QUOTE, "ru")]
    russia = client.get("/api/actors/Q159").json()
    assert [s["language"] for s in russia["stances"]] == ["ru"]
    assert {a["language"] for a in russia["articles"]} == {"ru", "en"}


# --- the rules themselves --------------------------------------------------------------------


def test_terms_fold_case_yo_and_case_endings() -> None:
    assert forms.terms("Россия") == forms.terms("России") == forms.terms("РОССИЕЙ") == ["росс"]
    assert forms.terms("Кремль") == forms.terms("Кремлём") == ["кремл"]
    assert forms.terms("Белый дом") == forms.terms("Белого дома") == ["бел", "дом"]
    assert forms.terms("Ёлка Azerbaijan") == ["елк", "azerbaijan"]
    assert forms.terms("  ") == []


@pytest.mark.parametrize(
    ("name", "written", "also"),
    [
        ("Azerbaijan", [("Азербайджана", 3), ("Азербайджан", 1), ("АЗЕРБАЙДЖАН", 5),
                        ("Azerbaijan", 9)], ["Азербайджан"]),
        ("Kremlin", [("Кремля", 4), ("Кремль", 1)], ["Кремль"]),
        ("Moscow", [("Москвы", 4), ("Москва", 1), ("Москве", 1)], ["Москва"]),
        ("Russia", [("России", 4), ("Россия", 1), ("РФ", 2)], ["Россия", "РФ"]),
        ("White House", [("Белого дома", 3), ("Белый дом", 1)], ["Белый дом"]),
        ("Sergey Lavrov", [("Сергея Лаврова", 3), ("Лавров", 5), ("Сергеем Лавровым", 1),
                           ("Сергей Лавров", 1)], ["Сергей Лавров"]),
        ("Виктор Лебедев", [("Viktor Lebedev", 1), ("Виктор Лебедев", 3)], ["Viktor Lebedev"]),
        ("NATO", [("NATO", 3)], []),
    ],
)
def test_also_names_one_per_family_nominative_first(
    name: str, written: list[tuple[str, int]], also: list[str]
) -> None:
    assert forms.also_names(name, written) == also
