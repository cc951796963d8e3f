"""The dependency frames of Russian acts between actors, each read from a cue word of
``data/ru/relations.yaml`` in natasha's UD parse. They live in the document index because two
stages read them: the relation stage (``presslens.relations.russian``) emits what they find, and
the stance stage (``presslens.stances.russian``) reads the accusations of experts (which are no
relation between actors) and what a predicate noun is said of.

- verbs: the subject acts on the complement named by the cue's argument slots ("Россия
  поддерживает Армению", "напали на Украину", "ссорится с Россией"); a passive subject is the
  target and a bare instrumental its agent; a coordinated subject with no other actor relates its
  members to each other for reciprocal verbs;
- event nouns: the genitive owner, the demonym adjective or the subject of a light verb acts on
  the complement ("агрессия России против Грузии", "французские поставки Еревану", "ввели санкции
  против Ирана");
- predicate nouns and adjectives: X (the subject, the apposed actor, the object of "превращают в")
  stands in the relation to Y (the noun's genitive or demonym); for a puppet Y is the source;
- circumstances ("по указке Вашингтона", "при поддержке Анкары") and guidance ("выполняет
  указания из Парижа", "задачу, поставленную в Вашингтоне"): the named actor acts on the
  clause's subject;
- two-sided acts (a reciprocal verb or a noun with two owners: "российско-турецкие отношения")
  are one relation from the first named to the others; with no actor in a slot, the neighbour
  across a border the act is on ("на границе с Белоруссией") is the target.

Speech and joint acts are read in ``russian_speech_acts``; acts an object, a stop verb or an intent
carries, visits and reported questions in ``russian_acts``; pronouns, bare nouns and impersonal
sources are resolved in ``russian_reference``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from presslens.index.russian_acts import ActReadings
from presslens.index.russian_frames import (
    SUBJECT_DEPS,
    ActorTokens,
    case_of,
    complements,
    feature,
    modality,
    negated,
    preposition,
    subjects,
)
from presslens.lexicon.russian_relations import DEFAULT_ARGS, RuCue, RuLexicon, plain
from presslens.model import Modality

_AGENT_DEPS = frozenset({"obl", "obl:agent"})
_BODIES = frozenset({"alliance", "organization"})
_FORCE = frozenset({"ASSAULT", "COERCE"})
_TWO_SIDED = frozenset({"COOPERATE", "CONSULT", "AGREE", "ALLY", "ADVERSARY"})


@dataclass(frozen=True)
class Found:
    source: str
    target: str
    type: str
    polarity: int
    modality: Modality
    cue: Token
    confidence: float


class RussianPatterns(ActReadings):
    def __init__(self, actors: ActorTokens, lexicon: RuLexicon) -> None:
        self.actors = actors
        self.lexicon = lexicon

    def find(self, sent: SpacySpan) -> Iterator[Found]:
        lex = self.lexicon
        found: list[Found] = []
        sayers: list[Token] = []
        for token in sent:
            lemma = plain(token.lemma_)
            if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and lemma in lex.verbs):
                cue = self.object_cue(token) or lex.verbs.get(lemma)
                if cue is not None:
                    found.extend(self._verb(token, cue))
                elif (active := self._active_form(lemma)) is not None:
                    # "поставляются Киеву": the reflexive passive of a cue verb
                    found.extend(self._verb(token, lex.verbs[active], reflexive=True))
                if lemma in lex.follow_verbs:
                    found.extend(self._guidance(token))
                if lemma in lex.naming_verbs:
                    found.extend(self.naming(token))
                if lemma in lex.report_verbs:
                    sayers.append(token)
                if lemma in lex.visit_verbs:
                    found.extend(self.visit(token))
                found.extend(self.joint(token))
            elif token.pos_ == "NOUN":
                if lemma in lex.nouns:
                    found.extend(self._event_noun(token, lex.nouns[lemma]))
                if lemma in lex.predicates:
                    found.extend(self._predicate(token, lex.predicates[lemma]))
                if lemma in lex.circumstances:
                    found.extend(self._circumstance(token, lex.circumstances[lemma]))
            if token.pos_ == "ADJ" and lemma in lex.adjectives:
                found.extend(self._predicate(token, lex.adjectives[lemma]))
        for verb in sayers:
            found.extend(list(self.reported_accusations(verb, found)))
        yield from found

    # ------------------------------------------------------------------ helpers
    def _active_form(self, lemma: str) -> str | None:
        """The cue verb a reflexive lemma is the passive of ("поставляться" -> "поставлять")."""
        for ending in self.lexicon.reflexive_endings:
            if lemma.endswith(ending) and lemma[: -len(ending)] in self.lexicon.verbs:
                return lemma[: -len(ending)]
        return None

    def _typed(self, cue: RuCue, token: Token) -> tuple[str, int] | None:
        """The type and polarity the cue states, or None when negated without a negated type."""
        if negated(token, self.lexicon):
            if cue.negated is None:
                return None
            return cue.negated, self.lexicon.polarity(cue.negated)
        if cue.negated_only:
            return None
        return cue.type, cue.polarity

    def _emit(
        self, sources: list[str], targets: list[str], typed: tuple[str, int], cue: Token,
        mode: Modality, confidence: float,
    ) -> Iterator[Found]:
        for source in sources:
            for target in targets:
                if source == target:
                    continue
                polarity = typed[1]
                if typed[0] == "RETREAT" and self.actors.kinds.get(target) in _BODIES:
                    polarity = -1  # leaving an alliance or organisation is a break with it
                yield Found(source, target, typed[0], polarity, mode, cue, confidence)

    def _targets(self, head: Token, args: tuple[str, ...]) -> list[str]:
        """The actors in the cue's argument slots; a prepositional slot may name a place
        ("размещение бригады в Литве"). Without one, the neighbour of a border the act is on
        ("закрытие пунктов пропуска на границе с Белоруссией")."""
        found: list[str] = []
        for child in head.children:
            # compound prepositions with a noun ("в адрес X"): the noun's genitive is the target
            prep = preposition(child)
            if prep is not None and f"{prep}_{plain(child.lemma_)}" in args:
                for owner in child.children:
                    if owner.dep_ == "nmod" and preposition(owner) is None:
                        found.extend(a for a in self.actors.group(owner, places=True) if a not in found)
        for arg in complements(head, args):
            group = self.actors.group(arg, places=preposition(arg) is not None)
            if not group and plain(arg.lemma_) in self.lexicon.membership_nouns:
                group = self._targets(arg, tuple(sorted(self.lexicon.membership_preps)))  # "заморозил участие в ОДКБ"
            found.extend(a for a in group if a not in found)
        if found:
            # "предупреждал и Баку, и Ереван": the parser may hang the second member on the verb
            for child in head.children:
                if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
                    found.extend(a for a in self.actors.at(child) if a not in found)
        return found or self._across_border(head)

    def _across_border(self, head: Token, depth: int = 5) -> list[str]:
        """X of "граница с X" among the cue's dependents (a few levels down)."""
        for child in head.children:
            if child.dep_ not in ("obj", "obl", "nmod", "nsubj:pass"):
                continue
            if plain(child.lemma_) in self.lexicon.border_nouns:
                return [
                    a for c in child.children if c.dep_ == "nmod" and preposition(c) in self.lexicon.border_preps
                    for a in self.actors.group(c, places=True)
                ]
            if depth > 1:
                found = self._across_border(child, depth - 1)
                if found:
                    return found
        return []

    # ------------------------------------------------------------------ verbs
    def _verb(self, verb: Token, cue: RuCue, reflexive: bool = False) -> Iterator[Found]:
        if cue.objects and not any(c.dep_ == "obj" and plain(c.lemma_) in cue.objects for c in verb.children):
            return
        typed = self._typed(cue, verb)
        if typed is None:
            return
        if typed[0] == "REQUEST" and any(
            c.dep_ == "xcomp" and plain(c.lemma_) in self.lexicon.cessation_verbs for c in verb.children
        ):
            typed = ("REQUEST", -1)  # asked to stop what it does
        typed, mode = self.intended(verb, typed, modality(verb, self.lexicon))
        passive = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if passive is None and reflexive:
            passive = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if passive is not None or reflexive or "Pass" in feature(verb, "Voice"):
            targets = self.actors.group(passive) if passive is not None else []
            sources: list[str] = []
            for child in verb.children:
                if child.dep_ in _AGENT_DEPS and preposition(child) is None and "Ins" in feature(child, "Case"):
                    sources.extend(self.actors.group(child))
            receivers = self._targets(verb, tuple(a for a in cue.args if a in ("dat", "iobj")))
            if passive is not None and receivers and not self.actors.at(passive):
                # "турецкие беспилотники поставляются Киеву": the goods' owner hands them over
                sources, targets = targets, receivers
        else:
            sources = subjects(verb, self.actors)
            targets = self._targets(verb, cue.args) or self.posting(verb, cue)
        if cue.reverse:
            sources, targets = targets, sources
        if not targets and len(sources) > 1 and plain(verb.lemma_) in self.lexicon.reciprocal:
            # a two-sided act is one relation from the first named to the others, the PLOVER
            # coding of a joint event ("Турция и Азербайджан согласуют" -> Turkey, Azerbaijan)
            yield from self._emit(sources[:1], sources[1:], typed, verb, mode, 0.5)
            return
        yield from self._emit(sources, targets, typed, verb, mode, 0.6)

    # ------------------------------------------------------------------ event nouns
    def _event_noun(self, noun: Token, cue: RuCue) -> Iterator[Found]:
        head = noun.head
        head_lemma = plain(head.lemma_)
        lex = self.lexicon
        menace = noun.dep_ in ("obj", "obl", "iobj") and head_lemma in lex.menace_heads
        ready = noun.dep_ in ("obj", "obl", "nmod", "iobj") and head_lemma in lex.ready_heads
        light = menace or ready or (
            noun.dep_ in ("obj", "nsubj:pass") and head_lemma in lex.light_verbs
        ) or self.own_act_head(noun) or (
            # "Баку называет сотрудничество с Израилем ...": who names a joint act its party
            noun.dep_ == "obj" and head_lemma in lex.naming_verbs and cue.type in _TWO_SIDED
            and not cue.joint_only
        )
        typed = self._typed(cue, head if light else noun)
        if typed is None:
            return
        typed = self.stopped(noun, typed)
        if menace and typed[1] < 0:
            typed = ("THREATEN", lex.polarity("THREATEN"))  # an act of force held out
        sources: list[str] = []
        for child in noun.children:
            if child.dep_ in ("amod", "det", "nmod:poss") or (
                child.dep_ == "nmod" and preposition(child) is None and "gen" not in cue.args
                and "Gen" in feature(child, "Case")
            ):
                sources.extend(a for a in self.actors.group(child) if a not in sources)
        if not sources and light:
            sources = subjects(head, self.actors)
            if not sources and head.pos_ == "NOUN" and head.dep_ in ("obl", "obj", "nmod"):
                sources = subjects(head.head, self.actors)  # "заявила о готовности к ..."
        targets = self._targets(noun, cue.args)
        if not targets:
            # "поставки оружия Еревану": the parser may hang the recipient on the goods
            for child in noun.children:
                if child.dep_ == "nmod" and preposition(child) is None and not self.actors.at(child):
                    targets.extend(a for a in self._targets(child, ("dat", "iobj")) if a not in targets)
        if light:
            targets.extend(a for a in self._targets(head, cue.args) if a not in targets)
        elif not targets and "dat" in cue.args and noun.dep_ in ("nsubj", "obj") and (
            plain(head.lemma_) not in self.lexicon.verbs
        ):
            # the parser hangs the noun's dative on the clause's verb ("поставки оружия
            # Еревану не укрепляют ...")
            targets = self._targets(head, ("dat",))
        if not targets and noun.dep_ == "nsubj" and typed[0] in _FORCE:
            # "удары повредили иранские объекты": the act of force hits the verb's object
            targets = self._targets(head, ("obj",))
        mode = modality(head if light else noun, self.lexicon)
        if cue.joint_only:
            targets = []
        if not targets and len(sources) > 1:
            if typed[0] in _TWO_SIDED and not self._spoiled(noun) and not (light and self.agreed_act(head)):
                # "российско-турецкие отношения", "отношения Путина и Эрдогана": a joint act,
                # one relation from the first named to the others
                yield from self._emit(sources[:1], sources[1:], typed, noun, mode, 0.5)
            if noun.dep_ != "nmod":
                return
        if cue.joint_only:
            return
        yield from self._emit(sources, targets, typed, noun, mode, 0.5)

    def _spoiled(self, noun: Token) -> bool:
        """A two-sided noun the sentence judges badly ("отношения испорчены", "враждебные
        отношения"): the cooperation is not stated."""
        words = [noun.head, *noun.children, *noun.head.children]
        return any(
            self.lexicon.evaluations.get(plain(w.lemma_), 0.0) < 0 or plain(w.lemma_) in self.lexicon.spoiling_words
            for w in words
        ) or negated(noun.head, self.lexicon)

    # ------------------------------------------------------------------ predicates
    def predicated_of(self, word: Token) -> list[str]:
        """X of "X — марионетка Y", "X стал марионеткой", "превращают X в форпост", "X, союзник
        Y" and "союзник Y X"."""
        for child in word.children:
            if child.dep_ in ("nsubj", "nsubj:pass"):
                return self.actors.group(child)
        for child in word.children:
            if child.dep_ in ("appos", "flat:name") and self.actors.at(child):
                return self.actors.group(child)
        head = word.head
        verb = plain(head.lemma_)
        if word.dep_ == "nmod" and head.i != word.i and (
            plain(head.lemma_) in self.lexicon.role_nouns
            or (preposition(word) in self.lexicon.partitive_preps and verb in self.lexicon.partitive_words)
        ):
            return self.predicated_of(head)  # "роль плацдарма", "один из партнёров"
        if word.dep_ == "appos" or (word.dep_ == "amod" and word.pos_ == "NOUN"):
            return self.actors.group(head)
        if word.dep_ in ("xcomp", "obl", "obj", "advcl") and head.i != word.i:
            if verb in self.lexicon.predicating_verbs:
                for child in head.children:
                    if child.dep_ == "obj" and child.i != word.i:
                        return self.actors.group(child)
            if verb in self.lexicon.becoming_verbs or verb in self.lexicon.predicating_verbs or (
                word.dep_ == "obj" and plain(word.lemma_) in self.lexicon.role_nouns
            ):
                return subjects(head, self.actors)  # "выполняют роль кордона", "играет роль"
        return []

    def _owners(self, word: Token, cue: RuCue) -> list[str]:
        """Y of a predicate: the noun's genitive, demonym adjective or dative, or the adjective's
        argument slots; for a noun that is a clause's subject, "у Y" on its verb ("у Армении
        остаётся одна опора — Россия")."""
        if word.pos_ == "ADJ":
            return self._targets(word, cue.args)
        found: list[str] = []
        preps = {*self.lexicon.possessor_preps, *self.lexicon.beneficiary_preps, *(a for a in cue.args if a not in DEFAULT_ARGS)}  # "кордон против X"
        for child in word.children:
            if (
                child.dep_ in ("nmod", "amod", "det", "nmod:poss", "iobj")
                and (preposition(child) is None or preposition(child) in preps)
                and (child.dep_ != "nmod" or case_of(child) in ("Gen", "Dat"))
            ):
                found.extend(a for a in self.actors.group(child) if a not in found)
        if not found and word.dep_ == "nsubj":
            for child in word.head.children:
                if preposition(child) in self.lexicon.possessor_preps:
                    found.extend(self.actors.group(child))
        return found

    def _predicate(self, word: Token, cue: RuCue) -> Iterator[Found]:
        typed: tuple[str, int] | None = (cue.type, cue.polarity)
        if negated(word, self.lexicon) or (word.dep_ != "ROOT" and negated(word.head, self.lexicon)):
            # "никогда не была союзником России": a refusal where the lexicon says so
            typed = (cue.negated, self.lexicon.polarity(cue.negated)) if cue.negated else None
        if typed is None:
            return
        xs = self.predicated_of(word)
        ys = [y for y in self._owners(word, cue) if y not in xs]
        if not xs or not ys:
            return
        sources, targets = (ys, xs) if cue.reverse else (xs, ys)
        mode = modality(word if word.dep_ == "ROOT" else word.head, self.lexicon)
        yield from self._emit(sources, targets, typed, word, mode, 0.55)

    # ------------------------------------------------------------------ circumstances
    def _circumstance(self, noun: Token, cue: RuCue) -> Iterator[Found]:
        if preposition(noun) is None or noun.dep_ not in ("obl", "nmod", "advmod"):
            return
        verb = noun.head
        guides: list[str] = []
        for child in noun.children:
            if child.dep_ in ("amod", "det", "nmod:poss") or (child.dep_ == "nmod" and (preposition(child) is None or preposition(child) in self.lexicon.guidance_preps)):
                guides.extend(a for a in self.actors.group(child) if a not in guides)
        actors = subjects(verb, self.actors) if verb.pos_ in ("VERB", "ADJ", "AUX") else self.actors.group(verb)
        typed = self._typed(cue, verb)
        if typed is None:
            return
        yield from self._emit(guides, actors, typed, noun, modality(verb, self.lexicon), 0.5)

    def _guidance(self, verb: Token) -> Iterator[Found]:
        """"выполняет указания из Парижа": the guide controls the one who follows."""
        for obj in verb.children:
            if obj.dep_ not in ("obj", "obl", "iobj") or plain(obj.lemma_) not in self.lexicon.guidance_nouns:
                continue
            guides: list[str] = []
            for child in obj.children:
                prep = preposition(child)
                if child.dep_ in ("amod", "det", "nmod:poss") or (
                    child.dep_ == "nmod" and (prep is None or prep in self.lexicon.guidance_preps)
                ):
                    guides.extend(a for a in self.actors.group(child) if a not in guides)
                elif child.dep_ in ("acl", "acl:relcl"):
                    # "задачу, поставленную в Вашингтоне", "формулы, которые пишут в Вашингтоне":
                    # where the order was given is who gave it
                    if child.dep_ == "acl:relcl" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
                        continue
                    for place in child.children:
                        if place.dep_ == "obl" and preposition(place) in self.lexicon.impersonal_preps:
                            guides.extend(a for a in self.actors.group(place, places=True) if a not in guides)
            if negated(verb, self.lexicon):
                continue
            followers = subjects(verb, self.actors)
            yield from self._emit(
                guides, followers, ("CONTROL", self.lexicon.polarity("CONTROL")), obj,
                modality(verb, self.lexicon), 0.55,
            )
