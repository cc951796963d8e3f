"""Which actors a noun phrase, a modifier or a clause's subject stands for.

A phrase names an actor itself ("Russia"), through its modifiers ("the Moldovan government",
"Russia's ambassador"), through a proxy noun's "of/in/from" object ("the government in Kyiv",
"advisers from Paris"), through what it belongs to ("monasteries linked to the Moscow
Patriarchate"), by a definite description or a counted group (``references``); with coordination
("Paris, Berlin and Washington").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.index.references import (
    DEFINITE_KINDS,
    GROUP_NOUNS,
    counted,
    counted_group,
    definite_antecedent,
    is_definite,
)
from presslens.index.states import no_longer_in_office
from presslens.lexicon import word_set
from presslens.syntax import COPULAS, counted_noun
from presslens.syntax.clefts import cleft_focus

if TYPE_CHECKING:
    from presslens.index.document import DocumentIndex

Actors = tuple[list[str], bool]  # actor ids, and whether they were inferred (through a pronoun)

PROXY_NOUNS = word_set("references", "proxy_nouns")
RELATIONAL_PROXIES = word_set("references", "relational_proxies")
_PROXY_PREPS = word_set("references", "proxy_preps")
_SPEAKER_NOUNS = word_set("references", "speaker_nouns")
_SPEAKER_PREPS = word_set("references", "speaker_preps")
_BELONGING = word_set("references", "belonging_verbs")
_BELONGING_PREPS = word_set("references", "belonging_preps")
_LEADER_BODIES = word_set("references", "leader_bodies")
_SUBORDINATES = word_set("references", "subordinate_nouns")
_PRIVATE_PEOPLE = word_set("references", "private_people")
_QUANTITY_WORDS = word_set("references", "quantity_words")  # "dozens", "a group" (of ...)
_QUANTITY_PREPS = word_set("references", "quantity_preps")
_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_OFFICE_NOUNS = word_set("references", "office_nouns")
_RELATIVE_PRONOUNS = word_set("syntax", "relative_pronouns")
_MISSION_NOUNS = word_set("syntax", "mission_nouns")
_MISSION_HOST_PREPS = word_set("syntax", "mission_host_preps")
_INTERNATIONAL_KINDS = frozenset({"organization", "alliance"})
_OWNING_PARTICIPLES = word_set("references", "owning_participles")
_HYPHEN_MODIFIER_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod"})
# "according" of "According to X, A and B remain ...": the first words of the quote stage's
# source phrases
_SOURCE_WORDS = frozenset(phrase.split()[0] for phrase in word_set("quotes", "source_phrases"))


def modifier(index: DocumentIndex, token: Token) -> Actors:
    """Actors of a modifier; through a compound ("Ukrainian drone strikes")."""
    ids, inferred = index.at(token)
    if not ids and token.lower_ in DEFINITE_KINDS and is_definite(token):
        return definite_antecedent(index, token), True  # "the bloc's budget"
    if not ids and token.lower_ in _OWNING_PARTICIPLES and token.dep_ == "amod":
        # "the Saudi-led coalition", "a Greek-flagged tanker": the one before the hyphen's
        for child in token.children:
            if child.dep_ in _HYPHEN_MODIFIER_DEPS and child.i == token.i - 2 and token.nbor(-1).text == "-":
                return index.at(child)
    if not ids and token.dep_ in ("compound", "poss") and token.pos_ in ("NOUN", "PROPN"):
        # "Ukrainian drone strikes", "a French nuclear group's licence"
        for child in token.children:
            if child.dep_ in _MODIFIER_DEPS:
                more, more_inferred = index.at(child)
                ids.extend(m for m in more if m not in ids)
                inferred = inferred or more_inferred
    return ids, inferred


def modifiers_of(index: DocumentIndex, head: Token) -> Actors:
    """Actors of a noun's possessor and modifiers ("Russian weapons" -> Russia)."""
    ids: list[str] = []
    inferred = False
    for child in head.children:
        if child.dep_ in _MODIFIER_DEPS:
            more, more_inferred = index.modifier(child)
            ids.extend(m for m in more if m not in ids)
            inferred = inferred or more_inferred
    return ids, inferred


def phrase(index: DocumentIndex, head: Token, *, depth: int = 0) -> Actors:
    """Actor ids a noun phrase headed by ``head`` stands for (with coordination)."""
    ids, inferred = _single(index, head)
    if depth == 0:
        for conj in (*head.conjuncts, *_listed_as_apposition(index, head, ids)):
            more, more_inferred = _single(index, conj)
            for actor_id in more:
                if actor_id not in ids:
                    ids.append(actor_id)
            inferred = inferred or more_inferred
    return ids, inferred


def _listed_as_apposition(index: DocumentIndex, head: Token, ids: list[str]) -> list[Token]:
    """The members of a list "A, B and C" that the parser read as an apposition B of A with C
    conjoined to B ("Poet A, painter B and singer C protested ..."): B names another
    actor of A's sort (person or not) by name, and has conjuncts of its own. An apposition
    with no conjunct ("the minister, Jane Roe") is read as one."""
    if not ids:
        return []
    person = index.is_person(ids[0])
    for child in head.children:
        if child.dep_ != "appos" or not child.conjuncts or not _names(child):
            continue
        named, _ = index.at(child)
        # a head that names no actor itself stands for the list ("the two leaders, Putin and
        # Xi"; the one asked in "– Timur Rashidovich, in August Pashinyan and Aliyev signed")
        own = bool(index.by_token.get(head.i))
        if named and (not own or not set(named) & set(ids)) and all(
                index.is_person(i) == person for i in named):
            return [child, *child.conjuncts]
    return []


def _names(token: Token) -> bool:
    """A name, or a noun with a name before it ("the Rapid Support Forces militia")."""
    return token.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def _single(index: DocumentIndex, head: Token) -> Actors:
    if (focus := cleft_focus(head)) is not None:  # "it was Pakistan that bombed Kabul"
        return index.phrase(focus, depth=1)
    if head.lower_ in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        antecedent = head.head.head
        if antecedent.dep_ == "attr" and antecedent.head.lemma_ in COPULAS:
            # "Moscow and Beijing remain the only members that block X": the members are the
            # copula's subject
            ids, inferred = index.clause_subject(antecedent.head)
            if ids:
                return ids, inferred
        return index.phrase(antecedent, depth=1)
    if head.lower_ in _LEADER_BODIES:
        leaders = [m for child in head.children if child.dep_ in _MODIFIER_DEPS
                   for m in index.modifier(child)[0] if index.is_person(m)]
        if leaders:
            # "the Trump administration", "the Orbán government": the leader, whose state the
            # relation carries as its side's state
            return leaders, False
    ids, inferred = index.at(head)
    if ids:
        return ids, inferred
    if (counted_head := _counted_noun(head)) is not None:
        # "a group of Russian hackers", "dozens of Armenian soldiers", "a number of Estonian
        # websites": the noun counted stands for the phrase; people counted by their demonym
        # ("thousands of Serbs") act privately, for nobody
        if private_people(index, counted_head):
            return [], False
        return index.phrase(counted_head, depth=1)
    if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return [], False
    if head.lemma_.lower() in _OFFICE_NOUNS and no_longer_in_office(head):
        return [], False  # "the former German agriculture minister" acts for nobody now
    # The apposition is the one meant, not the possessor: after a relational noun ("our ally
    # the Philippines", "its closest partner, Azerbaijan"), and after any noun that names no
    # actor itself when the apposition names one by name ("Trump's national security adviser,
    # John Bolton", "Her deputy, Kaja Kallas"); an apposition that is a description
    # ("Armenia's sovereignty, its democratic institutions", "calls Hungary's prime minister his
    # closest friend") is read as usual.
    relational_head = head.lemma_.lower() in index.relational_nouns
    for child in head.children:
        if child.dep_ == "appos" and (relational_head or _names(child)):
            ids, inferred = index.phrase(child, depth=1)
            if ids and (relational_head or not inferred):
                return ids, inferred
    found: list[str] = []
    relational = head.lower_ in RELATIONAL_PROXIES
    for child in head.children:
        if child.dep_ in _MODIFIER_DEPS and not (relational and child.dep_ == "poss"):
            for each in (child, *child.conjuncts):  # "Armenian and French officials"
                more, more_inferred = index.modifier(each)
                found.extend(m for m in more if m not in found)
                inferred = inferred or more_inferred
    if found and head.lower_ in _LEADER_BODIES:
        # "the Trump administration", "the Orbán government": the leader's state acts
        found = [index.leader_state(i) or i for i in found]
    if not found and (relational or head.lower_ in PROXY_NOUNS):
        preps = _PROXY_PREPS | _SPEAKER_PREPS if head.lower_ in _SPEAKER_NOUNS else _PROXY_PREPS
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        for each in (pobj, *pobj.conjuncts):  # "from Washington and Paris"
                            more, more_inferred = index.at(each)
                            more = more or index.places.get(each.i, [])
                            if not more and each.lower_ in PROXY_NOUNS and each.i != head.i:
                                # "the ambassadors of the members of the Council"
                                more, more_inferred = _single(index, each)
                            found.extend(m for m in more if m not in found)
                            inferred = inferred or more_inferred
    if not found:
        for child in head.children:  # "monasteries linked to the Moscow Patriarchate"
            if child.dep_ == "acl" and child.lemma_.lower() in _BELONGING and child.tag_ in ("VBN", "VBG"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in _BELONGING_PREPS:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                more, more_inferred = index.at(pobj)
                                found.extend(m for m in more if m not in found)
                                inferred = inferred or more_inferred
    if found and head.lemma_.lower() in _SUBORDINATES and counted(head):
        # "five Trump aides", "two officials of his campaign": people serving a person are not
        # that person (a state's officials still act for it)
        found = [i for i in found if not index.is_person(i)]
        if not found:
            return [], False
    if not found and head.lower_ in DEFINITE_KINDS and is_definite(head):
        found = definite_antecedent(index, head)
        inferred = bool(found)
    if not found and head.lower_ in GROUP_NOUNS:
        found = counted_group(index, head)
        inferred = bool(found)
    return found, inferred


def _counted_noun(head: Token) -> Token | None:
    """The noun a quantity word counts ("dozens of soldiers", "a group of hackers")."""
    if head.lemma_.lower() not in _QUANTITY_WORDS and head.lower_ not in _QUANTITY_WORDS:
        return None
    noun = counted_noun(head, _QUANTITY_PREPS)
    return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None


def private_people(index: DocumentIndex, head: Token) -> bool:
    """People acting privately, not their state: "Chinese tourists", a counted plural demonym
    ("40,000 Iranians", "thousands of Serbs")."""
    if head.lemma_.lower() in _PRIVATE_PEOPLE:
        return True
    return head.tag_ in ("NNS", "NNPS") and index.is_demonym_token(head.i) and counted(head)


def doer(index: DocumentIndex, head: Token) -> Actors:
    """Actors a noun phrase stands for as the one who acts (a subject, a passive agent): private
    people stand for nobody ("40,000 Iranians visited Serbia" is no act of Iran's)."""
    if private_people(index, head):
        return [], False
    return index.phrase(head)


def clause_subject(index: DocumentIndex, verb: Token) -> Actors:
    """Actors of the subject of ``verb``. The parser often reads "According to X, A and B
    remain ..." as if A and B were conjuncts of (or in apposition to) X; then they are the
    subject."""
    # two subjects are a misparse of an address ("– Mr Halmágyi, the Commission is ..."):
    # the one naming an actor comes first
    subjects = [(c, *doer(index, c)) for c in verb.children if c.dep_ == "nsubj"]
    for child, named_ids, inferred in sorted(subjects, key=lambda s: not s[1]):
        if len(named_ids) == 1 and index.is_person(named_ids[0]):
            # "– Mr Halmágyi, the European Commission is still withholding ...": the
            # person is addressed; the body in apposition is the subject
            for appos in child.children:
                if appos.dep_ == "appos":
                    named = [i for i in index.phrase(appos)[0] if not index.is_person(i)]
                    if named:
                        return named, False
        return named_ids, inferred
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _SOURCE_WORDS:
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        ids: list[str] = []
                        misread = [*pobj.conjuncts]  # "According to X, A and B remain"
                        for appos in pobj.children:  # "According to the analyst, A and B"
                            if appos.dep_ == "appos":
                                misread.extend((appos, *appos.conjuncts))
                        for token in misread:
                            more, _ = index.at(token)
                            ids.extend(i for i in more if i not in ids and not index.is_person(i))
                        if ids:
                            return ids, False
    return [], False


def mission_host(index: DocumentIndex, noun: Token) -> list[str]:
    """The countries an international body's mission named by ``noun`` is in ("the UN
    mission in Cyprus" -> Cyprus), or [] for any other phrase."""
    if noun.lemma_.lower() not in _MISSION_NOUNS:
        return []
    bodies, _ = modifiers_of(index, noun)
    if not bodies or any(index.kinds.get(b) not in _INTERNATIONAL_KINDS for b in bodies):
        return []
    hosts: list[str] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _MISSION_HOST_PREPS:
            for place in prep.children:
                if place.dep_ == "pobj":
                    ids, _ = index.at(place)
                    hosts.extend(i for i in ids if index.kinds.get(i) == "country" and i not in hosts)
    return hosts
