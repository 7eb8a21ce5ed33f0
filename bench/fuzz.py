"""Fuzz run: many hostile inputs through ingest, the pipeline and the store; crashes counted.

Not a test (tests/test_fuzz.py runs a small derandomized share of the same inputs in `make
test`). The inputs come from bench/fuzz_inputs.py: malformed and deeply nested HTML, truncated
and corrupt WARC archives, broken and entity-bomb RSS/Atom feeds, invalid UTF-8 and mixed
encodings, zero-width and bidi characters, JSONL with broken lines, wrong types and absurd dates,
and text that stresses the NLP stages. A small share (`--big-share`) are huge: megabyte lines,
20,000-token sentences.

Each input is written to a file and read with `eventwire.ingest.read_inputs`; its articles go
through `Pipeline().pipe` and every document into an in-memory `Store`. A crash is any
exception that escapes one of them, or any broken property: an article that is neither text nor
an error, not exactly one document per article in order, a record that is not JSON, an offset
outside the text or reversed, an id that points nowhere, a stage that crashed (the pipeline
catches it, but it is a bug), an input over `--slow` seconds or killed by `--timeout`.

Usage (from the repository root):

    .venv/bin/python bench/fuzz.py                      # 10,000 inputs, seed 0, one worker per core
    .venv/bin/python bench/fuzz.py --n 500 --seed 7 --workers 1
    .venv/bin/python bench/fuzz.py --n 2000 --big-share 0.1 --crashes /tmp/fuzz-crashes

A crashing input is saved under --crashes (default: a temporary folder, printed) with its index,
so `--only INDEX --seed S` runs it again alone. The exit status is 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import signal
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # so the script also runs without an installed package

import fuzz_inputs  # noqa: E402  (bench/ is on sys.path when run)

_STATE: dict = {}


class Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise Timeout()


def _init(max_chars: int, memory_gb: float, folder: str) -> None:
    """Per worker: a memory ceiling (a bomb fails with MemoryError instead of taking the machine),
    the pipeline with its spaCy model, and an in-memory store."""
    if memory_gb:
        limit = int(memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings
    from eventwire.store import Store

    settings = Settings(max_chars=max_chars)
    pipeline = Pipeline(settings)
    pipeline(Article(id="warm-up", source="-", text="Kenya attacked Uganda on Monday, police said."))
    _STATE.update(settings=settings, pipeline=pipeline, store=Store(":memory:"),
                  folder=Path(tempfile.mkdtemp(prefix=f"w{os.getpid()}-", dir=folder)))
    signal.signal(signal.SIGALRM, _on_alarm)


def case_for(seed: int, index: int, big_share: float):
    """The input `index` of run `seed`: the same on every machine and in every worker."""
    r = random.Random(f"{seed}:{index}")
    return fuzz_inputs.make_case(r, big=r.random() < big_share)


def run_one(index: int, seed: int, big_share: float, timeout: int) -> dict:
    """Generate input `index`, run it, and report times, error kinds and crashes."""
    from eventwire.ingest import read_inputs
    from eventwire.model import Article

    case = case_for(seed, index, big_share)
    path = _STATE["folder"] / case.file_name(index)
    path.write_bytes(case.data)
    result = {"index": index, "kind": case.kind, "bytes": len(case.data), "articles": 0,
              "errors": [], "crashes": [], "ingest": 0.0, "pipeline": 0.0, "store": 0.0}
    phase = "ingest"
    signal.alarm(timeout)
    start = time.perf_counter()
    try:
        articles = list(read_inputs([path], max_chars=_STATE["settings"].max_chars))
        result["ingest"] = time.perf_counter() - start
        result["articles"] = len(articles)
        if not articles:
            result["crashes"].append("ingest yielded no article for a file")
        for a in articles:
            if not isinstance(a, Article):
                result["crashes"].append(f"ingest yielded {type(a).__name__}, not an Article")
            elif not a.error and not (a.text or "").strip():
                result["crashes"].append(f"article {a.id!r} has neither text nor an error")
        phase, t = "pipeline", time.perf_counter()
        docs = list(_STATE["pipeline"].pipe(articles))
        result["pipeline"] = time.perf_counter() - t
        if [d.id for d in docs] != [a.id for a in articles]:
            result["crashes"].append(f"{len(articles)} articles in, {len(docs)} documents out, or out of order")
        phase, t = "store", time.perf_counter()
        for doc in docs:
            result["crashes"] += [f"{doc.id!r}: {p}" for p in fuzz_inputs.document_problems(doc)]
            if doc.error:
                result["errors"].append(fuzz_inputs.error_kind(doc.error))
            _STATE["store"].add(doc)
        result["store"] = time.perf_counter() - t
    except Timeout:
        result["crashes"].append(f"timeout: over {timeout} s in {phase}")
    except BaseException as exc:  # noqa: BLE001  anything escaping is what we are looking for
        tb = traceback.format_exception(exc)
        result["crashes"].append(f"{phase} raised {type(exc).__name__}: {str(exc)[:300]}\n{''.join(tb[-4:])}")
    finally:
        signal.alarm(0)
    result["seconds"] = time.perf_counter() - start
    if result["crashes"]:
        result["file"] = case.file_name(index)
        result["data"] = case.data
    path.unlink(missing_ok=True)
    return result


def run_chunk(indices: list[int], seed: int, big_share: float, timeout: int) -> list[dict]:
    return [run_one(i, seed, big_share, timeout) for i in indices]


def _cause(crash: str) -> str:
    """A crash message without ids, numbers and traceback, to group crashes by cause."""
    first = crash.split("\n")[0]
    first = re.sub(r"^'[^']*': ", "", first)
    first = re.sub(r"\b(entity|place|quote|event) [A-Z]\d+", r"\1 X", first)
    return re.sub(r"\d+", "N", first)[:200]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="inputs to generate (default 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", type=int, nargs="*", help="run only these input indices")
    parser.add_argument("--big-share", type=float, default=0.01, help="share of huge inputs (default 0.01)")
    parser.add_argument("--max-chars", type=int, default=1_000_000)
    parser.add_argument("--slow", type=float, default=10.0, help="an input slower than this is reported (s)")
    parser.add_argument("--timeout", type=int, default=300, help="an input is stopped after this (s)")
    parser.add_argument("--memory-gb", type=float, default=6.0, help="address-space ceiling per worker")
    parser.add_argument("--crashes", type=Path, help="folder to save crashing inputs in")
    args = parser.parse_args(argv)

    indices = args.only if args.only else list(range(args.n))
    work = tempfile.mkdtemp(prefix="eventwire-fuzz-")
    chunk = 20
    chunks = [indices[i:i + chunk] for i in range(0, len(indices), chunk)]
    results: list[dict] = []
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers, initializer=_init,
                             initargs=(args.max_chars, args.memory_gb, work)) as pool:
        futures = [pool.submit(run_chunk, c, args.seed, args.big_share, args.timeout) for c in chunks]
        for done, future in enumerate(futures, start=1):
            results += future.result()
            if done % 25 == 0 or done == len(futures):
                crashed = sum(1 for r in results if r["crashes"])
                print(f"  {len(results):,}/{len(indices):,} inputs, {crashed} crashed, "
                      f"{time.perf_counter() - started:,.0f} s", file=sys.stderr, flush=True)
    wall = time.perf_counter() - started
    return report(results, wall, args)


def report(results: list[dict], wall: float, args) -> int:
    crashed = [r for r in results if r["crashes"]]
    slow = [r for r in results if r["seconds"] > args.slow]
    errors = Counter(kind for r in results for kind in r["errors"])
    kinds = Counter(r["kind"].split(".")[0] for r in results)
    times = sorted(r["seconds"] for r in results)
    articles = sum(r["articles"] for r in results)
    print(f"inputs: {len(results):,} ({', '.join(f'{k} {n}' for k, n in kinds.most_common())}); "
          f"seed {args.seed}; {args.workers} workers")
    print(f"articles: {articles:,}, of which failed with an error: {sum(errors.values()):,}")
    print(f"crashes: {len(crashed)}")
    if crashed:
        folder = args.crashes or Path(tempfile.mkdtemp(prefix="eventwire-fuzz-crashes-"))
        folder.mkdir(parents=True, exist_ok=True)
        by_cause: dict[str, list[dict]] = {}
        for r in crashed:
            (folder / r["file"]).write_bytes(r["data"])
            for crash in dict.fromkeys(_cause(c) for c in r["crashes"]):
                by_cause.setdefault(crash, []).append(r)
        for cause, rs in sorted(by_cause.items(), key=lambda item: -len(item[1])):
            print(f"  {len(rs):4} x {cause}\n         e.g. " + ", ".join(f"#{r['index']} {r['kind']}" for r in rs[:5]))
        print(f"  crashing inputs saved in {folder} (run one again: --only INDEX --seed {args.seed})")
    print("errors by kind:")
    for kind, n in errors.most_common():
        print(f"  {n:6,}  {kind}")
    print(f"slowest {min(5, len(results))}:")
    for r in sorted(results, key=lambda r: -r["seconds"])[:5]:
        print(f"  #{r['index']} {r['kind']} ({r['bytes']:,} bytes, {r['articles']} articles): "
              f"{r['seconds']:.2f} s (ingest {r['ingest']:.2f}, pipeline {r['pipeline']:.2f}, store {r['store']:.2f})")
    print(f"over {args.slow:g} s: {len(slow)}" + "".join(f"\n  #{r['index']} {r['kind']}: {r['seconds']:.1f} s" for r in slow))
    if times:
        print(f"time per input: mean {statistics.fmean(times) * 1000:.0f} ms, median {times[len(times) // 2] * 1000:.0f} ms, "
              f"p99 {times[int(len(times) * 0.99) - 1 if len(times) >= 100 else -1] * 1000:.0f} ms, max {times[-1]:.2f} s")
    print(f"total: {wall:,.0f} s wall ({sum(times):,.0f} s in inputs)")
    return 1 if crashed or slow else 0


if __name__ == "__main__":
    sys.exit(main())
