"""Scaling on Dask: the single-process ingest against LocalClusters of 1 and 2 workers,
in one run, and the sizing that follows from the measured per-document cost.

    python bench/bench_cluster.py [--docs N]

Writes bench/results/cluster.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"
DAY = 86_400
CRAWL_YEAR = 60_000_000
"""Articles in one year of a large news crawl (an assumption: CC-News-like volume)."""


def corpus(n: int, into: Path) -> list[str]:
    """Up to ``n`` real pages (dev set, then ScrapingHub), written as plain files."""
    into.mkdir(parents=True)
    srcs = sorted((SHARED / "eval/dev").glob("*.html")) + sorted((SHARED / "data/scrapinghub/html").glob("*.gz"))
    for p in srcs[:n]:
        data = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
        (into / p.name.removesuffix(".gz")).write_bytes(data)
    return [str(into)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=96)
    args = ap.parse_args()
    if not (SHARED / "eval").is_dir():
        print("shared data not present: nothing to measure")
        return 0
    from dyad.api import pipeline
    from dyad.cluster import ingest_on_cluster
    from dyad.config import Config
    from dyad.ingest import ingest

    tmp = Path(tempfile.mkdtemp(prefix="dyad-bench-cluster-"))
    try:
        inputs = corpus(args.docs, tmp / "corpus")
        t0 = time.perf_counter()
        pipe = pipeline(Config())
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        single = ingest(inputs, tmp / "single", pipeline=pipe).to_dict()
        t_single = time.perf_counter() - t0
        runs = {}
        for workers in (1, 2):
            t0 = time.perf_counter()
            rep = ingest_on_cluster(inputs, tmp / f"cluster{workers}", workers=workers, files_per_partition=8)
            runs[workers] = {"seconds": time.perf_counter() - t0, "stored": rep.stored, "events": rep.events,
                             "lost": len(rep.lost_partitions)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    docs = single["documents"]
    per_doc = t_single / max(docs, 1)
    eff = runs[1]["seconds"] / (2 * runs[2]["seconds"])
    result = {
        "cores": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
        "documents": docs,
        "model_load_seconds": load,
        "single_process_seconds": t_single,
        "cluster_1_worker_seconds": runs[1]["seconds"],
        "cluster_2_workers_seconds": runs[2]["seconds"],
        "speedup_2_vs_1_workers": runs[1]["seconds"] / runs[2]["seconds"],
        "parallel_efficiency_2_workers": eff,
        "cluster_1_vs_single_process": t_single / runs[1]["seconds"],
        "same_event_counts": single["events"] == runs[1]["events"] == runs[2]["events"],
        "seconds_per_document": per_doc,
        "workers_for_500k_per_day": 500_000 * per_doc / (DAY * 0.8),
        "worker_days_for_one_crawl_year": CRAWL_YEAR * per_doc / DAY,
        "assumptions": "80% worker utilisation; one crawl year = 60 million articles; one core per worker",
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cluster.json").write_text(json.dumps(result, indent=1))
    for k, v in result.items():
        print(f"{k:<34}{v:>14.3f}" if isinstance(v, float) else f"{k:<34}{v!s:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
