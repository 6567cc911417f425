"""All the visible text of an HTML page in reading order, one block per line, as a text
browser dumps it (the page's <title> first). Used to read bylines and site names that
trafilatura misses, and to turn pages into the scraped text analysts often hold."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
    "tr", "ul", "legend", "option", "select",
})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "math"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def visible_lines(html: str) -> list[str]:
    """The page's visible text blocks, in document order."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return [" ".join(html.split())] if html.strip() else []
    lines: list[str] = []
    title = root.findtext(".//title")
    if title and title.strip():
        lines.append(" ".join(title.split()))
    body = root.find("body")
    buf: list[str] = []
    _walk(body if body is not None else root, buf, lines)
    _flush(buf, lines)
    return lines


def visible_text(html: str) -> str:
    """``visible_lines`` joined by newlines."""
    return "\n".join(visible_lines(html))


def _flush(buf: list[str], lines: list[str]) -> None:
    text = " ".join("".join(buf).split())
    if text:
        lines.append(text)
    buf.clear()


def _walk(el: etree._Element, buf: list[str], lines: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or (tag and _hidden(el)):
        if el.tail:
            buf.append(el.tail)
        return
    block = tag in BLOCK_TAGS
    if block or tag == "br":
        _flush(buf, lines)
    if tag in ("td", "th"):
        buf.append(" ")
    if el.text and tag:
        buf.append(el.text)
    for child in el:
        _walk(child, buf, lines)
    if block:
        _flush(buf, lines)
    if tag == "img" and el.get("alt") is None:
        pass
    if el.tail:
        buf.append(el.tail)


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


__all__ = ["visible_lines", "visible_text"]
