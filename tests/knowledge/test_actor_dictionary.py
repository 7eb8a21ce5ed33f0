"""The built-in actor and sector tables: well-formed CAMEO-style codes, no alias claimed twice,
case rules for matching; capitals and seats of government in the country table."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from eventwire.knowledge.actor_dictionary import ActorDictionary, read_actors, read_sectors
from eventwire.knowledge.countries import country_by_iso3, country_of_capital

SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "UAF", "SPY", "CRM", "CVL", "REF", "MED",
           "BUS", "LAB", "EDU", "HLH", "REL", "ELI", "AGR", "ENV", "HRI", "MOD", "RAD", "NGO", "PKO"}
INTERNATIONAL = re.compile(r"(IGO(UNO|WLD|EUR|WST|AFR|WAF|EAF|SAF|ARB|SEA|AMR|MOS|GCC|OPC)?|NGO|IMG)")
ETHNIC = {"KUR"}


def test_sector_codes_are_cameo_agents():
    words = read_sectors()
    assert {w.sector for w in words.values() if w.sector} <= SECTORS
    assert len(words) > 300


def _split(code: str) -> tuple[str, str]:
    """(prefix, sector part) of an actor code."""
    international = INTERNATIONAL.match(code)
    if international:
        return international.group(0), code[international.end():]
    return code[:3], code[3:]


def test_actor_codes_are_a_country_or_international_prefix_and_sectors():
    for actor in read_actors():
        if actor.code in SECTORS:  # a sector alone: international news agencies (MED)
            continue
        prefix, rest = _split(actor.code)
        assert country_by_iso3(prefix) or INTERNATIONAL.fullmatch(prefix) or prefix in ETHNIC, actor
        assert all(rest[i:i + 3] in SECTORS | {"UNO"} for i in range(0, len(rest), 3)), actor


def test_no_alias_names_two_actors():
    aliases = Counter(alias for actor in read_actors() for alias in {a.lower() for a in actor.aliases})
    assert [alias for alias, count in aliases.items() if count > 1] == []


@pytest.mark.parametrize("text, name", [
    ("Amnesty", "Amnesty International"), ("al-Qaeda", "al-Qaeda"), ("Al-Qaeda", "al-Qaeda"),
    ("WHO", "World Health Organization"), ("UNITA", "UNITA"), ("Tamil Tigers", "Liberation Tigers of Tamil Eelam"),
])
def test_match_finds(text, name):
    assert ActorDictionary().match(text).name == name


@pytest.mark.parametrize("text", ["amnesty", "who", "congress", "security council", "Unita"])
def test_match_needs_the_case_of_a_name(text):
    assert ActorDictionary().match(text) is None


def test_hashtags_may_be_lower_case():
    assert ActorDictionary().match("hamas", hashtag=True).code == "PSEINS"


@pytest.mark.parametrize("name, iso3", [
    ("Kabul", "AFG"), ("Washington", "USA"), ("Belgrade", "SRB"), ("The Hague", "NLD"), ("Hague", "NLD"), ("Abidjan", "CIV"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Naypyidaw", "MMR"), ("Dar es Salaam", "TZA"),
])
def test_capitals_and_seats_of_government(name, iso3):
    assert country_of_capital(name).iso3 == iso3


@pytest.mark.parametrize("name", ["Nairobi County", "Mombasa", "Afghanistan", "Plymouth", "Douglas", ""])
def test_other_names_are_no_capitals(name):
    assert country_of_capital(name) is None
