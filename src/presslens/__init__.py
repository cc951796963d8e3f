"""presslens: evidence-anchored structured data from news and opinion articles."""

from presslens.model import SCHEMA_VERSION, Document

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Document", "__version__"]
