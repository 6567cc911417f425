"""JSON Lines exports: the text field (given or detected), hints, malformed lines."""

from __future__ import annotations

import gzip
import json

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources import iter_inputs


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_detects_text_and_html_fields_and_keeps_hints(tmp_path):
    path = tmp_path / "crawl.jsonl"
    write_lines(path, [
        json.dumps({"text": "Plain body text.", "title": "A title", "url": "https://example.org/a",
                    "date": "2024-03-01T10:00:00", "author": "Ann Smith"}),
        json.dumps({"html": "<html><body><p>Page</p></body></html>", "publisher": "Example News",
                    "timestamp": 1709287200}),
    ])
    a, b = iter_inputs([str(path)], Config())
    assert isinstance(a, RawDocument) and a.content == "Plain body text." and a.media_type == "text/plain"
    assert a.source == f"{path}:1" and a.url == "https://example.org/a"
    assert a.hints == {"title": "A title", "url": "https://example.org/a", "published": "2024-03-01",
                       "authors": ["Ann Smith"]}
    assert isinstance(b, RawDocument) and b.media_type == "text/html" and b.hints["publisher"] == "Example News"
    assert b.hints["published"] == "2024-03-01"


def test_field_option_and_missing_field(tmp_path):
    path = tmp_path / "x.jsonl"
    write_lines(path, [json.dumps({"maintext": "Body one.", "text": "not this"}), json.dumps({"other": 1})])
    a, b = iter_inputs([str(path)], Config(jsonl_field="maintext"))
    assert isinstance(a, RawDocument) and a.content == "Body one."
    assert isinstance(b, Failure) and "maintext" in b.message and f"{path}:2" in b.message


def test_malformed_line_is_a_failure_and_the_file_goes_on(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    text = "\n".join([json.dumps({"text": "First."}), '{"text": "broken', "[1, 2]", json.dumps({"text": "Last."})])
    path.write_bytes(gzip.compress(text.encode()))
    out = list(iter_inputs([str(path)], Config()))
    assert [type(o).__name__ for o in out] == ["RawDocument", "Failure", "Failure", "RawDocument"]
    assert f"{path}:2" in out[1].message and "malformed JSON" in out[1].message
    assert "must be an object" in out[2].message
