"""Exports to CSV, JSON Lines and Parquet, read back exactly."""

from __future__ import annotations

import json

import duckdb
import pytest

from eventwire.store import Store, StoreError, export, format_for
from .test_store import sample_docs


@pytest.fixture(scope="module")
def store():
    with Store(":memory:") as store:
        for doc in sample_docs():
            store.add(doc)
        yield store


@pytest.mark.parametrize("table, rows", [
    ("events", 3), ("quotes", 2), ("actors", 6), ("entities", 6), ("places", 2), ("documents", 3),
])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_writes_every_row(store, tmp_path, table, rows, fmt):
    path = tmp_path / f"{table}.{fmt}"
    assert export(store, table, fmt, path) == rows
    reader = {"csv": "read_csv", "jsonl": "read_json", "parquet": "read_parquet"}[fmt]
    assert duckdb.execute(f"SELECT count(*) FROM {reader}(?)", [str(path)]).fetchone() == (rows,)


def test_export_csv_actors_exact(store, tmp_path):
    path = tmp_path / "actors.csv"
    export(store, "actors", "csv", path)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "name,code,type,documents,as_source,as_target,quotes",
        "Ostmark foreign ministry,OSTGOV,ORG,1,1,0,1",
        "Mara Lind,NORGOV,PERSON,1,0,0,1",
        "Norland,NOR,GPE,1,0,1,0",
        "Norland troops,NORMIL,ORG,1,1,0,0",
        "Ostmark,OST,GPE,1,0,1,0",
        "state radio,NORMED,ORG,1,0,0,0",
    ]


def test_export_jsonl_quotes_exact(store, tmp_path):
    path = tmp_path / "quotes.jsonl"
    export(store, "quotes", "jsonl", path)
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == [
        {"doc_id": "n1", "quote_id": "Q1", "text": "We acted in self-defence,", "start": 65,
         "end": 90, "speaker_id": "E3", "speaker_name": "Mara Lind", "cue": "said",
         "date": "2024-03-04", "via": ["state radio"], "kind": "direct", "cue_kind": "speech",
         "parts": []},
        {"doc_id": "n2", "quote_id": "Q1", "text": "Norland of lying", "start": 37, "end": 53,
         "speaker_id": "E1", "speaker_name": "Ostmark foreign ministry", "cue": "accused",
         "date": None, "via": [], "kind": "indirect", "cue_kind": "speech", "parts": []},
    ]


def test_export_jsonl_documents_keep_record_as_json(store, tmp_path):
    path = tmp_path / "documents.jsonl"
    export(store, "documents", "jsonl", path)
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["id"] == "n1" and first["published"] == "2024-03-05"
    assert first["record"] == sample_docs()[0].to_record()


def test_export_parquet_events_keeps_lists_and_types(store, tmp_path):
    path = tmp_path / "events.parquet"
    export(store, "events", "parquet", path)
    rows = duckdb.execute("SELECT doc_id, event_id, type, source_names, target_codes, negated, "
                          "confidence FROM read_parquet(?)", [str(path)]).fetchall()
    assert rows == [
        ("n1", "V1", "ASSAULT", ["Norland troops"], ["OST"], False, 0.8),
        ("n1", "V2", "RETREAT", ["Norland troops"], [], True, 0.4),
        ("n2", "V1", "ACCUSE", ["Ostmark foreign ministry"], ["NOR"], False, 0.7),
    ]


def test_export_path_with_quote_is_safe(store, tmp_path):
    path = tmp_path / "it's; DROP TABLE events.csv"
    assert export(store, "places", "csv", path) == 2
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "doc_id,place_id,name,country,lat,lon,geonameid,feature")
    assert store.counts()["events"] == 3


@pytest.mark.parametrize("table, fmt, message", [
    ("mentions2", "csv", "unknown table 'mentions2'"),
    ("events", "xlsx", "unknown format 'xlsx'"),
])
def test_export_rejects_unknown_table_and_format(store, tmp_path, table, fmt, message):
    with pytest.raises(StoreError, match=message):
        export(store, table, fmt, tmp_path / "x")


@pytest.mark.parametrize("name, fmt", [
    ("a.csv", "csv"), ("a.JSONL", "jsonl"), ("a.ndjson", "jsonl"), ("a.parquet", "parquet"),
])
def test_format_for_file_names(name, fmt):
    assert format_for(name) == fmt


def test_format_for_unknown_extension():
    with pytest.raises(StoreError, match="cannot tell the format of out.txt"):
        format_for("out.txt")
