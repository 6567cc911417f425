"""HTML pages: body and metadata with trafilatura."""

from __future__ import annotations

import trafilatura
from trafilatura.metadata import extract_metadata

from dyad.records import Document


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = [p.strip() for p in value.replace(" and ", ";").split(";")]
    return [p for p in parts if p]


def clean_html(html: str, source: str, url: str | None = None) -> Document:
    """Article body (paragraphs separated by a blank line) and metadata of a page."""
    body = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=False,
        deduplicate=False,
    ) or ""
    paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
    meta = extract_metadata(html, default_url=url)
    published = meta.date[:10] if meta and meta.date else None
    return Document(
        id="",
        source=source,
        text="\n\n".join(paragraphs),
        url=(meta.url if meta else None) or url,
        title=meta.title if meta else None,
        subtitle=(meta.description if meta else None) or None,
        authors=_split_authors(meta.author if meta else None),
        published=published,
        publisher=(meta.sitename if meta else None) or None,
        section=(", ".join(meta.categories) if meta and meta.categories else None),
        boilerplate_removed_chars=max(len(html) - len(body), 0),
    )
