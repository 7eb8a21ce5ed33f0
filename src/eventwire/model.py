"""The data model every stage reads and writes.

An `Article` is what ingest hands over (raw text or HTML plus any metadata the input gave). The
pipeline turns it into a `Document`, which the stages fill in place: clean sets `text`, `title`,
`published` and `removed`; parse sets `parse`; then entities, times, places, quotes and events.
`Document.to_record()` gives the JSON object of the output contract.

All offsets are `[start, end)` character offsets into `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# PLOVER's 16 event types, by quad class (PLOVER manual draft 2.0).
QUAD_CLASSES = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
PLOVER_TYPES = tuple(t for types in QUAD_CLASSES.values() for t in types)
QUAD_CLASS_OF = {t: quad for quad, types in QUAD_CLASSES.items() for t in types}


@dataclass
class Article:
    """One input article as ingest found it. Fields given by the input win over inferred ones.

    `error` is set when the input itself is unusable (empty, binary, not UTF-8, too large,
    malformed JSON); the pipeline then passes it through as a failed document.
    """

    id: str
    source: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    error: str | None = None


@dataclass
class Removed:
    """A piece of the raw text that cleaning took out of the body (promo, caption, dateline...)."""

    text: str
    kind: str


@dataclass
class Mention:
    """One place an entity is referred to. `kind` is name, hashtag, nominal or pronoun."""

    start: int
    end: int
    kind: str = "name"

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class Entity:
    """An actor: every mention of one person, organisation, country or people in a document."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, FAC
    code: str | None = None  # CAMEO-style actor code, e.g. AFGGOV, USAMIL, PSEHMS
    mentions: list[Mention] = field(default_factory=list)
    member_of: str | None = None  # id of the group entity a person belongs to


@dataclass
class Place:
    """A toponym resolved to a gazetteer entry (GeoNames where the entry comes from GeoNames)."""

    id: str
    name: str
    country: str | None  # ISO-3166 alpha-2
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str  # country, admin1, city, region, airport, ...
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class TimeExpression:
    """A temporal expression normalised TIMEX3-style against the article date."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None


@dataclass
class Quote:
    """Something said, with who said it and through whom it reached the article."""

    id: str
    text: str
    start: int
    end: int
    speaker: str | None = None  # entity id
    cue: str | None = None
    date: str | None = None
    via: list[str] = field(default_factory=list)  # entity ids, outermost first
    kind: str = "direct"  # direct (in quote marks), indirect (reported), or mixed (reported, with quoted words)
    cue_kind: str = "speech"  # speech, thought, intent or evidence (see data/cues.tsv)
    parts: list[tuple[int, int]] = field(default_factory=list)  # pieces of a quote split by "he said"


@dataclass
class Event:
    """A coded event: PLOVER type, mode and context, CAMEO code, actors, date, place and evidence."""

    id: str
    type: str
    start: int  # evidence span: the sentence (or clause) the event was read from
    end: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    negated: bool = False
    modality: str | None = None  # None (asserted), negated, future, hypothetical, conditional
    confidence: float = 0.5
    trigger: tuple[int, int] | None = None  # the words that fired the pattern
    pattern: str | None = None  # the dictionary entry that fired
    quote: str | None = None  # id of the quote the event was read from
    also_spans: list[tuple[int, int]] = field(default_factory=list)  # later sentences telling the same event
    # How each part was found ("source": "Taliban (nsubj of 'agreed')", "modality": ...), for
    # `eventwire explain`; not part of the output record.
    why: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def told_again_in(self, other: Event) -> None:
        """Keep the sentence of another telling of this event as evidence (once, and not its own)."""
        span = (other.start, other.end)
        if span != (self.start, self.end) and span not in self.also_spans:
            self.also_spans.append(span)


@dataclass
class Document:
    """One article moving through the pipeline."""

    id: str
    source: str
    text: str = ""
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    parse: Any = field(default=None, repr=False, compare=False)  # the spaCy Doc of `text`
    raw_text: str | None = field(default=None, repr=False, compare=False)  # text before cleaning
    # the article as read plus what the pipeline was (Pipeline.input_hash): a store skips an input it
    # has already processed in the same way
    input_hash: str | None = field(default=None, repr=False, compare=False)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_record(self) -> dict:
        """The JSON object of the output contract (CONTRACT.md), plus a few extra fields."""
        record: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "url": self.url,
        }
        if self.error:
            record["error"] = self.error
        record.update({
            "text": self.text,
            "removed": [{"text": r.text, "kind": r.kind} for r in self.removed],
            "entities": [_entity_record(e) for e in self.entities],
            "places": [_place_record(p) for p in self.places],
            "times": [{"span": [t.start, t.end], "text": t.text, "type": t.type, "value": t.value}
                      for t in self.times],
            "quotes": [_quote_record(q) for q in self.quotes],
            "events": [_event_record(e) for e in self.events],
        })
        return record


def _entity_record(entity: Entity) -> dict:
    return {
        "id": entity.id, "name": entity.name, "type": entity.type, "code": entity.code,
        "mentions": [[m.start, m.end] for m in entity.mentions],
        "member_of": entity.member_of,
    }


def _place_record(place: Place) -> dict:
    return {
        "id": place.id, "name": place.name, "country": place.country, "lat": place.lat,
        "lon": place.lon, "geonameid": place.geonameid, "feature": place.feature,
        "mentions": [list(span) for span in place.mentions],
    }


def _quote_record(quote: Quote) -> dict:
    return {
        "id": quote.id, "text": quote.text, "span": [quote.start, quote.end],
        "speaker": quote.speaker, "cue": quote.cue, "date": quote.date, "via": quote.via,
        "kind": quote.kind, "cue_kind": quote.cue_kind, "parts": [list(part) for part in quote.parts],
    }


def _event_record(event: Event) -> dict:
    return {
        "id": event.id, "type": event.type, "mode": event.mode, "context": event.context,
        "cameo": event.cameo, "source": event.source, "target": event.target,
        "date": event.date, "place": event.place, "span": [event.start, event.end],
        "negated": event.negated, "modality": event.modality,
        "confidence": round(event.confidence, 3),
        "quad_class": QUAD_CLASS_OF.get(event.type),
        "trigger": list(event.trigger) if event.trigger else None,
        "pattern": event.pattern, "quote": event.quote,
        "also_spans": [list(span) for span in event.also_spans],
    }
