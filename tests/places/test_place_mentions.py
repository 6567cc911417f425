"""Place mentions in context, with the real English model and gazetteer."""

from __future__ import annotations

import itertools

from dyad.pipeline import Pipeline
from dyad.records import Document, PlaceMention


def places(pipe: Pipeline, text: str) -> list[PlaceMention]:
    document = Document(id="t", source="t", text=text, published="2024-01-01")
    return pipe.annotate(document, pipe.nlp(text)).places


def named(pipe: Pipeline, text: str) -> list[tuple[str, str | None]]:
    return [(p.place.name, p.place.country) for p in places(pipe, text)]


def test_countries_are_places_only_where_used_as_places(pipe: Pipeline) -> None:
    assert named(pipe, "Russia attacked Ukraine.") == []
    assert named(pipe, "Fighting continued in Ukraine on Monday.") == [("Ukraine", "UKR")]


def test_metonyms_as_actors_are_not_places(pipe: Pipeline) -> None:
    assert named(pipe, "Baku rejected the proposal.") == []
    found = places(pipe, "The two ministers met in Baku on Friday.")
    assert [(p.place.name, p.place.country) for p in found] == [("Baku", "AZE")]
    assert found[0].place.geonameid and found[0].rule == "gazetteer:city"


def test_gazetteer_wins_over_the_person_label(pipe: Pipeline) -> None:
    assert ("Shusha", "AZE") in named(pipe, "Azerbaijani troops entered Shusha on Sunday.")


def test_region_word_is_kept_with_the_name(pipe: Pipeline) -> None:
    found = named(pipe, "Drones struck port facilities in the Odesa region overnight.")
    assert found == [("Odesa region", "UKR")]


def test_georgia_by_context(pipe: Pipeline) -> None:
    caucasus = named(pipe, "Georgian officials said Russian troops moved fences in Georgia.")
    assert ("Georgia", "GEO") in caucasus
    american = named(pipe, "US senators campaigned in Atlanta and across Georgia for the US election.")
    assert ("Georgia", "USA") in american


def test_unlisted_village_takes_the_country_of_the_text(pipe: Pipeline) -> None:
    text = ("Georgia's State Security Service said Russian troops installed new fencing outside the "
            "village of Zemo Qwxzani in Georgia.")
    assert ("Zemo Qwxzani", "GEO") in named(pipe, text)


def test_place_mentions_are_sorted_and_disjoint(pipe: Pipeline) -> None:
    found = places(pipe, "Talks in Geneva and Vienna followed clashes near Goris and in Tavush.")
    assert len(found) >= 3
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_the_city_refers_to_the_town_named_before(pipe: Pipeline) -> None:
    text = "Rebels are running Goma. When the fighters first marched into the city, they met no resistance."
    found = places(pipe, text)
    refs = [p for p in found if p.rule == "coref:place"]
    assert [(p.text, p.place.name, p.place.country) for p in refs] == [("the city", "Goma", "COD")]
