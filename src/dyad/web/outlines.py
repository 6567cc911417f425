"""Country outlines for the map, read from the Natural Earth TopoJSON that the set-up
installs from the npm registry (package ``world-atlas``, see ``package.json`` beside this
module), decoded here so the browser needs no TopoJSON library and no network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from dyad.errors import StoreError

ATLAS = Path(__file__).resolve().parent / "node_modules" / "world-atlas" / "countries-110m.json"


class OutlinesMissing(StoreError):
    """The country outlines are not installed (run the set-up: ``make web-assets``)."""


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str | None
    name: str
    rings: list[list[tuple[float, float]]]
    centroid: tuple[float, float] | None


def _arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    t = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        if t:
            (sx, sy), (tx, ty) = t["scale"], t["translate"]
            x = y = 0
            pts = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(float(p[0]), float(p[1])) for p in arc]
        out.append(pts)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc[1:] if pts else arc)
    return [(round(x, 2), round(y, 2)) for x, y in pts]


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make a ring that crosses the antimeridian continuous (longitudes may pass 180)."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (x, y) in enumerate(ring):
        if i:
            prev = ring[i - 1][0]
            if x - prev > 180:
                shift -= 360
            elif prev - x > 180:
                shift += 360
        out.append((round(x + shift, 2), y))
    if out and min(p[0] for p in out) < -180:
        out = [(round(x + 360, 2), y) for x, y in out]
    return out


def _copies(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The ring, and a copy shifted a full turn when it reaches past 180 (the map clips both)."""
    if ring and max(p[0] for p in ring) > 180:
        return [ring, [(round(x - 360, 2), y) for x, y in ring]]
    return [ring]


def _area_centroid(ring: list[tuple[float, float]]) -> tuple[float, tuple[float, float]]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def _iso3(numeric: Any) -> str | None:
    if numeric is None:
        return None
    c = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return c.alpha_3 if c else None


def load_countries(path: Path = ATLAS) -> list[Country]:
    """Every country of the atlas with its rings (lon, lat) and the centroid of its largest part."""
    try:
        topo = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise OutlinesMissing(f"country outlines not installed ({path.name}); run `make web-assets`") from exc
    except (OSError, ValueError) as exc:
        raise OutlinesMissing(f"cannot read country outlines {path}: {exc}") from exc
    arcs = _arcs(topo)
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = ([geom["arcs"]] if geom.get("type") == "Polygon" else
                 geom.get("arcs", []) if geom.get("type") == "MultiPolygon" else [])
        rings = [c for poly in polys for r in poly for c in _copies(_unwrap(_ring(r, arcs)))]
        outer = [_unwrap(_ring(poly[0], arcs)) for poly in polys if poly]
        best = max((_area_centroid(r) for r in outer if len(r) > 2), default=None, key=lambda ac: ac[0])
        if best and best[1][0] > 180:
            best = (best[0], (best[1][0] - 360, best[1][1]))
        out.append(Country(iso3=_iso3(geom.get("id")), name=str(geom.get("properties", {}).get("name", "")),
                           rings=rings, centroid=best[1] if best else None))
    return out


def outlines_json(countries: list[Country]) -> dict[str, Any]:
    """The outlines as the map page reads them."""
    return {
        "source": "Natural Earth 1:110m via the npm package world-atlas",
        "countries": [{"iso3": c.iso3, "name": c.name, "rings": c.rings,
                       "centroid": list(c.centroid) if c.centroid else None} for c in countries],
    }


def centroids(countries: list[Country]) -> dict[str, tuple[float, float]]:
    return {c.iso3: c.centroid for c in countries if c.iso3 and c.centroid}
