"""Find gazetteer surface forms in a parsed text with spaCy's PhraseMatcher."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from presslens.actors.context_names import choose_entry
from presslens.actors.gazetteer import ContextName, Entry, Gazetteer
from presslens.syntax.lookup import orth_in

SurfaceKind = Literal["name", "acronym", "demonym", "capital", "seat", "city"]

# When two surface forms of different entries cover the same tokens, the more specific wins.
_SURFACE_PRIORITY: dict[str, int] = {"name": 0, "seat": 1, "acronym": 2, "capital": 3, "demonym": 4, "city": 5}


@dataclass(frozen=True)
class GazetteerMatch:
    """One occurrence of a gazetteer surface form (token indices into the spaCy doc)."""

    entry: Entry
    surface: SurfaceKind
    start: int
    end: int


class GazetteerMatcher:
    """A PhraseMatcher over every surface form of every entry, built once per gazetteer."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._labels: dict[int, tuple[str, SurfaceKind]] = {}
        surfaces: dict[str, list[str]] = {}
        # context-dependent forms: one label per form, every entry that may take it
        self._contextual: dict[int, list[tuple[Entry, ContextName]]] = {}
        for entry in gazetteer:
            for context in entry.context_names:
                key = nlp.vocab.strings.add(f"context|{context.name}")
                if key not in self._contextual:
                    self._contextual[key] = []
                    self._matcher.add(f"context|{context.name}", [nlp.make_doc(context.name)])
                self._contextual[key].append((entry, context))
            for surface, texts in forms_of(entry):
                label = f"{entry.key}|{surface}"
                key = nlp.vocab.strings.add(label)
                self._labels[key] = (entry.key, surface)
                variants = _with_spaced_hyphens(_with_spaced_initials(texts))
                surfaces.setdefault(label, []).extend(sorted(set(variants)))
        # forms for a possessive written without its apostrophe: one-word forms ("Russias
        # borders"), and forms of several words by their last word plus "s" ("South Koreas
        # president")
        self._one_word: dict[str, tuple[str, SurfaceKind]] = {}
        self._many_words: dict[str, list[tuple[tuple[str, ...], str, SurfaceKind]]] = {}
        for entry in gazetteer:
            for surface, texts in ((s, t) for s, t in forms_of(entry) if s != "demonym"):
                for text in texts:
                    words = tuple(text.split(" "))
                    if not all(w.isalnum() for w in words):
                        continue
                    if len(words) == 1:
                        self._one_word.setdefault(text, (entry.key, surface))
                    else:
                        self._many_words.setdefault(f"{words[-1]}s", []).append(
                            (words[:-1], entry.key, surface))
        for forms in self._many_words.values():
            forms.sort(key=lambda form: (-len(form[0]), form[1]))  # longest first
        self._bare_forms = frozenset(f"{text}s" for text in self._one_word) | frozenset(self._many_words)
        for label, forms_of_label in surfaces.items():
            # make_doc only tokenises: cheap, and the same tokenisation the parsed text had.
            self._matcher.add(label, [nlp.make_doc(t) for t in forms_of_label])

    def __call__(self, sdoc: Doc) -> list[GazetteerMatch]:
        """Non-overlapping matches: longest first, then by surface priority, then leftmost."""
        raw = []
        for key, start, end in self._matcher(sdoc):
            if key in self._contextual:
                chosen_entry = choose_entry(sdoc, start, end, self._contextual[key])
                if chosen_entry is not None:
                    raw.append(GazetteerMatch(chosen_entry, "name", start, end))
                continue
            entry_key, surface = self._labels[key]
            entry = self.gazetteer.get(entry_key)
            if entry is not None:
                raw.append(GazetteerMatch(entry, surface, start, end))
        raw.sort(key=lambda m: (-(m.end - m.start), _SURFACE_PRIORITY[m.surface], m.start, m.entry.key))
        taken: set[int] = set()
        chosen: list[GazetteerMatch] = []
        for match in raw:
            tokens = range(match.start, match.end)
            if any(i in taken for i in tokens):
                continue
            if not _is_word_boundary(sdoc, match):
                continue
            taken.update(tokens)
            chosen.append(match)
        chosen.extend(self._bare_possessives(sdoc, taken))
        chosen.sort(key=lambda m: m.start)
        return chosen

    def _bare_possessives(self, sdoc: Doc, taken: set[int]) -> list[GazetteerMatch]:
        """One-word forms with a possessive s and no apostrophe, as feeds that strip apostrophes
        print them ("Russias borders", "Trumps personality", "the GOPs efforts"): the form
        plus "s", before a word of what it owns (not a verb of its own: "the States have")."""
        found = []
        # only the tokens spelt as a one-word form plus "s" (read off the document's arrays)
        for i in np.flatnonzero(orth_in(sdoc, self._bare_forms)).tolist():
            tok = sdoc[i]
            if tok.i in taken or tok.i + 1 >= len(sdoc):
                continue
            start, hit = self._bare_form_at(sdoc, tok.i, taken)
            owned = sdoc[tok.i + 1]
            if (hit is None or not tok.whitespace_ or owned.pos_ in _NOT_OWNED
                    or owned.tag_ in _NOT_OWNED_TAGS or not owned.text[:1].isalnum()
                    or (owned.ent_iob_ == "I" and owned.ent_type_ == "PERSON")):
                continue  # (a person's name that NER runs on from it is left to NER)
            entry = self.gazetteer.get(hit[0])
            match = GazetteerMatch(entry, hit[1], start, tok.i + 1) if entry is not None else None
            if match is not None and _is_word_boundary(sdoc, match):
                found.append(match)
        return found

    def _bare_form_at(
        self, sdoc: Doc, i: int, taken: set[int]
    ) -> tuple[int, tuple[str, SurfaceKind] | None]:
        """(first token, (entry key, surface)) of the form whose last word, plus "s", is token
        ``i``: the longest form of several words whose other words stand before it, else the
        one-word form; (i, None) when there is none."""
        for leading, key, surface in self._many_words.get(sdoc[i].text, ()):
            start = i - len(leading)
            if start >= 0 and all(
                sdoc[start + k].text == word and start + k not in taken
                for k, word in enumerate(leading)
            ):
                return start, (key, surface)
        return i, self._one_word.get(sdoc[i].text[:-1])


# after these a bare "Russias" is no possessor: a verb of its own, a preposition, a clause
_NOT_OWNED = frozenset({"AUX", "ADP", "CCONJ", "SCONJ", "PART", "DET", "PRON", "PUNCT", "SPACE"})
_NOT_OWNED_TAGS = frozenset({"VBD", "VBN", "VBP", "MD"})


def forms_of(entry: Entry) -> list[tuple[SurfaceKind, tuple[str, ...]]]:
    """The surface forms of ``entry`` by kind of surface."""
    return [
        ("name", (entry.name, *entry.names)),
        ("acronym", entry.acronyms),
        ("demonym", entry.demonyms),
        ("capital", entry.capitals),
        ("seat", entry.seats),
        ("city", entry.cities),
    ]


_INITIALS = re.compile(r"\b([A-Z])\.(?=[A-Z]\.)")


_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _with_spaced_hyphens(forms: list[str]) -> list[str]:
    """The forms, plus each hyphenated one written with spaces ("Al Shabaab" for "Al-Shabaab",
    "Guinea Bissau" for "Guinea-Bissau"), as transliterations and wire copy vary."""
    spaced = [_WORD_HYPHEN.sub(" ", form) for form in forms]
    return [*forms, *(s for s in spaced if s not in forms)]


def _with_spaced_initials(forms: tuple[str, ...] | list[str]) -> list[str]:
    """The forms, plus each one written with spaced initials ("U. S." for "U.S.", "Washington,
    D. C." for "Washington, D.C."), as some wire copy and converted texts print them."""
    spaced = [_INITIALS.sub(r"\1. ", form) for form in forms]
    return [*forms, *(s for s in spaced if s not in forms)]


def _is_word_boundary(sdoc: Doc, match: GazetteerMatch) -> bool:
    """Reject matches glued to a neighbouring word ("Georgia-based" is fine, "USAid" is not)."""
    if match.start > 0:
        prev = sdoc[match.start - 1]
        if not prev.whitespace_ and prev.is_alpha:
            return False
    return True
