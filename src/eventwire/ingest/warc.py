"""Ingest: web archives (.warc, .warc.gz) read with warcio, one article per archived HTML page.

Every `response` record with status 200 and every `resource` record whose payload is an HTML page
becomes an article through `pages.article_from_html`. Requests, metadata, warcinfo, revisits,
DNS records, other statuses and non-HTML payloads (images, JSON, PDFs) are skipped and only
counted (logged with -v). An article's id is `<file name without .warc/.warc.gz>:<record
number>`, numbering every record of the file from 1 (skipped ones included), so the id of a page
does not change when the rules for what is skipped do; its `url` is the WARC-Target-URI and its
`published` date falls back to the capture date when the page gives none.

A record that cannot be used fails alone; an archive that stops being readable (truncated,
corrupt, not a WARC) ends with one failed article naming the record where it broke.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputError
from ..model import Article
from .charset import decode_html
from .checks import HTML_SIZE_FACTOR, MAX_BYTES_PER_CHAR, calendar_date, file_stem, normalise_text
from .pages import article_from_html

LOGGER = logging.getLogger(__name__)

PAGE_RECORD_TYPES = ("response", "resource")
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")
# A payload without a Content-Type is taken as HTML when it starts like a page.
HTML_OPENINGS = (b"<!doctype html", b"<html")
SNIFF_BYTES = 512
DRAIN_CHUNK = 1 << 16


def read_warc(path: Path, *, max_chars: int, encoding: str | None = None) -> Iterator[Article]:
    """One article per HTML page archived in `path`, in record order; never raises for bad input.

    Args:
        path: a .warc or .warc.gz file (gzip is recognised from the bytes, not the name).
        max_chars: pages whose text is longer than this fail with an error.
        encoding: decode every page with this codec instead of the declared or detected one.

    Yields:
        Articles with `html` and `text`, or with `error` naming the file, the record and the problem.
    """
    if path.stat().st_size == 0:
        raise InputError(f"{path}: file is empty")
    with path.open("rb") as stream:  # an unreadable file is reported by ingest, as for any input
        yield from _read_records(stream, path, max_chars, encoding)


def _read_records(stream, path: Path, max_chars: int, encoding: str | None) -> Iterator[Article]:
    """The articles of the archive open in `stream`; where it stops being readable, a failed one."""
    skipped: Counter[str] = Counter()
    pages = number = 0
    try:
        records = iter(ArchiveIterator(stream))
        for number in itertools.count(1):  # counted before next(): a read error names its record
            record = next(records, None)
            if record is None:
                break
            if record.format != "warc":  # warcio reads any line as an ARC header
                raise InputError(f"{path} record {number}: cannot read the archive: not a WARC record")
            reason = _skip_reason(record)
            if reason:
                skipped[reason] += 1
                _check_complete(record, path, number)
                continue
            pages += 1
            yield _record_article(record, path, number, max_chars, encoding)
    except InputError as exc:
        yield _failed(path, number if pages or skipped else 0, str(exc))
        return
    except Exception as exc:  # noqa: BLE001  warcio raises many kinds on a corrupt archive: bad input, not a crash
        yield _failed(path, number if pages or skipped else 0, f"{path} record {number}: cannot read the "
                      f"archive: it is truncated or corrupt ({type(exc).__name__}: {exc})")
        return
    if not pages:
        yield _failed(path, 0, f"{path}: no HTML pages in the archive ({_describe(skipped) or 'no records'})")
    LOGGER.info("%s: %d HTML pages; %d records skipped (%s)", path, pages, sum(skipped.values()),
                _describe(skipped) or "none")


def _skip_reason(record) -> str | None:
    """Why a record is not an archived HTML page ("request", "non-200", "non-HTML"), or None."""
    if record.rec_type not in PAGE_RECORD_TYPES:
        return record.rec_type
    if record.rec_type == "response":
        if record.http_headers is None:  # dns: and other non-HTTP captures
            return "non-HTTP"
        if record.http_headers.get_statuscode() != "200":
            return "non-200"
    media_type = (_content_type(record) or "").split(";")[0].strip().lower()
    if media_type and media_type not in HTML_MEDIA_TYPES:
        return "non-HTML"
    return None


def _record_article(record, path: Path, number: int, max_chars: int, encoding: str | None) -> Article:
    """The article of one HTML record, or a failed article naming the record and the problem."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    label = f"{path} record {number} ({uri})"
    article_id = f"{file_stem(path)}:{number}"
    try:
        data = _payload(record, label, max_chars)
        _check_complete(record, path, number)
        if not data.strip():
            raise InputError(f"{label}: the archived page is empty")
        if not _content_type(record) and not _starts_like_html(data):
            raise InputError(f"{label}: payload has no Content-Type and does not look like HTML")
        html = normalise_text(decode_html(data, label, encoding=encoding,
                                                 content_type=_content_type(record)).text)
        article = article_from_html(article_id, f"{path}:{number}", html, max_chars=max_chars,
                                           label=label)
    except InputError as exc:
        return Article(id=article_id, source=f"{path}:{number}", url=uri, error=str(exc))
    article.url = uri or article.url
    article.published = article.published or _capture_date(record)
    return article


def _payload(record, label: str, max_chars: int) -> bytes:
    """The page's bytes (de-chunked and decompressed), refused unread beyond what max_chars allows."""
    limit = max_chars * HTML_SIZE_FACTOR * MAX_BYTES_PER_CHAR
    try:
        data = record.content_stream().read(limit + 1)
    except Exception as exc:  # noqa: BLE001  e.g. a Content-Encoding that does not decode: this record only
        raise InputError(f"{label}: cannot read the payload: {type(exc).__name__}: {exc}") from None
    if len(data) > limit:
        raise InputError(f"{label}: too large: over {limit:,} bytes of HTML "
                         f"(raise --max-chars if this really is one article)")
    return data


def _check_complete(record, path: Path, number: int) -> None:
    """InputError if the archive ends before the record does (warcio returns what is there silently)."""
    raw = record.raw_stream
    if not hasattr(raw, "limit"):  # warcio reads a record without Content-Length to the end of the file
        raise InputError(f"{path} record {number}: cannot read the archive: the record has no "
                         f"Content-Length; it is truncated or corrupt")
    while raw.read(DRAIN_CHUNK):
        pass
    if raw.limit > 0:  # a LimitReader counts down the record's Content-Length as it reads
        raise InputError(f"{path} record {number}: the archive is truncated: it ends {raw.limit:,} "
                         f"bytes before the end of this record")


def _content_type(record) -> str | None:
    """The payload's Content-Type: from the HTTP headers of a response, the WARC headers of a resource."""
    if record.rec_type == "response":
        return record.http_headers.get_header("Content-Type")
    return record.rec_headers.get_header("Content-Type")


def _starts_like_html(data: bytes) -> bool:
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(HTML_OPENINGS)


def _capture_date(record) -> str | None:
    """YYYY-MM-DD of the WARC-Date (when the page was archived)."""
    return calendar_date(record.rec_headers.get_header("WARC-Date") or "")


def _describe(counts: Counter[str]) -> str:
    """'2 request, 1 non-HTML' for the skipped records."""
    return ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items()))


def _failed(path: Path, number: int, message: str) -> Article:
    """A failed article for record `number`, or for the whole file (0) when nothing could be read."""
    stem = file_stem(path)
    if not number:
        return Article(id=stem, source=str(path), error=message)
    return Article(id=f"{stem}:{number}", source=f"{path}:{number}", error=message)
