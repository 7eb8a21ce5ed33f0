"""The corpus end to end: `eventwire run` over tests/data/cluster-corpus (57 invented articles from ten
invented outlets, several reporting the same events; see its README) into DuckDB.

What must hold: the clusters are the real-world events of the corpus manifest (events.json),
a second run changes nothing, and a run killed with SIGKILL half-way, then run again, leaves
the same database as one run that was never interrupted.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import Store
from eventwire.store.db import TABLES

CORPUS = Path(__file__).resolve().parents[1] / "data" / "cluster-corpus"
MANIFEST = json.loads((CORPUS / "events.json").read_text(encoding="utf-8"))
PUBLISHER = {article["id"]: article["publisher"] for path in sorted(CORPUS.glob("*.jsonl"))
             for article in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
ALL_TABLES = (*TABLES, "event_clusters")


def run(db: Path, *options: str):
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--db", str(db), *options], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order; the time a document was stored left out."""
    with Store(db, read_only=True) as store:
        return {table: store.con.execute(
                    f"SELECT * EXCLUDE (stored_at) FROM {table} ORDER BY ALL" if table == "documents"
                    else f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                for table in ALL_TABLES}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, nlp) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    run(db)
    return db


def test_corpus_run_again_changes_no_table(corpus_db):
    before = dump(corpus_db)
    result = run(corpus_db)
    assert result.stderr.splitlines()[-1].startswith("57 articles, 0 stored, 57 unchanged, 0 failed;")
    after = dump(corpus_db)
    assert {t: len(rows) for t, rows in after.items()} == {t: len(rows) for t, rows in before.items()}
    assert after == before


def test_corpus_killed_run_resumes_to_the_same_database(corpus_db, tmp_path):
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "eventwire", "run", str(CORPUS), "--db", str(db), "-v"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    stored = 0
    for line in process.stderr:
        stored += line.startswith("INFO eventwire.cli: added ")
        if stored == 20:
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL
    with Store(db) as store:  # opening for writing replays what the killed run committed
        kept = store.counts()["documents"]
        assert store.clusters_stale() and 20 <= kept < 57

    resumed = run(db)
    assert resumed.stderr.splitlines()[-1].startswith(
        f"57 articles, {57 - kept} stored, {kept} unchanged, 0 failed;")
    assert dump(db) == dump(corpus_db)


def test_corpus_has_fewer_clusters_than_events(corpus_db):
    with Store(corpus_db, read_only=True) as store:
        (row,) = store.query("SELECT count(*) AS events, count(DISTINCT cluster_id) AS clusters "
                             "FROM events WHERE NOT negated")
    assert row["clusters"] < row["events"]


@pytest.mark.parametrize("event", MANIFEST["events"], ids=lambda e: e["key"])
def test_corpus_cluster_is_the_manifest_event(corpus_db, event):
    with Store(corpus_db, read_only=True) as store:
        rows = store.query(
            "SELECT DISTINCT cluster_id FROM events WHERE NOT negated AND type = ? AND list_contains(?, doc_id) "
            "AND list_contains(source_codes, ?) AND list_contains(target_codes, ?) "
            "AND abs(date_diff('day', TRY_CAST(date AS DATE), CAST(? AS DATE))) <= 1",
            [event["type"], event["articles"], event["source"], event["target"], event["date"]])
        assert len(rows) == 1, f"{event['key']} is in {len(rows)} clusters"
        (cluster,) = store.query("SELECT * FROM event_clusters WHERE cluster_id = ?", [rows[0]["cluster_id"]])
    assert sorted(cluster["doc_ids"]) == sorted(event["articles"])
    assert cluster["num_articles"] == len(event["articles"])
    assert cluster["num_sources"] == len({PUBLISHER[article] for article in event["articles"]})
