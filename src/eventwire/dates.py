"""From a TIMEX3 value to the precision an event or quote date can carry (YYYY-MM-DD, YYYY-MM
or YYYY). Durations, sets and vague references date nothing."""

from __future__ import annotations

import re
from datetime import date

DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T.*)?$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
YEAR = re.compile(r"^\d{4}$")
WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")


def event_date(value: str | None) -> str | None:
    """An ISO date for an event from a TIMEX3 value, or None when the value names no date.

    A weekend gives its Saturday: the contract's dates cannot say "a weekend", and the first day
    is the earliest the event can have happened."""
    if not value:
        return None
    match = DAY.match(value)
    if match:
        return match.group(1)
    if MONTH.match(value) or YEAR.match(value):
        return value
    match = WEEKEND.match(value)
    if match:
        return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 6).isoformat()
    return None
