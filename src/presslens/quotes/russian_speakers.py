"""Speaker phrases turned into actor ids, on the actor stage's mentions.

The actor whose mention covers the phrase's head (or the phrase) speaks: the Russian actor stage
gives names, titles ("политолог", "глава МИД") and pronouns ("он") as mentions. Where none covers
a pronoun or a role noun, it stands for the nearest person named before it whose grammatical
gender agrees (with the pronoun, or with the cue verb: "отметила политолог").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from presslens.model import Document
from presslens.quotes.russian_attribution import Candidate, Range, TokenIndex, gender_of, lemma
from presslens.quotes.russian_lexicon import russian_quote_lexicon

_KIND_PREFERENCE = {"person": 0, "institution": 1, "organization": 2, "party": 3, "media": 4,
                    "group": 5, "alliance": 6, "region": 7, "country": 8}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    actor_id: str
    kind: str
    role: str


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class RussianSpeakers:
    def __init__(self, doc: Document, index: TokenIndex) -> None:
        self.index = index
        self.mentions = sorted(
            (_Mention(m.start, m.end, a.id, a.kind, m.role) for a in doc.actors for m in a.mentions),
            key=lambda m: (m.start, m.end, m.actor_id))
        self._genders: dict[str, str | None] = {}

    def at(self, span: Range) -> str | None:
        hits = [m for m in self.mentions if _overlaps((m.start, m.end), span)]
        if not hits:
            return None
        hits.sort(key=lambda m: (_KIND_PREFERENCE.get(m.kind, 9), -(m.end - m.start), m.actor_id))
        return hits[0].actor_id

    def actors_in(self, span: Range) -> list[str]:
        """Ids of the actors mentioned inside ``span``, in order of first mention."""
        ids: list[str] = []
        for m in self.mentions:
            if m.start >= span[0] and m.end <= span[1] and m.actor_id not in ids:
                ids.append(m.actor_id)
        return ids

    def resolve(self, candidate: Candidate, previous: str | None = None) -> str | None:
        """The actor ``candidate``'s speaker phrase names; ``previous`` is the last quote's
        speaker, the fallback for a role noun no mention covers."""
        head = candidate.speaker_head
        if head is None:
            return None
        lex = russian_quote_lexicon()
        found = self.at((head.idx, head.idx + len(head.text)))
        if found is None and candidate.speaker_phrase is not None:
            # "Официальный представитель МИД Азербайджана Эльнур Гасанов": the name that closes
            # a title phrase is the speaker, not the state or body inside the title
            last = self.index.at(candidate.speaker_phrase[1] - 1)
            if last is not None:
                found = self.person_at((last.idx, last.idx + len(last.text)))
        if found is None and candidate.speaker_phrase is not None:
            found = self.at(candidate.speaker_phrase)
            if found is not None and lemma(head) in lex.person_titles and not self._is_person(found):
                found = None  # "белорусский аналитик" is a person, not Belarus
        for child in head.children:
            if found is None and child.dep_ in ("appos", "flat", "flat:name", "nmod"):
                # "агентство «Северный вестник»": the name stands beside the noun
                tokens = sorted(child.subtree, key=lambda t: t.i)
                found = self.at((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
        if found is not None:
            return found
        # people named inside the quotation itself are not who the attribution refers to
        own = (candidate.start, candidate.end)
        if lemma(head) in lex.speaker_pronouns or head.pos_ == "PRON":
            if "Plur" in head.morph.get("Number", []) and lemma(head) not in lex.plural_possessives:
                return None
            return self.person_before(head.idx, gender_of(head) or candidate.gender, own)
        phrase = candidate.speaker_phrase or (head.idx, head.idx + len(head.text))
        titles = {lemma(t) for t in self.index.tokens(*phrase)} & lex.person_titles
        if titles:
            return (self.introduced_before(titles, head.idx, candidate.gender)
                    or (previous if previous is not None and self._is_person(previous) else None)
                    or self.person_before(head.idx, candidate.gender, own))
        return None

    def person_at(self, span: Range) -> str | None:
        hits = [m for m in self.mentions if m.kind == "person" and _overlaps((m.start, m.end), span)]
        return hits[0].actor_id if hits else None

    def _is_person(self, actor_id: str) -> bool:
        return any(m.actor_id == actor_id and m.kind == "person" for m in self.mentions)

    def introduced_before(self, titles: set[str], pos: int, gender: str | None) -> str | None:
        """The last person before ``pos`` named right after one of ``titles`` ("политолог
        Виктор Лунгу"), the one a later "политолог" stands for."""
        doc = self.index.sdoc
        found = None
        for token in doc[: self.index.from_char(pos)]:
            if not titles & set(lemma(token).split("-")) and lemma(token) not in titles:
                continue
            window = [t for t in doc[token.i : token.i + 5] if not t.is_space]
            end = window[-1].idx + len(window[-1].text)
            for m in self.mentions:
                if (m.kind == "person" and token.idx <= m.start < min(end, pos)
                        and self._agrees(m.actor_id, gender)):
                    found = m.actor_id
                    break
        return found

    def _agrees(self, actor_id: str, gender: str | None) -> bool:
        own = self._gender(actor_id)
        return gender is None or own is None or own == gender

    def person_before(self, pos: int, gender: str | None, skip: Range = (0, 0)) -> str | None:
        """The person named last before ``pos`` (outside ``skip``) whose gender agrees."""
        for m in reversed(self.mentions):
            if m.start >= pos or m.kind != "person" or skip[0] <= m.start < skip[1]:
                continue
            if self._agrees(m.actor_id, gender):
                return m.actor_id
        if gender is not None:
            # a name whose grammatical gender was misread still beats no speaker
            return self.person_before(pos, None, skip)
        return None

    def _gender(self, actor_id: str) -> str | None:
        """The grammatical gender of a person's name words ("Грачёва": Fem), by majority."""
        if actor_id not in self._genders:
            votes: Counter[str] = Counter()
            for m in self.mentions:
                if m.actor_id != actor_id or m.role != "name":
                    continue
                for token in self.index.tokens(m.start, m.end):
                    if token.pos_ == "PROPN" and (g := gender_of(token)) is not None:
                        votes[g] += 1
            self._genders[actor_id] = votes.most_common(1)[0][0] if votes else None
        return self._genders[actor_id]
