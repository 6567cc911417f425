"""Throughput, scaling and peak memory of the whole pipeline against its floors.

    python bench/bench_throughput.py [--limit N]

On one corpus of real pages (ScrapingHub and WCXB pages, the dev set), in one run:
- floor: spaCy alone (``nlp.pipe``) on the same cleaned text dyad produces, and
  trafilatura alone on the same pages;
- dyad with 1 and with 2 worker processes;
each measurement in its own subprocess, so its peak memory is its own. Prints a table
and writes bench/results/throughput.json. Ratios matter, not absolute figures: these
machines are noisy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"


def corpus_paths(limit: int | None) -> list[Path]:
    paths: list[Path] = []
    for sub in ("data/scrapinghub/html", "data/wcxb-dev-articles/html"):
        paths += sorted((SHARED / sub).glob("*.html.gz"))
    paths += sorted((SHARED / "eval/dev").glob("*.html")) + sorted((SHARED / "eval/dev").glob("*.txt"))
    if limit:
        # interleave so a limited run still mixes the sources
        paths = paths[:: max(1, len(paths) // limit)][:limit]
    return paths


def peak_mb() -> dict[str, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"self_mb": self_kb / 1024, "children_mb": child_kb / 1024}


def measure_dyad(paths: list[Path], workers: int) -> dict:
    from dyad.api import pipeline
    from dyad.config import Config
    from dyad.executor import run
    from dyad.sources import iter_inputs
    from dyad.timing import Stopwatch

    config = Config(workers=workers)
    t0 = time.perf_counter()
    pipe = pipeline(config) if workers == 1 else None
    load = time.perf_counter() - t0
    watch = Stopwatch()
    t0 = time.perf_counter()
    docs = words = events = failed = 0
    texts = []
    for ex in run(iter_inputs([str(p) for p in paths], config), config, pipe, watch):
        docs += 1
        words += len(ex.document.text.split())
        events += len(ex.events)
        failed += bool(ex.errors)
        texts.append(ex.document.text)
    wall = time.perf_counter() - t0
    (RESULTS / ".texts.json").write_text(json.dumps(texts)) if workers == 1 else None
    return {"workers": workers, "docs": docs, "words": words, "events": events, "failed": failed,
            "seconds": wall, "load_seconds": load, "stages": watch.seconds, **peak_mb()}


def measure_spacy_floor() -> dict:
    from dyad.nlp import load_model

    texts = json.loads((RESULTS / ".texts.json").read_text())
    nlp = load_model()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    wall = time.perf_counter() - t0
    return {"docs": len(texts), "words": sum(len(t.split()) for t in texts), "seconds": wall, **peak_mb()}


def measure_trafilatura_floor(paths: list[Path]) -> dict:
    import trafilatura

    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") if p.suffix == ".gz" else p.read_text()
             for p in paths if ".html" in p.name]
    t0 = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    wall = time.perf_counter() - t0
    return {"docs": len(pages), "seconds": wall, **peak_mb()}


def child(mode: str, limit: int | None) -> None:
    paths = corpus_paths(limit)
    if mode == "dyad1":
        out = measure_dyad(paths, 1)
    elif mode == "dyad2":
        out = measure_dyad(paths, 2)
    elif mode == "spacy":
        out = measure_spacy_floor()
    else:
        out = measure_trafilatura_floor(paths)
    print(json.dumps(out))


def run_child(mode: str, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--child", mode] + (["--limit", str(limit)] if limit else [])
    res = subprocess.run(cmd, capture_output=True, text=True, check=True, env=dict(os.environ))
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="use only N documents")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.limit)
        return 0
    if not (SHARED / "data").is_dir():
        print("shared data not present: nothing to measure")
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    d1 = run_child("dyad1", args.limit)
    spacy_floor = run_child("spacy", args.limit)
    traf = run_child("trafilatura", args.limit)
    d2 = run_child("dyad2", args.limit)
    (RESULTS / ".texts.json").unlink(missing_ok=True)
    stage_total = sum(d1["stages"].values()) or 1.0
    result = {
        "cores": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
        "corpus_docs": d1["docs"],
        "corpus_words": d1["words"],
        "dyad_1_worker": d1,
        "dyad_2_workers": d2,
        "spacy_floor": spacy_floor,
        "trafilatura_floor": traf,
        "articles_per_s_1": d1["docs"] / d1["seconds"],
        "words_per_s_1": d1["words"] / d1["seconds"],
        "articles_per_s_2": d2["docs"] / d2["seconds"],
        "ratio_to_spacy_floor": spacy_floor["seconds"] / d1["seconds"],
        "speedup_2_workers": d1["seconds"] / d2["seconds"],
        "stage_shares": {k: v / stage_total for k, v in d1["stages"].items()},
        "cleaning_ms_per_page": 1000 * d1["stages"].get("clean", 0.0) / max(d1["docs"], 1),
        "trafilatura_ms_per_page": 1000 * traf["seconds"] / max(traf["docs"], 1),
        "peak_mb_1_worker": d1["self_mb"],
        "peak_mb_per_worker_2": d2["children_mb"],
    }
    (RESULTS / "throughput.json").write_text(json.dumps(result, indent=1))
    print(f"corpus: {result['corpus_docs']} documents, {result['corpus_words']} words; {result['cores']} cores")
    rows = [
        ("dyad, 1 worker: articles/s", result["articles_per_s_1"]),
        ("dyad, 1 worker: words/s", result["words_per_s_1"]),
        ("spaCy floor: words/s", spacy_floor["words"] / spacy_floor["seconds"]),
        ("dyad / spaCy floor (goal >= 0.85)", result["ratio_to_spacy_floor"]),
        ("dyad, 2 workers: articles/s", result["articles_per_s_2"]),
        ("speed-up at 2 workers (goal >= 1.8)", result["speedup_2_workers"]),
        ("cleaning ms/page", result["cleaning_ms_per_page"]),
        ("trafilatura alone ms/page", result["trafilatura_ms_per_page"]),
        ("peak MB, 1 worker process", result["peak_mb_1_worker"]),
        ("peak MB per worker, 2 workers (goal <= 600)", result["peak_mb_per_worker_2"]),
    ]
    for name, value in rows:
        print(f"{name:<46}{value:>12.2f}")
    print("stage shares: " + ", ".join(f"{k} {v:.1%}" for k, v in result["stage_shares"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
