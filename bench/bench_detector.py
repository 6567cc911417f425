"""Rules alone against rules + the learned event detector, side by side.

    python bench/bench_detector.py

Scores (with the shared scorer) the corpus validation split (which no tuning decision
looks at), the dev set's scraped text and the seed, once with the detector off and once
on; also the detector's share of the coding time and its size. Writes
bench/results/detector.json.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import accuracy  # noqa: E402

FIGURES = ("type_f1", "event_p", "event_r", "event_f1", "agent_acc", "aux_acc", "date_acc", "place_acc", "by_acc")


def validation_set(tmp: Path) -> tuple[Path, list]:
    """The corpus validation split as a gold folder for the scorer, and its documents."""
    from dyad.clean import document_id
    from dyad.records import Document
    from dyad.training.corpus import load_corpus

    gold = tmp / "validation"
    gold.mkdir()
    docs = []
    for art in load_corpus(ROOT / "training", "validation"):
        record = {"id": art.id, "published": art.published, "title": art.title, "authors": list(art.authors),
                  "publisher": art.publisher, "text": art.text, "events": [e.to_dict() for e in art.events]}
        (gold / f"{art.id}.json").write_text(json.dumps(record))
        (gold / f"{art.id}.txt").write_text(art.text)
        docs.append(Document(id=document_id(art.text), source=f"{art.id}.txt", text=art.text, title=art.title,
                             authors=list(art.authors), published=art.published, publisher=art.publisher,
                             language="en"))
    return gold, docs


def main() -> int:
    if not accuracy.available():
        print("shared scorer not present: nothing to measure")
        return 0
    from dyad.config import Config
    from dyad.pipeline import Pipeline
    from dyad.sources import iter_inputs
    from dyad.timing import Stopwatch

    tmp = Path(tempfile.mkdtemp(prefix="dyad-bench-detector-"))
    try:
        gold_val, val_docs = validation_set(tmp)
        base = Pipeline(Config(use_detector=False))
        with_det = Pipeline(Config(use_detector=True), nlp=base.nlp, knowledge=base.knowledge)
        result: dict = {"date": time.strftime("%Y-%m-%d"), "validation_articles": len(val_docs)}
        for name, pipe in (("rules", base), ("rules+detector", with_det)):
            watch = Stopwatch()
            val = [ex.to_dict() for ex in pipe.run_documents(val_docs, watch)]
            seed_dir, seed_paths = accuracy.SETS["seed"]
            dev_dir, dev_paths = accuracy.SETS["dev"]
            dev_txt = [p for p in dev_paths if p.suffix == ".txt"]
            seed = [ex.to_dict() for ex in pipe.run(iter_inputs([str(p) for p in seed_paths], pipe.config), watch)]
            dev = [ex.to_dict() for ex in pipe.run(iter_inputs([str(p) for p in dev_txt], pipe.config), watch)]
            scores = {
                "corpus_validation": accuracy.score_records(gold_val, val)["txt"],
                "dev_txt": accuracy.score_records(dev_dir, dev)["txt"],
                "seed": accuracy.score_records(seed_dir, seed)["txt"],
            }
            result[name] = {k: {f: v[f] for f in FIGURES} for k, v in scores.items()}
            result[name]["stage_shares"] = watch.shares()
        model = with_det.detector
        result["detector"] = {"version": model.version if model else None,
                              "size_mb": (with_det.detector_path.stat().st_size / 1e6) if model else None}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "detector.json").write_text(json.dumps(result, indent=1))
    print(f"{'set':<18}{'figure':<11}{'rules':>10}{'+detector':>11}")
    for set_name in ("corpus_validation", "dev_txt", "seed"):
        for f in FIGURES:
            print(f"{set_name:<18}{f:<11}{result['rules'][set_name][f]:>10.3f}"
                  f"{result['rules+detector'][set_name][f]:>11.3f}")
    print("stage shares with the detector: "
          + ", ".join(f"{k} {v:.1%}" for k, v in result["rules+detector"]["stage_shares"].items()))
    print(f"detector: {result['detector']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
