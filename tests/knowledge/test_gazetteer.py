"""The gazetteer: names to candidates with feature class, country, point and GeoNames id."""

import pytest

from eventwire.errors import DictionaryError
from eventwire.knowledge.gazetteer import Gazetteer, _extra_entry, gazetteer, lookup


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return gazetteer()


@pytest.mark.parametrize("name, feature, country, lat, lon", [
    ("Kabul", "city", "AF", 34.53, 69.17), ("Doha", "city", "QA", 25.29, 51.53),
    ("Qatar", "country", "QA", 25.5, 51.25), ("the Gaza Strip", "region", "PS", 31.42, 34.36),
    ("West Bank", "region", "PS", 32.0, 35.25), ("Europe", "continent", None, 48.69, 9.14),
    ("Hamid Karzai International Airport", "airport", "AF", 34.57, 69.21),
    ("California", "admin1", "US", 37.25, -119.75), ("Calif.", "admin1", "US", 37.25, -119.75),
])
def test_first_candidate(gaz, name, feature, country, lat, lon):
    first = gaz.lookup(name)[0]
    assert (first.feature, first.country) == (feature, country)
    assert (first.lat, first.lon) == pytest.approx((lat, lon), abs=0.01)


def test_known_geonames_ids(gaz):
    assert gaz.lookup("Kabul")[0].geonameid == 1138958
    assert gaz.lookup("Afghanistan")[0].geonameid == 1149361
    assert gaz.by_geonameid(290030).name == "Doha"


@pytest.mark.parametrize("name", ["KABUL", "kabul", "Kandahar", "Kyiv", "Kiev"])
def test_lookup_ignores_case_and_accents_and_knows_alternates(gaz, name):
    assert gaz.lookup(name)


def test_alternate_names_are_flagged_and_come_last(gaz):
    assert all(c.alternate for c in gaz.lookup("Hamas"))
    assert not gaz.lookup("Kabul")[0].alternate


def test_an_extra_row_adds_names_to_a_known_city(gaz):
    assert [c.geonameid for c in gaz.lookup("Washington, D.C.")] == [4140963]
    assert 4140963 in [c.geonameid for c in gaz.lookup("Washington")]


def test_module_lookup_uses_the_cached_gazetteer(gaz):
    assert gazetteer() is gaz and lookup("Doha") == gaz.lookup("Doha")


def test_unknown_names_have_no_candidates(gaz):
    assert gaz.lookup("Xyzzyville") == []


@pytest.mark.parametrize("fields, message", [
    (["Somewhere", "", "region", "", "", "1", "2", ""], "columns"),
    (["Somewhere", "", "planet", "", "", "1", "2", "", ""], "unknown feature"),
    (["Somewhere", "", "region", "", "", "north", "2", "", ""], "bad number"),
])
def test_malformed_extra_rows_name_file_and_line(tmp_path, fields, message):
    with pytest.raises(DictionaryError, match=rf"extra.tsv:7: .*{message}"):
        _extra_entry(fields, tmp_path / "extra.tsv", 7)
