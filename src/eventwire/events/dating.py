"""Which date an event gets, chosen by a trained model among what the text offers.

The rules (`eventwire.events.context`) date an event from its own clause, else carry a date from
the statement or narrative around it. The corpus shows where that goes wrong: an undated event in
the news of the day is dated by the day of publication, background ("since the attack") is not
dated by the last date told, and a carried date is sometimes too far. The date model scores five
candidates for each event: the rules' date, the publication day, the last date the article told
before the event, the article's news day (the first day it tells), and none; it reads how the
rules found their date, tense, quotes and position.
"""

from __future__ import annotations

import bisect
from datetime import date as Date

from ..knowledge.dates import event_date
from ..model import Document, Event

CANDIDATES = ("rules", "published", "last told", "lead", "none")
# How the rules found a date (Event.why["date"], set by the event stage and `carry_dates`).
ROUTES = {"its own clause": "clause", "the date of the statement's quote": "statement",
          "the narrative before it": "narrative", "a later telling": "telling"}
BACKGROUND_WORDS = {"since", "after", "before", "following", "earlier", "ago", "last", "previous", "former",
                    "already", "still", "years", "months", "weeks", "recently", "first", "once", "ever"}


class DateIndex:
    """A document's dated time expressions, indexed once: what the date model's candidates need."""

    def __init__(self, doc: Document):
        dated = sorted((t.end, value, t.start) for t in doc.times if (value := event_date(t.value)))
        self.ends = [end for end, _, _ in dated]
        self.values = [value for _, value, _ in dated]
        self.starts = [start for _, _, start in dated]
        published = doc.published[:10] if doc.published else None
        # the publication day is on offer only when the text names that day somewhere (a dated
        # dateline, "today", "on Monday" in Monday's paper): the corpus dates no act by the
        # publication day alone (GUIDELINES.md, section 6)
        self.published = published if published in self.values else None
        # the news day: the first day the article tells ("on Wednesday" in its lead); the acts of
        # its main story are of that day though later paragraphs tell other dates in between
        _, self.lead_end, self.lead = min(((start, end, value) for end, value, start in dated if len(value) == 10),
                                          default=(None, None, None))

    def last_told(self, offset: int) -> str | None:
        """The date of the last time expression that ends before `offset` (an event's sentence: a
        date elsewhere in its own sentence belongs to another clause, "after talks collapsed on
        Friday, Hamas attacked")."""
        before = bisect.bisect_right(self.ends, offset)
        return self.values[before - 1] if before else None

    def in_span(self, start: int, end: int) -> bool:
        return any(start <= s < end for s in self.starts)

    def candidates(self, event: Event) -> dict[str, str | None]:
        return {"rules": event.date, "published": self.published, "last told": self.last_told(event.start),
                "lead": self.lead if self.lead_end is not None and self.lead_end <= event.start else None,
                "none": None}


def _days(one: str | None, other: str | None) -> str:
    """The gap from `other` to `one` in days, bucketed ("same", "1-2", ..., "later", "?")."""
    if not one or not other or len(one) != 10 or len(other) != 10:
        return "?"
    gap = (Date.fromisoformat(other) - Date.fromisoformat(one)).days
    if gap < 0:
        return "later"
    return "same" if gap == 0 else "1-2" if gap <= 2 else "3-7" if gap <= 7 else "8-31" if gap <= 31 else "older"


def date_features(doc: Document, index: DateIndex, event: Event, trigger) -> list[str]:
    """Features of an event for the date model."""
    route = ROUTES.get(event.why.get("date", ""), "none")
    dates = index.candidates(event)
    rules, published, told, lead = dates["rules"], dates["published"], dates["last told"], dates["lead"]
    lead_gap = _days(lead, published)
    paragraph = doc.text.count("\n\n", 0, event.start)
    sentence = trigger.sent
    aux = sorted({c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")})
    found = [f"route={route}", f"rules~pub={_days(rules, published)}", f"told~pub={_days(told, published)}",
             f"told=rules={told == rules}", f"has_told={told is not None}", f"tag={trigger.tag_}",
             f"aux={','.join(aux)}", f"ty={event.type}", f"flag={event.modality}", f"quote={event.quote is not None}",
             f"para={min(paragraph, 3)}", f"route,tag={route},{trigger.tag_}", f"precision={len(rules or '')}",
             f"times_in_sentence={index.in_span(sentence.start_char, sentence.end_char)}",
             f"route,para={route},{min(paragraph, 3)}", f"dep={trigger.dep_}",
             f"lead~pub={lead_gap}", f"lead=rules={lead == rules}", f"lead=told={lead == told}",
             f"route,lead=rules={route},{lead == rules}", f"tag,lead~pub={trigger.tag_},{lead_gap}"]
    found += [f"bg={t.lower_}" for t in sentence if t.lower_ in BACKGROUND_WORDS]
    return found


def offered(dates: dict[str, str | None]) -> list[str]:
    """The candidates that offer a date, and "none"."""
    return [c for c in CANDIDATES if c == "none" or dates[c]]


def choose_date(dates: dict[str, str | None], probabilities: dict[str, float]) -> tuple[str, str | None]:
    """The likeliest candidate that offers a date (or "none") and its date."""
    best = max(offered(dates), key=lambda c: probabilities.get(c, 0.0))
    return best, dates[best]
