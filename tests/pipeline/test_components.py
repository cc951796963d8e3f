"""Components: declaring, checking the order of, building and running them; profiles."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import PROFILES, Analyzer, AnalyzerSettings, PipelineError
from presslens.pipeline.components import (
    REGISTRY,
    Analysis,
    Component,
    ComponentRegistry,
    Resources,
)
from presslens.pipeline.profiles import RULE_BASED


def _noop(resources: Resources) -> Component:
    def run(analysis: Analysis) -> None:
        return None

    return run


def test_a_requirement_no_earlier_component_assigns_is_refused() -> None:
    with pytest.raises(PipelineError, match="'relations' requires index, which no earlier component assigns"):
        REGISTRY.check(["actors", "quotes", "relations", "index"])
    with pytest.raises(PipelineError, match=r"requires doc\.relations"):
        REGISTRY.check(["actors", "quotes", "index", "stances", "relations"])


def test_the_builtin_order_is_accepted() -> None:
    assert [spec.name for spec in REGISTRY.check(RULE_BASED)] == list(RULE_BASED)


def test_unknown_listed_twice_and_misnamed_components_are_refused() -> None:
    with pytest.raises(PipelineError, match="no component named 'parser2'"):
        REGISTRY.check(["actors", "parser2"])
    with pytest.raises(PipelineError, match="listed twice"):
        REGISTRY.check(["actors", "actors"])
    registry = ComponentRegistry()
    with pytest.raises(PipelineError, match=r"neither 'doc\.<Document field>'"):
        registry.factory("typo", requires=["doc.relation"])(_noop)
    registry.factory("first", assigns=["doc.claims"])(_noop)
    with pytest.raises(PipelineError, match="already registered"):
        registry.factory("first")(_noop)


def test_a_registered_component_runs_in_its_place() -> None:
    registry = ComponentRegistry()
    ran: list[str] = []

    def factory(name: str):  # type: ignore[no-untyped-def]
        def make(resources: Resources) -> Component:
            def run(analysis: Analysis) -> None:
                ran.append(name)

            return run

        return make

    registry.factory("a", assigns=["index"])(factory("a"))
    registry.factory("b", requires=["index", "sdoc"], assigns=["doc.stances"])(factory("b"))
    pipeline = registry.build(["a", "b"], None)  # type: ignore[arg-type]
    assert pipeline.names == ["a", "b"]
    pipeline(None)  # type: ignore[arg-type]
    assert ran == ["a", "b"]


def test_profiles_are_validated_before_anything_loads() -> None:
    with pytest.raises(ValueError, match="profile must be one of"):
        Analyzer(profile="slow")
    assert set(PROFILES) == {"default", "fast"}
    for names in PROFILES.values():
        REGISTRY.check(names)


def test_the_fast_profile_builds_through_the_settings_and_runs_the_rules_only() -> None:
    fast = AnalyzerSettings(profile="fast").build()
    assert fast.profile == "fast" and fast.settings.profile == "fast"
    assert fast.components.names == list(PROFILES["fast"])
    assert "encoder" not in fast.components.names
    article = RawArticle(text="Poland sanctioned Belarus last week, the ministry said.", source="test")
    rules = fast.analyze(article)
    learned = Analyzer().analyze(article)
    assert rules.relations and [(r.source, r.type, r.target) for r in rules.relations] == [
        ("Q36", "SANCTION", "Q184")
    ]
    # the default profile runs the same rule stages first and only adds to what they found
    assert learned.actors == rules.actors and learned.quotes == rules.quotes
    assert all(r in learned.relations for r in rules.relations)
    assert all(s in learned.stances for s in rules.stances)
