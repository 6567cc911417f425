"""Files, directories (recursive), globs, .gz files and standard input."""

from __future__ import annotations

import glob
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from dyad.config import Config
from dyad.errors import ReadError
from dyad.records import Failure, RawDocument

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


def media_type_for(name: str, content: bytes | str) -> str:
    """'text/html' or 'text/plain', from the name, else from the content."""
    suffix = Path(name.removesuffix(".gz")).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return "text/plain"
    head = content[:2048]
    head_s = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    low = head_s.lstrip().lower()
    if low.startswith(("<!doctype html", "<html")) or "<body" in low or "<head" in low:
        return "text/html"
    return "text/plain"


def read_bytes_limited(path: Path, config: Config) -> bytes:
    """The file's bytes, gunzipped when it ends in .gz, within the configured limits."""
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            raise ReadError(f"file too large ({size} bytes > max_bytes {config.max_bytes})")
        if path.suffix.lower() != ".gz":
            return path.read_bytes()
        return gunzip_limited(path.read_bytes(), config)
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc


def gunzip_limited(data: bytes, config: Config) -> bytes:
    """Decompress gzip data, refusing more than max_bytes or an absurd expansion ratio."""
    limit = min(config.max_bytes, max(len(data), 1) * config.max_decompressed_ratio)
    out = bytearray()
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        chunk = d.decompress(data, limit + 1)
        out += chunk
        while d.unconsumed_tail and len(out) <= limit:
            out += d.decompress(d.unconsumed_tail, limit + 1 - len(out))
        if len(out) > limit:
            raise ReadError(f"decompressed size exceeds the limit ({limit} bytes): refusing a possible gzip bomb")
        if not d.eof:
            raise ReadError("truncated gzip data")
    except zlib.error as exc:
        raise ReadError(f"invalid gzip data: {exc}") from exc
    return bytes(out)


def read_or_fail(path: Path, source: str, config: Config) -> bytes | Failure:
    """The file's bytes within the limits, or a Failure naming ``source`` and the reason."""
    try:
        return read_bytes_limited(path, config)
    except ReadError as exc:
        return Failure(source=source, stage=exc.stage, message=f"{source}: {exc.reason}")


def _doc_from_path(path: Path, source: str, config: Config) -> RawDocument | Failure:
    data = read_or_fail(path, source, config)
    if isinstance(data, Failure):
        return data
    return RawDocument(source=source, content=data, media_type=media_type_for(path.name, data))


WARC_SUFFIXES = {".warc", ".arc"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
CONTAINER_KINDS = {**{s: "warc" for s in WARC_SUFFIXES}, **{s: "jsonl" for s in JSONL_SUFFIXES},
                   **{s: "feed" for s in FEED_SUFFIXES}}


def input_kind(name: str) -> str:
    """'warc', 'jsonl', 'feed' or 'file', from the name (a trailing .gz ignored)."""
    return CONTAINER_KINDS.get(Path(name.lower().removesuffix(".gz")).suffix, "file")


def expand(item: str) -> Iterator[Path | Failure]:
    """The files named by one input: a file, a directory (recursively, files of a known
    kind only) or a glob pattern; a Failure when it names nothing."""
    path = Path(item)
    if path.is_dir():
        for p in sorted(p for p in path.rglob("*") if p.is_file()):
            suffix = Path(p.name.lower().removesuffix(".gz")).suffix
            if suffix in KNOWN_SUFFIXES or suffix in CONTAINER_KINDS:
                yield p
        return
    if path.is_file():
        yield path
        return
    if glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield Failure(item, "read", f"{item}: no file matches this pattern")
        for m in matches:
            yield from expand(m)
        return
    yield Failure(item, "read", f"{item}: no such file or directory")


def read_stdin(config: Config) -> RawDocument | Failure:
    data = sys.stdin.buffer.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        return Failure("-", "read", f"-: standard input exceeds max_bytes ({config.max_bytes})")
    return RawDocument(source="-", content=data, media_type=media_type_for("-", data))


def read_file(path: Path, source: str, config: Config) -> RawDocument | Failure:
    """One document file (.html, .txt, or either gzipped)."""
    return _doc_from_path(path, source, config)


__all__ = ["KNOWN_SUFFIXES", "expand", "gunzip_limited", "input_kind", "media_type_for",
           "read_bytes_limited", "read_file", "read_or_fail", "read_stdin"]
