"""Extraction on several processes (`--workers`): the same documents in the same order as on
one, and a worker that dies takes down only the article that killed it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.engines.parallel import pipe_parallel
from eventwire.pipeline import Pipeline
from eventwire.registry import stage

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@stage("test_die_on_marker", requires=(), assigns=())
class DieOnMarker:
    """A stage that kills its process, as the kernel does to a worker out of memory."""

    def __init__(self, settings):
        pass

    def __call__(self, doc):
        if "KILL-THIS-WORKER" in (doc.raw_text or ""):
            os._exit(9)


def records(docs) -> list[str]:
    return [json.dumps(doc.to_record(), sort_keys=True) for doc in docs]


def test_two_workers_give_the_same_documents_in_the_same_order(pipeline):
    articles = list(read_inputs([EXAMPLES]))
    one = records(pipeline.pipe(articles))
    two = records(pipe_parallel(pipeline, articles, workers=2, batch_size=2))
    assert two == one and len(one) == 6


def test_a_worker_that_dies_fails_only_its_article(settings):
    pipeline = Pipeline(settings, ["verbatim", "test_die_on_marker"])
    texts = ["Calm day.", "KILL-THIS-WORKER now.", "Another calm day.", "Rain.", "Sun."]
    articles = [Article(id=f"a{i}", source="-", text=text) for i, text in enumerate(texts)]
    docs = list(pipe_parallel(pipeline, articles, workers=2, batch_size=2))
    assert [doc.id for doc in docs] == ["a0", "a1", "a2", "a3", "a4"]
    assert [doc.error is not None for doc in docs] == [False, True, False, False, False]
    assert "worker process" in docs[1].error
    assert docs[2].text == "Another calm day."


def test_cli_extract_with_two_workers_writes_what_one_writes(nlp, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        result = CliRunner().invoke(main, ["extract", str(EXAMPLES), "-w", workers, "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == 6


def test_cli_run_spark_engine_needs_an_output_folder(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, ["run", str(EXAMPLES), "--engine", "spark", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "--engine spark writes Parquet tables: give the folder with --output DIR" in result.stderr


def test_cli_local_engine_refuses_a_uri_input_clearly(nlp, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import FATAL_EXIT, main

    result = CliRunner().invoke(main, ["extract", "hdfs://namenode/news/", "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == FATAL_EXIT
    assert result.stderr == "Error: hdfs://namenode/news/: only the Spark engine reads URIs (run --engine spark)\n"
