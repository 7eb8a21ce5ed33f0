"""Training examples for the date model: the event stage's events (dated by the rules) matched to
the gold events of the corpus, each labelled with the first candidate date that equals the gold one."""

from __future__ import annotations

import copy

from corpus.score import score_article
from eventwire.events.dating import DateIndex, date_features, offered
from eventwire.events.stage import EventCoder

from .documents import split_documents
from .examples import Examples


def date_examples(split: str, coder: EventCoder) -> Examples:
    """`coder` must run without a date model, so that the events carry the rules' dates."""
    examples = Examples()
    for gold, doc in split_documents(split):
        doc = copy.copy(doc)
        coder(doc)
        by_id = {event.id: event for event in doc.events}
        index = DateIndex(doc)
        for pair in score_article(gold, doc.to_record()).matched:
            event = by_id[pair.pred["id"]]
            dates = index.candidates(event)
            label = next((c for c in offered(dates) if dates[c] == pair.gold.get("date")), None)
            if label is None:
                continue  # no candidate offers the gold date: nothing to learn about choosing
            trigger = doc.parse.char_span(*event.trigger, alignment_mode="expand").root
            examples.add(date_features(doc, index, event, trigger), label)
    return examples
