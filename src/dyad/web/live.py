"""Read an article live: pasted text, an uploaded file, or a URL, coded on the spot.

The result has the same shape as a stored document (``queries.document``), built with the
store's own row builder, so the page shows both with one renderer. Nothing is stored.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from dyad.api import pipeline
from dyad.config import Config
from dyad.errors import FetchError, ReadError
from dyad.records import Extraction, RawDocument
from dyad.sources.files import media_type_for
from dyad.store.writer import Batch
from dyad.web.queries import jsonable

DEFAULT_MAX_BYTES = 2_000_000
"""Largest article the read route accepts (text, file or fetched page)."""


@dataclass(frozen=True, slots=True)
class ReadRequest:
    text: str | None = None
    url: str | None = None
    file_name: str | None = None
    file_base64: str | None = None
    html: bool | None = None


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReadError("give an http:// or https:// address", source=url)
    return url


def _is_public(host: str) -> bool:
    """Whether every address of ``host`` is a public one (the app never fetches its own machine or LAN)."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return True  # let the fetch fail with its own message
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast:
            return False
    return True


def _check_public(url: str, original: str) -> None:
    _check_url(url)
    if not _is_public(urlsplit(url).hostname or ""):
        raise FetchError("refusing to fetch an address on this machine or a private network", source=original)


def fetch(url: str, config: Config, max_bytes: int) -> RawDocument:
    """GET one public web page (bounded in size, time and redirects; every hop checked)."""
    current = url
    try:
        with httpx.Client(follow_redirects=False, timeout=config.fetch_timeout,
                          headers={"User-Agent": "dyad"}) as client:
            for _ in range(config.fetch_max_redirects + 1):
                _check_public(current, url)
                with client.stream("GET", current) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        current = str(resp.url.join(resp.headers["location"]))
                        continue
                    resp.raise_for_status()
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"page larger than {max_bytes} bytes", source=url)
                        chunks.append(chunk)
                    ctype = resp.headers.get("content-type", "")
                    break
            else:
                raise FetchError(f"more than {config.fetch_max_redirects} redirects", source=url)
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {type(exc).__name__}: {exc}", source=url) from exc
    data = b"".join(chunks)
    media = "text/html" if "html" in ctype else media_type_for(urlsplit(current).path, data)
    return RawDocument(source=url, content=data, media_type=media, url=current)


def raw_document(req: ReadRequest, config: Config, max_bytes: int) -> RawDocument:
    """The one document a read request names."""
    given = [x for x in (req.text, req.url, req.file_base64) if x]
    if len(given) != 1:
        raise ReadError("give exactly one of: text, url, file")
    if req.url:
        return fetch(req.url.strip(), config, max_bytes)
    if req.file_base64:
        try:
            data = base64.b64decode(req.file_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ReadError("the file is not valid base64") from exc
        if len(data) > max_bytes:
            raise ReadError(f"file larger than {max_bytes} bytes")
        name = (req.file_name or "upload")[:200]
        return RawDocument(source=name, content=data, media_type=media_type_for(name, data))
    text = req.text or ""
    if len(text.encode("utf-8")) > max_bytes:
        raise ReadError(f"text larger than {max_bytes} bytes")
    media = ("text/html" if req.html else "text/plain") if req.html is not None else media_type_for("", text)
    return RawDocument(source="<pasted>", content=text, media_type=media)


def shape(ex: Extraction) -> dict[str, Any]:
    """An extraction in the shape of a stored document (the document page's renderer reads it)."""
    batch = Batch()
    batch.add(ex)
    rows = batch.rows
    doc = rows["documents"][0] if rows["documents"] else {"doc_id": ex.document.id, "text": ex.document.text,
                                                           "source": ex.document.source}
    return jsonable({
        "document": doc,
        "mentions": sorted(rows["mentions"], key=lambda m: m["start"]),
        "places": sorted(rows["places"], key=lambda p: p["start"]),
        "events": sorted(rows["events"], key=lambda e: (e["evidence_start"], e["event_id"])),
        "removed": list(ex.document.removed),
        "errors": [e.to_dict() for e in ex.errors],
        "live": True,
    })


def read_article(req: ReadRequest, config: Config, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Code one article from a read request; the document-shaped result."""
    raw = raw_document(req, config, max_bytes)
    ex = next(pipeline(config).run([raw]))
    return shape(ex)
