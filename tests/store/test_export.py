"""Exports: dyad's own records and the GDELT 2.0 / POLECAT column sets."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dyad.errors import QueryError
from dyad.store import Filters, Store
from dyad.store.export import GDELT_COLUMNS, POLECAT_COLUMNS, POLECAT_EXTRA

from .builders import event, extraction, reports


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "store")
    s.add(reports())
    s.add([extraction("c1", [event("SANCTION", ["USA", "EU"], ["RUS.GOV", "IRN"], "2023-10-05", cameo="163",
                                   quad=4, score=-6.0, goldstein=-8.0, sentence="The US and EU sanctioned them.")],
                      published="2023-10-06")])
    return s


def read_gdelt(path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, keep_default_na=False)


def test_gdelt_has_61_columns_one_row_per_dyad_of_each_real_event(store: Store, tmp_path) -> None:
    out = tmp_path / "events.gdelt.tsv"
    summary = store.export("gdelt", out)
    df = read_gdelt(out)
    assert len(GDELT_COLUMNS) == 61
    assert all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())
    assert summary.rows == len(df)
    sanction = df[df["EventCode"] == "163"]
    assert set(zip(sanction["Actor1Code"], sanction["Actor2Code"], strict=True)) == {
        ("USA", "RUSGOV"), ("USA", "IRN"), ("EU", "RUSGOV"), ("EU", "IRN")}
    eu = sanction[sanction["Actor1Code"] == "EU"].iloc[0]
    assert eu["Actor1CountryCode"] == "" and eu["Actor1KnownGroupCode"] == "EU"
    rus = sanction[sanction["Actor2Code"] == "RUSGOV"].iloc[0]
    assert rus["Actor2CountryCode"] == "RUS" and rus["Actor2Type1Code"] == "GOV"
    assert sanction["GLOBALEVENTID"].nunique() == 4
    assault = df[df["EventCode"] == "190"].iloc[0]
    assert (assault["NumMentions"], assault["NumArticles"], assault["NumSources"]) == ("4", "3", "2")
    assert assault["SQLDATE"] == "20230919" and assault["MonthYear"] == "202309" and assault["Year"] == "2023"
    assert assault["QuadClass"] == "4" and float(assault["GoldsteinScale"]) == -10.0
    assert assault["EventRootCode"] == "19" and assault["EventBaseCode"] == "190"
    assert assault["ActionGeo_CountryCode"] == "AJ"  # FIPS, as in GDELT
    assert assault["ActionGeo_Type"] == "4" and assault["ActionGeo_FeatureID"] == "587084"
    assert assault["Actor1Name"] == "AZERBAIJAN MIL"
    assert len(assault["DATEADDED"]) == 14
    agree = df[df["EventCode"] == "057"]
    assert len(agree) == 2  # reciprocal: both directions; leading zero kept
    assert "138" not in set(df["EventCode"])  # hypothetical: left out by default


def test_gdelt_aux_events_on_request_and_stated(store: Store, tmp_path) -> None:
    out = tmp_path / "all.tsv"
    store.export("gdelt", out, filters=Filters(include_aux=True))
    assert "138" in set(read_gdelt(out)["EventCode"])
    meta = json.loads((tmp_path / "all.tsv.meta.json").read_text())
    assert meta["include_aux"] is True and "included" in meta["aux_modes"]
    store.export("gdelt", out)
    meta = json.loads((tmp_path / "all.tsv.meta.json").read_text())
    assert meta["include_aux"] is False and meta["left_out_aux"] == 1


def test_polecat_columns_in_order_then_dyads_own(store: Store, tmp_path) -> None:
    out = tmp_path / "p.tsv"
    store.export("polecat", out)
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == [*POLECAT_COLUMNS, *POLECAT_EXTRA]
    assert len(df) == 7  # one row per report, aux left out
    s = df[df["Event Type"] == "SANCTION"].iloc[0]
    assert s["Actor Name"] == "United States;European Union"
    assert s["Recipient Country"] == "RUS;IRN"
    assert s["Primary Recipient Sector"] == "GOV"
    a = df[df["Event Type"] == "ASSAULT"].iloc[0]
    assert a["Placename"] == "Baku" and a["City"] == "Baku" and a["GeoNames ID"] == "587084"
    assert a["Story Locations"] == "Baku"
    assert a["Evidence"] and a["Date Precision"] == "day"
    unique = tmp_path / "u.tsv"
    store.export("polecat", unique, unique=True)
    assert len(pd.read_csv(unique, sep="\t")) == 4


def test_own_formats_round_trip(store: Store, tmp_path) -> None:
    store.export("parquet", tmp_path / "e.parquet")
    t = pq.read_table(tmp_path / "e.parquet")
    assert t.num_rows == 7 and "actor" in t.column_names
    store.export("jsonl", tmp_path / "e.jsonl", unique=True)
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(rows) == 4 and all(isinstance(r["evidence"], list) for r in rows)
    store.export("csv", tmp_path / "e.csv", filters=Filters(include_aux=True))
    df = pd.read_csv(tmp_path / "e.csv")
    assert len(df) == 8
    assert json.loads(df["actor"].iloc[0])[0]["code"]


def test_bad_requests(store: Store, tmp_path) -> None:
    with pytest.raises(QueryError):
        store.export("excel", tmp_path / "x")
    with pytest.raises(QueryError):
        store.export("gdelt", tmp_path / "x", unique=False)
    with pytest.raises(QueryError):
        store.export("jsonl", tmp_path / "x", unique=True, filters=Filters(source="Outlet A"))
