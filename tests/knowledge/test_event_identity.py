"""When two event records can tell the same real-world event (actors, dates, places)."""

from __future__ import annotations

import pytest

from eventwire.knowledge.event_identity import (Where, actor_key, actor_keys, dates_close, distance_km,
                                      places_compatible, same_side)


@pytest.mark.parametrize("code, name, key", [
    ("RUS", "Russia", "RUS"),
    ("RUSMIL", "Russian forces", "RUS"),         # a country's military acts for the country
    ("RUSGOV", "the Kremlin", "RUS"),
    ("AFGINS", "Taliban", "AFGINS"),             # insurgents are not the country
    ("IGOUNO", "United Nations", "IGOUNO"),
    ("GOV", "the  Interior Ministry", "GOV:the interior ministry"),  # a sector alone: whose is unknown
    (None, "Rapid Support Forces", "rapid support forces"),
    (None, None, None),
])
def test_actor_key(code, name, key):
    assert actor_key(code, name) == key


def test_same_side_shares_an_actor_and_may_allow_a_missing_side():
    russia = actor_keys(["RUSMIL"], ["Russian troops"])
    assert same_side(russia, actor_keys(["RUS", "BLR"], ["Russia", "Belarus"]), missing_ok=False)
    assert not same_side(russia, actor_keys(["UKRMIL"], ["Ukrainian army"]), missing_ok=True)
    assert same_side(russia, frozenset(), missing_ok=True)
    assert not same_side(russia, frozenset(), missing_ok=False)


@pytest.mark.parametrize("one, other, days, close", [
    ("2025-03-03", "2025-03-04", 1, True),
    ("2025-03-03", "2025-03-05", 1, False),
    ("2025-02-28", "2025-03-01", 1, True),       # across a month end
    ("2025-03", "2025-03-14", 0, True),          # a month holds its days
    ("2025-03", "2025-04-01", 5, False),
    (None, "2025-03-04", 0, True),
])
def test_dates_close(one, other, days, close):
    assert dates_close(one, other, days=days) is close


KABUL = Where("Kabul", "AF", 34.53, 69.17, "city")
KABUL_AIRPORT = Where("Hamid Karzai International Airport", "AF", 34.57, 69.21, "airport")
KANDAHAR = Where("Kandahar", "AF", 31.61, 65.71, "city")
AFGHANISTAN = Where("Afghanistan", "AF", 33.0, 65.0, "country")
PESHAWAR = Where("Peshawar", "PK", 34.01, 71.58, "city")


@pytest.mark.parametrize("one, other, compatible", [
    (KABUL, KABUL_AIRPORT, True),      # 6 km apart
    (KABUL, KANDAHAR, False),          # 480 km apart
    (KABUL, AFGHANISTAN, True),        # a country holds its towns
    (AFGHANISTAN, PESHAWAR, False),    # but not another country's
    (KABUL, None, True),
])
def test_places_compatible(one, other, compatible):
    assert places_compatible(one, other, km=50) is compatible


def test_distance_km_kabul_to_kandahar():
    assert distance_km(KABUL.lat, KABUL.lon, KANDAHAR.lat, KANDAHAR.lon) == pytest.approx(446, abs=15)
