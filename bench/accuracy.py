"""Accuracy on the gold sets with the shared scorer: used by the quality gate (tests) and
by bench/bench_accuracy.py.

The scorer (shared/eval/score.py) is run as it is, from the shared folder beside the
repository; nothing of it is copied here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

SETS = {
    "seed": (SHARED / "eval" / "seed", sorted((SHARED / "seed").glob("*.txt"))),
    "dev": (SHARED / "eval" / "dev", sorted((SHARED / "eval" / "dev").glob("*.txt"))
            + sorted((SHARED / "eval" / "dev").glob("*.html"))),
}


def available() -> bool:
    return SCORER.is_file()


def score_records(gold_dir: Path, records: list[dict]) -> dict:
    """The scorer's figures for ``records`` (extraction dicts) against ``gold_dir``."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        pred = Path(f.name)
    try:
        out = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred), "--json"],
                             capture_output=True, text=True, check=True)
    finally:
        pred.unlink(missing_ok=True)
    return json.loads(out.stdout)


def score_set(name: str, pipe) -> dict:  # type: ignore[no-untyped-def]
    """Run ``pipe`` (a dyad Pipeline) over a gold set's inputs and score the records."""
    from dyad.sources import iter_inputs

    gold_dir, paths = SETS[name]
    records = [ex.to_dict() for ex in pipe.run(iter_inputs([str(p) for p in paths], pipe.config))]
    return score_records(gold_dir, records)
