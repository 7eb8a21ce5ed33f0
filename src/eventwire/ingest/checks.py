"""What every input reader shares: the kinds of file read, the checks that turn bad input into an
`InputError` naming the input and the problem, and the normalising of text and dates."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from pathlib import Path

from ..errors import InputError

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
# .xml files are read only when they are RSS or Atom feeds; other XML in a folder is passed over.
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES

# A page's markup is typically several times its text; beyond this multiple of max_chars the HTML
# is refused before parsing, since extracting it would take long and is almost surely a mistake.
HTML_SIZE_FACTOR = 10
# Bytes sampled to decide whether a file is binary, and the share of control bytes that makes it so.
BINARY_SAMPLE = 8192
BINARY_CONTROL_SHARE = 0.10
MAX_BYTES_PER_CHAR = 4  # UTF-8; also covers UTF-16 and single-byte encodings
TEXT_CONTROL_BYTES = set(b"\t\n\r\f\b\x1b")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LINE_BREAKS = re.compile(r"\r\n?")


def calendar_date(value: str) -> str | None:
    """The YYYY-MM-DD that `value` starts with, when it is a real calendar date ("2024-02-30" and
    "0000-00-00" are not), else None."""
    if not ISO_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def normalise_text(text: str) -> str:
    """Text without a BOM, with \\n line breaks, in Unicode NFC."""
    text = LINE_BREAKS.sub("\n", text.removeprefix("\ufeff"))
    return unicodedata.normalize("NFC", text)


def check_not_binary(data: bytes, path: Path) -> None:
    """InputError if the file looks binary: NUL bytes or many control bytes (UTF-16 text is allowed)."""
    sample = data[:BINARY_SAMPLE]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = sum(1 for byte in sample if (byte < 32 or byte == 127) and byte not in TEXT_CONTROL_BYTES)
    if b"\x00" in sample or (sample and controls / len(sample) > BINARY_CONTROL_SHARE):
        raise InputError(f"{path}: looks like a binary file, not text (NUL or control bytes); "
                         f"expected a text, HTML, JSONL or feed file")


def check_not_empty(text: str, label: str, what: str = "file") -> None:
    """InputError if there is no text at all, or only whitespace."""
    if not text:
        raise InputError(f"{label}: {what} is empty")
    if not text.strip():
        raise InputError(f"{label}: {what} contains only whitespace")


def check_size(text: str, limit: int, label: str) -> None:
    """InputError if `text` is longer than `limit` characters."""
    if len(text) > limit:
        raise InputError(f"{label}: too large: {len(text):,} characters, over the limit of {limit:,} "
                         f"(raise it with --max-chars if this really is one article)")


def file_stem(path: Path) -> str:
    """The file name without its input suffix: "crawl" for crawl.warc.gz, "story" for story.txt."""
    lower = path.name.lower()
    suffix = next((s for s in WARC_SUFFIXES if lower.endswith(s) and lower != s), None)
    return path.name[:-len(suffix)] if suffix else path.stem or path.name
