"""The named questions of a store as SQL over its views: dyad series, network, top actors.

Each function returns ``(sql, params)``; ``Store`` runs them. Filters apply to the
``dyads`` view (one row per actor/recipient pair of an event) and counts are of real
events (distinct ``dedup_key``), with the reports behind them alongside.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dyad.errors import QueryError

STEPS = {"day": "day", "week": "week", "month": "month", "year": "year"}
FINE_ENOUGH = {
    "day": ("day",),
    "week": ("day",),
    "month": ("day", "month"),
    "year": ("day", "month", "year"),
}
"""Date precisions an event needs to be placed in a series of each step."""


@dataclass(frozen=True, slots=True)
class Filters:
    """What to count: a period, a country (either side), types, aux modes, a source."""

    start: dt.date | str | None = None
    end: dt.date | str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    include_aux: bool = False
    """Count negated, hypothetical and future events too (left out by default)."""
    source: str | None = None
    """An outlet (publisher or site) or the beginning of the documents' source paths/URLs."""

    def where(self, params: list[Any], *, actor_side: bool = True) -> list[str]:
        out: list[str] = []
        if self.start:
            params.append(_date(self.start))
            out.append(f"date >= ${len(params)}")
        if self.end:
            params.append(_date(self.end, last=True))
            out.append(f"date <= ${len(params)}")
        if self.country:
            params.append(self.country.upper())
            n = len(params)
            out.append(f"(actor_country = ${n} OR recipient_country = ${n} OR place_country = ${n})"
                       if actor_side else f"place_country = ${n}")
        if self.types:
            params.append([t.upper() for t in self.types])
            out.append(f"list_contains(${len(params)}, type)")
        if not self.include_aux:
            out.append("asserted")
        if self.source:
            params.append(self.source)
            n = len(params)
            out.append(f"(outlet = ${n} OR starts_with(source, ${n}))")
        return out


NO_FILTERS = Filters()


def _date(value: dt.date | str, last: bool = False) -> dt.date:
    """A date from YYYY, YYYY-MM or YYYY-MM-DD: the first day of the period (``last``: its last day)."""
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) >= 3:
            return dt.date(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            return (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1) if last else first
        return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
    except (ValueError, IndexError) as exc:
        raise QueryError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from exc


def rollup_where(filters: Filters, params: list[Any]) -> list[str] | None:
    """Clauses over the yearly summary tables, or None when they cannot answer these filters."""
    if filters.country or filters.types or filters.source:
        return None
    out: list[str] = []
    if filters.start:
        start = _date(filters.start)
        if (start.month, start.day) != (1, 1):
            return None
        params.append(start.year)
        out.append(f"year >= ${len(params)}")
    if filters.end:
        end = _date(filters.end, last=True)
        if (end.month, end.day) != (12, 31):
            return None
        params.append(end.year)
        out.append(f"year <= ${len(params)}")
    if not filters.include_aux:
        out.append("asserted")
    return out


EDGE_ROLLUP_SQL = """
SELECT actor_code, recipient_code, year, asserted, count(*) AS events, sum(reports)::BIGINT AS reports,
       sum(score) AS score_sum, count(score) AS score_n, sum(goldstein) AS goldstein_sum
FROM (
  SELECT dedup_key, actor_code, recipient_code, any_value(year(date)) AS year, bool_and(asserted) AS asserted,
         count(*) AS reports, any_value(score) AS score, any_value(goldstein) AS goldstein
  FROM dyads WHERE recipient_code IS NOT NULL
  GROUP BY dedup_key, actor_code, recipient_code
)
GROUP BY ALL"""

TYPE_ROLLUP_SQL = """
SELECT year(date) AS year, type, asserted, count(*) AS events, sum(reports)::BIGINT AS reports
FROM (
  SELECT dedup_key, type, date, bool_and(asserted) AS asserted, count(*) AS reports
  FROM events GROUP BY dedup_key, type, date
)
GROUP BY ALL"""

ACTOR_ROLLUP_SQL = """
WITH sides AS (
  SELECT actor_code AS code, actor_name AS name, actor_country AS country, dedup_key, score, date, asserted,
         TRUE AS is_actor FROM dyads
  UNION ALL
  SELECT recipient_code, recipient_name, recipient_country, dedup_key, score, date, asserted, FALSE
  FROM dyads WHERE recipient_code IS NOT NULL
),
per AS (
  SELECT code, dedup_key, any_value(year(date)) AS year, bool_and(asserted) AS asserted,
         any_value(score) AS score, bool_or(is_actor) AS as_actor, bool_or(NOT is_actor) AS as_recipient,
         any_value(name) AS name, any_value(country) AS country
  FROM sides GROUP BY code, dedup_key
)
SELECT code, year, asserted, mode(name) AS name, any_value(country) AS country, count(*) AS events,
       count(*) FILTER (WHERE as_actor) AS as_actor, count(*) FILTER (WHERE as_recipient) AS as_recipient,
       sum(score) AS score_sum, count(score) AS score_n
FROM per GROUP BY code, year, asserted"""


def _side(column: str, value: str, params: list[Any]) -> str:
    """Match an actor side: 'RUS' matches the country, 'RUS.MIL' (or 'NATO') the exact code."""
    code = value.upper()
    params.append(code)
    n = len(params)
    if "." in code:  # the country column too, so that sorted parts can skip row groups
        params.append(code.split(".", 1)[0])
        return f"({column}_country = ${n + 1} AND {column}_code = ${n})"
    return f"{column}_country = ${n}"


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def dyad_series(actor: str, recipient: str | None, by: str = "month", filters: Filters = NO_FILTERS,
                both_directions: bool = False) -> tuple[str, list[Any]]:
    """Counts per period, type and quad class of events from ``actor`` to ``recipient``."""
    if by not in STEPS:
        raise QueryError(f"unknown step {by!r}: use one of {', '.join(STEPS)}")
    params: list[Any] = []
    a1, r1 = _side("actor", actor, params), (_side("recipient", recipient, params) if recipient else "TRUE")
    pair = f"({a1} AND {r1})"
    if both_directions and recipient:
        a2, r2 = _side("actor", recipient, params), _side("recipient", actor, params)
        pair = f"({pair} OR ({a2} AND {r2}))"
    params.append(list(FINE_ENOUGH[by]))
    clauses = [pair, f"list_contains(${len(params)}, date_precision)", *filters.where(params)]
    sql = f"""
WITH ev AS (
  SELECT dedup_key, type, date, any_value(quad_class) AS quad_class, any_value(score) AS score,
         any_value(goldstein) AS goldstein, count(*) AS reports
  FROM dyads {_where(clauses)}
  GROUP BY dedup_key, type, date  -- type and date are parts of the key: grouping by them is free
)
SELECT date_trunc('{STEPS[by]}', date)::DATE AS period, type, quad_class,
       count(*) AS events, sum(reports)::BIGINT AS reports,
       avg(score) AS mean_score, sum(goldstein) AS goldstein_sum
FROM ev
GROUP BY ALL
ORDER BY period, type, quad_class"""
    return sql, params


def network(top: int = 50, filters: Filters = NO_FILTERS, rollup: bool = False) -> tuple[str, list[Any]]:
    """Edges between the ``top`` most active actors: events, reports, mean score, Goldstein sum.

    ``rollup``: answer from the yearly summary tables when they can (same figures).
    """
    params: list[Any] = []
    if rollup and (clauses := rollup_where(filters, params)) is not None:
        params.append(int(top))
        w = _where(clauses)
        return f"""
WITH nodes AS (
  SELECT code FROM actor_rollup {w} GROUP BY code ORDER BY sum(events) DESC, code LIMIT ${len(params)}
)
SELECT actor_code AS source, recipient_code AS target, sum(events)::BIGINT AS events, sum(reports)::BIGINT AS reports,
       sum(score_sum) / nullif(sum(score_n), 0) AS mean_score, sum(goldstein_sum) AS goldstein_sum
FROM edge_rollup {w} {"AND" if clauses else "WHERE"} actor_code IN (SELECT code FROM nodes)
  AND recipient_code IN (SELECT code FROM nodes)
GROUP BY ALL
ORDER BY events DESC, source, target""", params
    params = []
    clauses = filters.where(params)
    params.append(int(top))
    return f"""
WITH d AS (SELECT * FROM dyads {_where(clauses)}),
nodes AS (
  SELECT code FROM (
    SELECT actor_code AS code, dedup_key FROM d
    UNION ALL SELECT recipient_code, dedup_key FROM d WHERE recipient_code IS NOT NULL
  ) GROUP BY code ORDER BY count(DISTINCT dedup_key) DESC, code LIMIT ${len(params)}
),
e AS (
  SELECT dedup_key, actor_code, recipient_code, count(*) AS reports, any_value(score) AS score,
         any_value(goldstein) AS goldstein
  FROM d WHERE actor_code IN (SELECT code FROM nodes) AND recipient_code IN (SELECT code FROM nodes)
  GROUP BY dedup_key, actor_code, recipient_code
)
SELECT actor_code AS source, recipient_code AS target, count(*) AS events, sum(reports)::BIGINT AS reports,
       avg(score) AS mean_score, sum(goldstein) AS goldstein_sum
FROM e
GROUP BY ALL
ORDER BY events DESC, source, target""", params


def top_actors(n: int = 20, filters: Filters = NO_FILTERS, rollup: bool = False) -> tuple[str, list[Any]]:
    """The actors in most events (either side), as actor and as recipient, with mean score."""
    params: list[Any] = []
    if rollup and (clauses := rollup_where(filters, params)) is not None:
        params.append(int(n))
        return f"""
SELECT code, arg_max(name, events) AS name, any_value(country) AS country, sum(events)::BIGINT AS events,
       sum(as_actor)::BIGINT AS as_actor, sum(as_recipient)::BIGINT AS as_recipient,
       sum(score_sum) / nullif(sum(score_n), 0) AS mean_score
FROM actor_rollup {_where(clauses)}
GROUP BY code
ORDER BY events DESC, code
LIMIT ${len(params)}""", params
    params = []
    clauses = filters.where(params)
    params.append(int(n))
    return f"""
WITH d AS (SELECT * FROM dyads {_where(clauses)}),
sides AS (
  SELECT actor_code AS code, actor_name AS name, actor_country AS country, dedup_key, score, TRUE AS is_actor
  FROM d
  UNION ALL
  SELECT recipient_code, recipient_name, recipient_country, dedup_key, score, FALSE FROM d
  WHERE recipient_code IS NOT NULL
),
per AS (
  SELECT code, dedup_key, any_value(name) AS name, any_value(country) AS country, any_value(score) AS score,
         bool_or(is_actor) AS as_actor, bool_or(NOT is_actor) AS as_recipient
  FROM sides GROUP BY code, dedup_key
)
SELECT code, mode(name) AS name, any_value(country) AS country, count(*) AS events,
       count(*) FILTER (WHERE as_actor) AS as_actor, count(*) FILTER (WHERE as_recipient) AS as_recipient,
       avg(score) AS mean_score
FROM per
GROUP BY code
ORDER BY events DESC, code
LIMIT ${len(params)}""", params
