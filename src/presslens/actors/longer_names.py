"""A person's name that holds another person's full name and more: the shorter name is the person.

A run of capitalised words is taken whole for a name, so a headline's verb or noun after a name
("Ilhan Omar Defends Tweet On ..."), a place or program after it in a list of tags ("Jeff
Sessions San Francisco", "Carter Page FISA") and a capitalised epithet or rank before it
("Billionaire George Soros", "Councillor Ohid Ahmed") become people of their own. Where the
article names the person elsewhere by the shorter full name, the longer mention is cut to it and
joins that person; the other words are left free for later passes. Only a full name of two words
or more counts (a surname alone proves nothing), and the words cut off must include one the
article also writes in lower case ("day", "staffer", "billionaire") or an acronym ("FISA"): the
rest of a real name is neither ("Giovanni Battista Re" beside "Giovanni Battista", "Sarah Lucy
Halimi" beside "Sarah Lucy", "Jose Ines Garcia Zarate" beside "Garcia Zarate"). Words before the
name are never cut where one is a given name or an initial, nor words after it that are only a
generational suffix ("Robert S. Mueller III").

An epithet or rank before a name of two words is cut even where the article never writes the
name alone, on the same evidence: the word is written in lower case elsewhere in the article and
is no given name ("Billionaire George Soros" beside "the billionaire").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from presslens.actors.drafts import slug
from presslens.actors.gender import GIVEN_NAMES
from presslens.lexicon import word_set

if TYPE_CHECKING:
    from presslens.actors.drafts import ActorDraft
    from presslens.actors.stage import _Run
    from presslens.model import MentionRole

_SUFFIXES = frozenset(w.rstrip(".") for w in word_set("name_parts", "generational_suffixes"))


def trim_longer_names(run: _Run) -> None:
    """Cut each unlisted person's mention that begins or ends with another person's full name
    (see the module text) to that name, and give it to that person."""
    people = [d for d in run.drafts.values() if d.kind == "person"]
    full_names = {tuple(d.name.split()): d for d in people if len(d.name.split()) >= 2}
    if not full_names:
        return
    for draft in people:
        if draft.entry is not None:
            continue
        for (start, end), role in sorted(draft.mentions.items()):
            found = _shorter_name(run.text[start:end].split(), full_names, draft,
                                  lambda word: _common_word(word, run.lowercase_words))
            if found is None:
                continue
            shorter, skipped_before, kept = found
            begin = _char_of_word(run.text, start, skipped_before)
            _move(run, draft, (start, end), role, shorter, (begin, begin + len(" ".join(kept))))
        if not draft.mentions:  # all its mentions were another's name: its own name was none
            del run.drafts[draft.key]
            if full_names.get(tuple(draft.name.split())) is draft:
                del full_names[tuple(draft.name.split())]  # nor a name a later one is cut to
    _cut_epithets(run)


def _cut_epithets(run: _Run) -> None:
    """An unlisted person's name of three words or more whose first word the article writes in
    lower case elsewhere and is no given name is that word and a name ("Billionaire George
    Soros", "Drummer Lee Rigby", "Conservative Ben Shapiro" in headlines and tags): the person
    is the name after it, the word is cut from every mention that opens with it."""
    for draft in [d for d in run.drafts.values() if d.kind == "person" and d.entry is None]:
        words = draft.name.split()
        first = words[0]
        if (len(words) < 3 or first in GIVEN_NAMES or _is_initial(first) or first.isupper()
                or not _common_word(first, run.lowercase_words)):
            continue
        name = " ".join(words[1:])
        target = run.draft_for(f"person:{slug(name)}", name, "person")
        for (start, end), role in sorted(draft.mentions.items()):
            if not run.text.startswith(first, start) or end - start <= len(first) + 1:
                continue
            _move(run, draft, (start, end), role, target, (_char_of_word(run.text, start, 1), end))
        if not draft.mentions:
            del run.drafts[draft.key]


def _move(run: _Run, draft: ActorDraft, old: tuple[int, int], role: MentionRole,
          target: ActorDraft, new: tuple[int, int]) -> None:
    """Give the part ``new`` of ``draft``'s mention ``old`` to ``target``; the rest of the
    mention's tokens are left free for later passes."""
    span = run.sdoc.char_span(*new, alignment_mode="expand")
    if span is None:
        return
    del draft.mentions[old]
    for token in run.sdoc.char_span(*old, alignment_mode="expand") or ():
        run.taken.discard(token.i)
        run.token_owner.pop(token.i, None)
    run._claim(target, span, role)


def _shorter_name(words: list[str], full_names: dict[tuple[str, ...], ActorDraft],
                  draft: ActorDraft, common: Callable[[str], bool],
                  ) -> tuple[ActorDraft, int, list[str]] | None:
    """(the person, how many words come before their name, their name's words) where ``words``
    begin or end with another person's full name and the rest may be cut (``common``: a word
    that is no part of a name)."""
    for size in range(len(words) - 1, 1, -1):  # the longest shorter name first
        head, tail = tuple(words[:size]), tuple(words[-size:])
        other = full_names.get(head)
        after = words[size:]
        if (other is not None and other is not draft and any(common(w) for w in after)
                and not all(w.rstrip(".") in _SUFFIXES for w in after)):
            return other, 0, list(head)
        other = full_names.get(tail)
        before = words[: len(words) - size]
        if (other is not None and other is not draft and any(common(w) for w in before)
                and not any(w in GIVEN_NAMES or _is_initial(w) for w in before)):
            return other, len(before), list(tail)
    return None


def _common_word(word: str, lowercase_words: frozenset[int]) -> bool:
    """Written in lower case somewhere in the article, or an acronym of two letters or more."""
    core = word.strip(".,;:'’\"“”()")
    return (len(core) >= 2 and core.isalpha() and core.isupper()) or (
        get_string_id(core.lower()) in lowercase_words)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _char_of_word(text: str, start: int, skipped: int) -> int:
    """The offset of the word after ``skipped`` whitespace-separated words from ``start``."""
    at = start
    for _ in range(skipped):
        while at < len(text) and not text[at].isspace():
            at += 1
        while at < len(text) and text[at].isspace():
            at += 1
    return at
