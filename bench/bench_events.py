"""Event coding figures: the dev set (.txt and .html), the seed, and the PLOVER gold
standard records (shared/data/plover-gsr), written to bench/results/events.json.

    .venv/bin/python bench/bench_events.py

PLOVER GSR: for each of its example sentences (the DOCUMENT record aside), whether dyad
codes an event of the gold type (0.5 names mapped as the data README says: DEMAND ->
REQUEST, FIGHT -> ASSAULT, DISAPPROVE and INVESTIGATE -> ACCUSE), and how many events it
emits that are not of the gold type (extra events). Nothing of the shared data is copied.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSR = SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
OUT = ROOT / "bench" / "results" / "events.json"
OLD_NAMES = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
FIGURES = ("type_f1", "event_p", "event_r", "event_f1", "agent_acc", "aux_acc", "date_acc", "place_acc", "by_acc",
           "gold_events", "pred_events")

sys.path.insert(0, str(ROOT / "bench"))


def gsr_figures(pipe) -> dict:  # type: ignore[no-untyped-def]
    from dyad.records import RawDocument

    records = [r for r in json.loads(GSR.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    raws = [RawDocument(source=r["id"], content=r["text"], hints={"published": r.get("date")}) for r in records]
    found = 0
    extra = 0
    per_type: Counter[str] = Counter()
    per_type_found: Counter[str] = Counter()
    emitted = 0
    for rec, ex in zip(records, pipe.run(raws), strict=True):
        gold = OLD_NAMES.get(rec["event"], rec["event"])
        types = [e.type for e in ex.events]
        emitted += len(types)
        per_type[gold] += 1
        if gold in types:
            found += 1
            per_type_found[gold] += 1
            extra += len(types) - 1
        else:
            extra += len(types)
    n = len(records)
    return {
        "sentences": n,
        "gold_type_found": found,
        "share_found": round(found / n, 4) if n else 0.0,
        "events_emitted": emitted,
        "extra_events": extra,
        "extra_per_sentence": round(extra / n, 4) if n else 0.0,
        "per_type_recall": {t: round(per_type_found[t] / c, 3) for t, c in sorted(per_type.items())},
    }


def main() -> int:
    import accuracy
    from dyad.api import pipeline

    if not accuracy.available():
        print("shared evaluation data not present; nothing measured")
        return 0
    pipe = pipeline()
    out: dict = {}
    t0 = time.perf_counter()
    for name in ("dev", "seed"):
        figures = accuracy.score_set(name, pipe)
        out[name] = {kind: {k: figs[k] for k in FIGURES if k in figs} for kind, figs in figures.items()
                     if isinstance(figs, dict) and "event_f1" in figs}
    if GSR.is_file():
        out["plover_gsr"] = gsr_figures(pipe)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
