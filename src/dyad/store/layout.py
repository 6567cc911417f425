"""The store on disk: a folder of Parquet parts and a manifest naming the live ones.

::

    STORE/
      manifest.json          live parts per table, replaced atomically
      documents/  mentions/  places/  events/  dyads/  failures/
          <table>-<hash>.parquet

Every part is written to a temporary file, flushed, then renamed into place, and is
named by a hash of what it holds (the keys of its rows), so writing the same batch
again gives the same file. A batch becomes visible only when the manifest naming its
parts is renamed into place: readers never see half a batch, and a writer killed at any
moment loses only what it had not yet committed. Writers serialise on a lock file for
the short manifest update only; readers take no lock at all.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.errors import StoreError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
LOCK = ".lock"
COMPACT_LOCK = ".compact.lock"
ROLLUP = "rollup"

ENTITY = pa.struct([
    ("code", pa.string()), ("name", pa.string()), ("country", pa.string()),
    ("agent", pa.string()), ("person", pa.string()),
])
STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("title", pa.string()),
        ("subtitle", pa.string()), ("authors", STRINGS), ("published", pa.date32()),
        ("publisher", pa.string()), ("outlet", pa.string()), ("section", pa.string()),
        ("language", pa.string()), ("text", pa.string()), ("headings", STRINGS),
        ("author_bio", pa.string()), ("boilerplate_removed_chars", pa.int32()),
        ("coded", pa.bool_()), ("n_events", pa.int32()), ("n_errors", pa.int32()),
        ("errors", pa.string()), ("provenance", pa.string()), ("ingested", pa.timestamp("s", tz="UTC")),
    ]),
    "mentions": pa.schema([
        ("doc_id", pa.string()), ("code", pa.string()), ("name", pa.string()), ("country", pa.string()),
        ("agent", pa.string()), ("person", pa.string()), ("text", pa.string()), ("start", pa.int32()),
        ("end", pa.int32()), ("rule", pa.string()), ("metonym", pa.bool_()),
    ]),
    "places": pa.schema([
        ("doc_id", pa.string()), ("name", pa.string()), ("country", pa.string()), ("admin1", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("geonameid", pa.int64()), ("text", pa.string()),
        ("start", pa.int32()), ("end", pa.int32()), ("rule", pa.string()),
    ]),
    "events": pa.schema([
        ("event_id", pa.string()), ("doc_id", pa.string()), ("dedup_key", pa.string()),
        ("type", pa.string()), ("mode", pa.string()), ("context", STRINGS), ("aux", STRINGS),
        ("asserted", pa.bool_()), ("actor", pa.list_(ENTITY)), ("recipient", pa.list_(ENTITY)),
        ("score", pa.float64()), ("cameo", pa.string()), ("goldstein", pa.float64()),
        ("quad_class", pa.int8()), ("date", pa.date32()), ("date_value", pa.string()),
        ("date_end", pa.string()), ("date_precision", pa.string()), ("date_basis", pa.string()),
        ("date_text", pa.string()), ("place_name", pa.string()), ("place_country", pa.string()),
        ("place_admin1", pa.string()), ("place_lat", pa.float64()), ("place_lon", pa.float64()),
        ("place_geonameid", pa.int64()), ("attribution", pa.string()), ("attribution_name", pa.string()),
        ("attribution_cue", pa.string()), ("quoted", pa.bool_()), ("evidence", pa.string()),
        ("evidence_start", pa.int32()), ("evidence_end", pa.int32()), ("trigger", pa.string()),
        ("trigger_start", pa.int32()), ("trigger_end", pa.int32()), ("lead", pa.bool_()),
        ("confidence", pa.float64()), ("rule", pa.string()), ("published", pa.date32()),
        ("outlet", pa.string()), ("source", pa.string()), ("url", pa.string()),
        ("ingested", pa.timestamp("s", tz="UTC")),
    ]),
    "dyads": pa.schema([
        ("event_id", pa.string()), ("doc_id", pa.string()), ("dedup_key", pa.string()),
        ("type", pa.string()), ("mode", pa.string()), ("quad_class", pa.int8()), ("score", pa.float64()),
        ("goldstein", pa.float64()), ("date", pa.date32()), ("date_precision", pa.string()),
        ("asserted", pa.bool_()), ("reciprocal", pa.bool_()),
        ("actor_code", pa.string()), ("actor_name", pa.string()), ("actor_country", pa.string()),
        ("actor_agent", pa.string()), ("actor_person", pa.string()),
        ("recipient_code", pa.string()), ("recipient_name", pa.string()), ("recipient_country", pa.string()),
        ("recipient_agent", pa.string()), ("recipient_person", pa.string()),
        ("place_country", pa.string()), ("published", pa.date32()), ("outlet", pa.string()),
        ("source", pa.string()),
    ]),
    "failures": pa.schema([
        ("source", pa.string()), ("doc_id", pa.string()), ("url", pa.string()), ("stage", pa.string()),
        ("message", pa.string()), ("ingested", pa.timestamp("s", tz="UTC")),
    ]),
}
TABLES = tuple(SCHEMAS)
SORT_KEYS = {"dyads": "actor_country, recipient_country, date", "events": "published, doc_id, event_id"}
"""Compacted parts are sorted so that filters on these columns skip most row groups."""
KEY_COLUMN = {"documents": "doc_id", "mentions": "doc_id", "places": "doc_id", "events": "event_id",
              "dyads": "event_id", "failures": "source"}


def part_name(table: str, keys: Sequence[str | None]) -> str:
    """The file name of a part holding rows with these keys (order and repeats ignored)."""
    h = hashlib.sha256(table.encode())
    for k in sorted({k or "" for k in keys}):
        h.update(b"\0" + k.encode())
    return f"{table}-{h.hexdigest()[:24]}.parquet"


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[str]:
    """A temporary file beside ``path``; on success it is flushed to disk and renamed to
    ``path`` (readers see the old file or the new one, never half of one), on failure
    removed."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(fd)
    try:
        yield tmp
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        f.write(data)


def atomic_write_parquet(path: Path, table: pa.Table) -> None:
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd", row_group_size=1_000_000)


def _batches(sources: Sequence[Path], sort: str | None, batch_rows: int) -> Iterator[pa.RecordBatch]:
    if sort is None:
        for f in sources:
            yield from pq.ParquetFile(f).iter_batches(batch_size=batch_rows)
        return
    import duckdb

    files = ", ".join("'" + str(f).replace("'", "''") + "'" for f in sources)
    with duckdb.connect(":memory:") as con:
        yield from con.sql(f"SELECT * FROM read_parquet([{files}]) ORDER BY {sort}").to_arrow_reader(batch_rows)


def merge_parquet(sources: Sequence[Path], path: Path, schema: pa.Schema, sort: str | None = None,
                  batch_rows: int = 250_000) -> None:
    """Stream several parts into one (atomically, sorted by ``sort`` when given)."""
    with atomic_path(path) as tmp, pq.ParquetWriter(tmp, schema, compression="zstd") as w:
        buffer: list[pa.RecordBatch] = []
        rows = 0
        for batch in _batches(sources, sort, batch_rows):
            buffer.append(batch)
            rows += batch.num_rows
            if rows >= batch_rows:
                w.write_table(pa.Table.from_batches(buffer).cast(schema), row_group_size=rows)
                buffer, rows = [], 0
        if buffer:
            w.write_table(pa.Table.from_batches(buffer).cast(schema), row_group_size=rows)


@dataclass(frozen=True, slots=True)
class Manifest:
    """The live parts of each table (file names relative to the table folder)."""

    parts: Mapping[str, tuple[str, ...]]
    generation: int = 0
    rollup: Mapping[str, Any] | None = None
    """Summary tables ({"source": dyads parts summarised, "tables": {name: file}}), or None."""

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT_VERSION, "generation": self.generation,
                           "parts": {t: list(self.parts.get(t, ())) for t in TABLES},
                           "rollup": self.rollup}, indent=1)

    def rollup_current(self) -> bool:
        """Whether the summary tables were computed from exactly the live dyads parts."""
        if not self.rollup:
            return False
        return sorted(self.rollup["source"]) == sorted(self.parts.get("dyads", ()))


class Layout:
    """The folder of a store: where its parts live, and the atomic ways to change it."""

    def __init__(self, root: str | Path, *, create: bool = True) -> None:
        self.root = Path(root)
        if not (self.root / MANIFEST).is_file():
            if not create:
                raise StoreError(f"no dyad store at {self.root} (no {MANIFEST})")
            if self.root.exists() and not self.root.is_dir():
                raise StoreError(f"{self.root} exists and is not a folder")
            try:
                for t in TABLES:
                    (self.root / t).mkdir(parents=True, exist_ok=True)
                with self.lock():
                    if not (self.root / MANIFEST).is_file():
                        atomic_write_bytes(self.root / MANIFEST, Manifest({}).to_json().encode())
            except OSError as exc:
                raise StoreError(f"cannot create a store at {self.root}: {exc}") from exc

    # -- reading --------------------------------------------------------------------
    def manifest(self) -> Manifest:
        try:
            data = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot read {self.root / MANIFEST}: {exc}") from exc
        if data.get("format") != FORMAT_VERSION:
            raise StoreError(f"{self.root}: store format {data.get('format')} is not {FORMAT_VERSION}")
        parts = {t: tuple(data.get("parts", {}).get(t, ())) for t in TABLES}
        return Manifest(parts, int(data.get("generation", 0)), data.get("rollup"))

    def stamp(self) -> tuple[int, int]:
        """Changes whenever the manifest is replaced (cheap to poll)."""
        st = (self.root / MANIFEST).stat()
        return (st.st_mtime_ns, st.st_ino)

    def files(self, table: str, manifest: Manifest | None = None) -> list[Path]:
        m = manifest or self.manifest()
        return [self.root / table / name for name in m.parts.get(table, ())]

    # -- writing --------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self, name: str = LOCK) -> Iterator[None]:
        with open(self.root / name, "a+b") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)

    def write_part(self, table: str, data: pa.Table) -> str | None:
        """Write one part (atomically, named by its keys); its name, or None when empty."""
        if data.num_rows == 0:
            return None
        data = data.cast(SCHEMAS[table]) if data.schema != SCHEMAS[table] else data
        name = part_name(table, data.column(KEY_COLUMN[table]).to_pylist())
        path = self.root / table / name
        if not path.exists():
            atomic_write_parquet(path, data)
        return name

    def commit(self, added: Mapping[str, Sequence[str]], removed: Mapping[str, Sequence[str]] | None = None,
               ) -> Manifest:
        """Make parts live (and others not) in one atomic manifest replacement."""
        removed = removed or {}
        with self.lock():
            m = self.manifest()
            parts: dict[str, tuple[str, ...]] = {}
            for t in TABLES:
                gone = set(removed.get(t, ()))
                live = [p for p in m.parts.get(t, ()) if p not in gone]
                for p in added.get(t, ()):
                    if p not in live:
                        live.append(p)
                parts[t] = tuple(live)
            new = Manifest(parts, m.generation + 1, m.rollup)
            atomic_write_bytes(self.root / MANIFEST, new.to_json().encode())
            return new

    def write_rollup(self, source: Sequence[str], tables: Mapping[str, pa.Table]) -> Manifest:
        """Keep summary tables computed from the dyads parts ``source`` (replacing older ones)."""
        (self.root / ROLLUP).mkdir(exist_ok=True)
        names = {}
        for t, data in tables.items():
            name = part_name(f"{ROLLUP}-{t}", [*source, str(data.num_rows)])
            atomic_write_parquet(self.root / ROLLUP / name, data)
            names[t] = name
        with self.lock():
            m = self.manifest()
            new = Manifest(m.parts, m.generation + 1, {"source": list(source), "tables": names})
            atomic_write_bytes(self.root / MANIFEST, new.to_json().encode())
        old = set((m.rollup or {}).get("tables", {}).values()) - set(names.values())
        for name in old:
            with contextlib.suppress(OSError):
                (self.root / ROLLUP / name).unlink()
        return new

    def rollup_files(self, manifest: Manifest | None = None) -> dict[str, Path]:
        m = manifest or self.manifest()
        if not m.rollup_current():
            return {}
        return {t: self.root / ROLLUP / name for t, name in (m.rollup or {})["tables"].items()}

    def write_batch(self, tables: Mapping[str, pa.Table]) -> Manifest:
        """Write a batch's parts, then make them all live together."""
        added = {t: [n] for t, data in tables.items() if (n := self.write_part(t, data))}
        return self.commit(added)

    def compact(self, *, target_rows: int = 2_000_000, min_parts: int = 2) -> dict[str, int]:
        """Merge small parts of each table into parts of up to ``target_rows`` rows.

        The merged parts are written first, then swapped for the small ones in one
        manifest replacement; the small files are deleted afterwards. Returns, per table,
        how many parts were merged away.
        """
        with self.lock(COMPACT_LOCK):
            return self._compact(target_rows, min_parts)

    def _compact(self, target_rows: int, min_parts: int) -> dict[str, int]:
        merged: dict[str, int] = {}
        for t in TABLES:
            files = self.files(t)
            small = [f for f in files if pq.ParquetFile(f).metadata.num_rows < target_rows // 2]
            if len(small) < min_parts:
                continue
            groups: list[list[Path]] = [[]]
            rows = 0
            for f in small:
                n = pq.ParquetFile(f).metadata.num_rows
                if groups[-1] and rows + n > target_rows:
                    groups.append([])
                    rows = 0
                groups[-1].append(f)
                rows += n
            added, gone = [], []
            for g in groups:
                if len(g) < 2:
                    continue
                name = f"{t}-{hashlib.sha256('|'.join(sorted(f.name for f in g)).encode()).hexdigest()[:24]}.parquet"
                merge_parquet(g, self.root / t / name, SCHEMAS[t], SORT_KEYS.get(t))
                added.append(name)
                gone += [f.name for f in g]
            if added:
                self.commit({t: added}, {t: gone})
                merged[t] = len(gone)
                for name in gone:
                    with contextlib.suppress(OSError):
                        (self.root / t / name).unlink()
        return merged

    def orphans(self, older_than: float = 3600.0) -> list[Path]:
        """Part files not named by the manifest (a writer died before committing)."""
        m = self.manifest()
        now = time.time()
        out = []
        for t in TABLES:
            live = set(m.parts.get(t, ()))
            for f in (self.root / t).glob("*.parquet"):
                if f.name not in live and now - f.stat().st_mtime > older_than:
                    out.append(f)
        return out

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for t in TABLES for f in self.files(t) if f.exists())
