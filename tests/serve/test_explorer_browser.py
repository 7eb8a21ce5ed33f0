"""The web explorer in a real browser: Debian's Chromium (/usr/bin/chromium) driven by Playwright.

One server (uvicorn in a thread on 127.0.0.1) over a database of the sample articles in
examples/ and the test corpus in tests/data/cluster-corpus/ (57 invented articles, several reporting the
same events, so that clusters have many reports), one browser for the module. Each test opens a view and checks what a person would
see against what the API says; every request the pages make is recorded and must stay on
127.0.0.1.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from eventwire.ingest import read_inputs
from eventwire.serve import create_app
from eventwire.serve.testing import chromium, running
from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [ROOT / "examples", ROOT / "tests" / "data" / "cluster-corpus"]


@pytest.fixture(scope="module")
def url(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("browser") / "explorer.duckdb"
    with Store(path) as store:
        for doc in pipeline.pipe(read_inputs(INPUTS)):
            store.add(doc)
        store.build_clusters()
    with Store(path, read_only=True) as store, running(create_app(store)) as base:
        yield base


@pytest.fixture(scope="module")
def requested() -> list[str]:
    """Every URL the pages asked for, in order."""
    return []


@pytest.fixture(scope="module")
def browser_page(url, requested):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("request", lambda request: requested.append(request.url))
        page.set_default_timeout(5000)
        yield page


@pytest.fixture
def page(browser_page):
    errors = []

    def record(error):
        errors.append(error)

    browser_page.on("pageerror", record)
    yield browser_page
    browser_page.remove_listener("pageerror", record)
    assert not errors, f"JavaScript errors: {errors}"


def api(url, path, **params):
    with urllib.request.urlopen(f"{url}{path}?{urllib.parse.urlencode(params)}") as response:
        return json.load(response)


def articles(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


def test_events_table_lists_the_newest_events(page, url):
    data = api(url, "/api/events", limit=50)
    page.goto(f"{url}/#/events")
    rows = page.locator("table.events tbody tr")
    rows.first.wait_for()
    assert rows.count() == len(data["events"]) == 50
    assert page.locator(".pager .count").inner_text() == f"1–50 of {data['total']} events"
    first = rows.first.locator("td")
    assert first.nth(0).inner_text() == data["events"][0]["date"]
    table = page.locator("table.events").inner_text()
    named = {n for e in data["events"] for n in e["source_names"] + e["target_names"] if n}
    assert named and all(name in table for name in named)
    page.get_by_role("link", name="Next →").click()
    end = min(100, data["total"])
    expect(page.locator(".pager .count")).to_have_text(f"51–{end} of {data['total']} events")


def test_filtering_by_type_narrows_the_table(page, url):
    total = api(url, "/api/events", limit=1)["total"]
    assaults = api(url, "/api/events", type="ASSAULT", limit=50)
    assert 0 < assaults["total"] < total
    page.goto(f"{url}/#/events")
    page.locator("table.events tbody tr").first.wait_for()
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.get_by_role("button", name="Apply").click()
    shown = len(assaults["events"])
    expect(page.locator(".pager .count")).to_have_text(f"1–{shown} of {assaults['total']} events")
    badges = page.locator("table.events tbody tr .type").all_inner_texts()
    assert badges == ["ASSAULT"] * shown
    assert "type=ASSAULT" in page.url
    evidence = page.locator("table.events td.evidence > a").all_inner_texts()
    assert evidence == [e["evidence"] for e in assaults["events"]]


def test_clicking_an_event_opens_its_article_with_the_evidence_marked(page, url):
    events = api(url, "/api/events", actor="COLREB", limit=500)["events"]
    event = next(e for e in events if e["source_names"] and e["target_names"])
    page.goto(f"{url}/#/events?actor=COLREB")
    row = page.locator("table.events tbody tr").filter(has_text=event["evidence"]).first
    row.locator("td.date").click()
    mark = page.locator(".text mark.evidence")
    mark.wait_for()
    assert mark.inner_text() == event["evidence"]
    assert page.locator(".article h2").inner_text() == event["title"]
    sources = page.locator(".text .actor.source")
    targets = page.locator(".text .actor.target")
    assert sources.count() >= 1 and targets.count() >= 1
    titles = [sources.nth(i).get_attribute("title") for i in range(sources.count())]
    assert any(event["source_names"][0] in title for title in titles)
    panel = page.locator("aside.panel").inner_text()
    assert event["type"] in panel and event["source_names"][0] in panel and event["target_names"][0] in panel
    assert page.locator(".text .quote").count() > 0  # quotes are underlined


def test_events_reported_by_several_articles_have_a_badge_to_their_cluster(page, url):
    events = api(url, "/api/events", type="ASSAULT", place="LB", limit=50)["events"]
    several = [e for e in events if e["num_articles"] > 1]
    assert several and len(several) < len(events)  # strikes on Hezbollah, and some one-offs
    page.goto(f"{url}/#/events?type=ASSAULT&place=LB")
    rows = page.locator("table.events tbody tr")
    rows.first.wait_for()
    assert rows.count() == len(events)
    for i, e in enumerate(events):
        badge = rows.nth(i).locator("a.reported")
        if e["num_articles"] > 1:
            assert badge.inner_text() == f"×{e['num_articles']}"
            assert badge.get_attribute("href") == f"#/cluster/{e['cluster_id']}"
        else:
            assert badge.count() == 0
    first = several[0]
    rows.nth(events.index(first)).locator("a.reported").click()
    reports = page.locator("tr.members li.report")  # the cluster, its reports open
    reports.first.wait_for()
    assert reports.count() == first["num_articles"]
    assert page.locator("table.clusters tr.cluster .articles").inner_text() == articles(first["num_articles"])
    assert page.locator("#tabs a.active").inner_text() == "Clusters"
    page.goto(f"{url}/#/cluster/C000000000000")
    expect(page.get_by_role("alert")).to_have_text("no cluster 'C000000000000'")


def test_clusters_view_lists_the_most_reported_first(page, url):
    data = api(url, "/api/clusters", limit=50)
    page.goto(f"{url}/#/clusters")
    rows = page.locator("table.clusters tr.cluster")
    rows.first.wait_for()
    assert rows.count() == len(data["clusters"]) == 50
    expect(page.locator(".pager .count")).to_have_text(f"1–50 of {data['total']} real-world events")
    counts = page.locator("table.clusters tr.cluster .articles").all_inner_texts()
    assert counts == [articles(c["num_articles"]) for c in data["clusters"]]
    assert data["clusters"][0]["num_articles"] > 1
    outlets = page.locator("table.clusters tr.cluster .outlets").all_inner_texts()
    assert outlets[0] == f"{data['clusters'][0]['num_sources']} outlets"
    first = rows.first.inner_text()
    assert data["clusters"][0]["source_codes"][0] in first and data["clusters"][0]["type"] in first
    # the filters carry over from the other views, and page as the events do
    page.goto(f"{url}/#/events?type=SANCTION")
    page.locator("table.events tbody tr").first.wait_for()
    page.locator("#tabs a[data-view=clusters]").click()
    sanctions = api(url, "/api/clusters", type="SANCTION", limit=50)["clusters"]
    expect(page.locator("table.clusters tr.cluster")).to_have_count(len(sanctions))
    assert set(page.locator("table.clusters .type").all_inner_texts()) == {"SANCTION"}


def test_a_cluster_opens_to_its_reports_and_each_to_its_article(page, url):
    cluster = api(url, "/api/clusters", limit=1)["clusters"][0]
    events = api(url, f"/api/clusters/{cluster['cluster_id']}")["events"]
    assert cluster["num_articles"] > 1
    page.goto(f"{url}/#/clusters")
    row = page.locator("table.clusters tr.cluster").first
    row.locator("td.place").click()
    reports = page.locator("tr.members li.report")
    reports.first.wait_for()
    assert row.locator("button.expand").get_attribute("aria-expanded") == "true"
    assert reports.count() == cluster["num_articles"]
    for report, doc_id in zip(reports.all(), cluster["doc_ids"]):
        title = next(e["title"] for e in events if e["doc_id"] == doc_id)
        assert report.locator(".title").inner_text() == title
    links = page.locator("tr.members a.evidence")
    assert set(links.all_inner_texts()) == set(cluster["evidence"])
    # the second article's sentence opens that article with the sentence marked
    second = next(e for e in events if e["doc_id"] == cluster["doc_ids"][1])
    link = links.filter(has_text=second["evidence"]).first
    assert link.get_attribute("href") == f"#/event/{second['doc_id']}/{second['event_id']}"
    link.click()
    mark = page.locator(".text mark.evidence")
    mark.wait_for()
    assert mark.inner_text() == second["evidence"]
    assert page.locator(".article h2").inner_text() == second["title"]
    panel = page.locator("aside.panel")
    assert f"{articles(cluster['num_articles'])}, {cluster['num_sources']} outlets" in panel.inner_text()
    # and back: a row closes again
    page.go_back()
    row = page.locator("table.clusters tr.cluster").first
    row.locator("td.place").click()
    page.locator("tr.members").wait_for()
    row.locator("td.place").click()
    expect(page.locator("tr.members")).to_be_hidden()
    assert row.locator("button.expand").get_attribute("aria-expanded") == "false"


def test_timeline_has_bars_for_the_types_present(page, url):
    timeline = api(url, "/api/timeline", by="month")
    page.goto(f"{url}/#/timeline")
    bars = page.locator("svg.timeline rect.bar")
    bars.first.wait_for()
    assert bars.count() == len(timeline["buckets"])
    drawn = {bars.nth(i).get_attribute("data-type") for i in range(bars.count())}
    assert drawn == {b["type"] for b in timeline["buckets"]}
    assert page.locator(".pager .count").inner_text() == f"{timeline['total']} events"
    legend = page.locator(".legend-list").inner_text()
    assert all(t in legend for t in drawn)


def test_map_draws_countries_and_event_dots(page, url):
    points = api(url, "/api/map")["points"]
    page.goto(f"{url}/#/map")
    dots = page.locator("svg.map circle.dot")
    dots.first.wait_for()
    assert page.locator("svg.map path.country").count() > 150
    assert dots.count() == len(points)
    arauca = page.locator("svg.map circle.dot[data-place='Arauca']")
    count = next(p["count"] for p in points if p["place"] == "Arauca")
    assert arauca.locator("title").text_content().startswith(f"Arauca, CO: {count} events")


def test_network_shows_actors_and_links(page, url):
    network = api(url, "/api/network")
    page.goto(f"{url}/#/network")
    nodes = page.locator("svg.network .node circle")
    nodes.first.wait_for()
    assert nodes.count() == len(network["nodes"])
    assert page.locator("svg.network path.edge").count() == len(network["edges"])
    labels = page.locator("svg.network text.label").all_text_contents()
    for name in ["ELN", "al-Shabaab", "North Korea", "European Union"]:
        assert name in labels
    edge = page.locator("svg.network path.edge[data-source='COLGOV'][data-target='COLREB']")
    assert edge.get_attribute("marker-end") == "url(#arrow)"


def test_quotes_view_lists_speakers_and_their_quotes(page, url):
    speakers = api(url, "/api/speakers", limit=500)  # as many as the page asks for
    page.goto(f"{url}/#/quotes")
    items = page.locator(".speakers li")
    items.first.wait_for()
    assert items.count() == len(speakers)
    page.locator(".speakers a").filter(has_text="Moussa Diallo Keita").click()
    quotes = page.locator(".quote-item")
    quotes.first.wait_for()
    keita = api(url, "/api/quotes", speaker="Moussa Diallo Keita", exact="true")
    assert quotes.count() == keita["total"]
    assert "This is a first step, not a peace deal," in page.locator(".quote-list").inner_text()
    quotes.first.locator("a").click()  # the article, with the quote in focus
    page.locator("mark.focus-quote").wait_for()
    assert page.locator("mark.focus-quote").inner_text() == keita["quotes"][0]["text"]


def test_api_docs_page_lists_the_endpoints(page, url):
    spec = api(url, "/api/openapi.json")
    page.goto(f"{url}/api/docs")
    sections = page.locator("section.endpoint")
    sections.first.wait_for()
    assert sections.count() == len(spec["paths"])
    text = page.locator("#docs").inner_text()
    for path in spec["paths"]:
        assert path in text
    assert "include_negated" in text and "min_weight" in text
    events = sections.filter(has_text="Events, newest first")
    events.locator("summary").click()
    events.locator("input[name=actor]").fill("eln")
    events.get_by_role("button", name="Send").click()
    events.locator("pre.response").wait_for()
    assert events.locator("pre.response").inner_text().startswith("200 OK")


def test_pages_load_nothing_from_other_hosts(page, url, requested):
    assert requested, "the tests above have loaded pages"
    hosts = {urllib.parse.urlsplit(u).hostname for u in requested if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}
