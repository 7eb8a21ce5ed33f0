"""Vocabulary, canonical forms and calendar arithmetic for `eventwire.temporal.rules` (no spaCy)."""


from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..knowledge.numbers import NUMBER_WORDS, SMALL_NUMBERS, TENS

WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
          "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
          "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
          "nov": 11, "december": 12, "dec": 12}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season starts in
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
         "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
         "millennium": "ML", "millennia": "ML", "weekend": "WE", "fortnight": "FN"}
CLOCK_UNITS = {"second", "minute", "hour"}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "multiple")
SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
        "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H"}
REFS = {"PRESENT_REF": ("now", "right now", "currently", "current", "presently", "at present",
                        "nowadays", "these days", "the present", "present", "at the moment"),
        "PAST_REF": ("recently", "recent", "lately", "previously", "formerly", "the past", "past"),
        "FUTURE_REF": ("the future", "future", "soon", "shortly", "the near future", "the near term")}
REF_VALUE = {word: ref for ref, words in REFS.items() for word in words}
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
            "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14)}


def alternation(words) -> str:
    """A regex alternation of words, longest first so that 'a few' wins over 'a'."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


NUM = (rf"(?:\d+(?:\.\d+)?|(?:{alternation(TENS)}) (?:{alternation(SMALL_NUMBERS[1:10])})"
       rf"|{alternation(NUMBER_WORDS)}|{alternation(VAGUE_NUMBERS)})")
UNIT = rf"(?:{alternation(UNITS)})s?"
WEEKDAY = alternation(WEEKDAYS)
MONTH = alternation(MONTHS)
PART = alternation(DAY_PARTS)
SEASON = alternation(SEASONS)
YEAR = r"(?:1[0-9]\d\d|20\d\d)"

HYPHEN = re.compile(r"(?<=[a-z])-|-(?=[a-z])")
ABBREVIATION_DOT = re.compile(r"\b(a|p)\.m\.?|(?<=[a-z])\.")
SPACES = re.compile(r"[\s,]+")
DECIMAL = re.compile(r"\d+(?:\.\d+)?")
DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
YEAR_PART_VALUE = re.compile(r"(\d{4})(-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI)|-\d\d)?")
QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
POSSESSIVE = re.compile(r"'s?$")
MODIFIER = re.compile(r"^(?:the )?(?:very )?(?:early|earlier|late|later|mid|middle of|end of|"
                      r"beginning of|start of|turn of|close of|first days of|latter part of|"
                      r"(?:more|less) than|nearly|almost|about|around|roughly|some|over|under|"
                      r"at least|up to|approximately|just|only|fully|a full|at the end of) ")


@dataclass
class Context:
    """What a value is resolved against: the anchor (article date), the tense of the governing
    verb (past, present, future or None) and the last resolved date in the text (`reference`)."""

    anchor: date | None = None
    tense: str | None = None
    reference: str | None = None


def canonical(text: str) -> str:
    """Lower case, curly quotes and abbreviation dots gone, word hyphens and commas as spaces."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = ABBREVIATION_DOT.sub(lambda m: f"{m.group(1)}m" if m.group(1) else "", text)
    text = HYPHEN.sub(" ", text)
    return POSSESSIVE.sub("", SPACES.sub(" ", text).strip(" .;:'\"()"))


def number(text: str) -> str | None:
    """'two' -> '2', 'twenty four' -> '24', '1.5' -> '1.5', 'several' -> 'X'; None if not a number."""
    if text in VAGUE_NUMBERS:
        return "X"
    if DECIMAL.fullmatch(text):
        return text.removesuffix(".0")
    if text in NUMBER_WORDS:
        return str(NUMBER_WORDS[text])
    words = text.split()
    if len(words) == 2 and words[0] in TENS and words[1] in NUMBER_WORDS:
        return str(TENS[words[0]] + NUMBER_WORDS[words[1]])
    return None


def unit_code(word: str) -> str:
    """The TIMEX3 letters of a unit word, singular or plural: 'years' -> Y, 'centuries' -> CE."""
    return UNITS.get(word) or UNITS.get(word.removesuffix("s"), "D")


def duration(amount: str, unit: str) -> str:
    """A TIMEX3 duration: ('2', 'year') -> P2Y, ('X', 'hour') -> PTXH, ('1', 'weekend') -> P2D."""
    singular = unit.removesuffix("s")
    if singular == "weekend":
        return "P2D" if amount == "1" else f"P{amount}WE"
    if singular == "fortnight":
        return "P2W" if amount == "1" else f"P{amount}W"
    prefix = "PT" if singular in CLOCK_UNITS else "P"
    return f"{prefix}{amount}{unit_code(unit)}"


# ---------------------------------------------------------------- calendar arithmetic

def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def nearest_year(anchor: date, month: int, day: int | None, tense: str | None) -> int:
    """The year that puts month (and day) nearest the anchor; a date on the side the tense argues
    against (future for past tense, past for future tense) counts three times as far, so that a
    past-tense 'Nov. 20' written on Nov. 2 still means this year's, not last year's."""
    def distance(year: int) -> int:
        start, end = date(year, month, min(day or 1, 28)), date(year, month, min(day or 28, 28))
        if start <= anchor <= end:
            return 0
        ahead = start > anchor
        days = (start - anchor).days if ahead else (anchor - end).days
        against = (ahead and tense == "past") or (not ahead and tense == "future")
        return days * 3 if against else days
    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)


def weekday_date(anchor: date, weekday: int, direction: str | None, tense: str | None) -> date:
    """The date of a weekday named in an article of date `anchor`.

    'last'/'past' or past tense: the latest such day on or before the anchor ('last' excludes the
    anchor itself); 'next'/'coming' or future tense: the next one after it; present tense: the next
    one on or after it; no tense at all: the past reading, as news mostly reports the past week.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction in ("last", "past", "previous"):
        return anchor - timedelta(days=back or 7)
    if direction in ("next", "coming", "following") or tense == "future":
        return anchor + timedelta(days=ahead or 7)
    if direction == "this" or tense == "present":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def shift(value: str, amount: int, unit: str) -> str | None:
    """A TIMEX3 date value moved by `amount` units, keeping its own granularity."""
    if match := YEAR_PART_VALUE.fullmatch(value):
        year = int(match.group(1))
        if unit == "Y":
            return f"{year + amount}{match.group(2) or ''}"
        if unit == "M" and match.group(2) and match.group(2)[1:].isdigit():
            return "%04d-%02d" % add_months(year, int(match.group(2)[1:]), amount)
        if unit == "Q" and match.group(2) and match.group(2)[1] == "Q":
            y, m = add_months(year, (int(match.group(2)[2]) - 1) * 3 + 1, 3 * amount)
            return f"{y}-Q{(m - 1) // 3 + 1}"
    if match := DAY_VALUE.match(value):
        day = date(*map(int, match.groups()))
        return at_granularity(day, amount, unit)
    return None


def at_granularity(day: date, amount: int, unit: str) -> str | None:
    """`day` moved by amount units, written at that unit's granularity."""
    if unit == "D":
        return (day + timedelta(days=amount)).isoformat()
    if unit == "W":
        return iso_week(day + timedelta(weeks=amount))
    if unit == "M":
        return "%04d-%02d" % add_months(day.year, day.month, amount)
    if unit == "Q":
        year, month = add_months(day.year, day.month, 3 * amount)
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if unit == "Y":
        return str(day.year + amount)
    if unit == "DE":
        return str(day.year // 10 + amount)
    if unit == "CE":
        return str(day.year // 100 + amount)
    return None


def last_completed_quarter(anchor: date) -> str:
    year, month = add_months(anchor.year, anchor.month, -3)
    return f"{year}-Q{(month - 1) // 3 + 1}"


def two_digit_year(digits: str, anchor: date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the latest such year not after the anchor (or 2000 + 1900s)."""
    year = 2000 + int(digits)
    limit = anchor.year if anchor else 2030
    return year if year <= limit else year - 100
