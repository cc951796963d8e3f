"""The outlet actor comes from the article's metadata only: a "told X" deep in the text is a quote
cue and invents no media actor. Every sentence here was written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def test_told_a_body_deep_in_the_text_invents_no_media_actor() -> None:
    text = (
        "Budget talks stall\n\n"
        "Ministers met in Valdora on Thursday to agree a budget for the coming year.\n"
        "The talks ran late into the night and ended without a joint statement.\n"
        "The finance minister told the Cabinet that the budget would be ready by spring.\n"
        "She told the Coastal Broadcaster that nothing had been decided.\n"
    )
    doc = Analyzer(profile="fast").analyze(RawArticle(text=text, source="test"))
    assert doc.meta.outlet is None
    assert not [a for a in doc.actors if a.kind == "media" and a.name in ("Cabinet", "Coastal Broadcaster")]
