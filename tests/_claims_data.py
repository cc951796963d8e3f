"""A synthetic claim-worthiness dataset for the training tests (``test_claims.py``,
``claims/test_learned_claims_train.py``), in the TSV layout ``presslens train claims`` reads:
every third sentence a checkable claim ("Yes": an actor moved a number of soldiers, in a year),
the others opinions ("No")."""

from __future__ import annotations

from pathlib import Path

ACTORS = ["Poland", "Hungary", "Georgia", "Armenia", "Turkey", "Moldova", "Serbia", "Iran"]
ACTIONS = ["deployed", "sent", "bought", "sold", "moved", "withdrew"]
OPINIONS = [
    "I think this is a disgrace for all of us",
    "We should be proud of what we stand for",
    "Frankly, nobody cares about such speeches",
    "Let me say something about values",
    "You know, this is a great country",
    "That answer was not very clear to me",
]


def synthetic_rows(n: int, first_id: int, numbered: bool = False) -> list[tuple[int, str, str]]:
    """``n`` (sentence id, text, label) rows, ids from ``first_id``; with ``numbered`` each
    opinion ends with its row number, so that no two opinions are the same text."""
    rows: list[tuple[int, str, str]] = []
    for i in range(n):
        sid = first_id + i
        if i % 3 == 0:
            actor = ACTORS[i % len(ACTORS)]
            action = ACTIONS[(i // 3) % len(ACTIONS)]
            rows.append(
                (sid, f"{actor} {action} {100 + 7 * i} soldiers to the border in {1990 + i % 30}.", "Yes")
            )
        else:
            ending = f", number {i}." if numbered else "."
            rows.append((sid, f"{OPINIONS[i % len(OPINIONS)]}{ending}", "No"))
    return rows


def write_split(path: Path, rows: list[tuple[int, str, str]], glue: bool = False) -> None:
    lines = ["Sentence_id\tText\tclass_label"]
    for sid, text, label in rows:
        lines.append(f"{sid}\t{text}\t{label}")
    if glue:  # two rows run together, as in one line of the real train file
        lines[-2] = lines[-2] + lines.pop()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
