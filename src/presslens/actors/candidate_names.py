"""Whether a span NER or a run of capitals offers is a name at all, before a pass makes it a
person or an organisation.

Person and organisation passes ask the same questions of a span: which honorifics and
possessives to strip ("Mr. Smith's"), whether it names a document, event or place instead of an
actor ("the Zangezur corridor", "north of Kharkiv"), whether its words are capitalised as a
name's are, and whether it is an institution's name ("the Institute of Caucasian Strategy").
The answers live here, once for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from presslens.actors.lone_names import aimed_at_person
from presslens.lexicon import word_set, word_table

if TYPE_CHECKING:
    from presslens.actors.stage import _Run

# A name after these prepositions is a place ("a conference in Moscow", "near Tiraspol"), not an
# actor: a capital there is no government either.
PLACE_PREPOSITIONS = word_set("places", "place_prepositions")
_COMPASS = word_set("places", "compass_words")
HONORIFICS: dict[str, str] = {word: str(gender) for word, gender in word_table("name_parts", "honorific_genders").items()}
_NAME_PARTICLES = word_set("name_parts", "name_particles_kept")
# "the village of Cobasna", "north of Kharkiv"
_GENITIVE_PREPS = word_set("places", "genitive_preps")
_TRAILING_POS = frozenset({"ADP", "DET", "CCONJ"})


def clean_name(run: _Run, ent: Span) -> tuple[Span, str] | None:
    """Strip determiners, honorifics and possessives; return the span and a gender hint."""
    start, end = ent.start, ent.end
    gender = ""
    # (nor opens with an auxiliary: a poll's "Will Brett Kavanaugh be confirmed?")
    while start < end and (run.sdoc[start].pos_ in ("DET", "PUNCT", "AUX") or
                           run.sdoc[start].lower_ in HONORIFICS):
        gender = HONORIFICS.get(run.sdoc[start].lower_, gender)
        start += 1
    # (a name never ends in a function word: NER's "the Government of National Unity of" before
    # "Abdul Hamid Dbeibah")
    while end > start and (run.sdoc[end - 1].tag_ == "POS" or run.sdoc[end - 1].is_punct
                           or run.sdoc[end - 1].is_space or run.sdoc[end - 1].pos_ in _TRAILING_POS):
        end -= 1
    if start >= end or any(run.sdoc[i].is_space for i in range(start, end)):
        return None  # a name never runs over a line break (a poll's list, a headline's end)
    if start > 0 and run.sdoc[start - 1].lower_ in HONORIFICS:
        gender = HONORIFICS[run.sdoc[start - 1].lower_] or gender
    return run.sdoc[start:end], gender


def is_non_actor(run: _Run, span: Span, person: bool = False) -> bool:
    """Whether ``span`` names a document, event, route, region or place. For a ``person``
    candidate, a following noun for what a person leads is no sign ("the Clinton campaign")."""
    na = run.x.non_actors
    if span.text in na.regions or span.text in na.events:  # "Brexit": an event, never an actor
        return True
    if is_institution_name(span):
        return False  # "the Institute of Caucasian Strategy", "a fellow at the Centre for ..."
    last = span[-1].lower_
    if last in na.head_nouns:
        return True
    # "Zangezur corridor": the name only modifies a non-actor noun
    after = run.sdoc[span.end] if span.end < len(run.sdoc) else None
    if after is not None and after.lower_ in na.head_nouns and not (
            person and after.lower_ in run.x.lone_name_cues.led_nouns):
        return True
    # "the TurkStream gas pipeline", "the Akkuyu nuclear power plant": an organisation's name
    # modifying a noun phrase whose head is such a noun, further on (a person's name there may
    # be the author's: "the Kushner peace plan")
    head = span.root
    while not person and head.dep_ in ("compound", "nmod") and head.head.i > head.i:
        head = head.head
    if head is not span.root and head.lower_ in na.head_nouns:
        return True
    # "the village of Cobasna", "north of Kharkiv", "near Tiraspol": a place; also the later
    # items of a list ("at Hmeimim and Tartus", "the ports of Tromsø, Kirkenes and Båtsfjord")
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ in PLACE_PREPOSITIONS:
            return not (person and _person_after_place_preposition(run, span, root))
        if prep.lower_ in _GENITIVE_PREPS and (prep.head.lower_ in na.place_nouns or
                                    prep.head.lower_ in _COMPASS):
            return True
    return False


def _person_after_place_preposition(run: _Run, span: Span, root: Token) -> bool:
    """A person's name after "in", "at", "into" ...: aimed at by the word before the preposition
    ("leveled at Clinton", "lit into Mark Burnett"), introduced by a role noun ("in producer Mark
    Burnett's film"), or the possessor of what the preposition governs ("in Daniel Noah's
    drama")."""
    if aimed_at_person(root, run.x.lone_name_cues):
        return True
    if any(t.tag_ == "POS" for t in root.children) or (
            span.end < len(run.sdoc) and run.sdoc[span.end].tag_ == "POS"):
        return True
    before = run.sdoc[span.start - 1] if span.start > 0 else None
    return before is not None and before.pos_ == "NOUN" and before.lower_ in run.x.titles.all


def looks_like_name(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    for t in words:
        if t.lower_ in _NAME_PARTICLES:
            continue
        if not t.text[0].isupper():
            return False
    return True


_INSTITUTION_HEADS = word_set("organisations", "institution_heads")
_INSTITUTION_NAME_GLUE = word_set("organisations", "institution_name_glue")
_INSTITUTION_HEAD_PREPS = word_set("organisations", "institution_head_preps")


def is_institution_name(span: Span) -> bool:
    """"(the) Institute of Caucasian Strategy", "Anatolian Security Forum": a capitalised name
    headed by an institution noun, whatever its other words (regions, ideas) are."""
    words = [t for t in span if t.pos_ != "DET" and t.text not in ("-", "–")]
    if len(words) < 2 or not all(t.text[:1].isupper() or t.lower_ in _INSTITUTION_NAME_GLUE
                                 for t in words):
        return False
    if words[0].lower_ in _INSTITUTION_HEADS and len(words) >= 3 and words[1].lower_ in _INSTITUTION_HEAD_PREPS:
        return True
    return words[-1].lower_ in _INSTITUTION_HEADS and words[-1].text[:1].isupper()

