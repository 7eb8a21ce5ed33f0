"""Time `Store.build_clusters` on a synthetic database of N articles with one event each.

The events are drawn from a small world (types, 40 countries' state and rebel actors, 30 days, 200
towns), so many reports share a type, dyad and day, as in a real news stream. Nothing is read
from outside the project.

    python bench/cluster_bench.py --articles 100000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from eventwire.store import Store

SYNTHETIC = """
INSERT INTO documents (id, published, publisher, url)
SELECT 'd' || i, DATE '2025-03-01' + CAST(i % 30 AS INTEGER), 'outlet ' || (i % 50),
    'https://example.org/' || i FROM range(?) t(i);
INSERT INTO events (doc_id, event_id, type, cameo, source_codes, source_names, target_codes,
    target_names, date, place_name, country, lat, lon, evidence, start, negated)
SELECT 'd' || i, 'V1', (['ASSAULT', 'PROTEST', 'ACCUSE', 'CONSULT', 'AID'])[1 + i % 5], '190',
    ['C' || lpad(CAST(i % 40 AS VARCHAR), 2, '0') || (['MIL', 'REB'])[1 + (i // 40) % 2]],
    ['actor ' || (i % 80)], ['T' || lpad(CAST((i // 7) % 40 AS VARCHAR), 2, '0')], ['target'],
    CAST(DATE '2025-03-01' + CAST((i // 3) % 30 AS INTEGER) AS VARCHAR), 'town ' || (i % 200),
    'XX', (i % 200) * 0.5 - 50, (i % 200) * 0.7 - 70, 'sentence ' || i, 0, false
FROM range(?) t(i);
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        for statement in filter(str.strip, SYNTHETIC.split(";")):
            store.con.execute(statement, [args.articles])
        started = time.perf_counter()
        clusters = store.build_clusters()
        seconds = time.perf_counter() - started
    print(f"{args.articles} events -> {clusters} clusters in {seconds:.2f} s "
          f"({args.articles / seconds:,.0f} events/s)")


if __name__ == "__main__":
    main()
