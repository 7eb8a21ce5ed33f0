"""Does a long `eventwire run --workers N` stream in constant memory?

Writes a JSON Lines file of N articles (the texts of the project's examples/ repeated under new
ids, so nothing is read from outside the project), runs `eventwire run` on it in a subprocess and
samples the summed resident memory of that process and its workers every 200 ms. Prints the peak
over the first tenth of the articles and over the whole run: in constant memory the two are close.

    python bench/stream_memory.py --articles 2000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from rss import _rss_kb, _tree

REPO = Path(__file__).resolve().parents[1]


def example_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "examples").glob("*.txt"))]
    for line in (REPO / "examples" / "wire-feed.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    texts = example_texts()
    with tempfile.TemporaryDirectory() as folder:
        corpus, db = Path(folder) / "stream.jsonl", Path(folder) / "stream.duckdb"
        with corpus.open("w", encoding="utf-8") as out:
            for i in range(args.articles):
                out.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)],
                                      "published": "2025-03-01"}) + "\n")
        command = [str(REPO / ".venv" / "bin" / "eventwire"), "run", str(corpus), "--db", str(db),
                   "--workers", str(args.workers), "-v"]
        started = time.perf_counter()
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        stored, samples = 0, []

        def sample():
            while process.poll() is None:
                samples.append((stored, sum(_rss_kb(p) for p in _tree(process.pid)) / 1024))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        for line in process.stderr:
            stored += line.startswith("INFO eventwire.cli: ")
        process.wait()
        sampler.join()
        seconds = time.perf_counter() - started
    early = max((mb for n, mb in samples if n <= args.articles // 10), default=0)
    peak = max((mb for _, mb in samples), default=0)
    late = max((mb for n, mb in samples if n >= args.articles * 9 // 10), default=0)
    print(f"{stored} articles stored in {seconds:.0f} s ({stored / seconds:.1f}/s) with {args.workers} workers")
    print(f"peak memory (all processes): first tenth {early:.0f} MiB, last tenth {late:.0f} MiB, "
          f"whole run {peak:.0f} MiB")
    return 0 if process.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
