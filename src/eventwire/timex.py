"""Normalise temporal expressions TIMEX3-style against an anchor date (pure functions, no spaCy).

`normalise(text, Context(anchor, tense, reference))` gives `(type, value)` for one expression, or
None when the text is not a temporal expression (an age, a plain number). Values follow TIMEX3:
`2021-08-16`, `2021-08-16TMO`, `2021-W32-WE`, `2021-Q3`, `199` (a decade), `P2Y`, `XXXX-WXX-1`,
`PRESENT_REF`; the value is None where neither the anchor nor the context resolves it.
`event_date`, `is_anchorable` and `parse_date` serve the other stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

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
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
NUMBER_WORDS = {**{w: i for i, w in enumerate(_SMALL)}, **_TENS, "a": 1, "an": 1, "hundred": 100,
                "a hundred": 100, "dozen": 12, "a dozen": 12, "a couple of": 2, "a couple": 2,
                "couple of": 2}
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


NUM = (rf"(?:\d+(?:\.\d+)?|(?:{alternation(_TENS)}) (?:{alternation(_SMALL[1:10])})"
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
    if len(words) == 2 and words[0] in _TENS and words[1] in NUMBER_WORDS:
        return str(_TENS[words[0]] + NUMBER_WORDS[words[1]])
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


# ---------------------------------------------------------------- the rules

RULES: list = []


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


# ---------------------------------------------------------------- entry points

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
            if (match := pattern.fullmatch(current)) and (found := function(match, ctx)):
                return found
        stripped = MODIFIER.sub("", current, count=1)
        if stripped == current or not stripped:
            return None
        current = stripped
    return None


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
