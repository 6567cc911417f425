"""The HTML pages: fixed shells (no data inside) that load the page's script.

Every page's content comes from the JSON API and is put in the DOM by the page script
with ``textContent`` / ``createElement``; the shells themselves hold only constants, so
no article text is ever written into HTML on the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    title: str
    script: str
    nav: bool = True


PAGES = {
    "overview": Page("/", "Overview", "overview.js"),
    "documents": Page("/documents", "Documents", "documents.js"),
    "events": Page("/events", "Events", "events.js"),
    "dyad": Page("/dyad", "Dyad", "dyad.js"),
    "network": Page("/network", "Network", "network.js"),
    "map": Page("/map", "Map", "map.js"),
    "read": Page("/read", "Read an article", "read.js"),
    "document": Page("/documents/{doc_id}", "Document", "document.js", nav=False),
}


def shell(name: str, version: str) -> str:
    """The HTML of one page (constant per page)."""
    page = PAGES[name]
    active = ' class="active" aria-current="page"'
    links = "".join(
        f'<a href="{escape(p.path)}"{active if key in (name, name + "s") else ""}>{escape(p.title)}</a>'
        for key, p in PAGES.items() if p.nav
    )
    v = escape(version)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page.title)} · dyad</title>
<link rel="stylesheet" href="/static/css/dyad.css?v={v}">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body data-page="{escape(name)}">
<header class="top"><a class="brand" href="/">dyad</a><nav>{links}</nav></header>
<main id="main"><p class="loading">Loading…</p></main>
<footer>dyad {v} · JSON API under /api · <a href="/openapi.json">OpenAPI spec</a></footer>
<script src="/static/js/common.js?v={v}"></script>
<script src="/static/js/{escape(page.script)}?v={v}"></script>
</body>
</html>
"""
