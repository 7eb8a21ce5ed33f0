"""Clean: separate a scraped article's body from the page around it.

A scraped page has a header (promo lines, section labels, the headline, a photo caption with its
credit, a byline, a date line) and noise scattered through or after the body (share buttons,
"Read more:" links, "Advertisement", copyright). Cleaning works line by line: each line is first
classified as noise or not; the body starts at the first line that reads as prose; the headline
is the first headline-like line before that; a wire dateline ("KABUL, Aug 17 (Reuters) -") is cut
from the front of the first body paragraph. Every piece taken out is kept in `removed` with its
kind, so nothing disappears silently. Text without header noise comes out unchanged apart from
whitespace, which keeps the stage safe on already-clean text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Document, Removed
from ..registry import stage
from ..settings import Settings
from .patterns import (
    BREADCRUMB, BYLINE, BYLINE_REST, CAPTION_END_PAREN, CAPTION_MARKERS, CREDIT_WORDS, DATE_LABEL_PUBLISHED,
    DATE_LABEL_UPDATED, DATE_LABELS, DATE_LINE_FILLER, LINE_KIND_PATTERNS, MAX_PROMO_ANYWHERE_WORDS,
    NOT_NAMES, PERSON_CREDIT, PROMO_ANYWHERE, WIRE_DATELINE, find_dates,
)

TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
OTHER_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
BLANK_LINES = re.compile(r"\n\s*\n")
META_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+|\s+(?=[Bb]y\s+[A-Z])")
TITLE_KEY = re.compile(r"[\W_]+")

MAX_NOISE_WORDS = 40  # a longer line starting "Follow..." or "Subscribe..." is prose, not a button
MAX_CAPTION_WORDS = 80
MAX_TITLE_WORDS = 25
MIN_TITLE_WORDS = 3
MAX_SECTION_WORDS = 4  # "World", "Middle East": short labels in the header, not a headline
MIN_PROSE_WORDS = 4
WRAPPED_LINE_CHARS = 40


@dataclass
class CleanResult:
    """What cleaning found: the body and the metadata read from the page around it.

    `dateline` is the date of a wire dateline, TIMEX-style with `XXXX` when the year is unknown.
    """

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    dateline: str | None = None


@dataclass
class _Line:
    text: str
    block: int  # lines of one block were separated by single line breaks only
    kind: str | None = None  # set when the line is not body


def clean_text(raw: str, *, title: str | None = None, published: str | None = None) -> CleanResult:
    """Split a raw scraped article into its clean body and what surrounded it.

    Args:
        raw: the article as scraped, header and all.
        title: a title already known (e.g. from JSONL); it wins, and its line is removed.
        published: a date already known (YYYY-MM-DD); it wins over dates found in the text.

    Returns:
        The body (paragraphs separated by a blank line), title, published date, author and the
        removed pieces in text order.
    """
    lines = _split_lines(raw)
    for line in lines:
        line.kind = line_kind(line.text)
    lines = _merge_wrapped(lines)
    start = _body_start(lines)
    _keep_unlabelled_dates_in_body(lines[start:])
    found_title = _mark_header(lines, start, title)
    result = CleanResult(text="", title=title or found_title)
    removed = [Removed(line.text, line.kind) for line in lines[:start] if line.kind]
    if start < len(lines):
        dateline = _cut_wire_dateline(lines[start])
        if dateline:
            removed.append(Removed(dateline[0], "dateline"))
            result.dateline = dateline[1]
    removed += [Removed(line.text, line.kind) for line in lines[start:] if line.kind]
    result.removed = removed
    result.author = _author(lines)
    result.published = published or _published(lines, result.dateline)
    result.text = "\n\n".join(line.text for line in lines if not line.kind)
    return result


def line_kind(text: str) -> str | None:
    """The kind of noise a whole line is (promo, share, related, caption, byline, dateline...), or None."""
    words = len(text.split())
    if words <= MAX_NOISE_WORDS:
        for kind, pattern in LINE_KIND_PATTERNS:
            if pattern.match(text):
                return kind
    if words <= MAX_PROMO_ANYWHERE_WORDS and PROMO_ANYWHERE.search(text):
        return "promo"
    if words <= MAX_CAPTION_WORDS and _is_caption(text):
        return "caption"
    meta = _meta_parts(text)
    if meta is not None:
        return "byline" if any(author for author, _ in meta) else "dateline"
    return None


def _is_caption(text: str) -> bool:
    """True if the line ends in a photo credit or carries a caption marker ("Photo: ...", "AP Photo")."""
    paren = CAPTION_END_PAREN.search(text)
    if paren and (CREDIT_WORDS.search(paren.group(1)) or PERSON_CREDIT.match(paren.group(1))):
        return True
    return any(marker.search(text) for marker in CAPTION_MARKERS)


def _meta_parts(text: str) -> list[tuple[str | None, list[str]]] | None:
    """(author, dates) for each part of a byline/date line, or None if some part is neither."""
    if len(text.split()) > 20:
        return None
    parts = []
    for part in filter(None, (p.strip(" ,;") for p in META_SEPARATORS.split(text))):
        author = _byline_author(part)
        dates = [value for _, value in find_dates(part, partial=True)]
        if author is None and not (dates and _only_date(part)):
            return None
        parts.append((author, dates if author is None or dates else []))
    return parts or None


def _byline_author(text: str) -> str | None:
    """The name(s) in a "By Jane Doe" byline, or None if the line is not a byline."""
    match = BYLINE.match(text)
    if not match or text.rstrip().endswith((".", "!", "?")) and len(text.split()) > 6:
        return None
    rest = match.group("rest")
    if rest.strip() and not BYLINE_REST.match(rest):
        return None
    names = match.group("names")
    return None if NOT_NAMES.search(names) else names


def _only_date(text: str) -> bool:
    """True if nothing but dates, times and date words ("Updated", "GMT", "3 min read") is on the line."""
    rest = text
    for span, _ in sorted(find_dates(text, partial=True), reverse=True):
        rest = rest[:span[0]] + " " + rest[span[1]:]
    return not DATE_LINE_FILLER.sub(" ", rest).strip(" \t,.:;|/·•()-–—")


def _body_start(lines: list[_Line]) -> int:
    """Index of the first body line: prose that is not a question headline."""
    for index, line in enumerate(lines):
        if not line.kind and _is_prose(line.text) and not _is_question_headline(lines, index):
            return index
    return len(lines)


def _keep_unlabelled_dates_in_body(body: list[_Line]) -> None:
    """A bare date line inside the body may head a timeline entry, so only labelled ones go."""
    for line in body:
        if line.kind == "dateline" and not DATE_LABELS.search(line.text):
            line.kind = None


def _is_prose(text: str) -> bool:
    """True if the line reads as running text: a sentence ending in punctuation, or long."""
    words = len(text.split())
    return words > MAX_TITLE_WORDS or (words >= MIN_PROSE_WORDS and bool(TERMINAL.search(text)))


def _is_question_headline(lines: list[_Line], index: int) -> bool:
    """A "?"/"!" line is the headline only in an evident page header: noise right before or after it."""
    line = lines[index]
    if line.text.endswith(".") or len(line.text.split()) > MAX_TITLE_WORDS:
        return False
    before = index > 0 and lines[index - 1].kind is not None
    after = index + 1 < len(lines) and lines[index + 1].kind in ("dateline", "byline", "caption")
    later_prose = any(_is_prose(other.text) and not other.kind for other in lines[index + 1:])
    return (before or after) and later_prose


def _mark_header(lines: list[_Line], start: int, title: str | None) -> str | None:
    """Mark the headline and section labels before the body; return the headline found, if any."""
    if start >= len(lines):
        return None  # no body follows: a lone headline-like line is all the text there is
    header = [line for line in lines[:start] if not line.kind]
    headline = _pick_headline(header, title)
    for line in header:
        if line is headline:
            line.kind = "title"
        elif BREADCRUMB.match(line.text) or (len(line.text.split()) <= MAX_SECTION_WORDS
                                             and not TERMINAL.search(line.text)):
            line.kind = "header"
    if headline is None and title and _same_title(lines[start].text, title) and start + 1 < len(lines):
        headline = lines[start]
        headline.kind = "title"
    return headline.text if headline else None


def _pick_headline(header: list[_Line], title: str | None) -> _Line | None:
    """The given title's line; else the first headline-like line, preferring one longer than a
    site name or section label ("The Northgate Herald", "Middle East")."""
    if title:
        given = [line for line in header if _same_title(line.text, title)]
        if given:
            return given[0]
    candidates = [line for line in header if _is_headline(line.text) and not BREADCRUMB.match(line.text)]
    long_enough = [line for line in candidates if len(line.text.split()) > MAX_SECTION_WORDS]
    return (long_enough or candidates or [None])[0]


def _is_headline(text: str) -> bool:
    """True if the line could be a headline: a handful of words, no final period."""
    words = len(text.split())
    return (MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS and not text.endswith((".", ",", ";", ":"))
            and any(char.isalpha() for char in text))


def _same_title(text: str, title: str | None) -> bool:
    """True if the line is the given title, ignoring case, punctuation and a trailing site name."""
    if not title:
        return False
    line_key, title_key = (TITLE_KEY.sub(" ", value.casefold()).strip() for value in (text, title))
    shorter, longer = sorted((line_key, title_key), key=len)
    return bool(shorter) and (shorter == longer or len(shorter) >= 20 and longer.startswith(shorter))


def _cut_wire_dateline(line: _Line) -> tuple[str, str | None] | None:
    """Cut a wire dateline off the line; return (the dateline, its date) if there was one."""
    match = WIRE_DATELINE.match(line.text)
    if not match or not line.text[match.end():].strip():
        return None
    prefix = match.group(0).strip()
    line.text = line.text[match.end():].lstrip()
    dates = find_dates(prefix, partial=True)
    return prefix, dates[0][1] if dates else None


def _author(lines: list[_Line]) -> str | None:
    """The name(s) from the first byline, if any."""
    for line in lines:
        if line.kind == "byline":
            for author, _ in _meta_parts(line.text) or []:
                if author:
                    return author
    return None


def _published(lines: list[_Line], dateline: str | None) -> str | None:
    """The publication date from the date lines: "Published ..." first, then plain, then "Updated ..."."""
    ranked = []
    for order, line in enumerate(lines):
        if line.kind not in ("dateline", "byline"):
            continue
        rank = 0 if DATE_LABEL_PUBLISHED.search(line.text) else 2 if DATE_LABEL_UPDATED.search(line.text) else 1
        ranked += [(rank, order, value) for _, dates in _meta_parts(line.text) or [] for value in dates
                   if not value.startswith("XXXX")]
    if ranked:
        return min(ranked)[2]
    return dateline if dateline and not dateline.startswith("XXXX") else None


def _split_lines(raw: str) -> list[_Line]:
    """Non-blank lines with whitespace normalised, numbered by the blank-line block they are in."""
    text = unicodedata.normalize("NFC", OTHER_LINE_BREAKS.sub("\n", INVISIBLE.sub("", raw)))
    lines = []
    for block, chunk in enumerate(BLANK_LINES.split(text)):
        for piece in chunk.split("\n"):
            piece = HORIZONTAL_SPACE.sub(" ", piece).strip()
            if piece:
                lines.append(_Line(piece, block))
    return lines


def _merge_wrapped(lines: list[_Line]) -> list[_Line]:
    """Body lines that continue the previous line's sentence (hard line wraps) joined back to it."""
    groups: list[list[_Line]] = []
    wrapped_blocks = _wrapped_blocks(lines)
    for line in lines:
        previous = groups[-1][-1] if groups else None
        if (previous and not previous.kind and not line.kind and previous.block == line.block
                and not (TERMINAL.search(previous.text) or previous.text.endswith(":"))
                and (line.text[:1].islower() or line.block in wrapped_blocks)):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [group[0] if len(group) == 1 else _Line(" ".join(line.text for line in group), group[0].block)
            for group in groups]


def _wrapped_blocks(lines: list[_Line]) -> set[int]:
    """Blocks that look hard-wrapped: 3+ text lines, most of them long and ending mid-sentence."""
    blocks: dict[int, list[str]] = {}
    for line in lines:
        if not line.kind:
            blocks.setdefault(line.block, []).append(line.text)
    wrapped = set()
    for block, texts in blocks.items():
        inner = texts[:-1]
        open_ended = [t for t in inner if len(t) >= WRAPPED_LINE_CHARS and not TERMINAL.search(t)]
        if len(inner) >= 2 and len(open_ended) * 2 > len(inner):
            wrapped.add(block)
    return wrapped


@stage("clean", requires=("doc.raw_text",), assigns=("doc.text", "doc.title", "doc.published", "doc.removed"))
class Cleaner:
    """Separate the article body from promo lines, captions, title and dateline."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> None:
        result = clean_text(doc.raw_text or "", title=doc.title, published=doc.published)
        doc.text, doc.title, doc.published = result.text, result.title, result.published
        doc.removed = result.removed
        doc.author = doc.author or result.author


@stage("verbatim", requires=("doc.raw_text",), assigns=("doc.text", "doc.title", "doc.published", "doc.removed"))
class Verbatim:
    """Take the raw text as the body unchanged (for text that is already clean)."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        doc.text = doc.raw_text or ""
