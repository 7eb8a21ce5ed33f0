"""Checks that a gold record, and the corpus as a whole, is what GUIDELINES.md says it is.

`problems(record)` lists what is wrong with one article; `corpus_problems(records)` what is wrong
across articles (repeated ids, a split not the one the id fixes). Every message names the article
and the item.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

from . import vocab
from .markup import split_of

CODE = re.compile(r"^(?:[A-Z]{3})+$")
DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
TIMEX_VALUE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2}(?:T[\dA-Z:]+)?)?|-W\d{2}(?:-WE)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
                         r"|\d{3}|\d{2}|P[\dYMWDTHS.X]+|T\d{2}:\d{2}|PAST_REF|PRESENT_REF|FUTURE_REF)$")
GEONAMES_COUNTRIES = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "countries.tsv"


@lru_cache(maxsize=1)
def iso_codes() -> tuple[frozenset[str], frozenset[str]]:
    """ISO 3166 alpha-3 and alpha-2 codes of eventwire's country table."""
    iso3, iso2 = set(), set()
    for line in GEONAMES_COUNTRIES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            iso2.add(fields[0])
            iso3.add(fields[1])
    return frozenset(iso3), frozenset(iso2)


def problems(record: dict) -> list[str]:
    """What is wrong with one article record, each as 'ID ITEM: problem'."""
    found: list[str] = []
    name = record.get("id", "?")

    def bad(item: str, message: str) -> None:
        found.append(f"{name} {item}: {message}")

    _check_header(record, bad)
    text = record.get("text", "")
    _check_spans(record, text, bad)
    entity_ids = {e["id"] for e in record["entities"]}
    place_ids = {p["id"] for p in record["places"]}
    count_ids = {c["id"] for c in record["counts"]}
    described = entity_ids | place_ids | count_ids | {e["id"] for e in record["events"]}
    described |= {q["id"] for q in record["quotes"]} | {t["id"] for t in record["times"]}
    described |= {q.get("cue_id") for q in record["quotes"]}
    for marked_id, times in record.get("_marked_ids", {}).items():
        if marked_id not in described:
            bad(marked_id, "marked in the text but not described in the annotations")
        if times > 1 and marked_id[0] in "VCND":
            bad(marked_id, f"marked {times} times: an {marked_id[0]} id marks one span")
    for entity in record["entities"]:
        _check_entity(entity, bad)
    event_ids = {e["id"] for e in record["events"]}
    for event in record["events"]:
        _check_event(event, entity_ids, place_ids, count_ids, bad)
        if event.get("same_as") is not None and event["same_as"] not in event_ids - {event["id"]}:
            bad(event["id"], f"same_as {event['same_as']!r} is not another event of the article")
    for quote in record["quotes"]:
        _check_quote(quote, entity_ids, bad)
    for place in record["places"]:
        _check_place(place, bad)
    for count in record["counts"]:
        _check_count(count, bad)
    for time in record["times"]:
        if not time.get("span"):
            bad(time["id"], "time expression not marked in the text")
        if time.get("value") is not None and not TIMEX_VALUE.match(str(time["value"])):
            bad(time["id"], f"value {time['value']!r} is not a TIMEX3 value")
    return found


def corpus_problems(records: list[dict]) -> list[str]:
    """What is wrong across articles: repeated ids and splits other than the one the id fixes."""
    found = []
    seen: set[str] = set()
    for record in records:
        if record["id"] in seen:
            found.append(f"{record['id']}: the id is used by more than one article")
        seen.add(record["id"])
        if record.get("split") != split_of(record["id"]):
            found.append(f"{record['id']}: split {record.get('split')!r}, but its id fixes {split_of(record['id'])!r}")
    return found


def _check_header(record: dict, bad) -> None:
    try:
        published = dt.date.fromisoformat(record.get("published", ""))
        if not dt.date(1990, 1, 1) <= published <= dt.date(2030, 12, 31):
            bad("published", f"{record['published']} is outside 1990-2030")
    except ValueError:
        bad("published", f"{record.get('published')!r} is not YYYY-MM-DD")
    if record.get("style") not in vocab.STYLES:
        bad("style", f"{record.get('style')!r} is not one of {vocab.STYLES}")
    iso3, _ = iso_codes()
    for country in record.get("countries", []):
        if country not in iso3:
            bad("countries", f"{country!r} is not an ISO 3166 alpha-3 code")
    if not record.get("countries"):
        bad("countries", "no country given")
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", record.get("id", "")):
        bad("id", "ids are lower-case words joined by hyphens")


def _check_spans(record: dict, text: str, bad) -> None:
    def check(item: str, span: dict | None) -> None:
        if span is None:
            return
        if not (0 <= span["start"] < span["end"] <= len(text)):
            bad(item, f"span {span['start']}-{span['end']} is empty or outside the text")
        elif text[span["start"]:span["end"]] != span["text"]:
            bad(item, f"span text {span['text']!r} is not the text at {span['start']}-{span['end']}")
        elif span["text"] != span["text"].strip():
            bad(item, f"span {span['text']!r} starts or ends with a space")

    for entity in record["entities"]:
        for mention in entity["mentions"]:
            check(entity["id"], mention)
    for place in record["places"]:
        for mention in place["mentions"]:
            check(place["id"], mention)
    for quote in record["quotes"]:
        for span in quote["spans"]:
            check(quote["id"], span)
        check(quote["id"] + " cue", quote.get("cue"))
    for event in record["events"]:
        check(event["id"], event.get("trigger"))
    for item in record["counts"] + record["times"]:
        check(item["id"], item.get("span"))


def _check_entity(entity: dict, bad) -> None:
    if not entity["mentions"]:
        bad(entity["id"], "entity never marked in the text")
    if entity.get("type") not in vocab.ENTITY_TYPES:
        bad(entity["id"], f"type {entity.get('type')!r} is not one of {vocab.ENTITY_TYPES}")
    if not entity.get("name"):
        bad(entity["id"], "entity has no name")
    code = entity.get("code")
    if code is not None and not CODE.match(code):
        bad(entity["id"], f"code {code!r} is not a CAMEO-style actor code (groups of three capitals)")
    unknown = set(entity) - {"id", "name", "type", "code", "mentions", "member_of", "note"}
    if unknown:
        bad(entity["id"], f"unknown fields {sorted(unknown)}")


def _check_event(event: dict, entity_ids: set, place_ids: set, count_ids: set, bad) -> None:
    item = event["id"]
    if not event.get("trigger"):
        bad(item, "event has no trigger marked in the text")
    kind = event.get("type")
    if kind not in vocab.TYPES:
        bad(item, f"type {kind!r} is not a PLOVER type")
        return
    mode = event.get("mode")
    if mode is not None and mode not in vocab.MODES.get(kind, ()):
        bad(item, f"mode {mode!r} is not a mode of {kind} ({vocab.MODES.get(kind, 'none')})")
    for context in event.get("context", []):
        if context not in vocab.CONTEXTS:
            bad(item, f"context {context!r} is not a PLOVER context")
    cameo = event.get("cameo")
    if not isinstance(cameo, str) or cameo not in vocab.cameo_codes():
        bad(item, f"cameo {cameo!r} is not a CAMEO event code")
    elif kind not in vocab.types_of_cameo(cameo):
        bad(item, f"cameo {cameo} does not go with {kind} (it carries {sorted(vocab.types_of_cameo(cameo))})")
    for role in ("source", "target"):
        value = event.get(role)
        if not isinstance(value, list):
            bad(item, f"{role} must be a list of entity ids")
            continue
        for entity_id in value:
            if entity_id not in entity_ids:
                bad(item, f"{role} {entity_id!r} is not an entity of the article")
    if event.get("factuality") not in vocab.FACTUALITY:
        bad(item, f"factuality {event.get('factuality')!r} is not one of {vocab.FACTUALITY}")
    date = event.get("date")
    if date is not None and not (isinstance(date, str) and DATE_VALUE.match(date)):
        bad(item, f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if event.get("place") is not None and event["place"] not in place_ids:
        bad(item, f"place {event['place']!r} is not a place of the article")
    for count_id in event.get("counts", []):
        if count_id not in count_ids:
            bad(item, f"count {count_id!r} is not a count of the article")
    unknown = set(event) - {"id", "trigger", "type", "mode", "context", "cameo", "source", "target",
                            "factuality", "date", "place", "counts", "same_as", "note"}
    if unknown:
        bad(item, f"unknown fields {sorted(unknown)}")


def _check_quote(quote: dict, entity_ids: set, bad) -> None:
    if not quote["spans"]:
        bad(quote["id"], "quote content never marked in the text")
    if quote.get("speaker") is not None and quote["speaker"] not in entity_ids:
        bad(quote["id"], f"speaker {quote['speaker']!r} is not an entity of the article")
    if quote.get("cue_id") and not quote.get("cue"):
        bad(quote["id"], f"cue {quote['cue_id']!r} is not marked in the text")
    if quote.get("cue_id") and not str(quote["cue_id"]).startswith("C"):
        bad(quote["id"], f"cue {quote['cue_id']!r} must be a C id")
    if quote.get("kind") not in vocab.QUOTE_KINDS:
        bad(quote["id"], f"kind {quote.get('kind')!r} is not one of {vocab.QUOTE_KINDS}")


def _check_place(place: dict, bad) -> None:
    if not place["mentions"]:
        bad(place["id"], "place never marked in the text")
    lat, lon = place.get("lat"), place.get("lon")
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and -90 <= lat <= 90 and -180 <= lon <= 180):
        bad(place["id"], f"lat/lon {lat!r}, {lon!r} are not coordinates")
    if place.get("geonameid") is not None and not isinstance(place["geonameid"], int):
        bad(place["id"], "geonameid must be an integer or null")
    _, iso2 = iso_codes()
    if place.get("country") not in iso2:
        bad(place["id"], f"country {place.get('country')!r} is not an ISO 3166 alpha-2 code")
    if not place.get("name"):
        bad(place["id"], "place has no name")


def _check_count(count: dict, bad) -> None:
    if not count.get("span"):
        bad(count["id"], "count not marked in the text")
    if count.get("kind") not in vocab.COUNT_KINDS:
        bad(count["id"], f"kind {count.get('kind')!r} is not one of {vocab.COUNT_KINDS}")
    value = count.get("value")
    if value is not None and not (isinstance(value, int) and value >= 0):
        bad(count["id"], f"value {value!r} must be a whole number or null")


def read_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
