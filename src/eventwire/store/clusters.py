"""Event clusters: one row per real-world event, however many articles report it.

Events of all stored articles are read in order of type and date. An event joins an open cluster of
its type when the cluster's first event is at most `days` away, their sources are the same actors
(a country and its state bodies count as one: `eventwire.knowledge.event_identity`), their targets do not
disagree and, for acts done at a place (an attack, an arrest, a march, a deployment, a
withdrawal), their places can be one place (`km`); otherwise it opens a new cluster. The place of a
sanction, a statement or a meeting is told loosely (where it was announced, whom it concerns), so
it does not split those; for meetings, agreements and cooperation the two sides may be named the
other way round. Events no one is named as doing ("the town was shelled") only join one another at
the same named place. Negated, future and hypothetical events are in no cluster.

The whole table is rebuilt from the stored events, so the clusters do not depend on the order in
which articles were added, and a cluster's id, taken from its first event, stays the same when
later reports join it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..knowledge.event_identity import BROAD_FEATURES, Where, actor_keys, dates_close, day, places_compatible, same_side
from ..model import QUAD_CLASS_OF
from .goldstein import goldstein_of

# Acts whose place is where they happened, so that the same actors doing them on the same day at two
# places far apart are two events (PLOVER's material conflict acts, and withdrawals).
PLACE_BOUND_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})

PRECISE_PLACE_BONUS = 0.5
# Acts that two parties do together: who is named first does not make another event.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

MEMBER_SQL = """
SELECT e.doc_id, e.event_id, e.type, e.cameo, e.source_codes, e.source_names, e.target_codes,
    e.target_names, coalesce(e.date, CAST(d.published AS VARCHAR)) AS date, e.place_name,
    e.country, e.lat, e.lon, p.geonameid, p.feature, e.evidence, d.publisher, d.url, d.published
FROM events e JOIN documents d ON d.id = e.doc_id
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.place_id = e.place_id
WHERE NOT e.negated
ORDER BY e.type, date NULLS LAST, d.published NULLS LAST, e.doc_id, e.start, e.event_id
"""


@dataclass
class Member:
    """One stored event, as clustering sees it."""

    row: dict
    sources: frozenset[str]
    targets: frozenset[str]
    where: Where | None
    day: dt.date | None  # its date, when it is a whole day

    @classmethod
    def of(cls, row: dict) -> Member:
        where = None
        if row["place_name"]:
            where = Where(row["place_name"], row["country"], row["lat"], row["lon"], row["feature"])
        return cls(row, actor_keys(row["source_codes"], row["source_names"]),
                   actor_keys(row["target_codes"], row["target_names"]), where, day(row["date"]))

    def dated_near(self, other: Member, days: int) -> bool:
        if self.day and other.day:
            return abs((self.day - other.day).days) <= days
        one, two = self.row["date"], other.row["date"]
        # across articles an undated event only matches another undated one
        return dates_close(one, two, days=days) if one and two else not one and not two


@dataclass
class Cluster:
    first: Member
    members: list[Member] = field(default_factory=list)
    targets: frozenset[str] = frozenset()
    where: Where | None = None

    def accepts(self, event: Member, *, days: int, km: float) -> bool:
        first = self.first
        if not first.dated_near(event, days):
            return False
        if not first.sources and not event.sources:
            return _same_named_place(self.where, event.where)
        same_dyad = (same_side(first.sources, event.sources, missing_ok=False)
                     and same_side(self.targets, event.targets, missing_ok=True))
        # "the Taliban met Pakistani officials" is "Pakistani officials met the Taliban"
        reversed_dyad = (first.row["type"] in SYMMETRIC_TYPES and bool(first.sources & event.targets)
                         and bool(self.targets & event.sources))
        return (same_dyad or reversed_dyad) and (
            first.row["type"] not in PLACE_BOUND_TYPES or places_compatible(self.where, event.where, km=km))

    def add(self, event: Member) -> None:
        self.members.append(event)
        self.targets = self.targets or event.targets
        # places are compared with the most precise place any report gives ("Kabul" rather than
        # "Afghanistan"), so a town and its country both fit
        if event.where and (self.where is None or (self.where.feature in BROAD_FEATURES
                                                   and event.where.feature not in BROAD_FEATURES)):
            self.where = event.where

    def place_row(self) -> dict:
        """The row whose place the cluster shows: the place most reports give, a town counting a
        little more than a country ("Kabul" over "Afghanistan" one to one), so that one recap in
        an article about another event, placed wrongly, does not outweigh the rest."""
        located = [m for m in self.members if m.where]
        if not located:
            return {}
        counts = Counter((m.where.name, m.where.country, m.where.feature not in BROAD_FEATURES) for m in located)
        best = max(counts, key=lambda key: counts[key] + PRECISE_PLACE_BONUS * key[2])
        return next(m.row for m in located if (m.where.name, m.where.country) == best[:2])


def rebuild_clusters(con, *, days: int, km: float) -> int:
    """Replace the event_clusters table and events.cluster_id from the stored events."""
    cursor = con.execute(MEMBER_SQL)
    names = [d[0] for d in cursor.description]
    clusters = _cluster([Member.of(dict(zip(names, row))) for row in cursor.fetchall()], days, km)
    con.execute("DELETE FROM event_clusters")
    con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
    rows = [_cluster_row(cluster) for cluster in clusters]
    members = [{"cluster_id": row["cluster_id"], "doc_id": m.row["doc_id"], "event_id": m.row["event_id"]}
               for row, cluster in zip(rows, clusters) for m in cluster.members]
    # DuckDB inserts row by row from Python (executemany) a hundred times slower than it reads a
    # file, so the rows go through a JSON Lines file.
    with tempfile.TemporaryDirectory(prefix="eventwire-clusters-") as folder:
        clusters_file, members_file = Path(folder) / "clusters.jsonl", Path(folder) / "members.jsonl"
        _write_jsonl(clusters_file, rows)
        _write_jsonl(members_file, members)
        if rows:
            con.execute(f"INSERT INTO event_clusters BY NAME SELECT * FROM read_json(?, format = "
                        f"'newline_delimited', columns = {_columns_of(con, 'event_clusters')})",
                        [str(clusters_file)])
        if members:
            con.execute("UPDATE events SET cluster_id = m.cluster_id FROM read_json(?, format = "
                        "'newline_delimited', columns = {cluster_id: 'VARCHAR', doc_id: 'VARCHAR', "
                        "event_id: 'VARCHAR'}) m WHERE events.doc_id = m.doc_id "
                        "AND events.event_id = m.event_id", [str(members_file)])
    return len(rows)


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def _columns_of(con, table: str) -> str:
    """The table's columns as a read_json `columns` struct (names and types are the schema's own)."""
    described = con.execute(f"DESCRIBE {table}").fetchall()
    return "{" + ", ".join(f"\"{name}\": '{kind}'" for name, kind, *_ in described) + "}"


def _cluster(events: list[Member], days: int, km: float) -> list[Cluster]:
    """Clusters of `events` (in type and date order); the open clusters are looked up by type and
    by each source actor of their first event, so an event is compared only with clusters that
    could take it."""
    clusters: list[Cluster] = []
    open_clusters: dict[tuple, list[Cluster]] = {}
    for event in events:
        keys = event.sources | event.targets if event.row["type"] in SYMMETRIC_TYPES else event.sources
        buckets = [open_clusters.setdefault((event.row["type"], key), []) for key in sorted(keys) or [None]]
        home = None
        for bucket in buckets:
            _close_old(bucket, event, days)
            home = next((c for c in bucket if c.accepts(event, days=days, km=km)), None)
            if home:
                break
        if home is None:
            home = Cluster(first=event)
            clusters.append(home)
            for key in sorted(event.sources) or [None]:
                open_clusters.setdefault((event.row["type"], key), []).append(home)
        home.add(event)
    return clusters


def _close_old(bucket: list[Cluster], event: Member, days: int) -> None:
    """Drop clusters whose first event is too long before `event` to take it (events come in date
    order)."""
    if event.day and bucket and bucket[0].first.day and (event.day - bucket[0].first.day).days > days:
        bucket[:] = [c for c in bucket if c.first.day is None or (event.day - c.first.day).days <= days]


def _same_named_place(one: Where | None, other: Where | None) -> bool:
    return bool(one and other and one.feature not in BROAD_FEATURES
                and one.name.lower() == other.name.lower() and one.country == other.country)


def _cluster_row(cluster: Cluster) -> dict:
    rows = [m.row for m in cluster.members]
    first = cluster.first.row
    cameo = _most_common(r["cameo"] for r in rows)
    dates = sorted(r["date"] for r in rows if r["date"])
    published = sorted(r["published"] for r in rows if r["published"])
    place = cluster.place_row()
    reported = sorted(rows, key=_reported)  # evidence, articles and links in the order reported
    return {
        "cluster_id": "C" + hashlib.sha1(f"{first['doc_id']}\t{first['event_id']}".encode()).hexdigest()[:12],
        "type": first["type"], "quad_class": QUAD_CLASS_OF.get(first["type"]), "cameo": cameo,
        "goldstein": goldstein_of(cameo),
        "source_codes": _by_frequency(c for r in rows for c in r["source_codes"] or ()),
        "source_names": _by_frequency(n for r in rows for n in r["source_names"] or ()),
        "target_codes": _by_frequency(c for r in rows for c in r["target_codes"] or ()),
        "target_names": _by_frequency(n for r in rows for n in r["target_names"] or ()),
        "date_first": dates[0] if dates else None, "date_last": dates[-1] if dates else None,
        "place_name": place.get("place_name"), "country": place.get("country"), "lat": place.get("lat"),
        "lon": place.get("lon"), "geonameid": place.get("geonameid"), "feature": place.get("feature"),
        "num_events": len(rows), "num_articles": len({r["doc_id"] for r in rows}),
        "num_sources": len({_outlet(r) for r in rows}),
        "first_seen": published[0] if published else None, "last_seen": published[-1] if published else None,
        "evidence": _distinct(r["evidence"] for r in reported), "doc_ids": _distinct(r["doc_id"] for r in reported),
        "urls": _distinct(r["url"] for r in reported),
    }


def _reported(row: dict) -> tuple:
    return row["published"] is None, row["published"] or dt.date.min, row["doc_id"]


def _outlet(row: dict) -> str:
    """Who published a report: its publisher, else its web site, else the article itself."""
    if row["publisher"]:
        return row["publisher"].strip().lower()
    host = urlsplit(row["url"]).hostname if row["url"] else None
    return host.removeprefix("www.") if host else f"doc:{row['doc_id']}"


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _by_frequency(values) -> list[str]:
    counts = Counter(v for v in values if v)
    return sorted(counts, key=lambda v: (-counts[v], v))


def _distinct(values) -> list:
    return list(dict.fromkeys(v for v in values if v is not None))

