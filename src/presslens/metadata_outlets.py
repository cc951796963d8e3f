"""Who published an article and who speaks in it, as the lede frames it: the outlet named by the
lede's own cues ("Speaking with X", "X reports", "(X) -" after a dateline place, "in an interview
with X"; "told X" only in the lede, where it frames an interview: deeper in the text it is a quote
cue, not the publisher), and the interviewee those cues present.

A name that is a known non-media actor (a person, a state, a party, a body of a state in the
gazetteer, or a generic state body such as "Cabinet" or "House of Commons") is never an outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presslens.lexicon.words import word_data, word_set
from presslens.metadata_dates import alternatives


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


def is_person_name(words: str) -> bool:
    tokens = words.split()
    return 2 <= len(tokens) <= 4 and all(_capitalised(t) for t in tokens)


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and any(ch.islower() for ch in token)


# A capitalised name of one to six words ("Caspian Herald", "The Meridian Daily", "Voice of
# Eurasia"); it stops at punctuation or at the first lowercase word (usually the verb).
# Python's re has no \p{Lu}: the capitals of the Latin, Greek, Cyrillic and Armenian blocks.
UPPER = "[" + "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper()) + "]"
_WORD = rf"{UPPER}[\w'’&.-]*(?<![.])"
_NAME = rf"(?:{_WORD}|\d+)(?:\s(?:of\s|the\s|and\s|for\s|de\s)?(?:{_WORD}|\d+)){{0,5}}"
# "the TV channel", "the newspaper" before an outlet's name (data/en/metadata.yaml): skipped
_OUTLET_NOUN = rf"(?:(?i:{alternatives(word_set('metadata', 'outlet_nouns'), any_space=True)})\s+)?"
# "in an interview with X", "X reports" (data/en/metadata.yaml)
_INTERVIEW_NOUNS = alternatives(word_set("metadata", "interview_nouns", "en"))
_REPORTING_VERBS = alternatives(word_set("metadata", "reporting_verbs", "en"))
_OUTLET_CUES = [
    re.compile(rf"\b[Ss]peaking\s+(?:with|to)\s+(?:the\s+)?{_OUTLET_NOUN}(?P<outlet>{_NAME})\s*,"),
    re.compile(
        rf"\b(?:[Ii]n\s+an?\s+(?:{_INTERVIEW_NOUNS})|[Ii]n\s+comments)\s+(?:with|to)\s+(?:the\s+)?{_OUTLET_NOUN}(?P<outlet>{_NAME})"
    ),
    re.compile(rf"\btold\s+(?:the\s+)?{_OUTLET_NOUN}(?P<outlet>{_NAME})"),
    re.compile(rf"\b(?:{_REPORTING_VERBS})\s+(?P<outlet>{_NAME})\s*[.,;]"),
    re.compile(rf"(?P<outlet>{_NAME})\s+(?:has\s+)?learn(?:ed|t)\b"),
    # a wire dateline opening the lede: "LONDON (Reuters) -", "WASHINGTON (AP) —"
    re.compile(rf"^{UPPER}[{UPPER[1:-1]} .,'’-]*\((?P<outlet>{_NAME})\)\s*[-–—]", re.MULTILINE),
]
_INTERVIEW_CUES = 3  # the first cues name an interview, so their sentence names the interviewee

# Other languages' interview cues, from data/<language>/metadata.yaml: an interview phrase, an
# optional "correspondent", an outlet noun, and the outlet's name in «» ("в интервью изданию
# «Восточный рубеж»"). They name an interview too.
OUTLET_CUE_LANGUAGES = ("ru",)


_QUOTED_INTERVIEW_CUES = [
    re.compile(
        rf"(?i:{alternatives(word_set('metadata', 'interview_phrases', language), any_space=True)})\s+"
        rf"(?i:{alternatives(word_set('metadata', 'outlet_nouns', language), any_space=True)})\s+"
        r"«(?P<outlet>[^«»\n]{2,60})»"
    )
    for language in OUTLET_CUE_LANGUAGES
]
_ROLE_WORDS = frozenset(
    w for language in OUTLET_CUE_LANGUAGES for w in word_set("metadata", "role_words", language)
)
_CAPITALISED_RUN = re.compile(rf"{UPPER}[^\W\d_]+(?:-{UPPER}?[^\W\d_]+)*(?:\s+{UPPER}[^\W\d_]+(?:-{UPPER}?[^\W\d_]+)*)*")
_IN_GUILLEMETS = re.compile(r"«[^«»]*»")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Op-eds and editorials name their own outlet anywhere in the text, often in a sign-off.
_READER_VERBS = alternatives(word_set("metadata", "reader_verbs", "en"))  # "Readers of X know"
_SELF_NAMING_CUES = [
    re.compile(rf"\b[Ee]ditorial\s+[Bb]oard\s+of\s+(?:the\s+)?(?P<outlet>{_NAME})"),
    re.compile(rf"\b[Rr]eaders\s+of\s+(?:the\s+)?(?P<outlet>{_NAME})\s+(?:{_READER_VERBS})\b"),
    re.compile(rf"\b[Hh]ere\s+at\s+(?:the\s+)?(?P<outlet>{_NAME})"),
]
# The English words of the outlet and interviewee cues (data/en/metadata.yaml).
_ENGLISH = word_data("metadata", "en")
_NOT_OUTLETS = word_set("metadata", "not_outlets", "en")  # a person, place or body, not a paper
# role nouns around an interviewee's name, in the file's order
_ROLE = "(?:" + "|".join(
    re.escape(str(phrase)).replace(r"\ ", r"\s+") for phrase in _ENGLISH["role_phrases"]
) + ")"
_ROLE_THEN_NAME = re.compile(rf"\b{_ROLE}\s+(?P<name>{_NAME})")
_NAME_APPOSITIVE = re.compile(rf"^(?P<name>{_NAME}),\s+(?:a|an|the)\s[^,]*?\b{_ROLE}\b")
_NAME_TOLD = re.compile(rf"(?P<name>{_NAME})\s+told\b")
_TITLE_WORDS = word_set("metadata", "title_words", "en")
_DATE_WORDS = word_set("metadata", "date_words", "en")  # a date after an outlet's name


@dataclass(frozen=True)
class OutletMatch:
    name: str
    start: int
    end: int
    sentence: str  # the sentence it was named in
    interview: bool  # named as the interviewer, so the sentence names the interviewee


def find_outlet(text: str, start: int = 0, end: int | None = None) -> OutletMatch | None:
    """The outlet named by an attribution cue in ``text[start:end]``, the earliest one first."""
    end = len(text) if end is None else end
    best: OutletMatch | None = None
    # (cue, names an interview, the name is whole: in «» nothing is to be trimmed)
    cues = [(cue, index < _INTERVIEW_CUES, False) for index, cue in enumerate(_OUTLET_CUES)]
    cues += [(cue, True, True) for cue in _QUOTED_INTERVIEW_CUES]
    for cue, interview, whole in cues:
        for m in cue.finditer(text, start, end):
            if whole:
                name, at = m.group("outlet").strip(), m.start("outlet")
            else:
                name, at = _outlet_of_a_journalist(_trim_name(m.group("outlet")), m.start("outlet"))
            if not _could_be_outlet(name):
                continue
            if best is None or at < best.start:
                sentence = sentence_at(text, at, start, end)
                best = OutletMatch(name, at, at + len(name), sentence, interview)
            break
    return best


def _outlet_of_a_journalist(name: str, at: int) -> tuple[str, int]:
    """"told Wolf Blitzer of CNN": the journalist's outlet (the words after "of" that follows a
    person's name), with its offset; any other name unchanged."""
    person, of, outlet = name.partition(" of ")
    if of and outlet and is_person_name(person) and not person.startswith("The "):
        return outlet, at + len(person) + len(of)
    return name, at


def find_self_named_outlet(text: str, start: int = 0) -> OutletMatch | None:
    """The outlet an op-ed names as itself ("The editorial board of X", "Readers of the X know")."""
    for cue in _SELF_NAMING_CUES:
        for m in cue.finditer(text, start):
            name = _trim_name(m.group("outlet"))
            if _could_be_outlet(name):
                at = m.start("outlet")
                return OutletMatch(name, at, at + len(name), sentence_at(text, at, start, len(text)),
                                   interview=False)
    return None


def _could_be_outlet(name: str) -> bool:
    words = name.split()
    if words and words[0] == "The":  # "The Meridian Daily": judge by the word after the article
        words = words[1:]
    if not words or words[0].lower() not in _NOT_OUTLETS:
        return bool(words) and " ".join(words).lower() not in _non_media_names()
    return False


@lru_cache(maxsize=1)
def _non_media_names() -> frozenset[str]:
    """Names that are known actors of another kind: every form of a gazetteer entry that is not
    media (persons, states, parties, bodies), and the generic nouns of a state's bodies."""
    # imported here: the actor package loads the parser, which reading metadata does not need
    from presslens.actors.gazetteer import shipped_gazetteer
    from presslens.actors.lexicons import state_body_nouns

    names: set[str] = set()
    for entry in shipped_gazetteer():
        if entry.kind != "media":
            forms = (entry.name, *entry.names, *entry.acronyms, *entry.demonyms, *entry.capitals,
                     *entry.cities, *entry.seats)
            names.update(form.lower() for form in forms)
    bodies = state_body_nouns()
    for noun, forms in bodies.nouns.items():
        names.add(noun)
        names.update(forms)
    names.update(bodies.government_nouns)
    return frozenset(names)


def _trim_name(name: str) -> str:
    """Drop trailing connector words the name pattern may have swallowed, and a day or month
    that follows the name ("told The Associated Press Friday")."""
    words = name.split()
    while words and (not (words[-1][:1].isupper() or words[-1].isdigit()) or words[-1] in _DATE_WORDS):
        words.pop()
    return " ".join(words)


def sentence_at(text: str, pos: int, lo: int, hi: int) -> str:
    """The sentence around ``pos``, within ``text[lo:hi]`` (a rough split is enough here)."""
    start = max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos), lo - 1)
    ends = [i for i in (text.find(". ", pos, hi), text.find("\n", pos, hi)) if i != -1]
    end = min(ends) if ends else hi
    return text[start + 1 : end + 1].strip()


def find_interviewee(sentence: str, outlet: str) -> str | None:
    """The person an interview sentence presents: 'political scientist Arkady Telmanov',
    'Selim Karaağaç, a former Turkish ambassador, told', 'Ruben Avagyan told ...'."""
    for pattern in (_ROLE_THEN_NAME, _NAME_APPOSITIVE, _NAME_TOLD):
        for m in pattern.finditer(sentence):
            words = m.group("name").split()
            while words and words[0].lower().rstrip(".") in _TITLE_WORDS:
                words = words[1:]
            name = _trim_name(" ".join(words))
            if name != outlet and is_person_name(name):
                return name
    return _named_after_role_words(sentence, outlet)


def _named_after_role_words(sentence: str, outlet: str) -> str | None:
    """The first run of two or three capitalised words outside «» once the role words before it
    are dropped ("Политолог Игорь Семёнов, руководитель ..." -> "Игорь Семёнов"): the interviewee
    of a sentence in a language whose cues are data."""
    if not _ROLE_WORDS or not _CYRILLIC.search(sentence):
        return None  # English sentences keep the English patterns alone
    bare = _IN_GUILLEMETS.sub(lambda m: " " * len(m.group()), sentence)
    for run in _CAPITALISED_RUN.finditer(bare):
        words = run.group().split()
        while words and words[0].lower() in _ROLE_WORDS:
            words = words[1:]
        name = " ".join(words)
        if 2 <= len(words) <= 3 and name != outlet and is_person_name(name):
            return name
    return None


