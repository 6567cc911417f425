"""Across a batch of pages from one site, lines that repeat on many pages (menus,
footers, newsletter boxes, the site's standard appeals) are boilerplate on every page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import PurePath
from urllib.parse import urlsplit

from dyad.records import RawDocument

MIN_PAGES = 3
"""A line must appear on at least this many pages of a site to count as repeated ..."""
MIN_SHARE = 0.5
"""... and on at least this share of the site's pages in the batch."""


def site_key(raw: RawDocument) -> str:
    """The site a document comes from: its URL's host, else the folder it was read from."""
    url = raw.url or raw.hints.get("url")
    if url:
        host = urlsplit(str(url)).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return str(PurePath(raw.source).parent)


def repeated_lines(pages: Iterable[list[str]], min_pages: int = MIN_PAGES,
                   min_share: float = MIN_SHARE) -> frozenset[str]:
    """Lines found on at least ``min_pages`` pages and ``min_share`` of them."""
    counts: Counter[str] = Counter()
    n = 0
    for lines in pages:
        n += 1
        counts.update(set(lines))
    need = max(min_pages, min_share * n)
    return frozenset(line for line, c in counts.items() if c >= need)


__all__ = ["repeated_lines", "site_key"]
