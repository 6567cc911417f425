"""HTML pages: body and metadata with trafilatura, plus what it misses.

trafilatura finds the main content block; dyad then runs its own paragraph classifier
over that block (a donation or newsletter box, "Read also" links, captions, a comment
or related-links section inside <article>), keeps in-body headings as paragraphs of
their own, and reads the byline, site name and author bio from the page's visible text
when the page's metadata does not carry them.
"""

from __future__ import annotations

import trafilatura
from lxml import etree
from trafilatura.metadata import extract_metadata

from dyad.clean.boilerplate import Boilerplate, load_boilerplate
from dyad.clean.text import body_language, classify, clean_text
from dyad.clean.visible import visible_lines
from dyad.records import Document

KEEP = ("prose", "short", "heading", "other")


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = [p.strip() for p in value.replace(" and ", ";").split(";")]
    return [p for p in parts if p]


def main_blocks(html: str, url: str | None = None) -> list[tuple[str, bool]]:
    """trafilatura's main content as (paragraph, is_heading) pairs, in order."""
    xml = trafilatura.extract(
        html, url=url, output_format="xml", include_comments=False, include_tables=False,
        include_images=False, include_links=False, include_formatting=False, favor_precision=False,
        deduplicate=False, with_metadata=False,
    )
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return [(" ".join(p.split()), False) for p in xml.split("\n") if p.strip()]
    main = root.find("main")
    out: list[tuple[str, bool]] = []
    for el in (main if main is not None else root).iter("p", "head", "item", "quote", "cell"):
        if el.tag in ("p", "quote") and el.getparent() is not None and el.getparent().tag in ("quote", "item"):
            continue
        text = " ".join("".join(el.itertext()).split())
        if text:
            out.append((text, el.tag == "head"))
    return out


def filter_blocks(blocks: list[tuple[str, bool]], bp: Boilerplate, exclude: set[str],
                  lang: str | None) -> tuple[list[str], list[str], list[str]]:
    """(kept paragraphs, headings, removed paragraphs) of trafilatura's main content."""
    texts = [t for t, _ in blocks]
    lines = classify(texts, bp, lang, exclude)
    # the article ends at the first section header (comments, related, tags, share row)
    # that follows prose; before that, only boilerplate paragraphs are dropped
    end = len(lines)
    seen_prose = False
    for ln in lines:
        if ln.kind == "prose":
            seen_prose = True
        elif ln.kind == "fence" and seen_prose:
            end = ln.index
            break
    kept, headings, removed = [], [], []
    for ln, (_, is_head) in zip(lines, blocks, strict=True):
        if ln.index < end and (ln.kind in KEEP or (is_head and ln.kind in ("heading", "byline", "other"))):
            kept.append(ln.text)
            if is_head or ln.kind == "heading":
                headings.append(ln.text)
        else:
            removed.append(ln.text)
    while kept and kept[-1] in headings:  # a heading cannot end the body
        removed.append(kept.pop())
    while kept and kept[0] in headings and len(kept) > 1 and kept[1] in headings:
        removed.append(kept.pop(0))
    return kept, [h for h in headings if h in kept], removed


def clean_html(html: str, source: str, url: str | None = None, bp: Boilerplate | None = None) -> Document:
    """Article body (paragraphs separated by a blank line) and metadata of a page."""
    bp = bp or load_boilerplate()
    meta = extract_metadata(html, default_url=url)
    page = clean_text("\n".join(visible_lines(html)), source, bp=bp)
    publisher = (meta.sitename if meta else None) or page.publisher
    exclude = {publisher.lower()} if publisher else set()
    blocks = main_blocks(html, url)
    lang = body_language([t for t, _ in blocks])
    kept, headings, removed = filter_blocks(blocks, bp, exclude, lang)
    if not kept and page.text:  # trafilatura found nothing: the text classifier's body
        kept, headings = page.text.split("\n\n"), page.headings
    title = (meta.title if meta else None) or page.title
    if page.title and title and page.title != title and title.startswith(page.title):
        title = page.title  # "<title>Headline | Site</title>" read as the title
    authors = [a for a in _split_authors(meta.author if meta else None) if a.lower() not in exclude]
    published = page.published or (meta.date[:10] if meta and meta.date else None)
    # the headline and the standfirst often open trafilatura's block: they are metadata
    heads = {_fold(t) for t in (title, page.title, page.subtitle, meta.description if meta else None) if t}
    while kept and _fold(kept[0]) in heads:
        removed.append(kept.pop(0))
    bio = page.author_bio
    if bio and bio in kept:
        kept.remove(bio)
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
