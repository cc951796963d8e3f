"""What every finder of evaluative language shares: the ``Said`` record it yields, the
document's ``Tokens``, and ``EvaluationBase``, which holds the article's parse and reads the
clauses around an evaluation (who a verb's subjects are, whether it is asserted at all, who
reports it).

The finders are mixins over ``EvaluationBase`` so that each reads the parse through the same
index and ``ArgumentReader``: ``WordEvaluations`` (``word_evaluations``: evaluative nouns,
adjectives and verbs) and ``MarkedEvaluations`` (``marked_evaluations``: sarcasm, scare quotes,
victims); ``EvaluativeLanguage`` (``language``) combines them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.index import DocumentIndex
from presslens.lexicon import word_set
from presslens.stances.lexicon import StanceWords
from presslens.syntax import (
    COPULAS,
    FIRST_PERSON,
    ArgumentReader,
    hypothetical,
)
from presslens.syntax.attribution import governing_head, subject_of
from presslens.syntax.lookup import folded_lemmas, lower_forms

_REPORTING_VERBS = word_set("evaluation", "reporting_verbs")
_CONSIDER_VERBS = word_set("relation_patterns", "consider_verbs")
_RELATIVE_PRONOUNS = word_set("syntax", "relative_pronouns")
_PEOPLE_WORDS = word_set("evaluation", "people_words")
BLAME_VERBS = word_set("evaluation", "blame_verbs")
_DENIAL_VERBS = word_set("evaluation", "denial_verbs")
_MANDATIVE_VERBS = word_set("evaluation", "mandative_verbs")
_ALLEGATION_VERBS = word_set("evaluation", "allegation_verbs")
_ALLEGATION_PREPS = word_set("evaluation", "allegation_preps")
CHARACTERISING_PREPS = word_set("evaluation", "characterising_preps")  # "regards X as a partner"
_INFINITIVE_MARKS = word_set("evaluation", "infinitive_marks")
_PEOPLE_PLACE_PREPS = word_set("evaluation", "people_place_preps")  # "those in Paris"
ANAPHOR_VERBS = word_set("evaluation", "anaphor_verbs")  # "have done so"
# "so-called", and its two halves where the tokenizer splits it at the hyphen ("so" "-" "called")
_SO_CALLED = word_set("evaluation", "so_called")
_SO_CALLED_PARTS = frozenset((first, last) for first, _, last in (w.partition("-") for w in _SO_CALLED) if last)
SO_CALLED_FORMS = _SO_CALLED | {last for _, last in _SO_CALLED_PARTS}  # the forms its last token has


@dataclass(frozen=True)
class Tokens:
    """The document's tokens and the strings every pass asks of them, made once per article."""

    tokens: list[Token]
    lowers: list[str]
    lemmas: list[str]

    @classmethod
    def of(cls, sdoc: Doc) -> Tokens:
        return cls(list(sdoc), lower_forms(sdoc), folded_lemmas(sdoc))


@dataclass(frozen=True)
class Said:
    """An evaluation of ``targets`` said at ``token`` with a signed ``weight``; ``reporter`` is
    the subject of a verb of saying or thinking whose complement holds it, if any (then it is
    that subject's view, unless the subject is the holder)."""

    token: Token
    targets: tuple[str, ...]
    weight: float
    kind: str  # "word", "verb", "holder", "anaphor", "sarcasm", "scare"
    reporter: Token | None = None


def reporter(token: Token) -> Token | None:
    """The subject of the nearest verb of saying or thinking whose clausal complement holds
    ``token`` ("they say that X is a puppet": they), or of a verb of calling or regarding whose
    complement holds it ("Saudi officials regard Pakistan as a brotherly country": officials)."""
    verb = governing_head(
        token,
        lambda node, head: (node.dep_ == "ccomp" and head.lemma_.lower() in _REPORTING_VERBS)
        or _characterises(node, head),
        limit=12,
    )
    return None if verb is None else subject_of(verb)


def _characterises(node: Token, verb: Token) -> bool:
    """Whether ``node`` is what the verb calls or regards something ("calls X *a puppet*",
    "regards X *as* a partner")."""
    if verb.lemma_.lower() not in _CONSIDER_VERBS:
        return False
    if node.dep_ in ("oprd", "ccomp", "xcomp"):
        return node.pos_ in ("NOUN", "PROPN", "ADJ")  # not a clause ("calls on X to designate")
    if node.dep_ == "prep" and node.lower_ in CHARACTERISING_PREPS:
        return True
    # "branded Israel a terrorist state": the second of two objects
    return node.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < node.i for c in verb.children)


def is_so_called(token: Token) -> bool:
    """"so-called" (one token, or "so" "-" "called")."""
    if token.lower_ in _SO_CALLED:
        return True
    if token.i < 2:
        return False
    doc = token.doc
    return doc[token.i - 1].text in ("-", "‑", "–") and (doc[token.i - 2].lower_, token.lower_) in _SO_CALLED_PARTS


class EvaluationBase:
    """The parsed document and the clause reading every evaluative-language finder uses."""

    def __init__(self, sdoc: Doc, index: DocumentIndex, arguments: ArgumentReader, words: StanceWords,
                 relational: frozenset[str], quoted: list[tuple[int, int]], tokens: Tokens) -> None:
        self.sdoc = sdoc
        self.tokens = tokens.tokens
        self.lowers = tokens.lowers
        self.lemmas = tokens.lemmas
        # every word some finder looks up: a token outside it is passed over at once
        self.vocabulary = frozenset(
            {*words.nouns, *words.adjectives, *words.predicate_adjectives, *words.subject_verbs,
             *words.holder_verbs, *words.failure_verbs, *(verb for verb, _ in words.phrases),
             *BLAME_VERBS, *ANAPHOR_VERBS, *SO_CALLED_FORMS}
        )
        self.index = index
        self.arguments = arguments
        self.words = words
        self.relational = relational
        self.quoted = quoted  # spans of the document's quotes: their marks are no scare quotes

    # ------------------------------------------------------------------ helpers
    def unasserted(self, verb: Token) -> bool:
        """The verb (or copula) states what someone is asked, expected or pretends to do
        ("expects X to honour", "wants us to sanction X and to recognise Y"), or what is denied
        or alleged ("denied interfering", "was charged with obstructing")."""
        node = verb
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return False
            if node.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in _DENIAL_VERBS:
                return True
            if (
                node.dep_ in ("pcomp", "pobj")
                and head.lower_ in _ALLEGATION_PREPS
                and head.head.lemma_.lower() in _ALLEGATION_VERBS
            ):
                # (unless the holder makes the charge: "we condemn X for lying")
                return not any(
                    c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in head.head.children
                )
            if node.dep_ == "ccomp" and head.lemma_.lower() in _MANDATIVE_VERBS:
                return True  # "demands that we break all ties with X": asked, not done
            infinitive = any(c.dep_ == "aux" and c.lower_ in _INFINITIVE_MARKS for c in node.children)
            if (
                node.dep_ in ("xcomp", "ccomp")
                and head.lemma_.lower() in self.words.unasserting_verbs
                and (node.dep_ == "xcomp" or infinitive)
            ):
                return True
            if node.dep_ in ("conj", "xcomp", "ccomp") or (node.dep_ == "advcl" and infinitive):
                node = head
                continue
            return False
        return False

    def _hypothetical(self, verb: Token) -> bool:
        """"would protect", "if X lectures": not asserted of anyone. In reported speech "would"
        is the future ("said that X would protect")."""
        quote = self.index.quote_at(verb.idx)
        return hypothetical(verb, reported=quote is not None and quote.kind == "indirect")

    def _relational_referent(self, noun: Token) -> list[str]:
        """Who a relational noun names, beside its possessor (the other party: "its closest ally"
        says nothing of "it"): a demonym or compound next to a possessor ("our Armenian friends"
        are Armenia). Without a possessor the demonym may be either party ("American allies")."""
        ids: list[str] = []
        if not any(c.dep_ == "poss" for c in noun.children):
            return ids
        for child in noun.children:
            if child.dep_ in ("amod", "compound"):
                ids.extend(i for i in self.index.modifier(child)[0] if i not in ids)
        return ids

    def _people_in(self, token: Token) -> list[str]:
        """"those in Paris, in Moscow or in Tehran", "people in Brussels": the places' states."""
        if token.lower_ not in _PEOPLE_WORDS and token.lemma_.lower() not in _PEOPLE_WORDS:
            return []
        ids: list[str] = []
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PEOPLE_PLACE_PREPS:
                continue
            for each in (prep, *prep.conjuncts):
                for pobj in each.children:
                    if pobj.dep_ == "pobj":
                        more = self.index.phrase(pobj)[0] or self.index.places.get(pobj.i, [])
                        ids.extend(i for i in more if i not in ids)
        return ids

    def _subjects(self, verb: Token) -> list[str]:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and (people := self._people_in(subjects[0])):
            return people
        if (
            subjects
            and subjects[0].lower_ in _RELATIVE_PRONOUNS
            and verb.dep_ == "relcl"
            and verb.head.dep_ == "attr"
            and verb.head.head.lemma_ in COPULAS
            and not self.index.phrase(verb.head)[0]
        ):
            # "X has been the one institution that survived every empire": X survived
            return self.arguments.subjects(verb.head.head)[0]
        if any(c.dep_ == "auxpass" for c in verb.children):
            # a passive portrays its agent, never the one it befalls, nor the subject of a
            # clause it depends on ("Serbs are tired of being lectured by those who bombed them")
            return self.arguments.agents(verb)[0]
        ids, _ = self.arguments.subjects(verb)
        if not ids and verb.dep_ == "acl":
            ids, _ = self.arguments.agents(verb)  # "a deal brokered by Beijing"
        return ids

    def _coordinated_subject(self, verb: Token) -> bool:
        return any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in verb.children)

    def _lookup(self, table: dict[str, float], token: Token) -> float | None:
        lemma = token.lemma_.lower()
        if lemma in table:
            return table[lemma]
        return table.get(token.lower_)
