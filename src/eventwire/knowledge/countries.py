"""The country table: ISO codes, English names and short forms, demonyms, capital and a point.

Loaded once from `data/countries.tsv` and looked up by dictionary, so callers (actor coding, the
places stage) can ask for "Afghan", "U.S." or "the Gaza Strip"'s country thousands of times an
article.

Example:
    >>> country_by_name("U.S.").iso3
    'USA'
    >>> country_by_name("Qatari").capital
    'Doha'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError
from .files import builtin_path, tsv_rows

COUNTRIES_FILE = builtin_path("countries.tsv")
COLUMNS = ("iso2", "iso3", "geonameid", "name", "aliases", "demonyms", "capital",
           "capital_geonameid", "lat", "lon", "population")


@dataclass(frozen=True)
class Country:
    """One country or territory of the table."""

    iso2: str
    iso3: str
    name: str
    capital: str | None
    lat: float
    lon: float
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    geonameid: int | None = None
    capital_geonameid: int | None = None
    population: int = 0


@dataclass(frozen=True)
class CountryTable:
    """The loaded table: countries by code, and by normalised name, alias or demonym."""

    by_iso2: dict[str, Country]
    by_iso3: dict[str, Country]
    by_name: dict[str, Country]  # names and aliases
    by_demonym: dict[str, Country]


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, accents folded, periods and spacing removed: 'U.S.' == 'US', 'Côte' == 'cote'."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("’", "'").replace(".", "").lower()
    return re.sub(r"\s+", " ", folded).strip()


def without_article(key: str) -> str:
    """key without a leading 'the '."""
    return key[4:] if key.startswith("the ") else key


def country_by_name(text: str) -> Country | None:
    """The country a name, short form or demonym refers to.

    Case-insensitive, tolerant of a leading "the", of periods ("U.S." == "US") and of accents.
    A name wins over a demonym where both match.

    Args:
        text: e.g. "Afghanistan", "the U.S.", "Britain", "Qatari", "Palestinians".

    Returns:
        The `Country`, or None when `text` names no country.
    """
    table = country_table()
    key = normalise(text)
    for candidate in (key, without_article(key)):
        found = table.by_name.get(candidate) or table.by_demonym.get(candidate)
        if found:
            return found
    return None


def country_of_name(text: str) -> Country | None:
    """Like `country_by_name`, but names and aliases only (no demonyms): what a toponym can be."""
    table = country_table()
    key = normalise(text)
    return table.by_name.get(key) or table.by_name.get(without_article(key))


def country_of_demonym(text: str) -> Country | None:
    """The country whose demonym or adjective `text` is ("Afghan", "Israelis"), else None."""
    key = normalise(text)
    table = country_table()
    return table.by_demonym.get(key) or table.by_demonym.get(without_article(key))


# Seats of government other than the table's capital, and other English names of capitals, each
# standing for its government in the news ("The Hague" rules, "Abidjan said"). Sources: the CIA
# World Factbook's "capital" entries (administrative vs constitutional capitals).
OTHER_SEATS = {
    "The Hague": "NLD", "Abidjan": "CIV", "Dar es Salaam": "TZA", "La Paz": "BOL", "Putrajaya": "MYS",
    "Cotonou": "BEN", "Naypyidaw": "MMR", "Naypyitaw": "MMR", "Delhi": "IND", "Washington, D.C.": "USA",
    "Washington DC": "USA", "Kyiv": "UKR", "Kiev": "UKR", "Sri Jayawardenepura Kotte": "LKA",
}


SMALLEST_CAPITAL_COUNTRY = 100_000


def country_of_capital(name: str) -> Country | None:
    """The country whose capital or seat of government `name` is ("Kabul", "The Hague"), else None.
    A capital name shared by two countries goes to the more populous one; the retired codes GeoNames
    keeps (Serbia and Montenegro's Belgrade) yield to the country of today. Capitals of places under
    100,000 people are left out: their names are mostly other things in the news (Plymouth, Douglas,
    Stanley, Hamilton, Victoria)."""
    return _capitals().get(without_article(normalise(name)))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, Country]:
    by_capital: dict[str, Country] = {}
    for country in sorted(all_countries(), key=lambda c: (c.capital_geonameid is not None, c.population)):
        if country.capital and country.population >= SMALLEST_CAPITAL_COUNTRY:
            by_capital[without_article(normalise(country.capital))] = country
    for name, iso3 in OTHER_SEATS.items():
        by_capital[without_article(normalise(name))] = country_by_iso3(iso3)
    return by_capital


def country_by_iso2(code: str) -> Country | None:
    """The country with ISO 3166-1 alpha-2 code `code` (any case), else None."""
    return country_table().by_iso2.get(code.upper())


def country_by_iso3(code: str) -> Country | None:
    """The country with ISO 3166-1 alpha-3 code `code` (any case), else None."""
    return country_table().by_iso3.get(code.upper())


def all_countries() -> list[Country]:
    """Every country of the table, in file order (by ISO alpha-2)."""
    return list(country_table().by_iso2.values())


@lru_cache(maxsize=1)
def country_table(path: Path = COUNTRIES_FILE) -> CountryTable:
    """The country table read from `path`, once per process.

    Raises:
        DictionaryError: on a malformed line or a name claimed by two countries.
    """
    table = CountryTable({}, {}, {}, {})
    for line_no, fields in tsv_rows(path):
        country = _country_from(fields, path, line_no)
        table.by_iso2[country.iso2] = country
        table.by_iso3[country.iso3] = country
        for name in (country.name, *country.aliases):
            _claim(table.by_name, name, country, path, line_no)
        for demonym in country.demonyms:
            _claim(table.by_demonym, demonym, country, path, line_no)
    return table


def _country_from(fields: list[str], path: Path, line_no: int) -> Country:
    """A Country from one TSV row."""
    if len(fields) != len(COLUMNS):
        raise DictionaryError(f"{path}:{line_no}: expected {len(COLUMNS)} tab-separated columns, "
                              f"found {len(fields)}")
    row = dict(zip(COLUMNS, fields))
    if not re.fullmatch(r"[A-Z]{2}", row["iso2"]) or not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
        raise DictionaryError(f"{path}:{line_no}: bad ISO codes {row['iso2']!r} / {row['iso3']!r}")
    try:
        return Country(
            iso2=row["iso2"], iso3=row["iso3"], name=row["name"], capital=row["capital"] or None,
            lat=float(row["lat"]), lon=float(row["lon"]),
            demonyms=_split(row["demonyms"]), aliases=_split(row["aliases"]),
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            capital_geonameid=int(row["capital_geonameid"]) if row["capital_geonameid"] else None,
            population=int(row["population"] or 0),
        )
    except ValueError as exc:
        raise DictionaryError(f"{path}:{line_no}: bad number ({exc})") from None


def _split(cell: str) -> tuple[str, ...]:
    """The |-separated values of a cell."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _claim(index: dict[str, Country], name: str, country: Country, path: Path, line_no: int) -> None:
    """Index `name` for `country`; the same name for two countries is a data error."""
    key = normalise(name)
    owner = index.get(key)
    if owner is not None and owner.iso2 != country.iso2:
        raise DictionaryError(f"{path}:{line_no}: {name!r} already names {owner.iso2}")
    index[key] = country
