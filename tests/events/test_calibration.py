"""`confidence` is a probability fitted to how often events are right, and keeps the structural
score's order (the most confident event of a sentence is still its main one)."""

from __future__ import annotations

from eventwire.events.calibration import calibrate
from eventwire.events.linear import shipped
from eventwire.model import Event


def events_scored(*scores):
    return [Event(id=f"V{i}", type="ASSAULT", start=0, end=1, confidence=score) for i, score in enumerate(scores)]


def test_the_shipped_curve_rises_and_gives_probabilities():
    events = events_scored(0.1, 0.4, 0.55, 0.9)
    calibrate(events, shipped("confidence"))
    values = [event.confidence for event in events]
    assert values == sorted(values) and len(set(values)) == 4
    assert all(0.0 < value < 1.0 for value in values)
    assert "structural score 0.90" in events[-1].why["confidence"]


def test_without_a_curve_the_structural_score_stands():
    events = events_scored(0.4)
    calibrate(events, None)
    assert events[0].confidence == 0.4 and "confidence" not in events[0].why


def test_a_main_clause_act_with_both_actors_is_more_likely_right_than_a_bare_noun(run_stages):
    doc = run_stages("Police arrested 40 protesters in Nairobi on Tuesday after the protest.", upto="events",
                     published="2025-03-12")
    by_trigger = {doc.text[slice(*event.trigger)]: event.confidence for event in doc.events}
    assert by_trigger["arrested"] > 0.8
    assert by_trigger.get("protest", 0.0) < by_trigger["arrested"]
