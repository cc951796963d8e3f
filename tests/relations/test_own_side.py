"""An office-holder does not meet or consult the state they act for: "President Lukashenko told a
meeting with members of the government" states no consultation of Belarus; a meeting with
another state's leader still does. Nor do they threaten, coerce, sanction, mobilize against or
assault it: such a reading comes from the state's name modifying what is acted on ("threatening
to pull Peruvian funding"); their criticism of it stays. Sentences written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _rows(body: str) -> set[tuple[str, str, str]]:
    doc = Analyzer(profile="fast").analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    return {(r.source, r.type, r.target) for r in doc.relations}


def test_a_leader_meeting_their_own_government_consults_no_one() -> None:
    rows = _rows("Minsk protested against the closure of the border crossings on Monday.\n\n"
                 "Belarusian President Alexander Lukashenko told a meeting with members of the "
                 "government that Warsaw was hurting its own truck drivers.")
    assert not {r for r in rows if r[1] == "CONSULT"}


def test_a_meeting_with_another_state_is_still_a_consultation() -> None:
    assert ("Q2866", "CONSULT", "Q36") in _rows(
        "Belarusian President Alexander Lukashenko held a meeting with Poland on Monday.")


def test_a_leader_does_not_threaten_the_state_they_act_for() -> None:
    rows = _rows("President Maria Lopez of Peru sent a letter to the agency threatening to pull "
                 "Peruvian funding for good.")
    assert not {r for r in rows if r[2] == "Q419"}
    rows = _rows("President Maria Lopez of Peru threatened Chile with sanctions.")
    assert ("person:maria_lopez", "THREATEN", "Q298") in rows


def test_a_senator_criticising_their_own_state_still_accuses_it() -> None:
    rows = _rows("Senator Tom Baker of Ohio criticised the United States for its trade policy.")
    assert any(r[1] == "ACCUSE" and r[2] == "Q30" for r in rows)
