"""Datelines: the place a story is filed from, at the start of its text ("KAMPALA, April 16 (Wire)
-", "NEW DELHI:", "MARABÁ —", "Ndola - ", "Amman, 5 November 2024 - "). The cleaning stage cuts wire
datelines into doc.removed, but not every form; those are read the same way. A dateline place is
where the reporter is, not an actor, and says which country the story is set in.
"""

from __future__ import annotations

import re

from ..knowledge.countries import country_by_iso2, country_of_capital, country_of_name
from ..knowledge.gazetteer import lookup as gazetteer_lookup

UPPER, LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
CAPS_WORD = rf"[{UPPER}][{UPPER}'’.-]+"
TITLE_WORD = rf"[{UPPER}][{LOWER}'’.]+(?:-[{UPPER}]?[{LOWER}]+)*"
# An upper-case place, up to two more parts (region, country, date) and an agency, then a dash or
# colon; or a capitalised place (and region) and a date, then a spaced dash.
DATELINE = re.compile(
    rf"^\s*(?:(?P<caps>{CAPS_WORD}(?: {CAPS_WORD}){{0,3}})(?P<more>(?:, [^,()\n]{{2,30}}?){{0,2}})"
    rf"\s*(?:\([^()\n]{{1,60}}\)\s*[-–—]|[-–—:])(?:\s|$)"
    rf"|(?P<title>{TITLE_WORD}(?: {TITLE_WORD})?)(?P<tmore>(?:, {TITLE_WORD}(?: {TITLE_WORD})?)?)"
    rf"(?:, [^,()\n]{{0,20}}\d[^,()\n]{{0,12}})? [-–—](?: |$))")


def dateline(text: str) -> tuple[int, str] | None:
    """(end offset, country ISO alpha-3) of a dateline at the start of `text` whose place is
    known, else None ("BREAKING:" is no dateline)."""
    match = DATELINE.match(text)
    if match is None:
        return None
    place = match.group("caps") or match.group("title")
    more = [part.strip() for part in (match.group("more") or match.group("tmore") or "").split(",") if part.strip()]
    country = _country(place, more)
    return (match.end(), country) if country else None


def _country(place: str, more: list[str]) -> str | None:
    for part in more:  # "CALAIS, France, Oct 9": the dateline names its country
        country = country_of_name(part)
        if country:
            return country.iso3
    country = country_of_name(place) or country_of_capital(place)
    if country:
        return country.iso3
    # a city or region: the most populous of its name ("COTABATO CITY" is listed as Cotabato)
    for name in [place, re.sub(r"(?i) city$", "", place), *more]:
        found = [c for c in gazetteer_lookup(name) if c.country and not c.alternate]
        country = found and country_by_iso2(max(found, key=lambda c: c.population).country)
        if country:
            return country.iso3
    return None
