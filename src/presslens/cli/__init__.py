"""The ``presslens`` command line. Each command family lives in its own module of this package."""

from __future__ import annotations

from presslens.cli import analyze as _analyze  # noqa: F401  (registers commands)
from presslens.cli import claims as _claims  # noqa: F401
from presslens.cli import corpus as _corpus  # noqa: F401
from presslens.cli import evaluate as _evaluate  # noqa: F401
from presslens.cli import pairs as _pairs  # noqa: F401
from presslens.cli import quotes as _quotes  # noqa: F401
from presslens.cli import serve as _serve  # noqa: F401
from presslens.cli import techniques as _techniques  # noqa: F401
from presslens.cli.app import app


def main() -> None:
    app()
