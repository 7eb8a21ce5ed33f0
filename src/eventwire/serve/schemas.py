"""Response models of the explorer's API: they shape the JSON and document it in the OpenAPI.

Offsets (`start`, `end`) index into the article's `text`, `[start, end)` in Python string terms
(Unicode code points, not UTF-16 units). Dates are YYYY, YYYY-MM or YYYY-MM-DD.

Example:
    >>> Page(total=1, limit=50, offset=0)
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

Names = list[str | None]


class Page(BaseModel):
    total: int = Field(description="How many rows match the filters in all (not just this page).")
    limit: int = Field(description="The page size asked for.")
    offset: int = Field(description="How many matching rows come before this page.")


class Event(BaseModel):
    doc_id: str = Field(description="The article the event was read from.")
    event_id: str = Field(description="The event's id within its article, e.g. V3.")
    date: str | None = Field(description="The event's date, else its article's date.")
    type: str = Field(description="PLOVER event type, e.g. ASSAULT.")
    quad_class: str | None
    mode: str | None = Field(description="PLOVER mode, e.g. 'third-party'.")
    cameo: str | None = Field(description="CAMEO code, e.g. 190.")
    source_names: Names
    source_codes: Names = Field(description="CAMEO-style actor codes, e.g. AFGGOV; null when unknown.")
    target_names: Names
    target_codes: Names
    place_name: str | None
    country: str | None = Field(description="ISO 3166 alpha-2 code of the place's country.")
    lat: float | None
    lon: float | None
    evidence: str = Field(description="The sentence the event was read from.")
    negated: bool = Field(description="Negated, hypothetical, intended or future: not counted.")
    modality: str | None
    confidence: float | None
    title: str | None = Field(description="The article's title.")
    cluster_id: str | None = Field(description="The cross-article cluster this event belongs to.")
    num_articles: int | None = Field(description="Articles reporting the cluster.")
    num_sources: int | None = Field(description="Distinct publishers reporting the cluster.")


class EventPage(Page):
    events: list[Event]


class EventDetail(Event):
    start: int
    end: int
    source_ids: Names = Field(description="Entity ids of the sources within the article.")
    target_ids: Names
    pattern: str | None = Field(description="The dictionary pattern that fired.")
    also_evidence: list[str] | None = Field(description="Other sentences reporting the same event.")


class Span(BaseModel):
    start: int
    end: int


class EventSpan(Span):
    event_id: str
    type: str
    negated: bool


class MentionSpan(Span):
    entity_id: str
    kind: str | None = Field(description="name, nominal or pronoun.")
    name: str | None = Field(description="The entity's canonical name.")
    code: str | None
    type: str | None = Field(description="PERSON, ORG, GPE, NOMINAL, ...")


class QuoteSpan(Span):
    quote_id: str
    speaker_id: str | None
    speaker: str | None
    cue: str | None
    kind: str | None = Field(description="direct, indirect or mixed.")


class Spans(BaseModel):
    events: list[EventSpan]
    mentions: list[MentionSpan]
    quotes: list[QuoteSpan]


class Document(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    author: str | None
    text: str | None
    error: str | None = Field(description="Why the article failed, if it did.")
    spans: Spans


class ActorSpan(MentionSpan):
    role: str = Field(description="source or target.")


class Highlight(BaseModel):
    evidence: Span = Field(description="The evidence sentence.")
    actors: list[ActorSpan] = Field(description="Mentions of the event's sources and targets.")
    quote: QuoteSpan | None = Field(description="The quote the event was read from, if any.")
    also_evidence: list[Span] = Field(description="Other sentences reporting the same event.")


class EventView(BaseModel):
    event: EventDetail
    document: Document
    highlight: Highlight


class TimelineBucket(BaseModel):
    date: str = Field(description="YYYY-MM-DD (by day) or YYYY-MM (by month).")
    type: str
    count: int


class TypeCount(BaseModel):
    type: str
    count: int


class Timeline(BaseModel):
    by: str
    total: int = Field(description="Matching events; buckets and imprecise add up to it.")
    buckets: list[TimelineBucket]
    imprecise: list[TypeCount] = Field(description="Events dated less precisely than a bucket.")


class MapPoint(BaseModel):
    place: str | None
    country: str | None
    lat: float
    lon: float
    count: int
    types: list[TypeCount]


class MapPoints(BaseModel):
    total: int = Field(description="Matching events.")
    located: int = Field(description="Matching events with coordinates (the sum of the counts).")
    points: list[MapPoint]


class Node(BaseModel):
    id: str = Field(description="The actor's code, or its name when it has no code.")
    code: str | None
    label: str | None = Field(description="The name most often used for the actor.")
    names: Names
    events: int = Field(description="Matching events the actor takes part in.")


class Edge(BaseModel):
    source: str
    target: str
    weight: int = Field(description="Matching events with this source and this target.")


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Speaker(BaseModel):
    name: str
    code: str | None
    type: str | None
    quotes: int
    documents: int


class Quote(BaseModel):
    doc_id: str
    quote_id: str
    date: str | None
    speaker: str | None
    speaker_code: str | None
    cue: str | None
    cue_kind: str | None = Field(description="speech, thought, intent or evidence.")
    kind: str | None = Field(description="direct, indirect or mixed.")
    via: Names = Field(description="Outlets or people the statement passed through.")
    text: str
    start: int
    end: int
    title: str | None
    url: str | None


class QuotePage(Page):
    quotes: list[Quote]


class Cluster(BaseModel):
    cluster_id: str
    type: str | None
    quad_class: str | None
    cameo: str | None
    goldstein: float | None
    source_codes: Names | None
    source_names: Names | None
    target_codes: Names | None
    target_names: Names | None
    date_first: str | None
    date_last: str | None
    place_name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None
    num_events: int | None
    num_articles: int | None
    num_sources: int | None
    first_seen: dt.date | None = Field(description="When the first article about it was published.")
    last_seen: dt.date | None
    evidence: Names | None
    doc_ids: Names | None
    urls: Names | None


class ClusterPage(Page):
    clusters: list[Cluster]


class ClusterMember(BaseModel):
    doc_id: str = Field(description="The article that reports the event.")
    event_id: str = Field(description="The event's id within its article, e.g. V3.")
    date: str | None = Field(description="The event's date as this article gives it, else the "
                             "article's date.")
    evidence: str = Field(description="The sentence the event was read from.")
    title: str | None = Field(description="The article's title.")
    publisher: str | None
    published: str | None = Field(description="When the article was published.")
    url: str | None


class ClusterView(BaseModel):
    cluster: Cluster
    events: list[ClusterMember] = Field(description="The events of all articles that make up the "
                                        "cluster, in the order their articles were published.")


class Summary(BaseModel):
    documents: int
    failed: int
    events: int = Field(description="Events that are not negated.")
    negated: int
    quotes: int
    clusters: int
    date_first: str | None
    date_last: str | None
    types: list[TypeCount]
