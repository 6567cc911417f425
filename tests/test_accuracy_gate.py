"""The quality gate: accuracy on the seed and dev gold sets may rise, never silently fall.

Floors are pinned in tests/accuracy_floors.json; the figures are computed by the
shared scorer on the real pipeline's output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # noqa: E402

FLOORS = json.loads((ROOT / "tests" / "accuracy_floors.json").read_text())


@pytest.mark.parametrize("set_name", ["seed", "dev"])
def test_accuracy_does_not_fall_below_the_floors(set_name, pipe):
    if not accuracy.available():
        pytest.skip("shared scorer not present")
    figures = accuracy.score_set(set_name, pipe)
    below = []
    for kind, floors in FLOORS[set_name].items():
        for name, floor in floors.items():
            got = figures[kind][name]
            if got < floor:
                below.append(f"{set_name}/{kind} {name}: {got} < floor {floor}")
    assert not below, "; ".join(below)
