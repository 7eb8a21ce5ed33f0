"""Normalise temporal expressions TIMEX3-style against an anchor date (pure functions, no spaCy).

`normalise(text, Context(anchor, tense, reference))` gives `(type, value)` for one expression, or
None when the text is not a temporal expression (an age, a plain number). Values follow TIMEX3:
`2021-08-16`, `2021-08-16TMO`, `2021-W32-WE`, `2021-Q3`, `199` (a decade), `P2Y`, `XXXX-WXX-1`,
`PRESENT_REF`; the value is None where neither the anchor nor the context resolves it. It tries
the rules below, one function per kind of expression, each registered with the pattern (over the
canonical text) it normalises; a clock time calls it back for the day that follows ("10 am
Tuesday").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .base import (
    DAY_PARTS, DAY_VALUE, HOLIDAYS, MODIFIER, MONTH, MONTHS, NUM, ORDINALS, PART, QUARTER_VALUE, REF_VALUE,
    SEASON, SEASON_MONTH, SEASONS, SETS, UNIT, UNITS, WEEKDAY, WEEKDAYS, YEAR, Context, add_months,
    alternation, at_granularity, canonical, duration, iso_week, last_completed_quarter, nearest_year, number,
    quarter_of, shift, two_digit_year, unit_code, weekday_date,
)

RULES: list = []


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


def rule(pattern: str):
    """Register a rule: `pattern` must match the whole canonical text."""
    compiled = re.compile(pattern)

    def register(function):
        RULES.append((compiled, function))
        return function

    return register


def dated(value_of, ctx: Context, kind: str = "DATE"):
    """(kind, value_of(anchor)), or (kind, None) without an anchor to resolve against."""
    return kind, (value_of(ctx.anchor) if ctx.anchor else None)


def with_part(day: date | str | None, part: str | None):
    """A day value, as a TIME when a part of the day ('morning') is named."""
    value = day.isoformat() if isinstance(day, date) else day
    if not part:
        return "DATE", value
    return "TIME", (f"{value[:10]}T{DAY_PARTS[part]}" if value else None)


def reference_day(ctx: Context) -> date | None:
    """The last resolved day-precision date in the text, else None."""
    match = DAY_VALUE.match(ctx.reference or "")
    return date(*map(int, match.groups())) if match else None


@rule(rf"({alternation(REF_VALUE)})")
def _reference(m, ctx):
    return "DATE", REF_VALUE[m.group(1)]


@rule(rf"(today|tonight|yesterday|tomorrow|this|last|the day before yesterday|the day after tomorrow)"
      rf"(?: ({PART}))?")
def _deictic(m, ctx):
    word, part = m.groups()
    if word in ("this", "last") and not part:
        return None
    offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(word, 0)
    if word == "last":
        offset, part = (-1, part) if part in ("night", "evening") else (0, part)
    if word == "tonight":
        part = "night"
    return with_part(ctx.anchor + timedelta(days=offset) if ctx.anchor else None, part)


CLOCK = (r"(?:(?P<h>\d{1,2})(?::(?P<mi>\d\d))? ?(?P<half>am|pm)|(?P<h24>\d{1,2}):(?P<m24>\d\d)"
         r"|(?P<word>noon|midnight))(?: [a-z]{2,3}t| gmt| utc)?")


@rule(rf"(?:at )?{CLOCK}(?: (?:on |of )?(?P<rest>.+))?")
@rule(rf"(?P<rest>.+?) (?:at )?{CLOCK}")
def _clock(m, ctx):
    if m.group("word"):
        hour, minute = (12, 0) if m.group("word") == "noon" else (0, 0)
    else:
        hour, minute = int(m.group("h") or m.group("h24")), int(m.group("mi") or m.group("m24") or 0)
        if m.group("half"):
            hour = hour % 12 + (12 if m.group("half") == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    day = ctx.anchor.isoformat() if ctx.anchor else None
    if m.group("rest"):
        found = normalise(m.group("rest"), ctx)
        if found is None:
            return None
        day = found[1]
    return "TIME", (f"{day[:10]}T{hour:02d}:{minute:02d}" if day and DAY_VALUE.match(day) else None)


@rule(rf"(?:(?:earlier|later) )?(?:in |on |during )?(?:that|the same|the|this) (day|{PART})")
def _same_day(m, ctx):
    day = reference_day(ctx)
    return with_part(day, None if m.group(1) == "day" else m.group(1))


@rule(r"(?:the )?(?:(next|following|previous|preceding) (day|morning|night)|(day|night) (before|after))")
def _next_day(m, ctx):
    word, unit, unit2, word2 = m.groups()
    day = reference_day(ctx) or ctx.anchor
    if day is None:
        return "DATE", None
    forward = (word or word2) in ("next", "following", "after")
    return with_part(day + timedelta(days=1 if forward else -1), {"day": None}.get(unit or unit2, unit or unit2))


@rule(rf"(?:(last|next|this|coming|past|previous|following) )?({WEEKDAY})(?: ({PART}))?")
def _weekday(m, ctx):
    direction, name, part = m.groups()
    day = weekday_date(ctx.anchor, WEEKDAYS[name], direction, ctx.tense) if ctx.anchor else None
    return with_part(day, part)


@rule(rf"(?:every|each|per) (?:other )?(?:({NUM}) )?({UNIT}|{WEEKDAY}|{PART})|({WEEKDAY})s")
def _every(m, ctx):
    amount, unit, plural_day = m.groups()
    other = " other " in m.group(0)
    name = (unit or plural_day).removesuffix("s") if (unit or plural_day) not in UNITS else unit
    if name in WEEKDAYS or plural_day:
        return "SET", f"XXXX-WXX-{WEEKDAYS[plural_day or name] + 1}"
    if name in DAY_PARTS:
        return "SET", f"XXXX-XX-XXT{DAY_PARTS[name]}"
    amount = number(amount) if amount else ("2" if other else "1")
    return "SET", duration(amount or "X", unit)


@rule(rf"({alternation(SETS)})|(?:once|twice|{NUM} times) (?:a|an|per|each|every) ({UNIT})")
def _frequency(m, ctx):
    word, unit = m.groups()
    return "SET", SETS[word] if word else duration("1", unit)


@rule(rf"(?:({NUM}|the) )?({UNIT}) (ago|earlier|later|from now|hence|back|previously|on)")
def _offset(m, ctx):
    amount, unit, word = m.groups()
    amount = number(amount) if amount and amount != "the" else "1"
    if amount == "X":
        return "DATE", "FUTURE_REF" if word in ("later", "from now", "hence", "on") else "PAST_REF"
    if amount is None or "." in amount:
        return None
    code = unit_code(unit)
    steps = int(amount) * (1 if word in ("later", "after", "from now", "hence", "on") else -1)
    return "DATE", shifted_from_context(steps, code, ctx, relative=word not in ("ago", "from now", "hence", "back"))


def shifted_from_context(steps: int, code: str, ctx: Context, relative: bool) -> str | None:
    """The anchor (or, for 'earlier'/'later' and for year-on-year comparisons, the reference
    period) moved by `steps` units: 'a year earlier' after 'the third quarter' is last year's Q3."""
    ref = ctx.reference
    comparison = ref and code == "Y" and abs(steps) == 1 and PERIOD_VALUE.fullmatch(ref)
    if ref and (relative or comparison) and (value := shift(ref, steps, code)):
        return value
    return at_granularity(ctx.anchor, steps, code) if ctx.anchor else None


PERIOD_VALUE = re.compile(r"\d{4}-(?:Q[1-4]|H[12]|\d\d)")


@rule(r"(?:the )?(?:year (?:ago|earlier)|prior year|previous year's|year before) (quarter|period|half|month|year)")
def _year_ago_period(m, ctx):
    ref = ctx.reference if ctx.reference and PERIOD_VALUE.fullmatch(ctx.reference) else None
    base = ref or (last_completed_quarter(ctx.anchor) if ctx.anchor and m.group(1) == "quarter"
                   else str(ctx.anchor.year) if ctx.anchor else None)
    return "DATE", shift(base, -1, "Y") if base else None


@rule(rf"(?:the )?(?:({YEAR}) |fiscal |calendar )?(?:(first|second|third|fourth|1st|2nd|3rd|4th) "
      rf"(?:fiscal |calendar )?(quarter|half)|q([1-4]))(?: (?:of )?(?:fiscal |calendar )?(?:({YEAR})"
      rf"|(this|last|next) year))?")
def _quarter(m, ctx):
    year_before, ordinal, unit, q_number, year_after, relative = m.groups()
    index = ORDINALS[ordinal] if ordinal else int(q_number)
    letter = "H" if unit == "half" else "Q"
    year = year_before or year_after
    if year is None and ctx.anchor is None:
        return "DATE", None
    if year is None:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(relative, 0)
        start_month = (index - 1) * (6 if letter == "H" else 3) + 1
        if not relative and date(year, start_month, 1) > ctx.anchor and ctx.tense != "future":
            year -= 1
    return "DATE", f"{year}-{letter}{index}"


@rule(r"(?:the )?(latest|current|last|past|previous|next|coming|same|this|the) (quarter|period)")
def _this_quarter(m, ctx):
    word, unit = m.groups()
    ref = ctx.reference if ctx.reference and QUARTER_VALUE.fullmatch(ctx.reference) else None
    if unit == "period" and not ref:
        return None if word == "the" else ("DATE", None)
    if word in ("current", "this"):
        return dated(lambda a: f"{a.year}-Q{quarter_of(a)}", ctx)
    if word in ("next", "coming"):
        return dated(lambda a: at_granularity(a, 1, "Q"), ctx)
    if word in ("last", "previous", "past") and m.group(0).startswith("the "):
        return "DURATION", "P1Q"
    if word in ("last", "previous", "past"):
        return dated(lambda a: at_granularity(a, -1, "Q"), ctx)
    return "DATE", ref or (last_completed_quarter(ctx.anchor) if ctx.anchor else None)


@rule(rf"(?:(this|last|next|the|past|coming) )?({SEASON})(?: (?:of )?({YEAR}))?")
def _season(m, ctx):
    word, name, year = m.groups()
    code = SEASONS[name]
    if year:
        return "DATE", f"{year}-{code}"
    if ctx.anchor is None:
        return "DATE", None
    anchor, start = ctx.anchor, SEASON_MONTH[code]
    this_year = anchor.year - (1 if code == "WI" and anchor.month < 3 else 0)
    started = date(this_year, start, 1) <= anchor
    ended = date(*add_months(this_year, start, 3), 1) <= anchor
    if word == "last" or (word in (None, "the", "past") and ctx.tense == "past"):
        year = this_year if ended else this_year - 1
    elif word in ("next", "coming") or ctx.tense == "future":
        year = this_year if not started else this_year + 1
    else:
        year = this_year
    return "DATE", f"{year}-{code}"


@rule(rf"(last|next|this|past|coming) ({MONTH})|({MONTH}) (this|last|next) year")
def _relative_month(m, ctx):
    word, name, later_name, year_word = m.groups()
    if later_name:
        month = MONTHS[later_name]
        return dated(lambda a: f"{a.year + {'last': -1, 'next': 1}.get(year_word, 0)}-{month:02d}", ctx)
    month, anchor = MONTHS[name], ctx.anchor
    if anchor is None:
        return "DATE", None
    if word in ("last", "past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif word in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return "DATE", f"{year}-{month:02d}"


@rule(r"(?:the )?(this|last|next|past|coming|previous|current|following|the|that) "
      r"(week|month|year|weekend|decade|century)")
def _relative_unit(m, ctx):
    word, unit = m.groups()
    code = unit_code(unit)
    if word in ("previous", "following") and ctx.reference and unit != "weekend":
        return "DATE", shift(ctx.reference, -1 if word == "previous" else 1, code)
    if word in ("past", "last") and m.group(0).startswith("the "):
        return "DURATION", duration("1", unit)
    if word == "past":
        return "DURATION", duration("1", unit)
    if word == "that":
        return "DATE", None
    steps = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(word, 0)
    if unit == "weekend":
        return dated(lambda a: weekend(a, steps, ctx.tense), ctx)
    return dated(lambda a: at_granularity(a, steps, code), ctx)


def weekend(anchor: date, steps: int, tense: str | None) -> str:
    """The ISO week value of a weekend: the coming one (steps 1, or future tense), the last one
    (steps -1, or past tense), or the one the anchor falls in."""
    saturday = anchor + timedelta(days=5 - anchor.weekday())
    in_weekend = anchor.weekday() >= 5
    if steps < 0 or (steps == 0 and tense in ("past", None) and not in_weekend):
        saturday -= timedelta(weeks=1)
    elif steps > 0 and in_weekend:
        saturday += timedelta(weeks=1)
    return f"{iso_week(saturday)}-WE"


@rule(r"(?:the )?(?:(this|last|next) )?year end")
def _year_end(m, ctx):
    return dated(lambda a: str(a.year + {"last": -1, "next": 1}.get(m.group(1), 0)), ctx)


@rule(r"(\d{4})-(\d\d)-(\d\d)(?:t[\d:]+.*)?")
def _iso_date(m, ctx):
    return "DATE", checked_day(*map(int, m.groups()))


@rule(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)")
def _slash_date(m, ctx):
    month, day, year = m.groups()
    year = int(year) if len(year) == 4 else two_digit_year(year, ctx.anchor)
    return "DATE", checked_day(year, int(month), int(day))


@rule(rf"(?:{WEEKDAY} )?({MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?(?: ({YEAR})| '(\d\d))?")
@rule(rf"(?:{WEEKDAY} )?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MONTH})(?: ({YEAR})| '(\d\d))?")
def _month_day(m, ctx):
    first, second, year, short_year = m.groups()
    name, day = (first, int(second)) if first in MONTHS else (second, int(first))
    month = MONTHS[name]
    year = int(year) if year else two_digit_year(short_year, ctx.anchor) if short_year else None
    if year is None:
        if ctx.anchor is None:
            return "DATE", None
        year = nearest_year(ctx.anchor, month, day, ctx.tense)
    return "DATE", checked_day(year, month, day)


def checked_day(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None for an impossible date such as 31 June."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@rule(rf"({MONTH})(?: (?:of )?({YEAR})| '(\d\d))?")
def _month(m, ctx):
    name, year, short_year = m.groups()
    month = MONTHS[name]
    year = int(year) if year else two_digit_year(short_year, ctx.anchor) if short_year else None
    if year is None and ctx.anchor:
        year = nearest_year(ctx.anchor, month, None, ctx.tense)
    return "DATE", f"{year}-{month:02d}" if year else None


@rule(rf"(?:the )?(?:(?:fiscal|calendar|model|school) (?:year )?|the year )?({YEAR}|'\d\d|fy ?\d\d)"
      rf"(?: (?:fiscal )?(?:period|year|season))?")
def _year(m, ctx):
    text = m.group(1)
    if text[0] in "'f":
        return "DATE", str(two_digit_year(text[-2:], ctx.anchor))
    return "DATE", text


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}


@rule(rf"(?:the )?(?:(\d\d\d)0s|'?(\d)0s|({alternation(DECADE_WORDS)}))")
def _decade(m, ctx):
    full, digit, word = m.groups()
    if full:
        return "DATE", full
    tens = int(digit) if digit else DECADE_WORDS[word]
    year = two_digit_year(f"{tens}0", ctx.anchor)
    return "DATE", str(year // 10)


ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}


@rule(rf"(?:the )?(?:(\d{{1,2}})(?:st|nd|rd|th)|(twenty first|{alternation(ORDINAL_WORDS)})) century")
def _century(m, ctx):
    digits, word = m.groups()
    ordinal = int(digits) if digits else 21 if word == "twenty first" else ORDINAL_WORDS[word]
    return "DATE", f"{ordinal - 1:02d}"


@rule(rf"({alternation(HOLIDAYS)}|thanksgiving(?: day)?)(?: ({YEAR}))?")
def _holiday(m, ctx):
    name, year = m.groups()
    if name.startswith("thanksgiving"):
        month, day = 11, None
    else:
        month, day = HOLIDAYS[name]
    if year is None and ctx.anchor is None:
        return "DATE", None
    year = int(year) if year else nearest_year(ctx.anchor, month, day or 22, ctx.tense)
    if day is None:  # US Thanksgiving: the fourth Thursday of November
        first = date(year, 11, 1)
        day = 1 + (3 - first.weekday()) % 7 + 21
    return "DATE", date(year, month, day).isoformat()


DURATION_QUALIFIERS = ("past", "last", "next", "coming", "previous", "first", "final", "following",
                       "latest", "initial", "recent", "preceding", "remaining", "full", "entire",
                       "whole", "same", "other", "additional", "further", "another", "few",
                       "couple of")


@rule(rf"(?:the )?(?:({alternation(DURATION_QUALIFIERS)}) )?(?:({NUM}) )?(?:and a half |or so |more )?"
      rf"({UNIT})(?: (old|long|and a half))?")
def _duration(m, ctx):
    qualifier, amount, unit, tail = m.groups()
    if tail == "old":
        return None  # an age, not a time
    plural = unit.endswith("s") and unit not in UNITS
    if amount:
        value = number(amount)
        if value is None:
            return None
    elif plural and qualifier in ("recent", "past", "last", "few", "coming", "next"):
        return "DATE", "FUTURE_REF" if qualifier in ("coming", "next") else "PAST_REF"
    elif plural:
        value = "X"
    elif qualifier or m.group(0) == unit:
        value = "1"
    else:
        return None
    if "and a half" in m.group(0) and value not in ("X",):
        value = str(float(value) + 0.5).removesuffix(".0")
    return "DURATION", duration(value, unit)
