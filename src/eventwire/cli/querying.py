"""Commands that read the store: events, clusters, quotes, actors, export, and serve (the web
explorer)."""

from __future__ import annotations

from pathlib import Path

import click

from ..store import FORMATS, TABLES, StoreError, export, format_for
from .group import main
from .options import actor_and_type_options, date_option, db_option, open_store, output_options, plural
from .tables import ACTOR_COLUMNS, CLUSTER_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS, emit


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
    click.echo(f"{plural(rows, 'row')} of {table} written to {output}", err=True)


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

    from ..serve import create_app

    with open_store(db_path) as store:
        shown_host = f"[{host}]" if ":" in host else host
        click.echo(f"eventwire explorer of {db_path} at http://{shown_host}:{port}/ "
                   "(Ctrl+C to stop)")
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
