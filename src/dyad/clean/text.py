"""Plain text that still carries page boilerplate: find the article in it.

Each line is a paragraph candidate, classified from its shape (length, end
punctuation, stopword density), the phrase lists (``clean.boilerplate``), its language
and whether it is a byline, a caption or a section header (comments, related links,
tags). The body is the span of lines with the highest total score, where prose counts
for its length, boilerplate against it, and section headers and bylines cannot be
crossed (a maximum-sum segment, as in jusText's context-sensitive pass but global).
Title, standfirst, byline, publisher and author bio are then read around that span.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from dyad.clean.boilerplate import (
    Boilerplate,
    ends_sentence,
    is_caption,
    load_boilerplate,
    stopword_density,
    word_count,
)
from dyad.clean.byline import Byline, parse_byline
from dyad.clean.language import detect_language
from dyad.clean.publisher import find_headline, find_publisher, split_page_title
from dyad.records import Document

FENCE = float("-inf")
WEIGHTS = {
    "short": 1.0, "heading": -2.0, "names": -2.0, "caption": -1.0, "other": -3.0, "junk": -3.0, "teaser": -4.0,
    "label": -6.0, "repeated": -8.0, "timestamp": -10.0, "phrase": -25.0, "foreign": -25.0,
}
"""Score of each kind of line (prose scores its word count); fences and bylines break runs."""
RELATIVE_TIME = re.compile(
    r"^(?:updated\s+)?\d+\s*(?:s|m|h|d|w|min|mins|hrs?|hours?|days?|minutes?|weeks?)\s+ago$", re.I)
LISTY = frozenset({"heading", "names", "timestamp", "teaser", "label", "other", "junk"})
TEASER_SCALE = 0.3
COMMENT_SCALE = 0.3
SOFT_FENCES = frozenset({"related", "share", "tags"})
"""Boxes that sit inside articles as often as after them."""
MIN_MERGE = 40.0
MAX_BOX = 8
BREADCRUMB = re.compile(r"\s[»›>/]\s|\s>\s")
BIO_VERB = re.compile(r"\b(?:is|was|has been|writes|teaches|works|covers|reports)\b")


@dataclass(slots=True)
class Line:
    text: str
    index: int
    words: int
    kind: str = "other"
    byline: Byline | None = None
    scale: float = 1.0
    fence: str | None = None

    @property
    def weight(self) -> float:
        if self.kind in ("fence", "byline"):
            return FENCE
        if self.kind == "prose":
            return float(self.words) * self.scale
        return WEIGHTS.get(self.kind, -3.0)


def split_lines(text: str) -> list[str]:
    """Paragraph candidates: lines, with hard-wrapped blocks joined back into paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        rows = [" ".join(r.split()) for r in block.split("\n")]
        rows = [r for r in rows if r]
        if len(rows) >= 3 and _hard_wrapped(rows):
            out.append(" ".join(rows))
        else:
            out.extend(rows)
    return out


def _hard_wrapped(rows: list[str]) -> bool:
    """A block whose lines are one paragraph wrapped at a fixed width."""
    body = rows[:-1]
    widths = [len(r) for r in body]
    if min(widths) < 40 or max(widths) > 110:
        return False
    if max(widths) - min(widths) > 25:
        return False
    if sum(not ends_sentence(r) for r in body) < 0.6 * len(body):
        return False
    # wrapped prose goes on mid-sentence: many rows start with a lower-case word
    return sum(r[:1].islower() or rows[i][-1:] in ",-" for i, r in enumerate(rows[1:])) >= 0.3 * len(body)


def classify(lines: list[str], bp: Boilerplate, body_lang: str | None, exclude: set[str],
             repeated: Collection[str] = (), langs: dict[str, str | None] | None = None) -> list[Line]:
    """Each line with its kind; ``langs`` caches language ids already computed."""
    langs = {} if langs is None else langs
    out = []
    for i, text in enumerate(lines):
        ln = Line(text, i, word_count(text))
        ln.kind = _kind(ln, bp, body_lang, exclude, repeated, langs)
        out.append(ln)
    # prose after a comments header is readers' comments, never the article
    seen_prose = in_comments = False
    for ln in out:
        if ln.kind == "prose":
            seen_prose = True
            if in_comments:
                ln.scale = COMMENT_SCALE
        elif ln.kind == "fence" and ln.fence == "comments" and seen_prose:
            in_comments = True
    # a lone prose line between link-like lines is a teaser in a list of other pages
    for i in range(1, len(out) - 1):
        if out[i].kind == "prose" and out[i - 1].kind in LISTY and out[i + 1].kind in LISTY:
            out[i].scale = TEASER_SCALE
    return out


def _kind(ln: Line, bp: Boilerplate, body_lang: str | None, exclude: set[str], repeated: Collection[str],
          langs: dict[str, str | None]) -> str:
    text, n = ln.text, ln.words
    if not re.search(r"[^\W\d_]{2}", text):
        return "junk"
    ln.fence = bp.fence(text)
    if ln.fence:
        return "fence"
    if is_caption(text):
        return "caption"
    if text.endswith(("...", "…")) and n <= 40:
        return "teaser"  # a truncated summary of another page
    if n <= 30 and not (n > 14 and text.endswith(".")) and "(@" not in text and not text.startswith(("—", "–")):
        by = parse_byline(text, exclude)
        if by is not None:
            ln.byline = by
            # a line of names alone is weak evidence: it does not end the article
            return "byline" if by.published or by.date_text else "names"
    if bp.label(text):
        return "label"
    if RELATIVE_TIME.match(text):
        return "timestamp"
    if text in repeated:
        return "repeated"
    if n < 80 and bp.phrase(text):
        return "phrase"
    if n >= 10 and body_lang:
        if text not in langs:
            langs[text] = detect_language(text, min_chars=30)
        lang = langs[text]
        if lang and lang != body_lang:
            return "foreign"
    english = body_lang in (None, "en")
    if ends_sentence(text) and not text.endswith((",", ";")):
        if n >= 8 and (not english or stopword_density(text) >= 0.12):
            return "prose"
        if n < 8 and not text.endswith(":"):
            return "heading" if text.endswith("?") else "short"
    if n <= 14 and text[:1].isupper() and not text.endswith((",", ";", ":")) and not BREADCRUMB.search(text):
        return "heading"
    if n >= 15 and (not english or stopword_density(text) >= 0.2):
        return "prose"
    return "other"


def best_span(lines: list[Line], after: int | None = None, share: float = 0.5) -> tuple[int, int] | None:
    """Start and end (inclusive) of the maximum-sum run of lines; fences break runs.

    With ``after`` (the headline's index), the first run after it whose sum reaches
    ``share`` of the best run's is taken: the article follows its headline.
    """
    runs: list[tuple[float, int, int]] = []
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for i, ln in enumerate(lines):
        w = ln.weight
        if w == FENCE:
            if best is not None:
                runs.append(best)
            total, start, best = 0.0, i + 1, None
            continue
        if total <= 0:
            total, start = 0.0, i
            if best is not None:
                runs.append(best)
                best = None
        total += w
        if total > 0 and (best is None or total > best[0]):
            best = (total, start, i)
    if best is not None:
        runs.append(best)
    if not runs:
        return None
    groups = _merge_across_boxes(lines, runs)
    top = max(groups)
    if after is not None:
        top = next((g for g in groups if g[1] > after and g[0] >= share * top[0]), top)
    return top[1], top[2]


def _merge_across_boxes(lines: list[Line], runs: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Join runs split by a related-links, share or tags box set inside the article."""
    groups: list[tuple[float, int, int]] = []
    for run in sorted(runs, key=lambda r: r[1]):
        if groups:
            score, s, e = groups[-1]
            gap = lines[e + 1:run[1]]
            soft = all(ln.kind != "byline" and (ln.kind != "fence" or ln.fence in SOFT_FENCES) for ln in gap)
            if soft and len(gap) <= MAX_BOX and min(score, run[0]) >= MIN_MERGE:
                groups[-1] = (score + run[0], s, run[2])
                continue
        groups.append(run)
    return groups


def body_language(lines: list[str], langs: dict[str, str | None] | None = None) -> str | None:
    """The language most of the page's prose is written in (by word count)."""
    langs = {} if langs is None else langs
    votes: dict[str, int] = {}
    for t in lines:
        n = len(t.split())
        if n >= 12 and ends_sentence(t):
            if t not in langs:
                langs[t] = detect_language(t, min_chars=30)
            lang = langs[t]
            if lang:
                votes[lang] = votes.get(lang, 0) + n
    return max(votes, key=lambda k: votes[k]) if votes else None


def clean_text(text: str, source: str, repeated: Collection[str] = (), bp: Boilerplate | None = None) -> Document:
    """The article in a page's plain text: body, title, standfirst, byline and bio."""
    bp = bp or load_boilerplate()
    raw_lines = split_lines(text)
    langs: dict[str, str | None] = {}
    body_lang = body_language(raw_lines, langs)
    page_title, site = split_page_title(raw_lines)
    exclude = {site.lower()} if site else set()
    counts: dict[str, int] = {}
    for t in raw_lines:
        counts[t] = counts.get(t, 0) + 1
    dupes = {t for t, c in counts.items() if c > 1 and len(t.split()) >= 4}
    lines = classify(raw_lines, bp, body_lang, exclude, set(repeated) | dupes, langs)
    headline = find_headline(raw_lines)
    if headline is not None and headline < 0.8 * len(lines):
        for ln in lines[:headline]:  # the article follows its headline
            ln.scale = 0.25
    span = best_span(lines, headline)
    if span is None:
        return Document(id="", source=source, text="", boilerplate_removed_chars=len(text))
    start, end = span
    while start <= end and lines[start].kind not in ("prose", "short"):
        start += 1
    while end >= start and lines[end].kind not in ("prose", "short"):
        end -= 1

    title_idx, subtitle_idx, bylines = _head(lines, start, page_title)
    publisher = find_publisher(raw_lines, title_idx if title_idx is not None else start, end, site)
    if publisher and not site:
        exclude.add(publisher.lower())
    published, section = None, None
    authors: list[str] = []
    for by in bylines:
        published = published or by.published
        authors = authors or [a for a in by.authors if a.lower() not in exclude]
        section = section or by.section
    bio_idx = _author_bio(lines, end, authors)
    if bio_idx is not None and bio_idx <= end:
        end = bio_idx - 1
        while end >= start and lines[end].kind not in ("prose", "short"):
            end -= 1

    kept: list[str] = []
    headings: list[str] = []
    removed: list[str] = []
    meta_idx = {i for i in (title_idx, subtitle_idx, bio_idx) if i is not None}
    for ln in lines:
        if start <= ln.index <= end and ln.kind in ("prose", "short", "heading"):
            kept.append(ln.text)
            if ln.kind == "heading":
                headings.append(ln.text)
        elif ln.index not in meta_idx and ln.kind not in ("byline", "names"):
            removed.append(ln.text)
    body = "\n\n".join(kept)
    return Document(
        id="",
        source=source,
        text=body,
        title=lines[title_idx].text if title_idx is not None else page_title,
        subtitle=lines[subtitle_idx].text if subtitle_idx is not None else None,
        authors=authors,
        published=published,
        publisher=publisher,
        section=section,
        headings=headings,
        author_bio=lines[bio_idx].text if bio_idx is not None else None,
        boilerplate_removed_chars=max(len(text) - len(body), 0),
        removed=removed,
    )


def _head(lines: list[Line], start: int, page_title: str | None) -> tuple[int | None, int | None, list[Byline]]:
    """Title, standfirst and bylines: read backwards from the first body line."""
    bylines: list[Byline] = []
    subtitle_idx = title_idx = None
    # a line repeating the page's <title> (before its " | Site" part) is the headline
    if page_title:
        for ln in lines[1:start]:
            if ln.text == page_title:
                title_idx = ln.index
    seen_byline = False
    for ln in reversed(lines[max(0, start - 12):start]):
        if (ln.kind in ("byline", "names") and ln.byline and ln.byline.authors) or ln.kind == "byline":
            if ln.byline:
                bylines.insert(0, ln.byline)
            seen_byline = True
            continue
        if ln.kind in ("caption", "label", "junk", "phrase"):
            continue
        if title_idx is not None and ln.index <= title_idx:
            break
        if ln.kind == "fence":
            continue
        if 3 <= ln.words <= 30 and not ln.text.endswith((".", ",", ";", ":")) and not BREADCRUMB.search(ln.text):
            title_idx = ln.index
            break
        if ln.kind == "prose" and seen_byline and subtitle_idx is None and ln.words <= 80:
            subtitle_idx = ln.index
            continue
        if ln.kind in ("heading", "other", "fence") and ln.words < 3:
            continue
        if ln.kind == "prose":
            break
    # a byline standing after the body's first lines (rare) or before the title
    if title_idx is not None:
        for ln in lines[title_idx + 1:start]:
            if ln.kind in ("byline", "names") and ln.byline and ln.byline not in bylines:
                bylines.append(ln.byline)
    return title_idx, subtitle_idx, bylines


def _author_bio(lines: list[Line], end: int, authors: list[str]) -> int | None:
    """Index of the author's bio: a prose line at the end of the body naming the author."""
    names = [a for a in authors] + [a.split()[-1] for a in authors]
    window = [ln for ln in lines[max(0, end - 1): end + 6] if ln.kind in ("prose", "phrase")]
    for ln in window:
        head = ln.text[:80]
        if names and any(head.startswith(n) for n in names) and BIO_VERB.search(head):
            return ln.index
    # "About the author" header followed by prose
    for i in range(end + 1, min(end + 6, len(lines) - 1)):
        if lines[i].kind == "fence" and re.match(r"about the authors?\b", lines[i].text, re.I):
            nxt = lines[i + 1]
            if nxt.kind == "prose":
                return nxt.index
    return None


__all__ = ["best_span", "classify", "clean_text", "split_lines"]
