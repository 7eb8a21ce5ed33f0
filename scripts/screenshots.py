"""Save a PNG of each view of the web explorer, to look at what a person sees.

Builds a database from the sample articles in examples/ (or takes --db), serves it on
127.0.0.1 and photographs each view with headless Chromium (/usr/bin/chromium) into screenshots/.

Example:
    python scripts/screenshots.py                      # examples/ -> screenshots/*.png
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


def build_database(path: Path, inputs: list[Path]) -> None:
    """Extract `inputs` into a new database at `path`, clusters included."""
    with Store(path) as store:
        for doc in Pipeline().pipe(read_inputs(inputs)):
            store.add(doc)
        store.build_clusters()


def views(url: str) -> dict[str, tuple[str, str]]:
    """name -> (address, a selector that is there once the view has drawn)."""
    def get(path):
        with urllib.request.urlopen(url + path) as response:
            return json.load(response)

    # an event with a source and a target, read from a quote if there is one, shows the most
    events = [e for e in get("/api/events?limit=500")["events"] if e["source_names"] and e["target_names"]]
    quoted = [e for e in events if get(f"/api/events/{e['doc_id']}/{e['event_id']}")["highlight"]["quote"]]
    event = (quoted or events)[0]
    speaker = get("/api/speakers?limit=1")[0]["name"]
    return {
        "1-events": ("/#/events", "table.events tbody tr"),
        "2-events-assault": ("/#/events?type=ASSAULT", "table.events tbody tr"),
        "3-article": (f"/#/event/{event['doc_id']}/{event['event_id']}", ".text mark.evidence"),
        "4-timeline": ("/#/timeline", "svg.timeline rect.bar"),
        "5-map": ("/#/map", "svg.map circle.dot"),
        "6-network": ("/#/network", "svg.network circle"),
        "7-quotes": (f"/#/quotes?speaker={urllib.parse.quote(speaker)}", ".quote-item"),
        "8-api-docs": ("/api/docs", "section.endpoint"),
    }


def shoot(db: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with Store(db, read_only=True) as store, running(create_app(store)) as url, chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        for name, (address, ready) in views(url).items():
            page.goto("about:blank")  # a fresh page each time, not just a new #hash
            page.goto(url + address)
            page.wait_for_selector(ready)
            page.wait_for_load_state("networkidle")
            saved.append(out / f"{name}.png")
            page.screenshot(path=saved[-1])
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to show (default: built from examples/)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNGs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "examples.duckdb"
            build_database(db, [ROOT / "examples"])
        for path in shoot(db, args.out):
            print(path)


if __name__ == "__main__":
    main()
