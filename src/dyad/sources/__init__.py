"""Sources: turn what the user names (paths, globs, '-', URLs, archives, feeds) into
``RawDocument`` records, or ``Failure`` records for inputs that cannot be read.

``iter_inputs`` dispatches each input to the reader for its kind; readers are generators
and never raise for one bad document: they yield a ``Failure`` and go on.

- files, directories (recursive), globs, ``.gz``, ``-`` (stdin): ``sources.files``
- ``.warc``/``.arc`` (optionally gzipped): ``sources.warc``
- ``.jsonl``/``.ndjson`` (optionally gzipped), text in ``--field``: ``sources.jsonl``
- ``.rss``/``.atom``/``.xml`` feeds: ``sources.feeds``
- ``http(s)://`` URLs (a page, or a feed): ``sources.urls``
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources.feeds import iter_feed_file
from dyad.sources.files import expand, input_kind, read_file, read_stdin
from dyad.sources.jsonl import iter_jsonl
from dyad.sources.urls import is_url, iter_url
from dyad.sources.warc import iter_warc

__all__ = ["iter_inputs", "iter_one"]


def iter_inputs(inputs: Iterable[str], config: Config) -> Iterator[RawDocument | Failure]:
    """Every document named by ``inputs``, in order."""
    for item in inputs:
        yield from iter_one(item, config)


def iter_one(item: str, config: Config) -> Iterator[RawDocument | Failure]:
    """The documents of one input: a URL, '-', a file, a directory or a glob."""
    if is_url(item):
        yield from iter_url(item, config)
        return
    if item == "-":
        yield read_stdin(config)
        return
    for found in expand(item):
        if isinstance(found, Failure):
            yield found
            continue
        source = item if found == Path(item) else str(found)
        yield from _read_path(found, source, config)


def _read_path(path: Path, source: str, config: Config) -> Iterator[RawDocument | Failure]:
    kind = input_kind(path.name)
    if kind == "warc":
        yield from iter_warc(path, source, config)
    elif kind == "jsonl":
        yield from iter_jsonl(path, source, config)
    elif kind == "feed":
        yield from iter_feed_file(path, source, config)
    else:
        yield read_file(path, source, config)
