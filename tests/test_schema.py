"""Every record dyad writes validates against the output contract."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from dyad.api import read

SCHEMA = json.loads(resources.files("dyad").joinpath("schema", "extraction.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def assert_valid(record: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_shipped_schema_is_the_shared_contract(shared_dir):
    shared = json.loads((shared_dir / "spec" / "extraction.schema.json").read_text())
    assert shared == SCHEMA


def test_seed_records_validate(shared_dir):
    records = [ex.to_dict() for ex in read(sorted((shared_dir / "seed").glob("*.txt")))]
    assert records
    for rec in records:
        assert_valid(rec)
        assert rec["events"], "the seed article yields coded events"
        for ev in rec["events"]:
            ev_sent = ev["evidence"]
            assert rec["document"]["text"][ev_sent["start"]:ev_sent["end"]] == ev_sent["sentence"]


@pytest.mark.slow
def test_dev_records_validate(shared_dir):
    paths = sorted((shared_dir / "eval" / "dev").glob("*.txt")) + sorted((shared_dir / "eval" / "dev").glob("*.html"))
    records = [ex.to_dict() for ex in read(paths)]
    assert len(records) == len(paths)
    for rec in records:
        assert_valid(rec)
        assert not rec["errors"]


def test_failed_document_record_validates(tmp_path):
    missing = tmp_path / "nope.txt"
    (rec,) = [ex.to_dict() for ex in read([missing])]
    assert_valid(rec)
    assert rec["errors"] and str(missing) in rec["errors"][0]["message"]
    assert rec["events"] == [] and rec["entities"] == []
