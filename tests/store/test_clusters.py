"""Event clusters across articles, on hand-built reports of invented events.

Each report is one sentence with one event; the tests say which reports are one real-world event.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.model import Document, Entity, Event, Mention, Place
from eventwire.store import Store

KHARKIV = ("Kharkiv", "UA", 49.99, 36.23, "city")
KHARKIV_AIRPORT = ("Kharkiv International Airport", "UA", 49.92, 36.29, "airport")
ODESA = ("Odesa", "UA", 46.48, 30.73, "city")
UKRAINE = ("Ukraine", "UA", 49.0, 32.0, "country")


def report(doc_id, publisher, published, sentence, source, target, *, type="ASSAULT", cameo="195",
           date=None, place=None, negated=False, url=None) -> Document:
    """One article of one sentence telling one event; source and target are (name, code) or None."""
    entities, roles = [], {}
    for role, actor in (("source", source), ("target", target)):
        if actor:
            name, code = actor
            start = sentence.find(name)
            entities.append(Entity(f"E{len(entities) + 1}", name, "ORG", code, [Mention(start, start + len(name))]))
            roles[role] = [entities[-1].id]
    places = [Place("P1", *place[:4], None, place[4])] if place else []
    event = Event("V1", type, 0, len(sentence), cameo=cameo, source=roles.get("source", []),
                  target=roles.get("target", []), date=date, place="P1" if place else None,
                  negated=negated, modality="negated" if negated else None)
    return Document(id=doc_id, source=f"{doc_id}.txt", text=sentence, published=published,
                    publisher=publisher, url=url or f"https://{publisher.lower().replace(' ', '')}.example.com/{doc_id}",
                    entities=entities, places=places, events=[event])


RUSSIA, RUSSIAN_FORCES, BELARUS = ("Russia", "RUS"), ("Russian forces", "RUSMIL"), ("Belarus", "BLR")
KHARKIV_CITY = ("Kharkiv", "UKR")

REPORTS = [
    # one strike on Kharkiv on 3 March, told by three outlets in four articles
    report("a1", "Harbour Herald", "2025-03-03", "Russian forces shelled Kharkiv on Monday.",
           RUSSIAN_FORCES, KHARKIV_CITY, date="2025-03-03", place=KHARKIV),
    report("a2", "Plains Courier", "2025-03-04", "Russia struck Kharkiv overnight.",
           RUSSIA, KHARKIV_CITY, date="2025-03-04", place=KHARKIV),
    report("a3", "Harbour Herald", "2025-03-04", "Russian forces hit Kharkiv's airport.",
           RUSSIAN_FORCES, None, date="2025-03-03", place=KHARKIV_AIRPORT),
    report("a4", "Lakeside Ledger", "2025-03-05", "Russia bombed Ukraine on Monday.",
           RUSSIA, ("Ukraine", "UKR"), date="2025-03-03", place=UKRAINE),
    # the same dyad twelve days later is another strike
    report("b1", "Plains Courier", "2025-03-15", "Russian forces shelled Kharkiv again on Saturday.",
           RUSSIAN_FORCES, KHARKIV_CITY, date="2025-03-15", place=KHARKIV),
    # the same day 470 km away is another strike
    report("c1", "Lakeside Ledger", "2025-03-03", "Russian forces shelled Odesa on Monday.",
           RUSSIAN_FORCES, ("Odesa", "UKR"), date="2025-03-03", place=ODESA),
    # the same day and place by another actor is another strike
    report("d1", "Plains Courier", "2025-03-03", "Belarus shelled Kharkiv on Monday.",
           BELARUS, KHARKIV_CITY, date="2025-03-03", place=KHARKIV),
    # no one named: only joins another report that names no one, at the same town
    report("e1", "Harbour Herald", "2025-03-03", "Kharkiv was shelled on Monday.",
           None, KHARKIV_CITY, date="2025-03-03", place=KHARKIV),
    report("e2", "Lakeside Ledger", "2025-03-03", "Kharkiv came under shelling on Monday.",
           None, KHARKIV_CITY, date="2025-03-03", place=KHARKIV),
    # another type on the same day
    report("f1", "Harbour Herald", "2025-03-03", "The EU sanctioned Russia on Monday.",
           ("EU", "IGOEEC"), RUSSIA, type="SANCTION", cameo="163", date="2025-03-03"),
    # a denied strike is in no cluster
    report("g1", "Plains Courier", "2025-03-03", "Russia did not shell Kharkiv on Monday.",
           RUSSIA, KHARKIV_CITY, date="2025-03-03", place=KHARKIV, negated=True),
]


def clusters_of(store: Store) -> set[frozenset[str]]:
    rows = store.query("SELECT doc_ids FROM event_clusters")
    return {frozenset(row["doc_ids"]) for row in rows}


@pytest.fixture
def store():
    with Store(":memory:") as store:
        for doc in REPORTS:
            store.add(doc)
        store.build_clusters()
        yield store


def test_clusters_gather_reports_of_one_event_and_keep_near_misses_apart(store):
    assert clusters_of(store) == {
        frozenset({"a1", "a2", "a3", "a4"}), frozenset({"b1"}), frozenset({"c1"}), frozenset({"d1"}),
        frozenset({"e1", "e2"}), frozenset({"f1"}),
    }
    assert store.counts()["events"] == 11
    assert store.query("SELECT doc_id FROM events WHERE cluster_id IS NULL") == [{"doc_id": "g1"}]


def test_cluster_row_counts_articles_sources_and_reporting_days(store):
    (row,) = store.query("SELECT * FROM event_clusters WHERE list_contains(doc_ids, 'a1')")
    assert (row["type"], row["quad_class"], row["cameo"], row["goldstein"]) == (
        "ASSAULT", "material conflict", "195", -10.0)
    assert (row["num_events"], row["num_articles"], row["num_sources"]) == (4, 4, 3)
    assert (row["date_first"], row["date_last"]) == ("2025-03-03", "2025-03-04")
    assert (row["first_seen"], row["last_seen"]) == (dt.date(2025, 3, 3), dt.date(2025, 3, 5))
    # the place most reports give (the airport and the country are one report each); the actors most reports name first
    assert (row["place_name"], row["country"], row["feature"]) == ("Kharkiv", "UA", "city")
    assert row["source_codes"] == ["RUS", "RUSMIL"] and row["target_codes"] == ["UKR"]
    assert row["evidence"] == [r.text for r in REPORTS[:4]]
    assert row["urls"][0] == "https://harbourherald.example.com/a1"


def test_events_point_to_their_cluster(store):
    rows = store.query("SELECT e.doc_id, c.num_articles FROM events e JOIN event_clusters c "
                       "USING (cluster_id) WHERE e.doc_id IN ('a2', 'e2')")
    assert sorted((r["doc_id"], r["num_articles"]) for r in rows) == [("a2", 4), ("e2", 2)]


def test_clusters_do_not_depend_on_the_order_articles_were_stored(store):
    expected = store.query("SELECT * FROM event_clusters ORDER BY cluster_id")
    with Store(":memory:") as other:
        for doc in reversed(REPORTS):
            other.add(doc)
        other.build_clusters()
        assert other.query("SELECT * FROM event_clusters ORDER BY cluster_id") == expected


def test_a_later_report_joins_the_cluster_without_changing_its_id(store):
    before = store.query("SELECT cluster_id FROM event_clusters WHERE list_contains(doc_ids, 'a1')")
    store.add(report("a5", "Valley Voice", "2025-03-06", "Russia's strike on Kharkiv killed four.",
                     RUSSIA, KHARKIV_CITY, date="2025-03-03", place=KHARKIV))
    assert store.clusters_stale()
    store.build_clusters()
    assert not store.clusters_stale()
    after = store.query("SELECT cluster_id, num_articles, num_sources FROM event_clusters "
                        "WHERE list_contains(doc_ids, 'a1')")
    assert after == [{"cluster_id": before[0]["cluster_id"], "num_articles": 5, "num_sources": 4}]


def test_a_wider_window_joins_what_the_default_keeps_apart(store):
    store.build_clusters(days=14)
    assert frozenset({"a1", "a2", "a3", "a4", "b1"}) in clusters_of(store)


def test_rebuilding_clusters_changes_no_row(store):
    before = {t: store.query(f"SELECT * FROM {t} ORDER BY ALL") for t in ("event_clusters", "events")}
    store.build_clusters()
    assert {t: store.query(f"SELECT * FROM {t} ORDER BY ALL") for t in before} == before


def test_a_sanction_told_from_where_it_was_announced_or_whom_it_hits_is_one_event():
    washington = ("Washington", "US", 38.9, -77.04, "city")
    iran = ("Iran", "IR", 32.0, 53.0, "country")
    reports = [
        report("s1", "Harbour Herald", "2025-04-02", "In Washington, the United States sanctioned Iran.",
               ("United States", "USA"), ("Iran", "IRN"), type="SANCTION", cameo="163", date="2025-04-02",
               place=washington),
        report("s2", "Plains Courier", "2025-04-02", "The United States imposed sanctions on Iran.",
               ("United States", "USA"), ("Iran", "IRN"), type="SANCTION", cameo="163", date="2025-04-02",
               place=iran),
    ]
    with Store(":memory:") as store:
        for doc in reports:
            store.add(doc)
        store.build_clusters()
        assert clusters_of(store) == {frozenset({"s1", "s2"})}


def test_a_meeting_told_from_either_side_is_one_event():
    taliban, pakistan = ("Taliban", "AFGINS"), ("Pakistani officials", "PAKGOV")
    reports = [
        report("m1", "Harbour Herald", "2025-03-17", "Taliban officials met Pakistani officials in Doha.",
               taliban, pakistan, type="CONSULT", cameo="040", date="2025-03-17"),
        report("m2", "Plains Courier", "2025-03-18", "Pakistani officials met the Taliban in Doha.",
               pakistan, taliban, type="CONSULT", cameo="040", date="2025-03-17"),
        # an attack is not a meeting: told the other way round it is another event
        report("m3", "Harbour Herald", "2025-03-17", "The Taliban attacked Pakistani officials.",
               taliban, pakistan, date="2025-03-17"),
        report("m4", "Plains Courier", "2025-03-17", "Pakistani officials attacked the Taliban.",
               pakistan, taliban, date="2025-03-17"),
    ]
    with Store(":memory:") as store:
        for doc in reports:
            store.add(doc)
        store.build_clusters()
        assert clusters_of(store) == {frozenset({"m1", "m2"}), frozenset({"m3"}), frozenset({"m4"})}
