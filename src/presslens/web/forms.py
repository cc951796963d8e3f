"""Actor names in two scripts, and text search that reads Cyrillic as well as Latin.

The store keeps every surface form an actor is written with (``mentions.text``, by ``role``): a
Russian article names Azerbaijan "Азербайджан", "Азербайджана", "Азербайджану" and Baku stands
for it. The page labels an actor with its English canonical name (``actors.name``) and shows
beside it the forms in the other script, one per word family ("Azerbaijan · Азербайджан"), and
every search finds an actor by any of its forms, in either script.

Search is by words: every word of the query must occur in the text searched, case-folded (``ё``
read as ``е``). A Cyrillic word is cut to its stem first (its case ending off, three letters at
least kept: "России" and "Россию" are found by "Россия", "Кремля" by "Кремль"), so a query in
any case finds the forms as written in any case. No morphological analyser is involved: the
forms searched are those the articles use, and the stem is a prefix, so a masculine stem also
finds its adjective ("Азербайджан" finds "азербайджанский").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from presslens.corpus.store import Store
from presslens.lexicon.words import word_data

# Mentions that are an actor's own words (searched): its name as written, a capital or seat
# standing for it ("Баку", "Кремль"), an acronym, an adjective or demonym ("азербайджанский").
SEARCH_ROLES = ("name", "metonym", "acronym", "demonym")
# The names shown beside the label: the name as written, and the acronym.
NAME_ROLES = ("name", "acronym")
ALSO_MAX = 3  # other-script names shown beside a label

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[\w'’-]+")
_RUSSIAN_FORMS = word_data("word_forms", "ru")
# Russian case endings, longest first (data/ru/word_forms.yaml); a stem keeps at least three letters.
_ENDINGS = tuple(sorted(_RUSSIAN_FORMS["endings"], key=len, reverse=True))
_MIN_STEM = 3
_NOMINATIVE_ENDS = frozenset(_RUSSIAN_FORMS["nominative_ends"])  # with any consonant, on a tie
_FEMININE_ENDS = frozenset(_RUSSIAN_FORMS["feminine_ends"])
_VOWELS = frozenset(_RUSSIAN_FORMS["vowels"])


def fold(text: str) -> str:
    """Case-folded, ``ё`` read as ``е`` (Russian prints both for one letter)."""
    return text.casefold().replace("ё", "е")


def script(text: str) -> str:
    """``cyrl`` when the text has Cyrillic letters, ``latn`` when Latin ones, else ``other``."""
    if _CYRILLIC.search(text):
        return "cyrl"
    if _LATIN.search(text):
        return "latn"
    return "other"


def stem(word: str) -> str:
    """A folded Cyrillic word without its case ending (Latin words are kept whole)."""
    word = fold(word)
    if not _CYRILLIC.search(word):
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def terms(query: str | None) -> list[str]:
    """The words of a search, folded and stemmed: each must occur in what is searched."""
    seen: list[str] = []
    for word in _WORD.findall(query or ""):
        term = stem(word)
        if term and term not in seen:
            seen.append(term)
    return seen


def matches(text: str | None, wanted: Sequence[str]) -> bool:
    """Whether every search term occurs in ``text`` (folded)."""
    if not wanted:
        return True
    folded = fold(text or "")
    return all(term in folded for term in wanted)


def sql_match(expressions: Sequence[str], wanted: Sequence[str]) -> tuple[str, list[Any]]:
    """A SQL condition: every term occurs in one of ``expressions`` (folded as ``fold`` does;
    DuckDB's ``lower`` folds Cyrillic). ``contains`` takes the term literally (no ``%``, ``_``)."""
    if not wanted:
        return "TRUE", []
    clauses, params = [], []
    for term in wanted:
        ors = " OR ".join(
            f"contains(replace(lower(coalesce({e}, '')), 'ё', 'е'), ?)" for e in expressions
        )
        clauses.append(f"({ors})")
        params.extend([term] * len(expressions))
    return " AND ".join(clauses), params


# --- forms of actors -------------------------------------------------------------------------


def _rank(form: str, count: int) -> tuple[int, int, int, int, str]:
    """How well ``form`` stands for its word family: a headline's capitals last, then the
    shortest (a nominative: "Азербайджан" before "Азербайджана"), then one ending as a
    nominative does ("Кремль" before "Кремля", "Москва" before "Москвы"), then the most used."""
    shouting = int(form.isupper() and len(form) > 5)
    last = fold(form)[-1:] if form else ""
    tier = 0 if (last in _NOMINATIVE_ENDS or (last.isalpha() and last not in _VOWELS)) else (
        1 if last in _FEMININE_ENDS else 2
    )
    return (shouting, len(form), tier, -count, form)


def _words(form: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(form)]


def _kin(a: list[str], b: list[str]) -> bool:
    """Whether two forms are one word family: word for word, the same word but for an ending of
    up to three letters ("Сергей Лавров", "Сергеем Лавровым"; "Белый дом", "Белого дома")."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        common = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q),
                      min(len(x), len(y)))
        if x != y and (common < 3 or common < max(len(x), len(y)) - 3):
            return False
    return True


def _inside(short: list[str], long: list[str]) -> bool:
    """Whether every word of a shorter form is a word of a longer one ("Лавров" of "Сергей
    Лавров"): the short form is a part of the name, not another name."""
    return len(short) < len(long) and all(any(_kin([w], [v]) for v in long) for w in short)


def also_names(name: str | None, forms: Iterable[tuple[str, int]]) -> list[str]:
    """The names in another script than ``name``'s, one per word family (its nominative where
    the corpus has it), parts of a longer name left out, most used first."""
    label = script(name or "")
    families: list[list[tuple[str, int]]] = []
    for form, count in sorted(forms, key=lambda f: (-f[1], f[0])):
        form = " ".join(form.split())
        if not form or script(form) in (label, "other"):
            continue
        words = _words(form)
        home = next((f for f in families if _kin(_words(f[0][0]), words)), None)
        if home is None:
            families.append([(form, count)])
        else:
            home.append((form, count))
    best = [
        (-sum(n for _, n in members), min(members, key=lambda m: _rank(*m))[0])
        for members in families
    ]
    shown = [form for _, form in sorted(best)]
    kept = [f for f in shown if not any(_inside(_words(f), _words(g)) for g in shown)]
    return kept[:ALSO_MAX]


def forms_of(
    store: Store, ids: Iterable[str], roles: Sequence[str] = SEARCH_ROLES
) -> dict[str, list[tuple[str, str, int]]]:
    """Per actor id: its distinct forms in the corpus as ``(text, role, count)``, most used
    first (forms equal once folded and spaced alike are one, written as most often)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    _, rows = store.query(
        "SELECT actor_id, text, role, count(*) AS n FROM mentions "
        "WHERE actor_id IN (SELECT unnest(?)) AND role IN (SELECT unnest(?)) "
        "AND text IS NOT NULL GROUP BY ALL ORDER BY actor_id, n DESC, text, role",
        [wanted, list(roles)],
    )
    merged: dict[str, dict[tuple[str, str], list[Any]]] = defaultdict(dict)
    for aid, text, role, n in rows:
        text = " ".join(text.split())
        key = (fold(text), role)
        if key in merged[aid]:
            merged[aid][key][2] += int(n)
        else:
            merged[aid][key] = [text, role, int(n)]
    return {
        aid: sorted(((t, r, n) for t, r, n in found.values()), key=lambda f: (-f[2], f[0], f[1]))
        for aid, found in merged.items()
    }


def also_of(store: Store, names: dict[str, str]) -> dict[str, list[str]]:
    """Per actor id (with its label in ``names``): its names in the other script, where any."""
    found = forms_of(store, names, NAME_ROLES)
    out = {}
    for aid, forms in found.items():
        also = also_names(names.get(aid), ((text, n) for text, _, n in forms))
        if also:
            out[aid] = also
    return out


def actors_by_form(store: Store, wanted: Sequence[str], query: str = "") -> dict[str, str]:
    """The actors one of whose forms holds every search term, each with such a form (the one
    shown as why it matched): the form the query is, else the most used."""
    if not wanted:
        return {}
    cond, params = sql_match(["text"], wanted)
    _, rows = store.query(
        f"SELECT actor_id, text, count(*) AS n FROM mentions "
        f"WHERE role IN (SELECT unnest(?)) AND {cond} GROUP BY actor_id, text "
        "ORDER BY actor_id, replace(lower(text), 'ё', 'е') = ? DESC, n DESC, text",
        [list(SEARCH_ROLES), *params, fold(" ".join(query.split()))],
    )
    out: dict[str, str] = {}
    for aid, text, _ in rows:
        out.setdefault(aid, " ".join(text.split()))
    return out


def actor_by_form(store: Store, query: str) -> str | None:
    """The one actor a form names: the actor whose form this is (folded), else the one actor
    whose forms hold every word (stemmed); None when none or several."""
    wanted = fold(" ".join(query.split()))
    if not wanted:
        return None
    _, exact = store.query(
        "SELECT DISTINCT actor_id FROM mentions WHERE role IN (SELECT unnest(?)) "
        "AND replace(lower(text), 'ё', 'е') = ? ORDER BY 1",
        [list(SEARCH_ROLES), wanted],
    )
    if len(exact) == 1:
        return str(exact[0][0])
    if exact:
        return None
    found = actors_by_form(store, terms(query))
    return next(iter(found)) if len(found) == 1 else None
