"""The index tests' analyser: the rule stages (fast profile), one per module. Modules that need
another define their own ``analyzer`` fixture, which takes precedence."""

from __future__ import annotations

import pytest

from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")
