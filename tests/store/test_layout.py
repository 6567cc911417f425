"""The folder of parts: atomic, content-named parts; one manifest; compaction."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dyad.errors import StoreError
from dyad.store.layout import SCHEMAS, Layout, part_name


def failures(sources: list[str]) -> pa.Table:
    n = len(sources)
    return pa.table({"source": sources, "doc_id": [None] * n, "url": [None] * n, "stage": ["read"] * n,
                     "message": [f"{s}: gone" for s in sources], "ingested": [None] * n},
                    schema=SCHEMAS["failures"])


def test_part_names_depend_on_keys_not_order() -> None:
    assert part_name("events", ["b", "a"]) == part_name("events", ["a", "b", "a"])
    assert part_name("events", ["a"]) != part_name("events", ["b"])
    assert part_name("events", ["a"]) != part_name("dyads", ["a"])


def test_a_new_layout_has_an_empty_manifest(tmp_path) -> None:
    layout = Layout(tmp_path / "s")
    m = layout.manifest()
    assert all(parts == () for parts in m.parts.values())
    assert (tmp_path / "s" / "events").is_dir()
    with pytest.raises(StoreError):
        Layout(tmp_path / "missing", create=False)


def test_batches_become_live_together_and_are_written_once(tmp_path) -> None:
    layout = Layout(tmp_path)
    m1 = layout.write_batch({"failures": failures(["a", "b"])})
    name = m1.parts["failures"][0]
    mtime = (tmp_path / "failures" / name).stat().st_mtime_ns
    m2 = layout.write_batch({"failures": failures(["b", "a"])})  # the same rows again
    assert m2.parts["failures"] == (name,)
    assert (tmp_path / "failures" / name).stat().st_mtime_ns == mtime
    assert m2.generation == m1.generation + 1
    assert not list(tmp_path.rglob(".tmp-*"))
    on_disk = json.loads((tmp_path / "manifest.json").read_text())
    assert on_disk["parts"]["failures"] == [name]


def test_uncommitted_parts_are_invisible_and_found_as_orphans(tmp_path) -> None:
    layout = Layout(tmp_path)
    layout.write_part("failures", failures(["x"]))  # a writer died before committing
    assert layout.manifest().parts["failures"] == ()
    assert len(layout.orphans(older_than=0)) == 1


def test_compaction_merges_parts_and_keeps_every_row(tmp_path) -> None:
    layout = Layout(tmp_path)
    for i in range(5):
        layout.write_batch({"failures": failures([f"s{i}a", f"s{i}b"])})
    before = layout.files("failures")
    assert len(before) == 5
    merged = layout.compact(target_rows=100)
    assert merged == {"failures": 5}
    after = layout.files("failures")
    assert len(after) == 1
    assert not any(f.exists() for f in before)
    rows = pq.read_table(after[0]).column("source").to_pylist()
    assert sorted(rows) == sorted(f"s{i}{c}" for i in range(5) for c in "ab")
