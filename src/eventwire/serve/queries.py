"""The SQL behind the explorer's API: every value goes in as a parameter, never into the SQL text.

Each function takes a DuckDB cursor (one per request: a connection is not safe to share between
threads) and an `EventFilter`, and returns plain dicts ready for the response models.

Example:
    >>> cur = Store("news.duckdb", read_only=True).con.cursor()
    >>> events(cur, EventFilter(actor="taliban", type="CONSULT"), limit=10, offset=0)
    {'total': 3, 'limit': 10, 'offset': 0, 'events': [{'doc_id': 'story', 'event_id': 'V9', ...}]}
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.event_identity import SECTOR_CODES
from ..store.db import actor_condition, check_type, date_filters

# An event without a date of its own is dated by its article, as in `eventwire events`.
EVENT_DATE = "coalesce(e.date, CAST(d.published AS VARCHAR))"
EVENTS_FROM = """events e LEFT JOIN documents d ON d.id = e.doc_id
    LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id"""
EVENT_COLUMNS = f"""e.doc_id, e.event_id, {EVENT_DATE} AS date, e.type, e.quad_class, e.mode,
    e.cameo, e.source_names, e.source_codes, e.target_names, e.target_codes, e.place_name,
    e.country, e.lat, e.lon, e.evidence, e.negated, e.modality, e.confidence, d.title,
    e.cluster_id, c.num_articles, c.num_sources"""
EVENT_ORDER = "date DESC NULLS LAST, e.doc_id, e.start, e.event_id"

# The actors of an event, one row per (event, role, actor).
ACTORS_CTE = """actors AS (
    SELECT doc_id, event_id, 'source' AS role, unnest(source_names) AS name,
        unnest(source_codes) AS code FROM ev
    UNION ALL
    SELECT doc_id, event_id, 'target', unnest(target_names), unnest(target_codes) FROM ev)"""


@dataclass(frozen=True)
class EventFilter:
    """Which events a request asks for; None means no condition. Dates are YYYY[-MM[-DD]]."""

    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    q: str | None = None
    include_negated: bool = False

    def where(self, *extra: str) -> tuple[str, list]:
        """The WHERE clause over `events e` / `documents d`, and its parameters; `extra` are
        further conditions without parameters."""
        where, params = self.conditions("e", "contains(lower(e.evidence), lower(?))")
        where = [*extra, *where]
        if not self.include_negated:
            where.append("NOT e.negated")
        date_filters(where, params, EVENT_DATE, self.since, self.until)
        return _where(where), params

    def conditions(self, alias: str, text_sql: str) -> tuple[list[str], list]:
        """The conditions on actors, type, place and text that events (`e`) and clusters (`c`)
        share, with their parameters; `text_sql` matches the text search."""
        where, params = [], []
        if self.actor:
            where.append(actor_condition(alias))
            params.append(self.actor)
        if self.type:
            where.append(f"{alias}.type = ?")
            params.append(check_type(self.type))
        if self.place:
            where.append(f"(contains(lower({alias}.place_name), lower(?)) "
                         f"OR contains(lower({alias}.country), lower(?)))")
            params += [self.place, self.place]
        if self.q:
            where.append(text_sql)
            params.append(self.q)
        return where, params


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _any_contains(list_sql: str) -> str:
    """SQL: some string in the list contains the parameter, ignoring case."""
    return f"EXISTS (SELECT 1 FROM unnest({list_sql}) AS t(x) WHERE contains(lower(x), lower(?)))"


def rows(cur, sql: str, params: list | None = None) -> list[dict]:
    """The rows of `sql` as dicts, column name to value."""
    result = cur.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


def events(cur, filters: EventFilter, *, limit: int, offset: int) -> dict:
    """One page of the matching events, newest first, and how many match in all."""
    where, params = filters.where()
    total = cur.execute(f"SELECT count(*) FROM {EVENTS_FROM}{where}", params).fetchone()[0]
    page = rows(cur, f"SELECT {EVENT_COLUMNS} FROM {EVENTS_FROM}{where} ORDER BY {EVENT_ORDER} "
                     "LIMIT ? OFFSET ?", [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "events": page}


def timeline(cur, filters: EventFilter, *, width: int) -> dict:
    """Event counts by date prefix of `width` characters (10: day, 7: month) and type.

    Events dated less precisely than that (only to a month or a year) are counted apart, under
    `imprecise`, so buckets and imprecise together add up to `total`.
    """
    where, params = filters.where()
    counts = rows(cur, f"""
        SELECT CASE WHEN length(date) >= ? THEN left(date, ?) END AS date, type, count(*) AS count
        FROM (SELECT {EVENT_DATE} AS date, e.type FROM {EVENTS_FROM}{where})
        GROUP BY ALL ORDER BY date NULLS LAST, type""", [width, width, *params])
    buckets = [row for row in counts if row["date"]]
    imprecise = [{"type": row["type"], "count": row["count"]} for row in counts if not row["date"]]
    total = sum(row["count"] for row in counts)
    return {"total": total, "buckets": buckets, "imprecise": imprecise}


def map_points(cur, filters: EventFilter) -> dict:
    """The matching events grouped by place, with coordinates and counts by type."""
    where, params = filters.where()
    located, located_params = filters.where("e.lat IS NOT NULL", "e.lon IS NOT NULL")
    points = rows(cur, f"""
        SELECT place_name AS place, country, lat, lon, sum(n)::INTEGER AS count,
            list({{'type': type, 'count': n}} ORDER BY n DESC, type) AS types
        FROM (SELECT e.place_name, e.country, e.lat, e.lon, e.type, count(*)::INTEGER AS n
              FROM {EVENTS_FROM}{located} GROUP BY ALL)
        GROUP BY ALL ORDER BY count DESC, place""", located_params)
    total = cur.execute(f"SELECT count(*) FROM {EVENTS_FROM}{where}", params).fetchone()[0]
    return {"total": total, "located": sum(p["count"] for p in points), "points": points}


def network(cur, filters: EventFilter, *, min_weight: int, limit: int) -> dict:
    """Actors as nodes and source→target edges weighted by the number of events between them.

    An actor is known by its code, or by its name when it has no code or only a sector code
    (GOV, MIL, ...), which would lump the governments of all countries into one node. An event
    with two sources and one target gives two edges; an actor acting on itself gives none. The
    `limit` heaviest edges are kept, and the nodes they join, labelled with their commonest name.
    """
    where, params = filters.where()
    cte = f"""WITH ev AS (SELECT e.* FROM {EVENTS_FROM}{where}), {ACTORS_CTE},
        keyed AS (SELECT *, CASE WHEN code IS NULL OR list_contains(?, code) THEN name ELSE code END
                  AS id FROM actors)"""
    params = [*params, sector_codes()]
    edges = rows(cur, f"""{cte}
        SELECT s.id AS source, t.id AS target, count(DISTINCT (s.doc_id, s.event_id))::INTEGER AS weight
        FROM keyed s JOIN keyed t ON s.doc_id = t.doc_id AND s.event_id = t.event_id
            AND s.role = 'source' AND t.role = 'target' AND s.id <> t.id
        WHERE s.id IS NOT NULL AND t.id IS NOT NULL
        GROUP BY ALL HAVING weight >= ? ORDER BY weight DESC, source, target LIMIT ?""",
                 [*params, min_weight, limit])
    linked = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = rows(cur, f"""{cte},
        per_name AS (SELECT id, name, min(code) AS code, count(*) AS n FROM keyed
                     WHERE list_contains(?, id) GROUP BY id, name),
        per_id AS (SELECT id, count(DISTINCT (doc_id, event_id))::INTEGER AS events FROM keyed
                   WHERE list_contains(?, id) GROUP BY id)
        SELECT id, min(code) AS code, list(name ORDER BY n DESC, name) AS names, events
        FROM per_name JOIN per_id USING (id) GROUP BY id, events ORDER BY events DESC, id""",
                 [*params, linked, linked])
    return {"nodes": [{**node, "label": node["names"][0]} for node in nodes], "edges": edges}


def sector_codes() -> list[str]:
    """The CAMEO sector codes (GOV, MIL, COP, ...): on their own they name no particular actor."""
    return sorted(SECTOR_CODES)


def clusters(cur, filters: EventFilter, *, limit: int, offset: int) -> dict:
    """One page of the cross-article event clusters that match, most reported first.

    The filters read as for events: a cluster matches `since`/`until` when its dates overlap
    them, `actor` and `place` when one of its actors or its place matches, `q` when one of its
    evidence sentences contains the text.
    """
    where, params = filters.conditions("c", _any_contains("c.evidence"))
    date_filters(where, params, "c.date_last", filters.since, None)
    date_filters(where, params, "c.date_first", None, filters.until)
    where_sql = _where(where)
    total = cur.execute(f"SELECT count(*) FROM event_clusters c{where_sql}", params).fetchone()[0]
    page = rows(cur, f"""SELECT c.* FROM event_clusters c{where_sql}
        ORDER BY c.num_articles DESC, c.num_events DESC, c.date_last DESC NULLS LAST, c.cluster_id
        LIMIT ? OFFSET ?""", [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "clusters": page}


CLUSTER_MEMBERS_SQL = f"""SELECT e.doc_id, e.event_id, {EVENT_DATE} AS date, e.evidence, d.title,
    d.publisher, CAST(d.published AS VARCHAR) AS published, d.url
    FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = ?
    ORDER BY d.published NULLS LAST, e.doc_id, e.start, e.event_id"""


def cluster(cur, cluster_id: str) -> dict | None:
    """One cluster and its member events (with their articles) in the order they were reported,
    as the cluster's `doc_ids` are; None if there is no such cluster."""
    found = rows(cur, "SELECT * FROM event_clusters WHERE cluster_id = ?", [cluster_id])
    if not found:
        return None
    return {"cluster": found[0], "events": rows(cur, CLUSTER_MEMBERS_SQL, [cluster_id])}


def summary(cur) -> dict:
    """What the database holds: counts, the span of event dates, and events by type."""
    counts = rows(cur, f"""SELECT
        (SELECT count(*) FROM documents WHERE error IS NULL)::INTEGER AS documents,
        (SELECT count(*) FROM documents WHERE error IS NOT NULL)::INTEGER AS failed,
        (SELECT count(*) FROM events WHERE NOT negated)::INTEGER AS events,
        (SELECT count(*) FROM events WHERE negated)::INTEGER AS negated,
        (SELECT count(*) FROM quotes)::INTEGER AS quotes,
        (SELECT count(*) FROM event_clusters)::INTEGER AS clusters,
        (SELECT min({EVENT_DATE}) FROM {EVENTS_FROM} WHERE NOT e.negated) AS date_first,
        (SELECT max({EVENT_DATE}) FROM {EVENTS_FROM} WHERE NOT e.negated) AS date_last""")[0]
    types = rows(cur, """SELECT type, count(*)::INTEGER AS count FROM events WHERE NOT negated
        GROUP BY type ORDER BY count DESC, type""")
    return {**counts, "types": types}
