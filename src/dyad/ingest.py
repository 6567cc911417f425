"""Ingest: run the pipeline over inputs and keep every record in a store.

Resumable and idempotent: inputs whose source is already stored are not read again, a
document whose id is already stored (the same article under another name) is not
written again, and records are committed in batches, so an interrupted ingest loses
at most the batch it had not yet reported as stored. Failed documents are stored too,
with their reason, and are tried again on the next run.
"""

from __future__ import annotations

import glob
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.config import Config
from dyad.records import Extraction, Failure, RawDocument
from dyad.sources import iter_inputs
from dyad.sources.files import KNOWN_SUFFIXES
from dyad.store import Store
from dyad.store.writer import Batch

COMPACT_ABOVE_PARTS = 32
"""After an ingest, compact a table that has more parts than this."""


@dataclass
class IngestProgress:
    """Where an ingest stands; passed to the progress callback after every document."""

    done: int = 0
    """Documents coded in this run (stored, duplicate or failed)."""
    stored: int = 0
    """Documents committed to the store (durable)."""
    skipped: int = 0
    """Inputs already in the store, not read again."""
    duplicates: int = 0
    """Documents whose id was already stored under another source."""
    events: int = 0
    failures: int = 0
    total: int | None = None
    """Inputs expected, when it can be known cheaply (files and folders)."""
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Documents per second."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


@dataclass
class IngestReport:
    progress: IngestProgress
    failed: list[tuple[str, str, str]]
    """(source, stage, message) of every document that failed in this run."""
    before: dict[str, int]
    after: dict[str, int]
    compacted: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        p = self.progress
        return {"documents": p.done, "stored": p.stored, "skipped": p.skipped, "duplicates": p.duplicates,
                "events": p.events, "failures": p.failures, "seconds": round(p.elapsed, 3),
                "before": self.before, "after": self.after, "compacted": self.compacted,
                "failed": [{"source": s, "stage": st, "message": m} for s, st, m in self.failed]}


def count_inputs(inputs: Iterable[str]) -> int | None:
    """How many documents ``inputs`` name, when that is cheap to know (else None)."""
    total = 0
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file()
                         and Path(p.name.lower().removesuffix(".gz")).suffix in KNOWN_SUFFIXES)
        elif path.is_file():
            if Path(path.name.lower().removesuffix(".gz")).suffix not in KNOWN_SUFFIXES:
                return None  # an archive, a feed or JSON Lines: many documents in one file
            total += 1
        elif glob.has_magic(item):
            sub = count_inputs(sorted(glob.glob(item, recursive=True)))
            if sub is None:
                return None
            total += sub
        else:
            return None
    return total


def _unstored(raws: Iterable[RawDocument | Failure], known: set[str], progress: IngestProgress,
              ) -> Iterator[RawDocument | Failure]:
    for raw in raws:
        if raw.source in known:
            progress.skipped += 1
            continue
        yield raw


def ingest(inputs: Iterable[str], store: Store | str | Path, *, config: Config | None = None,
           pipeline: Any = None, batch_docs: int = 64, batch_seconds: float = 10.0,
           on_progress: Callable[[IngestProgress], None] | None = None, finish: bool = True) -> IngestReport:
    """Code every document named by ``inputs`` and keep it in ``store``.

    ``pipeline``: an already loaded ``Pipeline`` (else one is built from ``config``).
    Records are committed every ``batch_docs`` documents or ``batch_seconds`` seconds,
    whichever comes first; ``on_progress`` is called after every document and commit.
    ``finish``: compact the store if it has many small parts, and refresh its summaries
    (a cluster passes False for its partitions and finishes once at the end).
    """
    from dyad.executor import run

    config = config or (pipeline.config if pipeline is not None else Config())
    if pipeline is None and config.workers <= 1:
        from dyad.api import pipeline as loaded

        pipeline = loaded(config)  # built once per process and configuration
    st = store if isinstance(store, Store) else Store(store)
    inputs = list(inputs)
    before = st.counts()
    known_sources = st.stored_sources()
    known_ids = st.stored_ids()
    progress = IngestProgress(total=count_inputs(inputs))
    if progress.total is not None:
        progress.total = max(progress.total - len(known_sources & _expanded_sources(inputs)), 0)
    failed: list[tuple[str, str, str]] = []
    batch, pending, last_commit = Batch(), 0, time.monotonic()

    def commit() -> None:
        nonlocal batch, pending, last_commit
        if len(batch):
            st.add_batch(batch)
            progress.stored += pending
        batch, pending, last_commit = Batch(), 0, time.monotonic()
        if on_progress:
            on_progress(progress)

    raws = _unstored(iter_inputs(inputs, config), known_sources, progress)
    try:
        for ex in run(raws, config, pipeline):
            progress.done += 1
            pending += _take(ex, batch, known_ids, progress, failed)
            if len(batch) >= batch_docs or time.monotonic() - last_commit >= batch_seconds:
                commit()
            elif on_progress:
                on_progress(progress)
    finally:  # Ctrl-C or an error: keep what was already coded
        commit()
    compacted = finish_store(st) if finish else {}
    return IngestReport(progress, failed, before, st.counts(), compacted)


def finish_store(store: Store) -> dict[str, int]:
    """After writing: compact when a table has many parts, and refresh the summaries."""
    manifest = store.layout.manifest()
    if any(len(parts) > COMPACT_ABOVE_PARTS for parts in manifest.parts.values()):
        return store.compact()
    store.rollup()
    return {}


def _take(ex: Extraction, batch: Batch, known_ids: set[str], progress: IngestProgress,
          failed: list[tuple[str, str, str]]) -> bool:
    """Add a coded document to the batch unless it is already stored; whether it was added."""
    if ex.errors:
        progress.failures += 1
        failed.extend((ex.document.source, e.stage, e.message) for e in ex.errors[:1])
    elif ex.document.id in known_ids:
        progress.duplicates += 1
        return False
    if ex.document.id:
        known_ids.add(ex.document.id)
    progress.events += len(ex.events)
    batch.add(ex)
    return True


def _expanded_sources(inputs: list[str]) -> set[str]:
    """The source names plain file and folder inputs will get (for the expected total)."""
    out: set[str] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            out.update(str(p) for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            out.add(item)
    return out
