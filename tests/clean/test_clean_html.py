"""HTML pages: trafilatura's body, then what it misses (boxes, headings, byline, bio)."""

from __future__ import annotations

from dyad.clean import clean
from dyad.clean.html import clean_html
from dyad.clean.visible import visible_lines
from dyad.config import Config
from dyad.records import RawDocument

P1 = ("Officials from both governments met in the capital on Tuesday to discuss the border, the foreign "
      "ministry said in a statement released after the talks ended late in the evening.")
P2 = ("The two sides agreed to set up a joint commission that will meet every month, and to exchange maps "
      "of the disputed section before the end of the year, according to the statement.")
P3 = ("Analysts said the agreement was a modest step but that it could open the way to a broader treaty "
      "if both parliaments approve it before the elections planned for the spring.")
PAGE = f"""<!doctype html><html><head><title>Border commission to meet monthly | Northern Ledger</title>
<meta property="og:site_name" content="Northern Ledger"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article>
<h1>Border commission to meet monthly</h1>
<p class="byline">By Jane Doe | March 3, 2024</p>
<p>{P1}</p>
<p>{P2}</p>
<div class="donate"><p>Support our journalism. Northern Ledger is reader-funded: please make a donation today
 so that we can keep our reporting free for everyone.</p></div>
<h2>What happens next</h2>
<p>{P3}</p>
<p>Read also: Parliament to debate the border deal</p>
</article>
<section class="comments"><h3>Comments (2)</h3><p>Great news for everyone living in the border villages.</p></section>
</main>
<footer><p>© 2024 Northern Ledger Ltd. All rights reserved.</p></footer>
<div class="cookie">We use cookies to personalise content. Accept all cookies or manage your preferences.</div>
</body></html>"""


def test_body_headings_and_metadata():
    doc = clean_html(PAGE, "page.html")
    assert doc.text.split("\n\n") == [P1, P2, "What happens next", P3]
    assert doc.headings == ["What happens next"]
    assert doc.title == "Border commission to meet monthly"
    assert doc.authors == ["Jane Doe"] and doc.published == "2024-03-03"
    assert doc.publisher == "Northern Ledger"
    assert any("donation" in r for r in doc.removed)


def test_clean_sets_id_and_language():
    doc = clean(RawDocument("page.html", PAGE.encode(), "text/html"), Config())
    assert doc.language == "en" and len(doc.id) == 16


def test_hints_fill_what_the_page_lacks():
    page = f"<html><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"
    raw = RawDocument("feed-entry", page, "text/html", hints={"title": "From the feed", "authors": ["Bo Chen"]})
    doc = clean(raw, Config())
    assert doc.title == "From the feed" and doc.authors == ["Bo Chen"]


def test_visible_lines_in_reading_order():
    lines = visible_lines(PAGE)
    assert lines[0] == "Border commission to meet monthly | Northern Ledger"
    assert lines.index(P1) < lines.index(P3) < lines.index("© 2024 Northern Ledger Ltd. All rights reserved.")
    assert not any("<" in ln for ln in lines)
