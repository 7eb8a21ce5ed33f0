"""The SQL behind the explorer's article view and quotes: an article with the spans to highlight,
one event with its evidence, speakers and their quotes. Values go in as parameters only.

Example:
    >>> cur = Store("news.duckdb", read_only=True).con.cursor()
    >>> document(cur, "story")["spans"]["quotes"][0]
    {'quote_id': 'Q1', 'start': 308, 'end': 553, 'speaker': 'Hamas', 'cue': 'said', 'kind': 'direct'}
"""

from __future__ import annotations

from ..store.db import date_filters
from .queries import EVENT_COLUMNS, EVENTS_FROM, rows

DOCUMENT_SQL = """SELECT id, title, publisher, CAST(published AS VARCHAR) AS published, url, author,
    text, error FROM documents WHERE id = ?"""
SPANS_SQL = {
    "events": """SELECT event_id, start, "end", type, negated FROM events WHERE doc_id = ?
        ORDER BY start, event_id""",
    "mentions": """SELECT m.entity_id, m.start, m."end", m.kind, en.name, en.code, en.type
        FROM mentions m LEFT JOIN entities en ON en.doc_id = m.doc_id AND en.entity_id = m.entity_id
        WHERE m.doc_id = ? ORDER BY m.start, m.entity_id""",
    "quotes": """SELECT quote_id, start, "end", speaker_id, speaker_name AS speaker, cue, kind
        FROM quotes WHERE doc_id = ? ORDER BY start, quote_id""",
}
EVENT_SQL = f"""SELECT {EVENT_COLUMNS}, e.start, e."end", e.source_ids, e.target_ids, e.pattern,
    e.also_evidence FROM {EVENTS_FROM} WHERE e.doc_id = ? AND e.event_id = ?"""
# The events table does not keep the quote an event was read from; the stored record does.
EVENT_QUOTE_SQL = """SELECT json_extract_string(ev, '$.quote') FROM (
    SELECT unnest(json_extract(record, '$.events[*]')) AS ev FROM documents WHERE id = ?)
    WHERE json_extract_string(ev, '$.id') = ?"""
QUOTE_DATE = "coalesce(q.date, CAST(d.published AS VARCHAR))"
QUOTES_FROM = """quotes q LEFT JOIN documents d ON d.id = q.doc_id
    LEFT JOIN entities en ON en.doc_id = q.doc_id AND en.entity_id = q.speaker_id"""


def document(cur, doc_id: str) -> dict | None:
    """The article `doc_id` with its event, mention and quote spans, or None."""
    found = rows(cur, DOCUMENT_SQL, [doc_id])
    if not found:
        return None
    spans = {kind: rows(cur, sql, [doc_id]) for kind, sql in SPANS_SQL.items()}
    return {**found[0], "spans": spans}


def event(cur, doc_id: str, event_id: str) -> dict | None:
    """One event with everything the article view needs to show it, or None.

    `highlight` says what to mark in the article: the evidence sentence, the mentions of the
    event's actors (by role) and the quote the event was read from, if any.
    """
    found = rows(cur, EVENT_SQL, [doc_id, event_id])
    if not found:
        return None
    ev = found[0]
    quote_id = cur.execute(EVENT_QUOTE_SQL, [doc_id, event_id]).fetchone()
    doc = document(cur, doc_id)
    roles = {**{i: "target" for i in ev["target_ids"]}, **{i: "source" for i in ev["source_ids"]}}
    actors = [{**m, "role": roles[m["entity_id"]]} for m in doc["spans"]["mentions"]
              if m["entity_id"] in roles]
    quote = next((q for q in doc["spans"]["quotes"] if quote_id and q["quote_id"] == quote_id[0]), None)
    highlight = {"evidence": {"start": ev["start"], "end": ev["end"]}, "actors": actors,
                 "quote": quote, "also_evidence": _sentences(doc["text"], ev["also_evidence"])}
    return {"event": ev, "document": doc, "highlight": highlight}


def _sentences(text: str, sentences: list[str] | None) -> list[dict]:
    """Where each sentence first occurs in `text` (sentences not found are left out)."""
    found = []
    for sentence in sentences or []:
        start = text.find(sentence)
        if start >= 0:
            found.append({"start": start, "end": start + len(sentence)})
    return found


def speakers(cur, *, name: str | None, limit: int) -> list[dict]:
    """Speakers with their numbers of quotes and of articles, most quoted first."""
    return rows(cur, f"""
        SELECT q.speaker_name AS name, min(en.code) AS code, min(en.type) AS type,
            count(*)::INTEGER AS quotes, count(DISTINCT q.doc_id)::INTEGER AS documents
        FROM {QUOTES_FROM} WHERE q.speaker_name IS NOT NULL
            AND (? IS NULL OR contains(lower(q.speaker_name), lower(?)))
        GROUP BY q.speaker_name ORDER BY quotes DESC, name LIMIT ?""", [name, name, limit])


def quotes(cur, *, speaker: str | None, exact: bool, since: str | None, until: str | None,
           limit: int, offset: int) -> dict:
    """One page of quotes, newest first; `speaker` is a name, or part of one unless `exact`."""
    where, params = [], []
    if speaker:
        where.append("q.speaker_name = ?" if exact else "contains(lower(q.speaker_name), lower(?))")
        params.append(speaker)
    date_filters(where, params, QUOTE_DATE, since, until)
    where_sql = " WHERE " + " AND ".join(where) if where else ""
    total = cur.execute(f"SELECT count(*) FROM {QUOTES_FROM}{where_sql}", params).fetchone()[0]
    page = rows(cur, f"""
        SELECT q.doc_id, q.quote_id, {QUOTE_DATE} AS date, q.speaker_name AS speaker,
            en.code AS speaker_code, q.cue, q.cue_kind, q.kind, q.via, q.text, q.start, q."end",
            d.title, d.url
        FROM {QUOTES_FROM}{where_sql}
        ORDER BY date DESC NULLS LAST, q.doc_id, q.start, q.quote_id LIMIT ? OFFSET ?""",
                [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "quotes": page}
