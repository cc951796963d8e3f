"""Acts of speech and joint acts of the Russian relation stage (mixed into
``russian_patterns.RussianPatterns``), as the English stage reads them:

- reported accusations: a state, a body or an official who says that another actor did a hostile
  act (an assault, coercion, a build-up, a sanction, a threat) accuses that actor ("Лукашенко
  заявил, что Польша наказывает ..." -> Lukashenko ACCUSE Poland; English:
  ``Patterns.reported_accusations``);
- naming: who names an actor or its act with an evaluative word accuses it or supports it ("В
  Минске решение Варшавы назвали недружественным" -> Belarus ACCUSE Poland; "называли Турцию
  важным партнёром" -> SUPPORT);
- joint acts: coordinated actors that act "совместно/вместе" cooperate, the first named with the
  others ("решение было принято совместно Лукашенко и Путиным").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.index.russian_frames import (
    ActorTokens,
    feature,
    modality,
    negated,
    preposition,
    subjects,
)
from presslens.lexicon.russian_relations import RuLexicon, plain
from presslens.model import Modality

if TYPE_CHECKING:
    from presslens.index.russian_patterns import Found

# acts whose reported doer is accused by whoever reports them (the English stage's set)
_ACCUSABLE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
_AGENT_DEPS = frozenset({"obl", "obl:agent"})


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


class SpeechActs:
    """The mixin; ``RussianPatterns`` provides the attributes and ``_emit``."""

    actors: ActorTokens
    lexicon: RuLexicon

    def _emit(
        self, sources: list[str], targets: list[str], typed: tuple[str, int], cue: Token,
        mode: Modality, confidence: float,
    ) -> Iterator[Found]:
        raise NotImplementedError

    def _acting_for_someone(self, ids: list[str]) -> list[str]:
        """Those who speak for a state or a body: not an expert with no state."""
        return [a for a in ids if self.actors.kinds.get(a) != "person" or self.actors.state_of(a)]

    # ------------------------------------------------------------------ reported accusations
    def reported_accusations(self, verb: Token, found: list[Found]) -> Iterator[Found]:
        """``verb`` a verb of saying with a "что"-clause; ``found`` the sentence's relations."""
        if negated(verb, self.lexicon) or modality(verb, self.lexicon) != "asserted":
            return
        sayers = self._acting_for_someone(subjects(verb, self.actors))
        if not sayers:
            return
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            inside = _subtree_ids(clause)
            accused: list[str] = []
            for each in found:
                if each.cue.i in inside and each.type in _ACCUSABLE and each.modality == "asserted":
                    accused.append(each.source)
            for token in clause.subtree:
                cue = self.lexicon.verbs.get(plain(token.lemma_))
                if (
                    cue is not None and token.pos_ == "VERB" and cue.type in _ACCUSABLE
                    and cue.polarity < 0 and not negated(token, self.lexicon)
                    and modality(token, self.lexicon) == "asserted"
                    and "Pass" not in feature(token, "Voice")
                ):
                    accused.extend(subjects(token, self.actors))
            accused = [a for a in dict.fromkeys(accused) if a not in sayers]
            sides = {self.actors.state_of(s) for s in sayers}
            accused = [a for a in accused if a not in sides]
            yield from self._emit(sayers, accused, ("ACCUSE", self.lexicon.polarity("ACCUSE")), verb,
                                  "asserted", 0.45)

    # ------------------------------------------------------------------ naming
    def naming(self, verb: Token) -> Iterator[Found]:
        """"назвали X недружественным / важным партнёром", "расценивают X как провокацию"."""
        if negated(verb, self.lexicon):
            return
        named = [c for c in verb.children if c.dep_ == "obj"]
        complement = [
            c for c in verb.children
            if c.dep_ in ("xcomp", "obl") and c.i not in {n.i for n in named} and (
                "Ins" in feature(c, "Case") or preposition(c) in self.lexicon.comparison_preps or c.pos_ == "ADJ"
            )
        ]
        if not named or not complement:
            return
        weight = 0.0
        for word in complement[:1]:
            weight += self.lexicon.evaluations.get(plain(word.lemma_), 0.0)
            for child in word.children:
                if child.dep_ == "amod":
                    weight += self.lexicon.evaluations.get(plain(child.lemma_), 0.0)
        if weight == 0.0:
            return
        typed = ("ACCUSE", -1) if weight < 0 else ("SUPPORT", 1)
        namers = self._acting_for_someone(subjects(verb, self.actors))
        targets = self.actors.group(named[0])
        yield from self._emit(namers, targets, typed, verb, modality(verb, self.lexicon), 0.45)

    # ------------------------------------------------------------------ joint acts
    def joint(self, verb: Token) -> Iterator[Found]:
        """Coordinated subjects or agents of a verb with "совместно/вместе" and no other actor."""
        adverbs = [
            c for c in verb.children
            if c.dep_ == "advmod" and plain(c.lemma_) in self.lexicon.joint_adverbs
        ]
        if not adverbs or negated(verb, self.lexicon):
            return
        parties = subjects(verb, self.actors)
        if len(parties) < 2:
            # the agents of a passive ("принято совместно Лукашенко и Путиным": the parser may
            # hang them on the adverb)
            parties = [
                a for c in (*verb.children, *adverbs[0].children)
                if c.dep_ in _AGENT_DEPS and preposition(c) is None and "Ins" in feature(c, "Case")
                for a in self.actors.group(c)
            ]
        if len(parties) < 2:
            return
        typed = ("COOPERATE", self.lexicon.polarity("COOPERATE"))
        yield from self._emit(parties[:1], parties[1:], typed, verb, modality(verb, self.lexicon), 0.45)
