"""The store at scale, and the store over the real pipeline.

    python bench/bench_store.py [--events 10000000] [--skip-ingest] [--keep DIR]

1. Synthetic scale test: generate event records directly (not through the NLP), with
   repeated reports of the same real events, write them to a store in parts, compact
   it, and time a monthly dyad series, the top-50 actor network and the top actors
   (cold: the first query of a new ``Store``; warm: the median of five more). Reports
   the store's size on disk per million events (events and dyads tables; synthetic
   evidence sentences are shorter and more alike than real ones).
2. Ingest of the dev set and of the seed with the real pipeline: events before and
   after deduplication.

Writes bench/results/store.json. Timings are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dyad.store import Filters, Layout, Store, aggregates
from dyad.store.layout import ENTITY, SCHEMAS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"

FIRST = ["RUS", "AZE", "ARM", "USA", "UKR", "TUR", "IRN", "GEO", "FRA", "CHN"]
AGENTS = [None, "GOV", "MIL"]
WORDS = (
    "said", "warned", "agreed", "met", "accused", "shelled", "talks", "border", "ceasefire", "troops",
    "minister", "visit", "sanctions", "aid", "protest", "statement", "meeting", "deal", "region", "forces",
    "officials", "capital", "attack", "envoy",
)


def actor_pool() -> dict[str, np.ndarray]:
    """Entities (country x agent), most active first."""
    from dyad.store.export import country_table

    names = {iso: name for iso, _, name in country_table()}
    countries = FIRST + sorted(c for c in names if c not in FIRST)
    rows = [(c if a is None else f"{c}.{a}", names.get(c, c) + ("" if a is None else f" {a}"), c, a)
            for c in countries for a in AGENTS]
    return {k: np.array([r[i] for r in rows], dtype=object) for i, k in enumerate(("code", "name", "country", "agent"))}


def types_table() -> list[tuple[str, float, str, float, int]]:
    from dyad.ontology import EVENT_TYPES, Ontology

    onto = Ontology.load()
    return [(t, e.score, e.cameo, e.goldstein, e.quad_class) for t in EVENT_TYPES
            for e in [onto.lookup(t, None)]]


class Synthetic:
    """Real events (actor, recipient, type, date, place) and reports of them."""

    def __init__(self, n_reports: int, seed: int = 7) -> None:
        rng = np.random.default_rng(seed)
        self.rng = rng
        self.pool = actor_pool()
        n_actors = len(self.pool["code"])
        weights = 1.0 / np.arange(1, n_actors + 1) ** 1.1
        weights /= weights.sum()
        self.n_real = max(1, int(n_reports * 0.6))
        r = self.n_real
        self.actor = rng.choice(n_actors, r, p=weights)
        rec = rng.choice(n_actors, r, p=weights)
        self.recipient = np.where((rec == self.actor) | (rng.random(r) < 0.15), -1, rec)
        self.types = types_table()
        self.type = rng.integers(0, len(self.types), r)
        self.day = rng.integers(0, 11 * 365, r)
        self.precision = rng.choice(3, r, p=[0.9, 0.08, 0.02])  # day, month, year
        self.asserted = rng.random(r) > 0.05  # 5% negated, hypothetical or future
        self.place = np.where(rng.random(r) < 0.5, -1, self.actor)
        self.sentences = np.array([" ".join(rng.choice(WORDS, 14)).capitalize() + "." for _ in range(5000)],
                                  dtype=object)

    def chunk(self, start: int, n: int) -> tuple[pa.Table, pa.Table]:
        rng = self.rng
        idx = np.arange(start, start + n)
        real = np.where(idx < self.n_real, idx, rng.integers(0, self.n_real, n))
        pool = self.pool
        a, rcp, ty = self.actor[real], self.recipient[real], self.type[real]
        has_r = rcp >= 0
        base = np.datetime64("2015-01-01")
        day = base + self.day[real]
        prec = self.precision[real]
        month = day.astype("datetime64[M]").astype("datetime64[D]")
        year = day.astype("datetime64[Y]").astype("datetime64[D]")
        date = np.where(prec == 0, day, np.where(prec == 1, month, year))
        precision = np.array(["day", "month", "year"], dtype=object)[prec]
        published = day + rng.integers(0, 4, n)
        doc = pc.binary_join_element_wise("d", pa.array(idx // 5).cast(pa.string()), "")
        event_id = pc.binary_join_element_wise(doc, pa.array(idx).cast(pa.string()), ":")
        key = pc.binary_join_element_wise("k", pa.array(real).cast(pa.string()), "")
        tt = self.types
        type_col = pa.array([t[0] for t in tt]).take(pa.array(ty))
        score = pa.array([t[1] for t in tt]).take(pa.array(ty))
        cameo = pa.array([t[2] for t in tt]).take(pa.array(ty))
        gold = pa.array([t[3] for t in tt]).take(pa.array(ty))
        quad = pa.array([t[4] for t in tt], pa.int8()).take(pa.array(ty))
        evidence = pc.binary_join_element_wise(
            pa.array(self.sentences).take(pa.array(rng.integers(0, len(self.sentences), n))),
            pc.binary_join_element_wise("(report", event_id, ")", " "), " ")
        outlet = pc.binary_join_element_wise("outlet", pa.array(rng.integers(0, 300, n)).cast(pa.string()), "-")
        source = pc.binary_join_element_wise("synthetic", doc, "/")
        plc = self.place[real]
        place_country = pa.array(np.where(plc >= 0, pool["country"][np.maximum(plc, 0)], None), pa.string())

        def col(name: str, idxs: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
            vals = pool[name][idxs]
            if mask is not None:
                vals = np.where(mask, vals, None)
            return pa.array(vals, pa.string())

        def entities(idxs: np.ndarray, mask: np.ndarray) -> pa.Array:
            sel = idxs[mask]
            structs = pa.StructArray.from_arrays(
                [col("code", sel), col("name", sel), col("country", sel), col("agent", sel),
                 pa.nulls(len(sel), pa.string())], fields=list(ENTITY))
            offsets = np.concatenate([[0], np.cumsum(mask.astype(np.int32))]).astype(np.int32)
            return pa.ListArray.from_arrays(pa.array(offsets), structs, type=pa.list_(ENTITY))

        ones = np.ones(n, dtype=bool)
        asserted = pa.array(self.asserted[real])
        dates = pa.array(date.astype("datetime64[D]"), pa.date32())
        pub = pa.array(published.astype("datetime64[D]"), pa.date32())
        ev = {
            "event_id": event_id, "doc_id": doc, "dedup_key": key, "type": type_col, "asserted": asserted,
            "actor": entities(a, ones), "recipient": entities(np.maximum(rcp, 0), has_r), "score": score,
            "cameo": cameo, "goldstein": gold, "quad_class": quad, "date": dates,
            "date_value": pc.strftime(dates, "%Y-%m-%d"), "date_precision": pa.array(precision, pa.string()),
            "date_basis": pa.array(np.full(n, "explicit", dtype=object), pa.string()),
            "place_country": place_country, "attribution": pa.array(np.full(n, "author", dtype=object)),
            "evidence": evidence, "evidence_start": pa.array(rng.integers(0, 5000, n), pa.int32()),
            "published": pub, "outlet": outlet, "source": source,
        }
        dy = {
            "event_id": event_id, "doc_id": doc, "dedup_key": key, "type": type_col, "quad_class": quad,
            "score": score, "goldstein": gold, "date": dates, "date_precision": ev["date_precision"],
            "asserted": asserted, "reciprocal": pa.array(np.zeros(n, dtype=bool)),
            "actor_code": col("code", a), "actor_name": col("name", a), "actor_country": col("country", a),
            "actor_agent": col("agent", a),
            "recipient_code": col("code", np.maximum(rcp, 0), has_r),
            "recipient_name": col("name", np.maximum(rcp, 0), has_r),
            "recipient_country": col("country", np.maximum(rcp, 0), has_r),
            "recipient_agent": col("agent", np.maximum(rcp, 0), has_r),
            "place_country": place_country, "published": pub, "outlet": outlet, "source": source,
        }
        return full_table("events", ev, n), full_table("dyads", dy, n)


def full_table(name: str, cols: dict[str, pa.Array], n: int) -> pa.Table:
    schema = SCHEMAS[name]
    arrays = [cols[f.name].cast(f.type) if f.name in cols else pa.nulls(n, f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def timed(fn, repeat: int = 5) -> dict[str, float]:
    t0 = time.perf_counter()
    fn()
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        warm.append(time.perf_counter() - t0)
    return {"cold_s": round(cold, 4), "warm_median_s": round(statistics.median(warm), 4),
            "warm_min_s": round(min(warm), 4)}


def scale_test(n_events: int, root: Path, chunk: int = 500_000) -> dict:
    layout = Layout(root)
    t0 = time.perf_counter()
    gen = Synthetic(n_events)
    gen_s = 0.0
    write_s = 0.0
    for start in range(0, n_events, chunk):
        t1 = time.perf_counter()
        events, dyads = gen.chunk(start, min(chunk, n_events - start))
        t2 = time.perf_counter()
        layout.write_batch({"events": events, "dyads": dyads})
        write_s += time.perf_counter() - t2
        gen_s += t2 - t1
    parts_before = {t: len(p) for t, p in layout.manifest().parts.items() if p}
    t1 = time.perf_counter()
    compacted = layout.compact(target_rows=2_000_000)
    compact_s = time.perf_counter() - t1
    t1 = time.perf_counter()
    Store(root).rollup()
    rollup_s = time.perf_counter() - t1
    parts_after = {t: len(p) for t, p in layout.manifest().parts.items() if p}
    size = layout.size_bytes()
    per_table = {t: sum(f.stat().st_size for f in layout.files(t)) for t in ("events", "dyads")}
    store = Store(root)
    counts = store.counts()
    rollup_rows = {v: int(store.sql(f"SELECT count(*) AS n FROM {v}")["n"].iloc[0])
                   for v in ("edge_rollup", "actor_rollup", "type_rollup")}
    raw = Store(root)
    raw._rollup = False  # the same questions answered from the dyads themselves
    raw_net = raw._run(*aggregates.network(50))
    t_raw = timed(lambda: raw._run(*aggregates.network(50)), repeat=2)
    timings = {
        "dyad_series_RUS_AZE_month": timed(lambda: store.dyad_series("RUS", "AZE", by="month")),
        "network_top50": timed(lambda: store.network(50)),
        "top_actors_20": timed(lambda: store.top_actors(20)),
        "counts_with_unique_events": timed(store.counts, repeat=3),
        "network_top50_without_rollup": t_raw,
        "network_top50_period_2019_2021": timed(lambda: store.network(50, Filters(start="2019", end="2021"))),
        "network_top50_type_filter_no_rollup": timed(lambda: store.network(50, Filters(types=("ASSAULT",))),
                                                     repeat=2),
        "dyad_series_filtered": timed(lambda: store.dyad_series(
            "RUS", "AZE", by="week", filters=Filters(start="2019-01-01", end="2021-12-31", types=("ASSAULT",)))),
    }
    series = store.dyad_series("RUS", "AZE", by="month")
    net = store.network(50)
    return {
        "events": n_events, "unique_events": counts["unique_events"], "dyads": counts["dyads"],
        "generate_s": round(gen_s, 1), "write_s": round(write_s, 1), "compact_s": round(compact_s, 1),
        "rollup_s": round(rollup_s, 1), "rollup_rows": rollup_rows,
        "total_s": round(time.perf_counter() - t0, 1),
        "parts_before_compaction": parts_before, "parts_after_compaction": parts_after, "compacted": compacted,
        "size_bytes": size, "size_mb_per_million_events": round(size / 1e6 / (n_events / 1e6), 2),
        "table_mb_per_million_events": {t: round(b / 1e6 / (n_events / 1e6), 2) for t, b in per_table.items()},
        "queries": timings, "series_rows": len(series), "series_events": int(series["events"].sum()),
        "network_edges": len(net),
        "network_rollup_equals_raw": bool(
            net.sort_values(["source", "target"]).reset_index(drop=True)[["source", "target", "events", "reports"]]
            .equals(raw_net.sort_values(["source", "target"]).reset_index(drop=True)[
                ["source", "target", "events", "reports"]])),
    }


def ingest_counts(name: str, inputs: list[str], root: Path) -> dict:
    from dyad.api import pipeline
    from dyad.ingest import ingest

    t0 = time.perf_counter()
    report = ingest(inputs, root, pipeline=pipeline())
    store = Store(root)
    c = store.counts()
    multi = store.sql("SELECT count(*) AS n FROM unique_events WHERE n_articles > 1")["n"].iloc[0]
    return {"set": name, "inputs": len(inputs), "documents": c["documents"], "failures": c["failures"],
            "events_before_dedup": c["events"], "events_after_dedup": c["unique_events"],
            "events_in_several_articles": int(multi), "dyads": c["dyads"],
            "seconds": round(time.perf_counter() - t0, 1), "stored": report.progress.stored}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--keep", type=Path, help="Build the synthetic store here and keep it.")
    args = ap.parse_args()
    path = RESULTS / "store.json"
    out: dict = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}  # keep the part not re-run
    out["when"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    tmp = Path(tempfile.mkdtemp(prefix="dyad-bench-"))
    try:
        if not args.skip_scale:
            root = args.keep or tmp / "scale"
            out["scale"] = scale_test(args.events, root)
            print(json.dumps(out["scale"], indent=1))
        if not args.skip_ingest:
            dev = sorted(str(p) for p in (SHARED / "eval" / "dev").glob("*.html"))
            seed = sorted(str(p) for p in (SHARED / "seed").glob("*.txt"))
            if not dev and not seed:
                print("shared data not present: ingest skipped")
            else:
                out["ingest"] = [ingest_counts("dev", dev, tmp / "dev"), ingest_counts("seed", seed, tmp / "seed"),
                                 ingest_counts("dev+seed", dev + seed, tmp / "both")]
                print(json.dumps(out["ingest"], indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
