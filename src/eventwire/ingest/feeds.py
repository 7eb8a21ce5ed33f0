"""Ingest: RSS and Atom feed files (.rss, .atom, .xml) read with feedparser, one article per entry.

An entry's text is its full content (content:encoded, Atom <content>) or else its summary or
description: HTML goes through `pages.article_from_html`, or through a light HTML-to-text
conversion when trafilatura finds nothing in a short fragment; plain text is taken as it is.
The entry's title, link (as `url`), date (YYYY-MM-DD, in the entry's own time zone), author, and
the feed's title (as `publisher`) win over what the HTML gives.

An article's id is the entry's guid (Atom <id>) or else its link, so that the same story read
again from a later copy of the feed keeps its id and `eventwire run` stores it once; a guid that
is not a URI ("12345") is prefixed with the file name, and an entry with neither gets
`<file name without extension>:<entry number>`. An entry without text fails alone.

Nothing is fetched: feedparser is given the bytes, external DTDs are not loaded and links are
not followed.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .charset import decode_feed
from .checks import (
    HTML_SIZE_FACTOR, calendar_date, check_not_binary, check_not_empty, check_size, file_stem, normalise_text,
)
from .pages import article_from_html

LOGGER = logging.getLogger(__name__)

# feedparser keeps a whole feed in memory; beyond this a file is almost surely not one feed.
MAX_FEED_BYTES = 200 * 2**20
# The root element of RSS 0.9x/2.0 (<rss>), RSS 1.0 (<rdf:RDF>) and Atom (<feed>), after the XML
# declaration, comments and doctype.
FEED_ROOT = re.compile(rb"<(?:rss|feed|(?:[\w-]+:)?RDF)[\s>]")
FEED_SNIFF_BYTES = 4096
HTML_TYPES = ("text/html", "application/xhtml+xml")
DATE_FIELDS = ("published", "updated", "created")
EMAIL_AND_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
# Tags that end a paragraph in the light HTML-to-text conversion of short fragments.
BLOCK_TAGS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer
    h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul""".split())
HIDDEN_TAGS = frozenset(("script", "style", "template", "noscript"))


def read_feed(path: Path, *, max_chars: int, encoding: str | None = None) -> Iterator[Article]:
    """One article per entry of the feed in `path`, in feed order.

    Args:
        path: an RSS (0.9x, 1.0, 2.0) or Atom file.
        max_chars: entries whose text is longer than this fail with an error.
        encoding: decode the file with this codec instead of the declared or detected one.

    Raises:
        InputError: the file is not a feed (not XML, no RSS or Atom root) or has no entries;
            `ingest` turns it into one failed article for the file.
    """
    feed = _parse(_read_bytes(path), path, encoding)
    publisher = _plain(feed.feed.get("title"), feed.feed.get("title_detail"))
    for number, entry in enumerate(feed.entries, start=1):
        yield _entry_article(entry, path, number, publisher, max_chars)


def looks_like_feed(path: Path) -> bool:
    """Whether the file starts like an RSS or Atom document (for .xml files found in folders)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(FEED_SNIFF_BYTES)
    except OSError:
        return True  # read it anyway, so that the error is reported with the file's name
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    return FEED_ROOT.search(head) is not None


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FEED_BYTES:
        raise InputError(f"{path}: too large for a feed: {size:,} bytes, over {MAX_FEED_BYTES:,}")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: file is empty" if not data else f"{path}: file contains only whitespace")
    check_not_binary(data, path)
    return data


def _parse(data: bytes, path: Path, encoding: str | None):
    """The feedparser result for `data`, or InputError when it is not a feed with entries."""
    import feedparser  # imported here: only feed input needs it

    text = decode_feed(data, str(path), encoding=encoding).text
    try:
        # A stream, not bytes: feedparser would try a str or bytes argument as a URL or a file
        # name first. The header makes it take the bytes as the UTF-8 they now are.
        feed = feedparser.parse(io.BytesIO(text.encode("utf-8")), resolve_relative_uris=False,
                                response_headers={"content-type": "application/xml; charset=utf-8"})
    except Exception as exc:  # noqa: BLE001  a parser crash on bad input is bad input
        raise InputError(f"{path}: cannot parse the feed: {type(exc).__name__}: {exc}") from None
    problem = feed.get("bozo_exception")
    if not feed.get("version"):
        why = f" ({_first_line(problem)})" if problem else ""
        raise InputError(f"{path}: not an RSS or Atom feed{why}")
    if problem:
        LOGGER.info("%s: feed is not well-formed XML (%s); read leniently", path, _first_line(problem))
    if not feed.entries:
        raise InputError(f"{path}: the feed has no entries")
    return feed


def _entry_article(entry, path: Path, number: int, publisher: str | None, max_chars: int) -> Article:
    """The article of one entry; a failed article naming the file and the entry if it has no text."""
    title = _plain(entry.get("title"), entry.get("title_detail"))
    label = f"{path} entry {number}" + (f" ({title!r})" if title else "")
    meta = {"title": title, "url": entry.get("link"), "published": _entry_date(entry),
            "author": _author(entry), "publisher": publisher}
    meta = {key: value.strip() for key, value in meta.items() if value and value.strip()}
    article_id, source = _entry_id(entry, path, number), f"{path}:{number}"
    try:
        article = _body_article(entry, article_id, source, label, max_chars)
    except InputError as exc:
        return Article(id=article_id, source=source, error=str(exc), **meta)
    for key, value in meta.items():
        setattr(article, key, value)
    return article


def _body_article(entry, article_id: str, source: str, label: str, max_chars: int) -> Article:
    """An article from the entry's content or summary, HTML or plain text."""
    body, media_type = _entry_body(entry)
    if not body.strip():
        raise InputError(f"{label}: the entry has no text (no content, summary or description)")
    if media_type not in HTML_TYPES:
        text = normalise_text(body.strip())
        check_size(text, max_chars, label)
        return Article(id=article_id, source=source, text=text)
    html = normalise_text(body)
    check_size(html, max_chars * HTML_SIZE_FACTOR, label + " (HTML)")
    try:
        return article_from_html(article_id, source, f"<html><body>{html}</body></html>",
                                        max_chars=max_chars, label=label)
    except InputError:  # too short or too bare for trafilatura: a light conversion keeps it
        text = fragment_text(html)
    check_not_empty(text, label, "entry text")
    check_size(text, max_chars, label)
    return Article(id=article_id, source=source, html=html, text=text)


def _entry_body(entry) -> tuple[str, str]:
    """The longest content of the entry, else its summary, with its media type."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], (best.get("type") or "text/html").lower()
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", (detail.get("type") or "text/html").lower()


def _entry_id(entry, path: Path, number: int) -> str:
    guid = (entry.get("id") or "").strip()
    if guid:
        return guid if ":" in guid else f"{file_stem(path)}:{guid}"
    return (entry.get("link") or "").strip() or f"{file_stem(path)}:{number}"


def _entry_date(entry) -> str | None:
    """YYYY-MM-DD of the entry's publication (else update) date, in the time zone it was given in.

    feedparser's *_parsed dates are in UTC, which moves a story published late in the evening in
    the Americas to the next day; the raw value is read first and the UTC date is the fallback.
    """
    for name in DATE_FIELDS:
        raw = (entry.get(name) or "").strip()
        if raw and (local := _local_date(raw)):
            return local
        parsed = entry.get(f"{name}_parsed")
        # feedparser normalises whatever numbers it finds: "0000-00-00" comes out as year -1
        if parsed and (date := calendar_date(time.strftime("%Y-%m-%d", parsed))):
            return date
    return None


def _local_date(raw: str) -> str | None:
    """The date part of an ISO 8601 (Atom) or RFC 822 (RSS) date as written, or None."""
    try:
        return datetime.fromisoformat(raw).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _author(entry) -> str | None:
    """The author's name. RSS <author> is often "email (Name)"; it is split here, since
    feedparser 6.0.14's author_detail cuts it at the wrong places ("ple (Ana Ribeiro")."""
    author = (entry.get("author") or "").strip()
    match = EMAIL_AND_NAME.match(author)
    return match.group("name").strip() if match else author or None


def _plain(value: str | None, detail) -> str | None:
    """A title as plain text (feed titles may be HTML)."""
    if not value:
        return None
    if ((detail or {}).get("type") or "").lower() in HTML_TYPES:
        value = fragment_text(value)
    return " ".join(value.split()) or None


def _first_line(problem: Exception) -> str:
    return str(problem).strip().splitlines()[0] if str(problem).strip() else type(problem).__name__


def fragment_text(html: str) -> str:
    """The text of an HTML fragment: one paragraph per block element, whitespace collapsed."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = (" ".join(part.split()) for part in "".join(collector.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, with a paragraph break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)
