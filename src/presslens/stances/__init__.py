"""Stances: how each holder (a quoted speaker, or the outlet in its own unquoted text) portrays
each actor, as a score in [-1, 1] with the evidence spans behind it.

Two kinds of evidence are summed per (holder, target):

1. Relations the holder asserts. A conflictual relation (ASSAULT, COERCE, ACCUSE, ...) portrays
   its source negatively; when the source is the holder's own side ("we", the speaker's state)
   it portrays the target as the adversary instead, and when the target is the holder's side the
   source counts double. CONTROL portrays both ends negatively: the controller as hostile, the
   controlled one as a puppet without a will of its own. Material help (AID, SUPPORT, ALLY, ...)
   toward the holder's side portrays its source favourably; working together (COOPERATE,
   CONSULT, AGREE) weighs less. Between third parties the holder's view of the other party is
   passed on: backing an actor the holder opposes is hostile, backing one it favours friendly;
   attacking an actor the holder favours is worse, and acting against one the holder opposes is
   no mark against the actor. Verbal conflict (ACCUSE, REJECT, PROTEST) weighs less than
   material conflict, a hypothetical relation half. The outlet reporting events in its own voice
   weighs less than a speaker asserting them, unless it speaks as a nation. What the holder's
   side is asked to do is not done ("Brussels wants us to recognise X"). An accusation or protest
   the outlet reports of a quoted body ("the ministry accused the EU of blackmail") is that body's
   stance.
2. Evaluative language (``language``, ``data/stance_lexicon.yaml``): evaluative nouns and
   adjectives predicated of an actor or modifying it, verbs and verb phrases portraying their
   subject, blame, verbs of the holder's own judgement ("I blame X"), sarcasm markers
   ("so-called", scare quotes, "as if") and victims of acts of force. Opinion about an actor's
   action counts toward the actor. Evaluations inside what somebody else says or thinks are that
   somebody's, not the holder's.

The holder's own side (``sides``): what an analyst or a former official says of their own state
counts like any stance — portrayed as a victim of the conflict others bring to it, as a helper,
or in evaluative words — but needs a clearer score (``OWN_THRESHOLD``); an office-holder or state
body speaking of its own state says it by office and is not reported. A mutual act ("A and B
fought") singles out neither side. The outlet's own voice counts events as its stance only when
that voice evaluates somewhere in the article or asks its readers a question in its own prose (an
op-ed); a wire report relating events takes no side. Interview prompts and questions are not the
outlet's voice.

Only stances with |score| >= ``THRESHOLD`` are emitted; the score is the clipped sum.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from presslens.index import DocumentIndex
from presslens.lexicon import relation_lexicon, word_set
from presslens.model import Document, Relation, Stance
from presslens.stances.language import EvaluativeLanguage, Said, Tokens
from presslens.stances.lexicon import stance_words
from presslens.stances.sides import OUTLET, Sides
from presslens.stances.tally import (
    CONTROLLED,
    COOPERATION,
    HYPOTHETICAL,
    MATERIAL_CONFLICT,
    OUTLET_FACTOR,
    VERBAL_CONFLICT,
    VERBAL_TYPES,
    WEAK_COOPERATION,
    WEAK_TYPES,
    Tally,
    cue_start,
    mutual_acts,
    propagate,
)
from presslens.syntax import FIRST_PERSON, ArgumentReader

__all__ = ["OWN_THRESHOLD", "SIDE_FIGURE_THRESHOLD", "THRESHOLD", "extract_stances"]

THRESHOLD = 0.25
OWN_THRESHOLD = 0.5  # a holder's stance toward its own side must be clearer
SIDE_FIGURE_THRESHOLD = 0.6  # toward an actor the holder names once, as one of a list
_DEEDS = frozenset({"verb", "anaphor"})  # kinds of evidence that tell what an actor did
_EVENT_NOUNS = word_set("evaluation", "event_nouns")  # nouns of acts: related like verbs
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})  # their nouns name victims
# reported of a quoted body, with the polarity they must have: accusing, protesting, threatening
# and backing in words (not denials, not deeds)
_SPEECH_ACTS = {"ACCUSE": -1, "PROTEST": -1, "THREATEN": -1, "SUPPORT": 1}
_VICTIM = 0.3  # the holder's own side as the target of others' conflict (times the conflict weight)
_HELPER = 0.4  # the holder's own side helping others (times the cooperation weight)


def _listed(token: Token) -> bool:
    """One of a list: "Washington and Paris", "by Brussels and by Bucharest"."""
    if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
        return True
    prep = token.head
    return token.dep_ == "pobj" and (prep.dep_ == "conj" or any(c.dep_ == "conj" for c in prep.children))


class _Stances:
    def __init__(self, doc: Document, sdoc: Doc, index: DocumentIndex) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.words = stance_words()
        tokens = Tokens.of(sdoc)  # made once: every pass below walks them
        self.sides = Sides(doc, sdoc, index, tokens)
        # the outlet's "we" is its side; plural pronouns read more widely (see the index)
        self.index = index.with_wider_references(self.sides.outlet_side)
        lexicon = relation_lexicon()
        self.language = EvaluativeLanguage(
            sdoc, self.index, ArgumentReader(self.index), self.words, self.index.relational_nouns,
            [(q.start, q.end) for q in doc.quotes], tokens,
        )
        self.victim_nouns = {
            noun: cue.preps for noun, cue in lexicon.nouns.items()
            if cue.type in _FORCE_TYPES and cue.preps
        }
        # (the index's speakers: a quoted post is its author's)
        self.speakers = sorted({q.speaker for q in index.quote_spans if q.speaker is not None})
        self.tally: dict[tuple[str, str], Tally] = defaultdict(Tally)
        self.victims: dict[tuple[str, str, tuple[int, int]], dict[str | None, float]] = {}
        self.reported: set[tuple[str, str]] = set()  # (speaker, target) of reported speech acts
        # whether the article's own voice uses evaluative language at all (an op-ed, not a wire
        # report) or speaks as a nation ("our country"): only then do the events it relates in
        # that voice count as its stance
        self.outlet_evaluates = self.sides.outlet_side is not None or self.sides.asks_rhetorically()

    # ------------------------------------------------------------------ evidence
    def _line(self, start: int, end: int, char: int) -> tuple[int, int]:
        """The line of a sentence holding ``char``, trimmed of space and quotation marks."""
        text = self.doc.text
        line_start = text.rfind("\n", start, char) + 1 or start
        line_end = text.find("\n", char, end)
        start, end = max(start, line_start), end if line_end < 0 else line_end
        while start < end and (text[start].isspace() or text[start] in "\"'“”«»„‘’–-"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def add(self, holder: str, target: str, weight: float, span: tuple[int, int]) -> None:
        if weight == 0.0 or target == holder:
            return
        if target in self.sides.own(holder) and not self.sides.may_portray_own_side(holder):
            return  # said by office, or the outlet of itself
        self.tally[(holder, target)].add(weight, span)

    def add_victim(
        self, holder: str, target: str, weight: float, span: tuple[int, int], source: str | None = None
    ) -> None:
        """A victim of each attacker once per sentence: the noun of an act ("Russia's occupation
        of our land", ``source`` None) and the relation read from it count once."""
        acts = self.victims.setdefault((holder, target, span), {})
        if source is None:
            if not acts:
                acts[None] = weight
                self.add(holder, target, weight, span)
            return
        if None in acts:
            self.add(holder, target, -acts.pop(None), span)
        if source not in acts:
            acts[source] = weight
            self.add(holder, target, weight, span)

    def view(self, holder: str, target: str) -> float:
        tally = self.tally.get((holder, target))
        return tally.score if tally is not None else 0.0

    # ------------------------------------------------------------------ language
    def from_language(self) -> None:
        evaluations: list[Said] = []
        seen: set[tuple[int, str]] = set()
        for said in (*self.language.words_said(), *self.language.sarcasm()):
            if (said.token.i, said.kind) not in seen:
                seen.add((said.token.i, said.kind))
                evaluations.append(said)
        # A report tells what actors did ("Ankara offers to mediate", "X won the vote", "Russia
        # meddled in the vote", "Mueller's indictment of X") without judging them; words that
        # judge ("liar", "the regime", "so-called") mark a voice that evaluates (an op-ed). Deeds
        # the outlet relates, by a verb or by a noun of the act, count only in such a voice.
        deeds: list[Said] = []
        for said in evaluations:
            holder = self.sides.holder_at(said.token.idx)
            if holder is None or not self._holders_own_words(holder, said):
                continue
            if holder == OUTLET and (
                said.kind in _DEEDS
                or (said.kind == "word" and said.token.lemma_.lower() in _EVENT_NOUNS)
            ):
                deeds.append(said)  # what an actor did, related: "Russian interference in X"
                continue
            if holder == OUTLET:
                self.outlet_evaluates = True
            self._add_said(holder, said)
        # Scare quotes in a wire report attribute words ("what they call X"), and a report names
        # the victims of an attack as a matter of fact: in the outlet's voice they count only
        # where that voice evaluates otherwise.
        for said in (*deeds, *self.language.scare_quotes(self.doc.text), *self.language.victims(self.victim_nouns)):
            holder = self.sides.holder_at(said.token.idx)
            if holder is None or (holder == OUTLET and not self.outlet_evaluates):
                continue
            if said.kind == "scare" or self._holders_own_words(holder, said):
                self._add_said(holder, said)

    def _holders_own_words(self, holder: str, said: Said) -> bool:
        """Not inside what somebody else says or thinks ("critics say that X is a puppet")."""
        if said.reporter is None or said.reporter.lower_ in FIRST_PERSON:
            return True
        quote = self.index.quote_at(said.token.idx)
        if quote is not None and not quote.start <= said.reporter.idx < quote.end:
            return True  # the verb that attributes this very quote
        ids, _ = self.index.phrase(said.reporter)
        return holder in ids or (holder == OUTLET and self.index.outlet_id in ids)

    def _add_said(self, holder: str, said: Said) -> None:
        sent = said.token.sent
        span = self._line(sent.start_char, sent.end_char, said.token.idx)
        for target in said.targets:
            if said.kind == "victim":
                self.add_victim(holder, target, said.weight, span)
            else:
                self.add(holder, target, said.weight, span)

    # ------------------------------------------------------------------ relations
    def _token_at(self, char: int) -> Token | None:
        span = self.sdoc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _reported_speaker(self, relation: Relation) -> str | None:
        """The quoted speaker whose speech act the outlet reports ("the ministry accused the EU
        of blackmail"): a speaker of the article that is the relation's source, or a body (a
        ministry, an embassy) acting for it. A state quoted by its name stands for some office
        the article does not name, and is left out."""
        found = [
            speaker for speaker in self.speakers
            if self.index.kinds.get(speaker) != "country"
            and (speaker == relation.source or self.index.normal(speaker) == relation.source)
        ]
        return found[0] if len(found) == 1 else None

    def from_relations(self, relations: list[Relation]) -> None:
        deferred: list[tuple[str, Relation, float]] = []
        puppets: set[tuple[str, str, tuple[int, int]]] = set()
        mutual = mutual_acts(relations)
        for relation in relations:
            # whether the cue word, not just the sentence, stands inside a quote (a relation
            # made without a cue is read at its evidence)
            cue = cue_start(relation)
            holder = self.sides.holder_at(cue)
            if holder is None:
                continue
            cue_token = self._token_at(cue)
            if cue_token is not None and relation.type != "REQUEST" and self.language.unasserted(cue_token):
                continue  # "Brussels wants us to recognise Kosovo": asked of us, not done
            if mutual(relation):
                continue  # "Baku and Yerevan fought": a mutual act singles out no side
            if holder == OUTLET and relation.type in _SPEECH_ACTS and relation.polarity == _SPEECH_ACTS[relation.type]:
                speaker = self._reported_speaker(relation)
                if speaker is not None:
                    self.reported.add((speaker, relation.target))
                    weight = VERBAL_CONFLICT if relation.polarity < 0 else COOPERATION
                    self.add(speaker, relation.target, relation.polarity * weight, (relation.start, relation.end))
            if holder == OUTLET and not self.outlet_evaluates:
                continue  # a report in a neutral voice takes no side by relating events
            own = self.sides.own(holder)
            # the outlet relating events in its own voice weighs less, unless that voice speaks
            # as a nation (an op-ed in the first person plural is as partisan as a speaker)
            factor = OUTLET_FACTOR if holder == OUTLET and self.sides.outlet_side is None else 1.0
            quote = self.index.quote_at(cue)
            if relation.modality == "hypothetical" and (quote is None or quote.kind != "indirect"):
                # (in reported speech "would" is the future: "said that X would support Y")
                factor *= HYPOTHETICAL
            span = (relation.start, relation.end)
            source, target = relation.source, relation.target
            if relation.polarity < 0:
                weight = factor * (VERBAL_CONFLICT if relation.type in VERBAL_TYPES else MATERIAL_CONFLICT)
                if source in own:
                    self.add(holder, target, -weight, span)
                elif target in own:
                    self.add(holder, source, -2 * weight, span)
                    self.add_victim(holder, target, _VICTIM * weight, span, source)
                else:
                    self.add(holder, source, -weight, span)
                    if relation.type != "CONTROL":
                        deferred.append((holder, relation, weight))
                    elif (holder, target, span) not in puppets:
                        # one puppet however many masters the sentence names
                        puppets.add((holder, target, span))
                        self.add(holder, target, -CONTROLLED * factor, span)
            elif relation.polarity > 0:
                weight = factor * (WEAK_COOPERATION if relation.type in WEAK_TYPES else COOPERATION)
                if target in own:
                    self.add(holder, source, weight, span)
                elif source in own:
                    if relation.type not in WEAK_TYPES:  # offering talks says nothing of the other
                        self.add(holder, target, weight, span)
                    self.add(holder, source, _HELPER * weight, span)
                else:
                    deferred.append((holder, relation, weight))
        propagate(self.tally, deferred, self.add, THRESHOLD)

    # ------------------------------------------------------------------ output
    def _side_figures(self) -> set[tuple[str, str]]:
        """(holder, actor) where the holder names the actor once, as one of a list ("advisers
        from Washington and Paris"), and never again: a side figure of the holder's text."""
        named: dict[tuple[str, str], list[bool]] = defaultdict(list)  # in a list, per naming
        for i, ids in (*self.index.by_token.items(), *self.index.places.items()):
            token = self.sdoc[i]
            if token.pos_ == "PRON":
                continue
            root = token
            while root.dep_ in ("compound", "flat") and root.head.i != root.i and ids == self.index.by_token.get(root.head.i):
                root = root.head
            if root.i != i:
                continue  # one naming per mention
            listed = _listed(root)
            holder = self.sides.holder_at(token.idx)
            if holder is not None:
                for actor_id in ids:
                    named[(holder, actor_id)].append(listed)
        return {key for key, listed in named.items() if len(listed) == 1 and listed[0]}

    def stances(self) -> list[Stance]:
        out = []
        side_figures = self._side_figures() - self.reported
        for (holder, target), tally in sorted(self.tally.items()):
            score = tally.clipped
            if target in self.sides.own(holder):
                threshold = OWN_THRESHOLD
            elif (holder, target) in side_figures:
                threshold = SIDE_FIGURE_THRESHOLD  # only ever one of a list: a side figure
            else:
                threshold = THRESHOLD
            if abs(score) < threshold or self.doc.actor(target) is None:
                continue
            out.append(tally.stance(holder, target))
        return out


def extract_stances(doc: Document, sdoc: Doc, index: DocumentIndex) -> list[Stance]:
    """Stances of every holder toward every actor, from the document's relations (read at their
    cue words) and from evaluative language."""
    run = _Stances(doc, sdoc, index)
    run.from_language()
    run.from_relations(doc.relations)
    return run.stances()
