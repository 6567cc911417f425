"""Lines repeated on many pages of one site are boilerplate on every page of the batch."""

from __future__ import annotations

from dyad.clean import clean, clean_batch
from dyad.clean.site_repeats import repeated_lines, site_key
from dyad.config import Config
from dyad.records import RawDocument

APPEAL = ("Our reporting from the region is made possible by thousands of readers who chip in every month, "
          "and every one of them makes a real difference to what we can cover.")
TOPICS = ["the port", "the border", "the election", "the harvest"]


def page(i: int) -> str:
    body = "\n".join(
        f"Paragraph {k} of the story about {TOPICS[i]}: officials said on Monday that the situation had changed "
        f"considerably since the last round of talks, and that more meetings were planned for next month."
        for k in range(4))
    return f"A headline about {TOPICS[i]} today\n{body}\n{APPEAL}\n"


def test_repeated_line_removed_only_with_the_batch(tmp_path):
    raws = [RawDocument(str(tmp_path / f"p{i}.txt"), page(i), "text/plain") for i in range(4)]
    alone = clean(raws[0], Config())
    assert APPEAL in alone.text
    docs = clean_batch(raws, Config())
    assert all(not isinstance(d, Exception) and APPEAL not in d.text for d in docs)
    assert all(not isinstance(d, Exception) and TOPICS[i] in d.text for i, d in enumerate(docs))


def test_repeated_lines_and_site_keys():
    pages = [["menu", "a"], ["menu", "b"], ["menu", "c"], ["x", "d"]]
    assert repeated_lines(pages) == frozenset({"menu"})
    assert repeated_lines(pages[:2]) == frozenset()  # too few pages to tell
    assert site_key(RawDocument("s", "", url="https://www.example.org/a")) == "example.org"
    assert site_key(RawDocument("/data/site/a.txt", "")) == "/data/site"
