"""What the browser tests (``test_web_browser.py``, ``web/test_cyrillic_browser.py``) share
besides their fixtures (those are in ``conftest.py``): Debian's headless chromium, driven through
Playwright (``playwright install`` is never run: no browser is downloaded), and the folder the
screenshots go to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SHOTS = Path(__file__).resolve().parents[1] / "out"


def skip_module_without_browser() -> None:
    """Skip the calling test module, while it is imported, where there is no chromium or no
    Playwright: a machine without them collects the browser tests as skipped, not failed."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(
            f"no chromium at {CHROMIUM} (on Debian: apt-get install chromium; `make test` does it)",
            allow_module_level=True,
        )
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
