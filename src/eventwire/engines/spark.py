"""The Spark engine: extract a corpus too large for one machine on a Spark cluster (or on all the
cores of one machine), then load the result into DuckDB.

`run_spark` lists the inputs on the driver and reads them on the executors: files (.jsonl, .warc,
.warc.gz and the other kinds `eventwire extract` reads) each whole by one task with eventwire's own
ingest, Parquet files (columns as the JSONL fields) with Spark's reader, split by row group. Of
several articles with one id the last in input order is kept, as successive `Store.add` calls
would keep it. The articles are spread over the executors and processed in `mapPartitions`, one
`Pipeline` per Python worker process, and every per-document table is written as a folder of
Parquet files under the output folder, with the columns and types of the DuckDB table
(`store.db.MIGRATIONS` is the source of truth) and the rows `Store.add` would store.

`load_parquet` loads such a folder into a `Store`: for each of its documents what is stored is
replaced (so loading it again adds nothing), then event clusters are rebuilt.

pyspark is an optional dependency (`pip install 'eventwire[spark]'`), imported only by
`run_spark` and `spark_session`; `load_parquet` needs DuckDB only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from urllib.parse import unquote

import duckdb

from .. import ingest
from ..errors import EventwireError
from ..ingest import read_inputs
from ..model import Article
from ..settings import DEFAULT_MAX_CHARS, Settings
from ..store.db import CLUSTERS_STALE, TABLES, Store, StoreError, document_row, id_column, table_rows, utc_now

LOGGER = logging.getLogger(__name__)

PARQUET_SUFFIXES = (".parquet",)
# The columns of a Parquet input: the fields of a JSONL line.
ARTICLE_FIELDS = ("id", "text", "html", *ingest.JSON_METADATA)
# Processing partitions per core of the cluster: small enough that a slow partition does not hold up
# the end of the run, large enough that each task's start (a few ms) is nothing next to its work.
PARTITIONS_PER_CORE = 4
BYTES_PER_PARTITION = 4 << 20  # of input files: some hundreds of articles
# Documents replaced per transaction by load_parquet.
LOAD_BATCH = 50_000

# DuckDB column types (as information_schema spells them) and the Spark types written for them.
# A migration that adds a column of another type must add it here (run_spark refuses otherwise).
_SPARK_TYPE_NAMES = {
    "VARCHAR": "StringType", "JSON": "StringType", "INTEGER": "IntegerType", "BIGINT": "LongType",
    "DOUBLE": "DoubleType", "BOOLEAN": "BooleanType", "DATE": "DateType",
    "TIMESTAMP": "TimestampNTZType",
}
# Spark checks that a DOUBLE is a float and an INTEGER an int: the rows are made to agree.
_COERCE = {"DOUBLE": float, "INTEGER": int, "BIGINT": int}

# Driver JVM logging for local runs: errors only, on stderr (the gateway's level, set too, keeps
# Spark from announcing the log level of a shell, which a PySpark driver counts as).
_LOG4J2 = """rootLogger.level = error
logger.gateway.name = org.apache.spark.api.python.PythonGatewayServer
logger.gateway.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
"""


# --- the DuckDB schema ---------------------------------------------------------------------------

@functools.cache
def table_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """(column, DuckDB type) of every per-document table, in column order, as the migrations in
    `store.db.MIGRATIONS` make them (applied to an in-memory database)."""
    with Store(":memory:") as store:
        return {table: tuple(store.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()) for table in TABLES}


def spark_schema(table: str):
    """The Spark StructType of `table`: DuckDB's columns, each as the Spark type Parquet stores
    the same way (VARCHAR[] as array<string>, TIMESTAMP as timestamp_ntz, JSON as string)."""
    from pyspark.sql import types

    def spark_type(duckdb_type: str, column: str):
        if duckdb_type.endswith("[]"):
            return types.ArrayType(spark_type(duckdb_type[:-2], column))
        if duckdb_type not in _SPARK_TYPE_NAMES:
            raise EventwireError(f"the Spark engine has no type for DuckDB's {duckdb_type} "
                                 f"({table}.{column}); add it to engines.spark._SPARK_TYPE_NAMES")
        return getattr(types, _SPARK_TYPE_NAMES[duckdb_type])()

    return types.StructType([types.StructField(name, spark_type(kind, name), nullable=True)
                             for name, kind in table_columns()[table]])


def _coercions(table: str) -> tuple[tuple[int, type], ...]:
    return tuple((i, _COERCE[kind]) for i, (_, kind) in enumerate(table_columns()[table]) if kind in _COERCE)


def _typed(row: tuple, coercions: tuple[tuple[int, type], ...]) -> tuple:
    if not coercions:
        return row
    row = list(row)
    for i, kind in coercions:
        if row[i] is not None:
            row[i] = kind(row[i])
    return tuple(row)


# --- the session ---------------------------------------------------------------------------------

def spark_session(master: str | None = "local[*]"):
    """The SparkSession eventwire runs in (an active one is reused): app name "eventwire", no web
    UI, no progress bars, UTC. A local master binds to 127.0.0.1 only (no network is needed), runs
    the Python workers with this interpreter (unless $PYSPARK_PYTHON says otherwise) and logs
    only errors. `master=None` takes the master from the environment (spark-submit,
    spark-defaults.conf, $PYSPARK_SUBMIT_ARGS)."""
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.appName("eventwire")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
        if log_config := _log_config():
            builder = builder.config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={log_config}")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _log_config() -> Path | None:
    """A log4j2 configuration file of `_LOG4J2` (in the temporary folder, one per user), or None."""
    user = getattr(os, "getuid", lambda: 0)()
    path = Path(tempfile.gettempdir()) / f"eventwire-spark-log4j2-{user}.properties"
    try:
        if not path.exists() or path.read_text() != _LOG4J2:
            path.write_text(_LOG4J2)
    except OSError:
        return None
    return path


# --- which files to read -------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class InputFile:
    """One file to read. `name` is what the articles' sources and errors call it (the path as a
    local run spells it, or the URI); `location` is what Spark reads."""

    order: int
    name: str
    location: str
    parquet: bool
    size: int


def _is_uri(path: str | Path) -> bool:
    return isinstance(path, str) and "://" in path


def _base_name(name: str) -> str:
    return name.rstrip("/").rsplit("/", 1)[-1]


def _key(location: str) -> str:
    """A file's location as Spark reports it and as the driver listed it, made comparable."""
    if location.startswith("file:"):
        location = "/" + location[len("file:"):].lstrip("/")
    return location


def _glob_escaped(location: str) -> str:
    """`location` with Hadoop's glob characters escaped, so it names exactly one file."""
    return "".join("\\" + c if c in "\\{}[]*?" else c for c in location)


def _wanted(name: str) -> bool:
    return name.lower().endswith(ingest.SUPPORTED_SUFFIXES + PARQUET_SUFFIXES)


def plan_inputs(inputs: Sequence[str | Path], *, output: str | Path | None = None, spark=None,
                max_chars: int, encoding: str | None = None) -> tuple[list[InputFile], list[tuple[int, Article]]]:
    """The files to read, in the order a local run reads them, and the failed articles of inputs
    that cannot be read at all (a missing path, a folder with nothing to read, an unsupported
    file), made on the driver as a local run makes them, each with its place in the input order.

    Local folders are searched as `ingest.read_inputs` searches them (recursively, sorted, hidden
    files left out, .xml only if it is a feed), with .parquet files too; `output` is never read.
    URIs (hdfs://, s3a://, file://...) are listed with Hadoop's FileSystem through `spark`
    (.xml files in their folders are passed over). Spark never reads a file whose name starts
    with "_" or ".": such files become failed articles saying so.
    """
    files: list[InputFile] = []
    failed: list[tuple[int, Article]] = []
    order = itertools.count()
    skipped = None if output is None or _is_uri(output) else Path(os.path.normpath(Path(output).absolute()))
    for given in inputs:
        found = _hadoop_files(spark, str(given)) if _is_uri(given) else _local_files(Path(given), skipped)
        if found is None:  # missing, unsupported, or a folder without inputs: ingest says why
            failed.extend((next(order), article) for article in _unreadable(given, max_chars, encoding))
            continue
        for name, location, size in found:
            if _base_name(name).startswith(("_", ".")):
                failed.append((next(order), Article(
                    id=ingest.file_stem(Path(_base_name(name))), source=name,
                    error=f"{name}: not read: Spark reads no file whose name starts with '_' or '.'; rename it")))
            else:
                files.append(InputFile(next(order), name, location, name.lower().endswith(PARQUET_SUFFIXES), size))
    return files, failed


def _local_files(path: Path, skipped: Path | None) -> list[tuple[str, str, int]] | None:
    def location(p: Path) -> str:  # a file: URI, so a cluster whose default file system is HDFS reads it locally
        return "file:" + os.path.normpath(p.absolute())

    if path.is_file():
        return [(str(path), location(path), path.stat().st_size)] if _wanted(path.name) else None
    if not path.is_dir():
        return None
    found = sorted(p for p in path.rglob("*")
                   if p.is_file() and _wanted(p.name)
                   and not any(part.startswith(".") for part in p.relative_to(path).parts)
                   and not (skipped and skipped in Path(os.path.normpath(p.absolute())).parents))
    found = [p for p in found if not p.name.lower().endswith(".xml") or ingest.is_feed_file(p)]
    return [(str(p), location(p), p.stat().st_size) for p in found] or None


def _hadoop_files(spark, uri: str) -> list[tuple[str, str, int]] | None:
    jvm, context = spark.sparkContext._jvm, spark.sparkContext._jsc
    root = jvm.org.apache.hadoop.fs.Path(uri)
    fs = root.getFileSystem(context.hadoopConfiguration())
    if not fs.exists(root):
        return None
    status = fs.getFileStatus(root)
    if status.isFile():
        return [(uri, status.getPath().toString(), status.getLen())] if _wanted(uri) else None
    prefix = status.getPath().toString().rstrip("/") + "/"
    found = []
    listing = fs.listFiles(root, True)
    while listing.hasNext():
        status = listing.next()
        name = status.getPath().toString()
        relative = name[len(prefix):] if name.startswith(prefix) else _base_name(name)
        if _wanted(name) and not name.lower().endswith(".xml") \
                and not any(part.startswith(".") for part in relative.split("/")):
            found.append((name, name, status.getLen()))
    return sorted(found) or None


def _unreadable(given: str | Path, max_chars: int, encoding: str | None) -> list[Article]:
    if not _is_uri(given):  # ingest fails these without reading them
        return list(read_inputs([Path(given)], max_chars=max_chars, encoding=encoding))
    name = str(given)
    return [Article(id=ingest.file_stem(Path(_base_name(name))), source=name, error=(
        f"{name}: no such file, or nothing to read in it (expected "
        f"{', '.join(ingest.SUPPORTED_SUFFIXES + PARQUET_SUFFIXES)} files; .xml only when named)"))]


# --- reading on the executors --------------------------------------------------------------------

def _renamed(article: Article, old: str, new: str) -> Article:
    """`article` with the file name `old` (a temporary copy) replaced by `new` in its source and error."""
    return dataclasses.replace(article, source=article.source.replace(old, new),
                               error=article.error and article.error.replace(old, new))


def file_articles(data: bytes | bytearray, name: str, *, max_chars: int,
                  encoding: str | None = None) -> Iterator[Article]:
    """The articles of one input file given as bytes, read by `ingest.read_inputs` exactly as a
    local run reads the file `name` (ids, sources and errors name `name`)."""
    with tempfile.TemporaryDirectory(prefix="eventwire-") as folder:
        copy = Path(folder) / _base_name(name)
        copy.write_bytes(data)
        for article in read_inputs([copy], max_chars=max_chars, encoding=encoding):
            yield _renamed(article, str(copy), name)


def _json_value(value):
    """A Parquet value as the JSONL field would give it (dates and times as ISO strings)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return value


def row_article(values: dict, name: str, number: int, *, max_chars: int) -> Article:
    """The article of row `number` (from 1) of the Parquet file `name`: the row's non-null
    `ARTICLE_FIELDS` read as a JSONL line is (`ingest`), so the same checks apply; its source is
    `name:number` and a bad row fails alone, with id `<file stem>:<number>`."""
    record = {key: _json_value(values[key]) for key in ARTICLE_FIELDS if values.get(key) is not None}
    line = json.dumps(record, default=str).encode("ascii")  # ASCII: decodes whatever the encoding
    stand_in = Path("/eventwire-parquet") / _base_name(name)
    article = ingest.jsonl_article(line, stand_in, number, 0, max_chars, None)
    article = _renamed(article, f"{stand_in} line ", f"{name} row ")
    return _renamed(article, str(stand_in), name)


def parquet_articles(path: str | Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article]:
    """The articles of a local Parquet file, read with DuckDB in row order: what `run_spark` makes
    of the same file, for a run without Spark."""
    with duckdb.connect() as con:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [d[0] for d in cursor.description]
        number = 0
        while batch := cursor.fetchmany(1000):
            for row in batch:
                number += 1
                yield row_article(dict(zip(names, row)), str(path), number, max_chars=max_chars)


def _read_file(row, names, max_chars: int, encoding: str | None) -> Iterator[tuple]:
    """(id, ((order, position), article)) of every article in the file of a binaryFile row."""
    location, content = row
    entries = names.value.get(_key(location)) or names.value.get(_key(unquote(location)))
    if entries is None:
        raise EventwireError(f"Spark read {location}, which is not an input")
    for order, name in entries:
        for position, article in enumerate(file_articles(content, name, max_chars=max_chars, encoding=encoding)):
            yield article.id, ((order, position), article)


def _read_row(row, names, max_chars: int) -> tuple:
    values = row.asDict()
    location, index = values.pop("_eventwire_file"), values.pop("_eventwire_row")
    entries = names.value.get(_key(location)) or names.value.get(_key(unquote(location)))
    if entries is None:
        raise EventwireError(f"Spark read {location}, which is not an input")
    order, name = entries[-1]  # a file given twice is read once, at its last place
    article = row_article(values, name, index + 1, max_chars=max_chars)
    return article.id, ((order, index), article)


def _later(a: tuple, b: tuple) -> tuple:
    """Of two (order, article) with one id, the one a local run reads last."""
    return a if a[0] > b[0] else b


# --- processing on the executors -----------------------------------------------------------------

_WORKER_PIPELINE: dict[str, object] = {}


def _worker_pipeline(settings: Settings, stages: list[str]):
    """This Python worker's pipeline for `settings` and `stages`, built once and kept for the next
    tasks (Spark reuses its Python workers)."""
    from ..pipeline import Pipeline

    key = json.dumps([dataclasses.asdict(settings), stages], default=str, sort_keys=True)
    if key not in _WORKER_PIPELINE:
        _WORKER_PIPELINE.clear()
        _WORKER_PIPELINE[key] = Pipeline(settings, stages)
    return _WORKER_PIPELINE[key]


def _shipped(settings: Settings, shipped: bool) -> Settings:
    """On an executor: the settings with the user's dictionaries replaced by the copies Spark
    shipped (`SparkContext.addFile`); the pipeline's fingerprint hashes their bytes, not paths."""
    if not shipped:
        return settings
    from pyspark import SparkFiles

    def local(paths):
        return [Path(SparkFiles.get(Path(p).name)) for p in paths]

    return dataclasses.replace(settings, actors_files=local(settings.actors_files),
                               verbs_files=local(settings.verbs_files))


def _process(articles: Iterable[Article], settings: Settings, stages: list[str], shipped: bool,
             stored_at: dt.datetime, coercions: dict) -> Iterator[tuple[str, tuple]]:
    """(table, row) of every document of a partition: the rows `Store.add` would store."""
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    pipeline = _worker_pipeline(_shipped(settings, shipped), stages)
    for doc in pipeline.pipe(itertools.chain([first], articles)):
        yield "documents", _typed(document_row(doc, stored_at), coercions["documents"])
        for table, rows in table_rows(doc).items():
            for row in rows:
                yield table, _typed(row, coercions[table])


def _count_keys(item: tuple[str, tuple]) -> list[str]:
    table, row = item
    if table == "documents" and row[9] is not None:  # documents.error
        return [table, "failed"]
    return [table]


def _in_table(table: str, item: tuple[str, tuple]) -> bool:
    return item[0] == table


def _second(item: tuple):
    return item[1]


# --- the run -------------------------------------------------------------------------------------

def run_spark(inputs: Sequence[str | Path], settings: Settings, *, clean: bool, encoding: str | None,
              output: str | Path, master: str | None = "local[*]",
              partitions: int | None = None) -> dict[str, int]:
    """Extract `inputs` with Spark and write the tables as Parquet folders under `output`.

    Args:
        inputs: files and folders (local paths, or URIs such as hdfs://nn/news/ or s3a://bucket/x/)
            of .jsonl, .warc, .warc.gz, .parquet (columns id, text or html, published, title, url,
            publisher, author) and the other kinds `eventwire extract` reads.
        settings: spaCy model, max_chars, user dictionaries (shipped to the executors).
        clean: False takes the text as it is (the "verbatim" stage instead of "clean").
        encoding: the encoding of every input file (not Parquet), as `eventwire extract --encoding`.
        output: the folder to write (a local path or a URI): `documents/`, `entities/`,
            `mentions/`, `places/`, `times/`, `quotes/`, `events/`, each replaced if it exists.
        master: the Spark master ("local[*]", "local[4]", "spark://host:7077", "yarn"); None takes
            it from the environment (spark-submit). An active SparkSession is used as it is.
        partitions: processing partitions (default: one per 4 MB of input files, at least one
            and at most four per core of the cluster).

    Returns:
        articles (documents written), failed, and the rows written per table.
    """
    try:
        from pyspark import StorageLevel
        from pyspark.sql import SparkSession, functions
    except ImportError:
        raise EventwireError("the Spark engine needs pyspark: pip install 'eventwire[spark]'") from None
    from ..pipeline import default_stages
    from ..registry import check_order

    stages = default_stages(clean)
    if problems := check_order(stages):
        raise EventwireError("; ".join(problems))
    active = SparkSession.getActiveSession()
    spark = active or spark_session(master)
    try:
        sc = spark.sparkContext
        out = str(output) if _is_uri(output) else os.path.normpath(Path(output).absolute())
        files, failed = plan_inputs(inputs, output=out, spark=spark, max_chars=settings.max_chars,
                                    encoding=encoding)
        names: dict[str, list[tuple[int, str]]] = {}
        for file in files:
            names.setdefault(_key(file.location), []).append((file.order, file.name))
        names_bc = sc.broadcast(names)
        parts = [sc.parallelize([(a.id, ((order, 0), a)) for order, a in failed], 1)]
        plain = sorted({f.location for f in files if not f.parquet})
        if plain:
            binary = spark.read.format("binaryFile").load([_glob_escaped(p) for p in plain])
            parts.append(binary.select("path", "content").rdd.flatMap(
                functools.partial(_read_file, names=names_bc, max_chars=settings.max_chars,
                                  encoding=encoding)))
        tables = sorted({f.location for f in files if f.parquet})
        if tables:
            frame = spark.read.option("mergeSchema", "true").parquet(*map(_glob_escaped, tables))
            columns = [c for c in ARTICLE_FIELDS if c in frame.columns]
            frame = frame.select(*columns, functions.col("_metadata.file_path").alias("_eventwire_file"),
                                 functions.col("_metadata.row_index").alias("_eventwire_row"))
            parts.append(frame.rdd.map(functools.partial(_read_row, names=names_bc,
                                                         max_chars=settings.max_chars)))
        shipped = _ship_dictionaries(sc, settings)
        count = partitions or _partitions(sc.defaultParallelism, sum(f.size for f in files))
        articles = sc.union(parts).reduceByKey(_later, numPartitions=count).values().map(_second)
        processed = articles.mapPartitions(functools.partial(
            _process, settings=settings, stages=stages, shipped=shipped, stored_at=utc_now(),
            coercions={table: _coercions(table) for table in TABLES}))
        processed = processed.persist(StorageLevel.MEMORY_AND_DISK)
        started = time.perf_counter()
        counts = processed.flatMap(_count_keys).countByValue()
        LOGGER.info("%d files read, %d articles processed in %.1f s", len(files), counts.get("documents", 0),
                    time.perf_counter() - started)
        started = time.perf_counter()
        for table in TABLES:
            rows = processed.filter(functools.partial(_in_table, table)).map(_second)
            spark.createDataFrame(rows, spark_schema(table)).write.mode("overwrite").parquet(f"{out}/{table}")
        LOGGER.info("tables written to %s in %.1f s", out, time.perf_counter() - started)
        processed.unpersist()
        names_bc.destroy()
    finally:
        if active is None:
            spark.stop()
    result = {"articles": counts.get("documents", 0), "failed": counts.get("failed", 0)}
    result.update({table: counts.get(table, 0) for table in TABLES})
    return result


def _partitions(cores: int, input_bytes: int) -> int:
    """Processing partitions: one per core for a small corpus (every task builds or finds a
    pipeline, and writes a file per table), up to PARTITIONS_PER_CORE for a large one."""
    wanted = -(-input_bytes // BYTES_PER_PARTITION)
    return max(1, cores, min(cores * PARTITIONS_PER_CORE, wanted))


def _ship_dictionaries(sc, settings: Settings) -> bool:
    """Send the user's --actors/--verbs files to every executor; False when there are none."""
    paths = [*settings.actors_files, *settings.verbs_files]
    names = [Path(p).name for p in paths]
    if len(set(names)) != len(names):
        raise EventwireError("the Spark engine needs the --actors and --verbs files to have "
                             f"different file names, got {', '.join(map(str, paths))}")
    for path in paths:
        sc.addFile(str(Path(path).absolute()))
    return bool(paths)


# --- loading into DuckDB -------------------------------------------------------------------------

def load_parquet(store: Store, directory: str | Path, *, batch_size: int = LOAD_BATCH) -> dict[str, int]:
    """Load the output folder of `run_spark` into `store`, then rebuild the event clusters.

    For every document in `directory` the rows stored under its id in every table are deleted and
    its rows inserted, `batch_size` documents per transaction, so loading the same folder again
    adds nothing and a load that is stopped leaves whole documents only. DuckDB reads the Parquet
    files itself; columns are matched by name.

    Returns:
        documents, failed and rows loaded per table, and event_clusters (clusters after the rebuild).
    """
    directory = Path(directory)
    sources = {}
    for table in TABLES:
        folder = directory / table
        if not folder.is_dir():
            raise StoreError(f"{directory} is not an eventwire Spark output: it has no {table}/ folder")
        if not (folder / "_SUCCESS").exists():
            raise StoreError(f"{folder} is incomplete (no _SUCCESS file): the Spark run did not finish")
        # a list of files, not a glob: the folder's name may hold glob characters
        sources[table] = [str(p) for p in sorted(folder.glob("*.parquet"))]
    if not sources["documents"]:
        raise StoreError(f"{directory / 'documents'} has no Parquet files")
    con = store.con
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _load_ids AS SELECT id, "
                    "(row_number() OVER (ORDER BY id) - 1) // ? AS batch FROM read_parquet(?)",
                    [batch_size, sources["documents"]])
        duplicates = con.execute("SELECT count(*) - count(DISTINCT id) FROM _load_ids").fetchone()[0]
        if duplicates:
            raise StoreError(f"{directory / 'documents'} has {duplicates} repeated document ids")
        counts = {}
        for table, source in sources.items():
            key = id_column(table)
            rows = "read_parquet(?)" if source else f"(SELECT * FROM {table} LIMIT 0)"
            con.execute(f"CREATE OR REPLACE TEMP TABLE _load_{table} AS SELECT s.*, i.batch AS _load_batch "
                        f"FROM {rows} s JOIN _load_ids i ON s.{key} = i.id", [source] if source else [])
            counts[table] = con.execute(f"SELECT count(*) FROM _load_{table}").fetchone()[0]
        counts["failed"] = con.execute(
            "SELECT count(*) FROM _load_documents WHERE error IS NOT NULL").fetchone()[0]
        batches = con.execute("SELECT coalesce(max(batch) + 1, 0) FROM _load_ids").fetchone()[0]
        for batch in range(batches):
            with store._transaction():
                for table in TABLES:
                    key = id_column(table)
                    con.execute(f"DELETE FROM {table} WHERE {key} IN "
                                f"(SELECT id FROM _load_ids WHERE batch = ?)", [batch])
                for table in TABLES:
                    con.execute(f"INSERT INTO {table} BY NAME SELECT * EXCLUDE (_load_batch) "
                                f"FROM _load_{table} WHERE _load_batch = ?", [batch])
                store._set_state(CLUSTERS_STALE, "yes")
    except duckdb.Error as exc:
        raise StoreError(f"cannot load {directory}: {exc}") from None
    finally:
        for table in ("ids", *TABLES):
            con.execute(f"DROP TABLE IF EXISTS _load_{table}")
    counts["event_clusters"] = store.build_clusters()
    return counts
