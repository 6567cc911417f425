"""The questions the web pages ask, as read-only SQL over a ``Store``'s views.

Every function takes the store and plain values (already validated by the routes) and
returns JSON-ready Python objects; values from article text are returned as they are
(escaping is the browser's job: the pages build the DOM with ``textContent``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from dyad.errors import QueryError
from dyad.store import Filters, Store

SORTS = {
    "date": "date", "type": "type", "mode": "mode", "quad_class": "quad_class", "score": "score",
    "actor": "actor[1].code", "recipient": "recipient[1].code", "country": "place_country",
    "outlet": "outlet", "confidence": "confidence", "published": "published",
}
"""Sortable columns of the events table (name in the API -> SQL expression)."""

MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """What the events table shows: the store's filters plus sides, aux modes and order."""

    filters: Filters = field(default_factory=Filters)
    actor: str | None = None
    recipient: str | None = None
    aux: str | None = None
    """Only events with this aux mode (implies counting aux events)."""
    doc_id: str | None = None
    sort: str = "date"
    descending: bool = False


# -- JSON ------------------------------------------------------------------------------
def jsonable(value: Any) -> Any:
    """A JSON-ready copy of a value from a DataFrame (NaN -> None, dates -> ISO text)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        return None if not math.isfinite(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, pd.Timestamp | dt.datetime):
        if value.tzinfo is None and value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.ndarray | list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    cols = list(df.columns)
    return [{c: jsonable(v) for c, v in zip(cols, row, strict=True)} for row in df.itertuples(index=False)]


# -- filters ---------------------------------------------------------------------------
def _side(column: str, code: str, params: list[Any]) -> str:
    """An actor list column holding ``code`` (exact code, or any actor of that country)."""
    params.append(code.upper())
    n = len(params)
    return f"len(list_filter({column}, lambda x: x.code = ${n} OR x.country = ${n})) > 0"


def event_where(q: EventQuery, params: list[Any]) -> str:
    f = q.filters
    if q.aux:
        f = replace(f, include_aux=True)
    clauses = replace(f, country=None).where(params)
    if f.country:
        params.append(f.country.upper())
        n = len(params)
        clauses.append(f"(place_country = ${n} OR len(list_filter(actor, lambda x: x.country = ${n})) > 0"
                       f" OR len(list_filter(recipient, lambda x: x.country = ${n})) > 0)")
    if q.actor:
        clauses.append(_side("actor", q.actor, params))
    if q.recipient:
        clauses.append(_side("recipient", q.recipient, params))
    if q.aux:
        params.append(q.aux.lower())
        clauses.append(f"list_contains(aux, ${len(params)})")
    if q.doc_id:
        params.append(q.doc_id)
        clauses.append(f"doc_id = ${len(params)}")
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _order(q: EventQuery) -> str:
    if q.sort not in SORTS:
        raise QueryError(f"cannot sort by {q.sort!r}: use one of {', '.join(SORTS)}")
    direction = "DESC" if q.descending else "ASC"
    return f"ORDER BY {SORTS[q.sort]} {direction} NULLS LAST, event_id"


# -- events ----------------------------------------------------------------------------
TABLE_COLUMNS = """event_id, doc_id, dedup_key, type, mode, aux, context, asserted, actor, recipient, score,
cameo, goldstein, quad_class, date, date_value, date_precision, date_basis, date_text, place_name,
place_country, place_lat, place_lon, attribution, attribution_name, attribution_cue, quoted, evidence,
evidence_start, evidence_end, trigger, trigger_start, trigger_end, confidence, rule, published, outlet,
source, url"""


def events_page(store: Store, q: EventQuery, page: int = 1, size: int = 50) -> dict[str, Any]:
    """One page of the events matching ``q``, with the total."""
    params: list[Any] = []
    where = event_where(q, params)
    total = int(store.sql(f"SELECT count(*) AS n FROM events {where}", params)["n"].iloc[0])
    offset = (max(page, 1) - 1) * size
    df = store.sql(f"SELECT {TABLE_COLUMNS} FROM events {where} {_order(q)} LIMIT {int(size)} OFFSET {int(offset)}",
                   params)
    return {"total": total, "page": page, "size": size, "pages": max(1, -(-total // size)), "events": records(df)}


CSV_COLUMNS = [
    "event_id", "doc_id", "date", "date_precision", "date_basis", "type", "mode", "aux", "actor_codes",
    "actor_names", "recipient_codes", "recipient_names", "quad_class", "score", "cameo", "goldstein",
    "place_name", "place_country", "place_lat", "place_lon", "attribution", "attribution_name", "trigger",
    "evidence", "confidence", "rule", "published", "outlet", "source", "url",
]


def events_frame(store: Store, q: EventQuery) -> pd.DataFrame:
    """Every event matching ``q`` as a flat table (the CSV download)."""
    params: list[Any] = []
    where = event_where(q, params)
    return store.sql(f"""
SELECT event_id, doc_id, date, date_precision, date_basis, type, mode, array_to_string(aux, ';') AS aux,
       array_to_string(list_transform(actor, lambda x: x.code), ';') AS actor_codes,
       array_to_string(list_transform(actor, lambda x: x.name), ';') AS actor_names,
       array_to_string(list_transform(recipient, lambda x: x.code), ';') AS recipient_codes,
       array_to_string(list_transform(recipient, lambda x: x.name), ';') AS recipient_names,
       quad_class, score, cameo, goldstein, place_name, place_country, place_lat, place_lon,
       attribution, attribution_name, trigger, evidence, confidence, rule, published, outlet, source, url
FROM events {where} {_order(q)}""", params)


def event_types(store: Store) -> list[str]:
    return [str(t) for t in store.sql("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY type")["type"]]


# -- overview --------------------------------------------------------------------------
def overview(store: Store, latest: int = 10, top: int = 10) -> dict[str, Any]:
    counts = store.counts()
    series = store.sql("""
SELECT date_trunc('month', date)::DATE AS period, quad_class, count(DISTINCT dedup_key) AS events
FROM events WHERE asserted AND date IS NOT NULL AND date_precision IN ('day', 'month')
GROUP BY ALL ORDER BY period, quad_class""")
    dyads = store.sql(f"""
SELECT actor_code, any_value(actor_name) AS actor_name, recipient_code, any_value(recipient_name) AS recipient_name,
       count(DISTINCT dedup_key) AS events, avg(score) AS mean_score
FROM dyads WHERE asserted AND recipient_code IS NOT NULL
GROUP BY actor_code, recipient_code ORDER BY events DESC, actor_code, recipient_code LIMIT {int(top)}""")
    docs = store.sql(f"""
SELECT doc_id, title, published, outlet, source, n_events, n_errors, ingested FROM documents
ORDER BY ingested DESC, published DESC NULLS LAST, doc_id LIMIT {int(latest)}""")
    return {
        "counts": counts,
        "series": records(series),
        "top_dyads": records(dyads),
        "top_actors": records(store.top_actors(top)),
        "latest_documents": records(docs),
    }


# -- documents -------------------------------------------------------------------------
def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A stored document with its text, mentions, places and events; None when unknown."""
    docs = store.sql("SELECT * FROM documents WHERE doc_id = $1 LIMIT 1", [doc_id])
    if docs.empty:
        return None
    doc = records(docs)[0]
    mentions = store.sql("""SELECT code, name, country, agent, person, text, start, "end", rule, metonym
FROM mentions WHERE doc_id = $1 ORDER BY start""", [doc_id])
    places = store.sql("""SELECT name, country, admin1, lat, lon, text, start, "end", rule
FROM places WHERE doc_id = $1 ORDER BY start""", [doc_id])
    events = store.sql(f"SELECT {TABLE_COLUMNS} FROM events WHERE doc_id = $1 ORDER BY evidence_start, event_id",
                       [doc_id])
    removed = doc.pop("removed", None)
    return {
        "document": doc,
        "mentions": records(mentions),
        "places": records(places),
        "events": records(events),
        "removed": removed,
    }


def documents_list(store: Store, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    total = int(store.sql("SELECT count(*) AS n FROM documents")["n"].iloc[0])
    df = store.sql(f"""SELECT doc_id, title, published, outlet, source, url, language, n_events, n_errors, ingested
FROM documents ORDER BY published DESC NULLS LAST, doc_id LIMIT {int(limit)} OFFSET {int(offset)}""")
    return {"total": total, "documents": records(df)}


def removed_boilerplate(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The paragraphs removed as boilerplate, when the store keeps them (else only their size)."""
    cols = store.views().get("documents", [])
    extra = ", removed" if "removed" in cols else ""
    df = store.sql(f"SELECT boilerplate_removed_chars{extra} FROM documents WHERE doc_id = $1 LIMIT 1", [doc_id])
    if df.empty:
        return None
    row = records(df)[0]
    return {"removed_chars": row.get("boilerplate_removed_chars") or 0, "paragraphs": row.get("removed"),
            "kept_by_store": bool(extra)}


# -- dyads -----------------------------------------------------------------------------
def _pair(actor: str, recipient: str | None, both: bool, params: list[Any]) -> str:
    def side(col: str, code: str) -> str:
        params.append(code.upper())
        n = len(params)
        return f"{col}_code = ${n}" if "." in code else f"({col}_country = ${n} OR {col}_code = ${n})"

    pair = f"({side('actor', actor)} AND {side('recipient', recipient) if recipient else 'TRUE'})"
    if both and recipient:
        pair = f"({pair} OR ({side('actor', recipient)} AND {side('recipient', actor)}))"
    return pair


def dyad_series(store: Store, actor: str, recipient: str | None, filters: Filters, both: bool) -> dict[str, Any]:
    df = store.dyad_series(actor, recipient, by="month", filters=filters, both_directions=both)
    return {"actor": actor, "recipient": recipient, "both_directions": both, "series": records(df)}


def dyad_events(store: Store, actor: str, recipient: str | None, period: str | None, filters: Filters,
                both: bool, limit: int = 100) -> dict[str, Any]:
    """The reports behind a dyad (one month when ``period`` is YYYY-MM), latest first, with their total."""
    params: list[Any] = []
    clauses = [_pair(actor, recipient, both, params), *filters.where(params)]
    if period:
        if not MONTH.match(period):
            raise QueryError(f"not a month: {period!r} (use YYYY-MM)")
        params.append(f"{period}-01")
        clauses.append(f"date_trunc('month', date)::DATE = ${len(params)}::DATE")
        clauses.append("date_precision IN ('day', 'month')")
    where = " AND ".join(clauses)
    chosen = f"event_id IN (SELECT event_id FROM dyads WHERE {where})"
    total = int(store.sql(f"SELECT count(*) AS n FROM events WHERE {chosen}", params)["n"].iloc[0])
    df = store.sql(f"""SELECT {TABLE_COLUMNS} FROM events WHERE {chosen}
ORDER BY date DESC NULLS LAST, event_id LIMIT {int(limit)}""", params)
    return {"total": total, "events": records(df)}


def actors(store: Store, limit: int = 500) -> list[dict[str, Any]]:
    """Actor codes seen in events (for the pickers), most active first."""
    return records(store.top_actors(limit))


def network(store: Store, top: int, filters: Filters) -> dict[str, Any]:
    edges = records(store.network(top, filters))
    names = {a["code"]: a for a in records(store.top_actors(max(top * 2, 50), filters))}
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = [{"code": c, "name": (names.get(c) or {}).get("name") or c,
              "events": (names.get(c) or {}).get("events") or 0} for c in codes]
    return {"nodes": nodes, "edges": edges}


# -- map -------------------------------------------------------------------------------
def map_points(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    """Event places with counts per quad class (places without coordinates carry only a country)."""
    params: list[Any] = []
    where = event_where(q, params)
    df = store.sql(f"""
SELECT place_name, place_country, place_lat AS lat, place_lon AS lon, quad_class,
       count(DISTINCT dedup_key) AS events
FROM events {where + (' AND ' if where else 'WHERE ')} (place_country IS NOT NULL OR place_lat IS NOT NULL)
GROUP BY ALL ORDER BY events DESC LIMIT 5000""", params)
    return records(df)
