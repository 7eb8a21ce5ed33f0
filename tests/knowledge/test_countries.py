"""The country table: names, short forms and demonyms to ISO codes."""

import pytest

from eventwire.knowledge.countries import (country_by_iso2, country_by_iso3, country_by_name, country_of_demonym,
                                 country_of_name, country_table)
from eventwire.errors import DictionaryError


@pytest.mark.parametrize("text, iso3", [
    ("Afghanistan", "AFG"), ("Afghan", "AFG"), ("Afghans", "AFG"), ("U.S.", "USA"), ("US", "USA"),
    ("the U.S.", "USA"), ("USA", "USA"), ("America", "USA"), ("the States", "USA"), ("American", "USA"),
    ("Qatar", "QAT"), ("qatari", "QAT"), ("Britain", "GBR"), ("U.K.", "GBR"), ("British", "GBR"),
    ("Palestinian territories", "PSE"), ("Palestinians", "PSE"), ("Russian Federation", "RUS"),
    ("Republic of Korea", "KOR"), ("Côte d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"),
    ("Ivory Coast", "CIV"), ("Israeli", "ISR"), ("the Netherlands", "NLD"), ("Dutch", "NLD"),
])
def test_country_by_name_finds_names_aliases_and_demonyms(text, iso3):
    assert country_by_name(text).iso3 == iso3


@pytest.mark.parametrize("text", ["Hamas", "Taliban", "States", "Kabul", ""])
def test_country_by_name_is_none_for_non_countries(text):
    assert country_by_name(text) is None


def test_demonyms_are_not_names():
    assert country_of_name("Afghan") is None
    assert country_of_demonym("Afghan").iso2 == "AF"
    assert country_of_demonym("Afghanistan") is None


@pytest.mark.parametrize("iso2, iso3, capital", [("AF", "AFG", "Kabul"), ("QA", "QAT", "Doha"),
                                                 ("US", "USA", "Washington")])
def test_codes_and_capitals(iso2, iso3, capital):
    country = country_by_iso2(iso2.lower())
    assert country is country_by_iso3(iso3)
    assert country.capital == capital and country.capital_geonameid


def test_table_covers_the_iso_countries_with_points():
    countries = country_table().by_iso2.values()
    assert len(countries) >= 249
    assert all(-90 <= c.lat <= 90 and -180 <= c.lon <= 180 for c in countries)


def test_qatar_point_is_in_qatar():
    qatar = country_by_iso2("QA")
    assert (qatar.lat, qatar.lon) == pytest.approx((25.5, 51.25), abs=0.5)


@pytest.mark.parametrize("row, message", [
    ("AF\tAFG\t1\tAfghanistan\t\tAfghan\tKabul\t\t33\t66", "columns"),
    ("A1\tAFG\t1\tAfghanistan\t\tAfghan\tKabul\t\t33\t66\t1", "ISO"),
    ("AF\tAFG\t1\tAfghanistan\t\tAfghan\tKabul\t\tnorth\t66\t1", "bad number"),
])
def test_malformed_rows_name_file_and_line(tmp_path, row, message):
    path = tmp_path / "countries.tsv"
    path.write_text(f"# header\n{row}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=rf"countries.tsv:2: .*{message}"):
        country_table.__wrapped__(path)


def test_a_name_claimed_twice_is_an_error(tmp_path):
    path = tmp_path / "countries.tsv"
    path.write_text("AF\tAFG\t1\tAfghanistan\t\tAfghan\t\t\t33\t66\t1\n"
                    "QA\tQAT\t2\tQatar\tAfghanistan\t\t\t\t25\t51\t1\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="countries.tsv:2: 'Afghanistan' already names AF"):
        country_table.__wrapped__(path)


def test_bare_congo_is_the_democratic_republic():
    from eventwire.knowledge.countries import country_by_name

    assert country_by_name("Congo").iso3 == "COD"
    assert country_by_name("Republic of Congo").iso3 == "COG"
    assert country_by_name("Congo-Brazzaville").iso3 == "COG"
