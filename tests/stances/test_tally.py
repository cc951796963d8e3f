"""The per-pair sum both stance stages build their stances from."""

from __future__ import annotations

from presslens.stances.tally import Tally


def test_weights_sum_and_evidence_is_kept_once_in_text_order() -> None:
    tally = Tally()
    tally.add(-0.5, (40, 60))
    tally.add(-0.4, (10, 30))
    tally.add(-0.6, (40, 60))
    assert tally.clipped == -1.0
    stance = tally.stance("person:semyonov", "Q399")
    assert (stance.holder, stance.target, stance.sign, stance.score) == ("person:semyonov", "Q399", -1, -1.0)
    assert [(e.start, e.end) for e in stance.evidence] == [(10, 30), (40, 60)]


def test_a_positive_sum_is_a_positive_stance() -> None:
    tally = Tally()
    tally.add(0.3333, (0, 5))
    stance = tally.stance("outlet", "Q212")
    assert (stance.sign, stance.score) == (1, 0.333)
