"""The DuckDB store: exact rows for hand-built documents, replacement, atomicity and queries.

`sample_docs()` is shared with test_export.py and test_cli.py. The articles are invented.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from eventwire.model import Document, Entity, Event, Mention, Place, Quote, TimeExpression
from eventwire.store import Store, StoreError

TEXT_1 = ('Norland troops shelled a border post held by Ostmark on Monday. "We acted in '
          'self-defence," said Mara Lind, the defence minister, according to state radio. '
          'Norland did not pull back.')
TEXT_2 = "The Ostmark foreign ministry accused Norland of lying. Talks are due in Kestrel City."


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def mention(text: str, piece: str) -> Mention:
    return Mention(*span(text, piece))


def doc_one() -> Document:
    t = TEXT_1
    shelled = span(t, "Norland troops shelled a border post held by Ostmark on Monday.")
    back = span(t, "Norland did not pull back.")
    quote = span(t, "We acted in self-defence,")
    return Document(
        id="n1", source="feed/n1.txt", text=t, title="Shelling at the border",
        published="2024-03-05", publisher="Daily Invented", url="https://example.org/n1",
        author="A. Writer",
        entities=[
            Entity("E1", "Norland troops", "ORG", "NORMIL",
                   [mention(t, "Norland troops"), Mention(back[0], back[0] + len("Norland"))]),
            Entity("E2", "Ostmark", "GPE", "OST", [mention(t, "Ostmark")]),
            Entity("E3", "Mara Lind", "PERSON", "NORGOV", [mention(t, "Mara Lind")], member_of=None),
            Entity("E4", "state radio", "ORG", "NORMED", [mention(t, "state radio")]),
        ],
        places=[Place("P1", "Ostmark", "XO", 50.5, 20.25, 9999001, "country", [span(t, "Ostmark")])],
        times=[TimeExpression(*span(t, "Monday"), "Monday", "DATE", "2024-03-04")],
        quotes=[Quote("Q1", "We acted in self-defence,", *quote, speaker="E3", cue="said",
                      date="2024-03-04", via=["E4"], kind="direct")],
        events=[
            Event("V1", "ASSAULT", *shelled, context=["military"], cameo="195", source=["E1"],
                  target=["E2"], date="2024-03-04", place="P1", confidence=0.8, pattern="shell"),
            Event("V2", "RETREAT", *back, source=["E1"], negated=True, modality="negated",
                  confidence=0.4, pattern="pull back"),
        ],
    )


def doc_two() -> Document:
    t = TEXT_2
    return Document(
        id="n2", source="feed.jsonl:2", text=t, published="2024-04-10",
        entities=[Entity("E1", "Ostmark foreign ministry", "ORG", "OSTGOV",
                         [mention(t, "Ostmark foreign ministry")]),
                  Entity("E2", "Norland", "GPE", "NOR", [mention(t, "Norland")])],
        places=[Place("P1", "Kestrel City", "XO", None, None, None, "city", [span(t, "Kestrel City")])],
        quotes=[Quote("Q1", "Norland of lying", *span(t, "Norland of lying"), speaker="E1",
                      cue="accused", kind="indirect")],
        events=[Event("V1", "ACCUSE", *span(t, "The Ostmark foreign ministry accused Norland of lying."),
                      cameo="112", source=["E1"], target=["E2"], confidence=0.7, pattern="accuse")],
    )


def doc_failed() -> Document:
    return Document(id="n3", source="feed.jsonl:3", error="feed.jsonl line 3: malformed JSON")


def sample_docs() -> list[Document]:
    return [doc_one(), doc_two(), doc_failed()]


@pytest.fixture
def store():
    with Store(":memory:") as store:
        for doc in sample_docs():
            store.add(doc)
        yield store


def table(store: Store, name: str, order: str) -> list[tuple]:
    return store.con.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()


def test_store_documents_rows(store):
    rows = store.con.execute("SELECT id, source, title, published, publisher, url, author, error "
                             "FROM documents ORDER BY id").fetchall()
    assert rows == [
        ("n1", "feed/n1.txt", "Shelling at the border", dt.date(2024, 3, 5), "Daily Invented",
         "https://example.org/n1", "A. Writer", None),
        ("n2", "feed.jsonl:2", None, dt.date(2024, 4, 10), None, None, None, None),
        ("n3", "feed.jsonl:3", None, None, None, None, None, "feed.jsonl line 3: malformed JSON"),
    ]


def test_store_documents_keep_the_output_record(store):
    record = store.con.execute("SELECT CAST(record AS VARCHAR) FROM documents WHERE id = 'n2'").fetchone()[0]
    assert json.loads(record) == doc_two().to_record()


def test_store_entities_and_mentions_rows(store):
    assert table(store, "entities", "doc_id, entity_id") == [
        ("n1", "E1", "Norland troops", "ORG", "NORMIL", None, 2),
        ("n1", "E2", "Ostmark", "GPE", "OST", None, 1),
        ("n1", "E3", "Mara Lind", "PERSON", "NORGOV", None, 1),
        ("n1", "E4", "state radio", "ORG", "NORMED", None, 1),
        ("n2", "E1", "Ostmark foreign ministry", "ORG", "OSTGOV", None, 1),
        ("n2", "E2", "Norland", "GPE", "NOR", None, 1),
    ]
    assert table(store, "mentions", "doc_id, start") == [
        ("n1", "E1", 0, 14, "name", "Norland troops"),
        ("n1", "E2", 45, 52, "name", "Ostmark"),
        ("n1", "E3", 97, 106, "name", "Mara Lind"),
        ("n1", "E4", 143, 154, "name", "state radio"),
        ("n1", "E1", 156, 163, "name", "Norland"),
        ("n2", "E1", 4, 28, "name", "Ostmark foreign ministry"),
        ("n2", "E2", 37, 44, "name", "Norland"),
    ]


def test_store_places_times_quotes_rows(store):
    assert table(store, "places", "doc_id") == [
        ("n1", "P1", "Ostmark", "XO", 50.5, 20.25, 9999001, "country"),
        ("n2", "P1", "Kestrel City", "XO", None, None, None, "city"),
    ]
    assert table(store, "times", "doc_id") == [("n1", 56, 62, "Monday", "DATE", "2024-03-04")]
    assert table(store, "quotes", "doc_id") == [
        ("n1", "Q1", "We acted in self-defence,", 65, 90, "E3", "Mara Lind", "said", "2024-03-04",
         ["state radio"], "direct", "speech", []),
        ("n2", "Q1", "Norland of lying", 37, 53, "E1", "Ostmark foreign ministry", "accused", None,
         [], "indirect", "speech", []),
    ]


def test_store_events_rows(store):
    assert table(store, "events", "doc_id, event_id") == [
        ("n1", "V1", "ASSAULT", "material conflict", None, ["military"], "195", ["E1"],
         ["Norland troops"], ["NORMIL"], ["E2"], ["Ostmark"], ["OST"], "2024-03-04", "P1",
         "Ostmark", "XO", 50.5, 20.25,
         "Norland troops shelled a border post held by Ostmark on Monday.", 0, 63, False, None,
         0.8, "shell", [], None),
        ("n1", "V2", "RETREAT", "material cooperation", None, [], None, ["E1"], ["Norland troops"],
         ["NORMIL"], [], [], [], None, None, None, None, None, None, "Norland did not pull back.",
         156, 182, True, "negated", 0.4, "pull back", [], None),
        ("n2", "V1", "ACCUSE", "verbal conflict", None, [], "112", ["E1"],
         ["Ostmark foreign ministry"], ["OSTGOV"], ["E2"], ["Norland"], ["NOR"], None, None, None,
         None, None, None, "The Ostmark foreign ministry accused Norland of lying.", 0, 54, False,
         None, 0.7, "accuse", [], None),
    ]


def test_store_add_reports_what_it_did():
    with Store(":memory:") as store:
        assert store.add(doc_one()) == "added"
        assert store.add(doc_one()) == "unchanged"
        changed = doc_one()
        changed.title = "Shelling at the border, updated"
        assert store.add(changed) == "replaced"


def test_store_readding_same_docs_changes_no_table(store):
    before = store.counts()
    stamps = table(store, "documents", "id")
    for doc in sample_docs():
        assert store.add(doc) == "unchanged"
    assert store.counts() == before == {
        "documents": 3, "entities": 6, "mentions": 7, "places": 2, "times": 1, "quotes": 2,
        "events": 3, "event_clusters": 0, "failed": 1}
    assert table(store, "documents", "id") == stamps


def test_store_replaces_changed_document(store):
    changed = doc_one()
    changed.events = changed.events[:1]
    changed.quotes = []
    changed.entities = changed.entities[:2]
    assert store.add(changed) == "replaced"
    counts = store.counts()
    assert (counts["documents"], counts["entities"], counts["quotes"], counts["events"]) == (3, 4, 1, 2)
    assert [r[0] for r in store.con.execute("SELECT quote_id FROM quotes").fetchall()] == ["Q1"]
    assert store.con.execute("SELECT doc_id, event_id FROM events ORDER BY doc_id").fetchall() == [
        ("n1", "V1"), ("n2", "V1")]


def test_store_good_run_replaces_failed_document(store):
    fixed = Document(id="n3", source="feed.jsonl:3", text="Nothing happened.")
    assert store.add(fixed) == "replaced"
    assert store.con.execute("SELECT error, text FROM documents WHERE id = 'n3'").fetchone() == (
        None, "Nothing happened.")
    assert store.counts()["failed"] == 0


def test_store_failed_insert_leaves_old_document_intact(store):
    before = store.counts()
    broken = doc_one()
    broken.title = "changed"
    broken.places[0].lat = "north"  # fails on insert, after the old rows were deleted
    with pytest.raises(duckdb.Error):
        store.add(broken)
    assert store.counts() == before
    assert store.con.execute("SELECT title FROM documents WHERE id = 'n1'").fetchone() == (
        "Shelling at the border",)


def test_store_records_migrations_once(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as store:
        store.add(doc_two())
    with Store(path) as store:
        assert store.migrate() == []
        rows = store.con.execute("SELECT version, name FROM _eventwire_migrations").fetchall()
        assert [version for version, _ in rows] == [1, 2]
        assert store.counts()["documents"] == 1


def test_store_read_only_refuses_missing_and_foreign_files(tmp_path):
    with pytest.raises(StoreError, match="no database at"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    foreign = tmp_path / "other.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(StoreError, match="is not an eventwire database"):
        Store(foreign, read_only=True)


def ids(rows: list[dict]) -> list[tuple[str, str]]:
    return [(row["doc_id"], row["event_id"] if "event_id" in row else row["quote_id"]) for row in rows]


@pytest.mark.parametrize("filters, expected", [
    ({}, [("n2", "V1"), ("n1", "V1")]),
    # V2 has no date of its own, so it takes its article's (2024-03-05), later than V1's
    ({"include_negated": True}, [("n2", "V1"), ("n1", "V2"), ("n1", "V1")]),
    ({"actor": "ostMARK"}, [("n2", "V1"), ("n1", "V1")]),
    ({"actor": "normil"}, [("n1", "V1")]),
    ({"actor": "Lind"}, []),
    ({"type": "accuse"}, [("n2", "V1")]),
    ({"since": "2024-04"}, [("n2", "V1")]),
    ({"since": "2024-03-05"}, [("n2", "V1")]),
    ({"until": "2024-03"}, [("n1", "V1")]),
    ({"since": "2024", "until": "2024-03-04"}, [("n1", "V1")]),
    ({"limit": 1}, [("n2", "V1")]),
])
def test_store_events_filters(store, filters, expected):
    assert ids(store.events(**filters)) == expected


def test_store_events_row_shape(store):
    assert store.events(type="ASSAULT") == [{
        "doc_id": "n1", "event_id": "V1", "date": "2024-03-04", "type": "ASSAULT",
        "quad_class": "material conflict", "mode": None, "context": ["military"], "cameo": "195",
        "source_names": ["Norland troops"], "source_codes": ["NORMIL"], "target_names": ["Ostmark"],
        "target_codes": ["OST"], "place_name": "Ostmark", "country": "XO", "lat": 50.5,
        "lon": 20.25, "evidence": "Norland troops shelled a border post held by Ostmark on Monday.",
        "negated": False, "modality": None, "confidence": 0.8}]


def test_store_events_partial_dates_overlap_the_range():
    doc = Document(id="m", source="-", text="Ostmark protested.", events=[
        Event("V1", "PROTEST", 0, 18, date="2024-03"), Event("V2", "PROTEST", 0, 18, date="2023")])
    with Store(":memory:") as store:
        store.add(doc)
        assert ids(store.events(since="2024-03-15")) == [("m", "V1")]
        assert ids(store.events(until="2024-02-28")) == [("m", "V2")]
        assert ids(store.events(since="2023-12", until="2024-01")) == [("m", "V2")]


@pytest.mark.parametrize("bad", [{"since": "March"}, {"until": "2024/03/01"}, {"type": "HUG"}])
def test_store_events_rejects_bad_filters(store, bad):
    with pytest.raises(StoreError):
        store.events(**bad)


@pytest.mark.parametrize("filters, expected", [
    ({}, [("n2", "Q1"), ("n1", "Q1")]),
    ({"speaker": "LIND"}, [("n1", "Q1")]),
    ({"speaker": "nobody"}, []),
    ({"until": "2024-03-31"}, [("n1", "Q1")]),
    ({"since": "2024-04-10"}, [("n2", "Q1")]),
])
def test_store_quotes_filters(store, filters, expected):
    assert ids(store.quotes(**filters)) == expected


def test_store_quotes_row_shape(store):
    assert store.quotes(speaker="lind") == [{
        "doc_id": "n1", "quote_id": "Q1", "date": "2024-03-04", "speaker_name": "Mara Lind",
        "cue": "said", "kind": "direct", "via": ["state radio"], "text": "We acted in self-defence,"}]


def test_store_actors_counts(store):
    assert [tuple(row.values()) for row in store.actors()] == [
        ("Ostmark foreign ministry", "OSTGOV", "ORG", 1, 1, 0, 1),
        ("Mara Lind", "NORGOV", "PERSON", 1, 0, 0, 1),
        ("Norland", "NOR", "GPE", 1, 0, 1, 0),
        ("Norland troops", "NORMIL", "ORG", 1, 1, 0, 0),
        ("Ostmark", "OST", "GPE", 1, 0, 1, 0),
        ("state radio", "NORMED", "ORG", 1, 0, 0, 0),
    ]


@pytest.mark.parametrize("name, expected", [
    ("norland", ["Norland", "Norland troops"]),
    ("gov", ["Ostmark foreign ministry", "Mara Lind"]),
    ("nobody", []),
])
def test_store_actors_name_filter(store, name, expected):
    assert [row["name"] for row in store.actors(name=name)] == expected


def test_store_query_rows_know_their_columns_when_empty(store):
    rows = store.quotes(speaker="nobody")
    assert rows == [] and rows.columns == [
        "doc_id", "quote_id", "date", "speaker_name", "cue", "kind", "via", "text"]
