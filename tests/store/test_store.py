"""The Store: DuckDB over the parts; dedup, questions, filters, read-only SQL."""

from __future__ import annotations

import pandas as pd
import pytest

from dyad.errors import QueryError, StoreError
from dyad.store import Filters, Store, aggregates

from .builders import event, extraction, reports


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "store")
    s.add(reports()[:2])
    s.add(reports()[2:])
    return s


def test_counts_and_deduplication(store: Store) -> None:
    c = store.counts()
    assert c["documents"] == 4
    assert c["events"] == 7
    assert c["unique_events"] == 4  # the assault, the accusation, the agreement, the threat
    u = store.events(Filters(include_aux=True), unique=True)
    assault = u[u["type"] == "ASSAULT"].iloc[0]
    assert assault["n_mentions"] == 4
    assert assault["n_articles"] == 3
    assert assault["n_sources"] == 2
    assert str(assault["first_report"])[:10] == "2023-09-19"
    assert str(assault["last_report"])[:10] == "2023-09-22"
    assert len(assault["evidence"]) == 4
    assert "Azerbaijani forces attacked Armenian positions." in list(assault["evidence"])


def test_aux_events_are_left_out_unless_asked(store: Store) -> None:
    assert "THREATEN" not in set(store.events()["type"])
    assert "THREATEN" in set(store.events(Filters(include_aux=True))["type"])


def test_dyad_series_by_month_counts_real_events(store: Store) -> None:
    s = store.dyad_series("AZE", "ARM", by="month")
    assert list(s.columns) == ["period", "type", "quad_class", "events", "reports", "mean_score", "goldstein_sum"]
    assert s["type"].tolist() == ["ASSAULT", "AGREE"]  # the agreement is reciprocal: both directions
    row = s.iloc[0]
    assert row["events"] == 1 and row["reports"] == 4
    assert str(row["period"])[:10] == "2023-09-01"
    assert row["goldstein_sum"] == -10.0 and row["mean_score"] == -9.0
    # codes: AZE.MIL matches, AZE.GOV does not
    assert store.dyad_series("AZE.MIL", "ARM.MIL")["events"].sum() == 1
    assert store.dyad_series("AZE.GOV", "ARM")["events"].sum() == 0
    # the reciprocal agreement counts in both directions; a month-precise event is left out of a daily series
    assert store.dyad_series("ARM", "AZE", by="month")["type"].tolist() == ["ACCUSE", "AGREE"]
    assert store.dyad_series("ARM", "AZE", by="day")["type"].tolist() == ["ACCUSE"]
    both = store.dyad_series("ARM", "AZE", by="month", both_directions=True)
    assert set(both["type"]) == {"AGREE", "ACCUSE", "ASSAULT"}


def test_filters(store: Store) -> None:
    def series(**f: object) -> pd.DataFrame:
        return store.dyad_series("AZE.MIL", "ARM.MIL", filters=Filters(**f))  # type: ignore[arg-type]

    assert series()["events"].sum() == 1
    assert series(start="2023-10").empty
    assert not series(end="2023-09").empty
    assert series(end="2023-08").empty
    assert series(types=("ACCUSE",)).empty
    assert not series(types=("assault",)).empty
    assert series(source="Outlet B")["reports"].sum() == 3
    assert series(source="a1.txt")["reports"].sum() == 1
    assert series(country="TUR").empty
    top = store.top_actors(10, Filters(country="RUS", include_aux=True))
    assert set(top["code"]) == {"RUS", "AZE"}
    with pytest.raises(QueryError):
        store.dyad_series("AZE", "ARM", filters=Filters(start="last year"))
    with pytest.raises(QueryError):
        store.dyad_series("AZE", "ARM", by="fortnight")


def test_network_and_top_actors(store: Store) -> None:
    net = store.network(50)
    edges = {(r.source, r.target): r.events for r in net.itertuples()}
    assert edges[("AZE.MIL", "ARM.MIL")] == 1
    assert edges[("ARM", "AZE")] == 1 and edges[("AZE", "ARM")] == 1
    assert ("RUS", "AZE") not in edges  # hypothetical
    assert ("RUS", "AZE") in {(r.source, r.target) for r in store.network(50, Filters(include_aux=True)).itertuples()}
    top = store.top_actors(3)
    assert len(top) == 3 and set(top.columns) >= {"code", "name", "events", "as_actor", "as_recipient"}
    assert store.network(2)["source"].nunique() <= 2


def test_summaries_answer_like_the_dyads(store: Store) -> None:
    for f in (Filters(), Filters(include_aux=True), Filters(start="2023", end="2023")):
        assert store.rollup() in (True, False)
        fast_counts = store.counts()
        fast_net = store.network(10, f)
        fast_top = store.top_actors(10, f)
        store._rollup = False
        assert store.counts() == fast_counts
        slow_net = store._run(*aggregates.network(10, f))
        slow_top = store._run(*aggregates.top_actors(10, f))
        pd.testing.assert_frame_equal(fast_net, slow_net, check_dtype=False)
        pd.testing.assert_frame_equal(fast_top[["code", "events", "as_actor", "as_recipient"]],
                                      slow_top[["code", "events", "as_actor", "as_recipient"]], check_dtype=False)
        store._stamp = None  # re-read the manifest: summaries back on


def test_summaries_go_stale_when_parts_are_added(store: Store) -> None:
    assert store.rollup()
    assert not store.rollup()  # already current
    assert store.sql("SELECT sum(events) AS n FROM edge_rollup WHERE asserted")["n"].iloc[0] > 0
    store.add([extraction("b1", [event("ACCUSE", ["TUR"], ["ARM"])])])
    assert not store.layout.manifest().rollup_current()
    with pytest.raises(QueryError):  # stale summaries are not readable
        store.sql("SELECT * FROM edge_rollup")
    assert "edge_rollup" not in store.views()
    assert ("TUR", "ARM") in {(r.source, r.target) for r in store.network(50).itertuples()}


def test_read_only_sql(store: Store, tmp_path) -> None:
    assert store.sql("SELECT count(*) AS n FROM unique_events")["n"].iloc[0] == 4
    assert "evidence" in store.views()["events"]
    for q in (f"COPY (SELECT 1) TO '{tmp_path}/x.csv'", "CREATE TABLE t AS SELECT 1", "DROP VIEW events",
              "INSERT INTO _empty_events SELECT * FROM events", f"ATTACH '{tmp_path}/x.db'",
              "SET enable_external_access = true", "SELECT 1; SELECT 2", "SELEKT 1"):
        with pytest.raises(QueryError):
            store.sql(q)
    with pytest.raises(QueryError):  # a SELECT may not read files outside the store
        store.sql("SELECT * FROM read_csv('/etc/passwd')")
    assert not (tmp_path / "x.csv").exists()
    assert store.counts()["events"] == 7


def test_slow_queries_are_stopped(store: Store) -> None:
    with pytest.raises(QueryError, match="longer than"):
        store.sql("SELECT count(*) FROM range(100000000000) a", timeout=0.3)


def test_a_reader_sees_a_writers_batches(tmp_path) -> None:
    reader = Store(tmp_path / "s")
    writer = Store(tmp_path / "s")
    assert reader.counts()["events"] == 0
    writer.add(reports()[:1])
    assert reader.counts()["events"] == 2
    writer.add(reports()[1:2])
    writer.compact(target_rows=1000)
    assert reader.counts()["events"] == 3
    assert len(writer.layout.files("events")) == 1


def test_compaction_keeps_the_answers(store: Store) -> None:
    before = store.dyad_series("AZE", "ARM", both_directions=True)
    before_u = store.events(unique=True)[["event_key", "n_mentions"]]
    merged = store.compact(target_rows=1000)
    assert merged["events"] == 2
    pd.testing.assert_frame_equal(before, store.dyad_series("AZE", "ARM", both_directions=True))
    pd.testing.assert_frame_equal(before_u, store.events(unique=True)[["event_key", "n_mentions"]])


def test_failures_are_kept_with_their_reason(tmp_path) -> None:
    s = Store(tmp_path)
    s.add([extraction("", [], source="gone.txt", errors=[("read", "gone.txt: no such file")])])
    f = s.failures()
    assert f["source"].tolist() == ["gone.txt"] and "no such file" in f["message"].iloc[0]
    s.add([extraction("", [], source="gone.txt", errors=[("read", "gone.txt: no such file")])])
    assert len(s.failures()) == 1  # tried again: still one failure


def test_opening_a_missing_store_fails_cleanly(tmp_path) -> None:
    with pytest.raises(StoreError):
        Store(tmp_path / "nothing", create=False)
