"""Export a table (or the actors summary) of an eventwire database to CSV, JSON Lines or Parquet.

DuckDB writes all three formats itself with COPY ... TO, so nothing is loaded into Python. Besides
the stored tables there is `gdelt`: the event clusters laid out as GDELT 2.0's event table
(column names and codes as in the GDELT Event Codebook V2.0), for tools that read GDELT.
"""

from __future__ import annotations

from pathlib import Path

from ..knowledge.event_identity import SECTOR_CODES
from .db import ACTORS_SQL, Store, StoreError

FORMATS = {"csv": "(FORMAT csv, HEADER)", "jsonl": "(FORMAT json)", "parquet": "(FORMAT parquet)"}

# An actor code's parts as GDELT splits them: a country ("AFG" of "AFGINS"), then role types. A code
# that starts with a sector or an international body has no country.
_COUNTRY = ("CASE WHEN regexp_matches({code}, '^[A-Z]{{3}}') AND left({code}, 3) NOT IN ({not_countries}) "
            "THEN left({code}, 3) END")
_TYPE = ("CASE WHEN {code} IS NULL THEN NULL WHEN left({code}, 3) IN ({not_countries}) "
         "THEN left({code}, 3) ELSE nullif(substr({code}, 4, 3), '') END")
_NOT_COUNTRIES = ", ".join(f"'{code}'" for code in sorted(SECTOR_CODES | {"IGO", "NGO", "MNC", "IMG"}))


def _actor_columns(number: int, side: str) -> str:
    code = f"c.{side}_codes[1]"
    return (f"{code} AS Actor{number}Code, c.{side}_names[1] AS Actor{number}Name, "
            f"{_COUNTRY.format(code=code, not_countries=_NOT_COUNTRIES)} AS Actor{number}CountryCode, "
            f"{_TYPE.format(code=code, not_countries=_NOT_COUNTRIES)} AS Actor{number}Type1Code")


# GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin1).
GDELT_SQL = f"""
SELECT c.cluster_id AS GlobalEventID,
    CASE WHEN length(c.date_first) = 10 THEN CAST(replace(c.date_first, '-', '') AS INTEGER) END AS Day,
    CASE WHEN length(c.date_first) >= 7 THEN CAST(replace(left(c.date_first, 7), '-', '') AS INTEGER) END AS MonthYear,
    CAST(left(c.date_first, 4) AS INTEGER) AS Year,
    {_actor_columns(1, "source")}, {_actor_columns(2, "target")},
    c.cameo AS EventCode, left(c.cameo, 3) AS EventBaseCode, left(c.cameo, 2) AS EventRootCode,
    CASE c.quad_class WHEN 'verbal cooperation' THEN 1 WHEN 'material cooperation' THEN 2
        WHEN 'verbal conflict' THEN 3 WHEN 'material conflict' THEN 4 END AS QuadClass,
    c.goldstein AS GoldsteinScale, c.num_events AS NumMentions, c.num_sources AS NumSources,
    c.num_articles AS NumArticles,
    CASE WHEN c.feature IS NULL THEN NULL WHEN c.feature = 'country' THEN 1
        WHEN c.feature = 'admin1' THEN (CASE WHEN c.country = 'US' THEN 2 ELSE 5 END)
        ELSE (CASE WHEN c.country = 'US' THEN 3 ELSE 4 END) END AS ActionGeo_Type,
    c.place_name AS ActionGeo_FullName, c.country AS ActionGeo_CountryCode,
    c.lat AS ActionGeo_Lat, c.lon AS ActionGeo_Long, c.geonameid AS ActionGeo_FeatureID,
    CAST(strftime(c.first_seen, '%Y%m%d') AS BIGINT) AS DATEADDED, c.urls[1] AS SOURCEURL,
    c.type AS PloverType, c.date_last AS DateLast, c.last_seen AS LastSeen
FROM event_clusters c
ORDER BY c.date_first NULLS LAST, c.cluster_id
"""

# A stable row order, so two exports of the same database are byte-identical.
QUERIES = {
    "events": "SELECT * FROM events ORDER BY doc_id, start, event_id",
    "quotes": "SELECT * FROM quotes ORDER BY doc_id, start, quote_id",
    "entities": "SELECT * FROM entities ORDER BY doc_id, entity_id",
    "places": "SELECT * FROM places ORDER BY doc_id, place_id",
    "clusters": "SELECT * FROM event_clusters ORDER BY date_first NULLS LAST, cluster_id",
    "gdelt": GDELT_SQL,
    "documents": "SELECT * FROM documents ORDER BY id",
    "actors": ACTORS_SQL,
}
TABLES = tuple(QUERIES)


def format_for(path: str | Path) -> str:
    """The export format a file name implies (.csv, .jsonl/.ndjson, .parquet)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = {"ndjson": "jsonl", "json": "jsonl"}.get(suffix, suffix)
    if fmt not in FORMATS:
        raise StoreError(f"cannot tell the format of {path}; give one of {', '.join(FORMATS)}")
    return fmt


def export(store: Store, table: str, fmt: str, path: str | Path) -> int:
    """Write `table` of `store` to `path` in format `fmt`.

    Args:
        store: an open Store.
        table: one of events, quotes, actors, entities, places, documents, clusters, gdelt.
        fmt: csv, jsonl or parquet.
        path: the file to write (replaced if it exists).

    Returns:
        The number of rows written.
    """
    if table not in QUERIES:
        raise StoreError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    params = [None, None, None] if table == "actors" else []
    # COPY takes the file name as a parameter too, so no value is ever pasted into the SQL
    sql = f"COPY ({QUERIES[table]}) TO ? {FORMATS[fmt]}"
    result = store.con.execute(sql, [*params, str(path)]).fetchone()
    return result[0] if result else 0
