"""Save a PNG of each view of the web explorer, to look at what a person sees.

Builds a database from the sample articles in examples/ and the test corpus in
tests/data/cluster-corpus/ (57 invented articles, several on the same events, so that clusters have many
reports), or takes --db, serves it on 127.0.0.1 and photographs each view with headless Chromium
(/usr/bin/chromium) into screenshots/.

Example:
    python scripts/screenshots.py                      # examples/ + corpus -> screenshots/*.png
    python scripts/screenshots.py --db news.duckdb --out /tmp/shots
"""

from __future__ import annotations

import argparse
import json
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from eventwire.ingest import read_inputs
from eventwire.pipeline import Pipeline
from eventwire.serve import create_app
from eventwire.serve.testing import chromium, running
from eventwire.store import Store

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1360, "height": 900}
INPUTS = [ROOT / "examples", ROOT / "tests" / "data" / "cluster-corpus"]


def build_database(path: Path, inputs: list[Path]) -> None:
    """Extract `inputs` into a new database at `path`, clusters included."""
    with Store(path) as store:
        for doc in Pipeline().pipe(read_inputs(inputs)):
            store.add(doc)
        store.build_clusters()


def views(url: str) -> dict[str, tuple]:
    """name -> (address, a selector that is there once the view has drawn[, a selector to click
    then, and one that is there once that is done])."""
    def get(path):
        with urllib.request.urlopen(url + path) as response:
            return json.load(response)

    # an event with a source and a target that other articles report too, read from a quote if
    # there is one, shows the most
    events = [e for e in get("/api/events?limit=500")["events"] if e["source_names"] and e["target_names"]]
    events.sort(key=lambda e: -(e["num_articles"] or 0))  # stable: newest first among equals
    quoted = [e for e in events[:40] if get(f"/api/events/{e['doc_id']}/{e['event_id']}")["highlight"]["quote"]]
    event = (quoted or events)[0]
    speaker = get("/api/speakers?limit=1")[0]["name"]
    # open a cluster of a few articles (the most reported ones fill the screen), else the first
    clusters = get("/api/clusters?limit=50")["clusters"]
    row = next((i for i, c in enumerate(clusters) if 1 < c["num_articles"] <= 4), 0)
    # attacks in the country of the most reported one, so that the table shows "×4" badges
    assault = get("/api/clusters?type=ASSAULT&limit=1")["clusters"]
    country = assault[0]["country"] if assault and assault[0]["country"] else ""
    return {
        "1-events": ("/#/events", "table.events tbody tr"),
        "2-events-assault": (f"/#/events?type=ASSAULT{country and '&place=' + country}", "table.events tbody tr"),
        "3-clusters": ("/#/clusters", "table.clusters tr.cluster",
                       f"table.clusters tr.cluster >> nth={row}", "tr.members ol.reports"),
        "4-article": (f"/#/event/{event['doc_id']}/{event['event_id']}", ".text mark.evidence"),
        "5-timeline": ("/#/timeline", "svg.timeline rect.bar"),
        "6-map": ("/#/map", "svg.map circle.dot"),
        # the links of two or more events: with every link, 160 actors crowd their labels
        "7-network": ("/#/network?min_weight=2", "svg.network circle"),
        "8-quotes": (f"/#/quotes?speaker={urllib.parse.quote(speaker)}", ".quote-item"),
        "9-api-docs": ("/api/docs", "section.endpoint"),
    }


def shoot(db: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with Store(db, read_only=True) as store, running(create_app(store)) as url, chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        for name, (address, ready, *then) in views(url).items():
            page.goto("about:blank")  # a fresh page each time, not just a new #hash
            page.goto(url + address)
            page.wait_for_selector(ready)
            if then:
                click, done = then
                page.click(click)
                page.wait_for_selector(done)
            page.wait_for_load_state("networkidle")
            saved.append(out / f"{name}.png")
            page.screenshot(path=saved[-1])
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to show (default: built from examples/ "
                        "and tests/data/cluster-corpus/)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNGs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "explorer.duckdb"
            build_database(db, INPUTS)
        for path in shoot(db, args.out):
            print(path)


if __name__ == "__main__":
    main()
