"""``DocumentIndex``: one article's actors as the later stages read them, built once after the
actor and quote stages.

It holds the mention <-> token alignment (``by_token``, ``places``, ``kinds``, ``normal``), the
one reference resolver (``at``, ``phrase``: pronouns, first person inside quotes, definite
descriptions, counted groups), who speaks at any offset (``quote_at``, ``asserted_by``,
``outlet_id``; a quoted post is its author's, ``posts``), affiliations and states (``affiliation``, ``state_of``, ``holds_office``). The
work is done in the modules beside this one; this class keeps the per-document state and is the
only way in. Stages read it and never change it: the stance stage's wider reading of pronouns is
a separate view (``with_wider_references``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.actors.gazetteer import Gazetteer
from presslens.index import phrases, posts, quoted_persons, references, states
from presslens.index.alignment import align
from presslens.index.speech import Speech
from presslens.lexicon import relation_lexicon
from presslens.model import Document, Quote

Actors = tuple[list[str], bool]  # actor ids, and whether they were inferred (through a pronoun)


class DocumentIndex:
    """Token-level view of one document's actors, for every stage after actors and quotes."""

    def __init__(self, doc: Document, sdoc: Doc, gazetteer: Gazetteer | None = None) -> None:
        lexicon = relation_lexicon()
        self.doc = doc
        self.sdoc = sdoc
        self.gazetteer = gazetteer
        # relational nouns ("ally", "partner"): their apposition, not their possessor, is meant
        self.relational_nouns = frozenset(lexicon.predicates)
        self.island_states = lexicon.island_states  # what "the island" may refer back to
        alignment = align(doc, sdoc, gazetteer, lexicon.seat_metonyms)
        self.kinds: dict[str, str] = alignment.kinds
        self.places: dict[int, list[str]] = alignment.places
        # capitals named as places, where a visit meets the government ("arrived in Minsk")
        self.seat_places: dict[int, list[str]] = alignment.seat_places
        self.by_token: dict[int, list[str]] = alignment.by_token
        self._normal = alignment.normal
        self._body_tokens = alignment.body_tokens
        self._demonym_tokens = alignment.demonym_tokens
        self._speech = Speech(doc)
        self._pronouns: dict[int, list[str]] = {}  # third-person pronouns resolved
        self._affiliation: dict[str, str] = {}
        self._offices: dict[str, bool] = {}
        self._states: dict[str, str | None] = {}
        states.spokespeople_act_for_their_state(self)
        references.resolve_third_person(self)
        self._speech.attribute(posts.quote_authors(self))  # a quoted post is its author's
        quoted_persons.resolve_quoted_persons(self)

    # ------------------------------------------------------------------ ids
    def normal(self, actor_id: str) -> str:
        """The id an actor acts under in relations (a state's ministry acts for the state)."""
        return self._normal.get(actor_id, actor_id)

    def is_person(self, actor_id: str) -> bool:
        return self.kinds.get(actor_id) == "person"

    def is_body_token(self, i: int) -> bool:
        """Token ``i`` is part of a mention of an institution or organisation."""
        return i in self._body_tokens

    def is_demonym_token(self, i: int) -> bool:
        """Token ``i`` is part of a demonym mention ("Iranians", "Serbian")."""
        return i in self._demonym_tokens

    # ------------------------------------------------------------------ speech
    @property
    def quote_spans(self) -> list[Quote]:
        """The article's quotes in text order."""
        return self._speech.quote_spans

    @property
    def outlet_id(self) -> str | None:
        return self._speech.outlet_id

    def quote_at(self, char: int) -> Quote | None:
        return self._speech.quote_at(char)

    def asserted_by(self, char: int) -> str | None:
        """Who asserts what is said at ``char``: the quote's speaker, else the outlet."""
        return self._speech.asserted_by(char)

    # ------------------------------------------------------------------ references
    def at(self, token: Token) -> Actors:
        """Actor ids a single token stands for, and whether they were inferred (pronoun)."""
        return references.token_actors(self, token)

    def modifier(self, token: Token) -> Actors:
        return phrases.modifier(self, token)

    def modifiers_of(self, head: Token) -> Actors:
        return phrases.modifiers_of(self, head)

    def mission_host(self, noun: Token) -> list[str]:
        """The countries an international body's mission ``noun`` serves ("the UN mission in
        Cyprus"), else []."""
        return phrases.mission_host(self, noun)

    def phrase(self, head: Token, *, depth: int = 0) -> Actors:
        return phrases.phrase(self, head, depth=depth)

    def doer(self, head: Token) -> Actors:
        """Actors a noun phrase stands for as the one who acts (private people: none)."""
        return phrases.doer(self, head)

    def clause_subject(self, verb: Token) -> Actors:
        return phrases.clause_subject(self, verb)

    def with_wider_references(self, outlet_side: str | None) -> DocumentIndex:
        """A copy reading pronouns more widely, for stances (see ``references``)."""
        return references.with_wider_references(self, outlet_side)

    # ------------------------------------------------------------------ affiliation and state
    def affiliation(self, speaker: str, token: Token | None = None) -> str:
        """Whom a speaker's "we" (at ``token``) stands for: their state or organisation on
        evidence, else the speaker."""
        return states.affiliation(self, speaker, token)

    def named_state(self, actor_id: str) -> str | None:
        """The state of the article an actor names: a state, or a body of one."""
        return states.named_state(self, actor_id)

    def leader_state(self, actor_id: str) -> str | None:
        return states.leader_state(self, actor_id)

    def holds_office(self, person: str) -> bool:
        """Whether a person speaks for a state by office (not an analyst, not a former one)."""
        return states.holds_office(self, person)

    def state_of(self, actor_id: str) -> str | None:
        """The country id the actor acts for (a country's is itself), or None when unknown."""
        return states.state_of(self, actor_id)

    def same_side(self, first: str, second: str) -> bool:
        """A person or body and the state it acts for are one side, not a pair."""
        return self.state_of(first) == second or self.state_of(second) == first
