"""Typed records passed between the stages (the nouns of dyad).

Each record serialises with ``to_dict()`` to exactly the shape of the output contract
(``extraction.schema.json``, schema_version "1"); extra keys are allowed by the contract
and are used for provenance (``rule``, ``provenance``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1"

AUX_MODES = ("historical", "future", "hypothetical", "negation")
AGENTS = (
    "GOV", "MIL", "POL", "REB", "SEP", "INS", "PTY", "LEG", "JUD", "OPP", "SPY",
    "CVL", "MED", "BUS", "NGO", "IGO", "EDU", "REL", "LAB", "REF", "CRM", "ELI",
)
Precision = Literal["day", "month", "year", "decade"]
Basis = Literal["explicit", "relative", "publication", "unknown"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read, before cleaning.

    ``media_type`` is "text/html" or "text/plain"; ``hints`` carries metadata a source
    already knows (a feed entry's title and date, a JSONL record's url), which cleaning
    uses when the page itself does not say.
    """

    source: str
    content: bytes | str
    media_type: str = "text/plain"
    url: str | None = None
    fetched: str | None = None
    hints: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def text(self, encoding: str = "utf-8") -> str:
        if isinstance(self.content, str):
            return self.content
        return self.content.decode(encoding, errors="replace")


@dataclass(slots=True)
class Document:
    """The clean article: body text and metadata. Offsets everywhere refer to ``text``."""

    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    section: str | None = None
    language: str | None = None
    headings: list[str] = field(default_factory=list)
    author_bio: str | None = None
    boilerplate_removed_chars: int = 0
    removed: list[str] = field(default_factory=list)
    """Paragraphs removed as boilerplate (kept for inspection, not part of the contract)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "published": self.published,
            "publisher": self.publisher,
            "section": self.section,
            "language": self.language,
            "text": self.text,
            "headings": list(self.headings),
            "author_bio": self.author_bio,
            "boilerplate_removed_chars": self.boilerplate_removed_chars,
            "removed": list(self.removed),
        }


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor: ``code`` is COUNTRY or COUNTRY.AGENT (ISO alpha-3 or organisation code)."""

    code: str
    name: str
    country: str | None
    agent: str | None = None
    person: str | None = None

    @staticmethod
    def make(country: str | None, agent: str | None, name: str, person: str | None = None) -> Entity:
        code = ".".join(p for p in (country, agent) if p) or "UNK"
        return Entity(code=code, name=name, country=country, agent=agent, person=person)

    def with_agent(self, agent: str | None) -> Entity:
        return Entity.make(self.country, agent, self.name, self.person)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "agent": self.agent,
            "person": self.person,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found in the text; ``rule`` names the lexicon entry or rule that found it."""

    entity: Entity
    start: int
    end: int
    text: str
    rule: str = ""
    metonym: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    text: str
    rule: str = ""


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    precision: Precision | None
    basis: Basis
    end: str | None = None
    text: str | None = None
    """The time expression the date was read from, when there is one."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "end": self.end,
            "precision": self.precision,
            "basis": self.basis,
            "text": self.text,
        }


UNKNOWN_DATE = EventDate(value=None, precision=None, basis="unknown")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts an event: ``by`` None means the author's own voice."""

    by: Entity | None = None
    cue: str | None = None
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": "author" if self.by is None else self.by.to_dict(),
            "cue": self.cue,
            "quoted": self.quoted,
        }


AUTHOR = Attribution()


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger.to_dict() if self.trigger else None,
        }


@dataclass(slots=True)
class Event:
    id: str
    type: str
    mode: str | None
    actor: list[Entity]
    recipient: list[Entity]
    date: EventDate
    evidence: Evidence
    attribution: Attribution = AUTHOR
    aux: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    location: Place | None = None
    score: float | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    confidence: float | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "aux": [a for a in AUX_MODES if a in self.aux],
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "score": self.score,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "attribution": self.attribution.to_dict(),
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    stage: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.message}


@dataclass(slots=True)
class Sentence:
    """A sentence of the clean text, with the offsets of its characters in it."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Extraction:
    """What dyad produces for one document; ``to_dict`` is the JSON Lines record."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def entities(self) -> list[dict[str, Any]]:
        """Entities with their mentions, grouped by code and person."""
        grouped: dict[tuple[str, str | None], dict[str, Any]] = {}
        for m in self.mentions:
            key = (m.entity.code, m.entity.person)
            item = grouped.get(key)
            if item is None:
                item = m.entity.to_dict() | {"mentions": []}
                grouped[key] = item
            item["mentions"].append({"text": m.text, "start": m.start, "end": m.end, "rule": m.rule})
        return list(grouped.values())

    def place_list(self) -> list[dict[str, Any]]:
        grouped: dict[tuple[str, str | None], dict[str, Any]] = {}
        for pm in self.places:
            key = (pm.place.name, pm.place.country)
            item = grouped.get(key)
            if item is None:
                item = pm.place.to_dict() | {"mentions": []}
                grouped[key] = item
            item["mentions"].append({"text": pm.text, "start": pm.start, "end": pm.end})
        return list(grouped.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "document": self.document.to_dict(),
            "entities": self.entities(),
            "places": self.place_list(),
            "events": [e.to_dict() for e in self.events],
            "errors": [e.to_dict() for e in self.errors],
            "provenance": dict(self.provenance),
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read; it still becomes a record, with the reason."""

    source: str
    stage: str
    message: str


@dataclass(slots=True)
class AnnotatedDocument:
    """A document with its parse (a spaCy ``Doc``), actor mentions and place mentions."""

    document: Document
    doc: Any
    mentions: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
