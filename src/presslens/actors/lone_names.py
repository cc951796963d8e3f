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

from spacy.tokens import Span

from presslens.actors.lexicons import LoneNameCues
from presslens.lexicon import word_set

# "a trip to X", "returned from X": places after words of motion
_MOTION_LEMMAS = word_set("places", "motion_words")
_VERBAL = frozenset({"VERB", "AUX"})


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
    doc = tok.doc
    dep, head = tok.dep_, tok.head
    if dep == "compound":
        return head.lower_ in cues.led_nouns  # "the Obama administration", "Clinton supporters"
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.lower_ in cues.determiners and before.pos_ == "DET":
        return False  # "the Dniester", "the Aras", "a Schengen visa" (not "insist that X")
    if dep == "poss" or any(c.tag_ == "POS" for c in tok.children):
        return True  # "Kasich's complaints", "as much as Clinton's"
    if dep in ("nsubj", "nsubjpass", "dobj", "dative") and head.pos_ in _VERBAL:
        return True  # "Cruz offered", "to confirm Gorsuch", "to give Gingrich access"
    if dep == "pobj":
        prep = head.lower_
        # "in", "at", "on", "near", "over": likely a place; so is "a trip to X"
        return prep in cues.prepositions and not (
            prep in ("to", "from") and head.head.lemma_.lower() in _MOTION_LEMMAS)
    return False


# "al-Assad" -> "Assad": Arabic articles and "son of" particles glued to a surname
_GLUED_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ibn", "bin",
                              "ben", "abu"})
_NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


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
    if after is not None and after.text.rstrip(".") in ("Jr", "Sr"):
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
