"""Country outlines: TopoJSON decoding, antimeridian handling, centres; and the answer cache."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from dyad.web.cache import AnswerCache
from dyad.web.outlines import ATLAS, OutlinesMissing, centroids, load_countries


def write_topology(path: Path) -> Path:
    # two countries in quantized TopoJSON: a square (Armenia, 051) and a ring crossing the
    # antimeridian (Fiji, 242): 178 -> 182 written as 178 -> -178
    topo = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0]], "id": "051", "properties": {"name": "Armenia"}},
            {"type": "MultiPolygon", "arcs": [[[1]]], "id": "242", "properties": {"name": "Fiji"}},
        ]}},
        "arcs": [
            [[44, 40], [2, 0], [0, 2], [-2, 0], [0, -2]],
            [[178, -18], [-356, 0], [0, 2], [356, 0], [0, -2]],
        ],
    }
    path.write_text(json.dumps(topo), encoding="utf-8")
    return path


def test_decodes_rings_and_centres(tmp_path: Path) -> None:
    countries = {c.iso3: c for c in load_countries(write_topology(tmp_path / "atlas.json"))}
    arm = countries["ARM"]
    assert arm.name == "Armenia"
    assert arm.rings == [[(44, 40), (46, 40), (46, 42), (44, 42), (44, 40)]]
    assert arm.centroid == pytest.approx((45.0, 41.0))
    fji = countries["FJI"]
    # unwrapped (no jump across the map) and drawn twice, once a full turn to the west
    assert len(fji.rings) == 2
    for ring in fji.rings:
        xs = [x for x, _ in ring]
        assert max(xs) - min(xs) == pytest.approx(4)
    assert fji.centroid is not None and -180 <= fji.centroid[0] <= 180
    assert abs(abs(fji.centroid[0]) - 180) < 0.01
    assert set(centroids(list(countries.values()))) == {"ARM", "FJI"}


def test_missing_outlines_say_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(OutlinesMissing, match="make web-assets"):
        load_countries(tmp_path / "nothing.json")


def test_the_installed_atlas_is_natural_earth_110m() -> None:
    if not ATLAS.exists():
        pytest.fail(f"{ATLAS} is missing: run `make web-assets`")
    countries = load_countries()
    assert len(countries) > 150
    by_iso = {c.iso3: c for c in countries}
    lon, lat = by_iso["FRA"].centroid  # type: ignore[misc]
    assert -5 < lon < 8 and 42 < lat < 51


def test_cache_computes_each_answer_once_even_when_asked_at_once() -> None:
    cache = AnswerCache(maxsize=2)
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8 and len(calls) == 1
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    assert cache.get("k", lambda: 7) == 7  # evicted (LRU, size 2): computed again


def test_cache_keeps_no_failed_answer() -> None:
    cache = AnswerCache()

    def boom() -> int:
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        cache.get("k", boom)
    assert cache.get("k", lambda: 5) == 5
