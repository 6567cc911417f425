"""A plain sentence splitter for corpus statistics and drafts (no model needed).

Splits after . ! ? (and a closing quote or bracket) followed by whitespace and an
upper-case letter, digit or opening quote, except after common abbreviations and
initials. Paragraph breaks always end a sentence.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
        "gov", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k",
        "e.u",
    ]
)
_BOUNDARY = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")


def _is_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip().split()
    if not words:
        return False
    last = words[-1].rstrip(".!?\"'”’)]").lower()
    if last in ABBREVIATIONS:
        return True
    return len(last) == 1 and last.isalpha()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = para.start()
        for m in _BOUNDARY.finditer(text, para.start(), para.end()):
            end = m.start() + len(m.group(0).rstrip())
            if _is_abbreviation(text[start : m.start() + 1]):
                continue
            spans.append((start, end))
            start = m.end()
        if text[start : para.end()].strip():
            spans.append((start, para.end()))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
