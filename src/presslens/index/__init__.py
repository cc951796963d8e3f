"""The document index: one article's actors as every stage after actors and quotes reads them
(``DocumentIndex``), built once per article by the pipeline's ``index`` component."""

from __future__ import annotations

from presslens.index.document import Actors, DocumentIndex

__all__ = ["Actors", "DocumentIndex"]
