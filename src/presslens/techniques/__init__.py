"""Persuasion techniques (SemEval-2023 Task 3 labels) on character spans.

``detect_techniques`` combines a token tagger and a span classifier (linear models over hashed
lexical features and the spaCy tok2vec tensor, trained on ptc-train by
``presslens train techniques``) with cue patterns for rare and structural techniques.
"""

from __future__ import annotations

from presslens.model import Technique
from presslens.techniques.detect import DEFAULT_THRESHOLD, detect_techniques
from presslens.techniques.labels import LabelSet, labels_2020, labels_2023, to_2020


def to_label_set(
    techniques: list[Technique], label_set: LabelSet = "semeval2023"
) -> list[Technique]:
    """Express techniques in another label set (``semeval2020``: the 14 labels of 2020).

    Techniques without a 2020 counterpart are dropped; spans that end up with the same label keep
    the highest confidence.
    """
    if label_set == "semeval2023":
        return list(techniques)
    best: dict[tuple[int, int, str], Technique] = {}
    for t in techniques:
        old = to_2020(t.label)
        if old is None:
            continue
        key = (t.start, t.end, old)
        if key not in best or best[key].confidence < t.confidence:
            best[key] = t.model_copy(update={"label": old})
    return [best[k] for k in sorted(best)]


__all__ = [
    "DEFAULT_THRESHOLD",
    "LabelSet",
    "detect_techniques",
    "labels_2020",
    "labels_2023",
    "to_label_set",
]
