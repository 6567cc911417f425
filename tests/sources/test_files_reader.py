"""Files, directories, globs, .gz and stdin, read from real files the tests write."""

from __future__ import annotations

import gzip
import io
import sys

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources import iter_inputs
from dyad.sources.files import input_kind, media_type_for

HTML = b"<!doctype html><html><body><p>Hello from a page.</p></body></html>"
TEXT = b"A plain text article.\n\nIts second paragraph.\n"


def test_file_directory_and_glob(tmp_path):
    (tmp_path / "a.html").write_bytes(HTML)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_bytes(TEXT)
    (sub / "ignored.png").write_bytes(b"\x89PNG")
    docs = list(iter_inputs([str(tmp_path)], Config()))
    assert [type(d) for d in docs] == [RawDocument, RawDocument]
    assert [d.media_type for d in docs] == ["text/html", "text/plain"]
    assert docs[1].source == str(sub / "b.txt")
    globbed = list(iter_inputs([str(tmp_path / "**" / "*.txt")], Config()))
    assert [d.source for d in globbed] == [str(sub / "b.txt")]
    single = list(iter_inputs([str(tmp_path / "a.html")], Config()))
    assert single[0].source == str(tmp_path / "a.html") and single[0].content == HTML


def test_gzip_file_is_decompressed(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML))
    (doc,) = iter_inputs([str(path)], Config())
    assert isinstance(doc, RawDocument) and doc.content == HTML and doc.media_type == "text/html"


def test_truncated_gzip_is_a_failure_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(gzip.compress(TEXT * 50)[:-30])
    good = tmp_path / "good.txt"
    good.write_bytes(TEXT)
    out = list(iter_inputs([str(bad), str(good)], Config()))
    assert isinstance(out[0], Failure) and str(bad) in out[0].message and "gzip" in out[0].message
    assert isinstance(out[1], RawDocument)


def test_gzip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    (out,) = iter_inputs([str(bomb)], Config(max_decompressed_ratio=10))
    assert isinstance(out, Failure) and "limit" in out.message


def test_missing_file_and_empty_glob(tmp_path):
    out = list(iter_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")], Config()))
    assert all(isinstance(o, Failure) for o in out)
    assert "no such file" in out[0].message and "no file matches" in out[1].message


def test_too_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    (out,) = iter_inputs([str(path)], Config(max_bytes=1000))
    assert isinstance(out, Failure) and "max_bytes" in out.message


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML)))
    (doc,) = iter_inputs(["-"], Config())
    assert isinstance(doc, RawDocument) and doc.source == "-" and doc.media_type == "text/html"


def test_kinds_and_media_types():
    assert input_kind("crawl.warc.gz") == "warc" and input_kind("x.arc") == "warc"
    assert input_kind("export.jsonl") == "jsonl" and input_kind("feed.rss") == "feed"
    assert input_kind("page.html.gz") == "file"
    assert media_type_for("x", b"<html><body>x</body></html>") == "text/html"
    assert media_type_for("x", b"just words") == "text/plain"
