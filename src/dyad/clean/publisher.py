"""The publisher of a page from its plain text: the site name in the page title
("Headline | Site"), in the header repeated in the footer, in a self-description
("X is a not-for-profit publication") or in the copyright line."""

from __future__ import annotations

import re
import unicodedata

PAGE_TITLE_SEP = re.compile(r"\s+(?:\||–|—|-|::|·|«|»)\s+")
SELF_DESCRIPTION = re.compile(
    r"(?:^|[-–—:.!]\s+)(?P<name>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|the|for|and|&|on|[A-Z][\w'’&.-]*)){0,6})"
    r"\s+is\s+(?:an?\s+|the\s+)(?:[\w-]+,?\s+){0,5}"
    r"(?:publication|magazine|newspaper|news\s?(?:site|website|agency|service|outlet|organi[sz]ation)|outlet|journal|"
    r"website|newsroom|media|think[- ]tank|platform)\b"
)
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b|\bcopyryight\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<holder>[^|.,—–]+)", re.I)
LEGAL_SUFFIX = re.compile(
    r"\s+(?:ltd|limited|inc|llc|l\.?l\.?c|plc|gmbh|ggmbh|ag|sa|s\.a\.l?|sas|srl|bv|nv|asbl|sp\.? z o\.?o|"
    r"co|corp|corporation|pty|all rights reserved)\.?$",
    re.I,
)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"^the\s+", "", " ".join(s.split()))
    return s


def split_page_title(lines: list[str]) -> tuple[str | None, str | None]:
    """(headline, site) when one of the first lines is the page's <title> "Headline | Site"
    and the headline stands again on a line of its own."""
    others = set(lines)
    for line in lines[:5]:
        parts = PAGE_TITLE_SEP.split(line)
        if len(parts) < 2:
            continue
        head, site = " | ".join(parts[:-1]), parts[-1]
        if 1 <= len(site.split()) <= 8 and (head in others or PAGE_TITLE_SEP.sub(" - ", head) in others):
            return head, site.strip()
    return None, None


def find_headline(lines: list[str]) -> int | None:
    """Index of the line repeating the page's <title> (its longest part), if any."""
    if not lines:
        return None
    parts = sorted(PAGE_TITLE_SEP.split(lines[0]), key=len, reverse=True)
    head = _fold(parts[0])
    if len(head.split()) < 3:
        return None
    for i, line in enumerate(lines[1:], start=1):
        fl = _fold(line)
        if fl == head or (len(fl.split()) <= 40 and fl.startswith(head)):
            return i
    return None


def copyright_holder(line: str) -> str | None:
    m = COPYRIGHT.search(line)
    if not m:
        return None
    holder = " ".join(m.group("holder").split())
    holder = re.sub(r"\s+\d.*$", "", holder)  # street addresses
    for _ in range(2):
        holder = LEGAL_SUFFIX.sub("", holder).strip(" .,")
    words = holder.split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return None
    return holder


def find_publisher(lines: list[str], title_idx: int, body_end: int, site: str | None = None) -> str | None:
    """The publisher's name, or None."""
    if site:
        return site
    header = lines[:title_idx]
    footer = lines[body_end + 1:]
    footer_f = [_fold(f) for f in footer]
    holders = [h for h in (copyright_holder(ln) for ln in lines if len(ln.split()) <= 40) if h]
    holders_f = [_fold(h) for h in holders]
    for h in header:
        ws = h.split()
        if not 1 <= len(ws) <= 6 or any(c.isdigit() for c in h) or not all(w[:1].isupper() or len(w) <= 3 for w in ws):
            continue
        fh = _fold(h)
        if len(fh) < 3:
            continue
        if any(fh in hf or hf in fh for hf in holders_f if len(hf) >= 3):
            return h
        if len(ws) >= 2 and any(fh in f for f in footer_f):
            return h
    for ln in lines[:title_idx] + footer:
        m = SELF_DESCRIPTION.search(ln)
        if m:
            return m.group("name")
    return holders[-1] if holders else None


__all__ = ["copyright_holder", "find_headline", "find_publisher", "split_page_title"]
