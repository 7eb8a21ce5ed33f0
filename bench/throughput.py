"""Throughput benchmark: the full eventwire pipeline against bare spaCy on the same article texts.

This is a benchmark, not a test: it reads real article texts at run time from a dev set that is
not part of the repository (by default ``../shared/eval/data/quotes/gold.jsonl`` relative to the
repository root), and it fails with a clear message when that file is missing.

Usage (from the repository root, with the virtualenv's Python):

    .venv/bin/python bench/throughput.py                       # 40 articles from the default file
    .venv/bin/python bench/throughput.py --limit 84            # more articles
    .venv/bin/python bench/throughput.py --data path/to/articles.jsonl.xz --limit 200
    .venv/bin/python bench/throughput.py --json                # one JSON line of the figures

``--data`` takes a ``.jsonl``, ``.jsonl.xz`` or ``.jsonl.gz`` (also ``.gz``/``.xz``) file with one
JSON object per line that has at least ``"id"`` and ``"text"`` (``"published"`` is passed on when
present; lines without text are skipped).

What is measured, in one process:

1. Model load: ``eventwire.parse.load_spacy(Settings().spacy_model)`` (reported on its own,
   not part of any rate). Building ``Pipeline(Settings())`` is reported on its own as well.
2. Warm-up: a few texts go through bare spaCy and through the pipeline first (not timed).
3. Bare spaCy: ``nlp.pipe`` over the texts split into paragraphs exactly as the parse stage splits
   them (``eventwire.parse.paragraphs``), same batch size as the parse stage.
4. Pipeline: ``Pipeline(Settings()).pipe(articles)`` with ``eventwire.model.Article(id, source,
   text, published)``, fully consumed. Time per stage is recorded too (a thin timing wrapper
   around each stage; its overhead is a clock read per call).

Steps 3 and 4 alternate for ``--repeat`` rounds (default 2) and the fastest round of each counts:
the first pass over new text is slower for whichever goes first (spaCy's string store grows).

Reported: articles/s and words/s (whitespace-separated words of the input texts) for each, the
ratio pipeline time / bare spaCy time (how many times slower the full pipeline is), the number of
articles that came out with an ``error``, and peak RSS (``resource.getrusage``, whole process,
after each phase; peak RSS only grows, so the pipeline figure includes spaCy's).

With ``--workers 1,2`` (the default) the comparison is also made on several processes: bare
spaCy as ``nlp.pipe(..., n_process=N)`` against ``eventwire.engines.parallel.pipe_parallel(..., workers=N)``
and against the same plus storing every document in a DuckDB file (what ``eventwire run
--workers N`` does, without reading the input files). Memory is then the peak of the summed
resident sets of this process and all its children, sampled every 50 ms from /proc.
"""

from __future__ import annotations

import argparse
import gzip
import json
import lzma
import platform
import resource
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "eval" / "data" / "quotes" / "gold.jsonl"


def fail(message: str) -> None:
    print(f"throughput: {message}", file=sys.stderr)
    sys.exit(2)


def open_text(path: Path):
    name = path.name.lower()
    if name.endswith(".xz"):
        return lzma.open(path, "rt", encoding="utf-8")
    if name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def read_articles(path: Path, limit: int) -> list[dict]:
    """Up to `limit` records with a non-empty "text" (and an "id") from a JSON-lines file."""
    if not path.is_file():
        fail(f"data file not found: {path}\n"
             f"  This benchmark reads real article texts that are not shipped with the repository.\n"
             f"  Point --data at a .jsonl / .jsonl.xz / .jsonl.gz file with one {{\"id\", \"text\"}} "
             f"object per line.")
    records = []
    try:
        with open_text(path) as handle:
            for number, line in enumerate(handle, 1):
                if limit and len(records) >= limit:
                    break
                line = line.strip()
                if not line:
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    fail(f"{path}:{number}: not JSON ({exc})")
                text = obj.get("text") if isinstance(obj, dict) else None
                if not isinstance(text, str) or not text.strip():
                    continue
                records.append({"id": str(obj.get("id", f"line-{number}")), "text": text,
                                "published": obj.get("published")})
    except (OSError, EOFError, lzma.LZMAError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
    if not records:
        fail(f"no records with a non-empty \"text\" in {path} (records with only \"html\" "
             f"are not benchmarked: bare spaCy cannot be given the same text)")
    return records


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class TimedStage:
    """Wraps a stage to add up the seconds spent in it; keeps `pipe` only if the stage has one."""

    def __new__(cls, name, stage, totals):
        if hasattr(stage, "pipe"):
            cls = TimedBatchStage
        return super().__new__(cls)

    def __init__(self, name, stage, totals):
        self.name, self.stage, self.totals = name, stage, totals

    def __call__(self, doc):
        start = time.perf_counter()
        try:
            return self.stage(doc)
        finally:
            self.totals[self.name] += time.perf_counter() - start


class TimedBatchStage(TimedStage):
    def pipe(self, docs):
        start = time.perf_counter()
        try:
            return self.stage.pipe(docs)
        finally:
            self.totals[self.name] += time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="JSON-lines file of {id, text} (.jsonl, .jsonl.xz, .jsonl.gz); "
                             "default: ../shared/eval/data/quotes/gold.jsonl from the repo root")
    parser.add_argument("--limit", type=int, default=40, help="articles to use (0 = all); default 40")
    parser.add_argument("--repeat", type=int, default=2,
                        help="timed rounds (bare spaCy then pipeline each round); the fastest "
                             "round of each is reported; default 2")
    parser.add_argument("--warmup", type=int, default=3, help="articles used to warm up; default 3")
    parser.add_argument("--workers", default="1,2",
                        help="comma-separated numbers of processes to compare at; default 1,2")
    parser.add_argument("--json", action="store_true", help="print one JSON line of the figures")
    args = parser.parse_args(argv)

    records = read_articles(args.data.resolve(), max(args.limit, 0))

    sys.path.insert(0, str(REPO / "src"))  # so the script also runs without an installed package
    try:
        from eventwire.errors import EventwireError
        from eventwire.model import Article
        from eventwire.pipeline import Pipeline
        from eventwire.settings import Settings
        from eventwire.parse import load_spacy, paragraphs
    except ImportError as exc:
        fail(f"cannot import eventwire ({exc}); run with the project's virtualenv (.venv/bin/python)")

    settings = Settings()
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    pieces = [p for t in texts for p in paragraphs(t)]
    batch_size = 64  # what the parse stage gives nlp.pipe

    start = time.perf_counter()
    try:
        nlp = load_spacy(settings.spacy_model)
    except EventwireError as exc:
        fail(str(exc))
    model_load_s = time.perf_counter() - start
    rss_after_load = peak_rss_mb()

    start = time.perf_counter()
    pipeline = Pipeline(settings)
    pipeline_build_s = time.perf_counter() - start

    def articles(recs):
        return [Article(id=r["id"], source=str(args.data), text=r["text"], published=r["published"])
                for r in recs]

    # warm-up, not timed: first calls allocate buffers and fill lazy caches (dictionaries, gazetteers)
    warm = records[: max(args.warmup, 1)]
    for _ in nlp.pipe([p for r in warm for p in paragraphs(r["text"])], batch_size=batch_size):
        pass
    start = time.perf_counter()
    warm_docs = list(pipeline.pipe(articles(warm)))
    pipeline_warmup_s = time.perf_counter() - start
    warm_errors = [d.error for d in warm_docs if d.error]

    # (a) bare spaCy and (b) the full pipeline, alternated for --repeat rounds; the fastest round
    # of each counts (the first pass over new text is slower: the string store and caches grow)
    timed = [(name, TimedStage(name, stage, Counter())) for name, stage in pipeline.stages]
    pipeline.stages = timed
    spacy_runs, pipeline_runs, stage_runs = [], [], []
    for _ in range(max(args.repeat, 1)):
        start = time.perf_counter()
        n_tokens = 0
        for parsed in nlp.pipe(pieces, batch_size=batch_size):
            n_tokens += len(parsed)
        spacy_runs.append(time.perf_counter() - start)
        rss_after_spacy = peak_rss_mb()

        for _name, wrapper in timed:
            wrapper.totals = Counter()
        start = time.perf_counter()
        docs = list(pipeline.pipe(articles(records)))
        pipeline_runs.append(time.perf_counter() - start)
        stage_runs.append({name: wrapper.totals[name] for name, wrapper in timed})
        rss_after_pipeline = peak_rss_mb()
    spacy_s = min(spacy_runs)
    pipeline_s = min(pipeline_runs)
    totals = stage_runs[pipeline_runs.index(pipeline_s)]

    errors = Counter()
    for doc in docs:
        if doc.error:
            errors[doc.error.split(":")[0] if doc.error.startswith("stage ") else doc.error[:80]] += 1
    found = {
        "entities": sum(len(d.entities) for d in docs), "places": sum(len(d.places) for d in docs),
        "times": sum(len(d.times) for d in docs), "quotes": sum(len(d.quotes) for d in docs),
        "events": sum(len(d.events) for d in docs),
    }

    n = len(records)
    figures = {
        "data": str(args.data), "articles": n, "words": words, "chars": chars,
        "paragraphs": len(pieces), "tokens": n_tokens, "spacy_model": settings.spacy_model,
        "model_load_s": round(model_load_s, 3), "pipeline_build_s": round(pipeline_build_s, 3),
        "pipeline_warmup_s": round(pipeline_warmup_s, 3),
        "spacy_s": round(spacy_s, 3),
        "spacy_articles_per_s": round(n / spacy_s, 2),
        "spacy_words_per_s": round(words / spacy_s, 1),
        "pipeline_s": round(pipeline_s, 3),
        "pipeline_articles_per_s": round(n / pipeline_s, 2),
        "pipeline_words_per_s": round(words / pipeline_s, 1),
        "ratio_pipeline_to_spacy_time": round(pipeline_s / spacy_s, 2),
        "ratio_pipeline_to_spacy_throughput": round(spacy_s / pipeline_s, 3),
        "repeat": len(spacy_runs), "spacy_runs_s": [round(t, 3) for t in spacy_runs],
        "pipeline_runs_s": [round(t, 3) for t in pipeline_runs],
        "stage_s": {name: round(totals[name], 3) for name, _ in pipeline.stages},
        "errors": sum(errors.values()), "error_kinds": dict(errors),
        "warmup_errors": len(warm_errors), "found": found,
        "peak_rss_mb_after_load": round(rss_after_load, 1),
        "peak_rss_mb_after_spacy": round(rss_after_spacy, 1),
        "peak_rss_mb": round(rss_after_pipeline, 1),
        "python": platform.python_version(),
    }

    figures["scaling"] = [scaling(nlp, pipeline, pieces, articles(records), words, n, workers, batch_size)
                          for workers in map(int, args.workers.split(","))]

    if args.json:
        print(json.dumps(figures))
        return 0

    print(f"data:        {args.data}  ({n} articles, {words:,} words, {chars:,} chars, "
          f"{len(pieces)} paragraphs, {n_tokens:,} tokens)")
    print(f"spaCy model: {settings.spacy_model}  load {model_load_s:.2f} s "
          f"(pipeline build {pipeline_build_s:.2f} s, warm-up run {pipeline_warmup_s:.2f} s; not timed)")
    print(f"rounds:      {len(spacy_runs)} (fastest counts); bare spaCy "
          + ", ".join(f"{t:.2f}" for t in spacy_runs) + " s; pipeline "
          + ", ".join(f"{t:.2f}" for t in pipeline_runs) + " s")
    print(f"bare spaCy:  {spacy_s:7.2f} s  {n / spacy_s:8.2f} articles/s  {words / spacy_s:10,.0f} words/s")
    print(f"pipeline:    {pipeline_s:7.2f} s  {n / pipeline_s:8.2f} articles/s  {words / pipeline_s:10,.0f} words/s")
    print(f"ratio:       pipeline takes {pipeline_s / spacy_s:.2f}x the time of bare spaCy "
          f"(throughput pipeline / bare spaCy = {spacy_s / pipeline_s:.2f})")
    print("stages:      " + ", ".join(f"{name} {totals[name]:.2f} s" for name, _ in pipeline.stages))
    print("found:       " + ", ".join(f"{k} {v}" for k, v in found.items()))
    if errors:
        print(f"errors:      {sum(errors.values())} of {n} articles failed: "
              + "; ".join(f"{k} ({v})" for k, v in errors.most_common()))
    else:
        print("errors:      none")
    print(f"peak RSS:    {rss_after_load:.0f} MiB after model load, {rss_after_spacy:.0f} MiB after "
          f"bare spaCy, {rss_after_pipeline:.0f} MiB after pipeline")
    print("workers      bare spaCy        pipeline          pipeline + DuckDB   ratio    peak RSS (all processes)")
    for row in figures["scaling"]:
        print(f"{row['workers']:>7}  {row['spacy_articles_per_s']:8.2f} art/s  {row['pipeline_articles_per_s']:8.2f} art/s"
              f"  {row['stored_articles_per_s']:8.2f} art/s    {row['ratio_stored_to_spacy_throughput']:.2f}"
              f" ({row['ratio_pipeline_to_spacy_throughput']:.2f})  {row['peak_tree_rss_mb']:6.0f} MiB")
    return 0


def scaling(nlp, pipeline, pieces, articles, words, n, workers, batch_size) -> dict:
    """Bare spaCy, the pipeline, and the pipeline storing into DuckDB, on `workers` processes."""
    import tempfile

    from rss import TreeRSS

    from eventwire.engines.parallel import pipe_parallel
    from eventwire.store import Store

    with TreeRSS() as memory:
        start = time.perf_counter()
        for _ in nlp.pipe(pieces, batch_size=batch_size, n_process=workers):
            pass
        spacy_s = time.perf_counter() - start
        start = time.perf_counter()
        for _ in pipe_parallel(pipeline, articles, workers=workers):
            pass
        pipeline_s = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
            start = time.perf_counter()
            for doc in pipe_parallel(pipeline, articles, workers=workers):
                store.add(doc)
            store.build_clusters()
            stored_s = time.perf_counter() - start
    return {
        "workers": workers, "spacy_s": round(spacy_s, 3), "pipeline_s": round(pipeline_s, 3),
        "stored_s": round(stored_s, 3),
        "spacy_articles_per_s": round(n / spacy_s, 2), "pipeline_articles_per_s": round(n / pipeline_s, 2),
        "stored_articles_per_s": round(n / stored_s, 2), "stored_words_per_s": round(words / stored_s, 1),
        "ratio_pipeline_to_spacy_throughput": round(spacy_s / pipeline_s, 3),
        "ratio_stored_to_spacy_throughput": round(spacy_s / stored_s, 3),
        "peak_tree_rss_mb": round(memory.peak_mb, 1),
    }


if __name__ == "__main__":
    sys.exit(main())
