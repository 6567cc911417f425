"""Bylines and datelines in the shapes news sites print them."""

from __future__ import annotations

import pytest

from dyad.clean.byline import find_date, looks_like_name, parse_byline


@pytest.mark.parametrize(("line", "date", "authors"), [
    ("November 25, 2021 - Ann Lee - Articles and Commentary", "2021-11-25", ["Ann Lee"]),
    ("By Ann Lee and Bo Chen 18 October 2025, 16:12 GMT+4", "2025-10-18", ["Ann Lee", "Bo Chen"]),
    ("By Lin Mei-hua in Taipei and James Ford in Hong Kong", None, ["Lin Mei-hua", "James Ford"]),
    ("Olena Koval, Odesa 17.09.2024 15:47 Updated: 18.09.2024 08:10", "2024-09-17", ["Olena Koval"]),
    ("Words by Helen Marsh Saturday 11 June 2022 8 min read", "2022-06-11", ["Helen Marsh"]),
    ("Published: 12 October 2019 - 18:05 (GMT+3)", "2019-10-12", []),
    ("Apr 21, 2026, 9:58 PM GMT+8", "2026-04-21", []),
    ("12/31/2022 Caracas", "2022-12-31", []),
])
def test_bylines(line, date, authors):
    by = parse_byline(line)
    assert by is not None and by.published == date and by.authors == authors


def test_publisher_is_not_an_author():
    by = parse_byline("By Evan Dorsey | Island Wire Service July 13, 2024", {"island wire service"})
    assert by is not None and by.authors == ["Evan Dorsey"]


def test_sentences_and_menus_are_not_bylines():
    assert parse_byline("Home » Articles » Georgia") is None
    assert parse_byline("The army said on 12 March 2024 that its forces had withdrawn from the town "
                        "after two weeks of fighting.") is None
    assert parse_byline("EN PL UA") is None


def test_dates_and_names():
    assert find_date("posted 2024-02-29 at noon")[0] == "2024-02-29"
    assert find_date("31.02.2024") is None
    assert looks_like_name("Mary-Anne de Vries") and not looks_like_name("Caribbean Wire Service")
