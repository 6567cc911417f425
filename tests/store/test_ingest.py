"""Ingest with the real pipeline: idempotent, resumable, failures kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad.ingest import IngestProgress, count_inputs, ingest
from dyad.store import Store

TEXTS = [
    "Russia accused Azerbaijan of violating the ceasefire in Nagorno-Karabakh.",
    "Armenia and Azerbaijan agreed to mark a section of their border.",
    "Turkish troops shelled Syrian army positions near the border.",
    "Iran condemned the sanctions imposed by the United States.",
    "Georgia asked the European Union for more monitors along the boundary line.",
    "France sent humanitarian aid to Armenia after the earthquake.",
]


def write_texts(folder: Path, texts: list[str] = TEXTS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, t in enumerate(texts):
        p = folder / f"article-{i}.txt"
        p.write_text(f"News item {i}\n\n{t}\n\nOfficials gave no further details on day {i}.\n", encoding="utf-8")
        paths.append(p)
    return paths


def test_ingest_keeps_what_the_pipeline_codes(pipe, tmp_path) -> None:
    write_texts(tmp_path / "in")
    expected = list(pipe.run(_raws(tmp_path / "in", pipe)))
    seen: list[int] = []
    report = ingest([str(tmp_path / "in")], tmp_path / "store", pipeline=pipe,
                    on_progress=lambda p: seen.append(p.done))
    p = report.progress
    assert (p.done, p.stored, p.failures, p.total) == (len(TEXTS), len(TEXTS), 0, len(TEXTS))
    assert seen and seen[-1] == len(TEXTS)
    c = Store(tmp_path / "store").counts()
    assert c["documents"] == len(TEXTS)
    assert c["events"] == p.events == sum(len(ex.events) for ex in expected)
    assert c["mentions"] == sum(len(ex.mentions) for ex in expected)
    assert c["unique_events"] <= c["events"]
    assert report.after == c


def _raws(folder: Path, pipe):
    from dyad.sources import iter_inputs

    return iter_inputs([str(folder)], pipe.config)


def test_re_ingesting_adds_nothing(pipe, tmp_path) -> None:
    write_texts(tmp_path / "in")
    ingest([str(tmp_path / "in")], tmp_path / "store", pipeline=pipe)
    files = sorted(p.name for p in (tmp_path / "store").rglob("*.parquet"))
    before = Store(tmp_path / "store").counts()
    again = ingest([str(tmp_path / "in")], tmp_path / "store", pipeline=pipe)
    assert again.progress.skipped == len(TEXTS) and again.progress.done == 0
    assert Store(tmp_path / "store").counts() == before
    assert sorted(p.name for p in (tmp_path / "store").rglob("*.parquet")) == files


def test_the_same_article_under_another_name_is_stored_once(pipe, tmp_path) -> None:
    paths = write_texts(tmp_path / "in", TEXTS[:2])
    (tmp_path / "copy.txt").write_bytes(paths[0].read_bytes())
    report = ingest([str(tmp_path / "in"), str(tmp_path / "copy.txt")], tmp_path / "store", pipeline=pipe)
    assert report.progress.duplicates == 1
    assert Store(tmp_path / "store").counts()["documents"] == 2


def test_failures_are_stored_listed_and_retried(pipe, tmp_path) -> None:
    write_texts(tmp_path / "in", TEXTS[:1])
    missing = str(tmp_path / "missing.txt")
    report = ingest([str(tmp_path / "in"), missing], tmp_path / "store", pipeline=pipe)
    assert [f[0] for f in report.failed] == [missing]
    store = Store(tmp_path / "store")
    assert store.failures()["source"].tolist() == [missing]
    Path(missing).write_text("Russia warned Georgia about the new border posts.\n", encoding="utf-8")
    report = ingest([str(tmp_path / "in"), missing], tmp_path / "store", pipeline=pipe)
    assert report.failed == [] and report.progress.skipped == 1
    assert store.failures().empty
    assert store.counts()["documents"] == 2


def test_an_interrupted_ingest_keeps_what_it_reported_and_resumes(pipe, tmp_path) -> None:
    write_texts(tmp_path / "in")
    reported: list[int] = []

    def stop_after_three(p: IngestProgress) -> None:
        reported.append(p.stored)
        if p.done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([str(tmp_path / "in")], tmp_path / "store", pipeline=pipe, batch_docs=1,
               on_progress=stop_after_three)
    stored = Store(tmp_path / "store").counts()["documents"]
    assert stored >= max(reported) >= 2
    report = ingest([str(tmp_path / "in")], tmp_path / "store", pipeline=pipe)
    assert report.progress.skipped == stored
    docs = Store(tmp_path / "store").sql("SELECT doc_id, count(*) AS n FROM documents GROUP BY doc_id")
    assert len(docs) == len(TEXTS) and docs["n"].max() == 1


def test_count_inputs(tmp_path) -> None:
    write_texts(tmp_path / "in", TEXTS[:3])
    (tmp_path / "in" / "notes.md").write_text("not an article")
    assert count_inputs([str(tmp_path / "in")]) == 3
    assert count_inputs([str(tmp_path / "in" / "*.txt")]) == 3
    assert count_inputs([str(tmp_path / "feed.jsonl")]) is None


@pytest.mark.slow
def test_kill_9_loses_nothing_reported_stored(tmp_path) -> None:
    texts = [f"{t} Report {i}." for i in range(4) for t in TEXTS]
    write_texts(tmp_path / "in", texts)
    store_dir = tmp_path / "store"
    cmd = [sys.executable, "-m", "dyad", "ingest", str(tmp_path / "in"), "--store", str(store_dir),
           "--commit-every", "1", "--batch-size", "1"]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if (store_dir / "manifest.json").exists() and Store(store_dir).counts()["documents"] >= 3:
                break
            time.sleep(0.2)
        committed = Store(store_dir).counts()["documents"]
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert committed >= 3
    assert Store(store_dir).counts()["documents"] >= committed  # nothing committed was lost
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    docs = Store(store_dir).sql("SELECT doc_id, count(*) AS n FROM documents GROUP BY doc_id")
    assert len(docs) == len(texts) and docs["n"].max() == 1
