"""Extraction records into rows: dyads, dates, outlets, the deduplication key."""

from __future__ import annotations

import datetime as dt

from dyad.records import Place
from dyad.store.dedup import dedup_key
from dyad.store.writer import Batch, dyad_pairs, outlet_of, parse_date

from .builders import event, extraction


def test_parse_date_gives_the_first_day_of_the_period() -> None:
    assert parse_date("2021") == dt.date(2021, 1, 1)
    assert parse_date("2021-11") == dt.date(2021, 11, 1)
    assert parse_date("2021-11-16") == dt.date(2021, 11, 16)
    assert parse_date(None) is None
    assert parse_date("2021-13") is None


def test_outlet_is_the_publisher_else_the_host() -> None:
    assert outlet_of("Eurasianet", "https://www.x.org/a") == "Eurasianet"
    assert outlet_of(None, "https://www.x.org/a") == "x.org"
    assert outlet_of(None, None) is None


def test_compound_lists_expand_to_every_pair() -> None:
    pairs = dyad_pairs(event("ACCUSE", ["RUS", "IRN"], ["AZE", "TUR"]))
    assert {(a.code, r.code if r else None) for a, r, _ in pairs} == {
        ("RUS", "AZE"), ("RUS", "TUR"), ("IRN", "AZE"), ("IRN", "TUR")}
    assert not any(rec for _, _, rec in pairs)


def test_several_actors_without_recipient_are_reciprocal() -> None:
    pairs = dyad_pairs(event("AGREE", ["ARM", "AZE"], []))
    assert {(a.code, r.code) for a, r, _ in pairs if r} == {("ARM", "AZE"), ("AZE", "ARM")}
    assert all(rec for _, _, rec in pairs)
    lone = dyad_pairs(event("MOBILIZE", ["RUS"], []))
    assert [(a.code, r) for a, r, _ in lone] == [("RUS", None)]


def test_the_same_event_in_two_articles_has_one_key() -> None:
    a = event("ACCUSE", ["RUS", "IRN"], ["AZE"], sentence="Russia and Iran accused Azerbaijan.")
    b = event("ACCUSE", ["IRN", "RUS"], ["AZE"], sentence="Moscow and Tehran blamed Baku.")
    assert dedup_key(a, "d1") == dedup_key(b, "d2")
    assert dedup_key(a, "d1") != dedup_key(event("ACCUSE", ["RUS"], ["AZE"]), "d1")
    assert dedup_key(a, "d1") != dedup_key(event("ACCUSE", ["RUS", "IRN"], ["AZE"], "2023-03-04"), "d1")
    assert dedup_key(a, "d1") != dedup_key(event("REJECT", ["RUS", "IRN"], ["AZE"]), "d1")


def test_the_key_keeps_date_precision_place_and_claim_status() -> None:
    day = event("ASSAULT", ["AZE"], ["ARM"], "2023-09", precision="month")
    month = event("ASSAULT", ["AZE"], ["ARM"], "2023-09-01", precision="day")
    assert dedup_key(day, "d") != dedup_key(month, "d")
    here = event("ASSAULT", ["AZE"], ["ARM"], place=Place("Stepanakert", "AZE", geonameid=174875))
    there = event("ASSAULT", ["AZE"], ["ARM"], place=Place("Lachin", "AZE", geonameid=147622))
    assert dedup_key(here, "d") != dedup_key(there, "d")
    denied = event("ASSAULT", ["AZE"], ["ARM"], aux=("negation",))
    old = event("ASSAULT", ["AZE"], ["ARM"], aux=("historical",))
    plain = event("ASSAULT", ["AZE"], ["ARM"])
    assert dedup_key(denied, "d") != dedup_key(plain, "d")
    assert dedup_key(old, "d") == dedup_key(plain, "d")


def test_undated_events_are_not_merged_across_articles() -> None:
    a = event("ACCUSE", ["RUS"], ["AZE"], None)
    assert dedup_key(a, "d1") != dedup_key(a, "d2")


def test_batch_rows_for_every_table() -> None:
    ex = extraction("d1", [event("ACCUSE", ["RUS", "IRN"], ["AZE"], place=Place("Baku", "AZE", lat=40.4, lon=49.9)),
                           event("AGREE", ["ARM", "AZE"], [], aux=("future",))])
    bad = extraction("", [], errors=[("read", "gone.txt: no such file")], source="gone.txt")
    batch = Batch()
    batch.add(ex)
    batch.add(bad)
    tables = batch.tables()
    assert tables["documents"].num_rows == 1
    assert tables["events"].num_rows == 2
    assert tables["dyads"].num_rows == 2 + 2
    assert tables["failures"].column("source").to_pylist() == ["gone.txt"]
    ev = tables["events"].to_pylist()
    assert ev[0]["event_id"].startswith("d1:")
    assert ev[0]["asserted"] and not ev[1]["asserted"]
    assert ev[0]["place_name"] == "Baku" and ev[0]["outlet"] == "Daily"
    assert [a["code"] for a in ev[0]["actor"]] == ["RUS", "IRN"]
    assert ev[0]["date"] == dt.date(2023, 3, 3) and ev[0]["published"] == dt.date(2023, 3, 4)
