"""Quotes: direct, indirect and mixed quotes with speaker, cue, date and reporting chain. Reads
`doc.parse`, `doc.entities`, `doc.times`; writes `doc.quotes` (and speakers it finds, as
entities).
"""

from .stage import QuoteFinder

__all__ = ["QuoteFinder"]
