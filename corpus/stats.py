"""Counts over the corpus: articles, sentences, events per type, sentences without an event,
countries, styles and factuality classes, by split."""

from __future__ import annotations

import re
from collections import Counter

from . import vocab

# Sentence ends: . ! ? (then closing quotes or brackets), a space, then something that can open a
# sentence. Titles and initials before a full stop do not end one.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
NOT_AN_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|Prof|Rev|St|Jr|Sr|"
                        r"No|Vol|approx|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)|"
                        r"\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text` (paragraph breaks always end one)."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if "\n" not in match.group(0) and NOT_AN_END.search(text[start:match.start()]):
            continue
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def corpus_counts(records: list[dict]) -> dict:
    """Every figure of the closing table, for a list of records."""
    types, factuality, styles, countries = Counter(), Counter(), Counter(), Counter()
    modes = Counter()
    sentences = empty = events = quotes = counts = 0
    for record in records:
        spans = sentence_spans(record["text"])
        sentences += len(spans)
        triggers = [e["trigger"]["start"] for e in record["events"] if e.get("trigger")]
        empty += sum(1 for start, end in spans if not any(start <= t < end for t in triggers))
        for event in record["events"]:
            events += 1
            types[event["type"]] += 1
            factuality[event["factuality"]] += 1
            if event.get("mode"):
                modes[f"{event['type']}/{event['mode']}"] += 1
        quotes += len(record["quotes"])
        counts += len(record["counts"])
        styles[record["style"]] += 1
        countries.update(record["countries"])
    return {"articles": len(records), "sentences": sentences, "sentences_without_event": empty,
            "events": events, "quotes": quotes, "counts": counts, "types": dict(types),
            "factuality": dict(factuality), "styles": dict(styles), "countries": len(countries),
            "modes": dict(modes)}


def render(by_split: dict[str, list[dict]]) -> str:
    """A Markdown table of the counts, one column per split and one for all."""
    columns = {**{name: corpus_counts(records) for name, records in by_split.items()},
               "all": corpus_counts([r for records in by_split.values() for r in records])}
    rows = [("articles", "articles"), ("sentences", "sentences"),
            ("sentences without an event", "sentences_without_event"), ("events", "events"),
            ("quotes", "quotes"), ("counts", "counts"), ("countries", "countries")]
    lines = ["| | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for label, key in rows:
        lines.append(f"| {label} | " + " | ".join(str(c[key]) for c in columns.values()) + " |")
    for kind in vocab.TYPES:
        lines.append(f"| {kind} | " + " | ".join(str(c["types"].get(kind, 0)) for c in columns.values()) + " |")
    for fact in vocab.FACTUALITY:
        lines.append(f"| {fact} | " + " | ".join(str(c["factuality"].get(fact, 0)) for c in columns.values()) + " |")
    for style in vocab.STYLES:
        lines.append(f"| style: {style} | " + " | ".join(str(c["styles"].get(style, 0)) for c in columns.values()) + " |")
    return "\n".join(lines)
