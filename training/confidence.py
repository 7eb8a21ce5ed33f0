"""Training examples for the confidence curve: each event the stage outputs (with the other models,
before calibration) with its structural score, labelled right when its trigger overlaps a gold
event's trigger of its type, asserted or not, and wrong otherwise."""

from __future__ import annotations

import copy

from corpus.score import OffsetMap
from corpus.spans import overlaps
from eventwire.events.calibration import RIGHT, score_vector
from eventwire.events.stage import EventCoder

from .documents import split_documents
from .examples import Examples

WRONG = "wrong"


def confidence_examples(split: str, coder: EventCoder) -> Examples:
    """`coder` must run without a confidence model, so that the events carry the structural score."""
    examples = Examples()
    for gold, doc in split_documents(split):
        doc = copy.copy(doc)
        coder(doc)
        offsets = OffsetMap(doc.text, gold["text"])
        for event in doc.events:
            span = offsets.span(*event.trigger)
            right = any(g["type"] == event.type and overlaps(span, (g["trigger"]["start"], g["trigger"]["end"]))
                        for g in gold["events"])
            examples.add([], RIGHT if right else WRONG, score_vector(event.confidence))
    return examples
