"""The JSON API against a live server over a real store: what the pages show."""

from __future__ import annotations

import csv
import io
from collections import Counter

import httpx

from dyad.store import Filters


def test_info_and_overview_agree_with_the_store(client: httpx.Client, live) -> None:
    info = client.get("/api/info").json()
    counts = live.store.counts()
    assert info["counts"] == counts
    assert counts["documents"] == 4 and counts["events"] > 0
    o = client.get("/api/overview").json()
    assert o["counts"] == counts
    assert len(o["latest_documents"]) == 4
    assert sum(r["events"] for r in o["series"]) <= counts["unique_events"]
    assert {r["quad_class"] for r in o["series"]} <= {1, 2, 3, 4}
    top = o["top_actors"][0]
    assert top["events"] == max(a["events"] for a in o["top_actors"])
    for d in o["top_dyads"]:
        assert d["actor_code"] != d["recipient_code"]


def test_document_offsets_point_at_their_text(client: httpx.Client, live) -> None:
    docs = client.get("/api/documents").json()
    assert docs["total"] == 4
    seen_events = 0
    for row in docs["documents"]:
        d = client.get(f"/api/documents/{row['doc_id']}").json()
        text = d["document"]["text"]
        for m in d["mentions"] + d["places"]:
            assert text[m["start"]:m["end"]] == m["text"]
        for ev in d["events"]:
            seen_events += 1
            assert text[ev["evidence_start"]:ev["evidence_end"]].strip() == ev["evidence"].strip()
            if ev["trigger"]:
                assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger"]
                assert ev["evidence_start"] <= ev["trigger_start"] < ev["trigger_end"] <= ev["evidence_end"]
    assert seen_events == live.store.counts()["events"]


def test_removed_boilerplate_reports_what_the_store_keeps(client: httpx.Client) -> None:
    doc_id = client.get("/api/documents").json()["documents"][0]["doc_id"]
    r = client.get(f"/api/documents/{doc_id}/removed").json()
    assert r["removed_chars"] >= 0
    assert isinstance(r["kept_by_store"], bool)
    assert client.get("/api/documents/0000000000000000/removed").status_code == 404


def test_events_filter_sort_and_paginate(client: httpx.Client, live) -> None:
    everything = client.get("/api/events", params={"include_aux": "true", "size": 500}).json()
    total = everything["total"]
    assert total == len(live.store.events(Filters(include_aux=True)))
    # pages of 2 cover every event exactly once, in order of score
    ids, scores = [], []
    for page in range(1, -(-total // 2) + 1):
        r = client.get("/api/events", params={"include_aux": "true", "size": 2, "page": page,
                                              "sort": "score", "desc": "true"}).json()
        assert r["pages"] == -(-total // 2)
        ids += [e["event_id"] for e in r["events"]]
        scores += [e["score"] for e in r["events"] if e["score"] is not None]
    assert len(ids) == len(set(ids)) == total
    assert scores == sorted(scores, reverse=True)
    # an actor filter keeps exactly the events with that actor (code or country)
    actor = Counter(a["country"] for e in everything["events"] for a in e["actor"] if a["country"]).most_common(1)[0][0]
    only = client.get("/api/events", params={"include_aux": "true", "actor": actor, "size": 500}).json()["events"]
    expected = [e["event_id"] for e in everything["events"]
                if any(a["country"] == actor or a["code"] == actor for a in e["actor"])]
    assert sorted(e["event_id"] for e in only) == sorted(expected)
    # a type filter
    t = everything["events"][0]["type"]
    typed = client.get("/api/events", params={"include_aux": "true", "type": t, "size": 500}).json()["events"]
    assert typed and all(e["type"] == t for e in typed)
    assert client.get("/api/events", params={"sort": "evidence; DROP"}).status_code == 422
    assert client.get("/api/events", params={"sort": "nonsense"}).status_code == 400


def test_csv_download_holds_the_filter_result(client: httpx.Client) -> None:
    params = {"include_aux": "true"}
    total = client.get("/api/events", params=params).json()["total"]
    r = client.get("/api/events.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total
    assert {"event_id", "type", "actor_codes", "recipient_codes", "evidence", "quad_class"} <= set(rows[0])
    # article text never starts a cell with a formula character
    for row in rows:
        for v in row.values():
            assert v[:1] not in ("=", "+", "@") or v.lstrip("+-").replace(".", "", 1).isdigit()


def test_dyad_series_and_the_events_behind_each_month(client: httpx.Client, live) -> None:
    net = client.get("/api/network").json()
    assert net["edges"], "the test articles give at least one dyad"
    edge = net["edges"][0]
    codes = {n["code"] for n in net["nodes"]}
    assert edge["source"] in codes and edge["target"] in codes
    s = client.get("/api/dyad", params={"actor": edge["source"], "recipient": edge["target"]}).json()
    assert s["series"], "the top edge has dated events"
    for point in s["series"]:
        month = point["period"][:7]
        evs = client.get("/api/dyad/events", params={"actor": edge["source"], "recipient": edge["target"],
                                                     "period": month}).json()["events"]
        assert len({e["dedup_key"] for e in evs if e["type"] == point["type"]}) >= 1
        assert all(e["date"][:7] == month for e in evs)
    total = sum(p["events"] for p in s["series"])
    everything = client.get("/api/dyad/events", params={"actor": edge["source"], "recipient": edge["target"],
                                                        "limit": 1000}).json()
    assert everything["total"] == len(everything["events"])
    assert total <= len({e["dedup_key"] for e in everything["events"]})
    one = client.get("/api/dyad/events", params={"actor": edge["source"], "recipient": edge["target"], "limit": 1})
    assert len(one.json()["events"]) == 1 and one.json()["total"] == everything["total"]
    assert client.get("/api/dyad/events", params={"actor": "RUS", "period": "2024-13x"}).status_code == 422


def test_network_period_filter_narrows(client: httpx.Client) -> None:
    all_edges = client.get("/api/network").json()["edges"]
    none = client.get("/api/network", params={"start": "1990", "end": "1990-12-31"}).json()
    assert none["edges"] == [] and none["nodes"] == []
    assert sum(e["events"] for e in all_edges) >= 1


def test_map_points_and_outlines(client: httpx.Client) -> None:
    outlines = client.get("/api/outlines").json()
    iso = {c["iso3"] for c in outlines["countries"]}
    assert len(outlines["countries"]) > 150 and {"ARM", "AZE", "FRA", "RUS"} <= iso
    for c in outlines["countries"]:
        for ring in c["rings"]:
            assert all(-540 <= x <= 540 and -90 <= y <= 90 for x, y in ring)
    pts = client.get("/api/map", params={"include_aux": "true"}).json()["points"]
    assert pts
    for p in pts:
        assert -180 <= p["lon"] <= 180 and -90 <= p["lat"] <= 90
        assert p["quad_class"] in (1, 2, 3, 4, None)


def test_openapi_documents_every_api_route(client: httpx.Client, live) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    routes = {r.path for r in live.app.routes if getattr(r, "path", "").startswith("/api/")}
    assert routes <= paths
    assert {"/api/overview", "/api/events", "/api/events.csv", "/api/documents/{doc_id}", "/api/dyad",
            "/api/network", "/api/map", "/api/outlines", "/api/read", "/api/sql"} <= paths
    assert client.get("/docs").status_code == 404  # no CDN-backed docs page


def test_read_an_article_codes_it_live_without_storing(client: httpx.Client, live) -> None:
    before = live.store.counts()
    text = "Brazil accused Argentina on Monday of blocking trade talks in Buenos Aires."
    r = client.post("/api/read", json={"text": text})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["document"]["text"].startswith("Brazil")
    for ev in out["events"]:
        assert out["document"]["text"][ev["trigger_start"]:ev["trigger_end"]] == ev["trigger"]
    assert out["events"], "a plain accusation is coded"
    up = client.post("/api/read", json={"file_name": "a.txt", "file_base64": "QnJhemlsIGFjY3VzZWQgQXJnZW50aW5hLg=="})
    assert up.status_code == 200 and up.json()["document"]["text"].startswith("Brazil")
    assert live.store.counts() == before


def test_answers_follow_the_store_when_an_ingest_commits(empty_live, pipe) -> None:
    """A cached answer is dropped as soon as a writer commits a new batch to the store."""
    from dyad.records import RawDocument
    from dyad.store import Store

    with httpx.Client(base_url=empty_live.url, timeout=60) as c:
        assert c.get("/api/overview").json()["counts"]["documents"] == 0
        assert c.get("/api/overview").json()["counts"]["documents"] == 0
        assert empty_live.app.state.web.cache.hits >= 1
        with Store(empty_live.settings.store) as writer:
            writer.add(pipe.run([RawDocument(source="x.txt", content="Chile accused Peru of spying on Monday.")]))
        assert c.get("/api/overview").json()["counts"]["documents"] == 1
        assert c.get("/api/events", params={"include_aux": "true"}).json()["total"] >= 1


def test_country_filter_matches_either_side_or_the_place(client: httpx.Client) -> None:
    everything = client.get("/api/events", params={"include_aux": "true", "size": 500}).json()["events"]
    for country in {a["country"] for e in everything for a in e["actor"] + e["recipient"] if a["country"]}:
        got = client.get("/api/events", params={"include_aux": "true", "size": 500, "country": country}).json()
        expected = {e["event_id"] for e in everything if e["place_country"] == country
                    or any(a["country"] == country for a in e["actor"] + e["recipient"])}
        assert {e["event_id"] for e in got["events"]} == expected, country


def test_csv_cells_never_start_a_formula() -> None:
    from dyad.web.api import _csv_cell

    for text in ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1"):
        assert _csv_cell(text).startswith("'")
    assert _csv_cell("Russia accused Ukraine") == "Russia accused Ukraine"
    assert _csv_cell(-3.5) == -3.5
