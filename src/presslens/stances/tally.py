"""What one holder's words and reported acts add up to toward one target, in either language.

Both stance stages (``extract_stances``, ``extract_russian_stances``) sum weighted evidence per
(holder, target) pair; a pair whose clipped sum passes the stage's threshold becomes a
``Stance`` with every evidence span, in text order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presslens.model import Offsets, Stance


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
