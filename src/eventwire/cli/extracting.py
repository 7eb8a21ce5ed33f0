"""Commands that read articles: extract (to JSON Lines), run (into the store, locally or on
Spark), load (a Spark run's Parquet), cluster, and explain (one sentence, with the reasons)."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from ..errors import EventwireError
from ..model import Article
from ..settings import Settings
from ..store import StoreError
from ..store.db import CLUSTER_DAYS, CLUSTER_KM, check_date
from .group import main
from .options import (
    MAX_FAILED_EXIT, FatalError, Job, db_option, dictionary_options, failure_summary, open_store,
    pipeline_options, plural,
)

LOGGER = logging.getLogger(__package__)  # the command line logs as one: "eventwire.cli"


@main.command()
@pipeline_options
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="The JSON Lines file to write ('-' for stdout).")
def extract(job: Job, output: str):
    """Extract events and quotes from articles into JSON Lines.

    Entities, places, times, quotes and events of every article. INPUT is a file or a folder
    of files (read recursively, in sorted order):

    \b
      .txt             one article
      .html, .htm      one web page
      .jsonl           one article per line: {"id", "text" or "html", ...}
      .warc, .warc.gz  every archived HTML page (status 200); id FILE:RECORD
      .rss, .atom      one article per feed entry (id: its guid or link);
                       also .xml files that are RSS or Atom feeds

    OUTPUT gets one line per input article, in input order; an article that failed gets a line
    with "error". The exit status is the number of failed articles (at most 100; 101 when
    nothing could run).

    \b
    Example:
        eventwire extract news/ more.jsonl --output out.jsonl
        eventwire extract crawl.warc.gz feeds/wire.rss -o out.jsonl
        eventwire extract story.txt --no-clean -o - | jq .events
    """
    total, failed = 0, []
    documents = job.documents(skip=() if output == "-" else (output,))
    try:
        out = click.open_file(output, "w", encoding="utf-8")
    except OSError as exc:
        raise FatalError(f"cannot write {output}: {exc.strerror or exc}") from None
    with out:
        for doc in documents:
            out.write(json.dumps(doc.to_record(), ensure_ascii=False) + "\n")
            total += 1
            if doc.error:
                failed.append((doc.id, doc.error))
    click.echo(f"{plural(total, 'article')}, {len(failed)} failed{failure_summary(failed)}", err=True)
    sys.exit(min(len(failed), MAX_FAILED_EXIT))


@main.command()
@pipeline_options
@db_option
@click.option("--reprocess", is_flag=True,
              help="Extract again from articles already stored from the same input.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="spark: extract on a Spark cluster into Parquet (--output), then 'eventwire load'.")
@click.option("--output", "spark_output", metavar="DIR",
              help="With --engine spark: the folder (or hdfs://, s3a:// URI) to write Parquet tables to.")
@click.option("--spark-master", metavar="URL",
              help="With --engine spark: the Spark master (spark://HOST:7077, yarn, local[N]); "
                   "default: the --master of $PYSPARK_SUBMIT_ARGS, else local[*].")
def run(job: Job, db_path: Path, reprocess: bool, engine: str, spark_output: str | None,
        spark_master: str | None):
    """Extract articles into a DuckDB database; cluster events.

    INPUT is a .txt, .html/.htm, .jsonl, .warc/.warc.gz or .rss/.atom/.xml feed file, or a
    folder of them (see `eventwire extract --help`). Each article is stored as soon as it is
    done, in its own transaction. An article already stored from the same input by the same
    eventwire version and dictionaries is skipped without being processed, so re-running adds
    nothing and a run that was killed half-way picks up where it stopped. A changed article
    replaces what was stored for its id; a failed article is stored with its error until a later
    run succeeds. At the end, events of all stored articles are grouped into real-world events
    (`eventwire cluster`). The exit status is the number of failed articles (at most 100; 101
    when nothing could run).

    \b
    Example:
        eventwire run news/ --db news.duckdb
        eventwire run crawl.warc.gz saved-feeds/ --db news.duckdb -v
        eventwire events --db news.duckdb
    """
    if engine == "spark":
        return _run_spark(job, spark_output, spark_master)
    counts, failed = {"added": 0, "replaced": 0, "unchanged": 0}, []
    pipeline = job.pipeline()
    with open_store(db_path, read_only=False, create=True, error=FatalError) as store:
        done = {} if reprocess else store.input_hashes()

        def new_input(article: Article) -> bool:
            if done.get(article.id) == pipeline.input_hash(article):
                counts["unchanged"] += 1
                return False
            return True

        documents = job.documents(pipeline=pipeline, articles=(a for a in job.articles() if new_input(a)))
        with click.progressbar(documents, label="Extracting", show_pos=True,
                               item_show_func=lambda doc: doc.id if doc else None,
                               file=sys.stderr) as docs:
            for doc in docs:
                status = store.add(doc)
                LOGGER.info("%s %s", "failed" if doc.error else status, doc.id)
                if doc.error:
                    failed.append((doc.id, doc.error))
                else:
                    counts[status] += 1
        if store.clusters_stale():
            store.build_clusters()
        held = store.counts()
    stored = counts["added"] + counts["replaced"]
    seen = stored + counts["unchanged"] + len(failed)
    click.echo(f"{plural(seen, 'article')}, {stored} stored, {counts['unchanged']} unchanged, "
               f"{len(failed)} failed; {db_path} holds {plural(held['events'], 'event')} in "
               f"{plural(held['event_clusters'], 'cluster')}, {plural(held['quotes'], 'quote')}",
               err=True)
    if failed:
        click.echo(f"failed{failure_summary(failed)}", err=True)
    sys.exit(min(len(failed), MAX_FAILED_EXIT))


@main.command()
@db_option
@click.option("--days", type=click.IntRange(min=0), default=CLUSTER_DAYS, show_default=True,
              help="Reports of one event are at most this many days apart.")
@click.option("--km", type=click.FloatRange(min=0), default=CLUSTER_KM, show_default=True,
              help="Two towns this close can be the place of one event.")
def cluster(db_path, days, km):
    """Group stored events into real-world events, across articles.

    Events of the same PLOVER type whose sources are the same actors (a country and its
    government, military or police count as one), whose targets do not disagree, whose dates are
    at most DAYS apart and whose places can be one place become one cluster, with the number of
    articles and of distinct publishers that report it, when it was first and last reported, and
    every evidence sentence. `eventwire run` does this with the defaults; run it again to try
    other windows.

    \b
    Example:
        eventwire cluster --db news.duckdb --days 2
        eventwire export --db news.duckdb --table clusters --output clusters.csv
    """
    with open_store(db_path, read_only=False) as store:
        count = store.build_clusters(days=days, km=km)
        events = store.query("SELECT count(*) AS n FROM events WHERE cluster_id IS NOT NULL")[0]["n"]
    click.echo(f"{plural(events, 'event')} in {plural(count, 'cluster')} in {db_path}", err=True)


def _run_spark(job: Job, output: str | None, master: str | None) -> None:
    """`run --engine spark`: extract on Spark into Parquet tables under `output`."""
    if output is None:
        raise click.UsageError("--engine spark writes Parquet tables: give the folder with --output DIR")
    from ..engines.spark import run_spark

    if master is None and "--master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        master = "local[*]"
    try:
        counts = run_spark(list(job.inputs), job.settings, clean=job.clean, encoding=job.encoding,
                           output=output, master=master)
    except EventwireError as exc:  # no pyspark
        raise FatalError(str(exc)) from None
    except Exception as exc:  # noqa: BLE001  Spark and Py4J errors: one line, not a Java stack
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise FatalError(f"the Spark job failed: {type(exc).__name__}: {first}") from None
    click.echo(f"{plural(counts['articles'], 'article')}, {counts['failed']} failed, "
               f"{plural(counts.get('events', 0), 'event')} written to {output}; load them with "
               f"'eventwire load {output} --db PATH'", err=True)
    sys.exit(min(counts["failed"], MAX_FAILED_EXIT))


@main.command("explain")
@click.argument("text", metavar="SENTENCE")
@click.option("--published", metavar="DATE", help="Article date that relative dates resolve against.")
@dictionary_options
@click.option("--json", "as_json", is_flag=True, help="Output the report as one JSON object.")
def explain_command(text, published, actors_files, verbs_files, as_json):
    """Show how a sentence is coded and why.

    Prints the parse, the entities and their codes, which verb and noun patterns fired (and
    which verbs have none), and for every event how its source, target, modality, date and
    place were found. SENTENCE is the text itself, or '-' to read it from stdin.

    \b
    Example:
        eventwire explain "Syria refused to withdraw its troops from Lebanon."
        eventwire explain "Rebels blocked roads on Monday." --published 2024-03-05
        eventwire explain "Kenya snubbed Uganda." --verbs my-verbs.tsv --json | jq .events
    """
    from ..explain import explain, render

    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise click.BadParameter("the sentence is empty", param_hint="SENTENCE")
    settings = Settings(actors_files=list(actors_files), verbs_files=list(verbs_files))
    try:
        report = explain(text, settings, published=published and check_date(published))
    except (EventwireError, StoreError) as exc:
        raise FatalError(str(exc)) from None
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else render(report))


@main.command("load")
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def load_command(directory: Path, db_path: Path):
    """Load a Spark engine output folder into DuckDB.

    DIR is the --output folder of `eventwire run --engine spark`: one folder of Parquet files per
    table (documents, entities, mentions, places, times, quotes, events). What the database holds
    for each document in DIR is replaced by what DIR holds, a batch of documents per transaction,
    so loading the same folder again adds nothing; then the events of all stored articles are
    grouped into real-world events (`eventwire cluster`). Needs no Spark.

    \b
    Example:
        eventwire run --engine spark news/ --output out/
        eventwire load out/ --db news.duckdb
        eventwire clusters --db news.duckdb
    """
    from ..engines.spark import load_parquet

    with open_store(db_path, read_only=False, create=True, error=FatalError) as store:
        try:
            counts = load_parquet(store, directory)
        except StoreError as exc:
            raise FatalError(str(exc)) from None
        held = store.counts()
    click.echo(f"{plural(counts['documents'], 'article')} ({counts['failed']} failed) loaded from "
               f"{directory}; {db_path} holds {plural(held['documents'], 'article')}, "
               f"{plural(held['events'], 'event')} in {plural(held['event_clusters'], 'cluster')}, "
               f"{plural(held['quotes'], 'quote')}", err=True)
