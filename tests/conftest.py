"""Fixtures shared across test folders.

The browser tests (``test_web_browser.py`` here and ``web/test_cyrillic_browser.py``) serve each
module's own store, which the module builds in a module-scoped ``corpus`` fixture of its own,
with ``presslens serve`` (``base_url``) and open it in headless chromium (``page``). The
fixtures are here, at the top of ``tests/``, as the only conftest both folders see.

Loading this conftest also puts ``tests/`` on ``sys.path`` (pytest's default import mode, no
``__init__.py``), which is what lets tests in the subfolders import the helper modules here
(``_browser``, ``_claims_data``, ``_briefs``) even when run alone.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _browser import CHROMIUM, CHROMIUM_ARGS, SHOTS
from presslens.model import Document


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"presslens serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"presslens serve did not answer {url} within {seconds} s")


@pytest.fixture(scope="module")
def base_url(corpus: tuple[Path, list[Document]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``presslens serve`` on a free port of 127.0.0.1 over the module's ``corpus``, for the whole
    module."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("web-log") / "serve.log").open("wb")
    command = [sys.executable, "-c", "from presslens.cli import main; main()", "serve",
               "--db", str(corpus[0]), "--host", "127.0.0.1", "--port", str(port),
               "--log-level", "warning"]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url + "api/facets", server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser_locale() -> str | None:
    """The browser's locale (None: chromium's own); a module overrides this fixture to set one."""
    return None


@pytest.fixture(scope="module")
def page_errors() -> list[str]:
    """Uncaught exceptions and console errors of the module's ``page``."""
    return []


@pytest.fixture(scope="module")
def page(base_url: str, browser_locale: str | None, page_errors: list[str]) -> Iterator[Any]:
    """One chromium tab for the whole module (the module skips itself first where there is no
    chromium or Playwright: ``_browser.skip_module_without_browser``)."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale=browser_locale)
        tab = context.new_page()
        tab.on("pageerror", lambda exc: page_errors.append(str(exc)))
        tab.on("console", lambda msg: page_errors.append(msg.text) if msg.type == "error" else None)
        try:
            yield tab
        finally:
            browser.close()
