"""The Dask path: same stored events as the single-process path, and no loss when a
worker dies mid-run. Real LocalClusters on 127.0.0.1."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from dyad.cluster import expand_inputs, ingest_on_cluster, partition_inputs
from dyad.config import Config
from dyad.ingest import ingest
from dyad.store import Store

COUNTRIES = [("Chile", "Peru"), ("Kenya", "Somalia"), ("India", "Pakistan"), ("Brazil", "Argentina"),
             ("Japan", "China"), ("Poland", "Belarus"), ("Egypt", "Sudan"), ("Ghana", "Togo")]


def write_corpus(root: Path, n: int) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        a, b = COUNTRIES[i % len(COUNTRIES)]
        text = (f"{a} accused {b} of violating the border agreement on Monday, officials said in report {i}.\n\n"
                f"The foreign minister of {a} met his counterpart from {b} in Geneva on Tuesday to discuss "
                f"trade. {b} rejected the accusation and threatened to recall its ambassador.")
        p = root / f"doc-{i:03d}.txt"
        p.write_text(text)
        paths.append(p)
    (root / "notes.json").write_text("{}")  # not an article: ignored by directory expansion
    return paths


def event_rows(store: Path) -> list[tuple]:
    df = Store(store).sql("SELECT event_id, doc_id, type, dedup_key, evidence FROM events ORDER BY event_id")
    return [tuple(r) for r in df.itertuples(index=False)]


def test_partitioning_groups_files_and_isolates_containers(tmp_path: Path):
    write_corpus(tmp_path / "c", 5)
    (tmp_path / "c" / "crawl.warc.gz").write_bytes(b"")
    files = expand_inputs([str(tmp_path / "c")])
    assert len(files) == 6 and not any(f.endswith(".json") for f in files)
    parts = partition_inputs([str(tmp_path / "c")], files_per_partition=2)
    assert [len(p) for p in parts] == [2, 2, 1, 1] or sorted(len(p) for p in parts) == [1, 1, 2, 2]
    assert [str(tmp_path / "c" / "crawl.warc.gz")] in parts


@pytest.mark.slow
def test_cluster_and_single_process_store_identical_events(tmp_path: Path, pipe):
    write_corpus(tmp_path / "corpus", 12)
    single, clustered = tmp_path / "single", tmp_path / "cluster"
    ingest([str(tmp_path / "corpus")], single, pipeline=pipe)
    report = ingest_on_cluster([str(tmp_path / "corpus")], clustered, config=Config(), workers=2,
                               files_per_partition=3)
    assert report.partitions == 4 and not report.lost_partitions
    rows = event_rows(single)
    assert rows and rows == event_rows(clustered)
    # a second run adds nothing
    again = ingest_on_cluster([str(tmp_path / "corpus")], clustered, workers=2, files_per_partition=3)
    assert again.stored == 0 and event_rows(clustered) == rows


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path):
    write_corpus(tmp_path / "corpus", 16)
    store = tmp_path / "store"
    killed: list[int] = []

    def kill_one_worker(report) -> None:  # after the first partition lands, kill a worker process
        if killed:
            return
        from distributed import get_client

        pids = get_client().run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        killed.append(victim)

    report = ingest_on_cluster([str(tmp_path / "corpus")], store, workers=2, files_per_partition=2,
                               on_partition=kill_one_worker)
    assert killed and not report.lost_partitions
    docs = Store(store).sql("SELECT source, count(*) AS n FROM documents GROUP BY source")
    assert len(docs) == 16 and set(docs["n"]) == {1}
