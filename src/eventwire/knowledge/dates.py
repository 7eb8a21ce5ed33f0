"""Dates of the output contract from TIMEX3 values: the date an event or a quote takes from the
time expression that dates it. Shared by the quotes and events stages."""

from __future__ import annotations

import re
from datetime import date, timedelta

ISO_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)(?:T.*)?$")
ISO_MONTH_OR_YEAR = re.compile(r"^\d{4}(?:-\d\d)?$")
ISO_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
ISO_PART_OF_YEAR = re.compile(r"^(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$")


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
