"""The choices and help texts of the corpus commands' options (``presslens.cli.corpus``)."""

from __future__ import annotations

from enum import StrEnum


class EngineChoice(StrEnum):
    local = "local"
    dask = "dask"


class ExportFormat(StrEnum):
    parquet = "parquet"


class NetworkFormatChoice(StrEnum):
    gexf = "gexf"
    graphml = "graphml"
    csv = "csv"
    json = "json"


class BucketChoice(StrEnum):
    week = "week"
    month = "month"


class LevelChoice(StrEnum):
    actor = "actor"
    state = "state"


class ModalityChoice(StrEnum):
    asserted = "asserted"
    future = "future"
    hypothetical = "hypothetical"


MODALITY_HELP = (
    "Only relations of this modality (repeatable): asserted keeps what the text says was done, "
    "leaving out what was threatened, planned or possible. Denied (negated) relations never count."
)
LEVEL_HELP = (
    "actor: edges between the actors as named; state: between the states they act for (a "
    "minister's, a ministry's, an army's country; the actor itself when unknown), without "
    "self-loops."
)
