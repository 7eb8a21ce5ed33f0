"""The places stage: toponyms resolved to GeoNames."""

import pytest


def _place(doc, name):
    return next(p for p in doc.places if p.name == name)


@pytest.mark.parametrize("text, name, country, lat, lon", [
    ("The ministers met in Nairobi on Tuesday.", "Nairobi", "KE", -1.28, 36.82),
    ("Talks resumed in Doha after a week of delays.", "Doha", "QA", 25.29, 51.53),
    ("Aid trucks crossed into the Gaza Strip at dawn.", "Gaza Strip", "PS", 31.4, 34.4),
])
def test_places_resolve_toponyms_to_coordinates(run_stages, text, name, country, lat, lon):
    place = _place(run_stages(text, upto="places"), name)
    assert place.country == country
    assert abs(place.lat - lat) < 0.5 and abs(place.lon - lon) < 0.5


def test_places_demonym_capital_is_the_capital_city(run_stages):
    doc = run_stages("The delegations met in the Qatari capital on Sunday.", upto="places")
    assert [p.name for p in doc.places] == ["Doha"]


def test_places_country_name_resolves_to_the_country(run_stages):
    doc = run_stages("Officials in Jordan said the border would reopen.", upto="places")
    assert _place(doc, "Jordan").feature == "country"


def test_places_demonyms_and_organisation_names_are_not_places(run_stages):
    doc = run_stages("Kenyan officials told the Jerusalem Post that talks would continue.", upto="places")
    assert doc.places == []


def test_places_repeated_mentions_share_one_place(run_stages):
    doc = run_stages("Protesters gathered in Lima. Police in Lima dispersed them.", upto="places")
    assert len(_place(doc, "Lima").mentions) == 2
