"""Patterns for the clean stage: what promo lines, share buttons, related links, captions,
credits, bylines, datelines and date lines look like in scraped news pages, and `find_dates`."""

from __future__ import annotations

import re
from datetime import date

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
# Calls to action that give a short line away wherever they stand in it ("Get unlimited access for
# $1 a month. Subscribe today", "Advertisement - Read our briefing. Click here to sign up").
PROMO_ANYWHERE = re.compile(
    r"\b(?:subscribe (?:today|now|here)|(?:click|tap) here|sign up (?:now|here|today|for free)"
    r"|unlimited access|start your free trial|already a subscriber)\b|^advertisement\b", re.I)
MAX_PROMO_ANYWHERE_WORDS = 25
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
WIRE_AGENCY = r"\((?:[A-Z][A-Za-z]{1,11}(?: [A-Z][a-z]+){0,2}|dpa)\)"
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
