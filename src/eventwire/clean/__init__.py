"""Clean: separate a scraped article's body from the page around it (promo lines, captions,
headline, dateline, byline), keeping every piece taken out. Reads `doc.raw_text`; writes
`doc.text`, `doc.title`, `doc.published`, `doc.removed`. The `verbatim` stage takes the text as it is.
"""

from .stage import Cleaner, Verbatim, clean_text

__all__ = ["Cleaner", "Verbatim", "clean_text"]
