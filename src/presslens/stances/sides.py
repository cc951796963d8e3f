"""Whose side a holder is on: a speaker's state, the outlet's country, office-holders.

- A speaker's side is the affiliation the document index finds for its "we" (the state of a
  ministry, the demonym next to an expert's name: "the Serbian political scientist X").
- An office-holder (a spokeswoman, a minister, a deputy, a head of state in the gazetteer) and a
  state body speak for their side by office: what they say of it is no stance of theirs. Anyone
  else (an analyst, a former diplomat) may portray their own side, and that is a stance.
- The outlet has a side when its own voice speaks as a nation ("our country", "our land", "our
  western neighbours"): the country its own voice names most often. Its "we/our/us" then stands
  for that country.
- Interview prompts ("– Mr X, what do you see?") and questions are not the outlet's own voice.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from presslens.index import DocumentIndex
from presslens.lexicon import word_set
from presslens.metadata_dates import alternatives
from presslens.model import Document
from presslens.stances.language import Tokens
from presslens.textutil import DASHES

OUTLET = "outlet"
_NATION_NOUNS = word_set("evaluation", "nation_nouns")  # "our country": speaking as a nation
_NATION_OWNERS = word_set("evaluation", "nation_owners")
# "Q: ...", "Question. ...": an interviewer's turn (data/en/quotes.yaml ``interview_labels``)
_PROMPT = re.compile(rf"(?:{alternatives(word_set('quotes', 'interview_labels'))})\s*[:.]\s", re.IGNORECASE)
# sentence-opening attributions: "According to X,", "In X's view,", "As X put it," ("{name}" in
# the data is any one word)
_FRAMES = re.compile(
    r"\s*(?:"
    + alternatives({*word_set("quotes", "source_phrases"), *word_set("evaluation", "opening_frames")})
    .replace(re.escape("{name}"), r"\w+")
    + r")\b",
    re.IGNORECASE,
)
_COUNTED_ROLES = frozenset({"name", "metonym", "demonym", "acronym"})


class Sides:
    def __init__(self, doc: Document, sdoc: Doc, index: DocumentIndex, tokens: Tokens) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.tokens = tokens
        self.index = index
        # each token's sentence, and each sentence's (start char, end char, ends in a question):
        # asked for every stance candidate, where Token.sent would walk the sentence each time
        starts = sdoc.to_array(SENT_START) == 1
        if len(starts):
            starts[0] = True
        self._sentence_of = np.cumsum(starts) - 1
        text = doc.text
        self._sentences = [
            (start, end, text[start:end].rstrip().rstrip("\"'”’»").endswith("?"))
            for start, end in ((sent.start_char, sent.end_char) for sent in sdoc.sents)
        ]
        self.outlet_side = self._outlet_side()

    # ------------------------------------------------------------------ voice
    def asks_rhetorically(self) -> bool:
        """Whether the outlet asks a question in its own prose: a question that follows another
        sentence of its paragraph, outside quotes and interview prompts ("Turkey has not paid.
        ... What kind of partner sends the bill to the party it wronged?"). A report relates and
        quotes; an op-ed argues, and asks its readers."""
        text = self.doc.text
        for k, (start, _end, question) in enumerate(self._sentences):
            if not question or k == 0 or self.index.quote_at(start) is not None:
                continue
            line_start = text.rfind("\n", 0, start) + 1
            if line_start == 0 or self.prompt(line_start):
                continue  # the headline, an interview prompt
            if self._sentences[k - 1][0] >= line_start and self.index.quote_at(
                    self._sentences[k - 1][0]) is None:
                return True
        return False

    def prompt(self, char: int) -> bool:
        """Inside an interview prompt (a line opening with a dash or "Q:") or a question of the
        outlet."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, char) + 1
        if text[line_start : line_start + 1] in DASHES or _PROMPT.match(text, line_start):
            return True
        span = self.sdoc.char_span(char, min(char + 1, len(text)), alignment_mode="expand")
        if span is None:
            return False
        return self._sentences[self._sentence_of[span.start]][2]

    def holder_at(self, char: int) -> str | None:
        quote = self.index.quote_at(char)
        if quote is not None and (quote.speaker is None or quote.speaker != self.index.outlet_id):
            return quote.speaker
        # (what "reports Baltic Wire" attributes to the outlet itself is its own voice)
        if self.prompt(char):
            return None
        framed = self._framed_by(char)
        return framed if framed is not None else OUTLET

    def _framed_by(self, char: int) -> str | None:
        """"According to X, A and B remain ...": after a sentence-opening attribution ending in a
        comma, the rest of the sentence is X's, where the quote stage starts X's quote later."""
        text = self.doc.text
        span = self.sdoc.char_span(char, min(char + 1, len(text)), alignment_mode="expand")
        if span is None or not len(span):
            return None
        sent_start, end, _ = self._sentences[self._sentence_of[span.start]]
        start = max(sent_start, text.rfind("\n", 0, char) + 1)
        opening = text[start:char]
        comma = opening.find(",")
        if comma < 0 or not _FRAMES.match(opening):
            return None
        for quote in self.index.quote_spans:
            if (
                start + comma < quote.start < end
                and quote.kind == "indirect"
                and quote.speaker is not None
                and quote.speaker != self.index.outlet_id
            ):
                return quote.speaker
        return None

    # ------------------------------------------------------------------ sides
    def side(self, holder: str) -> str | None:
        """The state or organisation the holder speaks for, if it is not the holder itself."""
        if holder == OUTLET:
            return self.outlet_side
        found = self.index.affiliation(holder)
        return None if found == holder else found

    def own(self, holder: str) -> set[str]:
        out = {holder}
        if holder == OUTLET and self.index.outlet_id:
            out.add(self.index.outlet_id)
        side = self.side(holder)
        if side is not None:
            out.add(side)
        return out

    def may_portray_own_side(self, holder: str) -> bool:
        """Whether what the holder says of its own side is a stance (not said by office)."""
        if holder == OUTLET:
            return self.outlet_side is not None
        if self.side(holder) is None or not self.index.is_person(holder):
            return False
        return not self.official(holder)

    def official(self, holder: str) -> bool:
        return self.index.holds_office(holder)

    def _outlet_side(self) -> str | None:
        """The country the outlet's own voice speaks for, when it speaks as a nation."""
        nation = any(
            lower in _NATION_OWNERS
            and self.tokens.lemmas[self.tokens.tokens[i].head.i] in _NATION_NOUNS
            and self.index.quote_at(self.tokens.tokens[i].idx) is None
            and not self.prompt(self.tokens.tokens[i].idx)
            for i, lower in enumerate(self.tokens.lowers)
        )
        if not nation:
            return None
        counts: Counter[str] = Counter()
        for actor in self.doc.actors:
            if actor.kind != "country":
                continue
            for mention in actor.mentions:
                if mention.role in _COUNTED_ROLES and self.index.quote_at(mention.start) is None:
                    counts[actor.id] += 1
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]
