"""``Store``: one object owns a store folder; DuckDB, in process, answers questions over it.

Each ``Store`` opens its own in-memory DuckDB database whose views read the live Parquet
parts named by the manifest, so any number of readers (a web server, a notebook) can
query while an ingest writes: they see each committed batch whole, at their next query.
The DuckDB database is locked down when it is opened: no file access outside the store
folder, no extension loading, configuration locked; user SQL must be one read-only
statement (DuckDB's parser says which) and runs under a time limit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from dyad.errors import QueryError, StoreError
from dyad.records import Extraction
from dyad.store import aggregates
from dyad.store.aggregates import NO_FILTERS, Filters
from dyad.store.dedup import unique_events_sql
from dyad.store.layout import SCHEMAS, TABLES, Layout, Manifest
from dyad.store.writer import Batch, write_extractions

READ_ONLY_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
DEFAULT_TIMEOUT = 30.0

DERIVED_VIEWS = {
    "unique_events": unique_events_sql("events"),
    "entities": """
SELECT code, mode(name) AS name, any_value(country) AS country, any_value(agent) AS agent,
       person, count(*) AS mentions, count(DISTINCT doc_id) AS documents
FROM mentions GROUP BY code, person""",
    "failures": """
SELECT * EXCLUDE (rn) FROM (
  SELECT *, row_number() OVER (PARTITION BY source, stage ORDER BY ingested DESC) AS rn FROM failures_log
) WHERE rn = 1
  AND source NOT IN (SELECT source FROM documents WHERE n_errors = 0)""",
}
ROLLUPS = {"edge_rollup": aggregates.EDGE_ROLLUP_SQL, "actor_rollup": aggregates.ACTOR_ROLLUP_SQL,
           "type_rollup": aggregates.TYPE_ROLLUP_SQL}
"""Yearly summaries of the dyads, kept beside the parts; used while no part was added since."""
VIEWS = (*[t for t in TABLES if t != "failures"], "failures_log", *DERIVED_VIEWS)


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


class Store:
    """A dyad store folder: write extractions, ask questions, get DataFrames back.

    >>> store = Store("dyad-store")
    >>> store.dyad_series("RUS", "AZE", by="month")        # doctest: +SKIP
    """

    def __init__(self, path: str | Path = "dyad-store", *, create: bool = True,
                 timeout: float = DEFAULT_TIMEOUT, threads: int | None = None) -> None:
        self.layout = Layout(path, create=create)
        self.path = self.layout.root
        self.timeout = timeout
        self._lock = threading.RLock()
        self._stamp: tuple[int, int] | None = None
        self._rollup = False
        self._manifest: Manifest | None = None
        root = str(self.path.resolve()) + "/"
        try:
            self._db = duckdb.connect(":memory:")
            if threads:
                self._db.execute(f"SET threads = {int(threads)}")
            for t, schema in SCHEMAS.items():  # typed empty tables for the views of empty tables
                self._db.register("_schema", pa.Table.from_batches([], schema=schema))
                self._db.execute(f"CREATE TABLE _empty_{t} AS SELECT * FROM _schema")
                self._db.unregister("_schema")
            self._db.execute("SET autoinstall_known_extensions = false")
            self._db.execute("SET autoload_known_extensions = false")
            self._db.execute(f"SET allowed_directories = [{_literal(Path(root))}]")
            self._db.execute("SET enable_external_access = false")
            self._db.execute("SET lock_configuration = true")
        except duckdb.Error as exc:
            raise StoreError(f"cannot open DuckDB over {self.path}: {exc}") from exc
        self.refresh()

    # -- views ----------------------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Point the views at the live parts (cheap when nothing changed)."""
        with self._lock:
            stamp = self.layout.stamp()
            if stamp == self._stamp and not force:
                return
            manifest = self.layout.manifest()
            for t in TABLES:
                name = "failures_log" if t == "failures" else t
                files = [f.resolve() for f in self.layout.files(t, manifest)]
                source = (f"read_parquet([{', '.join(_literal(f) for f in files)}])" if files
                          else f"_empty_{t}")
                self._db.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM {source}")
            for name, sql in DERIVED_VIEWS.items():
                self._db.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")
            rollups = self.layout.rollup_files(manifest)
            for name in ROLLUPS:  # summaries of older parts must not be read
                if name in rollups:
                    path = _literal(rollups[name])
                    self._db.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet({path})")
                else:
                    self._db.execute(f"DROP VIEW IF EXISTS {name}")
            self._rollup = set(rollups) >= set(ROLLUPS)
            self._manifest = manifest
            self._stamp = stamp

    def _run(self, sql: str, params: list[Any] | None = None, timeout: float | None = None) -> pd.DataFrame:
        for attempt in (0, 1):
            self.refresh(force=attempt > 0)
            cur = self._db.cursor()
            timer = threading.Timer(timeout or self.timeout, cur.interrupt)
            timer.start()
            try:
                return cur.execute(sql, params or []).df()
            except duckdb.IOException as exc:  # a part compacted away under us: refresh, retry once
                if attempt:
                    raise StoreError(f"store query failed: {exc}") from exc
            except duckdb.InterruptException as exc:
                raise QueryError(f"query took longer than {timeout or self.timeout:g} s and was stopped") from exc
            except duckdb.Error as exc:
                raise QueryError(str(exc).splitlines()[0]) from exc
            finally:
                timer.cancel()
                cur.close()
        raise AssertionError("unreachable")

    def reader(self, sql: str, params: list[Any] | None = None, batch_rows: int = 100_000) -> pa.RecordBatchReader:
        """Stream the result of an internal query as Arrow batches (for exports)."""
        self.refresh()
        cur = self._db.cursor()
        try:
            return cur.sql(sql, params=params or None).to_arrow_reader(batch_rows)
        except duckdb.Error as exc:
            raise QueryError(str(exc).splitlines()[0]) from exc

    # -- writing --------------------------------------------------------------------
    def add(self, extractions: Iterable[Extraction]) -> int:
        """Write extractions as one batch, visible all together; how many were written."""
        n = write_extractions(self.layout, extractions)
        self.refresh()
        return n

    def add_batch(self, batch: Batch) -> None:
        """Write a gathered batch; visible to every reader at its next query."""
        if len(batch):
            self.layout.write_batch(batch.tables())

    def compact(self, target_rows: int = 2_000_000) -> dict[str, int]:
        """Merge small parts into bigger ones (atomically), then refresh the summaries;
        parts merged per table."""
        out = self.layout.compact(target_rows=target_rows)
        self.rollup()
        return out

    def rollup(self) -> bool:
        """(Re)compute the yearly summary tables that answer unfiltered network and
        top-actor questions without scanning every dyad; whether they were rewritten."""
        self.refresh()
        with self._lock:
            manifest = self._manifest
            assert manifest is not None
            if manifest.rollup_current() and self._rollup:  # current, and every summary there
                return False
            tables = {}
            for name, sql in ROLLUPS.items():
                cur = self._db.cursor()
                try:
                    tables[name] = cur.sql(sql).to_arrow_table()
                except duckdb.Error as exc:
                    raise StoreError(f"cannot summarise the store: {exc}") from exc
                finally:
                    cur.close()
            self.layout.write_rollup(manifest.parts.get("dyads", ()), tables)
        self.refresh()
        return True

    # -- questions ------------------------------------------------------------------
    def sql(self, query: str, params: list[Any] | None = None, timeout: float | None = None) -> pd.DataFrame:
        """Run one read-only SELECT over the views (see ``views()``); a DataFrame."""
        try:
            statements = self._db.cursor().extract_statements(query)
        except duckdb.Error as exc:
            raise QueryError(str(exc).splitlines()[0]) from exc
        if len(statements) != 1:
            raise QueryError(f"give exactly one statement (got {len(statements)})")
        if statements[0].type not in READ_ONLY_STATEMENTS:
            raise QueryError(f"only SELECT queries are allowed (this is {statements[0].type.name})")
        return self._run(query, params, timeout)

    def views(self) -> dict[str, list[str]]:
        """The views user SQL may read, with their columns."""
        self.refresh()
        names = [*VIEWS, *(ROLLUPS if self._rollup else ())]
        return {v: [r[0] for r in self._db.cursor().execute(f"DESCRIBE {v}").fetchall()] for v in names}

    def counts(self) -> dict[str, int]:
        """Rows per view, plus real events after deduplication (``unique_events``)."""
        parts = " UNION ALL ".join(f"SELECT '{v}', count(*) FROM {v}" for v in
                                   (*[t for t in TABLES if t != "failures"], "failures"))
        exact = "SELECT 'unique_events', count(DISTINCT dedup_key) FROM events"
        self.refresh()
        try:
            df = self._run(f"{parts} UNION ALL " + (
                "SELECT 'unique_events', coalesce(sum(events), 0) FROM type_rollup" if self._rollup else exact))
        except QueryError:  # the summaries went stale between the check and the query
            df = self._run(f"{parts} UNION ALL {exact}")
        return {str(k): int(v) for k, v in df.itertuples(index=False)}

    def stored_sources(self) -> set[str]:
        return set(self._run("SELECT DISTINCT source FROM documents")["source"])

    def stored_ids(self) -> set[str]:
        return set(self._run("SELECT DISTINCT doc_id FROM documents")["doc_id"])

    def documents(self, limit: int | None = None) -> pd.DataFrame:
        lim = f" LIMIT {int(limit)}" if limit else ""
        return self._run(f"SELECT * EXCLUDE (text) FROM documents ORDER BY published, doc_id{lim}")

    def failures(self) -> pd.DataFrame:
        return self._run("SELECT source, stage, message, ingested FROM failures ORDER BY ingested, source")

    def events(self, filters: Filters = NO_FILTERS, *, unique: bool = False, limit: int | None = None,
               ) -> pd.DataFrame:
        """Coded events (one per report), or real events with their reports (``unique``)."""
        params: list[Any] = []
        clauses = replace(filters, country=None).where(params)
        if filters.country:  # events hold actor lists: match any side, or the place
            params.append(filters.country.upper())
            n = len(params)
            clauses.append(f"(place_country = ${n} OR list_contains(list_transform(actor, lambda x: x.country), ${n})"
                           f" OR list_contains(list_transform(recipient, lambda x: x.country), ${n}))")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        lim = f" LIMIT {int(limit)}" if limit else ""
        view = "unique_events" if unique else "events"
        order = "date, event_key" if unique else "date, event_id"
        if unique and filters.source:
            raise QueryError("the source filter applies to reports, not to unique events")
        return self._run(f"SELECT * FROM {view} {where} ORDER BY {order}{lim}", params)

    def dyad_series(self, actor: str, recipient: str | None = None, by: str = "month",
                    filters: Filters = NO_FILTERS, both_directions: bool = False) -> pd.DataFrame:
        """Events from ``actor`` to ``recipient`` per period, type and quad class."""
        return self._run(*aggregates.dyad_series(actor, recipient, by, filters, both_directions))

    def network(self, top: int = 50, filters: Filters = NO_FILTERS) -> pd.DataFrame:
        """Directed edges among the ``top`` most active actors."""
        self.refresh()
        return self._run(*aggregates.network(top, filters, rollup=self._rollup))

    def top_actors(self, n: int = 20, filters: Filters = NO_FILTERS) -> pd.DataFrame:
        self.refresh()
        return self._run(*aggregates.top_actors(n, filters, rollup=self._rollup))

    def export(self, fmt: str, out: str | Path, **options: Any) -> Any:
        """Write the events in a format (see ``dyad.store.export``); a summary."""
        from dyad.store.export import export

        return export(self, fmt, Path(out), **options)

    def size_bytes(self) -> int:
        return self.layout.size_bytes()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"
