"""Read input paths (.txt, .html/.htm, .jsonl, .warc/.warc.gz, .rss/.atom/.xml feeds, folders)
into `Article`s, in input order.

Bad input never raises out of `read_inputs`: an unusable file, line, record or entry becomes an
`Article` whose `error` names the input and the problem, so the output still has one line per
input article and the run goes on. HTML pages become text in `pages`, WARC archives are read in
`warc`, feeds in `feeds`, and the encoding of pages that are not UTF-8 is found in `charset`.
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import settings as _settings
from ..errors import InputError
from ..model import Article
from .charset import decode_html, detect_encoding
from .checks import (
    BINARY_SAMPLE, FEED_SUFFIXES, HTML_SIZE_FACTOR, HTML_SUFFIXES, JSONL_SUFFIXES, MAX_BYTES_PER_CHAR,
    SUPPORTED_SUFFIXES, WARC_SUFFIXES, calendar_date, check_not_binary, check_not_empty, check_size,
    file_stem, normalise_text,
)
from .feeds import looks_like_feed, read_feed
from .pages import article_from_html
from .warc import read_warc

LOGGER = logging.getLogger(__name__)

JSON_METADATA = ("title", "published", "url", "publisher", "author")


def read_inputs(paths: Iterable[str | Path] | str | Path, *, max_chars: int = _settings.DEFAULT_MAX_CHARS,
                encoding: str | None = None, skip: Iterable[str | Path] = ()) -> Iterator[Article]:
    """Yield one `Article` per input article, in input order; never raises for bad input.

    Args:
        paths: files or folders. Folders are searched recursively, in sorted order, for .txt,
            .html, .htm, .jsonl, .warc, .warc.gz, .rss and .atom files and .xml feeds; other
            files in them are skipped.
        max_chars: articles whose text is longer than this are refused with an error.
        encoding: decode files with this codec (e.g. "cp1252") instead of UTF-8 for text and
            JSONL, and instead of the declared or detected encoding for HTML, WARC and feeds.
        skip: files found in folders that are not inputs (the run's own output file).

    Yields:
        Articles with `text` or `html` filled (HTML is also converted to `text`), or with `error`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    skipped = {Path(p).resolve() for p in skip}
    for path in map(Path, paths):
        if path.is_dir():
            yield from map(_encodable, _read_folder(path, max_chars, encoding, skipped))
        else:
            yield from map(_encodable, _read_file(path, max_chars, encoding))


def _encodable(article: Article) -> Article:
    """The article with every string writable as UTF-8. Python keeps the bytes of a file name that
    is not UTF-8 as lone surrogates ("\\udcff"), and JSON escapes can spell them ("\\ud800"),
    but no output can hold them: the id, source and error are written with the surrogates
    escaped, and an article whose text or metadata holds one fails with an error saying where."""
    for name in ("id", "source", "error"):
        value = getattr(article, name)
        if value and not _is_encodable(value):
            setattr(article, name, value.encode("utf-8", "backslashreplace").decode("utf-8"))
    if article.error:
        return article
    for name in ("text", "html", "title", "published", "url", "publisher", "author"):
        value = getattr(article, name)
        if value and not _is_encodable(value):
            at = next(i for i, char in enumerate(value) if "\ud800" <= char <= "\udfff")
            return Article(id=article.id, source=article.source, error=(
                f"{article.source}: the {name} holds an unpaired surrogate (\\u{ord(value[at]):04x} at "
                f"character {at}), which is not a character; it cannot be read as text"))
    return article


def _is_encodable(value: str) -> bool:
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read_folder(folder: Path, max_chars: int, encoding: str | None, skipped: set[Path]) -> Iterator[Article]:
    """Every supported file under `folder`, sorted by relative path; an error if there is none."""
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and _is_supported(p) and p.resolve() not in skipped
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    files = [p for p in files if not p.name.lower().endswith(".xml") or is_feed_file(p)]
    if not files:
        yield _failed(folder, f"{folder}: folder has no {', '.join(SUPPORTED_SUFFIXES)} files")
    for path in files:
        yield from _read_file(path, max_chars, encoding)


def _read_file(path: Path, max_chars: int, encoding: str | None) -> Iterator[Article]:
    """The article(s) in one file, or one failed article saying why the file cannot be read."""
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if not path.is_file():
            raise InputError(f"{path}: not a regular file")
        if not _is_supported(path):
            raise InputError(f"{path}: unsupported file type {suffix or '(no extension)'!r}; "
                             f"expected one of {', '.join(SUPPORTED_SUFFIXES)} or a folder")
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, max_chars, encoding)
            return
        if path.name.lower().endswith(WARC_SUFFIXES):
            yield from read_warc(path, max_chars=max_chars, encoding=encoding)
            return
        if path.name.lower().endswith(FEED_SUFFIXES):
            yield from read_feed(path, max_chars=max_chars, encoding=encoding)
            return
        limit = max_chars * (HTML_SIZE_FACTOR if suffix in HTML_SUFFIXES else 1)
        text = _read_text(path, limit, encoding)
        if suffix in HTML_SUFFIXES:
            yield article_from_html(path.stem, str(path), text, max_chars=max_chars)
        else:
            yield Article(id=path.stem, source=str(path), text=text)
    except InputError as exc:
        yield _failed(path, str(exc))
    except OSError as exc:
        yield _failed(path, f"{path}: cannot read file: {exc.strerror or exc}")


def _read_text(path: Path, limit: int, encoding: str | None) -> str:
    """The whole file as checked, decoded, normalised text of at most `limit` characters."""
    size = path.stat().st_size
    if size > limit * MAX_BYTES_PER_CHAR:  # refused unread: it cannot decode to `limit` characters
        raise InputError(f"{path}: too large: {size:,} bytes, over the limit of {limit:,} characters "
                         f"(raise it with --max-chars if this really is one article)")
    data = path.read_bytes()
    check_not_binary(data, path)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = normalise_text(decode_html(data, str(path), encoding=encoding).text)
    else:
        text = _decode(data, encoding, str(path), detect=True)
    check_not_empty(text, str(path))
    check_size(text, limit, str(path))
    return text


def _read_jsonl(path: Path, max_chars: int, encoding: str | None) -> Iterator[Article]:
    """One article per non-blank line, read as a stream; a bad line fails alone and the rest go on."""
    with path.open("rb") as stream:
        check_not_binary(stream.read(BINARY_SAMPLE), path)
        stream.seek(0)
        offset, seen_bytes, seen_line = 0, False, False
        for number, raw_line in enumerate(stream, start=1):
            line_offset, offset = offset, offset + len(raw_line)
            seen_bytes = True
            if not raw_line.strip():
                continue
            seen_line = True
            yield jsonl_article(raw_line, path, number, line_offset, max_chars, encoding)
    if not seen_line:
        raise InputError(f"{path}: file contains only whitespace" if seen_bytes else f"{path}: file is empty")


def jsonl_article(raw_line: bytes, path: Path, number: int, offset: int, max_chars: int,
                   encoding: str | None) -> Article:
    """The article on one JSONL line, or a failed article named `<file stem>:<line number>`."""
    try:
        line = _decode(raw_line, encoding, f"{path} line {number}", base_offset=offset)
        return _article_from_json(line, path, number, max_chars)
    except InputError as exc:
        return Article(id=f"{path.stem}:{number}", source=f"{path}:{number}", error=str(exc))


def _article_from_json(line: str, path: Path, number: int, max_chars: int) -> Article:
    """The article on one JSONL line; metadata given there wins over what HTML would give."""
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} line {number}: malformed JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:  # arrays or objects nested about a thousand deep
        raise InputError(f"{path} line {number}: malformed JSON: nested too deeply to read") from None
    except ValueError:  # an integer of over 4,300 digits (Python's int_max_str_digits)
        raise InputError(f"{path} line {number}: malformed JSON: a number too long to read") from None
    if not isinstance(record, dict):
        raise InputError(f"{path} line {number}: expected a JSON object, got {type(record).__name__}")
    article_id = record.get("id")
    if not isinstance(article_id, str) or not article_id.strip():
        raise InputError(f"{path} line {number}: missing or non-string \"id\" (each line needs a string id)")
    meta = _json_metadata(record, f"{path} line {number} (id {article_id!r})")
    # when a line has both, "text" wins: it is what the sender already extracted
    body = {key: record.get(key) for key in ("text", "html") if record.get(key) is not None}
    if not body or not all(isinstance(value, str) for value in body.values()):
        raise InputError(f"{path} line {number} (id {article_id!r}): needs a string \"text\" or \"html\"")
    label = f"{path} line {number} (id {article_id!r})"
    if "text" in body:
        text = normalise_text(body["text"])
        check_not_empty(text, label, "text")
        check_size(text, max_chars, label)
        return Article(id=article_id, source=where, text=text, **meta)
    html = normalise_text(body["html"])
    check_not_empty(html, label, "html")
    article = article_from_html(article_id, where, html, max_chars=max_chars, label=label)
    for key, value in meta.items():
        setattr(article, key, value)
    return article


def _json_metadata(record: dict, label: str) -> dict[str, str]:
    """The optional metadata fields of a JSONL record that are given (not null)."""
    meta = {}
    for key in JSON_METADATA:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{label}: \"{key}\" must be a string, got {type(value).__name__}")
        meta[key] = value.strip()
    published = meta.get("published")
    if published is not None:
        meta["published"] = calendar_date(published)
        if meta["published"] is None:
            raise InputError(f"{label}: \"published\" must be a date YYYY-MM-DD, got {published!r}")
    return meta


def _decode(data: bytes, encoding: str | None, label: str, base_offset: int = 0, *,
            detect: bool = False) -> str:
    """`data` decoded (UTF-8 unless `encoding` is given) and normalised, or InputError saying where it fails.

    With `detect`, bytes that are not UTF-8 are decoded with the encoding charset_normalizer
    finds (logged), and the error is raised only when it finds none.
    """
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    try:
        return normalise_text(data.decode(encoding or "utf-8"))
    except LookupError:
        raise InputError(f"{label}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        byte = data[exc.start:exc.start + 1].hex().upper()
        where = f"at byte offset {base_offset + exc.start} (byte 0x{byte})"
        if encoding:
            raise InputError(f"{label}: cannot be decoded as {encoding} {where}") from None
        if detect and (text := _decode_detected(data, label)) is not None:
            return text
        detection = "; no other encoding could be detected" if detect else ""
        raise InputError(f"{label}: not valid UTF-8 {where}{detection}; if the file uses another "
                         f"encoding, pass it with --encoding (e.g. --encoding cp1252)") from None


def _decode_detected(data: bytes, label: str) -> str | None:
    """`data` decoded with the detected encoding (and a log line saying which), or None."""
    detected = detect_encoding(data)
    if detected is None:
        return None
    try:
        text = data.decode(detected)
    except UnicodeDecodeError:
        return None
    LOGGER.info("%s: not UTF-8; read as %s (detected; pass --encoding to choose)", label, detected)
    return normalise_text(text)


def _failed(path: Path, message: str) -> Article:
    """A failed article for a whole file or folder."""
    return Article(id=file_stem(path), source=str(path), error=message)


def _is_supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED_SUFFIXES)


def is_feed_file(path: Path) -> bool:
    """Whether an .xml file found in a folder is an RSS or Atom feed (other XML is passed over)."""
    if looks_like_feed(path):
        return True
    LOGGER.info("%s: not an RSS or Atom feed; skipped", path)
    return False
