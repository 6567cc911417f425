"""Cleaning: from a ``RawDocument`` to a ``Document`` holding only the article.

HTML goes through trafilatura and then dyad's paragraph classifier (``clean.html``);
plain text that still carries page boilerplate goes through the classifier alone
(``clean.text``): phrase lists (``clean.boilerplate``), bylines (``clean.byline``), the
publisher (``clean.publisher``), per-paragraph language (``clean.language``). With a
batch, ``clean_batch`` also treats lines repeated across a site's pages as boilerplate
(``clean.site_repeats``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Collection, Sequence

from dyad.clean.html import clean_html
from dyad.clean.language import detect_language
from dyad.clean.site_repeats import repeated_lines, site_key
from dyad.clean.text import clean_text, split_lines
from dyad.clean.visible import visible_lines
from dyad.config import Config
from dyad.errors import CleanError
from dyad.records import Document, RawDocument

__all__ = ["clean", "clean_batch", "document_id"]


def document_id(text: str) -> str:
    """Stable id from the clean body: same article, same id, whatever the input format."""
    norm = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def decode(raw: RawDocument) -> str:
    """Text of a raw document: UTF-8 (with BOM) first, then the declared or sniffed charset."""
    if isinstance(raw.content, str):
        return raw.content
    data = raw.content
    if b"\x00" in data[:4096]:
        raise CleanError("binary content (NUL bytes), not a text or HTML document", source=raw.source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise CleanError("undecodable bytes: not text in any known encoding", source=raw.source)
    return str(best)


def short_text_body(text: str) -> str:
    """A short plain text with no page around it (a sentence or two) is its own body."""
    lines = [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]
    sentences = [ln for ln in lines if len(ln.split()) >= 3 and ln.rstrip("\"'”’)").endswith((".", "!", "?"))]
    return "\n\n".join(sentences) if len(sentences) == len(lines) else ""


def clean(raw: RawDocument, config: Config, repeated: Collection[str] = ()) -> Document:
    """The article in ``raw``: body text, metadata and what was removed.

    ``repeated`` holds lines known to repeat across the site's pages (``clean_batch``).
    """
    text = decode(raw)
    if not text.strip():
        raise CleanError("empty document", source=raw.source)
    if raw.media_type == "text/html":
        doc = clean_html(text, raw.source, raw.url, repeated=repeated)
    else:
        doc = clean_text(text, raw.source, repeated=repeated)
        if not doc.text.strip():
            doc.text = short_text_body(text)
    for key in ("title", "published", "url", "publisher"):
        if getattr(doc, key) is None and raw.hints.get(key):
            setattr(doc, key, raw.hints[key])
    if not doc.authors and raw.hints.get("authors"):
        doc.authors = list(raw.hints["authors"])
    if doc.url is None:
        doc.url = raw.url
    if not doc.text.strip():
        raise CleanError("no article body found", source=raw.source)
    doc.id = document_id(doc.text)
    doc.language = detect_language(doc.text)
    return doc


def page_lines(raw: RawDocument) -> list[str]:
    """The lines of a raw page, as the cleaners see them (for repeated-line counting)."""
    try:
        text = decode(raw)
    except CleanError:
        return []
    return visible_lines(text) if raw.media_type == "text/html" else split_lines(text)


def clean_batch(raws: Sequence[RawDocument], config: Config) -> list[Document | CleanError]:
    """Clean a batch, using lines repeated across each site's pages as boilerplate."""
    by_site: dict[str, list[int]] = {}
    for i, raw in enumerate(raws):
        by_site.setdefault(site_key(raw), []).append(i)
    lines = [page_lines(r) for r in raws]
    out: list[Document | CleanError] = []
    repeated = {site: repeated_lines(lines[i] for i in idx) for site, idx in by_site.items()}
    for raw in raws:
        try:
            out.append(clean(raw, config, repeated[site_key(raw)]))
        except CleanError as exc:
            out.append(exc)
    return out
