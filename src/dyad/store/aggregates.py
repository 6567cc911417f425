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
            params.append(_date(self.end))
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


def _date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = str(value)
    try:
        parts = [int(p) for p in text.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError) as exc:
        raise QueryError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from exc


def _side(column: str, value: str, params: list[Any]) -> str:
    """Match an actor side: 'RUS' matches the country, 'RUS.MIL' (or 'NATO') the exact code."""
    params.append(value.upper())
    n = len(params)
    if "." in value:
        return f"{column}_code = ${n}"
    return f"({column}_country = ${n} OR {column}_code = ${n})"


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def dyad_series(actor: str, recipient: str | None, by: str = "month", filters: Filters = Filters(),
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
  SELECT dedup_key, any_value(type) AS type, any_value(quad_class) AS quad_class,
         any_value(score) AS score, any_value(goldstein) AS goldstein, any_value(date) AS date,
         count(*) AS reports
  FROM dyads {_where(clauses)}
  GROUP BY dedup_key
)
SELECT date_trunc('{STEPS[by]}', date)::DATE AS period, type, quad_class,
       count(*) AS events, sum(reports) AS reports,
       avg(score) AS mean_score, sum(goldstein) AS goldstein_sum
FROM ev
GROUP BY ALL
ORDER BY period, type, quad_class"""
    return sql, params


def network(top: int = 50, filters: Filters = Filters()) -> tuple[str, list[Any]]:
    """Edges between the ``top`` most active actors: events, reports, mean score, Goldstein sum."""
    params: list[Any] = []
    clauses = ["recipient_code IS NOT NULL", *filters.where(params)]
    params.append(int(top))
    sql = f"""
WITH d AS (
  SELECT actor_code, recipient_code, dedup_key, score, goldstein FROM dyads {_where(clauses)}
),
nodes AS (
  SELECT code FROM (
    SELECT actor_code AS code, dedup_key FROM d UNION ALL SELECT recipient_code, dedup_key FROM d
  ) GROUP BY code ORDER BY count(DISTINCT dedup_key) DESC, code LIMIT ${len(params)}
)
SELECT actor_code AS source, recipient_code AS target,
       count(DISTINCT dedup_key) AS events, count(*) AS reports,
       avg(score) AS mean_score, sum(goldstein) AS goldstein_sum
FROM d
WHERE actor_code IN (SELECT code FROM nodes) AND recipient_code IN (SELECT code FROM nodes)
GROUP BY ALL
ORDER BY events DESC, source, target"""
    return sql, params


def top_actors(n: int = 20, filters: Filters = Filters()) -> tuple[str, list[Any]]:
    """The actors in most events (either side), with their names, as actor and as recipient."""
    params: list[Any] = []
    clauses = filters.where(params)
    params.append(int(n))
    sql = f"""
WITH d AS (SELECT * FROM dyads {_where(clauses)}),
sides AS (
  SELECT actor_code AS code, actor_name AS name, actor_country AS country, dedup_key, score, 'actor' AS side
  FROM d
  UNION ALL
  SELECT recipient_code, recipient_name, recipient_country, dedup_key, score, 'recipient' FROM d
  WHERE recipient_code IS NOT NULL
)
SELECT code, mode(name) AS name, any_value(country) AS country,
       count(DISTINCT dedup_key) AS events,
       count(DISTINCT dedup_key) FILTER (WHERE side = 'actor') AS as_actor,
       count(DISTINCT dedup_key) FILTER (WHERE side = 'recipient') AS as_recipient,
       avg(score) AS mean_score
FROM sides
GROUP BY code
ORDER BY events DESC, code
LIMIT ${len(params)}"""
    return sql, params
