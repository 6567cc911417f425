"""The one error hierarchy of dyad.

Per document, a failure becomes an ``errors`` entry of that document's record (stage and
message naming the document and the reason) and the batch goes on.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base of every error dyad raises on purpose."""

    stage = "dyad"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
        self.reason = message


class ConfigError(DyadError):
    """The configuration is invalid (bad value, unknown key, missing file)."""

    stage = "config"


class ModelError(DyadError):
    """The language model (or the event detector model) cannot be loaded."""

    stage = "model"


class LexiconError(DyadError):
    """A knowledge file (actors, places, triggers, ontology) is malformed."""

    stage = "lexicon"


class ReadError(DyadError):
    """An input cannot be read: missing file, bad archive, network failure, too large."""

    stage = "read"


class FetchError(ReadError):
    """A URL could not be fetched (offline, timeout, too large, too many redirects)."""

    stage = "fetch"


class CleanError(DyadError):
    """No article could be found in a document (empty, binary, no body)."""

    stage = "clean"


class AnnotateError(DyadError):
    """The NLP stage failed on a document."""

    stage = "annotate"


class CodingError(DyadError):
    """Event coding failed on a document."""

    stage = "code"


class StoreError(DyadError):
    """The store cannot be opened, written or queried."""

    stage = "store"


class QueryError(StoreError):
    """A query is invalid or not allowed (e.g. a write through the read-only SQL)."""

    stage = "query"


class CorpusError(DyadError):
    """A training-corpus record is malformed (bad JSON, missing field, span not in text)."""

    stage = "corpus"
