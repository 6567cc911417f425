"""``dyad ingest``, ``dyad query`` and ``dyad export`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.store import Store
from dyad.store.export import GDELT_COLUMNS
from store.builders import reports  # tests/store/builders.py (tests/ is on sys.path)

TEXTS = [
    "Russia accused Azerbaijan of violating the ceasefire in Nagorno-Karabakh.",
    "Armenia and Azerbaijan agreed to mark a section of their border.",
    "Iran condemned the sanctions imposed by the United States.",
]


@pytest.fixture
def store_dir(tmp_path) -> Path:
    """A store holding known events (written through the library, as an ingest would)."""
    Store(tmp_path / "store").add(reports())
    return tmp_path / "store"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_ingest_then_again(pipe, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, t in enumerate(TEXTS):
        (folder / f"a{i}.txt").write_text(f"Item {i}\n\n{t}\n", encoding="utf-8")
    store = tmp_path / "s"
    res = invoke("ingest", str(folder), "--store", str(store))
    assert res.exit_code == 0, res.output
    assert f"{len(TEXTS)} document(s) stored" in res.output
    assert Store(store).counts()["documents"] == len(TEXTS)
    again = invoke("ingest", str(folder), str(tmp_path / "missing.txt"), "--store", str(store))
    assert again.exit_code == 1
    assert f"{len(TEXTS)} already there" in again.output
    assert "missing.txt" in again.output and "failed [read]" in again.output
    assert Store(store).counts()["documents"] == len(TEXTS)


def test_query_dyad_to_terminal_csv_and_files(store_dir, tmp_path) -> None:
    res = invoke("query", "dyad", "AZE.MIL", "ARM.MIL", "--by", "month", "--store", str(store_dir))
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0] == "period,type,quad_class,events,reports,mean_score,goldstein_sum"
    assert lines[1].startswith("2023-09-01,ASSAULT,4,1,4,")
    for suffix in ("csv", "json", "parquet"):
        out = tmp_path / f"series.{suffix}"
        res = invoke("query", "dyad", "AZE", "ARM", "--both", "--store", str(store_dir), "--out", str(out))
        assert res.exit_code == 0, res.output
        df = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[suffix](out)
        assert set(df["type"]) == {"ASSAULT", "ACCUSE", "AGREE"}


def test_query_actors_network_events_failures(store_dir) -> None:
    res = invoke("query", "actors", "--country", "ARM", "--store", str(store_dir))
    assert res.exit_code == 0
    codes = {line.split(",")[0] for line in res.output.strip().splitlines()[1:]}
    assert "ARM.MIL" in codes and "RUS" not in codes
    res = invoke("query", "network", "--top", "10", "--store", str(store_dir))
    assert "AZE.MIL,ARM.MIL,1,4" in res.output
    res = invoke("query", "events", "--unique", "--type", "ASSAULT", "--store", str(store_dir))
    assert res.exit_code == 0 and res.output.count("ASSAULT") >= 1
    assert invoke("query", "failures", "--store", str(store_dir)).exit_code == 0
    assert "unique_events" in invoke("query", "views", "--store", str(store_dir)).output


def test_query_sql_is_read_only(store_dir) -> None:
    res = invoke("query", "sql", "SELECT count(*) AS n FROM events", "--store", str(store_dir))
    assert res.exit_code == 0 and res.output.splitlines() == ["n", "7"]
    bad = invoke("query", "sql", "DELETE FROM events", "--store", str(store_dir))
    assert bad.exit_code != 0 and "only SELECT" in bad.output
    assert Store(store_dir).counts()["events"] == 7


def test_query_a_missing_store(tmp_path) -> None:
    res = invoke("query", "actors", "--store", str(tmp_path / "nope"))
    assert res.exit_code != 0 and "no dyad store" in res.output
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "polecat", "gdelt"])
def test_export_every_format(store_dir, tmp_path, fmt) -> None:
    out = tmp_path / f"events.{fmt}"
    res = invoke("export", "--format", fmt, "--out", str(out), "--store", str(store_dir))
    assert res.exit_code == 0, res.output
    assert "left out (1;" in res.output
    assert out.stat().st_size > 0
    meta = json.loads(out.with_name(out.name + ".meta.json").read_text())
    assert meta["format"] == fmt and meta["include_aux"] is False
    if fmt == "gdelt":
        df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str)
        assert len(df.columns) == 61 and "190" in set(df["EventCode"])
    res = invoke("export", "--format", fmt, "--out", str(out), "--store", str(store_dir), "--include-aux")
    assert "included" in res.output
