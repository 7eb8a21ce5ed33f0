"""The web explorer's JSON API over a database of the sample articles in examples/ and the test
corpus in tests/data/cluster-corpus/ (57 invented articles, several reporting the same events).

The database is built once for the module by the real pipeline. Answers are checked against the
sample articles and against the database itself (the store's own queries, counts in SQL).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    # Starlette 1.x would rather have httpx2 than httpx; httpx works, and is what we install.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.serve import create_app
from eventwire.serve.queries import sector_codes
from eventwire.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "cluster-corpus"
FILTERED = ["/api/events", "/api/timeline", "/api/map", "/api/network", "/api/clusters"]
FILTERS = {"actor", "type", "since", "until", "place", "q", "include_negated"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, pipeline) -> Path:
    path = tmp_path_factory.mktemp("serve") / "explorer.duckdb"
    with Store(path) as store:
        for doc in pipeline.pipe(read_inputs([EXAMPLES, CORPUS])):
            assert doc.error is None, doc.error
            store.add(doc)
        store.build_clusters()
    return path


@pytest.fixture(scope="module")
def store(db_path):
    with Store(db_path, read_only=True) as store:
        yield store


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store)) as client:
        yield client


@pytest.fixture(scope="module")
def all_events(client) -> list[dict]:
    data = client.get("/api/events", params={"limit": 500}).json()
    assert data["total"] == len(data["events"])
    return data["events"]


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def every(client, path, key, **params) -> list[dict]:
    """All the rows of a paged endpoint, page after page."""
    found, total = [], None
    while total is None or len(found) < total:
        page = get(client, path, **params, limit=500, offset=len(found))
        total = page["total"]
        assert page[key] or len(found) == total
        found += page[key]
    return found


def keys(events):
    return [(e["doc_id"], e["event_id"]) for e in events]


def test_events_are_the_stored_events_newest_first(client, store, all_events):
    expected = store.events(limit=None)
    assert keys(all_events) == keys(expected)
    assert len(all_events) == store.query("SELECT count(*) AS n FROM events WHERE NOT negated")[0]["n"]
    assert {e["doc_id"] for e in all_events} == {r["doc_id"] for r in store.query(
        "SELECT DISTINCT doc_id FROM events WHERE NOT negated")}
    assert {"eu-belarus-sanctions", "korea-missile-launch", "peru-water-law-protest",
            "sudan-truce-addis-ababa", "somalia-bulo-burde-recaptured", "colombia-eln-talks-arauca",
            "harbour-herald-nabatieh-strikes"} <= {e["doc_id"] for e in all_events}
    dates = [e["date"] for e in all_events]
    assert dates == sorted(dates, reverse=True)
    first = all_events[0]
    assert first["title"] and first["evidence"] and first["cluster_id"] and first["num_articles"] >= 1


def test_filter_by_actor_matches_names_and_codes_on_either_side(client, store):
    events = get(client, "/api/events", actor="eln", limit=500)["events"]
    assert keys(events) == keys(store.events(actor="eln", limit=None))
    assert {e["doc_id"] for e in events} == {"colombia-eln-talks-arauca"}
    for e in events:
        names = e["source_names"] + e["target_names"] + e["source_codes"] + e["target_codes"]
        assert any("eln" in (n or "").lower() for n in names)
    by_code = get(client, "/api/events", actor="COLREB", limit=500)["events"]
    assert by_code and all("COLREB" in e["source_codes"] + e["target_codes"] for e in by_code)


def test_filter_by_type_any_case(client, store):
    events = get(client, "/api/events", type="assault", limit=500)["events"]
    assert events and {e["type"] for e in events} == {"ASSAULT"}
    assert keys(events) == keys(store.events(type="ASSAULT", limit=None))
    evidence = " ".join(e["evidence"] for e in events)
    assert "gunmen attacked a military base" in evidence  # colombia-eln-talks-arauca


def test_filter_by_dates_place_and_text(client, all_events):
    march = get(client, "/api/events", since="2024-03", until="2024-03", limit=500)
    assert march["total"] > 0

    def in_march(date):  # an event dated only "2024" may have been in March 2024
        return date.startswith("2024-03") or "2024-03".startswith(date)

    assert keys(march["events"]) == keys(e for e in all_events if in_march(e["date"]))
    assert "peru-water-law-protest" in {e["doc_id"] for e in march["events"]}
    assert any(e["date"] == "2024" for e in march["events"])

    arauca = get(client, "/api/events", place="arauca", limit=500)["events"]
    assert arauca and {e["place_name"] for e in arauca} == {"Arauca"}
    by_country = get(client, "/api/events", place="KP", limit=500)["events"]
    assert by_country and {e["country"] for e in by_country} == {"KP"}

    gas = get(client, "/api/events", q="TEAR GAS", limit=500)["events"]
    assert gas and all("tear gas" in e["evidence"].lower() for e in gas)
    assert keys(gas) == keys(e for e in all_events if "tear gas" in e["evidence"].lower())
    assert {"peru-water-law-protest", "daily-compass-kenya-tear-gas-nairobi"} <= {e["doc_id"] for e in gas}


def test_negated_events_only_on_request(client, store):
    negated = store.query("SELECT count(*) AS n FROM events WHERE negated")[0]["n"]
    assert negated > 0
    plain = get(client, "/api/events", limit=1)["total"]
    events = every(client, "/api/events", "events", include_negated="true")
    assert len(events) == plain + negated
    assert sum(e["negated"] for e in events) == negated


def test_pages_add_up_to_the_whole(client, all_events):
    seen = []
    for offset in range(0, len(all_events) + 7, 7):
        page = get(client, "/api/events", limit=7, offset=offset)
        assert page["total"] == len(all_events) and page["offset"] == offset
        seen += page["events"]
    assert keys(seen) == keys(all_events)
    assert get(client, "/api/events", offset=10_000)["events"] == []


@pytest.mark.parametrize("params, words", [
    ({"limit": 501}, "less than or equal to 500"),
    ({"limit": 0}, "greater than or equal to 1"),
    ({"offset": -1}, "greater than or equal to 0"),
    ({"since": "2024-1"}, "should match pattern"),
    ({"until": "last week"}, "should match pattern"),
    ({"type": "EXPLODE"}, "unknown event type 'EXPLODE'; one of AGREE"),
    ({"include_negated": "perhaps"}, "valid boolean"),
])
def test_bad_parameters_say_what_is_wrong(client, params, words):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert words in response.text


def test_unknown_ids_are_404(client):
    assert client.get("/api/documents/no-such-article").status_code == 404
    assert client.get("/api/events/no-such-article/V1").json() == {"detail": "no event 'V1' in 'no-such-article'"}
    assert client.get("/api/events/peru-water-law-protest/V999").status_code == 404
    assert client.get("/api/timeline", params={"by": "week"}).status_code == 422


def test_document_spans_match_its_text(client, store):
    doc = get(client, "/api/documents/peru-water-law-protest")
    assert doc["title"] == "Farmers clash with riot police in Lima over water law"
    assert doc["published"] == "2024-03-03"
    text, spans = doc["text"], doc["spans"]
    stored = store.query("SELECT text FROM mentions WHERE doc_id = ? ORDER BY start, entity_id",
                         ["peru-water-law-protest"])
    assert [text[m["start"]:m["end"]] for m in spans["mentions"]] == [m["text"] for m in stored]
    assert any(m["name"] == "Ombudsman's Office" for m in spans["mentions"])
    quotes = store.query("SELECT text FROM quotes WHERE doc_id = ? ORDER BY start, quote_id",
                         ["peru-water-law-protest"])
    assert [text[q["start"]:q["end"]] for q in spans["quotes"]] == [q["text"] for q in quotes]
    events = every(client, "/api/events", "events", include_negated="true")
    evidence = {e["event_id"]: e["evidence"] for e in events if e["doc_id"] == doc["id"]}
    assert {e["event_id"]: text[e["start"]:e["end"]] for e in spans["events"]} == evidence


def test_event_view_highlights_evidence_actors_and_quote(client, store, all_events):
    with_quote = store.query("""SELECT d.id, json_extract_string(ev, '$.id') AS event_id,
        json_extract_string(ev, '$.quote') AS quote_id FROM documents d,
        unnest(json_extract(d.record, '$.events[*]')) AS t(ev)
        WHERE json_extract_string(ev, '$.quote') IS NOT NULL AND NOT CAST(ev->'negated' AS BOOLEAN)
        ORDER BY d.id, event_id LIMIT 1""")[0]
    view = get(client, f"/api/events/{with_quote['id']}/{with_quote['event_id']}")
    event, doc, highlight = view["event"], view["document"], view["highlight"]
    text = doc["text"]
    assert text[highlight["evidence"]["start"]:highlight["evidence"]["end"]] == event["evidence"]
    assert highlight["quote"]["quote_id"] == with_quote["quote_id"]
    roles = {i: "source" for i in event["source_ids"]} | {i: "target" for i in event["target_ids"]}
    assert highlight["actors"], "the event's actors are mentioned in the article"
    for m in highlight["actors"]:
        assert roles[m["entity_id"]] == m["role"]
        names = event["source_names"] if m["role"] == "source" else event["target_names"]
        assert m["name"] in names
    listed = next(e for e in all_events if (e["doc_id"], e["event_id"]) == (with_quote["id"], with_quote["event_id"]))
    assert listed["evidence"] == event["evidence"] and listed["type"] == event["type"]


@pytest.mark.parametrize("by, width", [("day", 10), ("month", 7)])
def test_timeline_counts_are_the_events(client, all_events, by, width):
    timeline = get(client, "/api/timeline", by=by)
    expected = Counter((e["date"][:width], e["type"]) for e in all_events if len(e["date"]) >= width)
    assert {(b["date"], b["type"]): b["count"] for b in timeline["buckets"]} == expected
    counted = sum(b["count"] for b in timeline["buckets"]) + sum(t["count"] for t in timeline["imprecise"])
    assert counted == timeline["total"] == len(all_events)
    assaults = get(client, "/api/timeline", by=by, type="ASSAULT")
    assert {b["type"] for b in assaults["buckets"]} == {"ASSAULT"}
    assert assaults["total"] == sum(e["type"] == "ASSAULT" for e in all_events)


def test_map_counts_events_by_place(client, all_events):
    data = get(client, "/api/map")
    located = [e for e in all_events if e["lat"] is not None]
    assert data["total"] == len(all_events) and data["located"] == len(located)
    expected = Counter((e["place_name"], e["lat"], e["lon"]) for e in located)
    assert {(p["place"], p["lat"], p["lon"]): p["count"] for p in data["points"]} == expected
    arauca = next(p for p in data["points"] if p["place"] == "Arauca")
    assert arauca["country"] == "CO" and sum(t["count"] for t in arauca["types"]) == arauca["count"]
    assert get(client, "/api/map", place="arauca")["located"] == arauca["count"]


def actor_key(name, code):
    return name if code is None or code in sector_codes() else code


def test_network_edges_weigh_the_events(client, all_events):
    data = get(client, "/api/network", limit=2000)
    expected = Counter()
    for e in all_events:
        pairs = {(actor_key(s, sc), actor_key(t, tc))
                 for s, sc in zip(e["source_names"], e["source_codes"])
                 for t, tc in zip(e["target_names"], e["target_codes"])}
        expected.update((s, t) for s, t in pairs if s != t)
    assert {(x["source"], x["target"]): x["weight"] for x in data["edges"]} == expected
    nodes = {n["id"]: n for n in data["nodes"]}
    assert {x for edge in expected for x in edge} == set(nodes)
    assert nodes["COLREB"]["label"] == "ELN"
    # a bare sector code does not lump actors together: the army is known by its name
    assert "MIL" not in nodes and "army" in nodes
    heavy = get(client, "/api/network", min_weight=2)
    assert heavy["edges"] and all(x["weight"] >= 2 for x in heavy["edges"])
    assert {(x["source"], x["target"]) for x in heavy["edges"]} == {k for k, w in expected.items() if w >= 2}


def test_speakers_and_their_quotes(client, store):
    speakers = get(client, "/api/speakers", limit=500)
    stored = Counter(r["speaker_name"] for r in store.query("SELECT speaker_name FROM quotes")
                     if r["speaker_name"])
    assert {s["name"]: s["quotes"] for s in speakers} == stored
    keita = next(s for s in speakers if s["name"] == "Moussa Diallo Keita")
    quotes = get(client, "/api/quotes", speaker="Moussa Diallo Keita", exact="true")
    assert quotes["total"] == keita["quotes"] and len(quotes["quotes"]) == keita["quotes"]
    assert any(q["text"] == "This is a first step, not a peace deal," for q in quotes["quotes"])
    for q in quotes["quotes"]:
        assert q["doc_id"] == "sudan-truce-addis-ababa" and q["cue"] and q["date"]
    part = get(client, "/api/quotes", speaker="keita")
    assert part["total"] >= keita["quotes"]
    assert all("keita" in q["speaker"].lower() for q in part["quotes"])


def test_clusters_are_the_stored_clusters(client, store, all_events):
    data = get(client, "/api/clusters", limit=500)
    assert data["total"] == len(data["clusters"]) == store.query(
        "SELECT count(*) AS n FROM event_clusters")[0]["n"]
    by_id = {c["cluster_id"]: c for c in data["clusters"]}
    for e in all_events:
        assert by_id[e["cluster_id"]]["num_articles"] == e["num_articles"]
        assert e["doc_id"] in by_id[e["cluster_id"]]["doc_ids"]
    assert sum(c["num_events"] for c in data["clusters"]) == len(all_events)
    assaults = get(client, "/api/clusters", type="ASSAULT", limit=500)["clusters"]
    assert assaults and {c["type"] for c in assaults} == {"ASSAULT"}
    page = get(client, "/api/clusters", limit=5, offset=5)
    assert [c["cluster_id"] for c in page["clusters"]] == [c["cluster_id"] for c in data["clusters"][5:10]]


def test_a_cluster_has_the_events_that_name_it(client, store):
    clusters = get(client, "/api/clusters", limit=500)["clusters"]
    several = [c for c in clusters if c["num_articles"] > 1]
    assert len(several) >= 10, "the corpus reports events in several articles"
    documents = {r["id"]: r for r in store.query(
        "SELECT id, title, publisher, CAST(published AS VARCHAR) AS published, url FROM documents")}
    for cluster in several + clusters[-10:]:
        view = get(client, f"/api/clusters/{cluster['cluster_id']}")
        assert view["cluster"] == cluster
        events = view["events"]
        members = store.query("SELECT doc_id, event_id, evidence FROM events WHERE cluster_id = ? "
                              "ORDER BY doc_id, event_id", [cluster["cluster_id"]])
        assert sorted(keys(events)) == keys(members) and len(events) == cluster["num_events"]
        # article by article in the order they were reported, as the cluster lists them
        assert list(dict.fromkeys(e["doc_id"] for e in events)) == cluster["doc_ids"]
        assert len(cluster["doc_ids"]) == cluster["num_articles"]
        assert {e["evidence"] for e in events} == set(cluster["evidence"])
        for e in events:
            doc = documents[e["doc_id"]]
            assert (e["title"], e["publisher"], e["published"], e["url"]) == (
                doc["title"], doc["publisher"], doc["published"], doc["url"])
    nabatieh = next(c for c in several if "harbour-herald-nabatieh-strikes" in c["doc_ids"])
    assert nabatieh["type"] == "ASSAULT" and nabatieh["num_articles"] >= 7
    one = get(client, f"/api/clusters/{nabatieh['cluster_id']}")["events"][0]
    shown = get(client, f"/api/events/{one['doc_id']}/{one['event_id']}")["event"]
    assert shown["cluster_id"] == nabatieh["cluster_id"] and shown["evidence"] == one["evidence"]

    missing = client.get("/api/clusters/C000000000000")
    assert missing.status_code == 404 and missing.json() == {"detail": "no cluster 'C000000000000'"}
    assert client.get("/api/clusters/x' OR '1'='1").status_code == 404


@pytest.mark.parametrize("param", ["actor", "place", "q"])
def test_quote_characters_are_values_not_sql(client, param):
    for value in ["' OR 1=1 --", "x') OR ('1'='1", '"; DROP TABLE events; --']:
        for path in FILTERED:
            response = client.get(path, params={param: value})
            assert response.status_code == 200, (path, response.text)
        assert get(client, "/api/events", **{param: value})["total"] == 0
        assert get(client, "/api/network", **{param: value})["edges"] == []
    assert get(client, "/api/quotes", speaker="' OR 1=1 --")["total"] == 0
    assert client.get("/api/documents/x' OR '1'='1").status_code == 404
    assert get(client, "/api/events", limit=1)["total"] > 0  # the events are all still there


def test_openapi_documents_every_endpoint_and_parameter(client):
    spec = get(client, "/api/openapi.json")
    paths = spec["paths"]
    assert set(paths) == {"/api/summary", "/api/events", "/api/events/{doc_id}/{event_id}",
                          "/api/documents/{doc_id}", "/api/timeline", "/api/map", "/api/network",
                          "/api/speakers", "/api/quotes", "/api/clusters", "/api/clusters/{cluster_id}"}
    for path, methods in paths.items():
        op = methods["get"]
        assert op["summary"] and op["description"], path
        assert op["responses"]["200"]["content"]["application/json"]["schema"], path
        for param in op.get("parameters", []):
            assert param.get("description"), (path, param["name"])
    for path in FILTERED:
        assert FILTERS <= {p["name"] for p in paths[path]["get"]["parameters"]}, path
    assert {"limit", "offset"} <= {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"speaker", "exact"} <= {p["name"] for p in paths["/api/quotes"]["get"]["parameters"]}
    assert "min_weight" in {p["name"] for p in paths["/api/network"]["get"]["parameters"]}
    assert "EventPage" in spec["components"]["schemas"]


def test_pages_are_served_and_load_nothing_from_elsewhere(client):
    for path in ["/", "/api/docs"]:
        response = client.get(path)
        assert response.status_code == 200 and "<html" in response.text
        assert "default-src 'self'" in response.headers["content-security-policy"]
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    static = Path(__file__).resolve().parents[2] / "src/eventwire/serve/static"
    for path in [*static.glob("*.html"), *static.glob("*.css"), *static.glob("js/*.js")]:
        urls = set(re.findall(r"https?://[^\s\"'`)]+", path.read_text()))
        assert urls <= {"http://www.w3.org/2000/svg"}, path  # a namespace name, never fetched
        assert client.get(f"/static/{path.relative_to(static)}").status_code == 200


def test_summary(client, all_events):
    summary = get(client, "/api/summary")
    assert summary["documents"] == 6 + 57 and summary["failed"] == 0
    assert summary["events"] == len(all_events)
    assert {t["type"]: t["count"] for t in summary["types"]} == Counter(e["type"] for e in all_events)
    assert summary["date_first"] == min(e["date"] for e in all_events)


def test_serve_command_needs_a_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert "no database at" in result.output and "eventwire run" in result.output
