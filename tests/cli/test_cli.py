"""The `eventwire` command line, in process with click's CliRunner.

The listing and export commands run against a database built from the hand-made documents of
test_store.py; only the extract/run tests at the end run the real pipeline.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import FATAL_EXIT, main
from eventwire.store import Store
from ..store.test_store import sample_docs


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "news.duckdb"
    with Store(path) as store:
        for doc in sample_docs():
            store.add(doc)
    return str(path)


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", [None, *main.commands])
def test_cli_help_has_summary_and_example(name):
    command = main if name is None else main.commands[name]
    summary = command.help.splitlines()[0]
    assert summary.endswith(".") and len(summary) <= 60
    result = invoke(*([name] if name else []), "--help")
    assert result.exit_code == 0
    # the \b before Example keeps click from rewrapping the example lines
    assert "\n  Example:\n      eventwire " in result.stdout


def test_cli_events_table(db):
    result = invoke("events", "--db", db, "--include-negated")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "date        type        source            target            place         evidence",
        "----------  ----------  ----------------  ----------------  ------------  " + "-" * 46,
        "2024-04-10  ACCUSE      Ostmark foreign…  Norland                         "
        "The Ostmark foreign ministry accused Norland …",
        "2024-03-05  ~RETREAT    Norland troops                                    "
        "Norland did not pull back.",
        "2024-03-04  ASSAULT     Norland troops    Ostmark           Ostmark       "
        "Norland troops shelled a border post held by …",
    ]
    assert max(len(line) for line in result.stdout.splitlines()) == 120


def test_cli_events_filters(db):
    result = invoke("events", "--db", db, "--actor", "normil", "--since", "2024-03",
                    "--until", "2024-03-31", "--type", "assault", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc_id"], r["event_id"], r["date"]) for r in rows] == [("n1", "V1", "2024-03-04")]


def test_cli_events_csv(db):
    result = invoke("events", "--db", db, "--type", "ACCUSE", "--csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "doc_id,event_id,date,type,quad_class,mode,context,cameo,source_names,source_codes,"
        "target_names,target_codes,place_name,country,lat,lon,evidence,negated,modality,confidence",
        "n2,V1,2024-04-10,ACCUSE,verbal conflict,,,112,Ostmark foreign ministry,OSTGOV,Norland,"
        "NOR,,,,,The Ostmark foreign ministry accused Norland of lying.,False,,0.7",
    ]


def test_cli_events_none_found(db):
    result = invoke("events", "--db", db, "--actor", "nobody")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no events found\n")


def test_cli_events_bad_date_is_a_usage_error(db):
    result = invoke("events", "--db", db, "--since", "last week")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--since': date 'last week' is not YYYY, YYYY-MM or YYYY-MM-DD")


def test_cli_quotes_table_and_json(db):
    result = invoke("quotes", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "date        speaker                 cue         quote",
        "----------  ----------------------  ----------  " + "-" * 72,
        "2024-04-10  Ostmark foreign minis…  accused     Norland of lying",
        "2024-03-04  Mara Lind               said        We acted in self-defence,",
    ]
    result = invoke("quotes", "--db", db, "--speaker", "lind", "--json")
    assert result.stdout.splitlines() == [
        '{"doc_id": "n1", "quote_id": "Q1", "date": "2024-03-04", "speaker_name": "Mara Lind", '
        '"cue": "said", "kind": "direct", "via": ["state radio"], "text": "We acted in self-defence,"}']


def test_cli_quotes_csv_without_rows_still_has_header(db):
    result = invoke("quotes", "--db", db, "--speaker", "nobody", "--csv")
    assert result.stdout == "doc_id,quote_id,date,speaker_name,cue,kind,via,text\n"


def test_cli_actors_table(db):
    result = invoke("actors", "--db", db, "--name", "nor")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "name                                  code        type            docs  source  target  quotes",
        "------------------------------------  ----------  ------------  ------  ------  ------  ------",
        "Mara Lind                             NORGOV      PERSON             1       0       0       1",
        "Norland                               NOR         GPE                1       0       1       0",
        "Norland troops                        NORMIL      ORG                1       1       0       0",
        "state radio                           NORMED      ORG                1       0       0       0",
    ]


@pytest.mark.parametrize("command", ["events", "quotes", "actors", "export"])
def test_cli_missing_database_is_a_clear_error(tmp_path, command):
    missing = tmp_path / "none.duckdb"
    extra = ["--output", str(tmp_path / "x.csv")] if command == "export" else []
    result = invoke(command, "--db", str(missing), *extra)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: no database at {missing}; create one with "
                             f"'eventwire run INPUT... --db {missing}'\n")
    assert not missing.exists()


@pytest.mark.parametrize("fmt, reader", [("csv", "read_csv"), ("jsonl", "read_json"),
                                         ("parquet", "read_parquet")])
def test_cli_export_formats(db, tmp_path, fmt, reader):
    out = tmp_path / f"events.{fmt}"
    result = invoke("export", "--db", db, "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"3 rows of events written to {out}\n"
    assert duckdb.execute(f"SELECT doc_id, event_id FROM {reader}(?)", [str(out)]).fetchall() == [
        ("n1", "V1"), ("n1", "V2"), ("n2", "V1")]


def test_cli_export_format_from_extension(db, tmp_path):
    out = tmp_path / "actors.csv"
    result = invoke("export", "--db", db, "--table", "actors", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[:2] == [
        "name,code,type,documents,as_source,as_target,quotes",
        "Ostmark foreign ministry,OSTGOV,ORG,1,1,0,1"]


def test_cli_export_unknown_extension(db, tmp_path):
    result = invoke("export", "--db", db, "-o", str(tmp_path / "events.xlsx"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot tell the format of {tmp_path / 'events.xlsx'}; "
                             f"give one of csv, jsonl, parquet\n")


def test_cli_python_dash_m_version():
    result = subprocess.run([sys.executable, "-m", "eventwire", "--version"],
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, f"eventwire, version {eventwire.__version__}\n")


# End to end: the real pipeline over small inputs written here.

@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "calm.txt").write_text("The council of Norland met the envoy of Ostmark on Friday.\n",
                                       encoding="utf-8")
    (tmp_path / "blank.txt").write_text("", encoding="utf-8")
    (tmp_path / "wire.jsonl").write_text(
        '{"id": "w1", "text": "Farmers in Ostmark protested against the new tax.", '
        '"published": "2024-02-01", "title": "Tax protest"}\n'
        '{"id": "w2", "text": "broken line\n', encoding="utf-8")
    return [str(tmp_path / name) for name in ("calm.txt", "blank.txt", "wire.jsonl")]


def test_cli_extract_one_line_per_input_with_errors(nlp, inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("extract", *inputs, "--output", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["calm", "blank", "w1", "wire:2"]
    assert [("error" in r) for r in records] == [False, True, False, True]
    assert "is empty" in records[1]["error"] and "malformed JSON" in records[3]["error"]
    assert records[2]["published"] == "2024-02-01" and records[2]["title"] == "Tax protest"
    assert records[0]["text"].startswith("The council of Norland met")
    assert result.exit_code == 2
    assert result.stderr == (f"4 articles, 2 failed: blank: {records[1]['error']}; "
                             f"wire:2: {records[3]['error']}\n")


def test_cli_extract_to_stdout_no_clean(nlp, inputs):
    result = invoke("extract", inputs[0], "--no-clean", "-o", "-")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == "The council of Norland met the envoy of Ostmark on Friday.\n"
    assert result.stderr == "1 article, 0 failed\n"


def test_cli_extract_missing_model_is_fatal(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("extract", inputs[0], "--spacy-model", "no_such_model_xyz", "-o", str(out))
    assert result.exit_code == FATAL_EXIT
    assert result.stderr.startswith("Error: spaCy pipeline 'no_such_model_xyz' is not installed.")
    assert not out.exists()


def test_cli_run_stores_and_rerun_adds_nothing(nlp, inputs, tmp_path):
    db = str(tmp_path / "run.duckdb")
    first = invoke("run", *inputs, "--db", db)
    assert first.exit_code == 2
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert (counts["documents"], counts["failed"]) == (4, 2)
    summary = (f"4 articles, {{}} stored, {{}} unchanged, 2 failed; {db} holds {counts['events']} "
               f"event{'' if counts['events'] == 1 else 's'} in {counts['event_clusters']} "
               f"cluster{'' if counts['event_clusters'] == 1 else 's'}, {counts['quotes']} quote"
               f"{'' if counts['quotes'] == 1 else 's'}")
    assert summary.format(2, 0) in first.stderr.splitlines()
    assert first.stderr.splitlines()[-1].startswith("failed: blank: ")

    second = invoke("run", *inputs, "--db", db)
    assert second.exit_code == 2
    assert summary.format(0, 2) in second.stderr.splitlines()
    with Store(db, read_only=True) as store:
        assert store.counts() == counts


def test_cli_extract_max_chars_reaches_ingest(nlp, inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("extract", inputs[0], "--max-chars", "20", "-o", str(out))
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "too large" in record["error"]
    assert (result.exit_code, result.stderr) == (1, f"1 article, 1 failed: calm: {record['error']}\n")


def test_cli_extract_unwritable_output_is_fatal(nlp, inputs, tmp_path):
    out = tmp_path / "no" / "such" / "out.jsonl"
    result = invoke("extract", inputs[0], "-o", str(out))
    assert result.exit_code == FATAL_EXIT
    assert result.stderr == f"Error: cannot write {out}: No such file or directory\n"


def test_extract_does_not_read_its_own_output_inside_an_input_folder(tmp_path):
    (tmp_path / "story.txt").write_text("Kenya and Uganda met in Nairobi on Friday.\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    output.write_text("", encoding="utf-8")  # left over from an earlier run
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--no-clean", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()] == ["story"]


def test_cli_run_extracts_a_changed_article_again_and_skips_the_rest(nlp, inputs, tmp_path):
    db = str(tmp_path / "run.duckdb")
    invoke("run", *inputs, "--db", db)
    calm = Path(inputs[0])
    calm.write_text("The council of Norland met the envoy of Ostmark in Kestrel City on Friday.\n",
                    encoding="utf-8")
    again = invoke("run", *inputs, "--db", db)
    assert again.stderr.splitlines()[1].startswith("4 articles, 1 stored, 1 unchanged, 2 failed;")
    with Store(db, read_only=True) as store:
        (evidence,) = store.query("SELECT evidence FROM events WHERE doc_id = 'calm'")
    assert "Kestrel City" in evidence["evidence"]


def test_cli_run_reprocess_extracts_everything_again_and_stores_nothing_new(nlp, inputs, tmp_path, caplog):
    db = str(tmp_path / "run.duckdb")
    invoke("run", *inputs, "--db", db)
    with Store(db, read_only=True) as store:
        counts = store.counts()
    with caplog.at_level(logging.INFO, logger="eventwire.cli"):
        again = invoke("run", *inputs, "--db", db, "--reprocess")
    # extracted again (each stored article is logged), found identical, so nothing is replaced
    assert [r.getMessage() for r in caplog.records if r.name == "eventwire.cli"] == [
        "unchanged calm", "failed blank", "unchanged w1", "failed wire:2"]
    assert again.stderr.splitlines()[-2].startswith("4 articles, 0 stored, 2 unchanged, 2 failed;")
    with Store(db, read_only=True) as store:
        assert store.counts() == counts


def test_cli_cluster_rebuilds_with_another_window(nlp, inputs, tmp_path):
    db = str(tmp_path / "run.duckdb")
    invoke("run", *inputs, "--db", db)
    result = invoke("cluster", "--db", db, "--days", "3", "--km", "10")
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert result.exit_code == 0
    assert result.stderr == (f"{counts['events']} events in {counts['event_clusters']} clusters in {db}\n")


def test_cli_export_gdelt_table(nlp, inputs, tmp_path):
    db, out = str(tmp_path / "run.duckdb"), tmp_path / "events.gdelt.csv"
    invoke("run", *inputs, "--db", db)
    invoke("export", "--db", db, "--table", "gdelt", "--output", str(out))
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert header.startswith("GlobalEventID,Day,MonthYear,Year,Actor1Code,Actor1Name,Actor1CountryCode")
    protest = next(row.split(",") for row in rows if ",PROTEST," in row)
    columns = dict(zip(header.split(","), protest))
    assert (columns["Day"], columns["QuadClass"], columns["NumArticles"]) == ("20240201", "4", "1")
    assert float(columns["GoldsteinScale"]) < 0


def test_cli_cluster_refuses_a_missing_database_and_creates_none(tmp_path):
    db = tmp_path / "none.duckdb"
    result = CliRunner().invoke(main, ["cluster", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no database at {db}; create one with 'eventwire run INPUT... --db {db}'\n"
    assert not db.exists()


def test_cli_clusters_lists_most_reported_first(tmp_path):
    from ..store.test_clusters import REPORTS

    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        for doc in REPORTS:
            store.add(doc)
        store.build_clusters()
    result = invoke("clusters", "--db", str(db), "--min-articles", "2", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["type"], r["num_articles"], r["num_sources"]) for r in rows] == [("ASSAULT", 4, 3), ("ASSAULT", 2, 2)]
    table = invoke("clusters", "--db", str(db), "--type", "sanction").stdout.splitlines()
    assert table[0].split() == ["date", "type", "source", "target", "place", "arts", "outl", "evidence"]
    assert table[2].startswith("2025-03-03  SANCTION    EU") and "The EU sanctioned Russia" in table[2]
