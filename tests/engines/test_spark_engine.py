"""The Spark engine (`eventwire.engines.spark`) against a local run: the same inputs (a folder of
.txt/.html/.jsonl, JSONL files, a WARC and a Parquet file, with bad lines and rows and an id given
twice), extracted by `run_spark` on a local two-core Spark and loaded with `load_parquet`, give the
database that `Pipeline` + `Store.add` + `build_clusters` give, row for row (`stored_at` aside).

One SparkSession serves the module; the Spark run and the local run are made once.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.ingest import read_inputs
from eventwire.engines.spark import load_parquet, parquet_articles, run_spark, spark_session, table_columns
from eventwire.store import Store
from eventwire.store.db import TABLES
from ..ingest.test_ingest_formats import FLOOD_PAGE, MISSING_PAGE, PORT_PAGE, http_response, write, write_warc

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "cluster-corpus"
TWICE = "riverside-times-npa-truce-oslo"  # in the corpus JSONL, and again (later) in the Parquet file

MALFORMED = ('{"id": "wire-talks", "published": "2025-03-22", "title": "Talks resume", "text": '
             '"GENEVA — Iran and the European Union resumed talks on Saturday, diplomats said."}\n'
             '{"id": "broken", "text": \n')


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("inputs")
    crawl = write_warc(folder / "crawl.warc.gz", [
        http_response("https://coast-herald.example/port", PORT_PAGE.encode(), "text/html; charset=utf-8"),
        http_response("https://coast-herald.example/gone", MISSING_PAGE.encode(), "text/html", "404 Not Found"),
        {"uri": "file:///archive/flood.html", "type": "resource", "body": FLOOD_PAGE.encode(),
         "content_type": "text/html", "date": "2023-04-22T06:00:00Z"},
    ], gzipped=True)
    wire = write(folder / "wire.jsonl", MALFORMED)
    table = folder / "desk.parquet"
    duckdb.execute(f"""COPY (SELECT * FROM (VALUES
        ('desk-port-deal', 'VALMORA — The dock workers'' union signed a pay deal with the terminal operators '
         || 'on Monday, ending a week-long strike at the port, the union said.', DATE '2025-04-07',
         'Port strike ends', NULL),
        ('{TWICE}', 'MANILA — The government and communist rebels met in Oslo on Friday and agreed to a '
         || 'ceasefire, Norwegian mediators said.', DATE '2025-03-21', 'Truce agreed in Oslo',
         'Riverside Times'),
        ('desk-empty', NULL, NULL, 'No text', NULL))
        AS t(id, text, published, title, publisher)) TO '{table}' (FORMAT parquet)""")
    return [ROOT / "examples", CORPUS / "riverside-times.jsonl", CORPUS / "capital-wire.jsonl", crawl,
            wire, table]


@pytest.fixture(scope="module")
def local(inputs, pipeline) -> Store:
    """The database of a run without Spark: ingest (Parquet read with DuckDB), Pipeline, Store.add."""
    articles = [*read_inputs(inputs[:-1]), *parquet_articles(inputs[-1])]
    store = Store(":memory:")
    for doc in pipeline.pipe(articles):
        store.add(doc)
    store.build_clusters()
    yield store
    store.close()


@pytest.fixture(scope="module")
def spark_run(spark, inputs, settings, tmp_path_factory) -> tuple[Path, dict]:
    output = tmp_path_factory.mktemp("spark") / "out"
    counts = run_spark(inputs, settings, clean=True, encoding=None, output=output, master="local[2]")
    return output, counts


@pytest.fixture(scope="module")
def loaded(spark_run) -> Store:
    store = Store(":memory:")
    load_parquet(store, spark_run[0])
    yield store
    store.close()


def rows(store: Store, table: str) -> list[tuple]:
    columns = ", ".join(f'"{name}"' for name, _ in table_columns()[table] if name != "stored_at") \
        if table in TABLES else "*"
    return sorted(store.con.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)


def test_spark_output_has_the_columns_and_types_of_the_database(spark_run):
    output = spark_run[0]
    for table, columns in table_columns().items():
        described = duckdb.execute(f"DESCRIBE SELECT * FROM read_parquet('{output / table}/*.parquet')").fetchall()
        types = [(name, kind.replace("JSON", "VARCHAR")) for name, kind in columns]
        assert [(name, kind) for name, kind, *_ in described] == types, table


@pytest.mark.parametrize("table", [*TABLES, "event_clusters"])
def test_spark_run_loaded_equals_a_local_run(local, loaded, table):
    expected = rows(local, table)
    assert expected, f"no {table} rows: the test data should give some"
    assert rows(loaded, table) == expected


def test_spark_run_counts_what_it_wrote(local, spark_run):
    counts, held = spark_run[1], local.counts()
    assert counts == {"articles": held["documents"], "failed": held["failed"],
                      **{table: held[table] for table in TABLES}}
    assert counts["failed"] == 2  # the malformed line and the row without text


def test_bad_input_and_repeated_ids_are_treated_as_locally(loaded):
    errors = dict(loaded.con.execute("SELECT id, error FROM documents WHERE error IS NOT NULL").fetchall())
    assert "wire.jsonl line 2: malformed JSON" in errors["wire:2"]
    assert "desk.parquet row 3 (id 'desk-empty'): needs a string \"text\" or \"html\"" in errors["desk:3"]
    source, title = loaded.con.execute("SELECT source, title FROM documents WHERE id = ?", [TWICE]).fetchone()
    assert source.endswith("desk.parquet:2") and title == "Truce agreed in Oslo"  # the later one wins


def test_loading_the_same_output_again_adds_nothing(spark_run, loaded):
    before = {table: rows(loaded, table) for table in (*TABLES, "event_clusters")}
    counts = load_parquet(loaded, spark_run[0])
    assert counts["documents"] == len(before["documents"])
    assert {table: rows(loaded, table) for table in before} == before

