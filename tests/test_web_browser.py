"""The page of ``presslens serve`` in a real browser: Debian's headless chromium driven through
Playwright (``playwright install`` is never run: no browser is downloaded).

One server process (``presslens serve`` on a free port of 127.0.0.1) and one browser serve the
whole module (the fixtures ``base_url`` and ``page`` of ``conftest.py``). Screenshots of the four
views go to ``out/`` as PNG.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from _browser import SHOTS, skip_module_without_browser
from _web_corpus import INJECTION, build_store
from _web_network import STATES, network_json
from presslens.model import Actor, Claim, Document, Mention, Meta, Quote

skip_module_without_browser()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    db = tmp_path_factory.mktemp("web-browser") / "corpus.duckdb"
    return db, build_store(db)


def _open(page: Any, url: str, view: str) -> None:
    """Go to a view; within the page, by setting the hash (as its own links do)."""
    here, _, _ = page.url.partition("#")
    there, _, fragment = url.partition("#")
    if here == there:
        page.evaluate(
            "h => { document.getElementById('view').removeAttribute('data-ready');"
            " location.hash = h; }",
            "#" + fragment,
        )
    else:
        page.goto(url)
    page.wait_for_selector(f"#view[data-ready='{view}']", timeout=20_000)


def _until(page: Any, expression: str, seconds: float = 20) -> None:
    """Wait until a JavaScript expression is true (polled: the page's CSP forbids the eval
    that ``wait_for_function`` needs)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {seconds} s: {expression}")
        time.sleep(0.1)


def _title(docs: list[Document], words: str) -> str:
    return next(d.meta.title or "" for d in docs if words in (d.meta.title or ""))


def test_article_list(page: Any, base_url: str, corpus: tuple[Path, list[Document]]) -> None:
    _open(page, base_url + "#/articles", "articles")
    rows = page.locator("#article-list tbody tr")
    assert rows.count() == 4
    assert rows.first.locator("td.title").inner_text() == _title(corpus[1], "Baltic exercise")
    interview = next(d for d in corpus[1] if INJECTION in d.text)
    row = page.locator(f"#article-list tr[data-id='{interview.id}']")
    assert row.locator("td.count-quotes").inner_text() == str(len(interview.quotes))
    assert row.locator("td.count-techniques").inner_text() == str(len(interview.techniques))
    page.screenshot(path=str(SHOTS / "list.png"), full_page=True)
    # Filtering by outlet goes through the form and the API.
    page.select_option("#f-outlet", "Meridian Wire")
    page.click("#article-filters button[type=submit]")
    page.wait_for_selector("#view[data-ready='articles']")
    _until(page, "document.querySelectorAll('#article-list tbody tr').length === 2")


def test_article_view_highlights_and_escapes(
    page: Any, base_url: str, corpus: tuple[Path, list[Document]]
) -> None:
    interview = next(d for d in corpus[1] if INJECTION in d.text)
    _open(page, base_url + "#/articles", "articles")
    page.click(f"#article-list tr[data-id='{interview.id}'] a.article-link")
    page.wait_for_selector("#view[data-ready='article']")
    text = page.locator("#doc-text")
    # The injected script is shown as text and never ran.
    assert INJECTION in text.inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#doc-text script, #view script").count() == 0
    # Quotes are tinted and their speaker is named in the margin.
    assert page.locator("#doc-text .quote").count() >= len(interview.quotes)
    assert "Viktor Lebedev" in page.locator("#doc-text .margin .speaker").first.inner_text()
    # Techniques carry their label in the title attribute; actors their kind.
    titles = page.locator("#doc-text .tech").evaluate_all("els => els.map(e => e.title)")
    assert any("Loaded Language" in t for t in titles)
    assert page.locator("#doc-text mark.ent.kind-country").count() > 0
    assert page.locator("#doc-text mark.ent.kind-person").count() > 0
    # Clicking a relation highlights its evidence; claims are listed by score.
    assert page.locator("#doc-text .seg.hl").count() == 0
    page.locator("#relations li").first.click()
    highlighted = page.locator("#doc-text .seg.hl")
    assert highlighted.count() > 0
    shown = highlighted.evaluate_all(
        "els => els.map(e => { const c = e.cloneNode(true);"
        " c.querySelectorAll('.ent-label').forEach(l => l.remove()); return c.textContent; })"
    )
    assert "".join(shown) == interview.relations[0].text
    assert page.locator("#claims li").count() == len(interview.claims)
    page.locator("#relations li").first.click()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)


def test_network_view(page: Any, base_url: str) -> None:
    _open(page, base_url + "#/network", "network")
    nodes, edges = page.evaluate("[window.__cy.nodes().length, window.__cy.edges().length]")
    assert nodes >= 5 and edges >= 5
    colours = set(page.evaluate("window.__cy.edges().map(e => e.data('colour'))"))
    assert {"#2e9d4f", "#d0342c"} <= colours  # cooperative and conflictual
    assert page.locator("#cy canvas").count() > 0
    # Click the Russia → China edge where it is drawn: its evidence is listed with links.
    box = page.locator("#cy").bounding_box()
    point = page.evaluate(
        "(() => { const e = window.__cy.edges(\"[source = 'Q159'][target = 'Q148']\")[0];"
        " const p = e.renderedMidpoint(); return [p.x, p.y]; })()"
    )
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    page.wait_for_selector("#evidence-list li")
    assert "Russia and China" in page.locator("#evidence-list").inner_text()
    assert page.locator("#evidence-list a.evidence-link").count() > 0
    page.screenshot(path=str(SHOTS / "network.png"), full_page=True)
    # Filters redraw the graph: only conflictual ACCUSE edges remain.
    page.select_option("#f-type", "ACCUSE")
    page.click("#network-filters button[type=submit]")
    _until(
        page,
        "window.__cy && window.__cy.edges().length > 0 && "
        "window.__cy.edges().every(e => e.data('types').startsWith('ACCUSE'))"
    )
    # Following an evidence link opens the article with the relation highlighted.
    _open(page, base_url + "#/network", "network")
    page.evaluate("window.__cy.edges(\"[source = 'Q159'][target = 'Q148']\")[0].emit('tap'); null")
    page.wait_for_selector("#evidence-list a.evidence-link")
    page.locator("#evidence-list a.evidence-link").first.click()
    page.wait_for_selector("#view[data-ready='article']")
    assert page.locator("#doc-text .seg.hl").count() > 0


def test_network_filter_by_modality(page: Any, base_url: str) -> None:
    """The Modality choice asks the API for that modality alone and draws what it answers: the
    graph of what the text says was done (asserted), or of what it holds possible."""
    counts = {}
    for modality in ("asserted", "hypothetical"):
        with urllib.request.urlopen(f"{base_url}api/network?modality={modality}", timeout=10) as answer:
            counts[modality] = len(json.load(answer)["edges"])
    with urllib.request.urlopen(f"{base_url}api/network", timeout=10) as answer:
        every = len(json.load(answer)["edges"])
    # the corpus holds both: the choice leaves edges out
    assert 0 < counts["asserted"] < every and 0 < counts["hypothetical"] < every
    for modality, label in (("asserted", "done (asserted)"), ("hypothetical", "possible, alleged")):
        _open(page, base_url + "#/network", "network")
        page.select_option("#f-modality", label=label)
        # the view marks itself ready again once it has drawn the new answer
        page.evaluate("document.getElementById('view').removeAttribute('data-ready')")
        page.click("#network-filters button[type=submit]")
        page.wait_for_selector("#view[data-ready='network']", timeout=20_000)
        assert f"modality={modality}" in page.evaluate("location.hash")
        summary = page.locator("#network-summary").inner_text()
        assert f"{counts[modality]} edges" in summary, (modality, summary)
        assert page.locator("#f-modality").input_value() == modality


RENDERED_FONT = "n => parseFloat(n.style('font-size')) * window.__cy.zoom()"


LABELLED = ("window.__cy.nodes(':visible').filter(n => !n.hasClass('faded')"
            f" && !n.hasClass('crowded') && ({RENDERED_FONT})(n) >= 9).map(n => n.id())")


def _labelled(page: Any) -> list[str]:
    """The ids of the nodes whose label is drawn: at MIN_LABEL_PX = 9 px on screen or more, and
    not left out for overlapping a more important one."""
    return list(page.evaluate(LABELLED))


def test_network_of_a_thousand_actors_is_readable(page: Any, base_url: str) -> None:
    asked: list[str] = []

    def answer(route: Any) -> None:
        level = "state" if "level=state" in route.request.url else "actor"
        asked.append(level)
        route.fulfill(content_type="application/json", body=json.dumps(network_json(level)))

    data = network_json()
    degree: dict[str, int] = {}
    for e in data["edges"]:
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + e["weight"]
    top = sorted(degree, key=lambda k: (-degree[k], k))[:10]
    pattern = re.compile(r".*/api/network(\?.*)?$")
    page.route(pattern, answer)
    try:
        started = time.monotonic()
        _open(page, base_url + "#/network?min_weight=1", "network")
        drawn = time.monotonic() - started
        # One node per id: the actor listed twice is one node.
        assert page.evaluate("window.__cy.nodes().length") == 1000
        assert page.evaluate("window.__cy.edges().length") == len(data["edges"])
        # The layout fills the canvas, both ways.
        fill = page.evaluate("(() => { const b = window.__cy.nodes().renderedBoundingBox();"
                             " return [b.w / window.__cy.width(), b.h / window.__cy.height()]; })()")
        assert min(fill) > 0.85, fill
        # The ten most connected actors are labelled at 11 px or more; a few dozen labels at
        # first, more as one zooms in.
        fonts = page.evaluate(f"{json.dumps(top)}.map(id => ({RENDERED_FONT})(window.__cy.getElementById(id)))")
        assert min(fonts) >= 11, fonts
        first = _labelled(page)
        assert 10 <= len(first) <= 80, len(first)
        page.screenshot(path=str(SHOTS / "network-1000.png"), full_page=True)
        page.evaluate("window.__cy.zoom({ level: window.__cy.zoom() * 3,"
                      " renderedPosition: { x: window.__cy.width() / 2, y: window.__cy.height() / 2 } }); null")
        _until(page, f"{LABELLED}.length > {len(first)}")  # once the view has settled
        page.click("#net-reset")
        # Finding an actor shows it with its neighbours, each labelled, the rest faded.
        chosen = sorted(degree, key=lambda k: (-degree[k], k))[400]
        name = next(n["name"] for n in data["nodes"] if n["id"] == chosen)
        page.fill("#net-search", name)
        page.click("#net-search-form button[type=submit]")
        near = page.evaluate(
            "window.__cy.nodes('.near').map(n => n.id())")
        neighbours = {e["target"] if e["source"] == chosen else e["source"]
                      for e in data["edges"] if chosen in (e["source"], e["target"])}
        assert set(near) == neighbours | {chosen}
        assert page.evaluate("window.__cy.$('node:selected').map(n => n.id())") == [chosen]
        assert set(_labelled(page)) == set(near)
        assert page.locator("#neighbour-list li").count() == len(neighbours)
        page.screenshot(path=str(SHOTS / "network-1000-focus.png"), full_page=True)
        page.click("#net-reset")
        assert page.evaluate("window.__cy.nodes('.faded').length") == 0
        # Edge filters by sign and by type.
        page.uncheck("#net-sign-neg")
        visible = "window.__cy.edges(':visible')"
        _until(page, f"{visible}.length > 0 && {visible}.every(e => e.data('sign') !== -1)")
        assert page.evaluate(f"{visible}.length") == sum(e["sign"] != -1 for e in data["edges"])
        page.check("#net-sign-neg")
        page.select_option("#net-type", "THREATEN")
        threats = sum("THREATEN" in e["types"] for e in data["edges"])
        _until(page, f"{visible}.length === {threats}")
        assert all("THREATEN" in t for t in page.evaluate(f"{visible}.map(e => e.data('types'))"))
        assert page.evaluate("window.__cy.nodes(':visible').every(n => n.connectedEdges(':visible').length > 0)")
        # The state-level view asks the API for level=state and draws the states.
        page.select_option("#f-level", "state")
        page.click("#network-filters button[type=submit]")
        _until(page, f"window.__cy && window.__cy.nodes().length === {STATES}")
        assert asked[-1] == "state" and "State network" in page.locator("h1").inner_text()
    finally:
        page.unroute(pattern)
    assert drawn < 30, drawn  # 1,000 nodes laid out and drawn (about 3 s on a quiet core)


def test_actor_page(page: Any, base_url: str) -> None:
    _open(page, base_url + "#/actor/Q30", "actor")
    assert "United States" in page.locator("h1.actor-name").inner_text()
    assert "Northern Herald" in page.locator("#mentioned-by").inner_text()
    speakers = page.locator("#stance-speakers").inner_text()
    assert "Viktor Lebedev" in speakers and "-0.80" in speakers
    assert page.locator("#over-time tbody tr").count() >= 1
    _open(page, base_url + "#/actor/Q159", "actor")
    page.click("#over-time button")
    page.wait_for_selector("#timeline-box table")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "actor.png"), full_page=True)


def _wire_copy() -> dict[str, Any]:
    """An article detail as the API gives it, for a wire story whose paragraphs are single
    newlines (one blank-line paragraph in all), with quotes on its 3rd, 12th and 21st lines."""
    lines = ["Talks on the grid deal stall", "CHISINAU, 3 June 2025 (Meridian Wire)"]
    quotes: list[Quote] = []
    actors = {"person:ana_popa": "Ana Popa", "person:ion_rusu": "Ion Rusu"}
    mentions: dict[str, list[Mention]] = {key: [] for key in actors}
    for n in range(2, 24):
        if n in (2, 11, 20):
            speaker = "person:ana_popa" if n != 11 else "person:ion_rusu"
            name = actors[speaker]
            said = f"\u201cThe line to Iasi will be ready before winter, whatever Moscow says,\u201d {name} said."
            start = sum(len(line) + 1 for line in lines)
            end = start + said.index("\u201d") + 1
            quotes.append(Quote(id=f"q{len(quotes)}", kind="direct", speaker=speaker,
                                start=start, end=end, text=said[: end - start]))
            at = start + said.index(name)
            mentions[speaker].append(Mention(start=at, end=at + len(name), text=name))
            lines.append(said)
        else:
            lines.append(f"Negotiators met again on day {n} without agreeing on the price of "
                         "electricity carried across the border during the coming winter.")
    text = "\n".join(lines) + "\n"
    doc = Document(id="0123456789abcdef", text=text, meta=Meta(title=lines[0]), quotes=quotes,
                   actors=[Actor(id=key, name=name, kind="person", mentions=mentions[key])
                           for key, name in actors.items()])
    summary = {"id": doc.id, "title": lines[0], "outlet": "Meridian Wire", "published": None}
    return {"article": summary, "document": doc.model_dump(mode="json"), "names": actors}


def test_speaker_tags_stand_beside_their_quotes_in_single_newline_copy(
    page: Any, base_url: str
) -> None:
    detail = _wire_copy()
    page.route("**/api/articles/0123456789abcdef", lambda route: route.fulfill(json=detail))
    try:
        _open(page, base_url + "#/article/0123456789abcdef", "article")
        assert page.locator("#doc-text p.para").count() == 1  # no blank line: one paragraph
        placed = page.evaluate(
            "[...document.querySelectorAll('#doc-text .margin .speaker')].map(tag => {"
            " const seg = document.querySelector("
            "   `#doc-text .seg[data-quotes~=\"${tag.dataset.quote}\"]`);"
            " return [tag.getBoundingClientRect().top, seg.getBoundingClientRect().top,"
            "         tag.textContent]; })"
        )
        assert [who for _, _, who in placed] == ["Ana Popa", "Ion Rusu", "Ana Popa"]
        for tag_top, quote_top, _ in placed:
            assert abs(tag_top - quote_top) < 8, placed  # level with the quote's first line
        assert placed[1][0] - placed[0][0] > 150 and placed[2][0] - placed[1][0] > 150
        page.screenshot(path=str(SHOTS / "wire-copy.png"), full_page=True)
    finally:
        page.unroute("**/api/articles/0123456789abcdef")


def _claimed_copy() -> dict[str, Any]:
    """An article detail as the API gives it for a fast-profile document: 26 rule claims, one a
    sentence, covering about three quarters of its text."""
    sentences = [f"The ministry said on day {n} that the border crossings would stay closed to "
                 "freight until the inspection regime was agreed." for n in range(26)]
    fillers = [f"Traffic queued for {n} kilometres." for n in range(26)]
    text, claims = "", []
    for n, (said, filler) in enumerate(zip(sentences, fillers, strict=True)):
        start = len(text)
        text += said + " " + filler + "\n\n"
        claims.append(Claim(start=start, end=start + len(said), text=said,
                            score=round(0.99 - 0.03 * ((n * 7) % 26), 2)))
    doc = Document(id="00000000c1a1c1a1", text=text, meta=Meta(title="Border stays shut"),
                   claims=claims)
    summary = {"id": doc.id, "title": "Border stays shut", "outlet": "Meridian Wire",
               "published": None}
    return {"article": summary, "document": doc.model_dump(mode="json"), "names": {}}


UNDERLINED = (
    "[...document.querySelectorAll('#doc-text .claim')]"
    ".filter(e => getComputedStyle(e).borderBottomStyle !== 'none')"
    ".reduce((n, e) => n + e.textContent.length, 0)"
)
LISTED = "[...document.querySelectorAll('#claims li')].filter(li => li.offsetParent !== null)"


def test_claims_underline_the_top_ones_and_the_rest_on_demand(page: Any, base_url: str) -> None:
    detail = _claimed_copy()
    doc = detail["document"]
    covered = sum(c["end"] - c["start"] for c in doc["claims"])
    assert covered / len(doc["text"]) > 0.7  # as the fast profile's rule claims do
    page.route("**/api/articles/00000000c1a1c1a1", lambda route: route.fulfill(json=detail))
    try:
        _open(page, base_url + "#/article/00000000c1a1c1a1", "article")
        underlined = page.evaluate(UNDERLINED)
        assert 0 < underlined <= 0.15 * len(doc["text"])
        listed = page.evaluate(f"{LISTED}.map(li => Number(li.dataset.index))")
        best = sorted(range(len(doc["claims"])), key=lambda i: -doc["claims"][i]["score"])
        assert listed == best[: len(listed)] and 1 <= len(listed) <= 8
        assert page.locator("#claims li").count() == len(doc["claims"])  # the rest are there
        page.check("#all-claims")
        assert page.evaluate(UNDERLINED) == covered
        assert page.evaluate(f"{LISTED}.length") == len(doc["claims"])
        page.uncheck("#all-claims")
        assert page.evaluate(UNDERLINED) == underlined
    finally:
        page.unroute("**/api/articles/00000000c1a1c1a1")


def test_api_docs_render_offline(page: Any, base_url: str) -> None:
    page.goto(base_url + "docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/analyze" in path for path in paths)
    assert any("/api/network/evidence" in path for path in paths)


def test_screenshots_are_pngs() -> None:
    for name in ("list", "article", "network", "network-1000", "actor"):
        data = (SHOTS / f"{name}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000



def test_no_javascript_errors(page: Any, page_errors: list[str]) -> None:
    assert not page_errors, page_errors
