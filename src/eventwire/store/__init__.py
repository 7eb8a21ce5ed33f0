"""Storage in DuckDB and exports: `Store` wraps one database, `export` writes a table to a file."""

from .db import Store, StoreError
from .export import FORMATS, TABLES, export, format_for

__all__ = ["FORMATS", "TABLES", "Store", "StoreError", "export", "format_for"]
