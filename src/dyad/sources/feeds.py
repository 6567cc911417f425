"""RSS and Atom feeds (feedparser): each entry is a document.

An entry's content (or its summary) is read as HTML; an entry without content has its
link fetched when fetching is allowed. The entry's title, date, authors and link, and
the feed's title as publisher, travel as hints for cleaning.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from dyad.config import Config
from dyad.errors import FetchError
from dyad.records import Failure, RawDocument
from dyad.sources.files import read_or_fail

MIN_CONTENT_WORDS = 40
"""An entry whose content is shorter than this is a teaser: its link is fetched."""


def iter_feed_file(path: Path, source: str, config: Config) -> Iterator[RawDocument | Failure]:
    data = read_or_fail(path, source, config)
    if isinstance(data, Failure):
        yield data
        return
    yield from iter_feed_bytes(data, source, config)


def iter_feed_bytes(data: bytes, source: str, config: Config) -> Iterator[RawDocument | Failure]:
    """The entries of a feed document."""
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not version or (not parsed.entries and parsed.get("bozo")):
        reason = parsed.get("bozo_exception")
        detail = f" ({type(reason).__name__}: {reason})" if reason else ""
        yield Failure(source, "read", f"{source}: not an RSS or Atom feed{detail}")
        return
    publisher = (parsed.feed.get("title") or "").strip() or None
    client = None
    try:
        for i, entry in enumerate(parsed.entries):
            item = _entry_document(entry, i, source, publisher, config)
            if isinstance(item, str):  # a link to fetch
                if client is None and config.fetch_urls:
                    from dyad.sources.urls import make_client

                    client = make_client(config)
                yield _fetch_entry(item, entry, source, publisher, config, client)
            else:
                yield item
    finally:
        if client is not None:
            client.close()


def _hints(entry: Any, publisher: str | None) -> dict[str, Any]:
    hints: dict[str, Any] = {}
    if entry.get("title"):
        hints["title"] = " ".join(str(entry.title).split())
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        hints["published"] = time.strftime("%Y-%m-%d", stamp)
    names = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
    if not names and entry.get("author"):
        names = [entry.author]
    if names:
        hints["authors"] = names
    if entry.get("link"):
        hints["url"] = entry.link
    if publisher:
        hints["publisher"] = publisher
    return hints


def _entry_document(entry: Any, i: int, source: str, publisher: str | None,
                    config: Config) -> RawDocument | Failure | str:
    name = entry.get("link") or entry.get("id") or f"{source}#{i + 1}"
    hints = _hints(entry, publisher)
    content = ""
    if entry.get("content"):
        content = "\n".join(str(c.get("value") or "") for c in entry.content)
    summary = str(entry.get("summary") or "")
    best = content if len(content) >= len(summary) else summary
    words = len(best.split())
    if entry.get("link") and config.fetch_urls and (not content or words < MIN_CONTENT_WORDS):
        return str(entry.link)
    if not best.strip():
        return Failure(name, "read", f"{name}: feed entry has no content and fetching is disabled")
    return RawDocument(source=name, content=_as_page(best, hints.get("title")), media_type="text/html",
                       url=hints.get("url"), hints=hints)


def _as_page(fragment: str, title: str | None) -> str:
    """An entry's HTML fragment as a small page (so the HTML cleaner sees a document)."""
    head = f"<title>{_escape(title)}</title>" if title else ""
    body = fragment if "<" in fragment else "".join(f"<p>{_escape(p)}</p>" for p in fragment.split("\n\n"))
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fetch_entry(link: str, entry: Any, source: str, publisher: str | None, config: Config,
                 client: Any) -> RawDocument | Failure:
    from dyad.sources.urls import fetch

    hints = _hints(entry, publisher)
    try:
        body, ctype, final = fetch(link, config, client)
    except FetchError as exc:
        return Failure(link, exc.stage, f"{link}: {exc.reason} (entry of feed {source})")
    media = "text/plain" if ctype == "text/plain" else "text/html"
    return RawDocument(source=link, content=body, media_type=media, url=final, hints=hints)


__all__ = ["iter_feed_bytes", "iter_feed_file"]
