"""The one reference resolver: which actors a pronoun, a first person inside a quote, a definite
description ("the bloc", "the ministry") or a counted group ("both countries") stands for.

- "it/its/they/their" left unresolved by the actor stage: the nearest earlier subject that names
  an organisation or state (same or previous sentence), or the one asked in a request ("called on
  Beijing to end its pressure");
- "he/his/she/her" inside a quote: the latest person the quote names before it
  (``quoted_persons``);
- first person inside quotes: "I/me/my" is the speaker, "we/our/us/ours" the speaker's
  affiliation when the article gives evidence for one, else the speaker;
- "the organisation", "the bloc", "the country": the latest actor of that kind named in this or
  the two sentences before.

``with_wider_references`` is the stance stage's reading on top of these (see its docstring).
"""

from __future__ import annotations

import copy
from bisect import bisect_right
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP
from spacy.tokens import Token

from presslens.lexicon import word_set, word_table
from presslens.syntax.heads import coordination_head, is_to_infinitive
from presslens.syntax.lookup import lower_in, sentence_firsts
from presslens.syntax.pronouns import (
    FIRST_PLURAL,
    FIRST_SINGULAR,
    OBJECT,
    PERSONAL,
    THIRD_PERSON,
    THIRD_PLURAL,
    THIRD_SINGULAR,
)

if TYPE_CHECKING:
    from presslens.index.document import DocumentIndex

DEFINITE_KINDS: dict[str, frozenset[str]] = {
    word: frozenset(kinds) for word, kinds in word_table("references", "definite_kinds").items()
}
GROUP_NOUNS = word_set("references", "group_nouns")
_COUNTS: dict[str, int] = {word: int(n) for word, n in word_table("references", "group_counts").items()}
_COORDINATORS = word_set("references", "coordinators")
_QUANTITY_WORDS = word_set("references", "quantity_words")
_NATIONAL_NOUNS = word_set("references", "national_nouns")
_OFFICE_NOUNS = word_set("references", "office_nouns")
_PAIR_DETERMINERS = word_set("references", "pair_determiners")  # "both countries"
_DEFINITE_DETERMINERS = word_set("references", "definite_determiners")  # "the organisation"
_ISLAND_DESCRIPTIONS = word_set("references", "island_descriptions")  # "the island"
_QUANTITY_PREPS = word_set("references", "quantity_preps")  # "dozens of aides"
_ADDRESSEE_PREPS = word_set("references", "addressee_preps")  # "called on Beijing to ..."
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_WIDER_PRONOUNS = FIRST_PLURAL | THIRD_PLURAL  # ("he/she" inside a quote is resolved already)
_PRONOUN_WINDOW = 2  # sentences back in which a plural pronoun's antecedent is sought


def token_actors(index: DocumentIndex, token: Token) -> tuple[list[str], bool]:
    """Actor ids a single token stands for, and whether they were inferred (pronoun)."""
    ids = index.by_token.get(token.i)
    if ids:
        return list(ids), index.kinds.get(ids[0]) == "person" and token.pos_ == "PRON"
    lower = token.lower_
    if lower in FIRST_SINGULAR or lower in FIRST_PLURAL:
        quote = index.quote_at(token.idx)
        if quote is None or quote.speaker is None:
            return [], False
        if lower in FIRST_SINGULAR:
            return [quote.speaker], True
        if _national(token):
            # "our democracy", "our country": the speaker's state, or nobody
            state = speaker_state(index, quote.speaker, token)
            return ([state], True) if state is not None else ([], False)
        return [index.affiliation(quote.speaker, token)], True
    if lower in THIRD_PERSON and token.i in index._pronouns:
        return list(index._pronouns[token.i]), True
    return [], False


def _national(token: Token) -> bool:
    """"our" before a noun of the nation ("our democracy", "our elections", "our country")."""
    head = token.head
    return token.dep_ == "poss" and (head.lemma_.lower() in _NATIONAL_NOUNS or head.lower_ in _NATIONAL_NOUNS)


def speaker_state(index: DocumentIndex, speaker: str, token: Token | None = None) -> str | None:
    """The state a speaker belongs to: its own state when it acts for one (``state_of``), else the
    state its "we" stands for on evidence (an analyst's demonym), else None."""
    state = index.state_of(speaker)
    if state is not None:
        return state
    side = index.affiliation(speaker, token)
    if side == speaker:
        return None
    return side if index.kinds.get(side) == "country" else index.state_of(side)


# ---------------------------------------------------------------------- definite descriptions
def is_definite(head: Token) -> bool:
    """"the organisation", with no modifier of its own."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in head.children) and not any(
        c.dep_ in ("amod", "compound", "poss", "relcl", "acl") for c in head.children
    )


def definite_antecedent(index: DocumentIndex, head: Token) -> list[str]:
    """"the organisation", "the bloc", "the country": the latest actor of that kind named in
    this or the two sentences before."""
    kinds = DEFINITE_KINDS[head.lower_]
    sent = head.sent
    first = sent.start
    # not a co-argument ("Every weapon the United States sells to the island"), unless it only
    # qualifies the subject ("The EU's foreign policy chief expressed the bloc's solidarity")
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    co_arguments = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in index.by_token
                    for t in c.subtree}
    for _ in range(2):
        if first == 0:
            break
        first = index.sdoc[first - 1].sent.start
    for i in range(head.i - 1, first - 1, -1):
        if i in co_arguments:
            continue
        for actor_id in index.by_token.get(i, []):
            if head.lower_ in _ISLAND_DESCRIPTIONS and actor_id not in index.island_states:
                continue
            if index.kinds.get(actor_id) in kinds:
                return [actor_id]
            if index.is_body_token(i) and kinds & {"institution", "organization"}:
                return [actor_id]  # "the Committee": the body named before, as its state
            # "the Armenian parliament ... the country's accession": the body's state
            state = index.named_state(actor_id) if "country" in kinds else None
            if state is not None:
                return [state]
            if "country" in kinds and index.kinds.get(actor_id) == "institution" and (
                    index.state_of(actor_id) is not None):
                # "Finland's Defence Ministry said the country ...": a state body whose state the
                # article names only through it stands for that state
                return [actor_id]
    return []


def counted_group(index: DocumentIndex, head: Token) -> list[str]:
    """"both countries", "the two governments", "the three states": the last that many
    states named before, in this or the three sentences before."""
    size = 0
    for child in head.children:
        if child.lower_ in _PAIR_DETERMINERS and child.dep_ in ("det", "predet", "preconj"):
            size = 2
        elif child.dep_ == "nummod" and child.lower_ in _COUNTS:
            size = _COUNTS[child.lower_]
    if size < 2 or any(c.dep_ in ("poss", "compound", "amod") for c in head.children):
        return []
    first = head.sent.start
    for _ in range(3):
        if first == 0:
            break
        first = index.sdoc[first - 1].sent.start
    found: list[str] = []
    for i in range(head.i - 1, first - 1, -1):
        for actor_id in index.by_token.get(i, []):
            if index.kinds.get(actor_id) == "country" and actor_id not in found:
                found.append(actor_id)
        if len(found) == size:
            return list(reversed(found))
    return []


def counted(head: Token) -> bool:
    """A noun counted as a group of people: "five aides", "some 40,000 Iranians", "several
    associates", "dozens of aides", "two of his aides"."""
    for child in head.children:
        if child.dep_ == "nummod" or (
            child.dep_ in ("det", "amod", "compound", "quantmod") and child.lower_ in _QUANTITY_WORDS
        ):
            return True
    # the parser may cut a figure off its noun ("40,000 | Iranians visited"): a number just before
    # the noun (and its adjectives), not a year
    i = head.i - 1
    while i >= 0 and head.doc[i].dep_ in ("amod", "compound") and head.doc[i].head.i == head.i:
        i -= 1
    before = head.doc[i] if i >= 0 else None
    if before is not None and before.tag_ == "CD" and not (before.text.isdigit() and len(before.text) == 4):
        return True
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in _QUANTITY_PREPS and prep.head.i != prep.i:
        counter = prep.head
        return counter.like_num or counter.pos_ == "NUM" or counter.lemma_.lower() in _QUANTITY_WORDS
    return False


# ---------------------------------------------------------------------- pronouns
def resolve_third_person(index: DocumentIndex) -> None:
    """'it', 'its', 'they', 'their': the nearest earlier subject naming a non-person actor."""
    recent: list[tuple[int, list[str], Token]] = []  # (sentence index, ids, subject token)
    sdoc = index.sdoc
    if not len(sdoc):
        return
    # only pronouns and subjects take part: the others are passed over without a Token
    sentence_of = np.cumsum(sentence_firsts(sdoc)) - 1
    subject_deps = [sdoc.vocab.strings.add(dep) for dep in _SUBJECT_DEPS]
    taking_part = lower_in(sdoc, THIRD_PERSON | PERSONAL) | np.isin(sdoc.to_array(DEP), subject_deps)
    for i in np.flatnonzero(taking_part).tolist():
        token = sdoc[i]
        s_index = int(sentence_of[i])
        if token.lower_ in THIRD_PERSON and token.i not in index.by_token and token.dep_ != "expl":
            found = _addressee(index, token) or _antecedent(token, s_index, recent, index)
            if found is not None:
                if token.lower_ in THIRD_SINGULAR:
                    found = found[:1]  # "it" is one of a coordination at most
                index._pronouns[token.i] = found
        elif token.lower_ in PERSONAL and token.i not in index.by_token and _outside_direct_speech(index, token):
            office = _office_antecedent(token, s_index, recent)
            if office:
                index.by_token[token.i] = office  # "the minister said her government ..."
        if token.dep_ in _SUBJECT_DEPS:
            # the whole coordination: "Russia, China and Iran said that they oppose ..."
            ids, _ = index.phrase(token)
            ids = [i for i in ids if not index.is_person(i)] or [
                # "The Trump administration ... its": the phrase is the leader, the pronoun the
                # body the subject's own word names (the state)
                i for i in index.at(token)[0] if not index.is_person(i)
            ]
            if ids or (token.pos_ == "NOUN" and not index.by_token.get(token.i)):
                # a subject naming no actor ("The people who run this protectorate say
                # they ...") stands between a pronoun and an earlier actor
                recent.append((s_index, ids, token))
                del recent[:-4]


def _outside_direct_speech(index: DocumentIndex, token: Token) -> bool:
    """Outside a quote, or in reported speech ("the minister said her government ..."), where a
    third person may be the speaker; inside a direct quote it is someone the quote names."""
    quote = index.quote_at(token.idx)
    return quote is None or quote.kind == "indirect"


def _office_antecedent(
    token: Token, s_index: int, recent: list[tuple[int, list[str], Token]]
) -> list[str] | None:
    """The state of an office-holder named only by the office ("Argentina's foreign minister
    said her government ..."): the latest subject in this or the previous sentence, when it is
    an office noun that stands for one actor."""
    for sentence, ids, subject in reversed(recent):
        if s_index - sentence > 1:
            break
        if sentence == s_index and subject.i > token.i:
            continue
        if subject.lemma_.lower() in _OFFICE_NOUNS and subject.pos_ == "NOUN" and len(ids) == 1:
            return list(ids)
        return None  # a nearer subject of another kind is the likelier antecedent
    return None


def _addressee(index: DocumentIndex, token: Token) -> list[str] | None:
    """A possessive in the infinitive of a request belongs to the one asked ("called on
    Beijing to end its military pressure": its = Beijing)."""
    if token.dep_ != "poss":
        return None
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i < token.i:
            named = [i for i in index.by_token.get(obj.i, []) if not index.is_person(i)]
            if named:
                return named  # "lobbying the EU to punish Georgia for its course": Georgia's
    verb = coordination_head(verb)
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or not is_to_infinitive(verb):
        return None
    asker = verb.head
    for child in asker.children:
        objects = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ in _ADDRESSEE_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
        for obj in objects:
            ids = [i for i in index.by_token.get(obj.i, []) if not index.is_person(i)]
            if ids:
                return ids
    return None


def _antecedent(
    token: Token, s_index: int, recent: list[tuple[int, list[str], Token]], index: DocumentIndex
) -> list[str] | None:
    """The latest subject in the same sentence that is not the pronoun's co-argument (a plain
    object pronoun does not stand for the subject of its own verb: "Yerevan decided that
    Paris would protect it", it = Yerevan); across a sentence boundary, the main-clause
    subject of the previous sentence first ("Yerevan decided that Paris would protect it.
    It froze ...": It = Yerevan), else its latest subject."""
    previous: list[tuple[list[str], Token]] = []
    plural = token.lower_ in THIRD_PLURAL
    for sentence, ids, subject in reversed(recent):
        if not ids:
            # a plain noun subject agreeing in number with the pronoun is its antecedent, and
            # it names no actor: the pronoun stands for none
            if sentence == s_index and (subject.tag_ == "NNS") == plural and subject.i < token.i:
                return None
            continue
        if sentence == s_index:
            if token.lower_ in OBJECT and subject.head.i == token.head.i:
                continue
            if plural and subject.tag_ == "NNP":
                # "Brazil hosted the BRICS leaders, and their declaration ...": a plural noun
                # after a singular name, naming actors, agrees with "their" where it does not
                between = _plural_object_between(subject, token, index)
                if between:
                    return between
            return list(ids)
        if s_index - sentence == 1:
            previous.append((ids, subject))
    for ids, subject in previous:
        if subject.head.dep_ == "ROOT":
            return list(ids)
    return list(previous[0][0]) if previous else None


def _plural_object_between(subject: Token, pronoun: Token, index: DocumentIndex) -> list[str]:
    """The actors of the last plural noun object (NNS, NNPS) between ``subject`` and ``pronoun``
    that names actors other than the subject's, else none."""
    doc = subject.doc
    subject_ids: list[str] | None = None
    for word in reversed(doc[subject.i + 1 : pronoun.i]):
        if word.tag_ in ("NNS", "NNPS") and word.dep_ in ("dobj", "pobj"):
            if subject_ids is None:
                subject_ids = index.phrase(subject)[0]
            ids = [i for i in index.phrase(word)[0] if i not in subject_ids]
            if ids:
                return ids
    return []


# ---------------------------------------------------------------------- the wider reading
def with_wider_references(index: DocumentIndex, outlet_side: str | None) -> DocumentIndex:
    """The stance stage's reading of the index (the index itself is left as it was):

    - the outlet's "we/our/us" outside quotes stands for ``outlet_side`` (the country its own
      voice speaks for, when it speaks as a nation);
    - a plural pronoun stands for a whole coordination ("the EU and the US ... they"), and one
      left unresolved repeats the plural pronoun before it ("I do not blame them ... I blame
      them");
    - a subject pronoun of a clause coordinated with one whose subject names no actor ("That is
      their argument, and it is dishonest") stands for that subject, not for an actor further
      back.
    """
    view = copy.copy(index)
    view.by_token = dict(index.by_token)
    view._pronouns = dict(index._pronouns)
    sdoc = index.sdoc
    for i in list(view._pronouns):
        if _refers_to_coordinated_subject(index, sdoc[i]):
            del view._pronouns[i]
    coordinated: list[tuple[int, list[str]]] = []  # (sentence start, ids) of coordinated subjects
    plural: list[tuple[int, list[str]]] = []  # (sentence start, ids) of resolved plural pronouns
    starts = [sent.start for sent in sdoc.sents]
    # only plural pronouns and coordinators take part: the others are passed over without a Token
    for i in np.flatnonzero(lower_in(sdoc, _WIDER_PRONOUNS | _COORDINATORS)).tolist():
        token = sdoc[i]
        lower = token.lower_
        sentence = bisect_right(starts, i) - 1
        window = starts[max(0, sentence - _PRONOUN_WINDOW)]
        if lower in _WIDER_PRONOUNS and i not in view.by_token:
            if lower in FIRST_PLURAL:
                if outlet_side and index.quote_at(token.idx) is None:
                    view.by_token[i] = [outlet_side]
            else:
                ids, _ = index.at(token)
                wider = next((c for start, c in reversed(coordinated) if start >= window and set(ids) & set(c)), None)
                if wider is not None:
                    ids = wider
                elif not ids:
                    ids = next((p for start, p in reversed(plural) if start >= window), [])
                if ids:
                    view.by_token[i] = list(ids)
                    plural.append((starts[sentence], list(ids)))
        elif lower in _COORDINATORS:
            # "the EU and the US": a coordinated subject, kept for plural pronouns after it
            subject = token.head
            if subject.dep_ in ("nsubj", "nsubjpass"):
                ids, _ = index.phrase(subject)
                if len(ids) > 1:
                    coordinated.append((starts[sentence], ids))
    return view


def _refers_to_coordinated_subject(index: DocumentIndex, pronoun: Token) -> bool:
    """"That is their favourite argument, and it is dishonest": a subject pronoun of a clause
    coordinated with one whose subject names no actor stands for that subject, not for an actor
    further back."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
    return bool(subjects) and not index.phrase(subjects[0])[0]
