"""Ingest: the character encoding of web pages, feeds and texts that are not plain UTF-8.

Pages are decoded in the order browsers use (WHATWG HTML "determining the character encoding"):
the user's --encoding, a byte order mark, the HTTP Content-Type charset, the page's own
declaration (<meta charset>, http-equiv, or the XML declaration of a feed), then detection with
charset_normalizer. One step is added before the declarations: bytes that are valid UTF-8 and
not plain ASCII are read as UTF-8, because servers and templates often declare ISO-8859-1 by
default over UTF-8 pages, while text in a legacy encoding is almost never valid UTF-8 by chance.
A declaration that names an unknown codec or does not decode the bytes is passed over.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from ..errors import InputError

LOGGER = logging.getLogger(__name__)

# UTF-32 first: its little-endian mark begins with the UTF-16 one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Browsers look for <meta charset> in the first 1024 bytes; pages with long inline scripts in
# <head> put it later, so a wider window is searched.
DECLARATION_WINDOW = 8192
META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:+-]+)["']""")
CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';,\s]+)""", re.IGNORECASE)
# Labels WHATWG maps to another codec: pages labelled Latin-1 or ASCII are read as windows-1252
# by every browser (curly quotes in 0x80-0x9F), and GB2312 pages use the GBK superset.
WHATWG_CODECS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
}
# Detection considers only the encodings of the WHATWG Encoding Standard, the ones browsers can
# read: DOS and EBCDIC code pages never carry news pages, yet on a page with a few accented
# letters charset_normalizer can rank cp775 above cp1252 ("Z³rich" for "Zürich").
WEB_ENCODINGS = (
    "utf_8", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "cp874", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r",
    "koi8_u", "mac_roman", "mac_cyrillic", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis",
    "cp932", "euc_kr", "cp949",
)
# When several code pages score the same (a few accented letters in English fit cp1250 as well
# as cp1252), windows-1252 wins: it is by far the most common legacy encoding of English news
# pages, and it keeps "São" from coming out as "Săo". A tie on Central European text goes
# the wrong way ("ř" as "ø"); --encoding fixes that.
TIE_BREAK_CODEC = "cp1252"
SCORE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec used and the step that chose it (for -v logging)."""

    text: str
    encoding: str
    how: str


def decode_html(data: bytes, label: str, *, encoding: str | None = None,
                content_type: str | None = None) -> Decoded:
    """`data` of an HTML page decoded: --encoding, BOM, UTF-8, HTTP charset, <meta>, detection.

    Raises:
        InputError: `encoding` does not decode the bytes, or no encoding could be found.
    """
    head = data[:DECLARATION_WINDOW]
    declared = [(content_type_charset(content_type), "the HTTP Content-Type header"),
                (_meta_charset(head), "the page's <meta> declaration")]
    return _decode_in_order(data, label, encoding, declared)


def decode_feed(data: bytes, label: str, *, encoding: str | None = None) -> Decoded:
    """`data` of an RSS or Atom feed decoded: --encoding, BOM, UTF-8, XML declaration, detection."""
    match = XML_ENCODING.match(data[:DECLARATION_WINDOW])
    declared = [(match and match.group(1).decode("ascii"), "the XML declaration")]
    return _decode_in_order(data, label, encoding, declared)


def detect_encoding(data: bytes) -> str | None:
    """The codec charset_normalizer finds most plausible for `data`, or None (e.g. binary data)."""
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input needs it

    matches = list(from_bytes(data, cp_isolation=list(WEB_ENCODINGS)))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if abs(m.chaos - best.chaos) < SCORE_TOLERANCE
            and abs(m.coherence - best.coherence) < SCORE_TOLERANCE]
    if any(TIE_BREAK_CODEC in m.could_be_from_charset for m in tied):
        return TIE_BREAK_CODEC
    return best.encoding


def content_type_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value ("text/html; charset=utf-8")."""
    match = CONTENT_TYPE_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _decode_in_order(data: bytes, label: str, encoding: str | None,
                     declared: list[tuple[str | None, str]]) -> Decoded:
    """The first of --encoding, BOM, UTF-8, the `declared` charsets and detection that decodes `data`."""
    if encoding:
        return Decoded(_decode_strictly(data, encoding, label), encoding, "--encoding")
    steps = [(_bom_codec(data), "a byte order mark")]
    if b"\x00" not in data:  # ASCII text in UTF-16 without a BOM is valid UTF-8 too
        steps.append(("utf-8", "valid UTF-8"))
    steps += [(_codec(charset), how) for charset, how in declared]
    for codec, how in steps:
        if codec and (text := _try_decode(data, codec)) is not None:
            return Decoded(text, codec, how)
    detected = detect_encoding(data)
    if detected and (text := _try_decode(data, detected)) is not None:
        LOGGER.info("%s: no usable encoding declared; read as %s (detected)", label, detected)
        return Decoded(text, detected, "detection")
    raise InputError(f"{label}: cannot tell the character encoding (not UTF-8, no usable declaration, "
                     f"and detection found none); pass it with --encoding (e.g. --encoding cp1252)")


def _bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in BYTE_ORDER_MARKS if data.startswith(bom)), None)


def _meta_charset(head: bytes) -> str | None:
    """The charset of the first <meta charset> or http-equiv Content-Type in `head`."""
    match = META_CHARSET.search(head)
    if not match:
        return None
    charset = match.group(1).decode("ascii")
    # A page whose <meta> can be read as ASCII is not UTF-16, whatever it says (WHATWG).
    return "utf-8" if charset.lower().startswith(("utf-16", "utf-32")) else charset


def _codec(charset: str | None) -> str | None:
    """The Python codec for a declared charset label, or None if Python does not know it."""
    if not charset:
        return None
    label = charset.strip().lower()
    try:
        return codecs.lookup(WHATWG_CODECS.get(label, label)).name
    except LookupError:
        LOGGER.debug("unknown charset %r declared; ignored", charset)
        return None


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_strictly(data: bytes, encoding: str, label: str) -> str:
    """`data` in the user's encoding, or InputError saying where it fails."""
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"{label}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        byte = data[exc.start:exc.start + 1].hex().upper()
        raise InputError(f"{label}: cannot be decoded as {encoding} at byte offset {exc.start} "
                         f"(byte 0x{byte})") from None
