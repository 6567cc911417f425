"""Cross-article deduplication: many reports of one real event become one event.

Two coded events are the same real event when they have the same PLOVER type, the same
actors and recipients (entity codes, as sets), the same date at its precision (``2021-11``
for a month, ``2021-11-16`` for a day), the same place (GeoNames id, else name and
country, else none) and the same asserted status (negated, hypothetical and future
reports are never merged with plain ones; "historical" is about the report, not the
event, and is ignored). An event without a date is never merged across articles: its
key includes its document.

The key is computed when an event is written (``dedup_key``); the ``unique_events``
view groups on it.
"""

from __future__ import annotations

import hashlib

from dyad.records import Event

KEY_AUX = ("future", "hypothetical", "negation")
"""Aux modes that make a report a different claim (and are left out of exports by default)."""


def place_key(event: Event) -> str:
    p = event.location
    if p is None:
        return ""
    if p.geonameid is not None:
        return f"g{p.geonameid}"
    return f"n{p.name.casefold()}|{p.country or ''}"


def dedup_key(event: Event, doc_id: str) -> str:
    """The identity of the real event a coded event reports (a hex string)."""
    date = event.date.value or f"undated:{doc_id}"
    parts = [
        event.type,
        ",".join(sorted({e.code for e in event.actor})),
        ",".join(sorted({e.code for e in event.recipient})),
        f"{event.date.precision or ''}:{date}",
        place_key(event),
        ",".join(a for a in KEY_AUX if a in event.aux),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]


def unique_events_sql(events: str = "events") -> str:
    """SELECT of one row per real event over the ``events`` relation, with its reports."""
    first = "(coalesce(published, DATE '9999-12-31'), event_id)"
    rep = [
        "type", "mode", "context", "aux", "actor", "recipient", "score", "cameo", "goldstein",
        "quad_class", "date", "date_value", "date_end", "date_precision", "date_basis", "place_name",
        "place_country", "place_admin1", "place_lat", "place_lon", "place_geonameid", "attribution",
        "attribution_name", "url", "source",
    ]
    cols = ",\n  ".join(f"arg_min({c}, {first}) AS {c}" for c in rep)
    return f"""
SELECT dedup_key AS event_key,
  {cols},
  bool_and(asserted) AS asserted,
  count(*) AS n_mentions,
  count(DISTINCT doc_id) AS n_articles,
  count(DISTINCT coalesce(outlet, doc_id)) AS n_sources,
  min(published) AS first_report,
  max(published) AS last_report,
  min(ingested) AS first_added,
  bool_or(lead) AS lead,
  max(confidence) AS confidence,
  list(DISTINCT doc_id) AS doc_ids,
  list(event_id ORDER BY published, event_id) AS event_ids,
  list(evidence ORDER BY published, event_id) AS evidence
FROM {events}
GROUP BY dedup_key"""
