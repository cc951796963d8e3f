"""The ``presslens`` command line. Each command family lives in its own module of this package."""

from __future__ import annotations

from presslens.cli.app import app
from presslens.cli import analyze as _analyze  # noqa: F401  (registers commands)


def main() -> None:
    app()
