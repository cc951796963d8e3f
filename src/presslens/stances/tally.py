"""What one holder's words and reported acts add up to toward one target, in either language.

Both stance stages (``extract_stances``, ``extract_russian_stances``) sum weighted evidence per
(holder, target) pair, weigh the relations a holder reports alike (the weights below), and carry
a view of one actor over to those who back or fight it (``propagate``); a pair whose clipped sum
passes the stage's threshold becomes a ``Stance`` with every evidence span, in text order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from presslens.model import Offsets, Relation, Stance

# How much a relation the holder reports says of its view of either end (both languages):
MATERIAL_CONFLICT = 0.5
VERBAL_CONFLICT = 0.3
VERBAL_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
COOPERATION = 0.4
WEAK_COOPERATION = 0.15  # working together is not backing
WEAK_TYPES = frozenset({"COOPERATE", "CONSULT", "AGREE", "REQUEST"})
OUTLET_FACTOR = 0.6  # the outlet reporting an event in its own voice
CONTROLLED = 0.4  # the puppet end of CONTROL
PROPAGATION = 0.75  # backing an actor the holder opposes
AGAINST_FAVOURED = 0.5  # extra, for conflict against an actor the holder favours
HYPOTHETICAL = 0.5


@dataclass
class Tally:
    score: float = 0.0
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def add(self, weight: float, span: tuple[int, int]) -> None:
        self.score += weight
        if span not in self.evidence:
            self.evidence.append(span)

    @property
    def clipped(self) -> float:
        """The sum, held to [-1, 1]."""
        return max(-1.0, min(1.0, self.score))

    def stance(self, holder: str, target: str) -> Stance:
        score = self.clipped
        return Stance(
            holder=holder,
            target=target,
            sign=1 if score > 0 else -1,
            score=round(score, 3),
            evidence=[Offsets(start=s, end=e) for s, e in sorted(self.evidence)],
        )


def cue_start(relation: Relation) -> int:
    """Where the relation's cue word starts (a relation made without a cue: its evidence)."""
    return relation.cue.start if relation.cue is not None else relation.start


def _act(relation: Relation, reverse: bool = False) -> tuple[str, str, str, int, int]:
    ends = (relation.target, relation.source) if reverse else (relation.source, relation.target)
    return (*ends, relation.type, relation.start, cue_start(relation))


def mutual_acts(relations: list[Relation]) -> Callable[[Relation], bool]:
    """Whether a relation is one side of a mutual act ("Baku and Yerevan fought"), which singles
    out neither side: one cue read both ways. Two cues of one sentence, one each way, are two
    acts ("Russia will not abandon North Korea, which stood with us")."""
    acts = {_act(r) for r in relations}
    return lambda relation: _act(relation, reverse=True) in acts


AddWeight = Callable[[str, str, float, tuple[int, int]], None]


def propagate(
    tallies: Mapping[tuple[str, str], Tally],
    deferred: list[tuple[str, Relation, float]],
    add: AddWeight,
    threshold: float,
) -> None:
    """Relations between two others, read through the holder's view of the target (as it stands
    once every direct weight is in): backing an actor the holder opposes counts against the
    backer, fighting an actor the holder favours counts against the attacker, and fighting one
    it opposes leaves no mark on the attacker."""
    views = {key: tally.score for key, tally in tallies.items()}
    for holder, relation, weight in deferred:
        view = views.get((holder, relation.target), 0.0)
        if abs(view) < threshold:
            continue
        span = (relation.start, relation.end)
        direction = 1.0 if view > 0 else -1.0
        if relation.polarity > 0:
            add(holder, relation.source, direction * PROPAGATION * weight, span)
        elif direction > 0:
            add(holder, relation.source, -AGAINST_FAVOURED * weight, span)
        else:
            add(holder, relation.source, weight, span)  # no mark against the source
