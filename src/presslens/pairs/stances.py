"""Stances from the portrayal head: how each holder's words portray each actor.

Every mention of an actor in an encoded segment is read by the portrayal head (trained on
NewsMTSC: how a news sentence portrays a person, through the author's words or a quoted
speaker's). The holder is whoever says the sentence: a quote's speaker, else the outlet. Per
(holder, target) the mentions' scores (P positive - P negative) are averaged; a stance is emitted
when the average is clear (``stance`` threshold; the outlet's own voice needs ``outlet_stance``,
so that a wire report relating events takes no side) over at least ``stance_mentions`` mentions,
and the evidence is the mentions' segments.
The pair-sentiment head adds who is positive or negative toward whom where a segment names two
people or bodies and no relation between them is stated there (``pairs.sentiment``): the holder
is the side the head reads as positive or negative, its score the signed probability of the
surest reading, its evidence that segment.
Stances of the rule stage stand; the learned ones are added for the pairs the rules left out,
the portrayal's before the pair-sentiment head's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from presslens.encoder.article import ArticleEncodings
from presslens.index import DocumentIndex
from presslens.model import Offsets, Relation, Stance
from presslens.pairs.features import mention_features
from presslens.pairs.model import PairModel
from presslens.pairs.sentiment import asserts_nothing, sentiment_readings
from presslens.syntax.attribution import content_subject

OUTLET = "outlet"


@dataclass
class _Tally:
    scores: list[float] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def add(self, score: float, span: tuple[int, int]) -> None:
        self.scores.append(score)
        if span not in self.evidence:
            self.evidence.append(span)

    @property
    def mean(self) -> float:
        return sum(self.scores) / len(self.scores)


def portrayal_tally(
    index: DocumentIndex, article: ArticleEncodings, model: PairModel
) -> dict[tuple[str, str], _Tally]:
    """(holder, target) -> the portrayal scores of the target's mentions in the holder's words."""
    head = model.portrayal
    negative, positive = head.classes.index("negative"), head.classes.index("positive")
    tally: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    outlet_voice = model.threshold("outlet_stance") <= 1.0
    for segment in article.segments:
        quote = index.quote_at(segment.start)
        holder = OUTLET if quote is None else quote.speaker
        if holder is None or (holder == OUTLET and not outlet_voice):
            continue  # no stance could come of it: the segment is not even encoded
        if asserts_nothing(index, segment):
            continue  # the outlet's questions (an interviewer's prompts) are not its voice
        for mention in segment.mentions:
            if mention.actor == holder or (quote is not None and mention.inferred):
                continue  # a speaker's "I"/"we" is the speaker's side, not a portrayal of it
            if holder != OUTLET and index.holds_office(holder) and index.state_of(holder) == mention.actor:
                continue  # an office-holder speaks of their own state by office
            if _another_ones_content(index, mention.start, mention.end, holder):
                continue  # "Brussels wants us to sanction Russia": Brussels's wish, not a portrayal
            span = (mention.start - segment.start, mention.end - segment.start)
            p = head.probabilities(mention_features(article.of(segment), span))[0]
            tally[(holder, mention.actor)].add(float(p[positive] - p[negative]),
                                               (segment.start, segment.end))
    return tally


def _another_ones_content(index: DocumentIndex, start: int, end: int, holder: str) -> bool:
    """Whether a mention lies in what another actor says, thinks or wants, by the parse: the
    subject of the verb whose complement holds it names actors, none of them the holder or on
    the holder's side."""
    span = index.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    subject = content_subject(span.root)
    if subject is None:
        return False
    owners = index.phrase(subject)[0]
    return bool(owners) and not any(o == holder or index.same_side(o, holder) for o in owners)


def learned_stances(
    index: DocumentIndex, article: ArticleEncodings, model: PairModel, rule_stances: list[Stance],
    relations: Sequence[Relation] = (),
) -> list[Stance]:
    found = {(s.holder, s.target): s for s in rule_stances}
    for (holder, target), tally in sorted(portrayal_tally(index, article, model).items()):
        if (holder, target) in found:
            continue  # the rule stage read this holder's words about the target: it stands
        threshold = model.threshold("outlet_stance" if holder == OUTLET else "stance")
        score = tally.mean
        if abs(score) < threshold or len(tally.scores) < model.threshold("stance_mentions"):
            continue
        found[(holder, target)] = Stance(
            holder=holder, target=target, sign=1 if score > 0 else -1,
            score=round(max(-1.0, min(1.0, score)), 3),
            evidence=[Offsets(start=s, end=e) for s, e in tally.evidence],
        )
    for (holder, target), (score, (start, end)) in sorted(
            sentiment_readings(index, article, model, relations).items()):
        if (holder, target) not in found:
            found[(holder, target)] = Stance(
                holder=holder, target=target, sign=1 if score > 0 else -1, score=round(score, 3),
                evidence=[Offsets(start=start, end=end)],
            )
    return sorted(found.values(), key=lambda s: (s.holder, s.target))
