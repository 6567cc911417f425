"""The gazetteer: dyad's own regions, countries, subdivisions and the lazy city table."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.places.gazetteer import Gazetteer, fold


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("name", "country"), [
    ("Nagorno-Karabakh", "AZE"), ("Karabakh", "AZE"), ("Lachin corridor", "AZE"), ("South Ossetia", "GEO"),
    ("Abkhazia", "GEO"), ("Transnistria", "MDA"), ("Donbas", "UKR"), ("Crimea", "UKR"), ("Gaza", "PSE"),
    ("the West Bank", "PSE"), ("Kashmir", "IND"), ("Essequibo", "GUY"), ("Khankendi", "AZE"),
])
def test_own_regions(gazetteer: Gazetteer, name: str, country: str) -> None:
    place = gazetteer.get(name)
    assert place is not None and place.country == country
    assert place.lat is not None and place.lon is not None


def test_cities_have_coordinates_and_geonameids(gazetteer: Gazetteer) -> None:
    goris = gazetteer.get("Goris")
    assert goris is not None and goris.country == "ARM" and goris.geonameid
    assert 39 < (goris.lat or 0) < 40 and 46 < (goris.lon or 0) < 47


def test_subdivisions_from_pycountry(gazetteer: Gazetteer) -> None:
    place = gazetteer.get("Kvemo Kartli")
    assert place is not None and place.country == "GEO" and place.admin1 == "KK"


def test_context_decides_georgia(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("Georgia").country == "GEO"  # type: ignore[union-attr]
    assert gazetteer.get("Georgia", prefer={"USA"}).country == "USA"  # type: ignore[union-attr]


def test_unknown_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("Qwxzzyville") is None
    assert not gazetteer.knows("Qwxzzyville")


def test_fold() -> None:
    assert fold("The  Gaza Strip") == "gaza strip"
    assert fold("Şuşa") == "susa"
    assert fold("Syunik'") == "syunik"


def test_user_place_file(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("name\tcountry\tadmin1\tlat\tlon\tgeonameid\nQwxzzyville|Qwxz\tNZL\t\t-41.0\t174.0\t\n",
                    encoding="utf-8")
    place = Gazetteer.load((mine,)).get("Qwxz")
    assert place is not None and place.name == "Qwxzzyville" and place.country == "NZL" and place.lat == -41.0
