"""Builders of real ``Extraction`` records for the store tests (no NLP: the store must
keep whatever the coder produces)."""

from __future__ import annotations

import hashlib

from dyad.records import (
    Attribution,
    Document,
    Entity,
    ErrorRecord,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Mention,
    Place,
    PlaceMention,
    Span,
)

COUNTRIES = {"RUS": "Russia", "AZE": "Azerbaijan", "ARM": "Armenia", "IRN": "Iran", "TUR": "Turkey",
             "GEO": "Georgia", "USA": "United States", "EU": "European Union"}


def entity(code: str, person: str | None = None) -> Entity:
    country, _, agent = code.partition(".")
    name = COUNTRIES.get(country, country) + (f" {agent}" if agent else "")
    return Entity(code=code, name=name, country=country, agent=agent or None, person=person)


def event(type_: str, actors: list[str], recipients: list[str], date: str | None = "2023-03-03", *,
          precision: str | None = "day", aux: tuple[str, ...] = (), place: Place | None = None,
          sentence: str = "Something happened.", cameo: str = "112", quad: int = 3, score: float = -2.0,
          goldstein: float = -2.0, by: str | None = None) -> Event:
    ident = hashlib.sha1(f"{type_}{actors}{recipients}{date}{aux}{sentence}".encode()).hexdigest()[:12]
    return Event(
        id=ident, type=type_, mode=None, actor=[entity(a) for a in actors],
        recipient=[entity(r) for r in recipients],
        date=EventDate(value=date, precision=precision if date else None,  # type: ignore[arg-type]
                       basis="explicit" if date else "unknown"),
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=Span(sentence[:4], 0, 4)),
        attribution=Attribution(by=entity(by) if by else None, cue="said" if by else None),
        aux=list(aux), location=place, score=score, cameo=cameo, goldstein=goldstein, quad_class=quad,
        confidence=0.8, rule="test:rule",
    )


def extraction(doc_id: str, events: list[Event], *, published: str | None = "2023-03-04",
               publisher: str | None = "Daily", source: str | None = None, text: str | None = None,
               errors: list[tuple[str, str]] | None = None) -> Extraction:
    text = text or "\n\n".join(e.evidence.sentence for e in events) or "Nothing."
    doc = Document(id=doc_id, source=source or f"{doc_id}.txt", text=text, title=f"Title {doc_id}",
                   published=published, publisher=publisher, language="en", url=f"https://example.org/{doc_id}")
    mentions = [Mention(entity=a, start=0, end=3, text=a.name[:3], rule="test")
                for e in events for a in (*e.actor, *e.recipient)]
    places = [PlaceMention(place=e.location, start=0, end=3, text=e.location.name) for e in events if e.location]
    return Extraction(document=doc, mentions=mentions, places=places, events=events,
                      errors=[ErrorRecord(s, m) for s, m in (errors or [])], provenance={"dyad": "test"})


BAKU = Place("Baku", "AZE", lat=40.4, lon=49.9, geonameid=587084)


def reports() -> list:
    """Three outlets report one assault; one repeats it; other events around it."""
    same = dict(type_="ASSAULT", actors=["AZE.MIL"], recipients=["ARM.MIL"], date="2023-09-19", place=BAKU,
                cameo="190", quad=4, score=-9.0, goldstein=-10.0)
    return [
        extraction("a1", [event(**same, sentence="Azerbaijani forces attacked Armenian positions."),
                          event("ACCUSE", ["ARM.GOV"], ["AZE.GOV"], "2023-09-19", sentence="Yerevan accused Baku.")],
                   published="2023-09-19", publisher="Outlet A"),
        extraction("a2", [event(**same, sentence="Azerbaijan's army shelled Armenian troops.")],
                   published="2023-09-20", publisher="Outlet B"),
        extraction("a3", [event(**same, sentence="The army of Azerbaijan struck Armenian units."),
                          event(**same, sentence="Again: the strike on Armenian units.")],
                   published="2023-09-22", publisher="Outlet B"),
        extraction("a4", [event("AGREE", ["ARM", "AZE"], [], "2023-11", precision="month", cameo="057", quad=1,
                                score=6.0, goldstein=8.0, sentence="Armenia and Azerbaijan agreed."),
                          event("THREATEN", ["RUS"], ["AZE"], "2023-11-02", aux=("hypothetical",), cameo="138",
                                sentence="Russia could threaten Azerbaijan.")],
                   published="2023-11-03", publisher=None),
    ]
