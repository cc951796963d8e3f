"""Acts a noun, an object or an intent carries in a Russian clause (mixed into
``russian_patterns.RussianPatterns``), the readings the English stage has (``verb_frames``,
``noun_frames``), each from word lists of ``data/ru/relations.yaml``:

- objects that decide a verb's act (``object_cues``): a state's envoys expelled is a SANCTION
  against that state ("выслал российских дипломатов"; other people expelled stay COERCE), an
  ambassador recalled from X a PROTEST against X ("отозвал посла из Баку"), captives released a
  RETREAT ("освободила украинских военнопленных");
- stopped or reduced help (``stop_verbs``): ending or cutting an act of help or engagement is a
  SANCTION ("приостановил военную помощь Нигеру", "прекратил сотрудничество с X"); ending one's
  own hostile act a RETREAT; an end only asked for ("призвали прекратить удары") names the act;
- the same with a stop noun the subject announces ("объявила о приостановке авиасообщения с X");
- an act announced or declared ("объявил о приостановке ...", "заявил о поддержке X"): the
  "о"-noun is the subject's own act (``announcing_verbs``);
- stated intent (``intent_words``): "X готов направить инженеров в Y", "намерен помочь" is AGREE
  in the future, a hostile act so announced a THREATEN;
- a visit (``visit_verbs``): a person or body acting for a state who arrives in another state or
  its capital consults it (visitor -> host), never forces, private people or one's own state;
- a reported question ("спросили, считает ли Анкара ...") states nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.index.russian_frames import complements, modality, negated, preposition, subjects
from presslens.index.russian_speech_acts import SpeechActs
from presslens.lexicon.russian_relations import DEFAULT_ARGS, RuCue, RuLexicon, plain
from presslens.model import Modality

if TYPE_CHECKING:
    from presslens.index.russian_patterns import Found

# hostile acts stated as intent that are still refusals or words, not threats
_NOT_THREATS = frozenset({"REJECT", "PROTEST", "ACCUSE"})
_VISITORS = frozenset({"person", "institution"})


def in_reported_question(token: Token, lexicon: RuLexicon, depth: int = 6) -> bool:
    """Whether ``token`` stands in a "ли"-clause under a verb of asking ("спросили, считает ли
    Анкара Париж противником", "поинтересовался, нападёт ли Баку")."""
    node = token
    for _ in range(depth):
        head = node.head
        if head.i == node.i:
            return False
        if any(plain(c.lemma_) in lexicon.question_particles for c in node.children) and plain(head.lemma_) in lexicon.question_verbs:
            return True
        node = head
    return False


class ActReadings(SpeechActs):
    """The mixin; ``RussianPatterns`` provides ``_emit`` and ``_targets``."""

    def _targets(self, head: Token, args: tuple[str, ...]) -> list[str]:
        raise NotImplementedError

    # ------------------------------------------------------------------ verbs
    def object_cue(self, verb: Token) -> RuCue | None:
        """The reading a verb takes with the object it has ("выслать дипломатов": SANCTION)."""
        readings = self.lexicon.object_cues.get(plain(verb.lemma_))
        if not readings:
            return None
        objects = {plain(c.lemma_) for c in verb.children if c.dep_ == "obj"}
        return next((cue for cue in readings if cue.objects & objects), None)

    def posting(self, verb: Token, cue: RuCue) -> list[str]:
        """The state an envoy is posted to, named on the object of an object-decided cue
        ("отозвала своего посла в Азербайджане")."""
        preps = tuple(a for a in cue.args if a not in DEFAULT_ARGS)
        if not cue.objects or not preps:
            return []
        return [
            a for obj in verb.children if obj.dep_ == "obj" and plain(obj.lemma_) in cue.objects
            for a in self._targets(obj, preps)
        ]

    def intended(self, verb: Token, typed: tuple[str, int], mode: Modality) -> tuple[tuple[str, int], Modality]:
        """The type and modality of an act only stated as intent ("готов направить", "намерен
        поддержать"): AGREE, or THREATEN for a hostile act, in the future."""
        if verb.dep_ != "xcomp" or verb.head.i == verb.i or plain(verb.head.lemma_) not in self.lexicon.intent_words:
            return typed, mode
        if typed[1] < 0 and typed[0] not in _NOT_THREATS:
            return ("THREATEN", self.lexicon.polarity("THREATEN")), "future"
        return ("AGREE", self.lexicon.polarity("AGREE")), "future"

    def visit(self, verb: Token) -> Iterator[Found]:
        """"Лавров прибыл в Анкару": an official or body of one state visiting another consults
        it."""
        if negated(verb, self.lexicon):
            return
        hosts = [
            a for arg in complements(verb, self.lexicon.visit_preps)
            for a in self.actors.group(arg, places=True) if self.actors.kinds.get(a) == "country"
        ]
        if not hosts:
            return
        mode = modality(verb, self.lexicon)
        typed = ("CONSULT", 1)
        for visitor in subjects(verb, self.actors):
            state = self.actors.state_of(visitor)
            if self.actors.kinds.get(visitor) not in _VISITORS or state is None:
                continue
            yield from self._emit([visitor], [h for h in hosts if h != state], typed, verb, mode, 0.5)

    # ------------------------------------------------------------------ event nouns
    def own_act_head(self, noun: Token) -> bool:
        """Whether the noun's head makes the noun its subject's own act: a stop verb taking it as
        object ("приостановил помощь"), unless the stop is only asked for ("призвали прекратить
        удары"), or a verb of announcing with "о" ("объявил о приостановке")."""
        head = noun.head
        lemma = plain(head.lemma_)
        if noun.dep_ in ("obl", "nmod") and preposition(noun) in self.lexicon.topic_preps:
            return lemma in self.lexicon.announcing_verbs
        if self._under_stop_noun(noun):
            return True
        if noun.dep_ not in ("obj", "nsubj:pass") or lemma not in self.lexicon.stop_verbs:
            return False
        return not self._asked(head)

    def _under_stop_noun(self, noun: Token) -> bool:
        """"объявил о приостановке сотрудничества с X": the genitive of a stop noun that is
        itself the subject's own act (announced, or the object of a light verb)."""
        head = noun.head
        if noun.dep_ != "nmod" or preposition(noun) is not None or plain(head.lemma_) not in self.lexicon.stop_nouns:
            return False
        verb = plain(head.head.lemma_)
        if head.dep_ in ("obl", "nmod") and preposition(head) in self.lexicon.topic_preps:
            return verb in self.lexicon.announcing_verbs
        return head.dep_ == "obj" and verb in self.lexicon.light_verbs

    def agreed_act(self, verb: Token) -> bool:
        """Whether ``verb`` is the complement of an agreement ("договорились возобновить
        консультации"): PLOVER codes the act agreed as the AGREE, which the agreeing verb
        states."""
        cue = self.lexicon.verbs.get(plain(verb.head.lemma_))
        return verb.dep_ == "xcomp" and verb.head.i != verb.i and cue is not None and cue.type == "AGREE"

    def _asked(self, verb: Token) -> bool:
        asker = verb.head
        cue = self.lexicon.verbs.get(plain(asker.lemma_))
        return verb.dep_ == "xcomp" and asker.i != verb.i and cue is not None and cue.type == "REQUEST"

    def stopped(self, noun: Token, typed: tuple[str, int]) -> tuple[str, int]:
        """The act of stopping the noun's act: help or engagement stopped is a SANCTION, one's own
        hostile act stopped a RETREAT."""
        head = noun.head
        if not self._under_stop_noun(noun) and (
            noun.dep_ not in ("obj", "nsubj:pass") or plain(head.lemma_) not in self.lexicon.stop_verbs
            or self._asked(head)
        ):
            return typed
        if typed[1] < 0 or typed[0] in ("SANCTION", "THREATEN"):
            return "RETREAT", self.lexicon.polarity("RETREAT")
        return "SANCTION", self.lexicon.polarity("SANCTION")
