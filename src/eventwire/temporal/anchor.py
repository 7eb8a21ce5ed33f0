"""The anchor that relative dates resolve against: the day an article's date string or dateline
names (`parse_date`)."""

from __future__ import annotations

import re
from functools import lru_cache

from .base import DAY_VALUE
from .rules import checked_day, normalise

HAS_DIGIT = re.compile(r"\d")


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
