"""`eventwire serve`: a web explorer over an eventwire database (JSON API and pages).

Example:
    >>> from eventwire.serve import create_app
    >>> app = create_app(Store("news.duckdb", read_only=True))
"""

from .app import create_app

__all__ = ["create_app"]
