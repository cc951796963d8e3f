"""A bilingual corpus in a real browser (Debian's chromium through Playwright, as in
``tests/test_web_browser.py``, with the same server and browser fixtures: ``tests/conftest.py``):
a Russian article shows its Cyrillic text marked as Russian, its actors labelled in English with
their Russian names beside them, and a search by a Cyrillic form, in any grammatical case, finds
the actor, on the actor list, the article filters and the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _ru_corpus import EN_PACT, RU_EXPERT, RU_PACT, build_store

from _browser import SHOTS, skip_module_without_browser
from presslens.model import Document

skip_module_without_browser()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    db = tmp_path_factory.mktemp("web-cyrillic-browser") / "corpus.duckdb"
    return db, build_store(db)


@pytest.fixture(scope="module")
def browser_locale() -> str:
    """This module's browser locale: English (en-GB), whatever the machine's."""
    return "en-GB"


def _open(page: Any, url: str, view: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"#view[data-ready='{view}']", timeout=20_000)


def _submit(page: Any, form: str, view: str) -> None:
    page.evaluate("document.getElementById('view').removeAttribute('data-ready')")
    page.click(f"{form} button[type=submit]")
    page.wait_for_selector(f"#view[data-ready='{view}']", timeout=20_000)


def _doc(corpus: tuple[Path, list[Document]], text: str) -> Document:
    return next(d for d in corpus[1] if d.text == text)


def test_russian_article_shows_its_cyrillic_text(
    page: Any, base_url: str, corpus: tuple[Path, list[Document]]
) -> None:
    doc = _doc(corpus, RU_PACT)
    _open(page, base_url + f"#/article/{doc.id}", "article")
    body = page.locator("#doc-text")
    assert body.get_attribute("lang") == "ru"
    assert page.locator("h1.doc-title").get_attribute("lang") == "ru"
    assert page.locator("html").get_attribute("lang") == "en"  # the page around it is English
    shown = body.evaluate(
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.ent-label, .margin')"
        ".forEach(l => l.remove()); return c.textContent; }"
    )
    for paragraph in RU_PACT.split("\n\n")[1:]:
        assert paragraph.strip() in shown
    assert "\ufffd" not in shown
    assert page.locator("h1.doc-title").inner_text() == RU_PACT.split("\n", 1)[0]
    font = page.evaluate("getComputedStyle(document.getElementById('doc-text')).fontFamily")
    assert "DejaVu Sans" in font and "Noto Sans" in font
    # Actors: labelled with the English name, the Russian name beside it, in the tooltip too.
    azerbaijan = page.locator("#doc-text mark.ent[data-actor='Q227']").first
    assert azerbaijan.get_attribute("title").startswith("Azerbaijan · Азербайджан · country")
    item = page.locator("#actors li[data-actor='Q227']")
    assert item.locator("mark").inner_text() == "Azerbaijan · Азербайджан"
    assert item.locator(".also").get_attribute("lang") == "ru"
    # The speaker of the Russian quote is named in English in the margin, Russian in its title.
    tag = page.locator("#doc-text .margin .speaker").first
    assert tag.inner_text() == "Ilham Aliyev"
    assert "Ilham Aliyev · Ильхам Алиев" in tag.get_attribute("title")
    assert page.locator("#quotes li span[lang='ru']").count() == 1
    page.screenshot(path=str(SHOTS / "article-ru.png"), full_page=True)


def test_language_filter_and_cyrillic_words(page: Any, base_url: str) -> None:
    _open(page, base_url + "#/articles", "articles")
    assert page.locator("#article-list tbody tr").count() == 3
    page.select_option("#f-language", "ru")
    _submit(page, "#article-filters", "articles")
    titles = page.locator("#article-list td.title").all_inner_texts()
    assert sorted(titles) == sorted(t.split("\n", 1)[0] for t in (RU_PACT, RU_EXPERT))
    assert page.locator("#article-list td.title[lang='ru']").count() == 2
    _open(page, base_url + "#/articles", "articles")
    page.fill("#f-q", "кремль")  # the text says "В Кремле"
    _submit(page, "#article-filters", "articles")
    assert page.locator("#article-list td.title").all_inner_texts() == [RU_PACT.split("\n", 1)[0]]


def test_actor_filter_takes_a_cyrillic_form(page: Any, base_url: str) -> None:
    _open(page, base_url + "#/articles", "articles")
    page.fill("#f-actor", "Азербайджана")
    _submit(page, "#article-filters", "articles")
    assert page.locator("#article-list tbody tr").count() == 3
    assert page.locator("#view .error").count() == 0


@pytest.mark.parametrize("typed", ["Азербайджан", "азербайджану", "Баку"])
def test_actor_search_by_a_cyrillic_form(page: Any, base_url: str, typed: str) -> None:
    _open(page, base_url + "#/actors", "actors")
    page.fill("#actor-q", typed)
    _submit(page, "#actor-search", "actors")
    cells = page.locator("table.grid tbody .actor-cell")
    assert cells.count() == 1
    assert cells.first.get_attribute("data-actor") == "Q227"
    assert cells.first.locator("a").inner_text() == "Azerbaijan · Азербайджан"
    cells.first.locator("a").click()
    page.wait_for_selector("#view[data-ready='actor']")
    assert page.locator("h1.actor-name").inner_text().startswith("Azerbaijan · Азербайджан")
    written = page.locator("#actor-forms").inner_text()
    assert "Азербайджана" in written and "Баку" in written and "Baku" in written


def test_network_search_by_a_cyrillic_form(page: Any, base_url: str) -> None:
    _open(page, base_url + "#/network", "network")
    page.fill("#net-search", "Азербайджану")
    page.click("#net-search-form button[type=submit]")
    assert page.evaluate("window.__cy.$('node:selected').map(n => n.id())") == ["Q227"]
    assert page.locator("#evidence h3").inner_text() == "Azerbaijan · Азербайджан"
    page.click("#net-reset")
    page.fill("#net-search", "россия")
    page.click("#net-search-form button[type=submit]")
    assert page.evaluate("window.__cy.$('node:selected').map(n => n.id())") == ["Q159"]


def test_english_article_is_not_marked_russian(
    page: Any, base_url: str, corpus: tuple[Path, list[Document]]
) -> None:
    doc = _doc(corpus, EN_PACT)
    _open(page, base_url + f"#/article/{doc.id}", "article")
    assert page.locator("#doc-text").get_attribute("lang") == "en"
    title = page.locator("#doc-text mark.ent[data-actor='Q227']").first.get_attribute("title")
    assert title.startswith("Azerbaijan · Азербайджан")


def test_no_javascript_errors(page: Any, page_errors: list[str]) -> None:
    assert not page_errors, page_errors
