"""dyad: political event data (PLOVER) from news and analysis articles.

    >>> import dyad
    >>> ex = dyad.extract("Russia and Iran warned Azerbaijan on Tuesday.")
    >>> [e.type for e in ex.events]
"""

from __future__ import annotations

__version__ = "0.1.0"

from dyad.api import extract, pipeline, read
from dyad.config import Config
from dyad.records import Document, Entity, Event, Extraction, Place, RawDocument
from dyad.store import Store

__all__ = [
    "Config",
    "Document",
    "Entity",
    "Event",
    "Extraction",
    "Place",
    "RawDocument",
    "Store",
    "__version__",
    "extract",
    "pipeline",
    "read",
]
