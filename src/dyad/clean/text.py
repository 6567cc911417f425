"""Plain text that still carries page boilerplate: find the article in it.

Each line is a paragraph candidate. The body is the run of prose paragraphs between
the page's header and footer; short unpunctuated lines inside it are section headings;
a byline/dateline gives date, authors and section; the line before the first prose
block is the title and a prose paragraph between title and byline the standfirst.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import dateparser

from dyad.clean.language import detect_language
from dyad.records import Document

MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_RE = re.compile(
    rf"\b(?:{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
BYLINE_RE = re.compile(r"^\s*(?:By|Written by|Words by)\s+(?P<names>[^\d|]+?)(?:\s*[|,-]\s*|\s+)(?=\d|$|[A-Z][a-z]+ \d)")
BOILERPLATE_PHRASES = re.compile(
    r"cookie|privacy|consent|subscribe|newsletter|sign in|log in|donat|terms of use|all rights reserved|"
    r"copyright|text resize|change contrast|share this|follow us|advertis|skip to content|accept all|"
    r"read more|related articles|comments?\b|leave a reply|javascript",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")


@dataclass(slots=True)
class Line:
    text: str
    index: int

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_prose(self) -> bool:
        return self.words >= 12 and bool(SENTENCE_END.search(self.text))


def _lines(text: str) -> list[Line]:
    out = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        t = " ".join(raw.split())
        if t:
            out.append(Line(t, len(out)))
    return out


def _is_boilerplate(line: Line, body_lang: str | None) -> bool:
    if BOILERPLATE_PHRASES.search(line.text) and line.words < 60:
        return True
    if line.words >= 8 and body_lang:
        lang = detect_language(line.text)
        if lang and lang != body_lang:
            return True
    return not re.search(r"[A-Za-z]{2}", line.text)


def _parse_dateline(text: str) -> tuple[str | None, list[str], str | None]:
    """(published ISO date, authors, section) from a byline/dateline, if it is one."""
    m = DATE_RE.search(text)
    if not m or len(text.split()) > 25:
        return None, [], None
    parsed = dateparser.parse(m.group(0), settings={"PREFER_DAY_OF_MONTH": "first"})
    published = parsed.date().isoformat() if parsed else None
    rest = (text[: m.start()] + " | " + text[m.end() :]).strip()
    parts = [p.strip() for p in re.split(r"\s+[-–—|]\s+|\s*\|\s*", rest) if p.strip(" |-–—")]
    authors: list[str] = []
    section = None
    for part in parts:
        part = re.sub(r"^(?:By|Written by)\s+", "", part.strip(" |-–—,"))
        part = re.sub(r"\s*,?\s*\d{1,2}:\d{2}.*$", "", part)
        if not part or re.search(r"\d", part):
            continue
        names = [n.strip() for n in re.split(r",\s*|\s+and\s+|\s*&\s*", part) if n.strip()]
        if not authors and all(_looks_like_name(n) for n in names):
            authors = names
        elif section is None:
            section = part
    return published, authors, section


def _looks_like_name(s: str) -> bool:
    words = s.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words if len(w) > 3)


def clean_text(text: str, source: str) -> Document:
    lines = _lines(text)
    prose = [ln for ln in lines if ln.is_prose]
    body_lang = detect_language(" ".join(p.text for p in prose[:20])) if prose else None
    candidates = [ln for ln in prose if not _is_boilerplate(ln, body_lang)]
    if not candidates:
        return Document(id="", source=source, text="", boilerplate_removed_chars=len(text))

    # dateline: the first line carrying a date near the top of the article
    published, authors, section = None, [], None
    dateline_idx = None
    for ln in lines[: candidates[0].index + 6]:
        if ln.is_prose:
            continue
        p, a, s = _parse_dateline(ln.text)
        if p:
            published, authors, section, dateline_idx = p, a, s, ln.index
            break

    # title: the last short, unpunctuated line before the first prose paragraph
    first_prose = candidates[0].index
    title_idx = None
    for ln in reversed(lines[:first_prose]):
        if ln.index == dateline_idx:
            continue
        if 3 <= ln.words <= 25 and not SENTENCE_END.search(ln.text) and not BOILERPLATE_PHRASES.search(ln.text):
            title_idx = ln.index
            break
    subtitle = None
    start = first_prose
    if dateline_idx is not None and title_idx is not None and title_idx < first_prose < dateline_idx:
        subtitle = lines[first_prose].text
        after = [c for c in candidates if c.index > dateline_idx]
        start = after[0].index if after else first_prose

    # body: from start to the last prose candidate, stopping at the author bio
    body_lines = [ln for ln in candidates if ln.index >= start]
    end = body_lines[-1].index
    author_bio = None
    if authors:
        surname = authors[0].split()[-1]
        for ln in body_lines[-2:]:
            if re.match(rf"^{re.escape(authors[0])}\b|^{re.escape(surname)}\b", ln.text) and " is " in ln.text:
                author_bio = ln.text
                end = ln.index - 1
                break
    kept: list[str] = []
    headings: list[str] = []
    removed: list[str] = []
    for ln in lines:
        in_body = start <= ln.index <= end
        if in_body and ln.is_prose and not _is_boilerplate(ln, body_lang):
            kept.append(ln.text)
        elif in_body and 1 <= ln.words <= 12 and not SENTENCE_END.search(ln.text) and not BOILERPLATE_PHRASES.search(
            ln.text
        ):
            kept.append(ln.text)
            headings.append(ln.text)
        elif ln.index not in (title_idx, dateline_idx) and ln.text != subtitle and ln.text != author_bio:
            removed.append(ln.text)
    # a heading cannot end the body
    while kept and kept[-1] in headings:
        removed.append(kept.pop())
    body = "\n\n".join(kept)
    return Document(
        id="",
        source=source,
        text=body,
        title=lines[title_idx].text if title_idx is not None else None,
        subtitle=subtitle,
        authors=authors,
        published=published,
        section=section,
        headings=[h for h in headings if h in kept],
        author_bio=author_bio,
        boilerplate_removed_chars=max(len(text) - len(body), 0),
        removed=removed,
    )
