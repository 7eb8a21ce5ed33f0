"""The time stage and the TIMEX3 normaliser. Articles are dated Tuesday 2021-08-17 unless said."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.temporal.anchor import parse_date
from eventwire.temporal.base import Context
from eventwire.temporal.rules import normalise

ANCHOR = date(2021, 8, 17)  # a Tuesday, ISO week 33


def times(run_stages, text, published="2021-08-17"):
    """(text, type, value) of every time expression the stage finds."""
    doc = run_stages(text, upto="time", published=published)
    return [(t.text, t.type, t.value) for t in doc.times]


@pytest.mark.parametrize("sentence, expected", [
    ("The militants stormed the town on Monday.", ("Monday", "DATE", "2021-08-16")),
    ("Rebels shelled the port on Sunday.", ("Sunday", "DATE", "2021-08-15")),
    ("The ministers will meet again on Monday.", ("Monday", "DATE", "2021-08-23")),
    ("The envoy arrives next Monday.", ("next Monday", "DATE", "2021-08-23")),
    ("The council approved the budget on Tuesday.", ("Tuesday", "DATE", "2021-08-17")),
    ("The council will vote on Tuesday.", ("Tuesday", "DATE", "2021-08-24")),
    ("Police dispersed the crowd on Monday morning.", ("Monday morning", "TIME", "2021-08-16TMO")),
    ("Protesters gathered over the weekend in the capital.", ("the weekend", "DATE", "2021-W32-WE")),
    ("Fighting resumed last weekend near the border.", ("last weekend", "DATE", "2021-W32-WE")),
    ("The talks collapsed last week.", ("last week", "DATE", "2021-W32")),
    ("The minister resigned earlier this month.", ("earlier this month", "DATE", "2021-08")),
    ("Exports fell sharply last month.", ("last month", "DATE", "2021-07")),
    ("The rebels signed a truce last year.", ("last year", "DATE", "2020")),
    ("The treaty was signed on August 12, 2021 in Geneva.", ("August 12, 2021", "DATE", "2021-08-12")),
    ("The blockade began on Aug. 3 and ended a week later.", ("Aug. 3", "DATE", "2021-08-03")),
    ("The party was founded in 2019 by students.", ("2019", "DATE", "2019")),
    ("The floods hit the region in March.", ("March", "DATE", "2021-03")),
    ("The group first emerged in the 1990s.", ("the 1990s", "DATE", "199")),
    ("Inflation has doubled over the past two years.", ("the past two years", "DURATION", "P2Y")),
    ("The strikers ended their 11-day walkout.", ("11-day", "DURATION", "P11D")),
    ("The aid convoy was held up for three weeks.", ("three weeks", "DURATION", "P3W")),
    ("Guards patrol the camp every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("The army publishes casualty figures daily.", ("daily", "SET", "P1D")),
    ("The clinic is currently closed to visitors.", ("currently", "DATE", "PRESENT_REF")),
    ("The ceasefire was recently extended.", ("recently", "DATE", "PAST_REF")),
    ("Revenue rose in the third quarter.", ("the third quarter", "DATE", "2021-Q3")),
    ("Officials said the curfew would start at 9 p.m. Friday.", ("9 p.m. Friday", "TIME", "2021-08-13T21:00")),
])
def test_stage_finds_and_normalises(run_stages, sentence, expected):
    assert expected in times(run_stages, sentence)


@pytest.mark.parametrize("sentence, absent", [
    ("The 11-year-old boy was rescued by firefighters.", "11-year-old"),
    ("He finished second in the regional election.", "second"),
    ("Some 300 families fled the fighting.", "300"),
])
def test_stage_skips_ages_ordinals_and_numbers(run_stages, sentence, absent):
    assert all(absent not in text for text, _, _ in times(run_stages, sentence))


def test_relative_times_have_no_value_without_an_article_date(run_stages):
    found = times(run_stages, "The mayor resigned on Monday after a vote in March 2019.", published=None)
    assert ("Monday", "DATE", None) in found
    assert ("March 2019", "DATE", "2019-03") in found


def test_later_that_day_leans_on_the_last_date(run_stages):
    found = times(run_stages, "Talks opened on Aug. 10. Later that day the delegates walked out.")
    assert ("Later that day", "DATE", "2021-08-10") in found


def test_a_year_earlier_compares_with_the_quarter_just_named(run_stages):
    found = times(run_stages, "Profit rose in the second quarter from a year earlier.")
    assert ("a year earlier", "DATE", "2020-Q2") in found


@pytest.mark.parametrize("text, tense, expected", [
    ("today", None, ("DATE", "2021-08-17")),
    ("yesterday", "past", ("DATE", "2021-08-16")),
    ("tomorrow", "future", ("DATE", "2021-08-18")),
    ("tonight", "future", ("TIME", "2021-08-17TNI")),
    ("this week", None, ("DATE", "2021-W33")),
    ("this year", None, ("DATE", "2021")),
    ("17 August", "past", ("DATE", "2021-08-17")),
    ("in March", "future", ("DATE", "2022-03")),
    ("Aug. 20", "past", ("DATE", "2021-08-20")),  # three days ahead beats a year back
    ("Nov. 20", "past", ("DATE", "2020-11-20")),
    ("20 years", None, ("DURATION", "P20Y")),
    ("several months", None, ("DURATION", "PXM")),
    ("the future", None, ("DATE", "FUTURE_REF")),
    ("now", None, ("DATE", "PRESENT_REF")),
    ("earlier in the day", None, ("DATE", None)),
    ("two days ago", "past", ("DATE", "2021-08-15")),
    ("several years ago", "past", ("DATE", "PAST_REF")),
    ("the late 1980s", None, ("DATE", "198")),
    ("the 19th century", None, ("DATE", "18")),
    ("last fall", "past", ("DATE", "2020-FA")),
    ("this summer", None, ("DATE", "2021-SU")),
    ("the first half of 2020", None, ("DATE", "2020-H1")),
    ("fourth-quarter", "past", ("DATE", "2020-Q4")),
    ("June last year", None, ("DATE", "2020-06")),
    ("Christmas", "past", ("DATE", "2020-12-25")),
    ("twice a week", None, ("SET", "P1W")),
    ("Mondays", None, ("SET", "XXXX-WXX-1")),
])
def test_normalise(text, tense, expected):
    assert normalise(text.removeprefix("in "), Context(ANCHOR, tense)) == expected


@pytest.mark.parametrize("text", ["11-year-old", "third", "300", "the minister"])
def test_normalise_rejects_what_is_not_a_time(text):
    assert normalise(text, Context(ANCHOR)) is None


@pytest.mark.parametrize("text, expected", [
    ("Aug. 17, 2021", "2021-08-17"), ("2021-08-17T10:32:00Z", "2021-08-17"),
    ("Tuesday 17 August 2021 10:32 GMT", "2021-08-17"), ("17.08.2021", "2021-08-17"),
    ("August 2021", None), ("Kabul", None), (None, None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected
