from __future__ import annotations

from dyad.records import (
    AUTHOR,
    Attribution,
    Document,
    Entity,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Mention,
    Place,
    PlaceMention,
)


def _event(**kw):
    base = dict(
        id="e1", type="ASSAULT", mode=None,
        actor=[Entity.make("RUS", "MIL", "Russian forces")], recipient=[Entity.make("UKR", None, "Ukraine")],
        date=EventDate("2024-02-10", "day", "explicit"),
        evidence=Evidence("Russian forces shelled Kharkiv.", 0, 31),
    )
    base.update(kw)
    return Event(**base)


def test_entity_codes():
    assert Entity.make("RUS", "MIL", "x").code == "RUS.MIL"
    assert Entity.make("NATO", None, "x").code == "NATO"
    assert Entity.make("ARM", None, "Armenia").with_agent("GOV").code == "ARM.GOV"


def test_event_serialises_aux_in_canonical_order_and_author_attribution():
    d = _event(aux=["negation", "historical"]).to_dict()
    assert d["aux"] == ["historical", "negation"]
    assert d["attribution"] == {"by": "author", "cue": None, "quoted": False}
    assert d["actor"][0]["code"] == "RUS.MIL" and d["recipient"][0]["agent"] is None


def test_attribution_to_an_entity():
    src = Entity.make("AZE", "GOV", "Azerbaijani diplomatic source")
    d = Attribution(by=src, cue="claimed").to_dict()
    assert d["by"]["code"] == "AZE.GOV" and d["cue"] == "claimed"
    assert AUTHOR.to_dict()["by"] == "author"


def test_extraction_groups_entity_mentions_and_places():
    doc = Document(id="x", source="s", text="Russia and Russia met in Baku.")
    rus = Entity.make("RUS", None, "Russia")
    baku = Place("Baku", "AZE", None, 40.4, 49.9, 587084)
    ex = Extraction(
        document=doc,
        mentions=[Mention(rus, 0, 6, "Russia"), Mention(rus, 11, 17, "Russia")],
        places=[PlaceMention(baku, 25, 29, "Baku")],
        events=[_event()],
    )
    d = ex.to_dict()
    assert d["schema_version"] == "1"
    assert len(d["entities"]) == 1 and len(d["entities"][0]["mentions"]) == 2
    assert d["places"][0]["geonameid"] == 587084
    assert not ex.failed
