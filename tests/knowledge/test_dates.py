"""Dates of the output contract from TIMEX3 values."""

import pytest

from eventwire.knowledge.dates import event_date


@pytest.mark.parametrize("value, expected", [
    ("2021-08-16", "2021-08-16"), ("2021-08-16TMO", "2021-08-16"), ("2021-W32-WE", "2021-08-14"),
    ("2021-W33", "2021-08"), ("2021-W35", "2021"), ("2021-08", "2021-08"), ("2021", "2021"),
    ("2021-Q3", "2021"), ("P2Y", None), ("XXXX-WXX-1", None), ("PRESENT_REF", None),
    ("199", None), (None, None),
])
def test_event_date(value, expected):
    assert event_date(value) == expected
