"""When two event records can tell the same real-world event.

One article often tells an event several times ("Kabul fell under Taliban control", later "Taliban
fighters entered Kabul"), and many articles tell the same event. The events stage collapses the
first kind and the store's clusters gather the second; both ask the three questions here: are the
actors the same, are the dates close enough, can the two places be one place.

Example:
    >>> actor_key("RUSMIL", "Russian forces") == actor_key("RUS", "Russia")
    True
    >>> dates_close("2021-08-14", "2021-08-15", days=1)
    True
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

# A country's state bodies act for the country: one outlet's "Russia struck Kharkiv" is another's
# "Russian forces struck Kharkiv". Opposition, insurgents, civilians and the rest stay apart
# (AFGINS is not AFG).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# CAMEO's agent (sector) codes (Event and Actor Codebook 1.1b3, ch. 3). A code that is a sector alone
# ("GOV" for "the government" of a country the article never names) says nothing about whose it is.
SECTOR_CODES = frozenset({"AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
                          "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "NGO", "OPP", "PKO", "RAD",
                          "REB", "REF", "REL", "SPY", "UAF"})
# A place of these kinds is too broad to tell two events apart: "in Afghanistan" can be Kabul.
BROAD_FEATURES = frozenset({"country", "admin1", "region", "continent", "county", "district"})
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Where:
    """The parts of a place that decide whether two events can have happened at the same place."""

    name: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None


def actor_key(code: str | None, name: str | None) -> str | None:
    """What identifies an actor across articles: the country for it and its state bodies
    ("RUS" for RUSGOV, RUSMIL), else the full code (AFGINS, IGOUNO); for an actor coded by its
    sector alone, the sector and its name ("GOV:the interior ministry"); else the lower-cased
    name (actors without a code), else None."""
    name = " ".join(name.lower().split()) if name else None
    if code and code[:3] in SECTOR_CODES:
        return f"{code}:{name}"
    if code:
        if len(code) >= 3 and code[:3].isalpha() and (len(code) == 3 or code[3:6] in STATE_SECTORS):
            return code[:3]
        return code
    return name


def actor_keys(codes: Iterable[str | None], names: Iterable[str | None]) -> frozenset[str]:
    """The keys of one side (sources or targets) of an event."""
    return frozenset(k for k in map(actor_key, codes, names) if k)


def same_side(one: frozenset[str], other: frozenset[str], *, missing_ok: bool) -> bool:
    """Two sides share an actor; with `missing_ok`, a side left empty by one telling ("the town
    was captured") matches anything."""
    if not one or not other:
        return missing_ok or one == other
    return bool(one & other)


def day(value: str | None) -> dt.date | None:
    """The calendar day of a full ISO date; None for partial ("2021-08") or missing dates."""
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def dates_close(one: str | None, other: str | None, *, days: int) -> bool:
    """Two dates are at most `days` apart; a missing date matches any, and a partial date
    ("2021-08") matches the days inside it."""
    if not one or not other:
        return True
    first, second = day(one), day(other)
    if first and second:
        return abs((first - second).days) <= days
    return one.startswith(other) or other.startswith(one)


def places_compatible(one: Where | None, other: Where | None, *, km: float) -> bool:
    """Two places can be where one event happened: either is unknown, or they are in the same
    country and one is a whole country or region, or they are the same place or within `km`."""
    if one is None or other is None:
        return True
    if one.country and other.country and one.country != other.country:
        return False
    if one.feature in BROAD_FEATURES or other.feature in BROAD_FEATURES:
        return True
    if one.name and other.name and one.name.lower() == other.name.lower():
        return True
    if None in (one.lat, one.lon, other.lat, other.lon):
        return False
    return distance_km(one.lat, one.lon, other.lat, other.lon) <= km


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
