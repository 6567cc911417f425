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
        if path.suffix.lower() != ".gz":
            if size > config.max_bytes:
                raise ReadError(f"file too large ({size} bytes > max_bytes {config.max_bytes})")
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


def _doc_from_path(path: Path, source: str, config: Config) -> RawDocument | Failure:
    try:
        data = read_bytes_limited(path, config)
    except ReadError as exc:
        return Failure(source=source, stage=exc.stage, message=f"{source}: {exc.reason}")
    return RawDocument(source=source, content=data, media_type=media_type_for(path.name, data))


def iter_directory(root: Path, config: Config) -> Iterator[RawDocument | Failure]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.name.lower().removesuffix(".gz")
        if Path(name).suffix in KNOWN_SUFFIXES:
            yield _doc_from_path(path, str(path), config)


def iter_path_inputs(item: str, config: Config) -> Iterator[RawDocument | Failure]:
    """One command-line input: '-', a file, a directory or a glob pattern."""
    if item == "-":
        data = sys.stdin.buffer.read(config.max_bytes + 1)
        if len(data) > config.max_bytes:
            yield Failure("-", "read", f"-: standard input exceeds max_bytes ({config.max_bytes})")
            return
        yield RawDocument(source="-", content=data, media_type=media_type_for("-", data))
        return
    path = Path(item)
    if path.is_dir():
        yield from iter_directory(path, config)
        return
    if path.is_file():
        yield _doc_from_path(path, item, config)
        return
    if glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield Failure(item, "read", f"{item}: no file matches this pattern")
        for m in matches:
            yield from iter_path_inputs(m, config)
        return
    yield Failure(item, "read", f"{item}: no such file or directory")


__all__ = ["gunzip_limited", "iter_path_inputs", "media_type_for", "read_bytes_limited"]
