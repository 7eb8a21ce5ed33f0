"""Direct quotations in text: the spans between double quote marks.

Curly marks pair by direction; straight marks by position (an opening mark follows a space or
line start). Two apostrophes ('') count as a straight double mark: some archives (the New York
Times' among them) write quotes that way. A closing curly mark that starts a paragraph opens a
quote: scraped pages often get the direction wrong there. A quote left open at the end of a
paragraph is closed there: news style reopens a quote that runs on into the next paragraph without
closing it first. Single quotes are not used (they are apostrophes in "Hamas' remarks" and scare
quotes in headlines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"\u201c", "\u201e", "\u00ab"}
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = ('"', "''")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Shorter stretches in quote marks are titles, terms or scare quotes, not speech, unless a speech
# verb stands right by them ("“I would,” Melanie said"): the quotes stage decides those.
MIN_QUOTE_WORDS = 4


@dataclass
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark (or the paragraph end)
    closed: bool  # False when the paragraph ended first
    opens_paragraph: bool
    text: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())


def find_quote_spans(text: str, min_words: int = MIN_QUOTE_WORDS) -> list[QuoteSpan]:
    """Every stretch of text in double quote marks, at least `min_words` words long."""
    spans = []
    for para_start, para_end in paragraph_spans(text):
        open_at, width = None, 1
        i = para_start
        while i < para_end:
            mark = _mark_width(text, i)
            if not mark:
                i += 1
                continue
            if open_at is None and _opens(text, i, para_start):
                open_at, width = i, mark
            elif open_at is not None and _closes(text, i, open_at, width):
                spans.append(_span(text, open_at + width, i, True, para_start, open_at))
                open_at = None
            elif text[i] in OPENERS and open_at is not None:  # a stray opener: restart from here
                open_at, width = i, mark
            i += mark
        if open_at is not None:
            end = para_end
            while end > open_at + width and text[end - 1].isspace():
                end -= 1
            spans.append(_span(text, open_at + width, end, False, para_start, open_at))
    return [s for s in spans if s.words >= min_words]


def _span(text: str, start: int, end: int, closed: bool, para_start: int, open_at: int) -> QuoteSpan:
    return QuoteSpan(start, end, closed, _first_in_paragraph(text, para_start, open_at), text[start:end])


def _mark_width(text: str, i: int) -> int:
    """1 for a double quote mark at i, 2 for two apostrophes standing for one, 0 for anything else."""
    if text[i] in OPENERS or text[i] in CLOSERS or text[i] == '"':
        return 1
    return 2 if text.startswith(STRAIGHT[1], i) and not text.startswith("'" * 3, i) else 0


def paragraph_spans(text: str):
    """(start, end) of each paragraph: text between blank lines."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _opens(text: str, i: int, para_start: int) -> bool:
    char = text[i]
    if char in OPENERS or (char in CLOSERS and _first_in_paragraph(text, para_start, i)):
        return True
    return char in "\"'" and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:")


def _closes(text: str, i: int, open_at: int, width: int) -> bool:
    if text[i] in CLOSERS:
        return True
    return text[i] in "\"'" and text[open_at] in "\"'" and i > open_at + width


def _first_in_paragraph(text: str, para_start: int, index: int) -> bool:
    return not text[para_start:index].strip()
