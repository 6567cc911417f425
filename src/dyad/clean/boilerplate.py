"""Signals that a paragraph is page boilerplate rather than article text.

The phrase lists live in ``dyad/data/clean/boilerplate.tsv`` (users may add their own
files with the same columns); the shape signals (length, end punctuation, stopword
density, caption credits) are general properties of web pages, as in jusText.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.datafiles import data_path, read_tsv
from dyad.errors import LexiconError

ROLES = ("fence", "line", "phrase")
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
# a photo caption: the credit stands at its end ("Photo: X / Y", "© X", "X/Staff", "X/Handout via Y")
CAPTION_CREDIT = re.compile(
    r"(?:\b(?:photo(?:graph)?s?|image|picture|credit|foto|source|illustration)\s*(?:by|:|©)\s*(?:[^.]|(?<=\b[A-Z])\.){1,80}"
    r"|©\s*[^.]{1,60}"
    r"|\b[\w .&-]{1,40}\s*/\s*(?:staff|handout|file|archive|pool|reuters|ap|afp|getty(?: images)?|shutterstock|epa)"
    r"(?:\s+via\s+[\w .&-]{1,40})?)\s*\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: str
    role: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The compiled phrase lists: ``fences`` end (or precede) the article, ``lines`` are
    button and menu labels, ``phrases`` mark a paragraph as boilerplate."""

    fences: tuple[Pattern, ...]
    lines: tuple[Pattern, ...]
    phrases: tuple[Pattern, ...]
    any_phrase: re.Pattern[str] | None = None
    """All phrase patterns in one regex: most paragraphs hold none, and are done at once."""

    def fence(self, text: str) -> str | None:
        """The kind of section header ``text`` is (comments, related, tags ...), or None."""
        if text.lstrip().startswith("#") and text.count("#") >= 2 and len(text.split()) <= 20:
            return "tags"
        core = _core(text)
        if not core or len(core.split()) > 12:
            return None
        return next((p.kind for p in self.fences if p.regex.fullmatch(core)), None)

    def label(self, text: str) -> str | None:
        """The kind of button/menu label ``text`` is, or None."""
        core = _core(text)
        if not core or len(core.split()) > 12:
            return None
        return next((p.kind for p in self.lines if p.regex.fullmatch(core)), None)

    def phrase(self, text: str, short: int = 20) -> str | None:
        """The kind of boilerplate ``text`` is by its phrases, or None: one phrase marks a
        short paragraph (up to ``short`` words), a longer one needs two."""
        if self.any_phrase is not None and not self.any_phrase.search(text):
            return None
        kinds = [p.kind for p in self.phrases for _ in p.regex.finditer(text)]
        if not kinds:
            return None
        if len(kinds) >= 2 or len(text.split()) <= short:
            return kinds[0]
        return None


def _core(text: str) -> str:
    return " ".join(text.strip(" \t|:-–—•·»›>*#.,").split())


def load_boilerplate(extra: tuple[Path, ...] = ()) -> Boilerplate:
    """The phrase lists shipped with dyad plus ``extra`` files of the same shape."""
    return _load(tuple(extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Boilerplate:
    found: dict[str, list[Pattern]] = {r: [] for r in ROLES}
    for path in (data_path("clean", "boilerplate.tsv"), *extra):
        for row in read_tsv(path, required=("kind", "role", "pattern")):
            if row["role"] not in ROLES:
                raise LexiconError(f"{path}: unknown role {row['role']!r} (expected one of {', '.join(ROLES)})")
            try:
                regex = re.compile(row["pattern"], re.IGNORECASE)
            except re.error as exc:
                raise LexiconError(f"{path}: bad pattern {row['pattern']!r}: {exc}") from exc
            found[row["role"]].append(Pattern(row["kind"], row["role"], regex))
    combined = re.compile("|".join(f"(?:{p.regex.pattern})" for p in found["phrase"]), re.IGNORECASE)
    return Boilerplate(tuple(found["fence"]), tuple(found["line"]), tuple(found["phrase"]), combined)


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=1)
def stopwords_en() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in read_tsv(data_path("clean", "stopwords_en.tsv"), required=("word",)))


def word_count(text: str) -> int:
    """Words in ``text``; in scripts written without spaces, two characters count as a word."""
    n = len(text.split())
    cjk = len(CJK.findall(text))
    return n + cjk // 2 if cjk > len(text) // 4 else n


def stopword_density(text: str) -> float:
    """Share of English stopwords among the words (jusText's main signal)."""
    ws = words(text)
    if not ws:
        return 0.0
    stop = stopwords_en()
    return sum(w.lower() in stop for w in ws) / len(ws)


def is_caption(text: str) -> bool:
    """A photo caption: a description ending in a photo credit."""
    n = len(text.split())
    return 3 <= n <= 80 and bool(CAPTION_CREDIT.search(text))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


__all__ = ["Boilerplate", "ends_sentence", "is_caption", "load_boilerplate", "stopword_density", "word_count", "words"]
