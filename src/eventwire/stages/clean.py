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
from datetime import date

from ..model import Document, Removed
from ..registry import stage
from ..settings import Settings

# Whole-line noise, by kind: each pattern is matched case-insensitively at the start of a line of
# at most MAX_NOISE_WORDS words. Extend these tuples for other sites' buttons and boilerplate.
PROMO_PATTERNS = (
    r"join (?:us on|our)\b.*\b(?:channel|newsletter|community|group|telegram|whatsapp|discord|mailing list)\b",
    r"subscribe\b", r"sign up (?:now|here|today|for free)\b",
    r"sign up\b.*\b(?:newsletter|updates|alerts|e-?mails?|briefing|digest)\b",
    r"(?:get|receive) (?:our|the)\b.*\b(?:newsletter|alerts|briefing)\b",
    r"follow (?:us|me|our)\b",
    r"follow\b.{1,60}\bon (?:twitter|x|facebook|instagram|telegram|tiktok|youtube|linkedin|threads|bluesky)\b",
    r"(?:click|tap) here\b", r"advertisement\s*$", r"(?:sponsored|promoted)(?: content)?\s*$",
    r"(?:story|article) continues\b", r"continue reading\b", r"scroll (?:down )?to continue\b",
    r"(?:download|get) (?:our|the)\b.*\bapp\b", r"(?:support|donate to) (?:us|our|independent)\b",
    r"(?:watch|listen|video|audio)\s*:", r"(?:have|got) a (?:news )?tip\b",
)
SHARE_PATTERNS = (
    r"share (?:this|on|via)\b", r"(?:(?:share|tweet|e-?mail|print|copy link|facebook|twitter|x|whatsapp"
    r"|linkedin|reddit|telegram|pinterest|messenger)\s*[|·•,]?\s*)+$",
)
RELATED_PATTERNS = (
    r"(?:also )?read (?:more|also|next)\b\s*[:|\-–—]", r"(?:also )?read\s*:", r"see also\s*:",
    r"related(?: (?:articles?|stories|news|coverage|content|reading|topics|links))?\s*(?::.*)?$",
    r"(?:most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|you (?:may|might) also like"
    r"|more (?:from|on|in) [^.]{1,40}$|editor(?:'|’)s picks)\s*:?",
    r"(?:tags|topics|filed under|categories)\s*:",
)
CREDIT_PATTERNS = (r"\(?(?:additional )?(?:reporting|writing|editing) by\b[^.]*(?:\)|$)",)
COPYRIGHT_PATTERNS = (r"(?:copyright )?(?:©|\(c\) \d{4})", r"copyright \d{4}\b", r".*\ball rights reserved\b")
LINE_KIND_PATTERNS = tuple(
    (kind, re.compile("|".join(f"(?:{p})" for p in patterns), re.I))
    for kind, patterns in (("promo", PROMO_PATTERNS), ("share", SHARE_PATTERNS), ("related", RELATED_PATTERNS),
                           ("credit", CREDIT_PATTERNS), ("copyright", COPYRIGHT_PATTERNS)))

# Photo captions end in a credit: "(Jane Doe, Wikimedia Commons)", "/ AFP", "Getty Images", or
# carry a marker such as "Photo: ...". Credit words are matched inside a closing parenthesis.
CREDIT_WORDS = re.compile(
    r"\b(?:photos?|photograph|image|images|picture|pic|credit|courtesy|file|handout|wikimedia|commons|flickr"
    r"|getty|shutterstock|afp|ap|reuters|epa|xinhua|anadolu|pool|screenshot|screengrab|via|sipa|alamy|dpa"
    r"|efe|unsplash)\b", re.I)
CAPTION_END_PAREN = re.compile(r"\(([^()]{2,120})\)$")
PERSON_CREDIT = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} ?[,/] ?[A-Z][\w.'’ -]{1,50}$")
PHOTO_AGENCIES = r"(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|Shutterstock|Xinhua|Anadolu(?: Agency)?" \
                 r"|Sipa(?: USA)?|Alamy|Bloomberg|Pool|Handout)"
CAPTION_MARKERS = tuple(re.compile(p) for p in (
    r"(?:^|[.!?|(] ?| [-–—] )(?:Photo(?:graph)?|Image|Picture|Pic|Credit|Photo credit|Image credit"
    r"|Image source|Image caption|Caption)s? ?(?:by\b|:|,)",
    r"\bREUTERS/\w", r"\bAP Photo\b", r"\b(?:File [Pp]hoto|FILE PHOTO)\b",
    rf"(?:/ ?|\| ?|\bvia |\bby ){PHOTO_AGENCIES}\)?$", r"\bGetty Images\)?$",
))

MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                 "oct": 10, "nov": 11, "dec": 12}
MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
FULL_DATES = tuple(re.compile(p, re.I) for p in (
    rf"\b{MONTH} {DAY}(?:, ?| )(?P<year>\d{{4}})\b", rf"\b{DAY} (?:of )?{MONTH},? (?P<year>\d{{4}})\b",
    r"\b(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)"))
PARTIAL_DATES = tuple(re.compile(p, re.I) for p in (rf"\b{MONTH} {DAY}\b", rf"\b{DAY} {MONTH}"))
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:\.|day)?|(?:wednes|satur)day"
DATE_LINE_FILLER = re.compile(
    rf"\b(?:{WEEKDAY}|(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?|date|on|at"
    r"|gmt|utc|bst|cet|cest|edt|est|et|pdt|pst|ist|ast|eat|\d+ ?min(?:ute)?s? read"
    r"|\d+ (?:minutes?|hours?|days?|weeks?) ago)\b|T?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"(?: ?(?:am|pm|a\.m\.|p\.m\.))?|\b\d{1,2} ?(?:am|pm|a\.m\.|p\.m\.)", re.I)
DATE_LABEL_PUBLISHED = re.compile(r"\b(?:published|posted)\b", re.I)
DATE_LABEL_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.I)
DATE_LABELS = re.compile(r"\b(?:published|posted|updated|modified)\b", re.I)

# "By Jane Doe", "By JANE DOE and John Roe, Reuters": names are capitalised words (with particles).
NAME = r"[A-ZÀ-Þ][\w'’.-]*(?: (?:(?:de|da|di|du|van|von|der|bin|ibn|al|el|la|le) )?[A-ZÀ-Þ][\w'’.-]*){0,4}"
BYLINE = re.compile(rf"(?:[Bb]y|BY|Written by|Words by|Author:)\s+(?P<names>{NAME}(?: (?:and|&) {NAME})*)"
                    r"(?P<rest>.*)$")
BYLINE_REST = re.compile(r"\s*(?:[,|·•@/]\s*(?:[A-Z@]|$)|[-–—]\s|(?:for|in|at)\s+[A-Z])")
NOT_NAMES = re.compile(rf"^(?:{WEEKDAY}|{MONTH}|now|then|the|this|that)\b", re.I)
BREADCRUMB = re.compile(r"\w+(?: \w+)?(?: ?[>»/|] ?\w+(?: \w+)?){1,4}$")

# Wire datelines: "KABUL, Aug 17 (Reuters) -", "WASHINGTON (AP) —", "NEW DELHI:", "Gaza, Aug. 17 (AFP) -".
WIRE_AGENCY = r"\((?:[A-Z][A-Za-z]{1,11}(?: [A-Z][a-z]+)?|dpa)\)"
WIRE_PLACE = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}){0,2}"
WIRE_CAPS_PLACE = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}){0,2}"
WIRE_DATE = rf"(?:,? (?:(?:{WEEKDAY}),? )?{MONTH.replace('?P<month>', '')} \d{{1,2}}(?:,? \d{{4}})?)"
WIRE_SEPARATOR = r"\s*(?:--|[-–—])\s+"
WIRE_DATELINE = re.compile(
    rf"(?:(?:{WIRE_PLACE}){WIRE_DATE}? {WIRE_AGENCY}|{WIRE_AGENCY}){WIRE_SEPARATOR}"
    rf"|(?:{WIRE_CAPS_PLACE}){WIRE_DATE}?(?:{WIRE_SEPARATOR}|:\s+)(?=[A-Z\"“‘'])")


def find_dates(text: str, *, partial: bool = False) -> list[tuple[tuple[int, int], str]]:
    """Dates in `text` as (span, YYYY-MM-DD); with `partial`, also month-day dates as XXXX-MM-DD."""
    found: list[tuple[tuple[int, int], str]] = []
    for pattern in FULL_DATES + (PARTIAL_DATES if partial else ()):
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for (start, end), _ in found):
                continue
            value = _iso_date(match)
            if value:
                found.append((match.span(), value))
    return sorted(found)


def _iso_date(match: re.Match) -> str | None:
    """The matched date as YYYY-MM-DD (XXXX when there is no year), or None if it is no real date."""
    month_text, day = match.group("month"), int(match.group("day"))
    month = int(month_text) if month_text.isdigit() else MONTH_NUMBERS[month_text[:3].lower()]
    year = match.groupdict().get("year")
    try:
        date(int(year or 2000), month, day)  # 2000 is a leap year, so 29 February passes without a year
    except ValueError:
        return None
    if year and not 1900 <= int(year) <= 2100:
        return None
    return f"{year or 'XXXX'}-{month:02d}-{day:02d}"


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
