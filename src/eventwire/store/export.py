"""Export a table (or the actors summary) of an eventwire database to CSV, JSON Lines or Parquet.

DuckDB writes all three formats itself with COPY ... TO, so nothing is loaded into Python.
"""

from __future__ import annotations

from pathlib import Path

from .db import ACTORS_SQL, Store, StoreError

FORMATS = {"csv": "(FORMAT csv, HEADER)", "jsonl": "(FORMAT json)", "parquet": "(FORMAT parquet)"}

# A stable row order, so two exports of the same database are byte-identical.
QUERIES = {
    "events": "SELECT * FROM events ORDER BY doc_id, start, event_id",
    "quotes": "SELECT * FROM quotes ORDER BY doc_id, start, quote_id",
    "entities": "SELECT * FROM entities ORDER BY doc_id, entity_id",
    "places": "SELECT * FROM places ORDER BY doc_id, place_id",
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
        table: one of events, quotes, actors, entities, places, documents.
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
