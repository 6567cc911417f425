"""URLs fetched from a real HTTP server on 127.0.0.1: limits and clear errors."""

from __future__ import annotations

import socket

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources import iter_inputs


def test_fetches_a_page(http_server):
    base, _ = http_server
    (doc,) = iter_inputs([f"{base}/article"], Config())
    assert isinstance(doc, RawDocument) and doc.source == f"{base}/article"
    assert doc.media_type == "text/html" and b"Geneva" in doc.content and doc.fetched


def test_follows_redirects_within_the_limit(http_server):
    base, _ = http_server
    (doc,) = iter_inputs([f"{base}/redirect/2"], Config(fetch_max_redirects=3))
    assert isinstance(doc, RawDocument) and doc.url == f"{base}/article"
    (out,) = iter_inputs([f"{base}/redirect/5"], Config(fetch_max_redirects=3))
    assert isinstance(out, Failure) and "more than 3 redirects" in out.message


def test_http_error_and_size_limit(http_server):
    base, routes = http_server
    (out,) = iter_inputs([f"{base}/missing"], Config())
    assert isinstance(out, Failure) and "HTTP 404" in out.message and f"{base}/missing" in out.message
    routes["/big"] = (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")
    (out,) = iter_inputs([f"{base}/big"], Config(max_bytes=1000))
    assert isinstance(out, Failure) and "max_bytes" in out.message


def test_timeout(http_server):
    base, _ = http_server
    (out,) = iter_inputs([f"{base}/slow"], Config(fetch_timeout=0.3))
    assert isinstance(out, Failure) and out.stage == "fetch" and "timed out" in out.message


def test_not_a_page(http_server):
    base, routes = http_server
    routes["/logo.png"] = (200, "image/png", b"\x89PNG")
    (out,) = iter_inputs([f"{base}/logo.png"], Config())
    assert isinstance(out, Failure) and "image/png" in out.message


def test_feed_url_is_read_as_a_feed(http_server):
    base, routes = http_server
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>T</title>'
            f"<link>{base}/article</link><description>A teaser.</description>"
            "</item></channel></rss>")
    routes["/feed"] = (200, "application/rss+xml", body.encode())
    (doc,) = iter_inputs([f"{base}/feed"], Config())
    assert isinstance(doc, RawDocument) and doc.source == f"{base}/article" and b"Geneva" in doc.content
    assert doc.hints["publisher"] == "Wire"


def test_offline_or_refused_is_a_clear_failure():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (out,) = iter_inputs([f"http://127.0.0.1:{port}/a"], Config(fetch_timeout=2))
    assert isinstance(out, Failure) and "cannot connect" in out.message


def test_fetching_disabled():
    (out,) = iter_inputs(["https://example.org/a"], Config(fetch_urls=False))
    assert isinstance(out, Failure) and "--no-fetch" in out.message
