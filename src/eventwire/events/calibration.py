"""`confidence`: the probability that an event is read right (its trigger tells an event of its
type), a logistic curve over the stage's structural score (main clause, actors found, verb or noun,
dictionary or model) fitted on the corpus's train split and calibrated on dev (MODEL.md).

The curve only rises, so the order of events by confidence stays the structural score's: the
visible PLOVER set takes the most confident event of a sentence as its main one, and a model of
whether an event is right (tried: trigger word, type, the type model's probability) ranks the
sentence's secondary acts above its main one (primary accuracy 0.862 -> 0.788)."""

from __future__ import annotations

import numpy as np

from ..model import Event
from .linear import LinearModel

RIGHT = "right"


def score_vector(structural: float) -> np.ndarray:
    return np.array([structural], dtype=np.float32)


def calibrate(events: list[Event], model: LinearModel | None) -> None:
    """Each event's `confidence` as the probability the curve gives its structural score."""
    if model is None:
        return
    for event in events:
        event.why["confidence"] = f"calibrated from the structural score {event.confidence:.2f}"
        event.confidence = round(model.probabilities([], score_vector(event.confidence))[RIGHT], 3)
