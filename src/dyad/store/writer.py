"""Turn ``Extraction`` records into Arrow tables (one per store table) and write them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from dyad.records import Entity, Event, Extraction
from dyad.store.dedup import KEY_AUX, dedup_key
from dyad.store.layout import SCHEMAS, TABLES, Layout

LEAD_PARAGRAPHS = 3
"""An event read from the first paragraphs of its article is a lead event (GDELT IsRootEvent)."""


def parse_date(value: str | None) -> dt.date | None:
    """The first day of a YYYY, YYYY-MM or YYYY-MM-DD value; None when unreadable."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
    except ValueError:
        return None


def outlet_of(publisher: str | None, url: str | None) -> str | None:
    """Who published an article: its publisher, else the host of its URL."""
    if publisher:
        return publisher
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _entity(e: Entity) -> dict[str, Any]:
    return {"code": e.code, "name": e.name, "country": e.country, "agent": e.agent, "person": e.person}


def dyad_pairs(event: Event) -> list[tuple[Entity, Entity | None, bool]]:
    """(actor, recipient, reciprocal) for every dyad of an event's actor and recipient lists.

    A compound list gives one pair per actor and recipient; an event with several actors
    and no recipient ("Armenia and Azerbaijan agreed") is reciprocal: one pair per
    ordered pair of distinct actors. A lone actor gives one pair with no recipient.
    """
    if event.recipient:
        return [(a, r, False) for a in event.actor for r in event.recipient]
    distinct = list({a.code: a for a in event.actor}.values())
    if len(distinct) >= 2:
        return [(a, b, True) for a in distinct for b in distinct if a.code != b.code]
    return [(a, None, False) for a in event.actor[:1]]


@dataclass
class Batch:
    """Rows gathered for the tables of a store, written together."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def __len__(self) -> int:
        return len(self.rows["documents"]) + len(self.rows["failures"])

    def add(self, ex: Extraction, now: dt.datetime | None = None) -> None:
        now = now or dt.datetime.now(dt.UTC)
        d = ex.document
        if ex.errors:
            for err in ex.errors:
                self.rows["failures"].append({"source": d.source, "doc_id": d.id or None, "url": d.url,
                                              "stage": err.stage, "message": err.message, "ingested": now})
        if not d.id:
            return
        published = parse_date(d.published)
        outlet = outlet_of(d.publisher, d.url)
        self.rows["documents"].append({
            "doc_id": d.id, "source": d.source, "url": d.url, "title": d.title, "subtitle": d.subtitle,
            "authors": list(d.authors), "published": published, "publisher": d.publisher, "outlet": outlet,
            "section": d.section, "language": d.language, "text": d.text, "headings": list(d.headings),
            "author_bio": d.author_bio, "boilerplate_removed_chars": d.boilerplate_removed_chars,
            "coded": bool(ex.provenance.get("coded", True)) and not ex.errors, "n_events": len(ex.events),
            "n_errors": len(ex.errors), "errors": json.dumps([e.to_dict() for e in ex.errors]) if ex.errors else None,
            "provenance": json.dumps(ex.provenance, sort_keys=True), "ingested": now,
        })
        for m in ex.mentions:
            self.rows["mentions"].append(_entity(m.entity) | {
                "doc_id": d.id, "text": m.text, "start": m.start, "end": m.end, "rule": m.rule,
                "metonym": m.metonym})
        for pm in ex.places:
            p = pm.place
            self.rows["places"].append({
                "doc_id": d.id, "name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat,
                "lon": p.lon, "geonameid": p.geonameid, "text": pm.text, "start": pm.start, "end": pm.end,
                "rule": pm.rule})
        common = {"doc_id": d.id, "published": published, "outlet": outlet, "source": d.source}
        for ev in ex.events:
            self._add_event(ev, d.text, common | {"url": d.url, "ingested": now})

    def _add_event(self, ev: Event, text: str, common: dict[str, Any]) -> None:
        doc_id = common["doc_id"]
        key = dedup_key(ev, doc_id)
        event_id = f"{doc_id}:{ev.id}"
        asserted = not any(a in ev.aux for a in KEY_AUX)
        date = parse_date(ev.date.value)
        loc = ev.location
        by = ev.attribution.by
        trig = ev.evidence.trigger
        self.rows["events"].append(common | {
            "event_id": event_id, "dedup_key": key, "type": ev.type, "mode": ev.mode,
            "context": list(ev.context), "aux": list(ev.aux), "asserted": asserted,
            "actor": [_entity(e) for e in ev.actor], "recipient": [_entity(e) for e in ev.recipient],
            "score": ev.score, "cameo": ev.cameo, "goldstein": ev.goldstein, "quad_class": ev.quad_class,
            "date": date, "date_value": ev.date.value, "date_end": ev.date.end,
            "date_precision": ev.date.precision, "date_basis": ev.date.basis, "date_text": ev.date.text,
            "place_name": loc.name if loc else None, "place_country": loc.country if loc else None,
            "place_admin1": loc.admin1 if loc else None, "place_lat": loc.lat if loc else None,
            "place_lon": loc.lon if loc else None, "place_geonameid": loc.geonameid if loc else None,
            "attribution": "author" if by is None else by.code, "attribution_name": by.name if by else None,
            "attribution_cue": ev.attribution.cue, "quoted": ev.attribution.quoted,
            "evidence": ev.evidence.sentence, "evidence_start": ev.evidence.start,
            "evidence_end": ev.evidence.end, "trigger": trig.text if trig else None,
            "trigger_start": trig.start if trig else None, "trigger_end": trig.end if trig else None,
            "lead": text.count("\n\n", 0, max(ev.evidence.start, 0)) < LEAD_PARAGRAPHS,
            "confidence": ev.confidence, "rule": ev.rule,
        })
        for a, r, reciprocal in dyad_pairs(ev):
            self.rows["dyads"].append({
                "event_id": event_id, "doc_id": doc_id, "dedup_key": key, "type": ev.type, "mode": ev.mode,
                "quad_class": ev.quad_class, "score": ev.score, "goldstein": ev.goldstein, "date": date,
                "date_precision": ev.date.precision, "asserted": asserted, "reciprocal": reciprocal,
                "actor_code": a.code, "actor_name": a.name, "actor_country": a.country,
                "actor_agent": a.agent, "actor_person": a.person,
                "recipient_code": r.code if r else None, "recipient_name": r.name if r else None,
                "recipient_country": r.country if r else None, "recipient_agent": r.agent if r else None,
                "recipient_person": r.person if r else None,
                "place_country": loc.country if loc else None, "published": common["published"],
                "outlet": common["outlet"], "source": common["source"],
            })

    def tables(self) -> dict[str, pa.Table]:
        return {t: pa.Table.from_pylist(rows, schema=SCHEMAS[t]) for t, rows in self.rows.items() if rows}


def write_extractions(layout: Layout, extractions: Iterable[Extraction]) -> int:
    """Write extractions as one batch (all visible together); how many were written."""
    batch = Batch()
    for ex in extractions:
        batch.add(ex)
    if len(batch):
        layout.write_batch(batch.tables())
    return len(batch)
