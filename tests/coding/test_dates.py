from __future__ import annotations

import pytest

from dyad.coding.dates import days_before, event_date, publication_date, time_expressions
from dyad.records import EventDate

PUB = "2024-03-14"  # a Thursday


@pytest.mark.parametrize(("text", "value", "precision", "end"), [
    ("the border war of 1991-97 left deep scars", "1991", "year", "1997"),
    ("after last year's floods the ministry resigned", "2023", "year", None),
    ("reforms began in the early 2000s", "2000", "decade", "2009"),
    ("the party has ruled for nearly two decades", "2004", "year", None),
    ("the envoy arrived on Tuesday", "2024-03-12", "day", None),
    ("the talks resumed yesterday", "2024-03-13", "day", None),
    ("the ceasefire was signed on 3 May 2019", "2019-05-03", "day", None),
    ("the ceasefire was signed on May 3, 2019", "2019-05-03", "day", None),
    ("troops arrived in October 2021", "2021-10", "month", None),
    ("twelve years ago this week, the army crossed the river", "2012-03", "month", None),
    ("the parliament voted last month", "2024-02", "month", None),
    ("protests have continued for months", "2024", "year", None),
    ("since August last year the border has been closed", "2023-08", "month", None),
    ("two years into the war, the front has barely moved", "2024", "year", None),
])
def test_rules_read_time_expressions(text, value, precision, end):
    exprs = time_expressions(text, PUB)
    assert exprs, text
    d = exprs[0].date
    assert (d.value, d.precision, d.end) == (value, precision, end)
    assert d.basis in ("explicit", "relative")


def test_no_cue_is_the_publication_date():
    d = event_date("The ministry condemned the decision.", PUB)
    assert (d.value, d.precision, d.basis) == (PUB, "day", "publication")
    assert publication_date(None).basis == "unknown"


def test_relative_to_the_previous_sentence():
    prev = EventDate("2019-05-03", "day", "explicit")
    nxt = time_expressions("The next day the rebels withdrew.", PUB, prev)[0]
    assert nxt.date.value == "2019-05-04" and nxt.anchor == "previous"
    later = time_expressions("The following month the army returned.", PUB, prev)[0]
    assert later.date.value == "2019-06"


def test_month_without_year_takes_the_sentence_year():
    exprs = time_expressions("The militia entered the town in June 2015 and left by early August.", PUB)
    assert [e.date.value for e in exprs] == ["2015-06", "2015-08"]


def test_future_weekday_and_next_week():
    assert time_expressions("the ministers will meet on Monday", PUB, future=True)[0].date.value == "2024-03-18"
    assert time_expressions("the summit opens next week", PUB)[0].date.value == "2024-03"


def test_days_before_publication():
    assert days_before(EventDate("2023-01", "month", "explicit"), PUB) > 180
    assert days_before(EventDate("2024", "year", "explicit"), PUB) == 0
    assert days_before(EventDate("2024-04-01", "day", "relative"), PUB) < 0
