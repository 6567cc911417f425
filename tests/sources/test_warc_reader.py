"""WARC/ARC archives written with warcio: response records with HTML become documents."""

from __future__ import annotations

import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources import iter_inputs

PAGE = b"<html><head><title>T</title></head><body><p>An archived article.</p></body></html>"


def write_warc(path, records, gz=True):
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, ctype, body, status in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
            writer.write_record(rec)
        info = writer.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test"))
        writer.write_record(info)


def test_response_records_with_pages(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://example.org/a", "text/html; charset=utf-8", PAGE, "200 OK"),
        ("https://example.org/logo.png", "image/png", b"\x89PNG....", "200 OK"),
        ("https://example.org/gone", "text/html", b"<html>gone</html>", "404 Not Found"),
        ("https://example.org/b.txt", "text/plain", b"Plain text record.", "200 OK"),
    ])
    docs = list(iter_inputs([str(path)], Config()))
    assert [type(d) for d in docs] == [RawDocument, RawDocument]
    a, b = docs
    assert a.url == "https://example.org/a" and a.content == PAGE and a.media_type == "text/html"
    assert a.source.startswith("<urn:uuid:") and a.hints["url"] == a.url and a.fetched
    assert b.media_type == "text/plain" and b.content == b"Plain text record."


def test_uncompressed_warc(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://example.org/a", "text/html", PAGE, "200 OK")], gz=False)
    (doc,) = iter_inputs([str(path)], Config())
    assert isinstance(doc, RawDocument) and doc.content == PAGE


def test_invalid_warc_is_a_failure_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not an archive at all\r\n\r\n")
    good = tmp_path / "ok.txt"
    good.write_text("Still read.")
    out = list(iter_inputs([str(bad), str(good)], Config()))
    assert isinstance(out[0], Failure) and str(bad) in out[0].message and "WARC" in out[0].message
    assert isinstance(out[-1], RawDocument)


def test_truncated_warc_keeps_the_records_before_the_break(tmp_path):
    path = tmp_path / "t.warc.gz"
    write_warc(path, [("https://example.org/a", "text/html", PAGE, "200 OK"),
                      ("https://example.org/b", "text/html", PAGE * 200, "200 OK")])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    out = list(iter_inputs([str(path)], Config()))
    assert isinstance(out[0], RawDocument)
    assert any(isinstance(o, Failure) and "truncated" in o.message for o in out)


def test_record_over_max_bytes(tmp_path):
    path = tmp_path / "big.warc.gz"
    write_warc(path, [("https://example.org/big", "text/html", PAGE * 100, "200 OK")])
    (out,) = iter_inputs([str(path)], Config(max_bytes=2000))
    assert isinstance(out, Failure) and "max_bytes" in out.message and "example.org/big" in out.message


def test_gzip_helper_is_used_for_real(tmp_path):
    # a .warc.gz written by warcio is a multi-member gzip: each record its own member
    path = tmp_path / "m.warc.gz"
    write_warc(path, [("https://example.org/a", "text/html", PAGE, "200 OK")])
    assert gzip.decompress(path.read_bytes()).startswith(b"WARC/1")
