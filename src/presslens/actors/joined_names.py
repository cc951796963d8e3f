"""Full names written side by side with nothing between them: a list of people, not one person.

A poll's options, a row of tags or a caption's credits run names together without commas ("John
Bolton Richard Grenell Dina Powell Heather Nauert"), and NER takes the run, or any cut of it, for
one person ("John Bolton Richard Grenell", "Nauert Ivanka Trump"). A run of four capitalised
words or more that opens with a given name and a proper noun is read as such a list where it falls
into pieces of two words or more at words that open a name, a given name or a word where NER
begins a person, each after a word that is no given name (a surname ends the name before): "Keith
Ellison | Cory Booker". Where three pieces or more all have an even number of words, the given
names known show a list of two-word names, and the longer pieces are cut into two-word names too
("Dianne Feinstein Maxine Waters"). A name with given names in the middle stays whole ("Carlo
Maria Viganò", "Sarah Lucy Halimi": a piece needs two words before the cut; "John Michael Scott
Smith": the word before "Scott" is a given name), and so does a run that holds a title ("St. Louis
Mayor Lyda Krewson"). Each piece is then asked as a name of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from presslens.actors.gender import GIVEN_NAMES

if TYPE_CHECKING:
    from presslens.actors.stage import _Run

_SHORTEST_LIST = 4  # two names of two words


def joined_names(run: _Run) -> Iterator[Span]:
    """The names of every run of capitalised proper nouns that is a list of full names."""
    titles = run.x.titles
    for words in _capitalised_runs(run.tokens):
        if any(t.lower_ in titles.all or t.lower_ in titles.before_names for t in words):
            continue  # "Louis Mayor Lyda Krewson" (in "St. Louis"): a title is no name's word
        cuts = name_cuts([t.text for t in words], [t.ent_iob_ == "B" and t.ent_type_ == "PERSON" for t in words])
        for start, end in zip(cuts, [*cuts[1:], len(words)], strict=True):
            if len(cuts) > 1:
                yield run.sdoc[words[start].i : words[end - 1].i + 1]


def name_cuts(words: Sequence[str], person_starts: Sequence[bool]) -> list[int]:
    """Where the names of ``words`` begin (always 0 first); only 0 when the words are no list
    of names (see the module text). ``person_starts``: NER begins a person at the word."""
    if len(words) < _SHORTEST_LIST or words[0] not in GIVEN_NAMES:
        return [0]
    cuts = [0]
    for i in range(2, len(words) - 1):
        opens = words[i] in GIVEN_NAMES or person_starts[i]
        if opens and words[i - 1] not in GIVEN_NAMES and i - cuts[-1] >= 2:
            cuts.append(i)
    sizes = [end - start for start, end in zip(cuts, [*cuts[1:], len(words)], strict=True)]
    if len(sizes) >= 3 and all(size % 2 == 0 for size in sizes):
        return list(range(0, len(words), 2))
    return cuts


def _capitalised_runs(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """Maximal runs of capitalised alphabetic words at least ``_SHORTEST_LIST`` long that open
    with two proper nouns (the tagger reads some surnames in a run of names as verbs or nouns:
    "Maxine Waters")."""
    current: list[Token] = []
    for tok in [*tokens, None]:
        if tok is not None and tok.is_alpha and tok.text[0].isupper() and not tok.is_upper:
            current.append(tok)
            continue
        if len(current) >= _SHORTEST_LIST and all(t.pos_ == "PROPN" for t in current[:2]):
            yield current
        current = []
