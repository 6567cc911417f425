"""``dyad extract`` through the real console script, as a user runs it."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad import __version__
from dyad.cli import main

ROOT = Path(__file__).resolve().parents[2]
DYAD = [sys.executable, "-m", "dyad", "extract"]
ARTICLE = (
    "Armenia and Azerbaijan agreed on Friday to open talks on their border. "
    "Russia accused Ukraine of shelling the city of Belgorod."
)


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([*DYAD, *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


def test_version_and_help_on_every_command():
    runner = CliRunner()
    assert __version__ in runner.invoke(main, ["--version"]).output
    for name, cmd in main.commands.items():
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0, name
        assert (cmd.help or "").split("\n")[0][:20] in res.output


@pytest.mark.slow
def test_files_directories_globs_gz_and_stdin(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><article><p>{ARTICLE}</p></article></body></html>")
    with gzip.open(tmp_path / "sub" / "c.txt.gz", "wt") as f:
        f.write(ARTICLE.replace("Friday", "Monday"))
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    res = run(str(tmp_path / "a.txt"), str(tmp_path / "sub"), str(tmp_path / "*.txt"))
    assert res.returncode == 0, res.stderr
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [Path(r["document"]["source"]).name for r in recs] == ["a.txt", "b.html", "c.txt.gz", "a.txt"]
    assert all(r["events"] for r in recs)
    res = run("-", stdin=ARTICLE)
    assert res.returncode == 0
    (rec,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert rec["document"]["source"] == "-" and {e["type"] for e in rec["events"]} >= {"AGREE", "ACCUSE"}


@pytest.mark.slow
def test_a_failing_document_does_not_stop_the_batch(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out.jsonl"
    res = run(str(empty), str(tmp_path / "missing.txt"), str(good), "--out", str(out))
    assert res.returncode == 1
    assert "missing.txt" in res.stderr and "2 document(s) failed" in res.stderr
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 3
    assert recs[0]["errors"][0]["message"].startswith(str(empty)) and "empty" in recs[0]["errors"][0]["message"]
    assert recs[1]["errors"] and "no such file" in recs[1]["errors"][0]["message"]
    assert not recs[2]["errors"] and recs[2]["events"]
