"""Event dates: explicit dates in the sentence first, else the publication date."""

from __future__ import annotations

import re

from dyad.records import EventDate

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)


def event_date(sentence: str, published: str | None) -> EventDate:
    m = MONTH_YEAR.search(sentence)
    if m:
        return EventDate(f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}", "month", "explicit", text=m.group(0))
    y = YEAR.search(sentence)
    if y:
        return EventDate(y.group(1), "year", "explicit", text=y.group(0))
    if published:
        return EventDate(published[:10], "day", "publication")
    return EventDate(None, None, "unknown")
