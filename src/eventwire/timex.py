"""Normalise temporal expressions TIMEX3-style against an anchor date (pure functions, no spaCy).

`normalise(text, Context(anchor, tense, reference))` gives `(type, value)` for one expression, or
None when the text is not a temporal expression (an age, a plain number). Values follow TIMEX3:
`2021-08-16`, `2021-08-16TMO`, `2021-W32-WE`, `2021-Q3`, `199` (a decade), `P2Y`, `XXXX-WXX-1`,
`PRESENT_REF`; the value is None where neither the anchor nor the context resolves it.
`event_date`, `is_anchorable` and `parse_date` serve the other stages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from .timex_base import Context, DAY_VALUE, MODIFIER, canonical
from .timex_rules import RULES, checked_day


def normalise(text: str, ctx: Context | None = None) -> tuple[str, str | None] | None:
    """The TIMEX3 (type, value) of a temporal expression, or None if `text` is not one.

    Args:
        text: the expression as written, e.g. "last Monday", "the past two years", "Aug. 17".
        ctx: anchor date, tense of the governing verb and reference date (all optional).

    Returns:
        (type, value) with type DATE, TIME, DURATION or SET; value None when unresolvable.
    """
    ctx = ctx or Context()
    current = canonical(text)
    for _ in range(3):  # a modifier ('early', 'late', 'about') can wrap another modifier
        for pattern, function in RULES:
            if (match := pattern.fullmatch(current)) and (found := _resolved(function, match, ctx)):
                return found
        stripped = MODIFIER.sub("", current, count=1)
        if stripped == current or not stripped:
            return None
        current = stripped
    return None


def _resolved(function, match, ctx: Context):
    """A rule's (type, value); the value is None when resolving it against the anchor leaves the
    calendar (before year 1 or after 9999: "next week" in an article dated 9999-12-31 overflows
    a timedelta, "next winter" asks for date(10000, ...)). Any other error is raised again by
    the retry, which has no anchor to leave the calendar from."""
    try:
        return function(match, ctx)
    except (OverflowError, ValueError):
        return function(match, replace(ctx, anchor=None, reference=None))


ISO_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)(?:T.*)?$")
ISO_MONTH_OR_YEAR = re.compile(r"^\d{4}(?:-\d\d)?$")
ISO_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
ISO_PART_OF_YEAR = re.compile(r"^(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$")
HAS_DIGIT = re.compile(r"\d")


def event_date(value: str | None) -> str | None:
    """A TIMEX3 value as an event date of the output contract (YYYY-MM-DD, YYYY-MM or YYYY).

    A TIME keeps its day (2021-08-16TMO -> 2021-08-16); a weekend gives its Saturday
    (2021-W32-WE -> 2021-08-14); a week gives its month when all seven days lie in one month,
    else its year (a week straddling two months names neither month); quarters, halves and
    seasons give their year. Durations, sets, decades, REFs and unresolved values give None.

    Args:
        value: a TIMEX3 value such as those in `Document.times`.

    Returns:
        The date string, or None when the value names no usable point or period.
    """
    if not value:
        return None
    if match := ISO_DAY.match(value):
        return match.group(1)
    if ISO_MONTH_OR_YEAR.match(value):
        return value
    if match := ISO_WEEK.match(value):
        year, week = int(match.group(1)), int(match.group(2))
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        if match.group(3):
            return (monday + timedelta(days=5)).isoformat()
        sunday = monday + timedelta(days=6)
        return monday.isoformat()[:7] if monday.month == sunday.month else str(monday.year)
    if match := ISO_PART_OF_YEAR.match(value):
        return match.group(1)
    return None


def is_anchorable(time) -> bool:
    """Whether a TimeExpression names a point or period usable as an event date."""
    return time.type in ("DATE", "TIME") and event_date(time.value) is not None


@lru_cache(maxsize=1)
def _dateparser():
    """One dateparser parser for absolute dates, built once (it is slow to build)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                      "RETURN_TIME_AS_PERIOD": True})


def parse_date(text: str | None) -> str | None:
    """The day a dateline or date string names, as YYYY-MM-DD ('Aug. 17, 2021', '2021-08-17T10:00Z',
    'Tuesday 17 August 2021 10:32 GMT'); None if it names no full date."""
    if not text or not HAS_DIGIT.search(text):
        return None
    found = normalise(text)
    if found and found[1] and DAY_VALUE.match(found[1]):
        return found[1][:10]
    if match := DAY_VALUE.match(text.strip()):
        return checked_day(*map(int, match.groups()))
    data = _dateparser().get_date_data(text)
    if data.date_obj and {"day", "month", "year"} <= set(getattr(data, "parts", None) or ()):
        return data.date_obj.date().isoformat()
    return None
