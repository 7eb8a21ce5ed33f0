"""When and where an event happened, read from its clause and sentence.

A time expression dates an event only when it belongs to the event's own clause: in "After Kabul
fell over the weekend, Hamas praised the Taliban", the weekend dates the fall, not the praise. A
verb coordinated with another shares its date ("On Sunday, fighters entered Kabul and took over
the palace"). Follow-up sentences ("The meeting took place in Doha") give the place and date to
the event they name.
"""

from __future__ import annotations

import datetime
import re

from ..knowledge.countries import country_by_iso2
from ..knowledge.dates import event_date
from ..knowledge.numbers import NUMBER_WORDS
from ..model import Document, Event

CLAUSE_DEPS = {"ccomp", "advcl", "xcomp", "relcl", "conj", "acl", "parataxis"}
HAPPEN_VERBS = {"happen", "occur", "take", "hold", "convene"}  # "took place", "was held"


def clause_tokens(trigger) -> list:
    """The trigger's clause: its subtree without embedded clauses (and, for a noun, its phrase)."""
    tokens, stack = [], [trigger]
    while stack:
        token = stack.pop()
        tokens.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS or c.pos_ not in ("VERB", "AUX"))
    return tokens


EMBEDDING_DEPS = {"ccomp", "advcl", "xcomp", "relcl", "acl", "pcomp", "csubj", "parataxis", "prep", "pobj"}


def clause_depth(trigger) -> int:
    """How many clauses down from the sentence's main verb the trigger's clause is: 0 for the main
    verb, the verbs coordinated with it and their objects ("staged a protest"); 1 for "to demand"
    in "staged a protest to demand reforms"; more for deeper clauses."""
    depth, token = 0, trigger
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        token = token.head  # an event noun as object or subject counts as its verb's clause
    while token.i != token.head.i:
        if token.dep_ in EMBEDDING_DEPS and token.pos_ in ("VERB", "AUX") or token.dep_ == "pobj":
            depth += 1
        token = token.head
    return depth


class SpanIndex:
    """A document's time expressions and place mentions by character offset, built once per
    document: dating and placing an event looks up its tokens instead of scanning every time and
    place of the document for each event, which made long articles quadratic (a 200,000-character
    article with thousands of events took minutes)."""

    def __init__(self, doc: Document):
        self.times: dict[int, list[int]] = {}  # offset -> indices in doc.times of the times covering it
        for rank, time in enumerate(doc.times):
            for i in range(time.start, time.end):
                self.times.setdefault(i, []).append(rank)
        # offset -> (rank, place id, mention start) of the first place and mention covering it
        self.places: dict[int, tuple[tuple[int, int], str, int]] = {}
        for p, place in enumerate(doc.places):
            for m, (start, end) in enumerate(place.mentions):
                for i in range(start, end):
                    self.places.setdefault(i, ((p, m), place.id, start))
        self._sentence_places: dict[int, list] = {}

    def place_tokens(self, sentence) -> list:
        """The tokens of `sentence` that start inside a place mention, found once per sentence."""
        if sentence.start not in self._sentence_places:
            self._sentence_places[sentence.start] = [t for t in sentence if t.idx in self.places]
        return self._sentence_places[sentence.start]


def _times_in(doc: Document, tokens, index: SpanIndex | None = None) -> str | None:
    """The date of the first time expression (in `doc.times` order) covering one of `tokens`
    that is a date."""
    index = index or SpanIndex(doc)
    ranks = sorted({rank for t in tokens for rank in index.times.get(t.idx, ())})
    for rank in ranks:
        value = event_date(doc.times[rank].value)
        if value:
            return value
    return None


# "17:10 - ", "5:45 p.m. - ", "0815 GMT - ": the time stamp of a live report's entry
LIVE_ENTRY = re.compile(r"\s*\d{1,2}[:.]?\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|local time)?\s*[-–—:]\s")
# "a day after", "two weeks before": the gap between an act and the one it is told beside
GAP_DAYS = {"day": 1, "week": 7}
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Subordinators of a clause told as happening with its head's act
SAME_DAY_MARKS = {"after", "when", "as", "while"}
# Verbs whose object noun is the act they tell: its date is theirs.
DOING_VERBS = {"carry", "conduct", "hold", "launch", "stage", "mount", "fly", "undertake", "perform", "begin",
               "start", "complete", "make"}


def trigger_token(doc: Document, event: Event):
    """The head token of the words that fired an event."""
    return doc.parse.char_span(*event.trigger, alignment_mode="expand").root


def date_for(doc: Document, trigger, clause, index: SpanIndex | None = None) -> str | None:
    """The event date from its own clause, else from the verb it is coordinated with or controlled
    by, or whose act it follows as a participle."""
    index = index or SpanIndex(doc)
    date = _times_in(doc, clause, index)
    head = trigger
    # "bombed the village on Sunday, killing four": the participle tells the same act's toll
    while date is None and (head.dep_ in ("conj", "xcomp") or (head.dep_ == "advcl" and head.tag_ == "VBG")
                            or _told_beside(head)) and head.head.i != head.i:
        head = head.head
        date = _times_in(doc, clause_tokens(head), index)
    # An event noun is not dated by the verb it hangs from: in "shared photos of a meeting on
    # Monday" the sharing, not the meeting, is dated; unless the verb only says it was done
    # ("carried out a joint operation last month", "in November, jets flew a joint exercise").
    if date is None and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" \
            and trigger.head.lemma_.lower() in DOING_VERBS:
        date = _times_in(doc, clause_tokens(trigger.head), index)
    if date is None and trigger.pos_ in ("VERB", "AUX"):
        date = _days_apart(doc, trigger, index)
    if date is None and doc.published and LIVE_ENTRY.match(_line_of(doc.text, trigger.idx)):
        date = doc.published[:10]  # "17:10 - The army has sent troops to Kano": a live report of the day
    return date


def _days_apart(doc: Document, verb, index: SpanIndex) -> str | None:
    """ "reopened on Thursday, a day after M23 captured the town": the head's day less the gap
    ("two days before the vote": more), when both are days."""
    mark = next((c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    gap = next((c for c in verb.children if c.dep_ == "npadvmod" and c.lemma_.lower() in GAP_DAYS), None)
    if verb.dep_ != "advcl" or mark is None or gap is None:
        return None
    count = next((c for c in gap.children if c.dep_ in ("det", "nummod")), None)
    number = NUMBER_WORDS.get(count.lower_) if count is not None else None
    if number is None and count is not None and count.text.isdigit():
        number = int(count.text)
    head_date = _times_in(doc, clause_tokens(verb.head), index)
    if number is None or not head_date or not DAY.fullmatch(head_date):
        return None
    days = number * GAP_DAYS[gap.lemma_.lower()] * (-1 if mark == "after" else 1)
    return (datetime.date.fromisoformat(head_date) + datetime.timedelta(days=days)).isoformat()


def _line_of(text: str, offset: int) -> str:
    return text[text.rfind("\n", 0, offset) + 1:offset]


def _told_beside(clause) -> bool:
    """ "fled on Tuesday after rebels overran the base", "fought on Sunday after the army arrested a
    commander": a clause told as what set off its head's act is of the same day, unless dated; not
    "a day after M23 captured the town", which says how long before."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SAME_DAY_MARKS for c in clause.children) \
        and not any(c.dep_ == "npadvmod" for c in clause.children)


def _place_at(doc: Document, offsets: set[int], index: SpanIndex | None = None) -> tuple[str, int] | None:
    """The first place (in `doc.places` order) with a mention covering one of `offsets`, and where
    that mention starts."""
    places = (index or SpanIndex(doc)).places
    hits = [places[i] for i in offsets if i in places]
    if not hits:
        return None
    _, place_id, start = min(hits)
    return place_id, start


LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around"}
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}


def place_for(doc: Document, trigger, clause, actors: frozenset[int] = frozenset(),
              index: SpanIndex | None = None) -> str | None:
    """Where the event happened: a place after "in/at/near" in its clause ("at the Kabul airport"),
    else a place standing as a noun in its clause ("entered Kabul"), else the nearest such place
    in its sentence. A country naming an actor ("U.S. troops") is not where anything happened, nor
    is a place standing for the source (tokens `actors`: "Turkey sent aid to Syria", "Manila and
    the rebels agreed a truce")."""
    index = index or SpanIndex(doc)
    locative = [t for p in clause if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS for t in p.subtree]
    standing = [t for t in clause if t.dep_ not in MODIFIER_DEPS and t.i not in actors]
    found = _place_at(doc, {t.idx for t in locative}, index) or _place_at(doc, {t.idx for t in standing}, index)
    if found:
        return found[0]
    nearby = [t for t in index.place_tokens(trigger.sent) if t.dep_ not in MODIFIER_DEPS and t.i not in actors]
    if not nearby:
        return None
    return index.places[min(nearby, key=lambda t: abs(t.i - trigger.i)).idx][1]  # the first of two as near


def settle_followups(doc: Document, events: list[Event]) -> None:
    """Give place and date from "The meeting took place in X on Monday" to the meeting event, and
    set CONSULT modes from where the parties met."""
    index = SpanIndex(doc)
    for sentence in doc.parse.sents:
        verb = sentence.root
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or verb.lemma_.lower() not in HAPPEN_VERBS \
                or not any(c.lower_ == "the" for c in subject.children):
            continue
        earlier = [e for e in events if e.trigger and e.trigger[0] < subject.idx
                   and doc.text[e.trigger[0]:e.trigger[1]].lower().rstrip("s") == subject.lower_.rstrip("s")]
        if not earlier:
            continue
        event, clause = earlier[-1], clause_tokens(verb)
        event.place = (_place_at(doc, {t.idx for t in clause}, index) or (event.place, 0))[0]
        event.date = event.date or date_for(doc, verb, clause, index)
    for event in events:
        if event.type == "CONSULT" and event.mode is None:
            event.mode = _consult_mode(doc, event)


def _consult_mode(doc: Document, event: Event) -> str | None:
    """visit when the parties met in the target's country, third-party when in neither's."""
    place = next((p for p in doc.places if p.id == event.place), None)
    country = country_by_iso2(place.country) if place and place.country else None
    if country is None:
        return None
    by_id = {e.id: e for e in doc.entities}
    source_codes = {(by_id[i].code or "")[:3] for i in event.source if i in by_id}
    target_codes = {(by_id[i].code or "")[:3] for i in event.target if i in by_id}
    if len(event.source) + len(event.target) > 2:
        return "multilateral"
    if country.iso3 in target_codes:
        return "visit"
    if country.iso3 not in source_codes | target_codes and (source_codes | target_codes) - {""}:
        return "third-party"
    return None


# Statements, not deeds: an undated one is dated by the statement that carries it.
VERBAL_TYPES = {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
CARRY_SENTENCES = 2


def paragraph_of(text: str, position: int) -> int:
    """The number of the paragraph (blank-line separated) holding `position`."""
    return text.count("\n\n", 0, position)


def carry_dates(doc: Document, events: list[Event]) -> None:
    """Date events whose own clause names no time, where the text implies the date:
    1. a statement inside a quote, or made by someone quoted in this or the next paragraph,
       has the date of that quote;
    2. an event in a sentence with no time expression at all continues the narrative of the
       dated event just before it in the same paragraph (at most CARRY_SENTENCES back)."""
    sentence_starts = [s.start_char for s in doc.parse.sents]
    for event in events:
        if event.date is not None:
            continue
        if event.type in VERBAL_TYPES:
            event.date = _statement_date(doc, event)
            event.why["date"] = "the date of the statement's quote" if event.date else event.why.get("date", "")
        if event.date is None and not any(event.start <= t.start < event.end for t in doc.times):
            event.date = _narrative_date(doc, event, events, sentence_starts)
            event.why["date"] = "the narrative before it" if event.date else event.why.get("date", "")


def _statement_date(doc: Document, event: Event) -> str | None:
    quote = next((q for q in doc.quotes if q.id == event.quote), None)
    if quote is not None and quote.speaker in event.source:
        return quote.date
    paragraph = paragraph_of(doc.text, event.start)
    for quote in doc.quotes:
        if quote.speaker in event.source and quote.date and \
                paragraph <= paragraph_of(doc.text, quote.start) <= paragraph + 1:
            return quote.date
    return None


def _narrative_date(doc: Document, event: Event, events: list[Event], sentence_starts: list[int]) -> str | None:
    own = sum(1 for s in sentence_starts if s <= event.start)
    paragraph = paragraph_of(doc.text, event.start)
    for earlier in reversed([e for e in events if e.start < event.start and e.date and not e.negated]):
        back = own - sum(1 for s in sentence_starts if s <= earlier.start)
        if back > CARRY_SENTENCES or paragraph_of(doc.text, earlier.start) != paragraph:
            return None
        if back >= 1:
            return earlier.date
    return None
