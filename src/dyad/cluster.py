"""The same pipeline on a Dask cluster (``dask.distributed``).

Inputs are split into partitions (a group of HTML/text files, or one archive, feed or
JSON Lines file each, read by streaming on the worker that gets it). Every worker loads
the spaCy model and the knowledge once (a worker plugin), and runs ``dyad.ingest.ingest``
on its partitions: the same stage functions, the same store layout, the same resumable,
idempotent commits. A worker that dies mid-partition loses nothing already committed;
the scheduler retries the partition and content-named parts are never stored twice.

    report = ingest_on_cluster(["crawl/"], "dyad-store", workers=2)          # local cluster
    report = ingest_on_cluster(["crawl/"], "/shared/store", scheduler="tcp://host:8786")
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from dyad.config import Config
from dyad.errors import DyadError
from dyad.records import Failure
from dyad.sources.files import expand, input_kind
from dyad.sources.urls import is_url

log = logging.getLogger(__name__)

PLUGIN_NAME = "dyad-pipeline"


class ClusterError(DyadError):
    """The cluster cannot be reached or a partition failed beyond its retries."""

    stage = "cluster"


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Every file named by ``inputs`` (directories recursively, files of a known kind only,
    globs expanded), in order; URLs, '-' and missing inputs are kept as they are (a
    partition reading them records what happened)."""
    out: list[str] = []
    for item in inputs:
        if is_url(item) or item == "-":
            out.append(item)
            continue
        for found in expand(item):
            out.append(item if isinstance(found, Failure) else (item if found == Path(item) else str(found)))
    return out


def partition_inputs(inputs: Iterable[str], files_per_partition: int = 32) -> list[list[str]]:
    """Partitions of work: runs of single-document files, and each container file alone."""
    parts: list[list[str]] = []
    run: list[str] = []
    for item in expand_inputs(inputs):
        if input_kind(item) == "file" and not is_url(item) and item != "-":
            run.append(item)
            if len(run) >= files_per_partition:
                parts.append(run)
                run = []
        else:
            parts.append([item])
    if run:
        parts.append(run)
    return parts


class PipelinePlugin(WorkerPlugin):
    """Loads dyad's pipeline once per worker process (a Dask worker plugin)."""

    name = PLUGIN_NAME

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.config = config
        self.pipeline: Any = None

    def setup(self, worker: Any) -> None:
        from dyad.pipeline import Pipeline

        self.pipeline = Pipeline(self.config)


def _worker_pipeline() -> Any:
    from distributed import get_worker

    plugin: Any = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None or plugin.pipeline is None:
        raise ClusterError("the dyad worker plugin is not installed on this worker")
    return plugin.pipeline


def ingest_partition(paths: list[str], store: str, config: Config) -> dict[str, Any]:
    """Run on a worker: code and store one partition; the ingest report as a dict."""
    from dyad.ingest import ingest

    report = ingest(paths, store, config=config, pipeline=_worker_pipeline(), finish=False)
    return report.to_dict()


@dataclass
class ClusterReport:
    partitions: int = 0
    documents: int = 0
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    failures: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    lost_partitions: list[list[str]] = field(default_factory=list)
    seconds: float = 0.0
    dashboard: str | None = None

    def add(self, part: dict[str, Any]) -> None:
        self.partitions += 1
        for key in ("documents", "stored", "skipped", "duplicates", "events", "failures"):
            setattr(self, key, getattr(self, key) + int(part.get(key, 0)))
        self.failed += part.get("failed", [])

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0" if _has_bokeh() else None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def ingest_on_cluster(inputs: Iterable[str], store: str | Path, *, config: Config | None = None,
                      scheduler: str | None = None, workers: int = 2, files_per_partition: int = 32,
                      retries: int = 2, on_partition: Callable[[ClusterReport], None] | None = None,
                      ) -> ClusterReport:
    """Ingest ``inputs`` into ``store`` on a Dask cluster (a local one when no scheduler)."""
    from distributed import as_completed

    config = config or Config()
    store = str(store)
    from dyad.store import Store

    Store(store).close()  # create the layout once, before the workers race to it
    partitions = partition_inputs(inputs, files_per_partition)
    report = ClusterReport()
    t0 = time.monotonic()
    client, cluster = _client(scheduler, workers)
    try:
        report.dashboard = _dashboard(client)
        client.register_plugin(PipelinePlugin(config), name=PLUGIN_NAME)
        futures = client.map(ingest_partition, partitions, store=store, config=config, retries=retries,
                             pure=False)
        index = {f.key: p for f, p in zip(futures, partitions, strict=True)}
        for fut in as_completed(futures):
            try:
                report.add(fut.result())
            except Exception as exc:  # a partition that failed beyond its retries
                log.error("partition failed: %s", exc)
                report.lost_partitions.append(index[fut.key])
            if on_partition:
                on_partition(report)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    from dyad.ingest import finish_store

    with Store(store) as st:  # compaction and summaries once, after every partition
        finish_store(st)
    report.seconds = time.monotonic() - t0
    return report


def _has_bokeh() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def _dashboard(client: Any) -> str | None:
    """The dashboard's address, when the cluster serves one (it needs bokeh)."""
    if not _has_bokeh():
        return None
    try:
        return str(client.dashboard_link) or None
    except (KeyError, AttributeError):
        return None
