"""Direct quotations in text: the spans between double quote marks.

Curly marks pair by direction; straight marks by position (an opening mark follows a space or
line start). A quote left open at the end of a paragraph is closed there: news style reopens a
quote that runs on into the next paragraph without closing it first. Single quotes are not used
(they are apostrophes in "Hamas' remarks" and scare quotes in headlines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"\u201c", "\u201e", "\u00ab"}
CLOSERS = {"\u201d", "\u00bb"}
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Shorter stretches in quote marks are titles, terms or scare quotes, not speech.
MIN_QUOTE_WORDS = 4


@dataclass
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark (or the paragraph end)
    closed: bool  # False when the paragraph ended first
    opens_paragraph: bool


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every stretch of text in double quote marks, at least MIN_QUOTE_WORDS words long."""
    spans = []
    for para_start, para_end in _paragraphs(text):
        open_at = None
        for i in range(para_start, para_end):
            char = text[i]
            if open_at is None and _opens(text, i):
                open_at = i
            elif open_at is not None and _closes(text, i, open_at):
                spans.append(QuoteSpan(open_at + 1, i, True, _first_in_paragraph(text, para_start, open_at)))
                open_at = None
            elif char in OPENERS and open_at is not None:  # a stray opener: restart from here
                open_at = i
        if open_at is not None:
            end = para_end
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            spans.append(QuoteSpan(open_at + 1, end, False, _first_in_paragraph(text, para_start, open_at)))
    return [s for s in spans if len(text[s.start:s.end].split()) >= MIN_QUOTE_WORDS]


def _paragraphs(text: str):
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _opens(text: str, i: int) -> bool:
    char = text[i]
    if char in OPENERS:
        return True
    return char == '"' and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:")


def _closes(text: str, i: int, open_at: int) -> bool:
    char = text[i]
    if char in CLOSERS:
        return True
    return char == '"' and text[open_at] == '"' and i > open_at + 1


def _first_in_paragraph(text: str, para_start: int, index: int) -> bool:
    return not text[para_start:index].strip()
