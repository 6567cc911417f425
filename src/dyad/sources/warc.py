"""WARC and ARC files (warcio): every response (or resource) record holding an HTML or
plain-text page is a document. Its source is the record's WARC-Record-ID, its URL the
record's target URI."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources.files import media_type_for

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(path: Path, source: str, config: Config) -> Iterator[RawDocument | Failure]:
    """The pages in a WARC/ARC file (gzipped or not); a Failure for an unreadable file or record."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Failure(source, "read", f"{source}: cannot read file: {exc.strerror or exc}")
        return
    seen = 0
    with stream:
        head = _head(stream)
        if not head.startswith((b"WARC/", b"filedesc:")):
            yield Failure(source, "read", f"{source}: not a valid WARC/ARC file (it does not start with a "
                                          f"WARC or ARC record header)")
            return
        try:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type not in ("response", "resource"):
                    continue
                item = _record_document(record, source, config)
                if item is not None:
                    seen += 1
                    yield item
        except ArchiveLoadFailed as exc:
            yield Failure(source, "read", f"{source}: not a valid WARC/ARC file: {exc}")
        except (OSError, EOFError, ValueError) as exc:  # truncated or corrupt compressed data
            yield Failure(source, "read", f"{source}: archive is truncated or corrupt after {seen} "
                                          f"record(s): {type(exc).__name__}: {exc}")


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of the archive, decompressed when it is gzipped; rewinds the stream."""
    raw = stream.read(4096)
    stream.seek(0)
    if raw[:2] == b"\x1f\x8b":
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 64)
        except zlib.error:
            return b""
    return raw.lstrip()[:64]


def _record_document(record: Any, source: str, config: Config) -> RawDocument | Failure | None:
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or None
    rid = headers.get_header("WARC-Record-ID") or f"{source}#{uri}"
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if status and not status.startswith("2"):
            return None
        ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    else:
        ctype = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype and not ctype.startswith(PAGE_TYPES):
        return None
    data = record.content_stream().read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        return Failure(rid, "read", f"{rid} ({uri}) in {source}: record exceeds max_bytes ({config.max_bytes})")
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        return Failure(rid, "read", f"{rid} ({uri}) in {source}: record is truncated ({missing} bytes missing)")
    if not data.strip():
        return None
    media = "text/plain" if ctype == "text/plain" else "text/html" if ctype else media_type_for(uri or "", data)
    hints = {"url": uri} if uri else {}
    return RawDocument(source=rid, content=data, media_type=media, url=uri,
                       fetched=headers.get_header("WARC-Date"), hints=hints)


__all__ = ["iter_warc"]
