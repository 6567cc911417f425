"""Fuzzing the readers and the cleaner: whatever the bytes, no exception escapes the
per-document boundary; each input gives documents or failures that name it."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.clean import clean
from dyad.config import Config
from dyad.errors import DyadError
from dyad.records import Failure, RawDocument
from dyad.sources import iter_inputs

CONFIG = Config(fetch_urls=False)
SUFFIXES = [".txt", ".html", ".txt.gz", ".jsonl", ".warc", ".warc.gz", ".rss", ".xml"]
TAGS = ["<html>", "<body>", "<article>", "<p>", "</p>", "<div>", "</div>", "<script>", "<h1>", "<!--", "-->",
        "<br/>", "&amp;", "&#0;", "\x00", "\ufeff", "<rss>", "<item>", "<title>", "{\"text\": ", "WARC/1.0\r\n"]
markup = st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=40)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=2000), markup.map(str.encode)),
       media_type=st.sampled_from(["text/html", "text/plain"]))
def test_cleaning_never_raises_anything_but_a_dyad_error(content: bytes, media_type: str) -> None:
    raw = RawDocument(source="fuzz", content=content, media_type=media_type)
    try:
        doc = clean(raw, CONFIG)
    except DyadError as exc:
        assert exc.reason
    else:
        assert doc.text.strip() and doc.id


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=3000), markup.map(str.encode)), suffix=st.sampled_from(SUFFIXES))
def test_readers_yield_documents_or_failures_naming_the_input(tmp_path_factory, content: bytes, suffix: str):
    folder = tmp_path_factory.mktemp("fuzz")
    path = Path(folder) / f"input{suffix}"
    path.write_bytes(gzip.compress(content) if suffix.endswith(".gz") and content[:1] == b"a" else content)
    out = list(iter_inputs([str(path)], CONFIG))
    for item in out:
        assert isinstance(item, (RawDocument, Failure))
        assert item.source.startswith(str(path)) or item.source.startswith("<urn:")
        if isinstance(item, Failure):
            assert item.source.startswith(str(path)) and item.source.split(":")[0] in item.message, item
