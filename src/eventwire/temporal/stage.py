"""Time: find every temporal expression in a document and normalise it against the article date.

Candidates are spaCy's DATE/TIME entities plus the patterns below (the small model misses
weekdays after some verbs, 'now', 'daily', '11-day', quarters...). Each candidate loses leading
prepositions, must normalise (`rules.normalise`, which rejects ages and plain numbers),
touching candidates that read as one ('next Monday' + 'morning') are joined, and the longest
win where they overlap. Values are then resolved in text order, so that 'a year earlier' or
'later that day' can lean on the last date mentioned.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Document, TimeExpression
from ..registry import stage
from ..settings import Settings
from .anchor import parse_date
from .base import MONTHS, NUM, PART, SEASON, UNIT, WEEKDAY, Context, alternation
from .rules import DURATION_QUALIFIERS, normalise


def _loose(pattern: str) -> str:
    """A canonical-text pattern made to accept raw text: hyphens or any spaces between words."""
    return pattern.replace("\\ ", r"[\s-]+").replace(" ", r"[\s-]+")


_MONTH_ABBR = r"(?:%s)\.?" % alternation(MONTHS)
_MONTH_NAME = r"(?-i:%s)" % "|".join(m.capitalize() for m in MONTHS if len(m) > 3 or m == "may")
_YEAR = r"(?:1[5-9]\d\d|20\d\d)\b"
_MOD = r"(?:(?:early|earlier|late|later|mid|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
_WEEKDAY = rf"(?:{WEEKDAY})"
_PATTERNS = [
    # 'previously', 'soon', a bare 'future' or 'recent' are mostly not annotated as times in TimeML
    # corpora (they qualify rather than locate), so they are left out.
    r"now|currently|recently|lately|nowadays|presently|at present|these days|the\s+(?:near\s+)?future|"
    r"the past|current",
    rf"(?:early\s+|late\s+)?(?:today|tonight|yesterday|tomorrow)(?:\s+(?:{PART}))?|(?:this|last)\s+(?:{PART})",
    rf"(?:(?:earlier|later)\s+)?(?:(?:in|on|during)\s+)?(?:that|the same)\s+(?:day|{PART})"
    rf"|(?:earlier|later)\s+(?:in|on|during)\s+the\s+(?:day|{PART})",
    rf"(?:(?:last|next|this|coming|past|previous|following)\s+)?{_WEEKDAY}s?(?:\s+(?:{PART}))?",
    _loose(rf"(?:every|each) (?:other )?(?:(?:{NUM}) )?(?:{UNIT}|{WEEKDAY}|{PART})"),
    _loose(rf"daily|nightly|weekly|monthly|annually|yearly|hourly"
           rf"|(?:once|twice|(?:{NUM}) times) (?:a|an|per|each|every) (?:{UNIT})"),
    _loose(rf"(?:the )?(?:(?:{alternation(DURATION_QUALIFIERS)}) )?(?:(?:{NUM}) )(?:and a half )?(?:{UNIT})"
           rf"(?: (?:ago|earlier|later|before|after|from now|old|long|and a half))?"),
    _loose(rf"(?:the )?(?:{alternation(DURATION_QUALIFIERS)}|the) (?:{UNIT})(?: (?:ago|earlier|later))?"),
    _loose(r"years|months|weeks|days|decades|centuries|hours|minutes"),
    _loose(r"(?:the )?(?:year (?:ago|earlier)|prior year) (?:quarter|period|half|month)|year (?:ago|earlier)"),
    rf"{_MOD}(?:the\s+)?(?:this|last|next|past|coming|previous|current|following|that)\s+"
    rf"(?:week|month|year|weekend|decade|century|quarter|{SEASON}|{_MONTH_NAME})",
    rf"{_MOD}(?:the\s+)?(?:{_YEAR}\s+|fiscal\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
    rf"(?:fiscal\s+)?(?:quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:{_YEAR}|this year|last year|next year))?",
    rf"\bQ[1-4](?:\s+{_YEAR})?|(?:the\s+)?(?:latest|current|same)\s+(?:quarter|period)",
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH_ABBR}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?",
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_ABBR}(?:,?\s+{_YEAR})?",
    rf"{_MOD}(?:{_MONTH_NAME}|{_MONTH_ABBR}),?\s+(?:of\s+)?{_YEAR}",
    rf"(?:in|since|until|by|during|through|before|after|from|of|to|between|and|last|next|this|early|"
    rf"late|mid)[\s-]+(?:{_MONTH_NAME})\b(?!\s+\d)|(?:{_MONTH_NAME})\s+(?:this|last|next)\s+year",
    r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}",
    rf"(?:in|since|until|by|during|through|before|after|from|of|to|between|and|fiscal|the year|"
    rf"early|late|mid)[\s-]+{_YEAR}(?!\s*(?:%|percent))",
    r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d{3}0s|'\d0s)|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+century",
    r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+[A-Z]{2,3}T\b)?|\d{1,2}:\d\d|noon|midnight",
    r"(?-i:Christmas(?: Eve| Day)?|New Year's(?: Eve| Day)|Thanksgiving(?: Day)?|Independence Day)",
]
CANDIDATE = re.compile(r"\b(?:%s)(?!\w)" % "|".join(f"(?:{p})" for p in _PATTERNS), re.I)
LEADING = re.compile(r"^(?:(?:on|in|at|by|during|since|until|till|through|throughout|from|to|for|"
                     r"over|before|after|within|as of|of|into|between|and|or|than)\s+)+", re.I)
TRAILING = re.compile(r"(?:['\u2019]s?|[\s,;:)\]\"'-])+$")
JOINER = re.compile(r"^[\s,]*(?:(?:at|on|of)\s+)?$")
DATE_VALUE = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]))?")
FINAL_DOT = re.compile(r"(?:\d|\w{5})\.$")
AMOUNT = re.compile(r"[\d$.,%]+|percent|times|once|twice|cents?|dollars?|[\w-]+s")
RATE_NOUN = re.compile(r"^(?:a|an|per)\s", re.I)
FUTURE_AUX = {"will", "wo", "'ll", "shall", "may", "might", "could", "should", "must", "can", "ca"}


@stage("time", requires=("doc.parse",), assigns=("doc.times",))
class TimeTagger:
    """Find and normalise the temporal expressions of each document (TIMEX3 style)."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> None:
        anchor = _anchor(doc.published)
        spans = choose(candidates(doc), doc, anchor)
        doc.times = resolve(spans, doc, anchor)


def _anchor(published: str | None) -> date | None:
    """The article date as a `date`, or None."""
    value = parse_date(published) if published else None
    return date.fromisoformat(value) if value else None


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading prepositions and trailing punctuation or possessive 's."""
    piece = text[start:end]
    lead = LEADING.match(piece)
    start += lead.end() if lead and lead.end() < len(piece) else 0
    piece = text[start:end]
    end -= len(piece) - len(TRAILING.sub("", piece))
    if FINAL_DOT.search(text[start:end]):  # a full stop, not the dot of 'Aug.' or 'p.m.'
        end -= 1
    return start, end


def candidates(doc: Document) -> list[tuple[int, int]]:
    """Trimmed spans of spaCy DATE/TIME entities and of pattern matches, unchecked."""
    spans = {(m.start(), m.end()) for m in CANDIDATE.finditer(doc.text)}
    if doc.parse is not None:
        spans |= {(e.start_char, e.end_char) for e in doc.parse.ents if e.label_ in ("DATE", "TIME")}
    found = {trimmed(doc.text, start, end) for start, end in spans}
    return sorted(span for span in found if span[1] > span[0])


def choose(spans: list[tuple[int, int]], doc: Document, anchor) -> list[tuple[int, int]]:
    """The spans that normalise, touching ones joined, the longest kept where they overlap."""
    valid = [s for s in spans if normalise(doc.text[s[0]:s[1]], Context(anchor)) is not None]
    joined = join_touching(valid, doc.text, anchor)
    kept: list[tuple[int, int]] = []
    for start, end in sorted(joined, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end))
    return sorted(kept)


def join_touching(spans: list[tuple[int, int]], text: str, anchor) -> list[tuple[int, int]]:
    """spans plus the union of each pair that only a comma, 'at' or 'on' separates and that
    still normalises as one expression ('Monday' + 'morning', '3 p.m.' + 'Monday')."""
    result = list(spans)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 >= e1 and JOINER.match(text[e1:s2]) and normalise(text[s1:e2], Context(anchor)):
            result.append((s1, e2))
    return result


def resolve(spans: list[tuple[int, int]], doc: Document, anchor) -> list[TimeExpression]:
    """TimeExpressions in text order, each resolved against the last date before it."""
    times, reference = [], None
    for start, end in spans:
        text, tense = doc.text[start:end], tense_at(doc, start, end)
        kind, value = normalise(text, Context(anchor, tense, reference))
        if kind == "DURATION" and value and RATE_NOUN.match(text) and is_rate(doc, start):
            kind = "SET"
        times.append(TimeExpression(start, end, text, kind, value))
        if kind in ("DATE", "TIME") and value and DATE_VALUE.match(value) and \
                normalise(text, Context(anchor, tense)) == (kind, value):
            reference = value  # only dates that stand on their own: no chains of 'a year earlier'

    return times


def is_rate(doc: Document, start: int) -> bool:
    """Whether 'a year' at `start` follows an amount ('$5 a year', 'twice a week'): a frequency."""
    before = doc.text[:start].rstrip().rsplit(None, 1)
    word = before[-1].lower() if before else ""
    return bool(AMOUNT.fullmatch(word))


def tense_at(doc: Document, start: int, end: int) -> str | None:
    """The tense (past, present, future) of the verb governing the span, None if no verb."""
    if doc.parse is None:
        return None
    span = doc.parse.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
            return verb_tense(token)
        if token.head is token:
            return None
        token = token.head
    return None


def verb_tense(verb, depth: int = 0) -> str | None:
    """past, present or future, read from the verb's auxiliaries and tags."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or (verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG"):
        return "future"
    if "to" in words:  # an infinitive looks ahead of its governor, unknowable under a past one
        governor = verb.head if verb.head.i != verb.i and depth < 4 else None
        return None if governor is not None and governor.pos_ in ("VERB", "AUX") and \
            verb_tense(governor, depth + 1) == "past" else "future"
    if "would" in words:
        return None
    finite = next((a for a in auxes if a.tag_ in ("VBD", "VBZ", "VBP")), verb)
    if finite.tag_ == "VBD" or (finite is verb and verb.tag_ == "VBN"):
        return "past"
    if finite.tag_ in ("VBZ", "VBP"):
        return "past" if finite.lemma_ == "have" and verb.tag_ == "VBN" else "present"
    return None
