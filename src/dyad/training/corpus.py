"""Training corpus records: one gold article per JSON file, in the evaluation guide's
format plus the trigger and argument text spans of every event.

Layout: ``<root>/articles/<batch>/<id>.json`` (first annotation) and
``<root>/second/<id>.json`` (an independent second annotation of a sample).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dyad.errors import CorpusError

Split = Literal["train", "validation"]
VALIDATION_PERCENT = 15


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sentence: str
    type: str
    mode: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    aux: tuple[str, ...]
    date: str | None
    location: str | None
    by: str
    trigger: str
    actor_text: str | None
    recipient_text: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence, "type": self.type, "mode": self.mode,
            "actor": list(self.actor), "recipient": list(self.recipient), "aux": list(self.aux),
            "date": self.date, "location": self.location, "by": self.by, "trigger": self.trigger,
            "actor_text": self.actor_text, "recipient_text": self.recipient_text,
        }


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    batch: str
    published: str
    title: str
    authors: tuple[str, ...]
    publisher: str
    genre: str | None
    text: str
    events: tuple[GoldEvent, ...]

    @property
    def split(self) -> Split:
        return split_of(self.id)

    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


def split_of(article_id: str) -> Split:
    """Deterministic split by a hash of the article id (about 15% validation)."""
    bucket = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "validation" if bucket < VALIDATION_PERCENT else "train"


def _str(d: dict[str, Any], key: str, where: str, *, optional: bool = False) -> str | None:
    value = d.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise CorpusError(f"field {key!r} must be a string", source=where)
    return value


def _codes(d: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = d.get(key)
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise CorpusError(f"field {key!r} must be a list of codes", source=where)
    return tuple(value)


def event_from_dict(d: dict[str, Any], where: str) -> GoldEvent:
    if not isinstance(d, dict):
        raise CorpusError("event must be an object", source=where)
    return GoldEvent(
        sentence=_str(d, "sentence", where) or "",
        type=_str(d, "type", where) or "",
        mode=_str(d, "mode", where, optional=True),
        actor=_codes(d, "actor", where),
        recipient=_codes(d, "recipient", where),
        aux=_codes(d, "aux", where),
        date=_str(d, "date", where, optional=True),
        location=_str(d, "location", where, optional=True),
        by=_str(d, "by", where) or "author",
        trigger=_str(d, "trigger", where) or "",
        actor_text=_str(d, "actor_text", where, optional=True),
        recipient_text=_str(d, "recipient_text", where, optional=True),
    )


def article_from_dict(d: dict[str, Any], where: str, batch: str = "") -> GoldArticle:
    if not isinstance(d, dict):
        raise CorpusError("record must be a JSON object", source=where)
    authors = d.get("authors")
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise CorpusError("field 'authors' must be a list of strings", source=where)
    events = d.get("events")
    if not isinstance(events, list):
        raise CorpusError("field 'events' must be a list", source=where)
    return GoldArticle(
        id=_str(d, "id", where) or "",
        batch=batch,
        published=_str(d, "published", where) or "",
        title=_str(d, "title", where) or "",
        authors=tuple(authors),
        publisher=_str(d, "publisher", where) or "",
        genre=_str(d, "genre", where, optional=True),
        text=_str(d, "text", where) or "",
        events=tuple(event_from_dict(e, f"{where} event {i}") for i, e in enumerate(events)),
    )


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"cannot read JSON: {exc}", source=str(path)) from exc
    if not isinstance(data, dict):
        raise CorpusError("record must be a JSON object", source=str(path))
    return data


def load_article(path: Path) -> GoldArticle:
    """One gold article; its batch is the name of the folder it sits in."""
    return article_from_dict(read_json(path), str(path), batch=path.parent.name)


def article_paths(root: Path) -> list[Path]:
    """The first-annotation files of a corpus root, sorted (batch, id)."""
    return sorted((root / "articles").glob("*/*.json"))


def second_paths(root: Path) -> list[Path]:
    return sorted((root / "second").glob("*.json"))


def load_corpus(root: Path, split: Split | None = None) -> list[GoldArticle]:
    """All articles of the corpus (or of one split). Raises CorpusError on a bad record."""
    if not (root / "articles").is_dir():
        raise CorpusError("no articles/ folder", source=str(root))
    articles = [load_article(p) for p in article_paths(root)]
    return [a for a in articles if split is None or a.split == split]


def load_second(root: Path) -> list[GoldArticle]:
    return [article_from_dict(read_json(p), str(p), batch="second") for p in second_paths(root)]


SECOND_PERCENT = 5


def in_second_sample(article_id: str) -> bool:
    """Whether an article belongs to the random ~5% sample that gets a second, independent
    annotation (a hash of the id with its own salt, so the sample is stable as the corpus grows)."""
    digest = hashlib.sha256(f"second:{article_id}".encode()).hexdigest()
    return int(digest[:8], 16) % 100 < SECOND_PERCENT
