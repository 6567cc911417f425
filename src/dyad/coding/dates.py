"""Event dates: time expressions in a sentence, resolved against the publication date.

Our own rules come first (they handle "1988-94", "last year's war", "early 1990s",
"for nearly three decades", "one year into the mandate", "on Tuesday", "fifteen years
ago"), ``dateparser`` only for the day-month forms the rules find but cannot read. Each
expression is a ``TimeExpr`` with its character span, so the coder can pick the one
nearest the trigger. No cue: the publication date (basis "publication").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dyad.records import EventDate

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen twenty")
NUMBERS = {w: i for i, w in enumerate(NUMBER_WORDS.split(" "))}
NUMBERS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "several": 3, "a few": 3, "few": 3,
                "a couple of": 2, "two dozen": 24})
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUM_RE = r"(?:\d{1,3}|" + "|".join(sorted((re.escape(w) for w in NUMBERS), key=len, reverse=True)) + r")"
UNIT_RE = r"(?:day|week|month|year|decade)s?"
YEAR_RE = r"(?:1[89]\d\d|20\d\d)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
    ("range", rf"\b(?P<y1>{YEAR_RE})\s*(?:-|–|—|to|/)\s*(?P<y2>\d{{2}}|{YEAR_RE})\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_RE}),?\s+(?P<y>{YEAR_RE})\b"),
    ("mdy", rf"\b(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR_RE})\b"),
    ("my", rf"\b(?P<m>{MONTH_RE})\s+(?:of\s+)?(?P<y>{YEAR_RE})\b"),
    ("m_rel_year", rf"\b(?P<m>{MONTH_RE})\s+(?P<rel>last|this|next)\s+year\b"),
    ("rel_m", rf"\b(?P<rel>last|this|next)\s+(?P<m>{MONTH_RE})\b"),
    ("decade", r"\b(?:the\s+)?(?P<part>early|mid|late)?[- ]?(?P<dec>1[89]\d0|20\d0)s\b"),
    ("ago", rf"\b(?P<n>{NUM_RE})\s+(?P<u>{UNIT_RE})\s+ago(?P<tw>\s+this\s+(?:week|month))?\b"),
    ("into", rf"\b(?P<n>{NUM_RE})\s+(?P<u>{UNIT_RE})\s+into\b"),
    ("for", rf"\b(?:for|over)\s+(?:nearly\s+|almost\s+|about\s+|some\s+|more\s+than\s+|over\s+|the\s+past\s+|"
            rf"the\s+last\s+)?(?P<n>{NUM_RE})?\s*(?P<u>{UNIT_RE})\b"),
    ("later", rf"\b(?P<n>{NUM_RE})\s+(?P<u>{UNIT_RE})\s+(?P<dir>later|earlier|after|before)\b"),
    ("following", r"\b(?:the\s+(?P<dir>following|next|previous|preceding)|a)\s+(?P<u>day|week|month|year)\s*"
                  r"(?(dir)|(?P<dir2>later|after|earlier))"),
    ("relunit", r"\b(?P<rel>last|this|next|past|earlier\s+this|later\s+this)\s+"
                r"(?P<u>week|month|year|weekend)(?:'s|’s)?\b"),
    ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_RE})\b"),
    ("md", rf"\b(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)"),
    ("weekday", rf"\b(?:(?P<rel>last|next|this|on|overnight\s+into|late\s+on|early\s+on|since)\s+)?"
                rf"(?P<wd>{WEEKDAY_RE})\b"),
    ("day", r"\b(?P<w>yesterday|today|tonight|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|"
            r"last\s+night|earlier\s+today|overnight)\b"),
    ("part_m", rf"\b(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[- ]+(?P<m>{MONTH_RE})\b"),
    ("in_m", rf"\b(?:in|since|until|by|during|from)\s+(?P<m>{MONTH_RE})\b(?!\s+\d)"),
    ("year", rf"(?<![\d-])\b(?P<y>{YEAR_RE})\b(?![-–]\d)"),
]]
MONTH_WORDS = {"January", "February", "March", "April", "June", "July", "August", "September", "October",
               "November", "December"}


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression of a sentence: character span (in the sentence) and its date."""

    start: int
    end: int
    date: EventDate
    anchor: str = "publication"
    """What it is relative to: "publication", or "previous" (the last dated sentence)."""
    kind: str = ""
    """The rule that read it (``range``, ``dmy``, ``weekday``, ``for`` ...)."""

    @property
    def duration(self) -> bool:
        """A length of time ("for months", "over five days") rather than a point in it."""
        return self.kind == "for"


def _num(s: str | None) -> int:
    if not s:
        return 1
    s = s.lower().strip()
    return int(s) if s.isdigit() else NUMBERS.get(s, 1)


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")[:4] if s.lower().startswith("sept") else s.lower().rstrip(".")[:3]]


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _fmt(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _ed(d: date, precision: str, basis: str, text: str, end: str | None = None) -> EventDate:
    return EventDate(_fmt(d, precision), precision, basis, end=end, text=text)  # type: ignore[arg-type]


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _past_month(pub: date, month: int, future: bool) -> date:
    year = pub.year
    if future:
        return date(year + (month < pub.month), month, 1)
    return date(year - (month > pub.month), month, 1)


def _resolve(name: str, m: re.Match[str], pub: date, base: date | None, future: bool) -> tuple[EventDate, str] | None:
    text = m.group(0)
    g = m.groupdict()
    if name == "range":
        y1 = int(g["y1"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1 or y2 - y1 > 60:
            return None
        return EventDate(str(y1), "year", "explicit", end=str(y2), text=text), "publication"
    if name in ("dmy", "mdy"):
        try:
            return _ed(date(int(g["y"]), _month(g["m"]), int(g["d"])), "day", "explicit", text), "publication"
        except ValueError:
            return None
    if name == "my":
        return _ed(date(int(g["y"]), _month(g["m"]), 1), "month", "explicit", text), "publication"
    if name == "m_rel_year":
        year = pub.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return _ed(date(year, _month(g["m"]), 1), "month", "relative", text), "publication"
    if name == "rel_m":
        if g["m"].capitalize().rstrip(".") not in MONTH_WORDS and g["m"].lower() != "may":
            return None
        rel = g["rel"].lower()
        d = _past_month(pub, _month(g["m"]), future=rel == "next")
        if rel == "last" and d.month == pub.month:
            d = date(d.year - 1, d.month, 1)
        return _ed(d, "month", "relative", text), "publication"
    if name == "decade":
        dec = int(g["dec"])
        start = dec + {"early": 0, "mid": 3, "late": 7, None: 0}[(g["part"] or "").lower() or None]
        return EventDate(str(start), "decade", "explicit", end=str(dec + 9), text=text), "publication"
    if name in ("ago", "for", "into", "later"):
        unit = g["u"].lower().rstrip("s")
        if name == "for" and not g.get("n"):  # "for months": the year of publication
            if unit in ("year", "decade"):
                return None
            return _ed(pub, "year", "relative", text), "publication"
        n = _num(g.get("n"))
        ref = pub
        anchor = "publication"
        if name == "into":  # "one year into the mandate": the narrative's present
            return _ed(pub, "year", "relative", text), "publication"
        if name == "later":
            if base is None:
                return None
            ref, anchor = base, "previous"
        sign = 1 if (name == "into" or (name == "later" and g["dir"].lower() in ("later", "after"))) else -1
        if unit == "day":
            d, prec = ref + timedelta(days=sign * n), "day"
        elif unit == "week":
            d, prec = ref + timedelta(days=sign * 7 * n), "month"
        elif unit == "month":
            d, prec = _shift_months(ref, sign * n), "month"
        else:
            years = n * (10 if unit == "decade" else 1)
            d, prec = date(ref.year + sign * years, ref.month, 1), "year"
            if name == "ago" and g.get("tw"):
                prec = "month"
        return _ed(d, prec, "relative", text), anchor
    if name == "following":
        if base is None:
            return None
        unit = g["u"].lower()
        sign = -1 if (g["dir"] or g["dir2"] or "").lower() in ("previous", "preceding", "earlier") else 1
        if unit == "day":
            return _ed(base + timedelta(days=sign), "day", "relative", text), "previous"
        if unit == "week":
            return _ed(base + timedelta(days=7 * sign), "month", "relative", text), "previous"
        if unit == "month":
            return _ed(_shift_months(base, sign), "month", "relative", text), "previous"
        return _ed(date(base.year + sign, 1, 1), "year", "relative", text), "previous"
    if name == "relunit":
        rel, unit = g["rel"].lower(), g["u"].lower()
        sign = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
        if unit in ("week", "weekend"):
            return _ed(pub + timedelta(days=7 * sign), "month", "relative", text), "publication"
        if unit == "month":
            return _ed(_shift_months(pub, sign), "month", "relative", text), "publication"
        return _ed(date(pub.year + sign, 1, 1), "year", "relative", text), "publication"
    if name in ("dm", "md"):
        if name == "md" and g["m"].capitalize().rstrip(".") not in MONTH_WORDS:
            return None
        try:
            d = date(pub.year, _month(g["m"]), int(g["d"]))
        except ValueError:
            return _dateparser(text, pub, future)
        if not future and d > pub + timedelta(days=2):
            d = date(d.year - 1, d.month, d.day)
        if future and d < pub:
            d = date(d.year + 1, d.month, d.day)
        return _ed(d, "day", "relative", text), "publication"
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        rel = (g["rel"] or "").lower()
        delta = (pub.weekday() - wd) % 7
        if rel == "next" or (future and rel != "last"):
            ahead = (wd - pub.weekday()) % 7 or 7
            return _ed(pub + timedelta(days=ahead), "day", "relative", text), "publication"
        if rel == "last" and delta == 0:
            delta = 7
        return _ed(pub - timedelta(days=delta), "day", "relative", text), "publication"
    if name == "day":
        w = " ".join(g["w"].lower().split())
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(w, 0)
        return _ed(pub + timedelta(days=offset), "day", "relative", text), "publication"
    if name == "part_m":
        if g["m"].capitalize().rstrip(".") not in MONTH_WORDS and g["m"].lower() != "may":
            return None
        return _ed(_past_month(pub, _month(g["m"]), future), "month", "relative", text), "publication"
    if name == "in_m":
        if g["m"].capitalize().rstrip(".") not in MONTH_WORDS and g["m"] != "May":
            return None
        return _ed(_past_month(pub, _month(g["m"]), future), "month", "relative", text), "publication"
    if name == "year":
        return _ed(date(int(g["y"]), 1, 1), "year", "explicit", text), "publication"
    return None


def _dateparser(text: str, pub: date, future: bool) -> tuple[EventDate, str] | None:
    import datetime as _dt

    import dateparser

    settings = {"RELATIVE_BASE": _dt.datetime(pub.year, pub.month, pub.day),
                "PREFER_DATES_FROM": "future" if future else "past"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return _ed(parsed.date(), "day", "relative", text), "publication"


def time_expressions(text: str, published: str | None, previous: EventDate | None = None,
                     future: bool = False) -> list[TimeExpr]:
    """The time expressions of ``text``, longest first where they overlap, in text order."""
    pub = parse_published(published)
    if pub is None:
        return []
    base = parse_published(previous.value if previous and previous.value and len(previous.value) >= 7
                           else None) if previous else None
    if previous and previous.value and base is None:
        v = previous.value
        base = date(int(v[:4]), int(v[5:7]) if len(v) >= 7 else 1, 1) if v[:4].isdigit() else None
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    for name, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and e > ts for ts, te in taken):
                continue
            res = _resolve(name, m, pub, base, future)
            if res is None:
                continue
            taken.append((s, e))
            out.append(TimeExpr(s, e, res[0], res[1], name))
    out.sort(key=lambda t: t.start)
    return _year_from_sentence(out)


MONTH_ONLY = {"in_m", "part_m", "dm", "md", "rel_m"}


def _year_from_sentence(exprs: list[TimeExpr]) -> list[TimeExpr]:
    """A month without a year takes the year an explicit date of the same sentence gives
    ("in November 2012 ... by early December")."""
    years = [e.date.value[:4] for e in exprs if e.kind in ("dmy", "mdy", "my", "year") and e.date.value]
    if not years:
        return exprs
    out = []
    for e in exprs:
        if e.kind in MONTH_ONLY and e.date.value:
            prev = [y for y, x in zip(years, [x for x in exprs if x.kind in ("dmy", "mdy", "my", "year")],
                                      strict=True) if x.start < e.start]
            year = prev[-1] if prev else years[0]
            value = year + e.date.value[4:]
            e = TimeExpr(e.start, e.end, EventDate(value, e.date.precision, "explicit", text=e.date.text),
                         e.anchor, e.kind)
        out.append(e)
    return out


def publication_date(published: str | None) -> EventDate:
    pub = parse_published(published)
    if pub is None:
        return EventDate(None, None, "unknown")
    return EventDate(pub.isoformat(), "day", "publication")


def event_date(sentence: str, published: str | None) -> EventDate:
    """The first time expression of a sentence, else the publication date."""
    exprs = time_expressions(sentence, published)
    return exprs[0].date if exprs else publication_date(published)


def days_before(d: EventDate, published: str | None) -> int | None:
    """How many days ``d`` lies before publication (negative: after), counted from the
    latest day its precision allows ("January" -> 31 January)."""
    pub = parse_published(published)
    if pub is None or not d.value or not d.value[:4].isdigit():
        return None
    v = d.value
    try:
        if d.precision == "day":
            start = date.fromisoformat(v[:10])
        elif len(v) >= 7:
            start = date(int(v[:4]), int(v[5:7]), 1)
        else:
            start = date(int(v[:4]), 1, 1)
    except ValueError:
        return None
    if d.precision in ("year", "decade") and start.year == pub.year:
        return 0
    if d.precision == "month" and (start.year, start.month) == (pub.year, pub.month):
        return 0
    if d.precision == "month":
        start = _shift_months(start, 1) - timedelta(days=1)
    elif d.precision == "year":
        start = date(start.year, 12, 31)
    return (pub - start).days
