"""A lone capitalised word that NER tags as a person: is it one?

A surname alone ("Cruz offered an amendment", "Kasich's complaints") is how news refers to
people it expects readers to know. The small English model tags such words PERSON, but it also
tags rivers, islands and towns so ("the Dniester", "on Svalbard"); the actor stage therefore
wants evidence beyond the tag. Here the evidence is the word's place in the sentence: where a
person stands (a possessor, the subject or object of a verb, the object of "with", "against",
"by" ..., the modifier of "administration", "supporters" ...) and no determiner before it.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Span, Token

from presslens.actors.lexicons import LoneNameCues
from presslens.lexicon import word_set, word_table

# "a trip to X", "returned from X": places after words of motion
_MOTION_LEMMAS = word_set("places", "motion_words")
_MOTION_PREPS = word_set("places", "motion_preps")
_VERBAL = frozenset({"VERB", "AUX"})
# "Sunday's conference", "March's vote": days and months written like names
_CALENDAR = word_set("dates", "weekdays") | frozenset(word_table("dates", "months"))


def looks_like_surname(word: str) -> bool:
    """Capitalised, not all capitals, at least two letters: "Cruz", "McConnell", not "BRELL"."""
    return (len(word) >= 2 and word[:1].isupper() and word.isalpha()
            and any(c.islower() for c in word[1:]))


def lone_name_is_person(span: Span, cues: LoneNameCues) -> bool:
    """Whether the one-word ``span`` stands where a person stands (see the module text)."""
    if len(span) != 1:
        return False
    tok = span[0]
    if not looks_like_surname(tok.text):
        return False
    lead = first_conjunct(tok)
    if lead is not tok:  # "criticism of Palin and McCain": the list stands where "Palin" stands
        if after_determiner(tok, cues):
            return False
        tok = lead
    if dep_is_led_noun(tok, cues):
        return True  # "the Obama administration", "Clinton supporters", "the Allawi regime"
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in _NOMINAL:
        return False  # "a Schengen visa", "the Dniester delta"
    if after_determiner(tok, cues):
        return False  # "the Dniester", "the Aras", "a Schengen visa" (not "insist that X")
    if is_possessor(tok):
        return True  # "Kasich's complaints", "as much as Clinton's"
    if tok.dep_ == "appos" and tok.head.lower_ in cues.appositive_nouns:
        return True  # "his older sister, Elizabeth,"
    return stands_as_person(tok, cues)


_POSSESSIVE_ENDINGS = frozenset({"'s", "’s"})
_APOSTROPHES = frozenset({"'", "’"})


def is_possessor(tok: Token) -> bool:
    """``tok`` owns what follows it: "Kasich's complaints", "as much as Clinton’s" (a "’s" the
    parser hangs elsewhere), "Sessions’ judgment" (an apostrophe after a singular name's final
    s; not "Pawn Stars’")."""
    if tok.dep_ == "poss" or any(c.tag_ == "POS" for c in tok.children):
        return True
    after = tok.nbor() if tok.i + 1 < len(tok.doc) and not tok.whitespace_ else None
    return after is not None and (after.lower_ in _POSSESSIVE_ENDINGS or (
        after.text in _APOSTROPHES and tok.lower_.endswith("s") and tok.tag_ == "NNP"))


_NOMINAL = frozenset({"NOUN", "PROPN"})


def first_conjunct(tok: Token) -> Token:
    """The first member of the short list of one-word names ``tok`` belongs to ("Palin" for
    "McCain" in "criticism of Palin and McCain"): such a list stands where its first name
    stands. ``tok`` itself where the list is longer than three (a list of counties) or its first
    member is no lone name ("the Federal Correctional Institution, Schuylkill")."""
    members = name_list(tok)
    return members[0] if members else tok


def name_list(tok: Token) -> list[Token]:
    """The members of the list of two or three one-word names ``tok`` belongs to, first one
    first ("Palin and McCain"); empty where ``tok`` is in no list, or in a longer one (a list of
    counties), or in one with a member that is no lone name ("the Federal Correctional
    Institution, Schuylkill")."""
    lead = tok
    while lead.dep_ == "conj" and lead.head.i != lead.i:
        lead = lead.head
    members = [lead, *(t for t in lead.subtree if t.dep_ == "conj" and t.head.i != t.i)]
    if not 2 <= len(members) <= 3 or any(
            not looks_like_surname(m.text) or m.pos_ != "PROPN" or m.ent_type_ == "ORG"
            or any(c.dep_ == "compound" for c in m.children) for m in members):
        return []
    return members


def after_determiner(tok: Token, cues: LoneNameCues) -> bool:
    """A determiner stands before ``tok`` ("the Dniester"; not "charged that Sessions'")."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and before.lower_ in cues.determiners and before.pos_ == "DET"


def dep_is_led_noun(tok: Token, cues: LoneNameCues) -> bool:
    """A name that modifies a noun for what a person leads or has ("the Obama administration",
    "a Reid staffer", "the Paulson proposal"; spaCy calls some of these modifiers "amod")."""
    return (tok.dep_ in ("compound", "amod") and tok.head.pos_ in _NOMINAL
            and tok.head.lower_ in cues.led_nouns)


def stands_as_person(tok: Token, cues: LoneNameCues) -> bool:
    """Whether ``tok`` stands where a person stands: the subject or object of a verb, the object
    of a preposition for people ("a race with Clinton"), or of a place preposition after a word
    that aims it at someone ("leveled at Clinton", "rally around Sanders")."""
    dep, head = tok.dep_, tok.head
    if dep in ("nsubj", "nsubjpass", "dobj", "dative") and head.pos_ in _VERBAL:
        return True  # "Cruz offered", "to confirm Gorsuch", "to give Gingrich access"
    if dep != "pobj":
        return False
    prep = head.lower_
    if aimed_at_person(tok, cues):
        return True
    if head.i > 0 and f"{tok.doc[head.i - 1].lower_} {prep}" in cues.prepositions:
        return True  # "activists such as Sarsour", "a rival such as Cruz"
    # "in", "at", "on", "near", "over": likely a place; so is "a trip to X"
    return prep in cues.prepositions and not (
        prep in _MOTION_PREPS and head.head.lemma_.lower() in _MOTION_LEMMAS)


def aimed_at_person(tok: Token, cues: LoneNameCues) -> bool:
    """The object of a place preposition that a word before it aims at someone: "the criticism
    Comey leveled at Clinton", "voters coalesce around Sanders", "lit into Burnett", "his lead
    over Rubio" (``aimed_prepositions`` in lone_names.yaml: "level at", "coalesce around" ...)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.i == tok.i:
        return False
    word = prep.head
    return (f"{word.lemma_.lower()} {prep.lower_}" in cues.aimed_prepositions
            or f"{word.lower_} {prep.lower_}" in cues.aimed_prepositions)


def untagged_name_acts(tok: Token, cues: LoneNameCues) -> bool:
    """A lone name the NER model leaves untagged that stands where a person stands and a place
    seldom does: the subject of a verb ("Gingrich currently lags", "Guardiola refused", "Evans
    is expected"), not a plural ("Zenefits failed"), a possessor ("Gorsuch's backers",
    "Mursi's remarks"), the object of a verb done to people ("Erdogan blames Gulen";
    ``person_object_verbs``) or the modifier of a led noun ("the Gorsuch hearings"). A name the
    model tags as a place or body needs a doer verb instead."""
    if len(tok) < 3 or tok.lower_ in _CALENDAR or (tok.ent_type_ and not (
            tok.pos_ != "PROPN" and tok.ent_type_ in ("ORG", "NORP"))):
        return False  # a word the tagger takes for a noun says little by its NER label
    if is_possessor(tok) or (tok.pos_ != "ADJ" and tok.head.i == tok.i + 1
                             and dep_is_led_noun(tok, cues)):
        return True  # "Sessions’ judgment" (the tagger takes it for a plural)
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        return tok.head.lemma_.lower() in cues.person_object_verbs
    return tok.tag_ != "NNPS" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB"


# "al-Assad" -> "Assad": Arabic articles and "son of" particles glued to a surname
_GLUED_PARTICLES = word_set("name_parts", "glued_particles")
_NAME_SUFFIXES = word_set("name_parts", "generational_suffixes")
_JUNIOR_SENIOR = word_set("name_parts", "junior_senior")


def short_forms(name: str, last_word: bool = True) -> set[str]:
    """The one-word forms a text uses for a person named ``name`` once it has introduced them:
    the last word ("Marcos" for "Ferdinand Marcos Jr"; left out when ``last_word`` is false:
    the gazetteer lists the bare surnames it wants), the surname without a glued article
    ("Assad" for "Bashar al-Assad"), and the first word of a surname-first name with a
    hyphenated given name ("Lee" for "Lee Jae-myung", "Lai" for "Lai Ching-te")."""
    words = name.split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    if len(words) < 2:
        return set()
    forms = {words[-1]} if last_word else set()
    head, _, rest = words[-1].partition("-")
    if rest and head.lower() in _GLUED_PARTICLES:
        forms.add(rest)
    if len(words) == 2 and "-" in words[1] and words[1][:1].isupper():
        forms.add(words[0])
    return {f for f in forms if len(f) >= 3 and looks_like_surname(f)}


def inside_another_name(span: Span, title_words: Set[str]) -> bool:
    """A known person's name inside another person's name: a given name before a bare surname
    in one NER name ("Melania Trump"), or a generational suffix after it ("Donald Trump Jr.")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text.rstrip(".") in _JUNIOR_SENIOR:
        return True
    if len(span) != 1 or span.start == 0:
        return False
    before = doc[span.start - 1]
    if not (before.pos_ == "PROPN" and before.is_alpha and before.text[:1].isupper()):
        return False  # "President Trump" has no given name; "U.S." is no name
    if before.lower_ in title_words:
        return False
    return any(e.label_ == "PERSON" and e.start <= before.i and span.end <= e.end for e in doc.ents)


def inside_person_entity(span: Span) -> bool:
    """A name inside a longer name that NER tags as a person: a region's ("Virginia Foxx"), a
    company's or university's ("Nikola Tesla", "Stanford Franklin")."""
    return any(e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end
               and len(e) > len(span) for e in span.doc.ents)
