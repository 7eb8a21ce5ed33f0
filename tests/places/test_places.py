"""The places stage: toponym recognition, resolution and merging, on sentences written for the tests."""

import pytest

from eventwire.places.stage import place_mentions_in
from eventwire.registry import check_order

SEED = ("Fighters entered Kabul on Sunday. Qatar said talks in Doha would go on. Flights left "
        "Hamid Karzai International Airport for Afghanistan's neighbours, while Israel shelled the "
        "Gaza Strip.")


@pytest.fixture(scope="module")
def seed(run_stages):
    return run_stages(SEED, upto="places")


def names_of(doc):
    return [p.name for p in doc.places]


def place_named(doc, name):
    return next(p for p in doc.places if p.name == name)


def test_seed_finds_all_seven(seed):
    assert sorted(names_of(seed)) == sorted(["Kabul", "Qatar", "Doha", "Hamid Karzai International Airport",
                                             "Afghanistan", "Israel", "Gaza Strip"])


@pytest.mark.parametrize("name, lat, lon, country", [
    ("Kabul", 34.53, 69.17, "AF"), ("Doha", 25.29, 51.53, "QA"), ("Gaza Strip", 31.42, 34.36, "PS"),
    ("Hamid Karzai International Airport", 34.57, 69.21, "AF"),
])
def test_seed_coordinates(seed, name, lat, lon, country):
    place = place_named(seed, name)
    assert (place.lat, place.lon) == pytest.approx((lat, lon), abs=0.01)
    assert place.country == country


def test_ids_follow_first_mention_and_spans_point_at_names(seed):
    assert [p.id for p in seed.places] == [f"P{i}" for i in range(1, len(seed.places) + 1)]
    assert names_of(seed)[:3] == ["Kabul", "Qatar", "Doha"]
    assert [seed.text[s:e] for s, e in place_named(seed, "Gaza Strip").mentions] == ["Gaza Strip"]
    assert [seed.text[s:e] for s, e in place_named(seed, "Afghanistan").mentions] == ["Afghanistan"]


@pytest.mark.parametrize("text, phrase, capital", [
    ("Envoys met in the Qatari capital on Monday.", "the Qatari capital", "Doha"),
    ("Protesters gathered in the capital of Afghanistan.", "the capital of Afghanistan", "Kabul"),
])
def test_capital_phrases_resolve_to_the_capital(run_stages, text, phrase, capital):
    doc = run_stages(text, upto="places")
    place = place_named(doc, capital)
    assert [doc.text[s:e] for s, e in place.mentions] == [phrase]


def test_repeated_mentions_merge(run_stages):
    doc = run_stages("Kabul was quiet. Later, shots were heard in Kabul and in #Kabul.", upto="places")
    assert names_of(doc) == ["Kabul"]
    assert [doc.text[s:e] for s, e in doc.places[0].mentions] == ["Kabul", "Kabul", "Kabul"]


@pytest.mark.parametrize("text, not_a_place", [
    ("Hamas praised the Taliban on Monday.", None),
    ("An Afghan official met Israeli diplomats and Americans.", None),
    ("The Jerusalem Post reported the story.", "Jerusalem"),
    ("The U.S. State Department issued a statement.", "United States"),
    ("Michael Jordan scored. Jordan said he was tired.", "Jordan"),
])
def test_non_places_make_no_place(run_stages, text, not_a_place):
    doc = run_stages(text, upto="places")
    assert not_a_place not in names_of(doc) if not_a_place else names_of(doc) == []


@pytest.mark.parametrize("text, name, country, feature", [
    ("Talks resumed in Georgia, where Tbilisi hosted the envoys.", "Georgia", "GE", "country"),
    ("Officials in Mexico blamed the storm.", "Mexico", "MX", "country"),
    ("Flights to Paris were cancelled.", "Paris", "FR", "city"),
    ("The senator flew back to Washington.", "Washington", "US", "city"),
    ("A man was arrested in Springfield, Ill., on Friday.", "Springfield", "US", "city"),
])
def test_disambiguation(run_stages, text, name, country, feature):
    place = place_named(run_stages(text, upto="places"), name)
    assert (place.country, place.feature) == (country, feature)


def test_document_context_picks_the_local_town(run_stages):
    doc = run_stages("Storms hit Illinois. In Springfield, roofs were torn off.", upto="places")
    assert place_named(doc, "Springfield").lat == pytest.approx(39.8, abs=0.2)


def test_washington_dc_is_the_city(run_stages):
    place = place_named(run_stages("Washington said talks would go on.", upto="places"), "Washington")
    assert place.geonameid == 4140963


def test_place_mentions_in_a_span(seed):
    sentence_end = seed.text.index(".") + 1
    assert [p.name for p in place_mentions_in(seed, 0, sentence_end)] == ["Kabul"]
    assert [p.name for p in place_mentions_in(seed, sentence_end, len(seed.text))][:2] == ["Qatar", "Doha"]


@pytest.mark.parametrize("text, name, country", [
    # the parser calls these a PERSON or NORP; the preposition says they are places
    ("The road closure will affect people travelling to Cheltenham from Swindon.", "Cheltenham", "GB"),
    ("The train stops in Hilversum and Almelo.", "Almelo", "NL"),
    ("Officials in Tunis denied the report.", "Tunis", "TN"),
])
def test_a_locative_preposition_shows_a_mislabelled_place(run_stages, text, name, country):
    assert place_named(run_stages(text, upto="places"), name).country == country


def test_a_name_keeps_its_sense_through_the_article(run_stages):
    doc = run_stages("Officials in Tunis denied the report. Tunis later confirmed the visit.", upto="places")
    [place] = doc.places
    assert [doc.text[s:e] for s, e in place.mentions] == ["Tunis", "Tunis"]


def test_a_place_name_inside_an_outlet_name_stays_out(run_stages):
    doc = run_stages("The Jerusalem Post reported the story from Jerusalem.", upto="places")
    [place] = doc.places
    assert [doc.text[s:e] for s, e in place.mentions] == ["Jerusalem"]
    assert place.mentions[0][0] == doc.text.rindex("Jerusalem")


def test_places_declares_that_it_reads_and_codes_the_entities():
    # it puts countries in front of sector codes ("police" KENCOP): a pipeline without the
    # entities stage before it is refused before any article runs
    assert check_order(["verbatim", "parse", "places"]) == [
        "stage 'places' needs doc.entities, which no earlier stage assigns"]
    assert check_order(["verbatim", "parse", "entities", "places"]) == []
