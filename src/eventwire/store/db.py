"""Store documents, entities, places, times, quotes and events in DuckDB, and query them back.

`Store(path)` opens (or creates) a database and applies any schema migration it has not seen yet;
`":memory:"` gives a throwaway database for tests. `store.add(doc)` replaces everything stored for
one document in a single transaction, so re-running over the same input adds nothing and a crash
never leaves half an article behind. Every query takes its values as parameters.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from pathlib import Path

import duckdb

from ..errors import EventwireError
from ..model import QUAD_CLASS_OF, Document

LOGGER = logging.getLogger(__name__)

# The per-document tables: a document's rows in all of them are replaced together.
TABLES = ("documents", "entities", "mentions", "places", "times", "quotes", "events")

# Each migration runs once, in order, and is recorded in _eventwire_migrations; a schema change is
# a new entry at the end, never an edit of an applied one.
MIGRATIONS: list[tuple[int, str, str]] = [(1, "create tables", """
CREATE TABLE documents (id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, published DATE,
    publisher VARCHAR, url VARCHAR, author VARCHAR, text VARCHAR, content_hash VARCHAR,
    error VARCHAR, stored_at TIMESTAMP, record JSON);
CREATE TABLE entities (doc_id VARCHAR, entity_id VARCHAR, name VARCHAR, type VARCHAR,
    code VARCHAR, member_of VARCHAR, mention_count INTEGER);
CREATE TABLE mentions (doc_id VARCHAR, entity_id VARCHAR, start INTEGER, "end" INTEGER,
    kind VARCHAR, text VARCHAR);
CREATE TABLE places (doc_id VARCHAR, place_id VARCHAR, name VARCHAR, country VARCHAR,
    lat DOUBLE, lon DOUBLE, geonameid BIGINT, feature VARCHAR);
CREATE TABLE times (doc_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR,
    value VARCHAR);
CREATE TABLE quotes (doc_id VARCHAR, quote_id VARCHAR, text VARCHAR, start INTEGER,
    "end" INTEGER, speaker_id VARCHAR, speaker_name VARCHAR, cue VARCHAR, date VARCHAR,
    via VARCHAR[], kind VARCHAR);
CREATE TABLE events (doc_id VARCHAR, event_id VARCHAR, type VARCHAR, quad_class VARCHAR,
    mode VARCHAR, context VARCHAR[], cameo VARCHAR, source_ids VARCHAR[],
    source_names VARCHAR[], source_codes VARCHAR[], target_ids VARCHAR[],
    target_names VARCHAR[], target_codes VARCHAR[], date VARCHAR, place_id VARCHAR,
    place_name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, evidence VARCHAR,
    start INTEGER, "end" INTEGER, negated BOOLEAN, modality VARCHAR, confidence DOUBLE,
    pattern VARCHAR);
"""), (2, "clusters, input hashes, event repeats, quote cue kinds", """
ALTER TABLE documents ADD COLUMN input_hash VARCHAR;
ALTER TABLE events ADD COLUMN also_evidence VARCHAR[];
ALTER TABLE events ADD COLUMN cluster_id VARCHAR;
ALTER TABLE quotes ADD COLUMN cue_kind VARCHAR;
ALTER TABLE quotes ADD COLUMN parts INTEGER[][];
CREATE TABLE event_clusters (cluster_id VARCHAR PRIMARY KEY, type VARCHAR, quad_class VARCHAR,
    cameo VARCHAR, goldstein DOUBLE, source_codes VARCHAR[], source_names VARCHAR[],
    target_codes VARCHAR[], target_names VARCHAR[], date_first VARCHAR, date_last VARCHAR,
    place_name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, feature VARCHAR,
    num_events INTEGER, num_articles INTEGER, num_sources INTEGER, first_seen DATE, last_seen DATE,
    evidence VARCHAR[], doc_ids VARCHAR[], urls VARCHAR[]);
-- 'clusters_stale' is set with every stored document and cleared when clusters are rebuilt, so a
-- run killed between the two still rebuilds them next time.
CREATE TABLE _eventwire_state (key VARCHAR PRIMARY KEY, value VARCHAR);
""")]

CLUSTERS_STALE = "clusters_stale"
# Reports of one event differ by a day (time zones, "overnight", a follow-up's "on Sunday"); places
# by the distance between a town and its outskirts or airport.
CLUSTER_DAYS, CLUSTER_KM = 1, 50

PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# Dates are kept as ISO strings because events and quotes may be dated to a month or a year only.
# A date D (possibly partial) overlaps [since, until] when its first day is not after `until` and
# its last day not before `since`; comparing equal-length prefixes of the strings does exactly that.
_SINCE = "left(?, length({col})) <= {col}"
_UNTIL = "left({col}, length(?)) <= ?"

EVENT_COLUMNS = """e.doc_id, e.event_id, coalesce(e.date, CAST(d.published AS VARCHAR)) AS date,
    e.type, e.quad_class, e.mode, e.context, e.cameo, e.source_names, e.source_codes,
    e.target_names, e.target_codes, e.place_name, e.country, e.lat, e.lon, e.evidence,
    e.negated, e.modality, e.confidence"""

ACTORS_SQL = """
WITH roles AS (
    SELECT doc_id, unnest(source_ids) AS entity_id, 'source' AS role FROM events WHERE NOT negated
    UNION ALL
    SELECT doc_id, unnest(target_ids), 'target' FROM events WHERE NOT negated
    UNION ALL
    SELECT doc_id, speaker_id, 'quote' FROM quotes WHERE speaker_id IS NOT NULL)
SELECT en.name, en.code, string_agg(DISTINCT en.type, ',' ORDER BY en.type) AS type,
    count(DISTINCT en.doc_id) AS documents,
    count(r.role) FILTER (WHERE r.role = 'source') AS as_source,
    count(r.role) FILTER (WHERE r.role = 'target') AS as_target,
    count(r.role) FILTER (WHERE r.role = 'quote') AS quotes
FROM entities en LEFT JOIN roles r ON r.doc_id = en.doc_id AND r.entity_id = en.entity_id
WHERE ? IS NULL OR contains(lower(en.name), lower(?)) OR contains(lower(en.code), lower(?))
GROUP BY en.name, en.code
ORDER BY as_source + as_target + quotes DESC, documents DESC, en.name, en.code
"""


class StoreError(EventwireError):
    """The database cannot be opened, is not an eventwire database, or a query value is invalid."""


class Rows(list):
    """A list of row dicts that also knows its column names (so an empty result has a header)."""

    def __init__(self, rows=(), *, columns: list[str]):
        super().__init__(rows)
        self.columns = columns


class Store:
    """An eventwire database in DuckDB.

    Args:
        path: the database file, or ":memory:".
        read_only: open an existing database for reading only (many readers may share it).
        create: create the database if there is none (else StoreError).

    Example:
        >>> store = Store(":memory:")
        >>> store.add(doc)
        'added'
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False, create: bool = True):
        self.path = str(path)
        if self.path != ":memory:" and (read_only or not create) and not Path(path).exists():
            raise StoreError(f"no database at {self.path}; create one with "
                             f"'eventwire run INPUT... --db {self.path}'")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from None
        if read_only:
            self._check_schema()
        else:
            self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def migrate(self) -> list[str]:
        """Apply the migrations this database has not seen yet; return their names."""
        self.con.execute("CREATE TABLE IF NOT EXISTS _eventwire_migrations "
                         "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
        done = {row[0] for row in self.con.execute("SELECT version FROM _eventwire_migrations").fetchall()}
        applied = []
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self._transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO _eventwire_migrations VALUES (?, ?, ?)",
                                 [version, name, utc_now()])
            applied.append(name)
        return applied

    def _check_schema(self) -> None:
        try:
            versions = {r[0] for r in self.con.execute("SELECT version FROM _eventwire_migrations").fetchall()}
        except duckdb.CatalogException:
            raise StoreError(f"{self.path} is not an eventwire database") from None
        if versions != {version for version, _, _ in MIGRATIONS}:
            raise StoreError(f"{self.path} has an older schema; open it once for writing "
                             f"(e.g. 'eventwire run') to migrate it")

    def _transaction(self):
        return _Transaction(self.con)

    def add(self, doc: Document) -> str:
        """Store `doc`, replacing whatever was stored under its id.

        Returns:
            "added", "replaced", or "unchanged" when the stored content is identical.
        """
        row = document_row(doc)
        content_hash = row[8]
        old = self.con.execute("SELECT content_hash, input_hash FROM documents WHERE id = ?",
                               [doc.id]).fetchone()
        if old and old[0] == content_hash:
            if doc.input_hash and old[1] != doc.input_hash:
                # same output from a new input or pipeline: remember the input, so it is skipped next time
                self.con.execute("UPDATE documents SET input_hash = ? WHERE id = ?", [doc.input_hash, doc.id])
            return "unchanged"
        with self._transaction():
            # a document's rows are written in one transaction, so there are none without it
            for table in TABLES if old else ():
                self.con.execute(f"DELETE FROM {table} WHERE {id_column(table)} = ?", [doc.id])
            self.con.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            for table, rows in table_rows(doc).items():
                for start in range(0, len(rows), ROWS_PER_INSERT):
                    _insert(self.con, table, rows[start:start + ROWS_PER_INSERT])
            self._set_state(CLUSTERS_STALE, "yes")
        return "replaced" if old else "added"

    def input_hashes(self) -> dict[str, str]:
        """The input hash of every document stored without an error: the inputs a run can skip."""
        rows = self.con.execute("SELECT id, input_hash FROM documents "
                                "WHERE error IS NULL AND input_hash IS NOT NULL").fetchall()
        return dict(rows)

    def clusters_stale(self) -> bool:
        """Documents were stored since the event clusters were last built."""
        row = self.con.execute("SELECT value FROM _eventwire_state WHERE key = ?", [CLUSTERS_STALE]).fetchone()
        return bool(row and row[0] == "yes")

    def build_clusters(self, *, days: int = CLUSTER_DAYS, km: float = CLUSTER_KM) -> int:
        """Group the events of all articles into real-world events (`event_clusters`) and set
        each event's `cluster_id`; returns the number of clusters. See `eventwire.store.clusters`."""
        from .clusters import rebuild_clusters

        with self._transaction():
            count = rebuild_clusters(self.con, days=days, km=km)
            self._set_state(CLUSTERS_STALE, "no")
        return count

    def _set_state(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO _eventwire_state VALUES (?, ?)", [key, value])

    def counts(self) -> dict[str, int]:
        """Rows per table (event_clusters included), plus `failed`: documents stored with an error."""
        counts = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in (*TABLES, "event_clusters")}
        counts["failed"] = self.con.execute(
            "SELECT count(*) FROM documents WHERE error IS NOT NULL").fetchone()[0]
        return counts

    def query(self, sql: str, params: list | None = None) -> Rows:
        """Rows of `sql` as dicts, column name to value."""
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return Rows((dict(zip(names, row)) for row in cursor.fetchall()), columns=names)

    def events(self, *, actor: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = 100,
               include_negated: bool = False) -> Rows:
        """Events, newest first. `actor` matches source or target names or codes
        (case-insensitive substring); `type` is a PLOVER type; dates are YYYY[-MM[-DD]] and fall
        back to the article's date when the event has none."""
        where, params = [], []
        if not include_negated:
            where.append("NOT e.negated")
        _actor_and_type(where, params, "e", actor, type)
        date = "coalesce(e.date, CAST(d.published AS VARCHAR))"
        date_filters(where, params, date, since, until)
        sql = (f"SELECT {EVENT_COLUMNS} FROM events e LEFT JOIN documents d ON d.id = e.doc_id"
               f"{_where(where)} ORDER BY date DESC NULLS LAST, e.doc_id, e.start, e.event_id")
        return self.query(*_limit(sql, params, limit))

    def quotes(self, *, speaker: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = 100) -> Rows:
        """Quotes, newest first; `speaker` matches the speaker's name (case-insensitive substring)."""
        where, params = [], []
        if speaker:
            where.append("contains(lower(q.speaker_name), lower(?))")
            params.append(speaker)
        date = "coalesce(q.date, CAST(d.published AS VARCHAR))"
        date_filters(where, params, date, since, until)
        sql = (f"SELECT q.doc_id, q.quote_id, {date} AS date, q.speaker_name, q.cue, q.kind, "
               f"q.via, q.text FROM quotes q LEFT JOIN documents d ON d.id = q.doc_id"
               f"{_where(where)} ORDER BY date DESC NULLS LAST, q.doc_id, q.start, q.quote_id")
        return self.query(*_limit(sql, params, limit))

    def clusters(self, *, actor: str | None = None, type: str | None = None,
                 since: str | None = None, until: str | None = None, min_articles: int = 1,
                 limit: int | None = 100) -> Rows:
        """Real-world events (event clusters), most reported first; the filters read as for
        `events`, a cluster's dates overlapping [since, until]."""
        where, params = ["c.num_articles >= ?"], [min_articles]
        _actor_and_type(where, params, "c", actor, type)
        date_filters(where, params, "c.date_last", since, None)
        date_filters(where, params, "c.date_first", None, until)
        sql = (f"SELECT * FROM event_clusters c{_where(where)} ORDER BY c.num_articles DESC, "
               f"c.num_events DESC, c.date_first DESC NULLS LAST, c.cluster_id")
        return self.query(*_limit(sql, params, limit))

    def actors(self, *, name: str | None = None, limit: int | None = 100) -> Rows:
        """One row per actor name and code: documents, events as source and as target, quotes."""
        return self.query(*_limit(ACTORS_SQL, [name, name, name], limit))


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.begin()

    def __exit__(self, exc_type, *_):
        if exc_type is None:
            self.con.commit()
        else:
            self.con.rollback()


def id_column(table: str) -> str:
    """The column of a per-document table that holds the document's id."""
    return "id" if table == "documents" else "doc_id"


# DuckDB runs executemany as one statement per row; one INSERT of many rows is ~20x faster.
ROWS_PER_INSERT = 500


def _insert(con, table: str, rows: list[tuple]) -> None:
    """INSERT `rows` into `table` in one statement, every value a parameter."""
    if rows:
        marks = "(" + ", ".join("?" * len(rows[0])) + ")"
        con.execute(f"INSERT INTO {table} VALUES {', '.join([marks] * len(rows))}",
                    [value for row in rows for value in row])


def document_row(doc: Document, stored_at: dt.datetime | None = None) -> tuple:
    """The `documents` row of `doc`, in the table's column order: its output record as JSON, the
    hash of that record (`content_hash`, index 8) and `stored_at` (default: now, UTC)."""
    record = doc.to_record()
    return (doc.id, doc.source, doc.title, _iso_date(doc.published), doc.publisher, doc.url,
            doc.author, doc.text, _content_hash(record, doc), doc.error, stored_at or utc_now(),
            json.dumps(record, ensure_ascii=False), doc.input_hash)


def table_rows(doc: Document) -> dict[str, list[tuple]]:
    """The rows of every per-document table for `doc`."""
    entities = {e.id: e for e in doc.entities}
    places = {p.id: p for p in doc.places}
    names = lambda ids: [entities[i].name if i in entities else None for i in ids]  # noqa: E731
    codes = lambda ids: [entities[i].code if i in entities else None for i in ids]  # noqa: E731
    events = []
    for ev in doc.events:
        place = places.get(ev.place)
        events.append((
            doc.id, ev.id, ev.type, QUAD_CLASS_OF.get(ev.type), ev.mode, ev.context, ev.cameo,
            ev.source, names(ev.source), codes(ev.source), ev.target, names(ev.target),
            codes(ev.target), ev.date, ev.place, place and place.name, place and place.country,
            place and place.lat, place and place.lon, doc.text[ev.start:ev.end], ev.start, ev.end,
            ev.negated, ev.modality, ev.confidence, ev.pattern,
            [doc.text[start:end] for start, end in ev.also_spans], None))
    return {
        "entities": [(doc.id, e.id, e.name, e.type, e.code, e.member_of, len(e.mentions))
                     for e in doc.entities],
        "mentions": [(doc.id, e.id, m.start, m.end, m.kind, doc.text[m.start:m.end])
                     for e in doc.entities for m in e.mentions],
        "places": [(doc.id, p.id, p.name, p.country, p.lat, p.lon, p.geonameid, p.feature)
                   for p in doc.places],
        "times": [(doc.id, t.start, t.end, t.text, t.type, t.value) for t in doc.times],
        "quotes": [(doc.id, q.id, q.text, q.start, q.end, q.speaker, names([q.speaker])[0]
                    if q.speaker else None, q.cue, q.date, names(q.via), q.kind, q.cue_kind,
                    [list(part) for part in q.parts]) for q in doc.quotes],
        "events": events,
    }


def _content_hash(record: dict, doc: Document) -> str:
    # source and author are stored but are not part of the output record
    payload = json.dumps([record, doc.source, doc.author], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _iso_date(value: str | None) -> dt.date | None:
    """The calendar date `value` starts with, or None (partial or unparseable dates)."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def actor_condition(alias: str) -> str:
    """SQL: a source or target name or code of the event (or cluster) `alias` contains the
    parameter, in any case."""
    names = ", ".join(f"{alias}.{column}" for column in ("source_names", "target_names", "source_codes", "target_codes"))
    return f"EXISTS (SELECT 1 FROM unnest(list_concat({names})) AS t(x) WHERE contains(lower(x), lower(?)))"


def _actor_and_type(where: list, params: list, alias: str, actor: str | None, type: str | None) -> None:
    if actor:
        where.append(actor_condition(alias))
        params.append(actor)
    if type:
        where.append(f"{alias}.type = ?")
        params.append(check_type(type))


def check_type(value: str) -> str:
    """The PLOVER type `value` names, in capitals (any case is accepted); else StoreError."""
    if value.upper() not in QUAD_CLASS_OF:
        raise StoreError(f"unknown event type {value!r}; one of {', '.join(QUAD_CLASS_OF)}")
    return value.upper()


def check_date(value: str) -> str:
    """`value` if it is YYYY, YYYY-MM or YYYY-MM-DD; otherwise StoreError."""
    if not PARTIAL_DATE.fullmatch(value):
        raise StoreError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def date_filters(where: list, params: list, col: str, since: str | None, until: str | None) -> None:
    if since:
        where.append(_SINCE.format(col=col))
        params.append(check_date(since))
    if until:
        where.append(_UNTIL.format(col=col))
        params += [check_date(until), until]


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def _limit(sql: str, params: list, limit: int | None) -> tuple[str, list]:
    if limit is None:
        return sql, params
    return sql + " LIMIT ?", [*params, limit]
