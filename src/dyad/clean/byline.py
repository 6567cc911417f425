"""Bylines and datelines: the publication date, the authors and the section of a page.

Handles the shapes news sites print: "By A and B 18 October 2025, 16:12 GMT+4",
"November 25, 2021 - Taras Kuzio - Articles and Commentary", "Olena Marchenko, Odesa
17.09.2024 15:47 Updated: ...", "Words by Helen Marsh Saturday 11 June 2022 8 min read".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from dyad.datafiles import data_path, read_tsv

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MON1, _MON2 = _MON.replace("mon", "mon1"), _MON.replace("mon", "mon2")
DATE_PATTERNS = (
    re.compile(rf"\b{_MON1}\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year1>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON2},?\s+(?P<year2>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year3>\d{4})-(?P<mon3>\d{1,2})-(?P<day3>\d{1,2})\b"),
    re.compile(r"\b(?P<a4>\d{1,2})(?P<sep4>[./])(?P<b4>\d{1,2})(?P=sep4)(?P<year4>\d{4})\b"),
)
TIME_RE = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?:\s*[aApP]\.?[mM]\.?)?(?:\s*\(?(?:GMT|UTC|[A-Z]{2,4}T)(?:\s*[+-]\s*\d{1,2}(?::\d{2})?)?\)?)?"
    r"|\b\d{1,2}\s*[aApP]\.?[mM]\.?(?!\w)"
)
BY_RE = re.compile(r"^\s*(?:by|words by|written by|text by|reported by|reporting by|von|par|por)\s+", re.I)
NOISE_RE = re.compile(
    r"\b(?:updated|last update|last updated|modified|published|posted|first published)\b\s*:?.*$"
    r"|\b\d+\s*min(?:ute)?s?\s*read\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b,?",
    re.I,
)
LEADING_LABEL = re.compile(r"^\s*(?:published|posted|date|dateline)\s*:\s*", re.I)
SEPARATORS = re.compile(r"\s+[-–—|•·/]\s+|\s*[|•·]\s*|\s*,\s+(?=[A-Z][a-z]+$)")
NAME_SPLIT = re.compile(r",\s*|\s+and\s+|\s*&\s*|\s+und\s+|\s+et\s+|\s+y\s+", re.I)
PARTICLES = r"(?:de|da|van|von|der|den|del|la|le|al|bin|ibn|el|du|dos)(?:-\w+)?"
NAME_WORD = re.compile(rf"^(?:[A-Z][\w'’.-]*[a-z][\w'’.-]*|[A-Z]\.|{PARTICLES})$")
IN_PLACE = re.compile(r"\s+(?:in|from|reporting from)\s+[A-Z][\w .'-]*$")


@dataclass(slots=True)
class Byline:
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    date_text: str | None = None


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_tsv(data_path("clean", "not_names.tsv"), required=("word",)))


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first calendar date written in ``text``: (ISO date, start, end), or None."""
    best: tuple[str, int, int] | None = None
    for pat in DATE_PATTERNS:
        for m in pat.finditer(text):
            iso = _iso(m.groupdict())
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
    return best


def _iso(g: dict[str, str | None]) -> str | None:
    try:
        if g.get("mon1"):
            y, mo, d = int(g["year1"] or 0), MONTHS[(g["mon1"] or "").lower()], int(g["day1"] or 0)
        elif g.get("mon2"):
            y, mo, d = int(g["year2"] or 0), MONTHS[(g["mon2"] or "").lower()], int(g["day2"] or 0)
        elif g.get("year3"):
            y, mo, d = int(g["year3"] or 0), int(g["mon3"] or 0), int(g["day3"] or 0)
        else:
            a, b, y = int(g["a4"] or 0), int(g["b4"] or 0), int(g["year4"] or 0)
            # day first unless the first part cannot be a day-of-month-first reading
            d, mo = (b, a) if b > 12 and a <= 12 else (a, b)
        if not 1900 <= y <= 2100:
            return None
        return date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


def looks_like_name(s: str) -> bool:
    """A person's name: 2-5 capitalised words (particles allowed), no digits, no org words."""
    ws = s.split()
    if not 2 <= len(ws) <= 5 or any(ch.isdigit() for ch in s):
        return False
    if not ws[0][:1].isupper() or not ws[-1][:1].isupper():
        return False
    if any(w.lower().strip(".") in not_name_words() for w in ws):
        return False
    return all(NAME_WORD.match(w) for w in ws)


def names_in(part: str, exclude: set[str]) -> list[str]:
    """Person names in one byline segment ("A, B and C", "A in Taipei and B in Hong Kong")."""
    part = BY_RE.sub("", part).strip(" ,;:")
    pieces = [IN_PLACE.sub("", p.strip()) for p in NAME_SPLIT.split(part)]
    pieces = [IN_PLACE.sub("", p).strip(" ,;:") for p in pieces if p.strip()]
    names = [p for p in pieces if looks_like_name(p) and p.lower() not in exclude]
    return names


def parse_byline(text: str, exclude: set[str] | None = None) -> Byline | None:
    """Date, authors and section of a byline/dateline line, or None if it is not one.

    ``exclude`` holds lower-cased names that are not authors (the publisher).
    """
    exclude = exclude or set()
    n = len(text.split())
    if n > 30 or n == 0:
        return None
    found = find_date(text)
    has_by = bool(BY_RE.match(text))
    if found is None and not has_by:
        # a line of names only ("Rana Haddad and Selin Aydemir")
        if text.rstrip().endswith((".", "!", "?")):
            return None
        names = names_in(text, exclude)
        pieces = [p for p in NAME_SPLIT.split(text) if p.strip()]
        if names and len(names) == len(pieces):
            return Byline(authors=names)
        return None
    if text.rstrip().endswith((".", "!", "?")) and not has_by and n > 12:
        return None  # a sentence that mentions a date
    rest = text
    published = None
    if found:
        published, start, end = found
        rest = text[:start] + " | " + text[end:]
    rest = LEADING_LABEL.sub("", rest)
    rest = TIME_RE.sub(" ", NOISE_RE.sub(" ", rest))
    authors: list[str] = []
    section = None
    for part in SEPARATORS.split(rest):
        part = part.strip(" ,;:-–—|")
        if not part:
            continue
        names = names_in(part, exclude)
        if names and not authors:
            authors = names
        elif (not names and section is None and part.lower() not in exclude and not BY_RE.match(part)
              and re.search(r"[A-Za-z]", part) and len(part.split()) <= 5):
            section = part
    if published is None and not authors:
        return None
    return Byline(published=published, authors=authors, section=section, date_text=text)


__all__ = ["Byline", "find_date", "looks_like_name", "names_in", "parse_byline"]
