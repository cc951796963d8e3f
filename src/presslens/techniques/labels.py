"""The technique label sets (SemEval-2023 and SemEval-2020) and the mapping between them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

LabelSet = Literal["semeval2023", "semeval2020"]

# Labels of the SemEval-2020 training corpus (ptc-train) renamed to SemEval-2023 names, as the data
# README prescribes. The two merged 2020 classes keep their merged (2020) names: the model is
# trained on them and the detector splits them into 2023 labels using cue words.
PTC_TO_TRAINING: dict[str, str] = {
    "Name_Calling,Labeling": "Name_Calling-Labeling",
    "Flag-Waving": "Flag_Waving",
    "Black-and-White_Fallacy": "False_Dilemma-No_Choice",
    "Thought-terminating_Cliches": "Conversation_Killer",
    "Exaggeration,Minimisation": "Exaggeration-Minimisation",
    "Appeal_to_fear-prejudice": "Appeal_to_Fear-Prejudice",
    "Appeal_to_Authority": "Appeal_to_Authority",
    "Causal_Oversimplification": "Causal_Oversimplification",
    "Doubt": "Doubt",
    "Loaded_Language": "Loaded_Language",
    "Repetition": "Repetition",
    "Slogans": "Slogans",
    "Bandwagon,Reductio_ad_hitlerum": "Bandwagon,Reductio_ad_hitlerum",
    "Whataboutism,Straw_Men,Red_Herring": "Whataboutism,Straw_Men,Red_Herring",
}


@dataclass(frozen=True)
class TechniqueInfo:
    label: str
    group: str
    definition: str
    semeval2020: str | None


@lru_cache(maxsize=1)
def technique_table() -> dict[str, TechniqueInfo]:
    """The 23 SemEval-2023 techniques from ``data/techniques.yaml``, in the file's order."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("presslens.data").joinpath("techniques.yaml").read_text(encoding="utf-8")
    )
    return {
        label: TechniqueInfo(
            label=label,
            group=str(entry["group"]),
            definition=str(entry["definition"]),
            semeval2020=entry.get("semeval2020"),
        )
        for label, entry in raw["techniques"].items()
    }


def labels_2023() -> list[str]:
    return list(technique_table())


def labels_2020() -> list[str]:
    """The 14 labels of SemEval-2020 Task 11, sorted."""
    return sorted(PTC_TO_TRAINING)


def to_2020(label: str) -> str | None:
    """The SemEval-2020 class a SemEval-2023 label falls under (``None`` where there is none)."""
    if label in PTC_TO_TRAINING:  # already a 2020 name
        return label
    info = technique_table().get(label)
    if info is None:
        for old, new in PTC_TO_TRAINING.items():
            if new == label:
                return old
        raise KeyError(f"unknown technique label {label!r}")
    return info.semeval2020


def training_to_2020(label: str) -> str:
    """The 2020 name of a training label (a 2023 name or one of the two merged 2020 classes)."""
    for old, new in PTC_TO_TRAINING.items():
        if new == label:
            return old
    raise KeyError(label)
