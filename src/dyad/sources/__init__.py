"""Sources: turn what the user names (paths, globs, '-', URLs, archives, feeds) into
``RawDocument`` records, or ``Failure`` records for inputs that cannot be read.

``iter_inputs`` dispatches each input to the reader for its kind; readers are generators
and never raise for one bad document: they yield a ``Failure`` and go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources.files import iter_path_inputs

__all__ = ["iter_inputs"]


def iter_inputs(inputs: Iterable[str], config: Config) -> Iterator[RawDocument | Failure]:
    """Every document named by ``inputs``, in order."""
    for item in inputs:
        yield from iter_path_inputs(item, config)
