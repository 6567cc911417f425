"""Where the pipeline runs: in this process, or in a pool of local worker processes.

Each worker builds its own ``Pipeline`` once (model and knowledge loaded once per
process) and codes whole batches; results come back in input order. The Dask path
(``dyad.cluster``) uses the same ``Pipeline.run`` on its workers.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from dyad.config import Config
from dyad.pipeline import Pipeline
from dyad.records import Extraction, Failure, RawDocument
from dyad.timing import Stopwatch

Batch = list[RawDocument | Failure]


def _batches(raws: Iterable[RawDocument | Failure], size: int) -> Iterator[Batch]:
    it = iter(raws)
    while batch := list(islice(it, size)):
        yield batch


class _Worker:
    """The per-process pipeline of a pool worker (set by the pool initializer)."""

    pipeline: Pipeline | None = None


def _init_worker(config: Config) -> None:
    _Worker.pipeline = Pipeline(config)


def _run_batch(batch: Batch) -> tuple[list[Extraction], dict[str, float]]:
    pipe = _Worker.pipeline
    assert pipe is not None, "worker not initialised"
    watch = Stopwatch()
    return list(pipe.run(batch, watch)), watch.seconds


def run_pool(raws: Iterable[RawDocument | Failure], config: Config, workers: int,
             watch: Stopwatch | None = None) -> Iterator[Extraction]:
    """Extractions of ``raws`` in input order, coded by ``workers`` processes."""
    ctx: Any = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        for extractions, seconds in pool.imap(_run_batch, _batches(raws, config.batch_size)):
            if watch is not None:
                for k, v in seconds.items():
                    watch.seconds[k] = watch.seconds.get(k, 0.0) + v
            yield from extractions


def run(raws: Iterable[RawDocument | Failure], config: Config, pipeline: Pipeline | None = None,
        watch: Stopwatch | None = None) -> Iterator[Extraction]:
    """Code ``raws`` with ``config.workers`` processes (1: in this process)."""
    if config.workers <= 1:
        pipe = pipeline or Pipeline(config)
        yield from pipe.run(raws, watch)
    else:
        yield from run_pool(raws, config, config.workers, watch)
