"""HTML pages: body and metadata with trafilatura, plus what it misses.

trafilatura finds the main content block; dyad then runs its own paragraph classifier
over that block (a donation or newsletter box, "Read also" links, captions, a comment
or related-links section inside <article>), keeps in-body headings as paragraphs of
their own, and reads the byline, site name and author bio from the page's visible text
when the page's metadata does not carry them.
"""

from __future__ import annotations

from collections.abc import Collection

import trafilatura
from lxml import etree
from trafilatura.metadata import extract_metadata

from dyad.clean.boilerplate import Boilerplate, load_boilerplate
from dyad.clean.text import body_language, classify, clean_text
from dyad.clean.visible import visible_lines
from dyad.records import Document

DROP = frozenset({"phrase", "label", "foreign", "caption", "fence", "byline", "timestamp", "repeated"})
"""Kinds of paragraph dropped from trafilatura's main content (the rest is trusted)."""


RECALL_FLOOR = 0.5
"""Below this share of the text classifier's body, trafilatura's default mode is tried."""


def _words(blocks: list[tuple[str, str]]) -> int:
    return sum(len(t.split()) for t, _ in blocks)


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = [p.strip() for p in value.replace(" and ", ";").split(";")]
    return [p for p in parts if p and not any(c.isdigit() for c in p) and len(p.split()) <= 6]


def main_blocks(html: str, url: str | None = None, precision: bool = True) -> list[tuple[str, str]]:
    """trafilatura's main content as (paragraph, tag) pairs in order; tag is one of
    p, head (a heading), item (a list item), row (a table row, cells joined by " | ")."""
    xml = trafilatura.extract(
        html, url=url, output_format="xml", include_comments=False, include_tables=True,
        include_images=False, include_links=False, include_formatting=False, favor_precision=precision,
        deduplicate=False, with_metadata=False,
    )
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return [(" ".join(p.split()), "p") for p in xml.split("\n") if p.strip()]
    main = root.find("main")
    out: list[tuple[str, str]] = []
    for el in (main if main is not None else root).iter("p", "head", "item", "quote", "row"):
        if any(a.tag in ("row", "item", "quote") for a in el.iterancestors()):
            continue
        if el.tag == "row":
            cells = [" ".join("".join(c.itertext()).split()) for c in el.iter("cell")]
            text = " | ".join(c for c in cells if c)
        else:
            text = " ".join("".join(el.itertext()).split())
        if text:
            out.append((text, "p" if el.tag == "quote" else el.tag))
    return out


def filter_blocks(blocks: list[tuple[str, str]], bp: Boilerplate, exclude: set[str], lang: str | None,
                  repeated: Collection[str] = ()) -> tuple[list[str], list[str], list[str]]:
    """(kept paragraphs, headings, removed paragraphs) of trafilatura's main content."""
    texts = [t for t, _ in blocks]
    lines = classify(texts, bp, lang, exclude, repeated)
    # the article ends at a section header (comments, related, tags, share row, about
    # us) when less prose follows it than precedes it; boilerplate paragraphs go anyway
    prose = [ln.words if ln.kind == "prose" else 0 for ln in lines]
    end = len(lines)
    for ln in lines:
        if ln.kind == "fence":
            before, after = sum(prose[: ln.index]), sum(prose[ln.index + 1:])
            if before > 0 and after < before:
                end = ln.index
                break
    kept: list[str] = []
    headings: list[str] = []
    removed: list[str] = []
    for ln, (_, tag) in zip(lines, blocks, strict=True):
        keep = ln.kind not in DROP or (tag == "head" and ln.kind == "byline") or (
            tag == "row" and ln.kind not in ("phrase", "label", "fence"))
        if ln.kind == "names" and not kept:
            keep = False  # an author line opening the block
        if ln.index < end and keep:
            kept.append(ln.text)
            if tag == "head" or (ln.kind == "heading" and tag == "p"):
                headings.append(ln.text)
        else:
            removed.append(ln.text)
    while kept and kept[-1] in headings:  # a heading cannot end the body
        removed.append(kept.pop())
    return kept, [h for h in headings if h in kept], removed


def clean_html(html: str, source: str, url: str | None = None, bp: Boilerplate | None = None,
               repeated: Collection[str] = ()) -> Document:
    """Article body (paragraphs separated by a blank line) and metadata of a page."""
    bp = bp or load_boilerplate()
    meta = extract_metadata(html, default_url=url)
    page = clean_text("\n".join(visible_lines(html)), source, repeated=repeated, bp=bp)
    publisher = (meta.sitename if meta else None) or page.publisher
    exclude = {publisher.lower()} if publisher else set()
    # trafilatura's precision mode, unless it drops most of what the page's text holds
    blocks = main_blocks(html, url)
    if _words(blocks) < RECALL_FLOOR * len(page.text.split()):
        wider = main_blocks(html, url, precision=False)
        if _words(wider) > _words(blocks):
            blocks = wider
    lang = body_language([t for t, _ in blocks])
    kept, headings, removed = filter_blocks(blocks, bp, exclude, lang, repeated)
    if not kept and page.text:  # trafilatura found nothing: the text classifier's body
        kept, headings = page.text.split("\n\n"), page.headings
    title = (meta.title if meta else None) or page.title
    if page.title and title and page.title != title and title.startswith(page.title):
        title = page.title  # "<title>Headline | Site</title>" read as the title
    authors = [a for a in _split_authors(meta.author if meta else None) if a.lower() not in exclude]
    published = page.published or (meta.date[:10] if meta and meta.date else None)
    # the headline and the standfirst often open trafilatura's block: they are metadata
    heads = {_fold(t) for t in (title, page.title, page.subtitle) if t}
    while kept and _fold(kept[0]) in heads:
        removed.append(kept.pop(0))
    bio = page.author_bio
    if bio and bio in kept:
        kept.remove(bio)
    headings = [h for h in headings if h in kept]
    body = "\n\n".join(kept)
    return Document(
        id="",
        source=source,
        text=body,
        url=(meta.url if meta else None) or url,
        title=title,
        subtitle=(meta.description if meta else None) or page.subtitle,
        authors=authors or page.authors,
        published=published,
        publisher=publisher,
        section=(", ".join(meta.categories) if meta and meta.categories else None) or page.section,
        headings=headings,
        author_bio=bio,
        boilerplate_removed_chars=max(len(html) - len(body), 0),
        removed=removed + [r for r in page.removed if r not in removed and r not in kept],
    )
