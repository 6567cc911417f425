"""RSS and Atom feeds written by the tests: entries with content, or their links fetched."""

from __future__ import annotations

from dyad.config import Config
from dyad.records import Failure, RawDocument
from dyad.sources import iter_inputs

LONG = " ".join(["The delegations met again on Monday and agreed to continue the talks next month."] * 6)


def rss(items: str, title: str = "Test Wire") -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://example.org/</link><description>d</description>{items}</channel></rss>")


def item(title: str, link: str, content: str = "", summary: str = "") -> str:
    enc = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    desc = f"<description><![CDATA[{summary}]]></description>" if summary else ""
    return (f"<item><title>{title}</title><link>{link}</link><author>ann@example.org (Ann Smith)</author>"
            f"<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>{desc}{enc}</item>")


def write(path, text):
    path.write_text(text.replace("<rss version", '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                                 "version"), encoding="utf-8")
    return path


def test_rss_entries_with_content_and_hints(tmp_path):
    path = write(tmp_path / "feed.rss", rss(item("Talks resume", "https://example.org/a", content=f"<p>{LONG}</p>")))
    (doc,) = iter_inputs([str(path)], Config(fetch_urls=False))
    assert isinstance(doc, RawDocument) and doc.media_type == "text/html"
    assert doc.source == "https://example.org/a" and LONG[:40] in doc.text()
    assert doc.hints["title"] == "Talks resume" and doc.hints["published"] == "2024-03-04"
    assert doc.hints["publisher"] == "Test Wire" and doc.hints["url"] == "https://example.org/a"


def test_atom_feed(tmp_path):
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom Desk</title><id>urn:x</id><updated>2024-03-05T00:00:00Z</updated>"
            '<entry><title>Ceasefire holds</title><link href="https://example.org/b"/><id>urn:b</id>'
            "<updated>2024-03-05T08:00:00Z</updated><author><name>Bo Chen</name></author>"
            f'<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry></feed>')
    path = write(tmp_path / "desk.atom", atom)
    (doc,) = iter_inputs([str(path)], Config(fetch_urls=False))
    assert isinstance(doc, RawDocument) and doc.hints["authors"] == ["Bo Chen"]
    assert doc.hints["published"] == "2024-03-05" and doc.hints["publisher"] == "Atom Desk"


def test_entry_without_content_fetches_its_link(tmp_path, http_server):
    base, _ = http_server
    path = write(tmp_path / "feed.xml", rss(item("Talks resume", f"{base}/article", summary="Short teaser.")))
    (doc,) = iter_inputs([str(path)], Config())
    assert isinstance(doc, RawDocument) and doc.source == f"{base}/article" and b"Geneva" in doc.content
    assert doc.hints["title"] == "Talks resume"


def test_entry_without_content_when_fetching_is_off_keeps_the_summary(tmp_path):
    path = write(tmp_path / "feed.rss", rss(item("T", "https://example.org/c", summary="A summary only.")))
    (doc,) = iter_inputs([str(path)], Config(fetch_urls=False))
    assert isinstance(doc, RawDocument) and "A summary only." in doc.text()


def test_broken_entry_link_is_a_failure_naming_the_entry(tmp_path, http_server):
    base, _ = http_server
    path = write(tmp_path / "feed.rss", rss(item("Gone", f"{base}/missing") + item("Ok", "https://example.org/d",
                                                                                      content=f"<p>{LONG}</p>")))
    a, b = iter_inputs([str(path)], Config())
    assert isinstance(a, Failure) and "404" in a.message and f"{base}/missing" in a.message
    assert isinstance(b, RawDocument)


def test_a_file_that_is_not_a_feed(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<?xml version='1.0'?><notes><note>hello</note></notes>")
    (out,) = iter_inputs([str(path)], Config())
    assert isinstance(out, Failure) and "not an RSS or Atom feed" in out.message and str(path) in out.message
